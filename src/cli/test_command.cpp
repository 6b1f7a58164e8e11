// relief test [PACK]: the YAML test cases of a pack and of the packs it imports.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "relief/pack_tests.hpp"

namespace relief::cli {

Command TestCommand(CLI::App& parent) {
  auto pack = std::make_shared<std::string>(DefaultPackDirectory());
  CLI::App* app = parent.add_subcommand("test", "Run the YAML test cases of a rule pack and of the packs it imports");
  app->add_option("pack", *pack, "Rule pack directory (default: the bundled pack)");
  return {app, [pack] {
            std::optional<RulePack> loaded = LoadPackOrReport(*pack);
            if (!loaded) return kExitFindings;
            PackTestReport report = RunPackTests(*loaded);
            std::cout << FormatPackTestReport(report);
            return report.ok() ? kExitOk : kExitFindings;
          }};
}

}  // namespace relief::cli
