#!/usr/bin/env python3
"""What a user wrote before taskreport read JUnit XML: Python's streaming
ElementTree parser and numpy, computing taskreport's statistics only.

Usage: junit_python.py INPUT.xml OUT_JSON
One record per <testcase>: status passed/failed/error/skipped, duration from
`time` (seconds, to ms), group the class name (else the suite's name). Sample
std dev, numpy's linear percentiles, per-group p50/p95.
"""
import json
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict

import numpy


def main():
    path, out = sys.argv[1], sys.argv[2]
    statuses, durations, groups, suites = Counter(), [], defaultdict(list), []
    for event, element in ElementTree.iterparse(path, events=("start", "end")):
        if element.tag == "testsuite":
            if event == "start":
                suites.append(element.get("name", ""))
            else:
                suites.pop()
                element.clear()
        elif element.tag == "testcase" and event == "end":
            status = "passed"
            for child in element:
                if child.tag in ("failure", "error", "skipped"):
                    status = {"failure": "failed", "error": "error", "skipped": "skipped"}[child.tag]
            statuses[status] += 1
            ms = float(element.get("time", "0")) * 1000
            durations.append(ms)
            groups[element.get("classname") or suites[-1]].append(ms)
            element.clear()
    d = numpy.array(durations)
    p50, p90, p95, p99 = numpy.percentile(d, [50, 90, 95, 99])
    stats = {
        "record_count": len(durations),
        "statuses": dict(statuses),
        "durations": {"count": len(d), "missing": 0, "min_ms": d.min(), "max_ms": d.max(), "mean_ms": d.mean(),
                      "stddev_ms": d.std(ddof=1), "p50_ms": p50, "p90_ms": p90, "p95_ms": p95, "p99_ms": p99},
        "groups": {g: {"p50_ms": numpy.percentile(v, 50), "p95_ms": numpy.percentile(v, 95)} for g, v in groups.items()},
    }
    with open(out, "w") as f:
        json.dump(stats, f, indent=2, sort_keys=True, default=float)


if __name__ == "__main__":
    main()
