#!/usr/bin/env python3
"""make bench: taskreport measured side by side with its peers, in one run.

Generates deterministic synthetic records (bench/generate.py) in JSON Lines,
JSON array and SQLite forms, then times, alternating and repeated:
  - taskreport `report FILE` as users run it (every default export, the latest
    run) on 1M JSON Lines, 1M SQLite rows and 100 records: the headline rows;
  - taskreport `report --all-runs --exports stats.json` (release build) on each
    form, on 100 records and on 10M: the breakdown, whose statistics are
    compared with the peers'; and with every export;
  - the seed's own stack (bench/peers/seed_report.py: pandas + matplotlib);
  - DuckDB computing the statistics alone (bench/peers/duckdb_stats.py);
  - the statistics kernel alone (bench/kernel_bench.c), beside the floor of
    reading the same memory with no arithmetic;
  - `taskreport --version`: the start every command pays;
  - the 100-record report and the start again with the binary `make install`
    puts in place (built with the Swift runtime linked in, by `make static`);
  - 100 MB of JUnit XML (bench/generate.py --junit), against the Python a
    user wrote before taskreport read it (bench/peers/junit_python.py:
    ElementTree's iterparse and numpy);
  - the scheduler: 1,000 `true` tasks 8 at a time against `xargs -P 8`.
Wall time is the median of the repetitions, with their range; peak memory is
each child's own maximum resident set (from wait4). The statistics of the
three tools are compared, and the run fails loudly if they disagree. Prints
the table and writes bench/RESULTS.md; the notes below the marker in that
file are kept.

Usage: bench.py [--repeat N] [--skip-10m]
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
DATA = os.path.join(BENCH, "data")
OUT = os.path.join(BENCH, "out")
TASKREPORT = os.path.join(ROOT, ".build", "release", "taskreport")
# The binary `make install` puts in place: the same code, the Swift runtime and Foundation linked in.
INSTALLED = os.path.join(ROOT, ".build", "static", "release", "taskreport")
PYTHON = os.path.join(BENCH, ".venv", "bin", "python")
NOTES_MARKER = "<!-- Notes below this line are written by hand and kept by bench.py. -->"
RELATIVE_TOLERANCE = 1e-9


class Measured:
    """Repeated runs of one command: wall seconds and peak RSS in MB."""

    def __init__(self, name):
        self.name = name
        self.walls = []
        self.rss = []

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def peak_mb(self):
        return max(self.rss)

    def describe(self):
        if len(self.walls) == 1:
            return f"{self.median:.3f} s"
        return f"{self.median:.3f} s ({min(self.walls):.3f}–{max(self.walls):.3f})"


class Stages:
    """Repeated `taskreport report … --timings` runs of one command: each stage's milliseconds."""

    PATTERN = re.compile(
        r"timings: reading (?P<reading>[\d.]+) ms, statistics (?P<statistics>[\d.]+) ms, "
        r"document (?P<document>[\d.]+) ms, writing (?P<writing>[\d.]+) ms \(page (?P<page>[\d.]+) ms, "
        r"beside it charts and data files (?P<charts>[\d.]+) ms; files (?P<files>[\d.]+) ms\); "
        r"(?P<total>[\d.]+) ms in all")

    def __init__(self):
        self.samples = []

    def add(self, argv):
        """Runs argv with --timings (not timed itself) and keeps the stages it prints."""
        found = self.PATTERN.search(run(argv + ["--timings"], capture=True))
        if not found:
            sys.exit(f"bench: {' '.join(argv)} --timings printed no timings")
        self.samples.append({k: float(v) for k, v in found.groupdict().items()})

    def describe(self):
        ms = {k: statistics.median(s[k] for s in self.samples) for k in self.samples[0]}
        t = {k: f"{v:.0f}" if v >= 10 else f"{v:.1f}" for k, v in ms.items()}
        return (f"reading {t['reading']} ms, statistics {t['statistics']}, document {t['document']}, "
                f"writing {t['writing']} (page {t['page']}; beside it charts and data files {t['charts']}; "
                f"then files {t['files']})"), ms["total"] / 1000


