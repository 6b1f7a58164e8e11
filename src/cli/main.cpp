// The relief command line: check a rule pack, evaluate a profile.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "core/file_reader.hpp"
#include "core/limits.hpp"
#include "core/text_safety.hpp"
#include "relief/diagnostic.hpp"
#include "relief/pack_tests.hpp"
#include "relief/report.hpp"
#include "relief/rule_pack.hpp"
#include "relief/version.hpp"

namespace {

// What the user typed, as it may be shown on a terminal.
std::string Shown(std::string_view text) { return relief::TerminalSafe(relief::Clip(text, 200)); }

// The profile's text, bounded in size; an error message when it cannot be
// read or is empty (an empty profile would be evaluated as a firm about
// which nothing is known, and pass unnoticed).
relief::FileText ReadProfileInput(const std::string& path) {
  relief::FileText read;
  if (path == "-") {
    std::string text(relief::limits::kMaxFileBytes + 1, '\0');
    std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > relief::limits::kMaxFileBytes) {
      read.error = fmt::format("too large: at most {} bytes are read", relief::limits::kMaxFileBytes);
    } else {
      read.text = std::move(text);
    }
  } else {
    read = relief::ReadBoundedFile(path, relief::limits::kMaxFileBytes);
  }
  if (read.text && read.text->find_first_not_of(" \t\r\n") == std::string::npos) {
    read = {std::nullopt, "the profile is empty"};
  }
  return read;
}

int Check(const std::string& pack_dir) {
  relief::LoadResult loaded = relief::RulePack::Load(pack_dir);
  std::cerr << relief::FormatDiagnostics(loaded.diagnostics);
  int errors = 0, warnings = 0;
  for (const auto& d : loaded.diagnostics) (d.is_error() ? errors : warnings)++;
  // Beyond the kept diagnostics, the last one counts the rest: say "more than".
  const bool cut =
      !loaded.diagnostics.empty() && loaded.diagnostics.back().message.starts_with(relief::limits::kTooManyProblems);
  if (cut) {
    std::cout << fmt::format("{}: more than {} problems (see the last message)\n", Shown(pack_dir),
                             relief::limits::kMaxKeptDiagnostics);
    return 1;
  }
  if (loaded.ok()) {
    const relief::PackInfo& info = loaded.pack->info();
    std::cout << fmt::format("{} {}: {} measures, {} error(s), {} warning(s)\n", Shown(info.name), Shown(info.version),
                             loaded.pack->MeasureIds().size(), errors, warnings);
  } else {
    std::cout << fmt::format("{}: {} error(s), {} warning(s)\n", Shown(pack_dir), errors, warnings);
  }
  return errors > 0 ? 1 : 0;
}

int Test(const std::string& pack_dir) {
  relief::LoadResult loaded = relief::RulePack::Load(pack_dir);
  if (!loaded.ok()) {
    std::cerr << relief::FormatDiagnostics(loaded.diagnostics);
    return 1;
  }
  relief::PackTestReport report = relief::RunPackTests(*loaded.pack);
  std::cout << relief::FormatPackTestReport(report);
  return report.ok() ? 0 : 1;
}

int Eval(const std::string& pack_dir, const std::string& date_text, const std::string& month_text,
         const std::string& format, const std::string& profile_path) {
  std::optional<relief::Date> date;
  if (!date_text.empty()) {
    date = relief::Date::Parse(date_text);
    if (!date) {
      std::cerr << fmt::format("error: --date: expected YYYY-MM-DD, found '{}'\n", Shown(date_text));
      return 2;
    }
  } else if (auto month = relief::Month::Parse(month_text)) {
    // A month is evaluated at its last day, when every text of the month
    // (a version starting on the 16th, say) is in force.
    date = month->LastDay();
  } else {
    std::cerr << fmt::format("error: --month: expected YYYY-MM, found '{}'\n", Shown(month_text));
    return 2;
  }
  relief::LoadResult loaded = relief::RulePack::Load(pack_dir);
  if (!loaded.ok()) {
    std::cerr << relief::FormatDiagnostics(loaded.diagnostics);
    return 1;
  }
  relief::FileText text = ReadProfileInput(profile_path);
  if (!text.text) {
    std::cerr << fmt::format("error: profile '{}': {}\n", Shown(profile_path), text.error);
    return 2;
  }
  relief::ProfileResult profile = loaded.pack->ReadProfile(*text.text, profile_path);
  std::cerr << relief::FormatDiagnostics(profile.diagnostics);
  if (!profile.ok()) return 1;
  relief::Evaluation evaluation = loaded.pack->Evaluate(*profile.profile, *date);
  std::cout << (format == "json"      ? relief::ToJson(evaluation)
                : format == "summary" ? relief::ToSummary(evaluation)
                                      : relief::ToText(evaluation));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relief: which public support measures can a French business claim?"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "Print the library and bundled pack versions");

  std::string check_pack = relief::DefaultPackDirectory();
  CLI::App* check = app.add_subcommand("check", "Check a rule pack: every error and warning, located");
  check->add_option("pack", check_pack, "Rule pack directory (default: the bundled pack)");

  std::string test_pack = relief::DefaultPackDirectory();
  CLI::App* test = app.add_subcommand("test", "Run the YAML test cases of a rule pack and of the packs it imports");
  test->add_option("pack", test_pack, "Rule pack directory (default: the bundled pack)");

  std::string eval_pack = relief::DefaultPackDirectory(), date, month, format = "text", profile;
  CLI::App* eval = app.add_subcommand("eval", "Evaluate a business profile at a date or month");
  eval->add_option("--pack", eval_pack, "Rule pack directory (default: the bundled pack)");
  auto* date_opt = eval->add_option("--date", date, "Evaluation date, YYYY-MM-DD");
  auto* month_opt = eval->add_option("--month", month, "Evaluation month, YYYY-MM");
  date_opt->excludes(month_opt);
  eval->add_option("--format", format, "Output format: text (every detail), summary (one screen), json")
      ->check(CLI::IsMember({"text", "summary", "json"}));
  eval->add_option("profile", profile, "Profile file (YAML or JSON), or - for standard input")->required();

  CLI11_PARSE(app, argc, argv);
  if (version) {
    std::cout << fmt::format("relief {}\n", relief::LibraryVersion());
    relief::LoadResult loaded = relief::RulePack::Load(relief::DefaultPackDirectory());
    if (loaded.ok()) {
      const relief::PackInfo& info = loaded.pack->info();
      std::cout << fmt::format("pack {} {} ({})\n", Shown(info.name), Shown(info.version), info.digest);
      return 0;
    }
    std::cout << fmt::format("pack: not loadable from {} (run relief check)\n", Shown(relief::DefaultPackDirectory()));
    return 1;
  }
  if (*check) return Check(check_pack);
  if (*test) return Test(test_pack);
  if (*eval) {
    if (date.empty() && month.empty()) {
      std::cerr << "error: eval needs --date YYYY-MM-DD or --month YYYY-MM\n";
      return 2;
    }
    return Eval(eval_pack, date, month, format, profile);
  }
  std::cout << app.help();
  return 0;
}
