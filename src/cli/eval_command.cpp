// relief eval (--date|--month) PROFILE: what one firm can claim.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "relief/diagnostic.hpp"
#include "relief/report.hpp"

namespace relief::cli {
namespace {

struct EvalOptions {
  std::string pack = DefaultPackDirectory();
  std::string date, month, format = "text", profile;
};

int Eval(const EvalOptions& options) {
  std::optional<Date> date = EvaluationDate(options.date, options.month);
  if (!date) return kExitUsage;
  std::optional<RulePack> pack = LoadPackOrReport(options.pack);
  if (!pack) return kExitFindings;
  FileText text = ReadProfileInput(options.profile);
  if (!text.text) {
    std::cerr << fmt::format("error: profile '{}': {}\n", Shown(options.profile), text.error);
    return kExitUsage;
  }
  ProfileResult profile = pack->ReadProfile(*text.text, options.profile);
  std::cerr << FormatDiagnostics(profile.diagnostics);
  if (!profile.ok()) return kExitFindings;
  Evaluation evaluation = pack->Evaluate(*profile.profile, *date);
  std::cout << (options.format == "json"       ? ToJson(evaluation)
                : options.format == "summary"  ? ToSummary(evaluation)
                : options.format == "markdown" ? ToMarkdown(evaluation)
                : options.format == "html"     ? ToHtml(evaluation)
                                               : ToText(evaluation));
  return kExitOk;
}

}  // namespace

Command EvalCommand(CLI::App& parent) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* app = parent.add_subcommand("eval", "Evaluate a business profile at a date or month");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  auto* date = app->add_option("--date", options->date, "Evaluation date, YYYY-MM-DD");
  auto* month = app->add_option("--month", options->month, "Evaluation month, YYYY-MM");
  date->excludes(month);
  app->add_option("--format", options->format,
                  "Output format: text (every detail), summary (one screen), json, markdown, html (one page to e-mail)")
      ->check(CLI::IsMember({"text", "summary", "json", "markdown", "html"}));
  app->add_option("profile", options->profile, "Profile file (YAML or JSON), or - for standard input")->required();
  return {app, [options] { return Eval(*options); }};
}

}  // namespace relief::cli
