// What several commands share: showing user text safely, reading a profile
// file, parsing --date/--month, loading a pack with its diagnostics printed.
#ifndef RELIEF_CLI_CLI_SUPPORT_HPP_
#define RELIEF_CLI_CLI_SUPPORT_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "core/file_reader.hpp"
#include "relief/calendar.hpp"
#include "relief/rule_pack.hpp"

namespace relief::cli {

// What the user typed, clipped and with control characters escaped, as it
// may be shown on a terminal.
std::string Shown(std::string_view text);

// The profile's text ("-" is standard input), bounded in size; an error
// message when it cannot be read or is empty (an empty profile would be
// evaluated as a firm about which nothing is known, and pass unnoticed).
FileText ReadProfileInput(const std::string& path);

// The evaluation date from --date YYYY-MM-DD or --month YYYY-MM (a month is
// evaluated at its last day, when every text of the month is in force);
// prints the error and returns nothing when neither parses.
std::optional<Date> EvaluationDate(const std::string& date_text, const std::string& month_text);

// How the commands load packs (--no-cache, main.cpp, turns the cache off).
LoadOptions& PackLoadOptions();

// The pack, or nothing after printing its diagnostics on standard error.
std::optional<RulePack> LoadPackOrReport(const std::string& pack_dir);

// The profile at `path` read against `pack`, or nothing after printing why on
// standard error; `status` is then the exit status (kExitUsage when the file
// cannot be read, kExitFindings when it is wrong).
std::optional<Profile> LoadProfileOrReport(const RulePack& pack, const std::string& path, int& status);

}  // namespace relief::cli

#endif  // RELIEF_CLI_CLI_SUPPORT_HPP_
