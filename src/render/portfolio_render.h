// The portfolio (engine/portfolio.h) as terminal text and as JSON (schema in
// docs/portfolio.md). They format and never analyse.
#pragma once

#include <string>

#include "engine/portfolio.h"
#include "util/json_out.h"

namespace nanni {

// One line per account, the figures that fit a terminal; `limit` rows at most (0: all).
std::string PortfolioText(const Portfolio& portfolio, size_t limit);

// Every figure of every row.
void WritePortfolioJson(const Portfolio& portfolio, JsonOut* json);

}  // namespace nanni
