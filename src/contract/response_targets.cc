#include "contract/response_targets.h"

#include <fmt/format.h>

#include <unordered_map>

#include "contract/rules.h"

namespace nanni {

namespace {

// Our answers: responses not sent by the customer's side.
bool FromUs(const Event& e) {
  return e.kind == EventKind::kResponse && !(e.from && e.from->side == Side::kTheirs);
}

// What puts a conversation back on us: the customer asks again (a request) or answers us (a
// response). A message of theirs neither asks nor answers (docs/events.md): a "thanks" does
// not reopen what we resolved.
bool FromThem(const Event& e) {
  if (FromUs(e)) return false;
  return e.kind == EventKind::kRequest || e.kind == EventKind::kResponse;
}

// One conversation: the request that opened it and what followed, in time order.
struct Conversation {
  const CaseEvent* request = nullptr;
  std::vector<const CaseEvent*> followers;
};

// Requests that open a conversation: the first request of their thread, or any request without one.
std::vector<Conversation> Conversations(const std::vector<CaseEvent>& events) {
  std::vector<Conversation> out;
  std::unordered_map<std::string_view, size_t> by_thread, by_request;
  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    if (e.kind == EventKind::kRequest && FromThem(e)) {
      if (e.thread.empty() || by_thread.find(e.thread) == by_thread.end()) {
        if (!e.thread.empty()) by_thread.emplace(e.thread, out.size());
        by_request.emplace(e.id, out.size());
        out.push_back(Conversation{&c, {}});
        continue;
      }
    }
    size_t at = SIZE_MAX;
    if (auto t = e.thread.empty() ? by_thread.end() : by_thread.find(e.thread); t != by_thread.end()) {
      at = t->second;
    } else if (auto q = e.reply_to.empty() ? by_request.end() : by_request.find(e.reply_to); q != by_request.end()) {
      at = q->second;
    }
    if (at != SIZE_MAX) out[at].followers.push_back(&c);
  }
  return out;
}

class Measure {
 public:
  Measure(const ContractInput& in, const ResponseTarget& target) : in_(in), target_(target) {}

  int64_t Elapsed(int64_t from, int64_t to) const {
    if (to <= from) return 0;
    return target_.business_hours ? in_.clock.BusinessSeconds(from, to)
                                  : (to - from) / kMicrosPerSecond;
  }
  const char* ClockName() const { return target_.business_hours ? "business time" : "calendar time"; }

 private:
  const ContractInput& in_;
  const ResponseTarget& target_;
};

class ConversationCheck {
 public:
  ConversationCheck(const ContractInput& in, const Conversation& c, const ResponseTarget& t, std::vector<Finding>* out)
      : in_(in), c_(c), t_(t), m_(in, t), out_(out) {}

  void Run() {
    const Event& r = c_.request->event;
    int64_t waiting_since = r.time.utc_micros;  // on us, when >= 0
    int64_t paused_since = -1;                  // on them, when >= 0
    int64_t first_reply = -1, last_reply = -1, paused = 0;
    cited_.push_back(StoredId(*c_.request));
    for (const CaseEvent* f : c_.followers) {
      const int64_t t = f->event.time.utc_micros;
      if (t > in_.as_of_utc_micros) break;
      cited_.push_back(StoredId(*f));
      if (FromUs(f->event)) {
        if (first_reply < 0) {
          first_reply = t;
          Target(rules::kFirstReply, t_.first_reply_s, r.time.utc_micros, t, f, "first reply");
        } else if (waiting_since >= 0) {
          Target(rules::kNextReply, t_.next_reply_s, waiting_since, t, f, "next reply");
        }
        waiting_since = -1;
        paused_since = t;
        last_reply = t;
      } else if (FromThem(f->event)) {
        if (paused_since >= 0 && t_.pause_on_customer) paused += m_.Elapsed(paused_since, t);
        paused_since = -1;
        if (waiting_since < 0) waiting_since = t;
      }
    }
    const int64_t now = in_.as_of_utc_micros;
    if (first_reply < 0) {
      Target(rules::kFirstReply, t_.first_reply_s, r.time.utc_micros, now, nullptr, "first reply");
    } else if (waiting_since >= 0) {
      Target(rules::kNextReply, t_.next_reply_s, waiting_since, now, nullptr, "next reply");
    }
    const bool resolved = waiting_since < 0;
    Resolution(resolved ? last_reply : now, paused, resolved);
  }

