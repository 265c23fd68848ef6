// Playbook: the moves each signal calls for, read from a rules file (data/triage/playbooks.toml,
// embedded; docs/triage.md). Each move has its principle and the essay it comes from. Moves
// are advice: triage and signals show them, the case file never does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/triage.h"
#include "util/status.h"

namespace nanni {

class Playbook {
 public:
  // Parses a playbooks file; InvalidInput naming the file, the move and the field, or a
  // `when` that names no signal (kSignalIds).
  static Status Parse(std::string_view toml_text, const std::string& name, Playbook* out);
  // The embedded playbooks, parsed once (a broken embedded file is an error, not a crash).
  static Status Default(const Playbook** out);

  // The moves for `account`'s signals, each once, in the file's order; {contact} and
  // {account} in their text filled in from the first signal that calls for it.
  std::vector<Move> MovesFor(const std::string& account, const std::vector<Signal>& signals) const;

  const std::vector<Move>& moves() const { return moves_; }  // Move::signals: its `when`

 private:
  std::vector<Move> moves_;
};

}  // namespace nanni
