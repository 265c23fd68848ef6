#include "engine/tone_report_builder.h"

#include <algorithm>

#include "index/account_groups.h"
#include "index/fact_draft.h"
#include "util/time.h"

namespace nanni {

namespace {

ToneSummary SummaryOf(const ToneFact& t) {
  ToneSummary s;
  s.score[0] = t.politeness;
  s.score[1] = t.demanding;
  s.score[2] = t.collaboration;
  s.score[3] = t.abuse;
  s.max_threat = t.max_threat;
  s.max_badgering = t.max_badgering;
  s.flagged_sum = t.flagged_sum;
  s.demanding = t.flags & kDemandingFlag;
  s.abusive = t.flags & kAbusiveFlag;
  s.threat = t.flags & kThreatFlag;
  s.badgering = t.flags & kBadgeringFlag;
  return s;
}

// "2024-03-05 09:14" in the event's own offset.
std::string ShortTimeOf(const Fact& f) {
  std::string full = FormatRfc3339(Timestamp{f.time_utc_micros, f.offset_minutes});
  return full.substr(0, 10) + " " + full.substr(11, 5);
}

std::vector<size_t> Ranked(const std::vector<ContactTone>& contacts, double (*share)(const ToneTally&)) {
  std::vector<size_t> r;
  for (size_t i = 0; i < contacts.size(); ++i) {
    if (contacts[i].total.messages >= 3) r.push_back(i);
  }
  std::stable_sort(r.begin(), r.end(), [&](size_t a, size_t b) {
    return share(contacts[a].total) > share(contacts[b].total);
  });
  return r;
}

}  // namespace

Status ToneReportBuilder::Build(const AccessScope& scope, const std::string& account,
                                const ReportMoment& moment, size_t standouts, ToneReport* out) {
  *out = ToneReport();
  out->account = account;
  const AccountGroups groups(index_);
  std::vector<uint32_t> accounts;
  for (uint32_t id = 1; id < groups.end_id(); ++id) {
    std::string_view name = index_.str(id);
    if (groups.events(id).empty() || !scope.Allows(name) || (!account.empty() && name != account)) continue;
    accounts.push_back(id);
  }
  std::sort(accounts.begin(), accounts.end(), [&](uint32_t a, uint32_t b) { return index_.str(a) < index_.str(b); });

  ToneTrend trend(standouts);
  std::vector<MomentInput> inputs;
  std::vector<EffectiveEvent> effective;
  for (uint32_t id : accounts) {
    inputs.clear();
    for (uint32_t seq : groups.events(id)) {
      const Fact& f = index_.fact(seq);
      inputs.push_back(MomentInput{seq, f.time_utc_micros, index_.recorded(seq), f.kind, f.corrects});
    }
    ApplyMoment(moment, inputs, &effective);
    const std::string account_name(index_.str(id));
    for (const EffectiveEvent& e : effective) {
      const uint64_t seq = inputs[e.input].seq;
      const uint32_t tone_row = index_.tone_row(seq);
      if (tone_row == IndexSnapshot::kNoRecord) continue;
      const Fact& f = index_.fact(seq);
      ContactParts who = f.from != 0 ? SplitContactString(index_.str(f.from))
                                     : ContactParts{"(unknown sender)", "(unknown sender)", ""};
      std::string when = FormatRfc3339(Timestamp{f.time_utc_micros, f.offset_minutes});
      trend.Add(account_name, std::string(who.key), std::string(who.name), std::string(who.email),
                when.substr(0, 7), ShortTimeOf(f), seq, SummaryOf(index_.tone()[tone_row]));
      ++out->messages;
    }
    ++out->accounts;
  }
  out->contacts = trend.contacts();
  out->whole = ContactTone{account, "(all contacts)", "", "", {}, {}};
  for (const ContactTone& c : out->contacts) {
    out->whole.total.Merge(c.total);
    for (const auto& [m, t] : c.months) out->whole.months[m].Merge(t);
  }
  out->by_abuse = Ranked(out->contacts, [](const ToneTally& t) { return t.Share(t.abusive) + 0.001 * t.Mean(3); });
  out->by_threats = Ranked(out->contacts, [](const ToneTally& t) { return t.Share(t.threats); });
  out->by_badgering = Ranked(out->contacts, [](const ToneTally& t) { return t.Share(t.badgering); });
  out->standouts = trend.Standouts();
  ToneScore score;
  for (ToneStandout& s : out->standouts) {
    NANNI_RETURN_IF_ERROR(rescore_(s.seq, &score));
    DescribeStandout(score, model_, &s);
  }
  return Status::OK();
}

}  // namespace nanni
