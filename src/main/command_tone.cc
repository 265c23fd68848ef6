// nanni tone: scores text, or an account's messages, on the tone dimensions, with reasons.
#include "main/cli.h"
namespace nanni::cli {
void RegisterToneCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {}
}  // namespace nanni::cli
