#include "core/source_file.hpp"

#include <algorithm>

namespace relief {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
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

void DiagnosticSink::Error(SourceRef where, std::string message) {
  Add(Severity::kError, where, std::move(message));
}

void DiagnosticSink::Warning(SourceRef where, std::string message) {
  Add(Severity::kWarning, where, std::move(message));
}

void DiagnosticSink::Add(Severity severity, SourceRef where, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  if (where.file != nullptr) {
    d.location = where.file->Locate(where.offset);
    d.source_line = std::string(where.file->LineText(d.location.line));
  }
  diagnostics_.push_back(std::move(d));
}

bool DiagnosticSink::has_errors() const { return HasErrors(diagnostics_); }

std::size_t DiagnosticSink::error_count() const {
  std::size_t n = 0;
  for (const Diagnostic& d : diagnostics_) n += d.is_error();
  return n;
}

}  // namespace relief
