#!/usr/bin/env python3
"""Triage's benchmarks for BENCHMARKS.md (issue 12).

For each size N (events; default 1,000,000 and 10,000,000): generate a portfolio of 2,000
accounts over 24 months (seed 11, the same files as bench/portfolio_bench.py), import it into
a fresh ledger unless one is there already, and then time, in the same run and as whole
processes (start to exit, reading the index from the ledger file), the median of --runs of:

  - `nanni --json portfolio`     the peer: the engine's plainest read of every account;
  - `nanni --json triage`        every signal of every account, with its evidence cited;
  - `nanni --json economics`     revenue, cost, margin and the Pareto view;
  - `nanni --json escalations`   every escalation's root cause, fix time and cost;

each with its peak resident memory and its ratio to `portfolio`. Prints a Markdown table.
Scratch files go to bench/out/ (about 12 GB at 10M).
"""
import argparse, os, statistics, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portfolio_bench import env, timed_rss  # noqa: E402  (the same timing, the same files)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
OUT = os.path.join(ROOT, "bench/out")
AS_OF = "2026-11-01T00:00:00Z"
COMMANDS = ["portfolio", "triage", "economics", "escalations"]


def ledger(size, accounts, fresh):
    os.makedirs(OUT, exist_ok=True)
    ndjson = os.path.join(OUT, f"portfolio-{size}.ndjson")
    db = os.path.join(OUT, f"portfolio-{size}.db")
    if fresh or not os.path.exists(ndjson):
        subprocess.run([NANNI, "generate", "--seed", "11", "--accounts", str(accounts), "--months", "24",
                        "--events", str(size), "--out", ndjson], check=True, stdout=subprocess.DEVNULL, env=env())
    if fresh or not os.path.exists(db):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        subprocess.run([NANNI, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([NANNI, "--db", db, "import", "--no-progress", ndjson], check=True, stdout=subprocess.DEVNULL,
                       env=env())
    # An index left stale by an older build would be rebuilt in memory by every command: store it.
    subprocess.run([NANNI, "--db", db, "reindex"], check=True, stdout=subprocess.DEVNULL, env=env())
    return db, sum(1 for _ in open(ndjson, "rb"))


def bench(size, accounts, runs, fresh):
    db, events = ledger(size, accounts, fresh)
    row = {"events": events}
    for command in COMMANDS:
        args = [NANNI, "--db", db, "--json", command, "--as-of", AS_OF]
        timed_rss(args)  # warm the page cache
        results = [timed_rss(args) for _ in range(runs)]
        row[command] = (statistics.median(w for w, _ in results), max(m for _, m in results),
                        [round(w, 3) for w, _ in results])
        print(f"  {events} {command}: {row[command]}", file=sys.stderr)
    return row


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 10_000_000])
    p.add_argument("--accounts", type=int, default=2000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--fresh", action="store_true", help="generate and import again even if the files exist")
    a = p.parse_args()
    rows = [bench(n, a.accounts, a.runs, a.fresh) for n in a.sizes]
    print("| events | command | wall s (median) | peak MB | ratio to portfolio |")
    print("|---|---|---|---|---|")
    for r in rows:
        base = r["portfolio"][0]
        for command in COMMANDS:
            wall, mb, _ = r[command]
            print(f"| {r['events']:,} | `{command}` | {wall:.3f} | {mb:.0f} | {wall / base:.2f} |")


if __name__ == "__main__":
    main()
