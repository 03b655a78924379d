#!/usr/bin/env python3
"""Deterministic synthetic task records for the benchmark.

A month of nightly runs: 30 runs, 12 groups, 200 task names, log-normal
durations with a heavy tail, a realistic status mix, ISO timestamps.

Usage: generate.py COUNT OUT_PREFIX
       generate.py --junit MEGABYTES OUT_PATH
Writes OUT_PREFIX.jsonl, OUT_PREFIX.json (an array) and OUT_PREFIX.sqlite
(table `tasks`, record-schema columns); or, with --junit, JUnit XML of about
MEGABYTES as pytest writes it: suites of 100 test cases, 5 % failing with a
message, a traceback and captured output, 3 % skipped. The same arguments
always give the same bytes.
"""
import json
import math
import random
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

STATUSES = ["completed", "failed", "timeout", "skipped", "cancelled", "running", "pending"]
WEIGHTS = [90.0, 5.0, 1.0, 2.0, 1.0, 0.5, 0.5]
GROUPS = [f"group-{g:02d}" for g in range(12)]
NAMES = [f"task-{n:03d}" for n in range(200)]
RUNS = 30
EPOCH = datetime(2026, 10, 1, 1, 0, tzinfo=timezone.utc)


def records(count):
    rng = random.Random(20261124)
    cumulative = []
    total = 0.0
    for w in WEIGHTS:
        total += w
        cumulative.append(total / sum(WEIGHTS))
    per_run = math.ceil(count / RUNS)
    for i in range(count):
        run = i // per_run
        u = rng.random()
        status = STATUSES[next(k for k, c in enumerate(cumulative) if u <= c)]
        name = NAMES[rng.randrange(len(NAMES))]
        group = GROUPS[hash_index(name)]
        start = EPOCH + timedelta(days=run, seconds=rng.uniform(0, 4 * 3600))
        duration = round(rng.lognormvariate(7.5, 1.4), 3)
        if rng.random() < 0.002:
            duration = round(duration * 50, 3)  # the heavy tail
        record = {
            "id": i + 1,
            "run_id": f"nightly-{run + 1:02d}",
            "name": name,
            "group": group,
            "status": status,
            "started_at": iso(start),
            "finished_at": iso(start + timedelta(milliseconds=duration)),
            "duration_ms": duration,
            "exit_code": 0 if status == "completed" else 1,
            "attempts": 1 if rng.random() < 0.97 else 2,
        }
        if status in ("running", "pending"):
            del record["duration_ms"]  # not finished: no duration, no end
            del record["finished_at"]
        if status == "failed":
            record["error"] = "exit status 1: assertion failed"
        yield record


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def hash_index(name):
    return sum(map(ord, name)) % len(GROUPS)


def junit(megabytes, path):
    rng = random.Random(20261127)
    limit = megabytes * 1_000_000
    with open(path, "w") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="pytest tests">\n')
        suite = 0
        while out.tell() < limit:
            suite += 1
            stamp = iso(EPOCH + timedelta(seconds=suite))
            out.write(f'<testsuite name="pytest" tests="100" timestamp="{stamp}" hostname="runner-{suite % 8}">\n')
            module = f"tests.module_{suite:05d}.TestCase{suite % 37}"
            for case in range(100):
                seconds = round(rng.lognormvariate(-3.5, 1.6), 3)
                head = f'<testcase classname="{module}" name="test_{case:03d}[param-{rng.randrange(1000)}]" time="{seconds}"'
                u = rng.random()
                if u < 0.05:
                    out.write(head + '><failure message="AssertionError: assert 500 == 201">'
                              f"self = &lt;{module} object at 0x7f3a2c1d5e10&gt;\n\n    def test_{case:03d}(self):\n"
                              "&gt;       assert response.status_code == 201\nE       AssertionError: assert 500 == 201\n\n"
                              f"tests/module_{suite:05d}.py:{case + 10}: AssertionError</failure>"
                              "<system-out>POST /items -&gt; 500 Internal Server Error\nretrying once\n</system-out>"
                              "</testcase>\n")
                elif u < 0.08:
                    out.write(head + '><skipped type="pytest.skip" message="needs postgres">'
                              f"tests/module_{suite:05d}.py:{case + 10}: needs postgres</skipped></testcase>\n")
                else:
                    out.write(head + " />\n")
            out.write("</testsuite>\n")
        out.write("</testsuites>\n")


def main():
    if sys.argv[1] == "--junit":
        junit(int(sys.argv[2]), sys.argv[3])
        return
    count, prefix = int(sys.argv[1]), sys.argv[2]
    rows = list(records(count))
    with open(prefix + ".jsonl", "w") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    with open(prefix + ".json", "w") as out:
        out.write("[\n")
        out.write(",\n".join(json.dumps(r) for r in rows))
        out.write("\n]\n")
    db = sqlite3.connect(prefix + ".sqlite.tmp")
    db.execute("DROP TABLE IF EXISTS tasks")
    db.execute('CREATE TABLE tasks (id INTEGER, run_id TEXT, name TEXT, "group" TEXT, status TEXT, '
               "started_at TEXT, finished_at TEXT, duration_ms REAL, exit_code INTEGER, attempts INTEGER, error TEXT)")
    db.executemany("INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   ((r["id"], r["run_id"], r["name"], r["group"], r["status"], r["started_at"], r.get("finished_at"),
                     r.get("duration_ms"), r["exit_code"], r["attempts"], r.get("error")) for r in rows))
    db.commit()
    db.close()
    import os
    os.replace(prefix + ".sqlite.tmp", prefix + ".sqlite")


if __name__ == "__main__":
    main()
