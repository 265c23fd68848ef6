// Wording: the fixed, neutral phrases reports are written in. No adjectives, no advice: each
// phrase states a recorded fact. docs/case-file.md lists them; a test checks rendered reports
// against a list of forbidden words (tests/data/case/forbidden_words.txt).
#pragma once

#include "util/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "casefile/case_file.h"

namespace nanni {

// "3 d 04 h 05 min", "2 h 15 min", "12 min", "40 s".
std::string DurationText(int64_t seconds);

// "2026-03-02 09:14 +01:00" in the source's own offset.
std::string WhenText(const Timestamp& t);
std::string WhenText(const std::optional<Timestamp>& t);  // "" when absent

// "Dana Whitfield (theirs, executive)"; "not recorded" when absent.
std::string WhoText(const CasePerson* p);  // null: absent
std::string WhoText(const std::optional<CasePerson>& p);
std::string WhoText(const std::vector<CasePerson>& people);
std::string WhoText(const std::vector<const CasePerson*>& people);

// "acme.mbox:1204 <ref> #a1b2c3d4e5f6": source then ledger hash prefix.
std::string CiteText(const Citation& c);

// The fixed phrase for a chronology line ("Request from Dana Whitfield (theirs, executive)
// via email").
std::string ChronologyPhrase(const ChronologyLine& line);

}  // namespace nanni
