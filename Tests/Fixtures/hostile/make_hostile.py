#!/usr/bin/env python3
"""Writes the hostile corpus: inputs made as an attacker would, and the outcome each must have.

Run from anywhere: `python3 Tests/Fixtures/hostile/make_hostile.py`. It rewrites every file in
this folder (except itself, fuzz-*.* findings and the templates/ cases) and `expectations.json`,
which maps each input to "ok" (exit 0) or to a fragment of the one line it must fail with
(exit 2). The test (Tests/ReportTests/HostileCorpusTests.swift) runs each through
`taskreport report` and `taskreport stats` and checks the promises of issue 9: no signal, one
line naming the place, the old report untouched on error, no script in any page or SVG, CSV rows
of one width, well-formed junit.xml, index.html under 2 MB.
"""
import json
import os
import sqlite3
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = {}


def write(name, data, expect="ok"):
    """Writes one case; `data` is text (UTF-8) or bytes."""
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    EXPECT[name] = expect


def lines(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def record(**fields):
    return {"id": fields.pop("id", "t1"), "status": fields.pop("status", "failed"), **fields}


# ===== Injection =================================================================================
BREAKOUT = 'q"\u0301 onload=document.title="PWNED" x="'
write("xss-quote-combining-mark.jsonl", lines(
    record(status=BREAKOUT, group=BREAKOUT, run_id=BREAKOUT, name=BREAKOUT, error=BREAKOUT),
    record(id="t2", status=BREAKOUT, group="g", run_id="r2", name="n2", duration_ms=5)))
for char, label in [("<", "lt"), ("&", "amp"), ("'", "apos"), (">", "gt")]:
    text = f"{char}\u0301img src=x onerror=alert(1){char}\u0301"
    write(f"xss-{label}-combining-mark.jsonl", lines(record(status=text, group=text, name=text, error=text)))
write("xss-script-tags.jsonl", lines(
    record(name="</td></tr></table><script>alert(1)</script>", group="<svg/onload=alert(1)>",
           status="<img src=x onerror=alert(1)>", error="]]></failure><script>alert(1)</script>", duration_ms=3),
    record(id="</title><script>", status="completed", run_id="<!--", duration_ms=4)))
write("xss-in-attributes.jsonl", lines(
    record(status="x\" style=\"background:url(javascript:alert(1))", group="javascript:alert(1)",
           name="' onfocus='alert(1)' autofocus='")))
write("xss-in-output.jsonl", lines(
    record(name="out", output="</pre></details><script>alert(1)</script>" + BREAKOUT + "\u001b]0;PWNED\u0007\u001b[31m"
           + "<\u0301img src=x onerror=alert(1)>\r\n\u009b2J" + "x" * 5000 + "</pre><script>alert(2)</script>",
           error="\u001b[?1049h", started_at=1795482000, duration_ms=5),
    record(id="t2", name="</text></svg><script>alert(3)</script>", status="timeout", started_at=1795482001,
           duration_ms=7, output="\u001b[1m" * 2000)))
write("csv-crlf-only.jsonl", lines(record(id="\r\n", name="\r\n", group="\r", error="\n"), record(id="b")))
write("csv-quote-combining-mark.jsonl", lines(record(error='x"\u0301,=HYPERLINK("http://evil")', name='"\u0301')))
write("csv-formulas.jsonl", lines(*[record(id=f"t{i}", name=v, error=v) for i, v in
                                   enumerate(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])]))
write("terminal-escapes.jsonl", lines(
    record(status="\u001b]0;PWNED\u0007\u001b[31mred", group="\u009b2J\u001b[2J", name="\u0007bell",
           error="\u001b[?1049h")))
write("control-characters-all.jsonl", lines(*[
    record(id=f"c{code}", name=f"a{chr(code)}b", status=f"s{chr(code)}", group=f"g{chr(code)}", error=f"e{chr(code)}")
    for code in list(range(1, 32)) + [127] + list(range(0x80, 0xA0)) + [0xFFFE, 0xFFFF, 0x2028, 0x2029, 0x202E]]))
write("markdown-syntax.jsonl", lines(
    record(name="| a | b |\n|---|", status="failed", error="`code` *bold* [link](javascript:x) <b>", run_id="r1")))

