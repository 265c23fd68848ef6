#!/usr/bin/env bash
# The storage floor under the NDJSON import ratio (BENCHMARKS.md, "The verifiable log (issue
# 14)"): how long SQLite alone takes to store what a `nanni import` of the file stores, with
# no JSON decoding, no canonical encoding, no hashing, no analytic index to compute and no
# per-row statements: everything is copied by `INSERT ... SELECT` from a ledger nanni made
# into a fresh database set up as the bulk load is (16 KiB pages, rollback journal,
# synchronous = FULL, 256 MiB cache, the two secondary indexes built at the end under a
# 16 MiB cache), step by step:
#   rows           the events rows alone, no index at all
#   + source_id    with the UNIQUE source_id index kept while inserting (as the import does)
#   + 2 indexes    and (account, time_utc), (time_utc) built before the commit
#   + derived      and the analytic index's blocks (the `derived` table, copied)
#   + tiles        and the tree's tiles: the whole of what the ledger stores
#   unique at end  rows, then all three indexes built at the end (what deferring the
#                  source_id index would give a first import)
# Beside them, in the same run: nanni's own import of the file and DuckDB's load of it
# (bench/peers/duckdb_load.mjs), each a whole process; every run after a `sync`.
# Usage: bench/tlog_floor.sh [NDJSON] (default bench/out/portfolio-1000000.ndjson, which
# bench/tlog_bench.py generates).
set -euo pipefail
cd "$(dirname "$0")/.."
nanni=build/release/src/nanni
out=bench/out
src=${1:-$out/portfolio-1000000.ndjson}
[ -f "$src" ] || { echo "no $src: run bench/tlog_bench.py --only ndjson first" >&2; exit 1; }

seconds() { sync; /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }

rm -f "$out/floor-src.db"* "$out/floor.db"* "$out/floor.duckdb"*
$nanni --db "$out/floor-src.db" init >/dev/null
s_nanni=$(seconds $nanni --db "$out/floor-src.db" import --no-progress "$src")
s_duck=$(seconds node bench/peers/duckdb_load.mjs ndjson "$src" "$out/floor.duckdb")
rm -f "$out/floor.duckdb"*
events=$(sqlite3 "$out/floor-src.db" "select count(*) from events")
rows_mb=$(sqlite3 "$out/floor-src.db" "select sum(length(body) + length(source_id) + length(account) + length(kind) + 32) / 1e6 from events")

cols="seq INTEGER PRIMARY KEY, source_id TEXT NOT NULL %s, account TEXT NOT NULL, time_utc INTEGER NOT NULL, tz_offset INTEGER NOT NULL, kind TEXT NOT NULL, recorded_utc INTEGER NOT NULL, body BLOB NOT NULL"
indexes="PRAGMA cache_size = -16384; CREATE INDEX a ON events (account, time_utc); CREATE INDEX t ON events (time_utc)"
run() {  # $1: the source_id constraint; $2: the statements after the copy of the rows
  rm -f "$out/floor.db"*
  # shellcheck disable=SC2059
  seconds sqlite3 "$out/floor.db" "PRAGMA page_size = 16384" "PRAGMA journal_mode = DELETE" \
    "PRAGMA synchronous = FULL" "PRAGMA cache_size = -262144" "PRAGMA threads = 2" \
    "PRAGMA temp_store = FILE" "ATTACH '$out/floor-src.db' AS src" \
    "CREATE TABLE events ($(printf "$cols" "$1"))" \
    "CREATE TABLE derived (stream TEXT NOT NULL, first_seq INTEGER NOT NULL, end_seq INTEGER NOT NULL, bytes BLOB NOT NULL, UNIQUE (stream, first_seq))" \
    "CREATE TABLE tree_tiles (level INTEGER NOT NULL, idx INTEGER NOT NULL, hashes BLOB NOT NULL, UNIQUE (level, idx))" \
    "BEGIN" "INSERT INTO events SELECT * FROM src.events" "$2" "COMMIT"
}
s_rows=$(run "" "SELECT 1")
s_unique=$(run "UNIQUE" "SELECT 1")
s_idx=$(run "UNIQUE" "$indexes")
s_derived=$(run "UNIQUE" "$indexes; INSERT INTO derived SELECT * FROM src.derived")
s_all=$(run "UNIQUE" "$indexes; INSERT INTO derived SELECT * FROM src.derived; INSERT INTO tree_tiles SELECT * FROM src.tree_tiles")
s_late=$(run "" "$indexes; CREATE UNIQUE INDEX u ON events (source_id); INSERT INTO derived SELECT * FROM src.derived; INSERT INTO tree_tiles SELECT * FROM src.tree_tiles")
rm -f "$out/floor-src.db"* "$out/floor.db"*
python3 - "$events" "$rows_mb" "$s_nanni" "$s_duck" "$s_rows" "$s_unique" "$s_idx" "$s_derived" "$s_all" "$s_late" <<'PY'
import sys
ev, rmb = int(sys.argv[1]), float(sys.argv[2])
nanni, duck, rows, unique, idx, derived, allof, late = map(float, sys.argv[3:])
print(f"{ev:,} events, {rmb:.0f} MB of rows; nanni import {nanni:.2f} s, DuckDB load {duck:.2f} s "
      f"(ratio {nanni / duck:.2f})\n")
print("| SQLite alone stores | s | step costs s | ratio to DuckDB's whole load |")
print("|---|---|---|---|")
prev = 0.0
for name, s in [("rows, no index", rows), ("+ UNIQUE source_id while inserting", unique),
                ("+ (account, time_utc) and (time_utc), built at the end", idx),
                ("+ the analytic index's blocks (derived)", derived), ("+ the tree's tiles: all the ledger stores", allof)]:
    print(f"| {name} | {s:.2f} | {s - prev:+.2f} | {s / duck:.2f} |")
    prev = s
print(f"| all, with the UNIQUE source_id index built at the end too | {late:.2f} | {late - allof:+.2f} vs all | {late / duck:.2f} |")
print(f"| nanni's import (whole process) | {nanni:.2f} | {nanni - allof:+.2f} over the floor | {nanni / duck:.2f} |")
PY
