// A source text kept in memory, with byte offsets mapped to line and column.
#ifndef RELIEF_CORE_SOURCE_FILE_HPP_
#define RELIEF_CORE_SOURCE_FILE_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relief/diagnostic.hpp"

namespace relief {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // 1-based line and column (in UTF-8 characters) of a byte offset.
  SourceLocation Locate(std::size_t offset) const;
  std::string_view LineText(int line) const;
  // Byte offset of a 0-based (line, byte column) pair, as yaml-cpp marks give.
  std::size_t OffsetOf(int line0, int byte_column0) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// A place in a source file: the file and a byte offset.
struct SourceRef {
  const SourceFile* file = nullptr;
  std::size_t offset = 0;
};

// Collects diagnostics in the order found. Keeps at most
// limits::kMaxKeptDiagnostics of them, with messages and source lines cut
// to a bounded size; the ones beyond are counted, and Take() ends the list
// with one diagnostic saying how many were left out.
class DiagnosticSink {
 public:
  void Error(SourceRef where, std::string message);
  void Warning(SourceRef where, std::string message);
  void Add(Severity severity, SourceRef where, std::string message);
  void Add(Diagnostic diagnostic);
  // Adds what `other` kept, in order, and counts what it dropped.
  void Append(DiagnosticSink&& other);

  bool has_errors() const { return error_count() > 0; }
  std::size_t error_count() const { return kept_errors_ + dropped_errors_; }
  std::size_t size() const { return diagnostics_.size() + dropped_errors_ + dropped_warnings_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> Take();

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t kept_errors_ = 0;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

}  // namespace relief

#endif  // RELIEF_CORE_SOURCE_FILE_HPP_
