#include "relief/diagnostic.hpp"

#include <fmt/format.h>

namespace relief {

std::string FormatDiagnostic(const Diagnostic& d) {
  const char* severity = d.is_error() ? "error" : "warning";
  const SourceLocation& loc = d.location;
  std::string out;
  if (loc.file.empty()) {
    out = fmt::format("{}: {}\n", severity, d.message);
  } else if (loc.line == 0) {
    out = fmt::format("{}: {}: {}\n", loc.file, severity, d.message);
  } else {
    out = fmt::format("{}:{}:{}: {}: {}\n", loc.file, loc.line, loc.column, severity, d.message);
  }
  if (loc.line > 0 && !d.source_line.empty()) {
    // The caret line copies tabs so that it lines up under the source line.
    std::string caret;
    int column = 1;
    for (std::size_t i = 0; i < d.source_line.size() && column < loc.column; ++i) {
      unsigned char c = static_cast<unsigned char>(d.source_line[i]);
      if ((c & 0xC0) == 0x80) continue;
      caret += c == '\t' ? '\t' : ' ';
      ++column;
    }
    out += fmt::format("{}\n{}^\n", d.source_line, caret);
  }
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += FormatDiagnostic(d);
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
