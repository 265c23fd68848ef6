// ContactLevel: a person's level read from a job title in a signature or in org data.
//
// FindTitle() looks at the lines of a signature block (text/new_text.h) for one that reads like a
// job title; LevelForTitle() maps a title to a level:
//   CEO, CTO, CFO, COO, CIO, CISO, Chief ..., President, VP / Vice President, SVP, EVP,
//   Director, Head of ..., Founder, Owner, Partner                     -> executive
//   Manager, Lead, Team Lead, Supervisor                              -> manager
//   anything else (Engineer, Student, ...)                            -> user
// Acronyms match in upper case only; words match with a capital first letter (so "lead" in a
// sentence is not a title). Our own people are agents unless a title says manager/executive.
#pragma once

#include <string>
#include <string_view>

#include "event/event.h"

namespace nanni {

// The first signature line that names a title (trimmed, at most 80 bytes), else "".
std::string FindTitle(std::string_view signature);

// kExecutive, kManager or kUser (kUser also for "" ).
Level LevelForTitle(std::string_view title);

}  // namespace nanni
