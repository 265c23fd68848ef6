#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang-14, ASan+UBSan) and runs each one for
# SECONDS (default 60) on a seed corpus made now from the real files in ../shared/data (never
# copied into the repository) plus the hand-made seeds in fuzz/seeds/. Any crash, leak or
# sanitizer report fails the script, leaving the input that caused it in fuzz-artifacts/.
#
#   scripts/fuzz.sh [SECONDS]
#
# Adding a target: write fuzz/NAME_fuzzer.cc (the CMake glob builds it) and, to seed it from
# real data, a function seed_NAME_fuzzer below that fills the folder it is given.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shared=${NANNI_SHARED_DATA:-../shared/data}

scripts/install-deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# split FILE PREFIX_BYTE DIR LINES: cuts FILE into pieces of LINES lines (the header kept on
# each), each written to DIR with PREFIX_BYTE (a selector byte; "" for none) in front.
split_csv() {
  local file=$1 prefix=$2 dir=$3 lines=$4 max=${5:-40}
  [ -f "$file" ] || return 0
  local header
  header=$(head -n 1 "$file")
  local base
  base=$(basename "$file" .csv)
  tail -n +2 "$file" | split -l "$lines" - "$work/piece-"
  local n=0
  for piece in "$work"/piece-*; do
    if [ "$n" -lt "$max" ]; then
      { printf "$prefix"; printf '%s\n' "$header"; cat "$piece"; } > "$dir/$base-$n"
    fi
    n=$((n + 1))
    rm -f "$piece"
  done
}

# The reader: every CSV of the shared data, in pieces (first byte 0: comma, quotes).
seed_csv_reader_fuzzer() {
  local dir=$1
  local f
  for f in "$shared"/calls/*.csv "$shared"/twitter_support/*.csv "$shared"/complaints/*.csv \
           "$shared"/tone/*.csv "$shared"/email/*.csv; do
    split_csv "$f" '\x00' "$dir" 200 10
  done
  if [ -f "$shared/complaints/cfpb_complaints_sample.csv" ]; then
    tail -c 3000 "$shared/complaints/cfpb_complaints_sample.csv" | { printf '\x00'; cat; } > "$dir/cfpb-tail"
  fi
  if [ -f "$shared/twitter_support/twcs_sample.csv" ]; then
    sed -n 2580,2600p "$shared/twitter_support/twcs_sample.csv" | { printf '\x00'; cat; } > "$dir/twcs-broken"
  fi
}

# The mapper: each real file through its built-in profile (the first byte picks it; profiles
# sorted by name: billing 0, callcenter 1, cfpb 2, tickets 3, twcs 4), and the built-in
# profiles themselves as TOML (5).
seed_profile_mapper_fuzzer() {
  local dir=$1
  split_csv "$shared/calls/anonymous_bank_august.csv" '\x01' "$dir" 50 20
  split_csv "$shared/complaints/cfpb_complaints_sample.csv" '\x02' "$dir" 30 20
  split_csv "$shared/twitter_support/twcs_sample.csv" '\x04' "$dir" 40 20
  { printf '\x00'; cat tests/data/csv/billing.csv; } > "$dir/billing"
  { printf '\x03'; cat tests/data/csv/tickets.csv; } > "$dir/tickets"
  for p in data/profiles/*.toml tests/data/csv/*.toml; do
    { printf '\x05'; cat "$p"; } > "$dir/profile-$(basename "$p")"
  done
}

# Mail: one file per message of the real archives (the USRP-users mbox split at its "From "
# lines, every notmuch corpus file) and the new-text cases.
seed_mail_fuzzer() {
  local dir=$1 i=0 f
  awk -v dir="$dir" '
    /^From / && (NR == 1 || blank) { n++; file = sprintf("%s/usrp-%04d.eml", dir, n); blank = 0; next }
    { if (file) print > file; blank = ($0 == ""); if (n % 50 == 0) close(file) }
  ' "$shared/email/usrp_users_support.mbox"
  while IFS= read -r -d '' f; do
    i=$((i + 1)); cp "$f" "$dir/notmuch-$i.eml"
  done < <(find "$shared/email/notmuch_corpora" -type f -print0 | sort -z)
  for f in tests/data/text/newtext/*.txt; do cp "$f" "$dir/newtext-$(basename "$f")"; done
}

# The decoder: the valid and invalid NDJSON cases of the tests, one line each, and generated
# events of every kind.
seed_event_decoder_fuzzer() {
  local dir=$1 i=0 line
  while IFS= read -r line; do
    i=$((i + 1)); printf '%s' "$line" > "$dir/valid-$i"
  done < tests/data/events/valid.ndjson
  i=0
  while IFS=$'\t' read -r _ line; do
    i=$((i + 1)); printf '%s' "$line" > "$dir/invalid-$i"
  done < <(grep -av '^#' tests/data/events/invalid.tsv | grep -av '^$')
  printf '%s' '9999-12-31T23:59:59-23:59' > "$dir/time-late"
  printf '%s' '2026-03-02T09:14:00+01:00' > "$dir/time"
}

# Contracts: the refused term sheets of tests/data/contract/invalid_terms.tsv (first byte 0:
# terms), besides the hand-made seeds of a term sheet, a claim and a ruling.
seed_contract_fuzzer() {
  local dir=$1 i=0
  while IFS=$'\t' read -r sheet _; do
    i=$((i + 1)); { printf '\0'; printf '%b' "${sheet#!}"; } > "$dir/terms-$i"
  done < <(grep -av '^#' tests/data/contract/invalid_terms.tsv | grep -av '^$')
}

mkdir -p fuzz-artifacts
status=0
for fuzzer in build/fuzz/fuzz/*_fuzzer; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus="$work/corpus-$name"
  mkdir -p "$corpus"
  if declare -F "seed_$name" >/dev/null; then "seed_$name" "$corpus"; fi
  for s in fuzz/seeds/"$name".*; do
    if [ -f "$s" ]; then cp "$s" "$corpus/"; fi
  done
  echo "fuzz: $name for ${seconds}s on $(ls "$corpus" | wc -l) seeds"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="fuzz-artifacts/$name-" "$corpus" \
       > "$work/$name.log" 2>&1; then
    echo "fuzz: $name FAILED; its log:" >&2
    tail -n 60 "$work/$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$work/$name.log" | tail -n 2 || true
    echo "fuzz: $name passed"
  fi
done
exit $status
