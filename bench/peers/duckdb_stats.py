#!/usr/bin/env python3
"""DuckDB computing taskreport's statistics only (no charts, no page).

Usage: duckdb_stats.py INPUT OUT_JSON
INPUT is .jsonl or .json (array). Status counts, duration count/min/max/mean/
sample std dev, exact percentiles (quantile_cont: linear interpolation, as
numpy), per-group p50/p95 and a log-spaced histogram.
"""
import json
import sys

import duckdb


def main():
    path, out = sys.argv[1], sys.argv[2]
    fmt = "newline_delimited" if path.endswith(".jsonl") else "array"
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_json_auto('{path}', format='{fmt}')")
    statuses = dict(con.execute("SELECT status, count(*) FROM t GROUP BY status").fetchall())
    count, low, high, mean, std, p50, p90, p95, p99, total = con.execute("""
        SELECT count(duration_ms), min(duration_ms), max(duration_ms), avg(duration_ms), stddev_samp(duration_ms),
               quantile_cont(duration_ms, 0.5), quantile_cont(duration_ms, 0.9),
               quantile_cont(duration_ms, 0.95), quantile_cont(duration_ms, 0.99), count(*)
        FROM t""").fetchone()
    groups = {g: {"p50_ms": a, "p95_ms": b} for g, a, b in con.execute("""
        SELECT "group", quantile_cont(duration_ms, 0.5), quantile_cont(duration_ms, 0.95) FROM t GROUP BY "group"
        """).fetchall()}
    con.execute("""
        SELECT floor(log10(greatest(duration_ms, 1e-9)) * 5) AS bin, count(*) FROM t
        WHERE duration_ms IS NOT NULL GROUP BY bin ORDER BY bin""").fetchall()
    stats = {
        "record_count": total,
        "statuses": statuses,
        "durations": {"count": count, "missing": total - count, "min_ms": low, "max_ms": high, "mean_ms": mean,
                      "stddev_ms": std, "p50_ms": p50, "p90_ms": p90, "p95_ms": p95, "p99_ms": p99},
        "groups": groups,
    }
    with open(out, "w") as f:
        json.dump(stats, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
