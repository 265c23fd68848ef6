#!/usr/bin/env python3
"""Times `nanni case` on accounts of about 10,000 events in a 10M-event ledger.

Usage: bench/case_bench.py [--db LEDGER] [--accounts N] [--runs R] [--nanni BINARY]

LEDGER defaults to bench/out/ledger-10000000.db (made by bench/run.sh). The ledger is only
read. For each of N accounts closest to 10,000 events it runs, R times each after one
warm-up run, `nanni --db LEDGER --json case ACCOUNT --as-of ...` and the same with
`--format html`, output to /dev/null, and prints the median and p99 wall-clock times in
milliseconds as a Markdown table for BENCHMARKS.md ("## Case file"). BINARY (default: this
checkout's release build) lets an earlier build be timed the same way, for before/after.
"""
import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build", "release", "src", "nanni")  # or --nanni
AS_OF = "2026-11-01T00:00:00Z"


def run(args):
    return subprocess.run([NANNI] + args, check=True, capture_output=True, text=True).stdout


CPU = []


def timed(args):
    """Wall-clock ms of one run; its CPU ms (user + system, all threads) go to CPU."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([NANNI] + args, check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - t0) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
    return wall


def pct(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def main():
    global NANNI
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=os.path.join(ROOT, "bench", "out", "ledger-10000000.db"))
    ap.add_argument("--accounts", type=int, default=5)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--nanni", default=NANNI, help="the nanni binary to time")
    a = ap.parse_args()
    NANNI = a.nanni
    if not os.path.exists(a.db):
        sys.exit(f"no ledger at {a.db}: run bench/run.sh first (or pass --db)")
    listing = json.loads(run(["--db", a.db, "--json", "accounts"]))["accounts"]
    total = sum(x["events"] for x in listing)
    picks = sorted(listing, key=lambda x: abs(x["events"] - 10000))[: a.accounts]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"binary: {NANNI}")
    print(f"ledger: {a.db} ({total} events, {len(listing)} accounts); machine: {os.cpu_count()} cores, "
          f"{cpu}, {platform.system()} {platform.release()}")
    print()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print()
    print("| account | events | JSON median ms | JSON p99 ms | JSON CPU median ms | HTML median ms | HTML p99 ms | HTML CPU median ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    all_json, all_html, all_jc, all_hc = [], [], [], []
    for acc in picks:
        name = acc["account"]
        base = ["--db", a.db, "case", name, "--as-of", AS_OF]
        timed(["--db", a.db, "--json", "case", name, "--as-of", AS_OF])  # warm the cache
        CPU.clear()
        js = [timed(["--db", a.db, "--json", "case", name, "--as-of", AS_OF]) for _ in range(a.runs)]
        jc = list(CPU)
        timed(base + ["--format", "html"])
        CPU.clear()
        hs = [timed(base + ["--format", "html"]) for _ in range(a.runs)]
        hc = list(CPU)
        all_json += js
        all_html += hs
        all_jc += jc
        all_hc += hc
        print(f"| {name} | {acc['events']} | {statistics.median(js):.1f} | {pct(js, 99):.1f} | "
              f"{statistics.median(jc):.1f} | {statistics.median(hs):.1f} | {pct(hs, 99):.1f} | "
              f"{statistics.median(hc):.1f} |")
    print(f"| **all** | | **{statistics.median(all_json):.1f}** | {pct(all_json, 99):.1f} | "
          f"{statistics.median(all_jc):.1f} | **{statistics.median(all_html):.1f}** | "
          f"{pct(all_html, 99):.1f} | {statistics.median(all_hc):.1f} |")
    print()
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
