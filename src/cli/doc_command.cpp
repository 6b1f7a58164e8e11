// relief doc [--pack PACK] -o DIR: the pack's HTML catalogue, written as
// static pages under DIR (relief/catalogue.hpp).
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "relief/catalogue.hpp"

namespace relief::cli {
namespace {

struct DocOptions {
  std::string pack = DefaultPackDirectory();
  std::string output;
};

// Writes one page; an error message when it cannot.
std::string WritePage(const std::filesystem::path& dir, const CatalogueFile& file) {
  const std::filesystem::path path = dir / file.path;
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return fmt::format("cannot create '{}': {}", Shown(path.parent_path().string()), error.message());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << file.html;
  out.close();
  if (!out) return fmt::format("cannot write '{}': {}", Shown(path.string()), std::strerror(errno));
  return "";
}

int Doc(const DocOptions& options) {
  std::optional<RulePack> pack = LoadPackOrReport(options.pack);
  if (!pack) return kExitFindings;
  const std::vector<CatalogueFile> files = ToCatalogue(pack->Description());
  for (const CatalogueFile& file : files) {
    if (std::string error = WritePage(options.output, file); !error.empty()) {
      std::cerr << "error: " << error << "\n";
      return kExitUsage;
    }
  }
  std::cout << fmt::format("{}: {} pages, {} measures ({}/index.html)\n", Shown(pack->info().name), files.size(),
                           pack->MeasureIds().size(), Shown(options.output));
  return kExitOk;
}

}  // namespace

Command DocCommand(CLI::App& parent) {
  auto options = std::make_shared<DocOptions>();
  CLI::App* app = parent.add_subcommand("doc", "Write the HTML catalogue of a rule pack");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  app->add_option("-o,--output", options->output, "Directory to write the pages into (created if needed)")->required();
  return {app, [options] { return Doc(*options); }};
}

}  // namespace relief::cli
