#!/usr/bin/env bash
# CSV import benchmark (BENCHMARKS.md, "CSV import"): generates helpdesk ticket exports of
# the given sizes in MB (default: 100 1000), imports each with `nanni import --profile tickets`
# into a fresh ledger (a bulk load, docs/ledger.md) and, in the same run, appended to a ledger
# that already holds one event (the path of every later import). Peers, in the same run: the
# sqlite3 shell's `.import` of the same file into a fresh database (one table, no index: the
# issue's peer, target ratio <= 1.0), and the same `.import` into a table with the ledger's
# pragmas and an index for each of its lookups (unique id; organisation and time; time).
# Prints MB/s, events/s, peak memory (maximum resident set size, from /usr/bin/time) and the
# time ratios nanni / peer. Needs a release build (./dev build). Scratch files go to
# bench/out/csv/ (about 4x the CSV).
set -euo pipefail
cd "$(dirname "$0")/.."
nanni=build/release/src/nanni
out=bench/out/csv
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)

echo "| CSV size | rows | events | nanni s | nanni MB/s | events/s | nanni peak RSS | sqlite3 .import s | ratio | .import, indexed s | ratio | appending: nanni s | peak RSS | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
seed="$out/seed.ndjson"
echo '{"id":"bench-seed","account":"bench-seed","kind":"message","time":"2026-01-01T00:00:00Z","text":"seed"}' > "$seed"
# timed NAME COMMAND...: runs COMMAND, stdout to $out/NAME.out; sets NAME_s and NAME_kb.
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" > "$out/$name.out"
  read -r "${name}_s" "${name}_kb" < "$out/$name.time"
}
# The indexed peer: the rows in a table with the ledger's pragmas and an index for each of
# the ledger's lookups (unique id; organisation and time; time).
indexed_schema="PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
CREATE TABLE tickets (ticket_id TEXT, created_at TEXT, requester_name TEXT, requester_email TEXT,
  organization TEXT, subject TEXT, description TEXT, channel TEXT, priority TEXT, status TEXT,
  first_reply_at TEXT, solved_at TEXT, assignee TEXT);
CREATE UNIQUE INDEX tickets_by_id ON tickets (ticket_id);
CREATE INDEX tickets_by_org_time ON tickets (organization, created_at);
CREATE INDEX tickets_by_time ON tickets (created_at);"
for mb in "${sizes[@]}"; do
  csv="$out/tickets-$mb.csv"
  [ -f "$csv" ] || python3 bench/csv_gen.py "$csv" "$mb" >&2
  bytes=$(stat -c %s "$csv")
  rm -f "$out/ledger.db"* "$out/sqlite.db"*
  $nanni --db "$out/ledger.db" init >/dev/null
  timed bulk $nanni --db "$out/ledger.db" --json import --no-progress --profile tickets "$csv"
  events=$(python3 -c "import json; print(json.load(open('$out/bulk.out'))['added'])")
  rm -f "$out/ledger.db"*
  $nanni --db "$out/ledger.db" init >/dev/null
  $nanni --db "$out/ledger.db" import --no-progress "$seed" >/dev/null
  timed append $nanni --db "$out/ledger.db" import --no-progress --profile tickets "$csv"
  rm -f "$out/ledger.db"*
  timed plain sqlite3 "$out/sqlite.db" ".mode csv" ".import $csv tickets"
  rows=$(sqlite3 "$out/sqlite.db" "select count(*) from tickets")
  rm -f "$out/sqlite.db"*
  sqlite3 "$out/sqlite.db" "$indexed_schema" >/dev/null
  timed indexed sqlite3 "$out/sqlite.db" ".import --csv --skip 1 $csv tickets"
  rm -f "$out/sqlite.db"*
  python3 - "$bytes" "$rows" "$events" "$bulk_s" "$bulk_kb" "$plain_s" "$indexed_s" \
    "$append_s" "$append_kb" <<'PY'
import sys
b, rows, ev, ns, nkb, ps, xs, as_, akb = sys.argv[1:]
b, rows, ev, nkb, akb = int(b), int(rows), int(ev), int(nkb), int(akb)
ns, ps, xs, as_ = float(ns), float(ps), float(xs), float(as_)
print(f"| {b / 1e6:.0f} MB | {rows:,} | {ev:,} | {ns:.1f} | {b / 1e6 / ns:.1f} | {ev / ns:,.0f} | "
      f"{nkb / 1024:.0f} MiB | {ps:.1f} | {ns / ps:.2f} | {xs:.1f} | {ns / xs:.2f} | "
      f"{as_:.1f} | {akb / 1024:.0f} MiB | {as_ / ps:.2f} |")
PY
done
