#!/usr/bin/env bash
# The storage floor under the CSV import ratio (BENCHMARKS.md, "CSV import"): how long SQLite
# alone takes to store the rows a nanni import of the same CSV stores, with no CSV parsing,
# no mapping, no canonical encoding and no hashing. The rows are copied, by one
# `INSERT ... SELECT`, from a ledger that `nanni import` made, into a fresh database set up as
# a bulk load is (16 KiB pages, rollback journal, synchronous=FULL, 256 MiB cache), then the
# ledger's indexes are built as the bulk load builds them. Printed beside the sqlite3 shell's
# `.import` of the CSV itself: a ratio above 1 for "rows only" means that storing the ledger's
# rows costs more than the peer's whole import, before nanni has done any work of its own.
# Usage: bench/csv_floor.sh [MB...] (default 100 1000; the CSVs csv_bench.sh made).
set -euo pipefail
cd "$(dirname "$0")/.."
nanni=build/release/src/nanni
out=bench/out/csv
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)

seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }

echo "| CSV size | events | ledger rows MB | sqlite3 .import s | rows only s | + source_id index s | + all indexes s | ratio rows only / .import | ratio all / .import |"
echo "|---|---|---|---|---|---|---|---|---|"
for mb in "${sizes[@]}"; do
  csv="$out/tickets-$mb.csv"
  [ -f "$csv" ] || python3 bench/csv_gen.py "$csv" "$mb" >&2
  rm -f "$out/floor-src.db"* "$out/floor.db"* "$out/sqlite.db"*
  $nanni --db "$out/floor-src.db" init >/dev/null
  $nanni --db "$out/floor-src.db" import --no-progress --profile tickets "$csv" >/dev/null
  events=$(sqlite3 "$out/floor-src.db" "select count(*) from events")
  rows_mb=$(sqlite3 "$out/floor-src.db" "select sum(length(body) + length(source_id) + length(account) + length(kind) + 56) / 1e6 from events")
  sync
  s_import=$(seconds sqlite3 "$out/sqlite.db" ".mode csv" ".import $csv tickets")
  rm -f "$out/sqlite.db"*
  run() {  # $1: the statements after the copy; $2: the source_id column's constraint
    rm -f "$out/floor.db"*
    sync  # no earlier run's writeback competing with this one's
    seconds sqlite3 "$out/floor.db" "PRAGMA page_size = 16384" "PRAGMA journal_mode = DELETE" \
      "PRAGMA synchronous = FULL" "PRAGMA cache_size = -262144" "PRAGMA threads = 2" \
      "ATTACH '$out/floor-src.db' AS src" \
      "CREATE TABLE events (seq INTEGER PRIMARY KEY, source_id TEXT NOT NULL $2, account TEXT NOT NULL, time_utc INTEGER NOT NULL, tz_offset INTEGER NOT NULL, kind TEXT NOT NULL, recorded_utc INTEGER NOT NULL, body BLOB NOT NULL, hash BLOB NOT NULL)" \
      "BEGIN" "INSERT INTO events SELECT * FROM src.events" "$1" "COMMIT"
  }
  s_rows=$(run "SELECT 1" "")
  s_unique=$(run "SELECT 1" "UNIQUE")
  s_all=$(run "PRAGMA cache_size = -16384; CREATE INDEX a ON events (account, time_utc); CREATE INDEX t ON events (time_utc)" "UNIQUE")
  rm -f "$out/floor-src.db"* "$out/floor.db"*
  python3 -c "
import sys
mb, ev, rmb, si, sr, su, sa = sys.argv[1:]
si, sr, su, sa = float(si), float(sr), float(su), float(sa)
print(f'| {mb} MB | {int(ev):,} | {float(rmb):.0f} | {si:.2f} | {sr:.2f} | {su:.2f} | {sa:.2f} | {sr / si:.2f} | {sa / si:.2f} |')
" "$mb" "$events" "$rows_mb" "$s_import" "$s_rows" "$s_unique" "$s_all"
done
