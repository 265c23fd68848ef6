#include "engine/account_pool.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace nanni {

std::vector<uint32_t> AllowedAccounts(const IndexSnapshot& index, const AccountGroups& groups,
                                      const AccessScope& scope) {
  std::vector<uint32_t> accounts;
  for (uint32_t id = 1; id < groups.end_id(); ++id) {
    if (!groups.events(id).empty() && scope.Allows(index.str(id))) accounts.push_back(id);
  }
  std::sort(accounts.begin(), accounts.end(), [&](uint32_t a, uint32_t b) { return index.str(a) < index.str(b); });
  return accounts;
}

unsigned AccountWorkers(size_t count) {
  return count > 64 ? std::clamp(std::thread::hardware_concurrency(), 1u, 8u) : 1u;
}

void ForEachAccountOnWorkers(size_t count,
                             const std::function<void(size_t i, unsigned worker, AccountScratch* scratch)>& work) {
  std::atomic<size_t> next{0};
  auto run = [&](unsigned worker) {
    AccountScratch scratch;
    for (size_t i = next++; i < count; i = next++) work(i, worker, &scratch);
  };
  const unsigned workers = AccountWorkers(count);
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (std::thread& t : threads) t.join();
}

void ForEachAccount(size_t count, const std::function<void(size_t i, AccountScratch* scratch)>& work) {
  ForEachAccountOnWorkers(count, [&](size_t i, unsigned, AccountScratch* scratch) { work(i, scratch); });
}

}  // namespace nanni
