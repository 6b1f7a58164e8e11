#include "relief/diagnostic.hpp"

#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/text_safety.hpp"

namespace relief {
namespace {

// The source line as shown, and a caret line under `column`: both escape
// control characters the same way so that the caret stays aligned; tabs
// are kept (and copied into the caret line). A cut line is marked with "…".
std::string QuoteLine(const Diagnostic& d) {
  const std::string_view line = d.source_line;
  std::string shown = d.source_line_column > 1 ? "…" : "";
  std::string caret = d.source_line_column > 1 ? " " : "";
  int column = d.source_line_column;
  for (std::size_t i = 0; i < line.size();) {
    const Utf8Char c = DecodeUtf8(line, i);
    const std::string piece = c.valid && c.code == '\t' ? "\t" : TerminalSafe(line.substr(i, c.size));
    shown += piece;
    if (column < d.location.column)
      caret += piece == "\t" ? "\t" : std::string(piece.size() == c.size ? 1 : piece.size(), ' ');
    ++column;
    i += c.size;
  }
  return fmt::format("{}\n{}^\n", shown, caret);
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  const char* severity = d.is_error() ? "error" : "warning";
  const SourceLocation& loc = d.location;
  const std::string file = TerminalSafe(Clip(loc.file, limits::kMaxMessageBytes));
  const std::string message = TerminalSafe(Clip(d.message, limits::kMaxMessageBytes));
  std::string out;
  if (loc.file.empty()) {
    out = fmt::format("{}: {}\n", severity, message);
  } else if (loc.line == 0) {
    out = fmt::format("{}: {}: {}\n", file, severity, message);
  } else {
    out = fmt::format("{}:{}:{}: {}: {}\n", file, loc.line, loc.column, severity, message);
  }
  if (loc.line > 0 && !d.source_line.empty()) out += QuoteLine(d);
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  std::size_t errors = 0, warnings = 0;
  const Diagnostic* too_many = nullptr;  // the sink's count of those it left out
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (i < limits::kMaxPrintedDiagnostics) {
      out += FormatDiagnostic(diagnostics[i]);
    } else if (i + 1 == diagnostics.size() && diagnostics[i].message.starts_with(limits::kTooManyProblems)) {
      too_many = &diagnostics[i];
    } else {
      ++(diagnostics[i].is_error() ? errors : warnings);
    }
  }
  if (errors + warnings > 0) {
    out += fmt::format("… and {} more error(s), {} more warning(s) not shown (at most {} are printed)\n", errors,
                       warnings, limits::kMaxPrintedDiagnostics);
  }
  if (too_many != nullptr) out += FormatDiagnostic(*too_many);
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.is_error()) return true;
  }
  return false;
}

namespace {
std::string Summary(const std::vector<Diagnostic>& diagnostics) {
  return diagnostics.empty() ? std::string("relief error") : FormatDiagnostics(diagnostics);
}
}  // namespace

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(Summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace relief
