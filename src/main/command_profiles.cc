// nanni profiles: the built-in CSV import profiles.
#include <fmt/format.h>

#include "import/csv/builtin_profiles.h"
#include "main/cli.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
    else if (c == '\n') out += "\\n";
    else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

Status RunProfiles(const GlobalOptions& global, const std::string& show) {
  if (!show.empty()) {
    const EmbeddedProfile* p = FindEmbeddedProfile(show);
    if (p == nullptr) {
      return Status::NotFound(fmt::format("no built-in profile '{}' (see `nanni profiles`)",
                                          Printable(show, 80)));
    }
    fmt::print("{}", p->text());
    return Status::OK();
  }
  std::string json;
  for (const EmbeddedProfile& e : EmbeddedProfiles()) {
    Profile p;
    NANNI_RETURN_IF_ERROR(ParseProfile(e.text(), std::string(e.name), &p));
    if (global.json) {
      json += fmt::format("{}{{\"name\":{},\"description\":{},\"source\":{}}}", json.empty() ? "" : ",",
                          JsonString(e.name), JsonString(p.description), JsonString(p.source));
    } else {
      fmt::print("{:<12} {}\n", e.name, p.description);
    }
  }
  if (global.json) fmt::print("[{}]\n", json);
  return Status::OK();
}

}  // namespace

void RegisterProfilesCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto show = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("profiles", "List the built-in CSV import profiles");
  cmd->add_option("--show", *show, "Print one built-in profile's TOML");
  cmd->footer(
      "A profile maps a CSV export's columns to events (docs/profiles.md). Use one with\n"
      "`nanni import --profile NAME FILE.csv`, or copy one as the start of your own.\n\n"
      "Examples:\n  nanni profiles\n  nanni profiles --show cfpb > my-complaints.toml");
  OnChosen(cmd, run, [&global, show] { return RunProfiles(global, *show); });
}

}  // namespace nanni::cli
