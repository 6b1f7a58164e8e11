// relief eval (--date|--month) PROFILE: what one firm can claim. By default
// the one-screen summary for the phone; --details adds every measure's
// conditions, calculation, open points and sources; --explain MEASURE gives
// those of one measure only.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "core/suggest.hpp"
#include "relief/diagnostic.hpp"
#include "relief/report.hpp"

namespace relief::cli {
namespace {

struct EvalOptions {
  std::string pack = DefaultPackDirectory();
  std::string date, month, format = "text", profile, explain, color = "auto";
  bool details = false;
};

// Colours only for a terminal, and never with NO_COLOR set (no-color.org)
// or a dumb terminal, unless --color always.
TextStyle StyleFor(const std::string& color) {
  if (color != "auto") return {color == "always"};
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool dumb = term == nullptr || std::string_view(term) == "dumb";
  return {isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0') && !dumb};
}

// The details of one measure; nothing when the pack has no such measure.
std::optional<std::string> ExplainOne(const Evaluation& evaluation, const std::string& id, const TextStyle& style) {
  std::vector<std::string> ids;
  for (const MeasureResult& r : evaluation.measures) {
    if (r.id == id) return ToMeasureText(r, style);
    ids.push_back(r.id);
  }
  std::cerr << fmt::format("error: --explain: no measure '{}' in the pack{}\n", Shown(id), DidYouMean(id, ids));
  return std::nullopt;
}

int Render(const EvalOptions& options, const Evaluation& evaluation) {
  if (options.format == "json") {
    std::cout << ToJson(evaluation);
    return kExitOk;
  }
  if (options.format == "markdown" || options.format == "html") {
    std::cout << (options.format == "html" ? ToHtml(evaluation) : ToMarkdown(evaluation));
    return kExitOk;
  }
  const TextStyle style = StyleFor(options.color);
  if (!options.explain.empty()) {
    std::optional<std::string> text = ExplainOne(evaluation, options.explain, style);
    if (!text) return kExitUsage;
    std::cout << *text;
    return kExitOk;
  }
  std::cout << ToSummary(evaluation, style);
  if (options.details) std::cout << "\n" << ToText(evaluation, style);
  return kExitOk;
}

// A date that no version of the pack covers is almost always a typo
// (2002-11 for 2020-11): say so, beside the answer.
void WarnWhenOutOfEveryVersion(const Evaluation& evaluation) {
  for (const MeasureResult& r : evaluation.measures) {
    const bool out_of_period = !r.reasons.empty() && r.reasons.front().code == ReasonCode::kOutOfPeriod;
    if (r.status != Status::kNotApplicable || !out_of_period) return;
  }
  std::cerr << fmt::format(
      "warning: no measure of pack '{}' has a version in force on {}: every measure is "
      "not applicable at this date\n",
      Shown(evaluation.pack.name), evaluation.date.ToString());
}

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
  const Evaluation evaluation = pack->Evaluate(*profile.profile, *date);
  WarnWhenOutOfEveryVersion(evaluation);
  return Render(options, evaluation);
}

}  // namespace

Command EvalCommand(CLI::App& parent) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* app = parent.add_subcommand("eval", "Evaluate a business profile at a date or month");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  auto* date = app->add_option("--date", options->date, "Evaluation date, YYYY-MM-DD");
  auto* month = app->add_option("--month", options->month, "Evaluation month, YYYY-MM (evaluated at its last day)");
  date->excludes(month);
  app->add_option("--format", options->format,
                  "text (the one-screen summary, details on demand), json (everything, for programs), "
                  "markdown or html (the summary then every detail: a document to send); "
                  "summary is another name for text")
      ->check(CLI::IsMember({"text", "summary", "json", "markdown", "html"}));
  auto* details = app->add_flag("--details", options->details,
                                "After the summary, every measure's conditions, calculation, open points and sources");
  auto* explain = app->add_option("--explain", options->explain, "Only the details of this measure (its id)");
  details->excludes(explain);
  app->add_option("--color", options->color, "Colours: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_option("profile", options->profile, "Profile file (YAML or JSON), or - for standard input")->required();
  return {app, [options, details, explain] {
            const bool text = options->format == "text" || options->format == "summary";
            if (!text && (details->count() > 0 || explain->count() > 0)) {
              std::cerr << "error: --details and --explain apply to the text format (json, markdown and html have "
                           "every detail)\n";
              return kExitUsage;
            }
            return Eval(*options);
          }};
}

}  // namespace relief::cli
