// The written channels' friction (docs/sludge.md): each request of theirs and the thread that
// grew from it by replies (reply_to), read from one account's view: how many of our people
// answered it, whether they had to chase us or ask again, whether it went back to someone who
// had passed it on, and whose turn it was for how long. A message of theirs whose words chase
// (text/chase.h) and that replies to nothing belongs to the thread of their latest request.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/account_view.h"
#include "engine/sludge.h"
#include "engine/sludge/person_ids.h"
#include "engine/sludge/seconds_histogram.h"

namespace nanni {

// What one customer (a contact of theirs) met in writing.
struct WrittenJourney {
  uint64_t messages = 0, chased = 0;
  int64_t waiting_on_us_s = 0;
};

struct WrittenTally {
  WrittenStats stats;  // handlers_mean and first_reply_median_s are set by Finish
  uint64_t answered = 0, handlers = 0;
  SecondsHistogram first_reply;

  // Adds the requests of `view`'s account; `journeys` gets its customers' part, by person
  // (`people`: the account's).
  void Add(const AccountView& view, PersonIds* people, std::unordered_map<uint32_t, WrittenJourney>* journeys);
  void Merge(WrittenTally&& other);
  WrittenStats Finish();
};

}  // namespace nanni
