// The relief command line. Each subcommand is a file of this folder
// (command.hpp); this one parses the command line and runs the one chosen.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "relief/version.hpp"

namespace {

using relief::cli::CommandFactory;

// The subcommands, in the order of `relief --help`.
constexpr CommandFactory kCommands[] = {
    relief::cli::CheckCommand,       // relief check
    relief::cli::TestCommand,        // relief test
    relief::cli::EvalCommand,        // relief eval
    relief::cli::TimelineCommand,    // relief timeline
    relief::cli::AskCommand,         // relief ask
    relief::cli::BatchCommand,       // relief batch
    relief::cli::DocCommand,         // relief doc
    relief::cli::CompletionCommand,  // relief completion
};

int PrintVersion() {
  using relief::cli::Shown;
  std::cout << fmt::format("relief {}\n", relief::LibraryVersion());
  relief::LoadResult loaded = relief::RulePack::Load(relief::DefaultPackDirectory(), relief::cli::PackLoadOptions());
  if (loaded.ok()) {
    const relief::PackInfo& info = loaded.pack->info();
    std::cout << fmt::format("pack {} {} ({})\n", Shown(info.name), Shown(info.version), info.digest);
    return relief::cli::kExitOk;
  }
  std::cout << fmt::format("pack: not loadable from {} (run relief check)\n", Shown(relief::DefaultPackDirectory()));
  return relief::cli::kExitFindings;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relief: which public support measures can a French business claim?"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "Print the library and bundled pack versions");
  bool no_cache = false;
  app.add_flag("--no-cache", no_cache,
               "Parse every rule file, without the cache of rule files read before (RELIEF_NO_CACHE=1 does too)");
  app.fallthrough();  // --no-cache may follow the subcommand
  std::vector<relief::cli::Command> commands;
  for (CommandFactory make : kCommands) commands.push_back(make(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 0 for --help and 105/106/… for errors: errors are usage (2).
    const int code = app.exit(e);
    return code == 0 ? relief::cli::kExitOk : relief::cli::kExitUsage;
  }
  relief::cli::PackLoadOptions().use_cache = !no_cache;
  if (version) return PrintVersion();
  for (const relief::cli::Command& command : commands) {
    if (*command.app) return command.run();
  }
  std::cout << app.help();
  return relief::cli::kExitOk;
}
