#include "casefile/briefing_builder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

namespace nanni {

namespace {

int LevelRank(Level l) {
  switch (l) {
    case Level::kExecutive: return 0;
    case Level::kManager: return 1;
    case Level::kUser: return 2;
    case Level::kAgent: return 3;
    default: return 4;
  }
}

std::string Normalise(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  // Strip reply and forward prefixes, repeatedly.
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"re ", "fw ", "fwd ", "aw ", "wg "}) {
      if (out.rfind(p, 0) == 0) {
        out.erase(0, p.size());
        again = true;
      }
    }
  }
  return out;
}

struct PersonTally {
  BriefPerson brief;
  size_t volume() const { return brief.sent + brief.received; }
};

void See(std::unordered_map<std::string, PersonTally>* people, const CasePerson& p, const Timestamp& t,
         bool sent) {
  PersonTally& tally = (*people)[p.key];
  BriefPerson& b = tally.brief;
  if (b.person.key.empty() || (b.person.level == Level::kUnknown && p.level != Level::kUnknown)) {
    CasePerson keep = p;
    if (keep.title.empty()) keep.title = b.person.title;
    b.person = keep;
  }
  if (b.person.title.empty()) b.person.title = p.title;
  (sent ? b.sent : b.received)++;
  if (!b.first_seen) b.first_seen = t;
  b.last_seen = t;
}

bool ByLevelThenActivity(const BriefPerson& a, const BriefPerson& b) {
  if (LevelRank(a.person.level) != LevelRank(b.person.level)) {
    return LevelRank(a.person.level) < LevelRank(b.person.level);
  }
  if (a.sent + a.received != b.sent + b.received) return a.sent + a.received > b.sent + b.received;
  return a.person.key < b.person.key;
}

}  // namespace

std::string DemandLabel(const RequestItem& r) {
  if (!r.topic.empty()) return Normalise(r.topic);
  std::string s = Normalise(r.subject);
  if (!s.empty()) return s;
  s = Normalise(r.text);
  if (s.size() > 60) {
    s.resize(60);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xc0) == 0x80) s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xc0) s.pop_back();
  }
  return s;
}

Briefing BriefingBuilder::Build(const CaseFile& cf, const std::vector<CaseEvent>& events) const {
  Briefing b;
  b.account = cf.account;
  b.as_of = cf.as_of;

  std::unordered_map<std::string, PersonTally> people;
  std::map<std::pair<std::string, std::string>, size_t> pairs;  // (theirs key, ours key)
  std::map<std::pair<int, int>, LastContact> last;
  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    std::vector<CasePerson> involved;
    if (e.from) {
      CasePerson f = PersonOf(*e.from);
      See(&people, f, e.time, true);
      involved.push_back(f);
    }
    for (const Contact& to : e.to) {
      CasePerson p = PersonOf(to);
      See(&people, p, e.time, false);
      involved.push_back(p);
      if (e.from && e.from->side != to.side) {
        const CasePerson& f = involved.front();
        if (f.side == Side::kTheirs) pairs[{f.key, p.key}]++;
        else if (f.side == Side::kOurs) pairs[{p.key, f.key}]++;
      }
    }
    for (const CasePerson& p : involved) {
      LastContact& lc = last[{static_cast<int>(p.side), static_cast<int>(p.level)}];
      lc = LastContact{p.side, p.level, e.time, p, c.cite};
    }
  }
  for (auto& [key, tally] : people) {
    if (tally.brief.person.side == Side::kTheirs) b.theirs.push_back(tally.brief);
    else if (tally.brief.person.side == Side::kOurs) b.ours.push_back(tally.brief);
  }
  std::sort(b.theirs.begin(), b.theirs.end(), ByLevelThenActivity);
  std::sort(b.ours.begin(), b.ours.end(), ByLevelThenActivity);

  // The matrix: the most active people on each side who spoke across.
  std::map<std::string, size_t> row_volume, col_volume;
  for (const auto& [k, n] : pairs) {
    row_volume[k.first] += n;
    col_volume[k.second] += n;
  }
  auto top = [&](const std::map<std::string, size_t>& volume) {
    std::vector<std::pair<std::string, size_t>> v(volume.begin(), volume.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (v.size() > limits_.matrix_people) v.resize(limits_.matrix_people);
    std::vector<CasePerson> out;
    for (const auto& [key, n] : v) out.push_back(people[key].brief.person);
    return out;
  };
  b.matrix.rows = top(row_volume);
  b.matrix.columns = top(col_volume);
  for (const CasePerson& r : b.matrix.rows) {
    std::vector<size_t> row;
    for (const CasePerson& col : b.matrix.columns) {
      auto it = pairs.find({r.key, col.key});
      row.push_back(it == pairs.end() ? 0 : it->second);
    }
    b.matrix.cells.push_back(std::move(row));
  }

  // Last contact per side and level: theirs first, executives first.
  for (const auto& [k, lc] : last) {
    if (lc.side != Side::kUnknown) b.last_contacts.push_back(lc);
  }
  std::stable_sort(b.last_contacts.begin(), b.last_contacts.end(), [](const auto& x, const auto& y) {
    if (x.side != y.side) return x.side == Side::kTheirs;
    return LevelRank(x.level) < LevelRank(y.level);
  });

  for (const RequestItem& r : cf.requests) {
    if (!r.answered) b.longest_waiting.push_back(r);
  }
  std::stable_sort(b.longest_waiting.begin(), b.longest_waiting.end(),
                   [](const auto& x, const auto& y) { return x.time.utc_micros < y.time.utc_micros; });
  if (b.longest_waiting.size() > limits_.longest_waiting) b.longest_waiting.resize(limits_.longest_waiting);

  std::map<std::string, Demand> groups;
  for (const RequestItem& r : cf.requests) {
    std::string label = DemandLabel(r);
    if (label.empty()) continue;
    Demand& d = groups[label];
    if (d.times == 0) {
      d.label = label;
      d.first_asked = r.time;
      d.example_text = !r.text.empty() ? r.text : r.subject;
    }
    ++d.times;
    if (!r.answered) ++d.open;
    d.last_asked = r.time;
    d.cites.push_back(r.cite);
  }
  for (auto& [label, d] : groups) b.demands.push_back(std::move(d));
  std::stable_sort(b.demands.begin(), b.demands.end(), [](const Demand& x, const Demand& y) {
    if (x.times != y.times) return x.times > y.times;
    return x.first_asked.utc_micros < y.first_asked.utc_micros;
  });
  if (b.demands.size() > limits_.demands) b.demands.resize(limits_.demands);
  return b;
}

}  // namespace nanni
