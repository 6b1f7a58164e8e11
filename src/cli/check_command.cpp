// relief check [PACK]: every error and warning of a rule pack, located.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "core/limits.hpp"
#include "relief/diagnostic.hpp"

namespace relief::cli {
namespace {

int Check(const std::string& pack_dir) {
  LoadResult loaded = RulePack::Load(pack_dir, PackLoadOptions());
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  int errors = 0, warnings = 0;
  for (const auto& d : loaded.diagnostics) (d.is_error() ? errors : warnings)++;
  // Beyond the kept diagnostics, the last one counts the rest: say "more than".
  const bool cut =
      !loaded.diagnostics.empty() && loaded.diagnostics.back().message.starts_with(limits::kTooManyProblems);
  if (cut) {
    std::cout << fmt::format("{}: more than {} problems (see the last message)\n", Shown(pack_dir),
                             limits::kMaxKeptDiagnostics);
    return kExitFindings;
  }
  if (loaded.ok()) {
    const PackInfo& info = loaded.pack->info();
    std::cout << fmt::format("{} {}: {} measures, {} error(s), {} warning(s)\n", Shown(info.name), Shown(info.version),
                             loaded.pack->MeasureIds().size(), errors, warnings);
  } else {
    std::cout << fmt::format("{}: {} error(s), {} warning(s)\n", Shown(pack_dir), errors, warnings);
  }
  return errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace

Command CheckCommand(CLI::App& parent) {
  auto pack = std::make_shared<std::string>(DefaultPackDirectory());
  CLI::App* app = parent.add_subcommand("check", "Check a rule pack: every error and warning, located");
  app->add_option("pack", *pack, "Rule pack directory (default: the bundled pack)");
  return {app, [pack] { return Check(*pack); }};
}

}  // namespace relief::cli
