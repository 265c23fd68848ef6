#!/usr/bin/env bash
# CSV import benchmark (BENCHMARKS.md, "CSV import"): generates helpdesk ticket exports of
# the given sizes in MB (default: 100 1000), imports each with `nanni import --profile tickets`
# into a fresh ledger, and, in the same run, the sqlite3 shell's `.import` of the same file
# into a fresh database. Prints MB/s, events/s, peak memory (maximum resident set size, from
# /usr/bin/time) and the time ratio nanni / sqlite3 (target <= 1.0). The import into a fresh
# ledger is a bulk load (docs/ledger.md); the last columns time the same import appended to a
# ledger that already holds one event, the path of every later import.
# Needs a release build (./dev build). Scratch files go to bench/out/ (about 4x the CSV).
set -euo pipefail
cd "$(dirname "$0")/.."
nanni=build/release/src/nanni
out=bench/out/csv
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)

echo "| CSV size | rows | events | nanni s | nanni MB/s | events/s | nanni peak RSS | sqlite3 .import s | sqlite3 peak RSS | ratio nanni/sqlite3 | appending: nanni s | peak RSS | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
seed="$out/seed.ndjson"
echo '{"id":"bench-seed","account":"bench-seed","kind":"message","time":"2026-01-01T00:00:00Z","text":"seed"}' > "$seed"
for mb in "${sizes[@]}"; do
  csv="$out/tickets-$mb.csv"
  [ -f "$csv" ] || python3 bench/csv_gen.py "$csv" "$mb" >&2
  bytes=$(stat -c %s "$csv")
  rm -f "$out/ledger.db"* "$out/sqlite.db"*
  $nanni --db "$out/ledger.db" init >/dev/null
  /usr/bin/time -f "%e %M" -o "$out/nanni.time" \
    $nanni --db "$out/ledger.db" --json import --no-progress --profile tickets "$csv" > "$out/nanni.json"
  read -r n_s n_kb < "$out/nanni.time"
  events=$(python3 -c "import json; print(json.load(open('$out/nanni.json'))['added'])")
  rm -f "$out/ledger.db"*
  $nanni --db "$out/ledger.db" init >/dev/null
  $nanni --db "$out/ledger.db" import --no-progress "$seed" >/dev/null
  /usr/bin/time -f "%e %M" -o "$out/append.time" \
    $nanni --db "$out/ledger.db" import --no-progress --profile tickets "$csv" >/dev/null
  read -r a_s a_kb < "$out/append.time"
  rm -f "$out/ledger.db"*
  /usr/bin/time -f "%e %M" -o "$out/sqlite.time" \
    sqlite3 "$out/sqlite.db" ".mode csv" ".import $csv tickets"
  read -r s_s s_kb < "$out/sqlite.time"
  rows=$(sqlite3 "$out/sqlite.db" "select count(*) from tickets")
  rm -f "$out/sqlite.db"*
  python3 - "$bytes" "$rows" "$events" "$n_s" "$n_kb" "$s_s" "$s_kb" "$a_s" "$a_kb" <<'PY'
import sys
b, rows, ev, ns, nkb, ss, skb, as_, akb = sys.argv[1:]
b, rows, ev, ns, nkb = int(b), int(rows), int(ev), float(ns), int(nkb)
ss, skb, as_, akb = float(ss), int(skb), float(as_), int(akb)
print(f"| {b / 1e6:.0f} MB | {rows:,} | {ev:,} | {ns:.1f} | {b / 1e6 / ns:.1f} | {ev / ns:,.0f} | "
      f"{nkb / 1024:.0f} MiB | {ss:.1f} | {skb / 1024:.0f} MiB | {ns / ss:.2f} | "
      f"{as_:.1f} | {akb / 1024:.0f} MiB | {as_ / ss:.2f} |")
PY
done
