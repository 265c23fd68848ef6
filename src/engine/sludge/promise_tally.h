// Our promises against when we delivered (docs/sludge.md): each commitment of ours in one
// account's view, settled by its last outcome or still open at the moment, and whether we
// wrote to the customer about it (a status update of ours referring to it) before its date.
// Seed 004: the honest early update.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/account_view.h"
#include "engine/sludge.h"
#include "engine/sludge/person_ids.h"
#include "engine/sludge/seconds_histogram.h"

namespace nanni {

// PromiseStats with the lateness behind its median.
struct PromiseGroup {
  PromiseStats stats;
  SecondsHistogram late;
  void Merge(PromiseGroup&& other);
  PromiseStats Finish(std::string who);
};

struct PromiseTally {
  PromiseGroup total;
  std::unordered_map<uint32_t, PromiseGroup> by_person, by_account;  // by contact / account id
  std::unordered_map<uint32_t, PromiseGroup> by_team;                 // by the promiser's Level
  std::vector<PromiseCase> missed;  // id left empty: the engine cites them

  // Adds the commitments of ours in `view`, an account whose name is `account` (its string id);
  // `people`: the account's persons (by_person is by person).
  void Add(const AccountView& view, uint32_t account, PersonIds* people);
  void Merge(PromiseTally&& other);
};

}  // namespace nanni
