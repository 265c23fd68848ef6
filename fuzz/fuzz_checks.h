// Invariants every fuzz target checks besides "no crash".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tlog/note_key.h"
#include "util/printable.h"
#include "util/status.h"

namespace nanni::fuzz {

// Aborts when an error message quotes input raw: a control character (other than a line
// break), a bidi control or a byte that is not UTF-8 (issue 10: every message that quotes
// input goes through Printable).
inline void CheckMessage(std::string_view message) {
  if (!HasUnprintable(message)) return;
  std::fprintf(stderr, "an error message holds an unprintable character: %s\n",
               PrintableLines(message).c_str());
  std::abort();
}

inline void CheckMessage(const Status& status) {
  if (!status.ok()) CheckMessage(status.message());
}

// A fixed log key (seed of zeros, named fuzz.example/log) for targets that check signatures.
inline const NoteVerifier& TestLogKey() {
  static NoteVerifier* key = [] {
    auto* v = new NoteVerifier;
    NoteSigner signer;
    Ed25519Seed seed{};
    if (!NoteSigner::FromSeed("fuzz.example/log", NoteKeyType::kEd25519, seed, &signer).ok()) std::abort();
    *v = signer.verifier();
    return v;
  }();
  return *key;
}

}  // namespace nanni::fuzz