def run(argv, measured=None, accept=(0,), stdin=None, capture=False):
    """Runs argv once; records wall time and the child's own peak RSS. With capture, returns its
    standard error instead of the wall time."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, stdin=stdin, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in accept:
            err.seek(0)
            sys.exit(f"bench: {' '.join(argv)} exited {code}:\n{err.read().decode(errors='replace')}")
        if capture:
            err.seek(0)
            return err.read().decode(errors="replace")
    if measured is not None:
        measured.walls.append(wall)
        measured.rss.append(usage.ru_maxrss / 1024)
    return wall


def ensure_data(count, prefix):
    if not all(os.path.exists(prefix + ext) for ext in (".jsonl", ".json", ".sqlite")):
        print(f"bench: generating {count:,} records …", flush=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(count), prefix], check=True)


def ensure_ten_million(one_million):
    """10M records: the 1M JSON Lines file ten times (ids repeat; the parser does the same work)."""
    path = os.path.join(DATA, "records-10m.jsonl")
    if not os.path.exists(path):
        print("bench: writing 10M records (10 copies of 1M) …", flush=True)
        with open(path + ".tmp", "wb") as out:
            for _ in range(10):
                with open(one_million, "rb") as part:
                    shutil.copyfileobj(part, out, 16 << 20)
        os.replace(path + ".tmp", path)
    return path


def ensure_junit(megabytes):
    path = os.path.join(DATA, f"junit-{megabytes}mb.xml")
    if not os.path.exists(path):
        print(f"bench: generating {megabytes} MB of JUnit XML …", flush=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "--junit", str(megabytes), path + ".tmp"], check=True)
        os.replace(path + ".tmp", path)
    return path


def warm(paths):
    """Reads each file once so that every tool starts with it in the page cache."""
    for path in paths:
        with open(path, "rb") as f:
            while f.read(16 << 20):
                pass


def kernel_throughput():
    binary = os.path.join(OUT, "kernel_bench")
    kernel = os.path.join(ROOT, "Sources", "Stats", "CStatsKernel")
    sources = [os.path.join(kernel, f) for f in sorted(os.listdir(kernel)) if f.endswith(".c")]
    subprocess.run(["clang", "-std=c99", "-O2", "-I", os.path.join(kernel, "include"),
                    os.path.join(BENCH, "kernel_bench.c"), *sources, "-lm", "-o", binary], check=True)
    return json.loads(subprocess.run([binary], check=True, capture_output=True, text=True).stdout)


def scheduler_file(path):
    tasks = [{"id": f"t{i}", "command": ["true"]} for i in range(1000)]
    with open(path, "w") as f:
        json.dump({"name": "scheduler overhead", "concurrency": 8, "tasks": tasks}, f)


# ---------------------------------------------------------------- statistics


def close(a, b):
    return a == b or abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def compare(reference_name, reference, other_name, other):
    """Problems found comparing two statistics summaries; empty when they agree."""
    problems = []
    if reference["record_count"] != other["record_count"]:
        problems.append(f"record count {reference['record_count']} vs {other['record_count']}")
    if reference["statuses"] != other["statuses"]:
        problems.append(f"status counts {reference['statuses']} vs {other['statuses']}")
    for key in ("count", "missing"):
        if reference["durations"][key] != other["durations"][key]:
            problems.append(f"durations.{key} {reference['durations'][key]} vs {other['durations'][key]}")
    for key in ("min_ms", "max_ms", "mean_ms", "stddev_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms"):
        a, b = reference["durations"][key], other["durations"][key]
        if not close(a, b):
            problems.append(f"durations.{key} {a!r} vs {b!r}")
    for group, figures in reference["groups"].items():
        for key in ("p50_ms", "p95_ms"):
            a, b = figures[key], other["groups"].get(group, {}).get(key)
            if b is None or not close(a, b):
                problems.append(f"groups.{group}.{key} {a!r} vs {b!r}")
    return [f"{reference_name} vs {other_name}: {p}" for p in problems]


def taskreport_summary(stats_json):
    s = json.load(open(stats_json))["statistics"]
    d = s["durations"]
    return {
        "record_count": s["record_count"],
        "statuses": {x["label"]: x["count"] for x in s["statuses"]},
        "durations": {k: d[k] for k in ("count", "missing", "min_ms", "max_ms", "mean_ms", "stddev_ms",
                                        "p50_ms", "p90_ms", "p95_ms", "p99_ms")},
        "groups": {g["name"]: {"p50_ms": g["p50_ms"], "p95_ms": g["p95_ms"]} for g in s["groups"]},
    }


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the fast workloads")
    parser.add_argument("--skip-10m", action="store_true", help="leave out the 10M-record run")
    args = parser.parse_args()
    os.makedirs(DATA, exist_ok=True)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)

    one = os.path.join(DATA, "records-1m")
    small = os.path.join(DATA, "records-100")
    ensure_data(1_000_000, one)
    ensure_data(100, small)
    ten = None if args.skip_10m else ensure_ten_million(one + ".jsonl")
    junit = ensure_junit(100)
    warm([one + ".jsonl", one + ".json", one + ".sqlite", small + ".jsonl", junit] + ([ten] if ten else []))

    def default(path, out):
        # The headline: the command users run, `taskreport report FILE`, with every default export.
        return [TASKREPORT, "report", path, "--out", os.path.join(OUT, out)]

    def report(path, out, exports="stats.json"):
        # The breakdown: every record described (--all-runs), every chart, the page, and only stats.json
        # unless told, so that the statistics compare with the peers'.
        return [TASKREPORT, "report", path, "--all-runs", "--exports", exports, "--out", os.path.join(OUT, out)]

    m = {name: Measured(name) for name in (
        "tr-jsonl", "tr-json", "tr-sqlite", "tr-100", "tr-10m", "seed-jsonl", "seed-sqlite",
        "duck-jsonl", "duck-json", "sched-tr", "sched-xargs", "tr-junit", "py-junit",
        "default-jsonl", "default-sqlite", "default-100", "tr-every", "tr-start", "installed-100", "installed-start")}
    profiles = {name: Stages() for name in ("default-jsonl", "default-sqlite", "default-100")}
    sched = os.path.join(OUT, "scheduler.json")
    scheduler_file(sched)

    print(f"bench: {args.repeat} repetitions, alternating tools …", flush=True)
    for rep in range(args.repeat):
        run(default(one + ".jsonl", "default-jsonl"), m["default-jsonl"])
        run(default(one + ".sqlite", "default-sqlite"), m["default-sqlite"])
        run(default(small + ".jsonl", "default-100"), m["default-100"])
        run([TASKREPORT, "--version"], m["tr-start"])  # the start every command pays: the 100-record row's floor
        # Where the headline rows' time goes, stage by stage (separate runs: the timed ones print nothing).
        profiles["default-jsonl"].add(default(one + ".jsonl", "profile-jsonl"))
        profiles["default-sqlite"].add(default(one + ".sqlite", "profile-sqlite"))
        profiles["default-100"].add(default(small + ".jsonl", "profile-100"))
        run([INSTALLED, "report", small + ".jsonl", "--out", os.path.join(OUT, "installed-100")], m["installed-100"])
        run([INSTALLED, "--version"], m["installed-start"])
        run(report(one + ".jsonl", "tr-every", "stats.json,summary.md,junit.xml,tasks.csv,history.jsonl"), m["tr-every"])
        run(report(one + ".jsonl", "tr-jsonl"), m["tr-jsonl"])
        run([PYTHON, os.path.join(BENCH, "peers", "duckdb_stats.py"), one + ".jsonl", os.path.join(OUT, "duck-jsonl.json")], m["duck-jsonl"])
        run(report(one + ".json", "tr-json"), m["tr-json"])
        run([PYTHON, os.path.join(BENCH, "peers", "duckdb_stats.py"), one + ".json", os.path.join(OUT, "duck-json.json")], m["duck-json"])
        run(report(one + ".sqlite", "tr-sqlite"), m["tr-sqlite"])
        run(report(small + ".jsonl", "tr-100"), m["tr-100"])
        run(report(junit, "tr-junit"), m["tr-junit"])
        db = os.path.join(OUT, f"sched-{rep}.sqlite")
        run([TASKREPORT, "run", sched, "--db", db, "--no-report", "--jobs", "8"], m["sched-tr"])
        run(["sh", "-c", "seq 1000 | xargs -P 8 -n 1 true"], m["sched-xargs"])
        if rep < 2:  # the seed's stack takes seconds a run
            run([PYTHON, os.path.join(BENCH, "peers", "seed_report.py"), one + ".jsonl", os.path.join(OUT, "seed-jsonl")], m["seed-jsonl"])
            run([PYTHON, os.path.join(BENCH, "peers", "seed_report.py"), one + ".sqlite", os.path.join(OUT, "seed-sqlite")], m["seed-sqlite"])
            run([PYTHON, os.path.join(BENCH, "peers", "junit_python.py"), junit, os.path.join(OUT, "py-junit.json")], m["py-junit"])
        if ten and rep < 2:
            run(report(ten, "tr-10m"), m["tr-10m"])
        print(f"  repetition {rep + 1} done", flush=True)
    kernel = kernel_throughput()

    # The three tools must agree before their times mean anything.
    reference = taskreport_summary(os.path.join(OUT, "tr-jsonl", "stats.json"))
    problems = []
    for name, path in (("taskreport JSON array", os.path.join(OUT, "tr-json", "stats.json")),
                       ("taskreport SQLite", os.path.join(OUT, "tr-sqlite", "stats.json"))):
        problems += compare("taskreport JSONL", reference, name, taskreport_summary(path))
    for name, path in (("pandas", os.path.join(OUT, "seed-jsonl", "stats.json")),
                       ("pandas SQLite", os.path.join(OUT, "seed-sqlite", "stats.json")),
                       ("DuckDB", os.path.join(OUT, "duck-jsonl.json")),
                       ("DuckDB JSON array", os.path.join(OUT, "duck-json.json"))):
        problems += compare("taskreport", reference, name, json.load(open(path)))
    problems += compare("taskreport JUnit", taskreport_summary(os.path.join(OUT, "tr-junit", "stats.json")),
                        "Python JUnit", json.load(open(os.path.join(OUT, "py-junit.json"))))

    rows = table(m, kernel, ten is not None, profiles)
    text = render(rows, problems, kernel)
    print("\n" + text)
    write_results(text)
    if problems:
        sys.exit("bench: FAILED: the tools' statistics disagree (see above)")


def table(m, kernel, with_ten, profiles):
    """Rows: workload, taskreport, peak RSS, comparison, target, met."""
    def profile(name, what):
        stages, job = profiles[name].describe()
        return (f"(profile) {what}: the stages inside the process (`--timings`)", f"{job:.3f} s", "", stages, "", None)

    def ratio(peer, ours):
        return m[peer].median / m[ours].median

    def size_mb(out, name):
        return os.path.getsize(os.path.join(OUT, out, name)) / 1e6

    rows = []
    j, s, h = m["default-jsonl"], m["default-sqlite"], m["default-100"]
    rows.append(("1M records, JSON Lines → `taskreport report FILE`", j.describe(), f"{j.peak_mb:.0f} MB",
                 f"seed {ratio('seed-jsonl', 'default-jsonl'):.1f}x slower; DuckDB stats alone {ratio('duck-jsonl', 'default-jsonl'):.2f}x",
                 "≤ 0.40 s, ≤ 120 MB, seed ≥ 30x, DuckDB > 1x",
                 j.median <= 0.40 and j.peak_mb <= 120 and ratio("seed-jsonl", "default-jsonl") >= 30
                 and ratio("duck-jsonl", "default-jsonl") > 1))
    rows.append(profile("default-jsonl", "1M records, JSON Lines"))
    rows.append(("1M rows, SQLite → `taskreport report FILE`", s.describe(), f"{s.peak_mb:.0f} MB",
                 f"seed {ratio('seed-sqlite', 'default-sqlite'):.1f}x slower; DuckDB: no offline SQLite reader", "≤ 0.35 s",
                 s.median <= 0.35))
    rows.append(profile("default-sqlite", "1M rows, SQLite"))
    rows.append(("100 records → `taskreport report FILE`", h.describe(), f"{h.peak_mb:.0f} MB",
                 f"the process's start alone (`--version`): {m['tr-start'].median * 1000:.0f} ms", "≤ 50 ms", h.median <= 0.050))
    rows.append(profile("default-100", "100 records"))
    i = m["installed-100"]
    rows.append(("(breakdown) 100 records, the binary `make install` puts in place (Swift runtime linked in)",
                 i.describe(), f"{i.peak_mb:.0f} MB", f"its start alone: {m['installed-start'].median * 1000:.0f} ms", "", None))
    e = m["tr-every"]
    rows.append(("1M records, JSON Lines, --all-runs, every export", e.describe(), f"{e.peak_mb:.0f} MB",
                 f"tasks.csv {size_mb('tr-every', 'tasks.csv'):.0f} MB, junit.xml {size_mb('tr-every', 'junit.xml'):.0f} MB",
                 "≤ 1.2 s", e.median <= 1.2))
    b = m["tr-jsonl"]
    rows.append(("(breakdown) 1M records, JSON Lines, --all-runs, stats.json only", b.describe(), f"{b.peak_mb:.0f} MB",
                 f"seed {ratio('seed-jsonl', 'tr-jsonl'):.1f}x slower; DuckDB stats alone {ratio('duck-jsonl', 'tr-jsonl'):.2f}x", "", None))
    a = m["tr-json"]
    rows.append(("(breakdown) 1M records, JSON array, --all-runs, stats.json only", a.describe(), f"{a.peak_mb:.0f} MB",
                 f"DuckDB stats alone {ratio('duck-json', 'tr-json'):.2f}x", "≤ 150 MB", a.peak_mb <= 150))
    q = m["tr-sqlite"]
    rows.append(("(breakdown) 1M rows, SQLite, --all-runs, stats.json only", q.describe(), f"{q.peak_mb:.0f} MB",
                 f"seed {ratio('seed-sqlite', 'tr-sqlite'):.1f}x slower", "", None))
    vps = kernel["values_per_second"]
    rows.append(("kernel: summary + log histogram + status counts", f"{vps / 1e9:.2f} G values/s", "",
                 f"summary {kernel['values'] / kernel['summary_s'] / 1e9:.2f}, histogram "
                 f"{kernel['values'] / kernel['histogram_s'] / 1e9:.2f}, counts {kernel['values'] / kernel['counts_s'] / 1e9:.2f} G/s; "
                 f"reading the same memory alone {kernel['memory_floor_values_per_second'] / 1e9:.2f} G/s",
                 "≥ 1 G values/s per core", vps >= 1e9))
    t100 = m["tr-100"]
    rows.append(("(breakdown) 100 records, --all-runs, stats.json only", t100.describe(), f"{t100.peak_mb:.0f} MB", "", "", None))
    if with_ten:
        t = m["tr-10m"]
        rows.append(("10M records, JSON Lines, --all-runs, stats.json only", t.describe(), f"{t.peak_mb:.0f} MB",
                     f"{t.median / b.median:.1f}x the 1M time", "≤ 10x the 1M time, ≤ 1 GB",
                     t.median <= 10 * b.median and t.peak_mb <= 1024))
    u = m["tr-junit"]
    rows.append(("100 MB JUnit XML (848k test cases), --all-runs, stats.json only", u.describe(), f"{u.peak_mb:.0f} MB",
                 f"Python iterparse + numpy, statistics alone: {ratio('py-junit', 'tr-junit'):.1f}x slower",
                 "≤ 1.5 s, ≤ 200 MB", u.median <= 1.5 and u.peak_mb <= 200))
    r = m["sched-tr"]
    rows.append(("scheduler: 1,000 `true` tasks, 8 at a time", r.describe(), f"{r.peak_mb:.0f} MB",
                 f"xargs -P 8: {m['sched-xargs'].describe()} → {r.median / m['sched-xargs'].median:.2f}x",
                 "≤ 1.2x xargs -P 8", r.median <= 1.2 * m["sched-xargs"].median))
    rows.append(("(peer) seed stack, 1M JSON Lines", m["seed-jsonl"].describe(), f"{m['seed-jsonl'].peak_mb:.0f} MB", "", "", None))
    rows.append(("(peer) seed stack, 1M SQLite", m["seed-sqlite"].describe(), f"{m['seed-sqlite'].peak_mb:.0f} MB", "", "", None))
    rows.append(("(peer) DuckDB statistics, 1M JSON Lines", m["duck-jsonl"].describe(), f"{m['duck-jsonl'].peak_mb:.0f} MB", "", "", None))
    rows.append(("(peer) DuckDB statistics, 1M JSON array", m["duck-json"].describe(), f"{m['duck-json'].peak_mb:.0f} MB", "", "", None))
    return rows


def render(rows, problems, kernel):
    lines = ["| workload | taskreport | peak RSS | against peers | target | met |", "|---|---|---|---|---|---|"]
    for name, time_, rss, peers, target, met in rows:
        mark = "" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {name} | {time_} | {rss} | {peers} | {target} | {mark} |")
    lines.append("")
    if problems:
        lines.append("**Statistics disagree:**")
        lines += [f"- {p}" for p in problems]
    else:
        lines.append(f"Statistics agree across taskreport (all three forms), pandas and DuckDB, and between taskreport "
                     f"and Python on the JUnit XML: record and status counts equal; min, max, mean, std dev, p50–p99 and per-group p50/p95 within "
                     f"{RELATIVE_TOLERANCE:g} relative.")
    return "\n".join(lines)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    memory = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # RESULTS.md itself is rewritten by this run; only other changes make the commit inexact.
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/RESULTS.md"],
                           cwd=ROOT, capture_output=True, text=True).stdout.strip()
    versions = subprocess.run([PYTHON, "-c", "import pandas, matplotlib, duckdb, numpy; print("
                               "f'pandas {pandas.__version__}, matplotlib {matplotlib.__version__}, "
                               "duckdb {duckdb.__version__}, numpy {numpy.__version__}')"],
                              capture_output=True, text=True).stdout.strip()
    return [
        f"- Machine: {cpu}, {os.cpu_count()} cores, {memory} GiB, {platform.system()} {platform.release()}",
        f"- Date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Commit: {commit}{' (with uncommitted changes)' if dirty else ''}",
        f"- Peers: {versions}",
    ]


def write_results(text):
    path = os.path.join(BENCH, "RESULTS.md")
    notes = ""
    if os.path.exists(path):
        previous = open(path).read()
        if NOTES_MARKER in previous:
            notes = previous.split(NOTES_MARKER, 1)[1]
    with open(path, "w") as f:
        f.write("# Benchmark results\n\nWritten by `make bench` (bench/bench.py); medians of repeated runs, "
                "range in brackets; files in the page cache; release build.\n\n")
        f.write("\n".join(machine()) + "\n\n" + text + "\n\n" + NOTES_MARKER + notes)
    print(f"bench: wrote {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
