// Diagnostics: located messages about rule packs and profiles.
//
// Every phase (load, parse, check, profile reading) collects diagnostics rather
// than stopping at the first problem, so that one run of `relief check` shows
// all of them. A diagnostic carries its source line so that it can be printed
// with a caret long after the file is gone.
#ifndef RELIEF_DIAGNOSTIC_HPP_
#define RELIEF_DIAGNOSTIC_HPP_

#include <stdexcept>
#include <string>
#include <vector>

namespace relief {

enum class Severity { kError, kWarning };

struct SourceLocation {
  std::string file;  // as given to the loader; empty when not from a file
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in characters (not bytes); 0 when unknown
};

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
  std::string source_line;     // the text of the line, without its newline
  int source_line_column = 1;  // column of source_line's first character (> 1 when a long line was cut)

  bool is_error() const { return severity == Severity::kError; }
};

// "file:line:col: error: message", then the source line and a caret under the
// column, each on its own line (the last line ends with '\n'). Control
// characters and invalid UTF-8 are shown as escapes, long texts cut.
std::string FormatDiagnostic(const Diagnostic& diagnostic);
// The first 100 diagnostics, then "… and N more error(s), M warning(s)".
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// Thrown by the convenience entry points that do not return diagnostics.
class Error : public std::runtime_error {
 public:
  explicit Error(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace relief

#endif  // RELIEF_DIAGNOSTIC_HPP_