# ===== Numbers no task can have, and the edges that are fine =====================================
for name, value, expect in [
    ("duration-1e300", 1e300, "duration_ms gives a duration over 100 years"),
    ("duration-max-double", 1.7e308, "duration_ms gives a duration over 100 years"),
    ("duration-2-pow-64", 18446744073709551616, "duration_ms gives a duration over 100 years"),
    ("duration-subnormal", 5e-324, "ok"),
    ("duration-100-years", 3155760000000, "ok"),
    ("duration-negative-zero", -0.0, "ok"),
    ("duration-negative", -1, "duration_ms must not be negative"),
]:
    write(f"{name}.jsonl", lines(record(duration_ms=value), record(id="t2", status="completed", duration_ms=10)), expect)
write("duration-infinite-literal.jsonl", '{"id":1,"status":"ok","duration_ms":1e999}\n', "must be a finite number")
for name, fields, expect in [
    ("time-started-1e19", {"started_at": 1e19}, "outside the years 1 to 9999"),
    ("time-started-minus-1e19", {"started_at": -1e19}, "outside the years 1 to 9999"),
    ("time-finished-max-double", {"finished_at": 1.7976931348623157e308}, "outside the years 1 to 9999"),
    ("time-year-0", {"started_at": "0000-12-31T00:00:00Z"}, "outside the years 1 to 9999"),
    ("time-year-10000", {"started_at": "10000-01-01T00:00:00Z"}, "is not an RFC 3339 time"),
    ("time-year-1", {"started_at": "0001-01-01T00:00:00Z"}, "ok"),
    ("time-year-9999", {"started_at": "9999-12-31T23:59:59.999Z"}, "ok"),
    ("time-span-over-100-years", {"started_at": 0, "finished_at": "9999-12-31T23:59:59Z"}, "finished_at gives a duration over 100 years"),
    ("time-microseconds", {"started_at": 1795482000000000}, "microseconds and nanoseconds are not read"),
    ("time-date-only", {"started_at": "2026-11-24"}, "is not an RFC 3339 time"),
    ("time-empty", {"started_at": ""}, "started_at is empty"),
    ("time-leap-second", {"started_at": "2016-12-31T23:59:60Z"}, "ok"),
    ("time-hour-24", {"started_at": "2026-11-24T24:00:00Z"}, "is not an RFC 3339 time"),
    ("time-february-30", {"started_at": "2026-02-30T00:00:00Z"}, "is not an RFC 3339 time"),
    ("time-lowercase-t-z", {"started_at": "2026-11-24t01:02:03z"}, "ok"),
    ("time-long-fraction", {"started_at": "2026-11-24T01:02:03." + "9" * 40 + "Z"}, "ok"),
    ("time-offset-extreme", {"started_at": "2026-11-24T01:02:03+23:59"}, "ok"),
    ("time-negative-epoch", {"started_at": -86400.5}, "ok"),
    ("time-finished-before-started", {"started_at": 20, "finished_at": 10}, "finished_at is before started_at"),
]:
    write(f"{name}.jsonl", lines(record(**fields)), expect)
write("numbers-in-array.json", json.dumps([record(duration_ms=1e300)]), "duration_ms gives a duration over 100 years")
write("exit-code-out-of-range.jsonl", lines(record(exit_code=2**40)), "is out of range")
write("id-huge-integer.jsonl", '{"id":18446744073709551616,"status":"ok"}\n', "must be a string or an integer")

# ===== Blow-ups: many labels, groups, runs; long fields ===========================================
write("many-statuses-20k.jsonl", lines(*[record(id=i, status=f"s{i}", duration_ms=i) for i in range(20000)]))
write("many-statuses-groups-runs.jsonl", lines(*[
    record(id=i, status=f"s{i}", group=f"g{i}", run_id=f"r{i}", name=f"n{i}", duration_ms=i, started_at=1795482000 + i)
    for i in range(10000)]))
# Every list of the page at its worst: names that escape to six bytes a character, all distinct, in two runs,
# every task completed in the first and failed in the second (new failures, failures, slower tasks).
write("many-failures-long-errors.jsonl", lines(*[
    record(id=f"{run}-{i}", status=status, name='"' * 400 + str(i), group="<" * 400 + str(i), error="'" * 2000,
           run_id=run, duration_ms=i + (0 if run == "r1" else 100000), started_at=start + i)
    for run, status, start in [("r1", "completed", 1795400000), ("r2", "failed", 1795500000)] for i in range(300)]))
write("long-name-1mb.jsonl", lines(record(name="n" * 1_000_000, group="g" * 1_000_000, status="s" * 100_000)))
write("one-character-100k-marks.jsonl", lines(record(name="a" + "\u0301" * 100_000, status="b" + "\u0301" * 100_000)))
write("long-line-9mb.jsonl", lines(record(error="e" * 9_000_000), record(id="t2")))

