#!/usr/bin/env python3
"""The seed's stack doing taskreport's job: pandas for the statistics,
matplotlib for the four charts (PNG and SVG), a plain HTML page, stats.json.

Usage: seed_report.py INPUT OUT_DIR
INPUT is .jsonl, .json (array) or .sqlite (table tasks). The statistics follow
taskreport's definitions (numpy's linear percentiles, sample std dev,
log-spaced histogram, per-group p50/p95, tasks per time bucket) so that the
benchmark can compare the numbers as well as the time.
"""
import json
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

QUANTILES = [0.5, 0.9, 0.95, 0.99]


def load(path):
    if path.endswith(".jsonl"):
        return pd.read_json(path, lines=True, dtype=False)
    if path.endswith(".json"):
        return pd.read_json(path, dtype=False)
    with sqlite3.connect(path) as db:
        return pd.read_sql_query("SELECT * FROM tasks", db)


def statistics(df):
    durations = df["duration_ms"].dropna().to_numpy(dtype=np.float64)
    counts = df["status"].value_counts()
    by_group = df.groupby("group")["duration_ms"].quantile([0.5, 0.95]).unstack()
    crosstab = pd.crosstab(df["group"], df["status"])
    started = pd.to_datetime(df["started_at"], utc=True, format="ISO8601")
    timeline = pd.crosstab(started.dt.floor("6h"), df["status"])
    low = 10 ** np.floor(np.log10(durations[durations > 0].min()))
    high = 10 ** np.ceil(np.log10(durations.max()))
    histogram, edges = np.histogram(durations, bins=np.geomspace(low, high, 31))
    return {
        "record_count": int(len(df)),
        "statuses": {str(k): int(v) for k, v in counts.items()},
        "durations": {
            "count": int(len(durations)),
            "missing": int(len(df) - len(durations)),
            "min_ms": float(durations.min()),
            "max_ms": float(durations.max()),
            "mean_ms": float(durations.mean()),
            "stddev_ms": float(durations.std(ddof=1)),
            **{f"p{int(q * 100)}_ms": float(np.percentile(durations, q * 100)) for q in QUANTILES},
        },
        "groups": {g: {"p50_ms": float(r[0.5]), "p95_ms": float(r[0.95])} for g, r in by_group.iterrows()},
    }, histogram, edges, crosstab, timeline


def charts(out, counts, histogram, edges, crosstab, timeline):
    os.makedirs(os.path.join(out, "charts"), exist_ok=True)

    def save(fig, name):
        fig.tight_layout()
        for ext in ("png", "svg"):
            fig.savefig(os.path.join(out, "charts", f"{name}.{ext}"), dpi=200)
        plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4.2))
    bars = ax.bar(list(counts.keys()), list(counts.values()))
    ax.bar_label(bars)
    ax.set_title("Task Status Distribution")
    save(fig, "status")

    fig, ax = plt.subplots(figsize=(8, 4.2))
    ax.bar(range(len(histogram)), histogram)
    ax.set_title("Task Durations")
    save(fig, "duration")

    fig, ax = plt.subplots(figsize=(8, 4.2))
    crosstab.plot(kind="bar", stacked=True, ax=ax)
    ax.set_title("Status by Group")
    save(fig, "groups")

    fig, ax = plt.subplots(figsize=(8, 4.2))
    timeline.plot(kind="bar", stacked=True, ax=ax)
    ax.set_title("Tasks over Time")
    save(fig, "timeline")


def main():
    path, out = sys.argv[1], sys.argv[2]
    df = load(path)
    stats, histogram, edges, crosstab, timeline = statistics(df)
    charts(out, stats["statuses"], histogram, edges, crosstab, timeline)
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in stats["statuses"].items())
    images = "".join(f'<img src="charts/{n}.svg">' for n in ("status", "duration", "groups", "timeline"))
    with open(os.path.join(out, "index.html"), "w") as f:
        f.write(f"<!DOCTYPE html><html><body><h1>Task Report</h1><table>{rows}</table>{images}</body></html>")
    with open(os.path.join(out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
