// Verifier: recomputes a ledger's hash chain and checks every stored entry against it.
//
// It first checks the ledger's metadata (its identity: ledger/chain.h), then, for each entry,
// in seq order, that
//   1. seq follows the one before (no entry missing or inserted),
//   2. the stored hash equals ChainHash(previous stored hash, seq, recorded time, body),
//   3. the body is a JSON object whose id, account, time and kind agree with the index
//      columns stored beside it (so a changed column is caught as surely as a changed body).
// It reports the first entry that fails. Work is spread over all cores; the answer does not
// depend on how.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ledger/ledger_store.h"

namespace nanni {

struct VerifyReport {
  uint64_t checked = 0;  // entries read
  ChainHead head;        // the head recomputed from the entries read
  // Set when an entry fails: its seq, its source id as stored, and what is wrong. Seq 0 is
  // the ledger's metadata (its identity).
  std::optional<uint64_t> first_bad_seq;
  std::string first_bad_source_id;
  std::string problem;
  std::vector<std::string> notes;  // what was not verified, and why
};

// A receipt a customer kept: "after `count` entries the head was `hash`".
struct Receipt {
  uint64_t count = 0;
  Digest hash{};
};

// Parses "COUNT:HEX" (as `nanni checkpoint` prints it).
Status ParseReceipt(std::string_view text, Receipt* out);

using VerifyProgress = std::function<void(uint64_t checked)>;

// Verifies the whole chain of `store`. Returns OK when every entry checks out (and, if
// `receipt` is given, the entry at receipt->count has receipt->hash); Corruption naming the
// first bad entry otherwise (also described in *report); other errors when the store fails.
Status VerifyLedger(LedgerStore* store, const std::optional<Receipt>& receipt,
                    const VerifyProgress& progress, VerifyReport* report);

}  // namespace nanni
