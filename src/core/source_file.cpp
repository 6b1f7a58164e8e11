#include "core/source_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/limits.hpp"
#include "core/text_safety.hpp"

namespace relief {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceLocation SourceFile::Locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const int line = static_cast<int>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count UTF-8 lead bytes only, so that "é" is one column.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {path_, line, column};
}

std::string_view SourceFile::LineText(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

std::size_t SourceFile::OffsetOf(int line0, int byte_column0) const {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= line_starts_.size()) return text_.size();
  return std::min(text_.size(), line_starts_[line0] + static_cast<std::size_t>(byte_column0));
}

void DiagnosticSink::Error(SourceRef where, std::string message) { Add(Severity::kError, where, std::move(message)); }

void DiagnosticSink::Warning(SourceRef where, std::string message) {
  Add(Severity::kWarning, where, std::move(message));
}

namespace {

// The part of a long line around `column` (1-based, in characters), and the
// column of its first character, so that a caret can still point into it.
std::pair<std::string, int> LineWindow(std::string_view line, int column) {
  const int half = static_cast<int>(limits::kMaxShownLineChars / 2);
  const int first = std::max(1, column - half);
  std::size_t begin = line.size(), end = line.size();
  int c = 1;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (c == first) begin = i;
    if (c == first + 2 * half) {
      end = i;
      break;
    }
    ++c;
  }
  return {std::string(line.substr(begin, end - begin)), first};
}

}  // namespace

void DiagnosticSink::Add(Severity severity, SourceRef where, std::string message) {
  // Beyond the cap, count without locating: Locate scans the line, and a
  // million diagnostics on one long line would take quadratic time.
  if (diagnostics_.size() >= limits::kMaxKeptDiagnostics) {
    ++(severity == Severity::kError ? dropped_errors_ : dropped_warnings_);
    return;
  }
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  if (where.file != nullptr) {
    d.location = where.file->Locate(where.offset);
    const std::string_view line = where.file->LineText(d.location.line);
    if (line.size() <= limits::kMaxShownLineChars) {
      d.source_line = std::string(line);
    } else {
      std::tie(d.source_line, d.source_line_column) = LineWindow(line, d.location.column);
    }
  }
  Add(std::move(d));
}

void DiagnosticSink::Add(Diagnostic d) {
  if (diagnostics_.size() >= limits::kMaxKeptDiagnostics) {
    ++(d.is_error() ? dropped_errors_ : dropped_warnings_);
    return;
  }
  if (d.message.size() > limits::kMaxMessageBytes) d.message = Clip(d.message, limits::kMaxMessageBytes);
  kept_errors_ += d.is_error();
  diagnostics_.push_back(std::move(d));
}

void DiagnosticSink::Append(DiagnosticSink&& other) {
  for (Diagnostic& d : other.diagnostics_) Add(std::move(d));
  dropped_errors_ += other.dropped_errors_;
  dropped_warnings_ += other.dropped_warnings_;
}

std::vector<Diagnostic> DiagnosticSink::Take() {
  if (dropped_errors_ + dropped_warnings_ > 0) {
    Diagnostic d;
    d.severity = dropped_errors_ > 0 ? Severity::kError : Severity::kWarning;
    d.message = fmt::format(
        "{}{} more error(s) and {} more warning(s) not reported (at most {} are kept); "
        "fix the ones above first",
        limits::kTooManyProblems, dropped_errors_, dropped_warnings_, limits::kMaxKeptDiagnostics);
    diagnostics_.push_back(std::move(d));
  }
  kept_errors_ = dropped_errors_ = dropped_warnings_ = 0;
  return std::move(diagnostics_);
}

}  // namespace relief
