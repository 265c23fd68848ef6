#!/usr/bin/env python3
"""The portfolio engine's benchmarks for BENCHMARKS.md (issue 11).

For each size N (events; default 1,000,000 and 10,000,000): generate a portfolio of 2,000
accounts over 24 months, import it into a fresh ledger (the analytic index is kept in the
same transaction), and then, in the same run:

  - the peer: the same events loaded into one DuckDB table (@duckdb/node-api, outside the
    timing), then the per-account summary in SQL, timed warm (bench/peers/duckdb_portfolio.mjs);
  - `nanni --json portfolio` (the whole process, start to exit, reading the index from the
    ledger file), median of the runs, and its peak resident memory;
  - `nanni --json tone --all` the same way;
  - with --old BINARY, the import again with an earlier nanni (no index), for its cost.

Prints a Markdown table and the ratios. Scratch files go to bench/out/ (about 12 GB at 10M).
"""
import argparse, json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
OUT = os.path.join(ROOT, "bench/out")
PEERS = os.path.join(ROOT, "bench/peers")
AS_OF = "2026-11-01T00:00:00Z"


def env():
    return dict(os.environ, NANNI_NO_PROGRESS="1")


def timed_rss(args):
    """Runs a command; returns (wall seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, env=env())
    wall = time.perf_counter() - t0
    return wall, int(r.stderr.strip().splitlines()[-1]) / 1024


def rm(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def peers_ready():
    if not os.path.isdir(os.path.join(PEERS, "node_modules", "@duckdb", "node-api")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True)


def import_ledger(binary, ndjson, db):
    rm(db)
    subprocess.run([binary, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
    return timed_rss([binary, "--db", db, "import", "--no-progress", ndjson])


def median_of(runs, args):
    results = [timed_rss(args) for _ in range(runs)]
    return statistics.median(w for w, _ in results), max(m for _, m in results), [round(w, 3) for w, _ in results]


def bench(size, accounts, runs, old):
    os.makedirs(OUT, exist_ok=True)
    ndjson = os.path.join(OUT, f"portfolio-{size}.ndjson")
    db = os.path.join(OUT, f"portfolio-{size}.db")
    if not os.path.exists(ndjson):
        subprocess.run([NANNI, "generate", "--seed", "11", "--accounts", str(accounts), "--months", "24",
                        "--events", str(size), "--out", ndjson], check=True, stdout=subprocess.DEVNULL, env=env())
    events = sum(1 for _ in open(ndjson, "rb"))
    imp_s, imp_mb = import_ledger(NANNI, ndjson, db)
    row = {"events": events, "ndjson_mb": os.path.getsize(ndjson) / 1e6, "import_s": imp_s, "import_mb": imp_mb}
    if old:
        old_db = os.path.join(OUT, f"portfolio-{size}-old.db")
        row["old_import_s"], row["old_import_mb"] = import_ledger(old, ndjson, old_db)
        rm(old_db)
    peer = subprocess.run(["node", os.path.join(PEERS, "duckdb_portfolio.mjs"), ndjson, AS_OF, str(runs)],
                          check=True, capture_output=True, text=True).stdout
    peer = json.loads(peer.strip().splitlines()[-1])
    row["duckdb_load_s"] = peer["load_s"]
    row["duckdb_s"] = statistics.median(peer["run_s"])
    row["duckdb_runs"] = [round(x, 3) for x in peer["run_s"]]
    row["duckdb_version"], row["duckdb_threads"] = peer["version"], peer["threads"]
    out = os.path.join(OUT, "portfolio.json")
    row["portfolio_s"], row["portfolio_mb"], row["portfolio_runs"] = median_of(
        runs, [NANNI, "--db", db, "--json", "portfolio", "--as-of", AS_OF, "--out", out])
    row["accounts"] = json.load(open(out))["accounts"]
    row["tone_s"], row["tone_mb"], row["tone_runs"] = median_of(
        max(1, runs // 2), [NANNI, "--db", db, "--json", "tone", "--all", "--as-of", AS_OF])
    row["ratio"] = row["portfolio_s"] / row["duckdb_s"]
    return row


def machine():
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"


def main():
    global NANNI
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 10_000_000])
    ap.add_argument("--accounts", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--old", help="an earlier nanni binary, to time its import (without the index) too")
    ap.add_argument("--nanni", help="the nanni binary to time (default: the release build)")
    args = ap.parse_args()
    NANNI = args.nanni or NANNI
    if not os.path.exists(NANNI):
        sys.exit("build first: ./dev build release")
    peers_ready()
    print(f"machine: {machine()}")
    rows = []
    for size in args.sizes:
        row = bench(size, args.accounts, args.runs, args.old)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("\n| events | accounts | nanni portfolio s | peak MB | DuckDB query s (warm) | ratio | DuckDB load s | "
          "tone --all s | peak MB | import s | peak MB | import without index s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['events']:,} | {r['accounts']:,} | {r['portfolio_s']:.3f} | {r['portfolio_mb']:.0f} | "
              f"{r['duckdb_s']:.3f} | **{r['ratio']:.2f}** | {r['duckdb_load_s']:.1f} | {r['tone_s']:.3f} | "
              f"{r['tone_mb']:.0f} | {r['import_s']:.1f} | {r['import_mb']:.0f} | "
              f"{r.get('old_import_s', float('nan')):.1f} |")


if __name__ == "__main__":
    main()
