#!/usr/bin/env python3
"""Writes Tests/Fixtures/stats-cases.json: reference statistics computed by numpy.

The Swift tests compare the C kernel against these numbers, so the expected
values come from an independent implementation, not from our own code.
Regenerate with: python3 Tests/Fixtures/make_stats_fixtures.py
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261124)
quantiles = [0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0]

cases = {
    "one value": [42.0],
    "two values": [10.0, 20.0],
    "small with duplicates": [5.0, 1.0, 5.0, 3.0, 5.0, 2.0, 1.0, 8.0, 5.0],
    "all equal": [7.25] * 50,
    "ascending": [float(i) for i in range(1, 1002)],
    "descending": [float(i) for i in range(2000, 0, -1)],
    "log-normal heavy tail": rng.lognormal(mean=6.0, sigma=1.6, size=5001).tolist(),
    "large offset": (1e9 + rng.normal(0.0, 3.0, size=1000)).tolist(),
    "many duplicates": rng.integers(0, 10, size=10000).astype(float).tolist(),
    "with zeros": [0.0] * 30 + rng.exponential(250.0, size=470).tolist(),
    # Many of the summary's 2048-value blocks, merged: a large offset, and a mean that drifts from block to block.
    "large offset, many blocks": (1e9 + rng.normal(0.0, 3.0, size=6000)).tolist(),
    "drifting mean, many blocks": (5e6 + np.arange(7001) * 0.37 + rng.normal(0.0, 0.5, size=7001)).tolist(),
}

out = []
for name, values in cases.items():
    a = np.array(values, dtype=np.float64)
    counts, edges = np.histogram(a, bins=20)
    out.append({
        "name": name,
        "values": values,
        "quantiles": quantiles,
        "percentiles": [float(np.percentile(a, q * 100)) for q in quantiles],
        "mean": float(np.mean(a)),
        "stddev": float(np.std(a, ddof=1)) if len(a) > 1 else 0.0,
        "min": float(np.min(a)),
        "max": float(np.max(a)),
        "sum": float(np.sum(a)),
        "histogram_counts": [int(c) for c in counts],
        "histogram_edges": [float(e) for e in edges],
    })

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats-cases.json")
with open(path, "w") as f:
    json.dump({"generator": f"numpy {np.__version__}", "cases": out}, f)
    f.write("\n")
print(path)
