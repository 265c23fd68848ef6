#!/usr/bin/env bash
# The mail fuzz target (fuzz/mail_fuzzer.cc): seed corpus from the real archives, and a
# standalone build and bounded run for where fuzz/CMakeLists.txt is not there.
#
#   scripts/fuzz_mail.sh [SECONDS]     # build build/fuzz-mail/mail_fuzzer, seed, run (default 60 s)
#
# scripts/fuzz.sh can instead `source` this file and call prepare_mail_corpus DIR.
# A crash, leak or sanitizer report exits non-zero and leaves the input in build/fuzz-mail/.
set -euo pipefail

# Fills DIR with one file per message of ../shared/data/email: the USRP-users mbox split at its
# "From " lines, every notmuch corpus file, and the new-text cases.
prepare_mail_corpus() {
  local dir="$1" root data
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  data="$root/../shared/data/email"
  mkdir -p "$dir"
  awk -v dir="$dir" '
    /^From / && (NR == 1 || blank) { n++; file = sprintf("%s/usrp-%04d.eml", dir, n); blank = 0; next }
    { if (file) print > file; blank = ($0 == ""); if (n % 50 == 0) close(file) }
  ' "$data/usrp_users_support.mbox"
  local i=0 f
  while IFS= read -r -d '' f; do
    i=$((i + 1)); cp "$f" "$dir/notmuch-$i.eml"
  done < <(find "$data/notmuch_corpora" -type f -print0 | sort -z)
  for f in "$root"/tests/data/mail/newtext/*.txt; do cp "$f" "$dir/newtext-$(basename "$f")"; done
}

build_mail_fuzzer() {
  local root out
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  out="$1"
  cd "$root"
  # shellcheck disable=SC2046
  clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Isrc -DUSE_OS_TZDB=1 -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 fuzz/mail_fuzzer.cc \
    src/import/mail/{mail_message,new_text,contact_level,request_rules,mail_mapper}.cc \
    src/config/nanni_config.cc src/event/{canonical,event,kind,event_decoder}.cc \
    src/util/{sha256,time,status,printable,text_file,toml_document}.cc \
    $(pkg-config --cflags --libs gmime-3.0 tomlplusplus) -lsimdjson -lcrypto -lfmt -ldate-tz \
    -o "$out"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  seconds="${1:-60}"
  root="$(cd "$(dirname "$0")/.." && pwd)"
  work="$root/build/fuzz-mail"
  mkdir -p "$work/corpus"
  build_mail_fuzzer "$work/mail_fuzzer"
  prepare_mail_corpus "$work/seeds"
  cd "$work"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  if ./mail_fuzzer -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
      -print_final_stats=1 corpus seeds > fuzz.log 2>&1; then
    echo "mail fuzzer: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' fuzz.log), no crash"
  else
    tail -60 fuzz.log
    echo "mail fuzzer: FAILED (log: build/fuzz-mail/fuzz.log; crash input: build/fuzz-mail/crash-*)" >&2
    exit 1
  fi
fi