# ===== Truncations, nesting, encodings ============================================================
full = lines(record(name="whole", duration_ms=5), record(id="t2", name="second"))
write("truncated-line.jsonl", full[:-9], "truncated JSON")
write("truncated-array.json", json.dumps([record(), record(id="t2")])[:-5], "truncated JSON")
write("truncated-utf8.jsonl", full.encode()[:-2] + b'\xe2\x82', "invalid UTF-8")
write("empty.jsonl", "")
write("only-whitespace.jsonl", " \n\t\r\n\n")
write("only-bom.jsonl", b"\xef\xbb\xbf")
write("nul-line.jsonl", lines(record()) + "\0\0\0\n", "a record must be a JSON object")
write("nul-in-string.jsonl", '{"id":1,"status":"ok","error":"a\\u0000b"}\n', "contains a NUL character")
write("lone-surrogate.jsonl", '{"id":1,"status":"ok","name":"\\ud800"}\n', "invalid JSON")
write("utf16-le-bom.jsonl", "\ufeff".encode("utf-16-le") + lines(record()).encode("utf-16-le"), "not JSON")
write("latin1-bytes.jsonl", b'{"id":1,"status":"caf\xe9"}\n', "invalid UTF-8")
write("overlong-utf8.jsonl", b'{"id":1,"status":"\xc0\xaf"}\n', "invalid UTF-8")
# The free `data` payload is kept as its JSON text, however deep.
write("deep-nesting-data.jsonl", '{"id":1,"status":"ok","data":' + "[" * 5000 + "]" * 5000 + "}\n")
write("deep-nesting-ok.jsonl", '{"id":1,"status":"ok","data":' + "[" * 100 + "]" * 100 + "}\n")
write("record-not-object.jsonl", "[1,2]\n", "record 1: a record must be a JSON object")
write("array-of-scalars.json", "[1]", "a record must be a JSON object")
write("duplicate-keys.jsonl", '{"id":1,"status":"ok","status":"failed"}\n')
write("trailing-garbage.jsonl", '{"id":1,"status":"ok"} x\n', "unexpected content after the record")
write("trailing-garbage-brackets.jsonl", '{"id":"}","status":"{"}}\n', "unexpected content after the record")
write("truncated-in-string.jsonl", '{"id":1,"status":"ok"}\n{"id":2,"status":"o', "truncated JSON")
write("crlf-and-blank-lines.jsonl", "\r\n" + lines(record()).replace("\n", "\r\n") + "\r\n\r\n")


# ===== JUnit XML ==================================================================================
def junit(*cases, prolog='<?xml version="1.0" encoding="UTF-8"?>\n'):
    return prolog + '<testsuites><testsuite name="s" timestamp="2026-11-24T01:00:00">' + "".join(cases) + "</testsuite></testsuites>\n"


