#include "cli/cli_support.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/limits.hpp"
#include "core/text_safety.hpp"
#include "relief/diagnostic.hpp"

namespace relief::cli {

std::string Shown(std::string_view text) { return TerminalSafe(Clip(text, 200)); }

FileText ReadProfileInput(const std::string& path) {
  FileText read;
  if (path == "-") {
    std::string text(limits::kMaxFileBytes + 1, '\0');
    std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > limits::kMaxFileBytes) {
      read.error = fmt::format("too large: at most {} bytes are read", limits::kMaxFileBytes);
    } else {
      read.text = std::move(text);
    }
  } else {
    read = ReadBoundedFile(path, limits::kMaxFileBytes);
  }
  if (read.text && read.text->find_first_not_of(" \t\r\n") == std::string::npos) {
    read = {std::nullopt, "the profile is empty"};
  }
  return read;
}

std::optional<Date> EvaluationDate(const std::string& date_text, const std::string& month_text) {
  if (date_text.empty() && month_text.empty()) {
    std::cerr << "error: --date YYYY-MM-DD or --month YYYY-MM is needed\n";
    return std::nullopt;
  }
  if (!date_text.empty()) {
    std::optional<Date> date = Date::Parse(date_text);
    if (!date) std::cerr << fmt::format("error: --date: expected YYYY-MM-DD, found '{}'\n", Shown(date_text));
    return date;
  }
  if (std::optional<Month> month = Month::Parse(month_text)) return month->LastDay();
  std::cerr << fmt::format("error: --month: expected YYYY-MM, found '{}'\n", Shown(month_text));
  return std::nullopt;
}

LoadOptions& PackLoadOptions() {
  static LoadOptions options;
  return options;
}

std::optional<RulePack> LoadPackOrReport(const std::string& pack_dir) {
  LoadResult loaded = RulePack::Load(pack_dir, PackLoadOptions());
  if (!loaded.ok()) {
    std::cerr << FormatDiagnostics(loaded.diagnostics);
    return std::nullopt;
  }
  return std::move(*loaded.pack);
}

std::optional<Profile> LoadProfileOrReport(const RulePack& pack, const std::string& path, int& status) {
  FileText text = ReadProfileInput(path);
  if (!text.text) {
    std::cerr << fmt::format("error: profile '{}': {}\n", Shown(path), text.error);
    status = kExitUsage;
    return std::nullopt;
  }
  ProfileResult profile = pack.ReadProfile(*text.text, path);
  std::cerr << FormatDiagnostics(profile.diagnostics);
  if (!profile.ok()) {
    status = kExitFindings;
    return std::nullopt;
  }
  return *profile.profile;
}

}  // namespace relief::cli
