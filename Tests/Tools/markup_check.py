#!/usr/bin/env python3
"""Checks a report folder the way an attacker's success would show: prints a JSON list of problems.

usage: markup_check.py FOLDER

- index.html, parsed with html.parser: exactly one <script> (the page's own, inline), no attribute
  named on…, no javascript: URL, and under 2 MB;
- every SVG under charts/, parsed as XML: no <script>, no <foreignObject>, no attribute named on…;
- tasks.csv, read with the csv module: every row as wide as the header;
- junit.xml: well-formed XML.
Standard library only.
"""
import csv
import html.parser
import json
import os
import sys
import xml.etree.ElementTree as ElementTree

PAGE_LIMIT = 2_000_000


class PageScan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
            if any(name == "src" for name, _ in attrs):
                self.problems.append("index.html: a script with src")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"index.html: <{tag}> has the attribute {name}")
            if value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"index.html: <{tag} {name}> is a javascript: URL")


def check(folder):
    problems = []
    page = os.path.join(folder, "index.html")
    if os.path.exists(page):
        size = os.path.getsize(page)
        if size >= PAGE_LIMIT:
            problems.append(f"index.html is {size} bytes")
        scan = PageScan()
        with open(page, encoding="utf-8") as f:
            scan.feed(f.read())
        scan.close()
        problems += scan.problems
        if scan.scripts != 1:
            problems.append(f"index.html has {scan.scripts} script elements")
    charts = os.path.join(folder, "charts")
    for name in sorted(os.listdir(charts)) if os.path.isdir(charts) else []:
        if not name.endswith(".svg"):
            continue
        try:
            root = ElementTree.parse(os.path.join(charts, name)).getroot()
        except ElementTree.ParseError as error:
            problems.append(f"charts/{name}: not well-formed: {error}")
            continue
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag in ("script", "foreignObject"):
                problems.append(f"charts/{name}: <{tag}>")
            for attribute in element.attrib:
                if attribute.rsplit("}", 1)[-1].lower().startswith("on"):
                    problems.append(f"charts/{name}: <{tag}> has the attribute {attribute}")
    csv.field_size_limit(sys.maxsize)  # a field may hold a whole record's text
    table = os.path.join(folder, "tasks.csv")
    if os.path.exists(table):
        with open(table, newline="", encoding="utf-8") as f:
            widths = {len(row) for row in csv.reader(f)}
        if len(widths) > 1:
            problems.append(f"tasks.csv rows have widths {sorted(widths)}")
    junit = os.path.join(folder, "junit.xml")
    if os.path.exists(junit):
        try:
            ElementTree.parse(junit)
        except ElementTree.ParseError as error:
            problems.append(f"junit.xml: not well-formed: {error}")
    return problems


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1])))