def attribute(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


XML_BREAKOUT = attribute(BREAKOUT + "<script>alert(1)</script>\u009b31m")
write("xml-markup-everywhere.xml", junit(
    f'<testcase classname="{XML_BREAKOUT}" name="{XML_BREAKOUT}" time="1"><failure message="{XML_BREAKOUT}">'
    f'<![CDATA[</pre><script>alert(2)</script> ]]]]><![CDATA[> {BREAKOUT}]]></failure>'
    f'<system-out>&lt;img src=x onerror=alert(3)&gt;</system-out></testcase>',
    f'<testcase classname="c" name="[x](javascript:alert(4)) | *b*" time="2"/>'))
write("xml-external-entity.xml", junit(
    '<testcase name="n"><failure message="m">&xxe;</failure><system-out>&xxe;</system-out></testcase>',
    prolog='<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
    "declares the entity 'xxe'")
write("xml-external-dtd.xml", junit('<testcase name="n" time="1"/>',
                                    prolog='<!DOCTYPE testsuites SYSTEM "file:///etc/passwd">\n'))
write("xml-external-entity-attribute.xml", junit(
    '<testcase name="&xxe;"/>', prolog='<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
    "declares the entity 'xxe'")
laughs = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
write("xml-billion-laughs.xml", junit('<testcase name="n"><system-out>&l9;</system-out></testcase>',
                                      prolog=f'<!DOCTYPE testsuites [<!ENTITY l0 "lol">{laughs}]>\n'),
      "declares the entity 'l0'")
write("xml-truncated.xml", junit('<testcase name="a" time="1"/>', '<testcase name="b" time="2"/>')[:-26], "was it cut short?")
write("xml-truncated-in-attribute.xml", junit('<testcase name="a" time="1"/>')[:-40], "not well-formed XML")
write("xml-not-junit.xml", '<html><body><script>alert(1)</script></body></html>\n',
      "XML, but not JUnit: the root element is <html>")
# libxml2 reports a failed conversion on its generic channel (standard error), not to the reader's handler.
write("xml-encoding-error.xml", b'<?xml version="1.0" encoding="SHIFT_JIS"?>\n<testsuite><testcase name="a\xff\xfe"/></testsuite>\n',
      "input conversion failed")
write("xml-invalid-utf8.xml", b'<testsuite><testcase name="caf\xe9"/></testsuite>\n', "not well-formed XML")
write("xml-deep-nesting.xml", "<testsuites>" + "<testsuite>" * 5000 + '<testcase name="deep"/>' + "</testsuite>" * 5000
      + "</testsuites>\n")
write("xml-time-huge.xml", junit('<testcase name="n" time="1e300"/>'), "time: duration_ms gives a duration over 100 years")

# ===== SQLite =====================================================================================
def database(name, rows, expect="ok", columns="id, status, name, \"group\", duration_ms, started_at, error"):
    path = os.path.join(HERE, name)
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE tasks ({columns})")
    marks = ", ".join("?" * len(columns.split(",")))
    connection.executemany(f"INSERT INTO tasks VALUES ({marks})", rows)
    connection.commit()
    connection.close()
    EXPECT[name] = expect


database("sqlite-hostile-text.db", [(1, BREAKOUT, "<script>x</script>", "\r\n", 5.0, "2026-11-24T01:00:00Z", "\x1b[31m")])
database("sqlite-huge-duration.db", [(1, "ok", "n", "g", 1e300, None, None)], "duration_ms gives a duration over 100 years")
database("sqlite-infinite-duration.db", [(1, "ok", "n", "g", float("inf"), None, None)], "duration_ms must be finite")
database("sqlite-time-1e19.db", [(1, "ok", "n", "g", None, 1e19, None)], "outside the years 1 to 9999")
database("sqlite-invalid-utf8.db", [(1, "ok", "n", "g", 1.0, None, None)], "column 'name': name is not valid UTF-8 text")
with sqlite3.connect(os.path.join(HERE, "sqlite-invalid-utf8.db")) as connection:
    connection.execute("UPDATE tasks SET name = CAST(X'636166e9' AS TEXT)")  # TEXT, not a BLOB
database("sqlite-nul-text.db", [(1, "ok", "a\x00b", "g", 1.0, None, None)], "contains a NUL character")
database("sqlite-empty-time.db", [(1, "ok", "n", "g", 1.0, "", None)], "started_at is empty")

# ===== Templates (--templates): each folder must fail with its message ===========================
def templates(case, files, expect):
    folder = os.path.join(HERE, "templates", case)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))
    for name, text in files.items():
        with open(os.path.join(folder, name + ".mustache"), "w") as f:
            f.write(text)
    EXPECT["templates/" + case] = expect


templates("self-loop", {"index": "{{> loop}}", "loop": "x{{> loop}}"}, "partial recursion: loop → loop")
templates("mutual", {"index": "{{> a}}", "a": "{{> b}}", "b": "{{#title}}{{> a}}{{/title}}"}, "partial recursion: a → b → a")
templates("deep-doubling", dict([("index", "{{> p0}}")] + [(f"p{i}", f"{{{{> p{i + 1}}}}}{{{{> p{i + 1}}}}}")
                                                        for i in range(40)] + [("p40", "x")]),
          "partials nest more than 16 deep")
templates("wide-doubling", dict([("index", "{{> p0}}")] + [(f"p{i}", "y" * 1000 + f"{{{{> p{i + 1}}}}}" * 4)
                                                       for i in range(12)] + [("p12", "x")]), "of template text")
templates("missing-partial", {"index": "<p>{{> nowhere}}</p>"}, "includes the partial 'nowhere', and there is no nowhere.mustache")
templates("dynamic-partial", {"index": "{{>*title}}"}, "is chosen by a value")
templates("delimiters-hide-partial", {"index": "{{=<% %>=}}<%> loop%>", "loop": "<%={{ }}=%>{{> loop}}"},
          "partial recursion: loop → loop")
templates("nested-loops", {"index": "{{#failures}}" * 6 + "x" + "{{/failures}}" * 6},
          "looked up more than a page's worth of values")

# ===== Task files: parsed only (never run here); each must give its outcome ======================
def taskfile(case, data, expect="ok"):
    folder = os.path.join(HERE, "taskfiles")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, case + ".json"), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    EXPECT["taskfiles/" + case + ".json"] = expect