 private:
  void Target(std::string_view rule, int64_t target_s, int64_t from, int64_t to, const CaseEvent* answer, const char* what) {
    if (target_s <= 0) return;
    const int64_t took = m_.Elapsed(from, to);
    Finding f = Start(rule);
    f.breach = took > target_s;
    f.subject = fmt::format("{} @ {}", StoredId(*c_.request), FormatUtc(from));
    f.steps.push_back(fmt::format("the {} is due within {} of {} from {}", what, ExactDuration(target_s), m_.ClockName(),
                                  FormatUtc(from)));
    if (answer != nullptr) {
      f.steps.push_back(fmt::format("it came at {} ({}), after {}", FormatUtc(to), StoredId(*answer), ExactDuration(took)));
    } else {
      f.steps.push_back(fmt::format("none by {}: {} so far", FormatUtc(to), ExactDuration(took)));
    }
    f.events = cited_;  // the conversation up to here: all the measure depends on
    Settle(&f, took, target_s, answer == nullptr);
  }

  void Resolution(int64_t end, int64_t paused, bool resolved) {
    if (t_.resolution_s <= 0) return;
    const int64_t from = c_.request->event.time.utc_micros;
    const int64_t gross = m_.Elapsed(from, end);
    const int64_t took = std::max<int64_t>(0, gross - paused);
    Finding f = Start(rules::kResolution);
    f.breach = took > t_.resolution_s;
    f.subject = StoredId(*c_.request);
    f.steps.push_back(fmt::format("resolution is due within {} of {}{}", ExactDuration(t_.resolution_s), m_.ClockName(),
                                  t_.pause_on_customer ? ", paused while we wait on the customer" : ""));
    f.steps.push_back(resolved ? fmt::format("resolved by our last answer at {}: {} elapsed", FormatUtc(end), ExactDuration(gross))
                               : fmt::format("still open at {}: {} elapsed", FormatUtc(end), ExactDuration(gross)));
    if (paused > 0) f.steps.push_back(fmt::format("less {} waiting on the customer: {}", ExactDuration(paused), ExactDuration(took)));
    f.events = cited_;
    Settle(&f, took, t_.resolution_s, !resolved);
  }

  Finding Start(std::string_view rule) const {
    Finding f;
    f.rule = std::string(rule);
    f.month = MonthLabel(in_.clock, c_.request->event.time.utc_micros);
    f.ours = true;
    return f;
  }

  // `open`: nothing has ended the measure yet, so a target not missed is only not missed yet.
  void Settle(Finding* f, int64_t took, int64_t target_s, bool open) {
    if (f->breach) {
      f->amount_minor = t_.credit_minor;
      f->steps.push_back(fmt::format("missed by {}{}", ExactDuration(took - target_s),
                                     t_.credit_minor > 0 ? fmt::format(": a credit of {} minor units", t_.credit_minor) : ""));
    } else if (open) {
      f->steps.push_back(fmt::format("not missed yet: {} left", ExactDuration(target_s - took)));
    } else {
      f->steps.push_back("met");
    }
    out_->push_back(std::move(*f));
  }

  const ContractInput& in_;
  const Conversation& c_;
  const ResponseTarget& t_;
  Measure m_;
  std::vector<Finding>* out_;
  std::vector<std::string> cited_;
};

}  // namespace

void CheckResponseTargets(const ContractInput& in, std::vector<Finding>* out) {
  if (in.terms.responses.empty()) return;
  for (const Conversation& c : Conversations(in.events)) {
    const Event& r = c.request->event;
    if (r.time.utc_micros < in.from_utc_micros || r.time.utc_micros >= in.to_utc_micros) continue;
    const std::string* priority = r.StringAttr("priority");
    const ResponseTarget* target = in.terms.TargetFor(priority ? *priority : "", r.channel);
    if (target != nullptr) ConversationCheck(in, c, *target, out).Run();
  }
}

}  // namespace nanni
