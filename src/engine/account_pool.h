// The accounts of an index snapshot an analysis reads, and the worker threads that read them:
// accounts are independent, so every portfolio analysis builds them in parallel, each worker
// with AccountView buffers of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "engine/account_view.h"
#include "index/account_groups.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"

namespace nanni {

// The string ids of the accounts of `groups` that have events and that `scope` allows, by
// account name.
std::vector<uint32_t> AllowedAccounts(const IndexSnapshot& index, const AccountGroups& groups,
                                      const AccessScope& scope);

// Calls work(i, scratch) for every i in [0, count), on up to eight threads (one when count is
// small); each thread passes its own scratch. Returns when every call has.
void ForEachAccount(size_t count, const std::function<void(size_t i, AccountScratch* scratch)>& work);

// How many threads ForEachAccount runs `count` calls on.
unsigned AccountWorkers(size_t count);
// As ForEachAccount, also passing the number of the thread making the call (0 ..
// AccountWorkers(count) - 1): for analyses that tally into one accumulator per thread.
void ForEachAccountOnWorkers(size_t count,
                             const std::function<void(size_t i, unsigned worker, AccountScratch* scratch)>& work);

}  // namespace nanni
