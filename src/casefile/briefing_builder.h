// BriefingBuilder: who the account's people are and where things stand (C4), from its events
// and its case file.
//
// People are keyed by lower-case email, else id, else lower-case name. Demands are the
// account's requests grouped by topic, else by subject with "re:"/"fwd:" prefixes, case,
// punctuation and spacing removed. What each figure means is in docs/case-file.md.
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/case_input.h"

namespace nanni {

struct BriefingLimits {
  size_t matrix_people = 8;     // rows and columns of the who-spoke-with-whom matrix
  size_t longest_waiting = 10;  // open requests listed
  size_t demands = 10;          // demand groups listed
};

class BriefingBuilder {
 public:
  explicit BriefingBuilder(BriefingLimits limits = BriefingLimits()) : limits_(limits) {}

  Briefing Build(const CaseFile& case_file, const std::vector<CaseEvent>& events) const;

 private:
  BriefingLimits limits_;
};

// The label requests are grouped under: the topic, else the normalised subject, else the
// first 60 bytes of the normalised text.
std::string DemandLabel(const RequestItem& request);

}  // namespace nanni
