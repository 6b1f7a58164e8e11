// relief timeline --from YYYY-MM --to YYYY-MM PROFILE: the firm's monthly
// measures month by month, with the total of each over the span.
#include <fmt/format.h>

#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "relief/timeline.hpp"

namespace relief::cli {
namespace {

struct TimelineOptions {
  std::string pack = DefaultPackDirectory();
  std::string from, to, format = "text", profile;
};

std::optional<Month> MonthOption(const char* name, const std::string& text) {
  std::optional<Month> month = Month::Parse(text);
  if (!month) std::cerr << fmt::format("error: {}: expected YYYY-MM, found '{}'\n", name, Shown(text));
  return month;
}

int RunTimeline(const TimelineOptions& options) {
  std::optional<Month> from = MonthOption("--from", options.from);
  std::optional<Month> to = MonthOption("--to", options.to);
  if (!from || !to) return kExitUsage;
  if (*to < *from || std::int64_t{to->index()} - from->index() >= kMaxTimelineMonths) {
    std::cerr << fmt::format("error: --from {} --to {}: expected a span of 1 to {} months, in order\n",
                             from->ToString(), to->ToString(), kMaxTimelineMonths);
    return kExitUsage;
  }
  std::optional<RulePack> pack = LoadPackOrReport(options.pack);
  if (!pack) return kExitFindings;
  int status = kExitOk;
  std::optional<Profile> profile = LoadProfileOrReport(*pack, options.profile, status);
  if (!profile) return status;
  Timeline timeline = EvaluateTimeline(*pack, *profile, *from, *to);
  std::cout << (options.format == "json"  ? TimelineToJson(timeline)
                : options.format == "csv" ? TimelineToCsv(timeline)
                                          : TimelineToText(timeline));
  return kExitOk;
}

}  // namespace

Command TimelineCommand(CLI::App& parent) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* app = parent.add_subcommand(
      "timeline", "The monthly measures of a profile month by month over a span, with their totals");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  app->add_option("--from", options->from, "First month, YYYY-MM")->required();
  app->add_option("--to", options->to, "Last month, YYYY-MM (included)")->required();
  app->add_option("--format", options->format, "Output format: text (a table in French), csv, json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  app->add_option("profile", options->profile, "Profile file (YAML or JSON), or - for standard input")->required();
  return {app, [options] { return RunTimeline(*options); }};
}

}  // namespace relief::cli
