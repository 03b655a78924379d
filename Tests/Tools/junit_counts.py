#!/usr/bin/env python3
"""Prints, as JSON, the counts each JUnit file's own tool wrote into it: for every file given, the
sums of `tests`, `failures`, `errors`, `skipped` and `disabled` over the <testsuite> elements that
hold test cases (Jest writes no `skipped` on its <testsuites> root, so the root is not trusted).
An independent reading of the files for Tests/IngestTests/JUnitInputTests.swift."""
import json
import sys
import xml.etree.ElementTree as ElementTree

counts = {}
for path in sys.argv[1:]:
    root = ElementTree.parse(path).getroot()
    suites = [s for s in root.iter("testsuite") if s.find("testcase") is not None]
    counts[path] = {key: sum(int(s.get(key, "0")) for s in suites)
                    for key in ["tests", "failures", "errors", "skipped", "disabled"]}
json.dump(counts, sys.stdout)
