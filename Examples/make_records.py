#!/usr/bin/env python3
"""Writes Examples/records.jsonl: one deterministic night of task records.

Used by `make run` until the scheduler writes its own store. Re-run after
changing it: python3 Examples/make_records.py > Examples/records.jsonl
"""
import json
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(20261124)
groups = {
    "build": ["compile-core", "compile-ui", "link", "package"],
    "test": ["unit", "integration", "e2e-chrome", "e2e-firefox", "contract"],
    "data": ["ingest-orders", "ingest-clicks", "dedupe", "aggregate-daily", "export-warehouse"],
    "maintenance": ["vacuum-db", "rotate-logs", "prune-artifacts", "renew-certs"],
    "reports": ["sales-summary", "usage-by-region", "billing-reconcile"],
}
errors = {
    "failed": ["exit status 1: assertion failed in test_checkout_total",
               "connection refused: 10.0.0.12:5432",
               "OOMKilled: container exceeded 2Gi",
               "HTTP 503 from upstream https://api.example.test/v2/orders"],
    "timeout": ["no output for 600s; killed after 10m"],
}
night = datetime(2026, 11, 23, 22, 0, tzinfo=timezone.utc)
records = []
n = 0
for run in range(3):
    start = night + timedelta(hours=2 * run)
    for group, names in groups.items():
        for name in names:
            for shard in range(4 if group in ("test", "data") else 2):
                n += 1
                began = start + timedelta(seconds=rng.uniform(0, 5400))
                seconds = rng.lognormvariate(3.2 if group != "test" else 4.0, 1.1)
                status = rng.choices(["completed", "failed", "timeout", "skipped", "cancelled"],
                                     [88, 6, 2, 3, 1])[0]
                if status == "timeout":
                    seconds = 600.0
                record = {
                    "id": f"run{run + 1}-{n:04d}",
                    "name": f"{name}#{shard}",
                    "group": group,
                    "status": status,
                    "started_at": began.isoformat().replace("+00:00", "Z"),
                    "run_id": f"nightly-{run + 1}",
                    "attempts": 1 if status != "failed" or rng.random() < 0.5 else 2,
                }
                if status == "skipped":
                    record["duration_ms"] = 0
                else:
                    record["finished_at"] = (began + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")
                    record["exit_code"] = 0 if status == "completed" else (124 if status == "timeout" else 1)
                if status in errors:
                    record["error"] = rng.choice(errors[status])
                if rng.random() < 0.2:
                    record["data"] = {"host": f"worker-{rng.randint(1, 6)}", "retries_left": rng.randint(0, 2)}
                records.append(record)
records.sort(key=lambda r: r["started_at"])
for r in records:
    print(json.dumps(r))