def tasks(*items, **top):
    return json.dumps({**top, "tasks": list(items)}, ensure_ascii=False)


taskfile("timeout-1e308", tasks({"id": "a", "shell": "true", "timeout": 1e308}), "is longer than 7d")
taskfile("timeout-1e20-in-defaults", tasks({"id": "a", "shell": "true"}, defaults={"timeout": 1e20}), "is longer than 7d")
taskfile("timeout-huge-text", tasks({"id": "a", "shell": "true", "timeout": "99999999999999h"}), "is longer than 7d")
taskfile("retry-delay-year", tasks({"id": "a", "shell": "true", "retry_delay": "365d"}), "is longer than 1d")
taskfile("retries-2-pow-64", tasks({"id": "a", "shell": "true", "retries": 18446744073709551616}), "must be a whole number")
taskfile("retries-million", tasks({"id": "a", "shell": "true", "retries": 1000000}), "must be a whole number from 0 to 100")
taskfile("concurrency-huge", tasks({"id": "a", "shell": "true"}, concurrency=1e300), "must be a whole number")
taskfile("timeout-boolean", tasks({"id": "a", "shell": "true", "timeout": True}), "is not a duration")
taskfile("timeout-negative", tasks({"id": "a", "shell": "true", "timeout": -1}), "is not a duration")
taskfile("timeout-week", tasks({"id": "a", "shell": "true", "timeout": "7d", "retries": 100, "retry_delay": "1d"}))
taskfile("cycle-long", tasks(*[{"id": f"t{i}", "shell": "true", "needs": [f"t{(i + 1) % 2000}"]} for i in range(2000)]),
         "dependency cycle")
taskfile("deep-nesting", '{"tasks":[{"id":"a","shell":"true","env":' + '{"x":' * 600 + '"y"' + "}" * 600 + "}]}",
         "Too many nested arrays or dictionaries")
taskfile("env-nul-name", tasks({"id": "a", "shell": "true", "env": {"A\u0000B": "x"}}), "is not a variable name")
taskfile("id-markup-and-escapes", tasks({"id": BREAKOUT + "\u001b[31m", "shell": "echo", "name": "<script>", "group": "\r\n"}))
taskfile("not-json", b"\xff\xfe{}", "not a JSON task file")
taskfile("top-level-array", "[]", "the top level must be an object")
taskfile("url-with-credentials", tasks({"id": "a", "http": {"url": "http://admin:pw@127.0.0.1/health"}}))
taskfile("timeout-zero", tasks({"id": "a", "shell": "true", "timeout": 0}), "must be more than 0")
for field, task in [("shell", {"shell": "echo SAFE\0; echo DANGEROUS"}), ("command", {"command": ["echo", "a\0b"]}),
                    ("cwd", {"shell": "true", "cwd": "/tmp\0x"}), ("env", {"shell": "true", "env": {"A": "1\0"}}),
                    ("id", {"shell": "true", "id": "a\0b"}), ("name", {"shell": "true", "name": "n\0"}),
                    ("group", {"shell": "true", "group": "g\0"}), ("needs", {"shell": "true", "needs": ["b\0"]}),
                    ("url", {"http": {"url": "http://127.0.0.1/\0"}})]:
    taskfile(f"nul-in-{field}", tasks({"id": "a", **task}), "holds a NUL character")
taskfile("duplicate-key-in-task", '{"tasks":[{"id":"a","shell":"true","timeout":"1s","timeout":"9h"}]}',
         "tasks[0]: the key 'timeout' is given twice")
taskfile("duplicate-key-escaped", '{"tasks":[{"id":"a","shell":"true","env":{"X":"1","\\u0058":"2"}}]}',
         "tasks[0].env: the key 'X' is given twice")
taskfile("duplicate-key-top-level", '{"name":"n","name":"m","tasks":[]}', "top level: the key 'name' is given twice")
taskfile("same-key-in-two-tasks", '{"tasks":[{"id":"a","shell":"true"},{"id":"b","shell":"true"}]}')

with open(os.path.join(HERE, "expectations.json"), "w") as f:
    json.dump(dict(sorted(EXPECT.items())), f, indent=1, ensure_ascii=True)
    f.write("\n")
