// The documented bounds on what relief reads and prints (docs/reliability.md).
// Every one is checked where the input is read, with an error naming the
// limit, so that no rule pack or profile can take unbounded time, memory or
// stack, and no output grows without bound.
#ifndef RELIEF_CORE_LIMITS_HPP_
#define RELIEF_CORE_LIMITS_HPP_

#include <cstddef>

namespace relief::limits {

// Size of one file read: a rule file, a test file, a profile.
inline constexpr std::size_t kMaxFileBytes = 4 << 20;
// Files of a loaded pack and its imports, and their total size.
inline constexpr std::size_t kMaxPackFiles = 2000;
inline constexpr std::size_t kMaxPackBytes = 64 << 20;
// YAML documents: nesting depth, and the number of nodes once every alias
// is expanded (an alias costs the size of what it names: no "billion
// laughs").
inline constexpr int kMaxYamlDepth = 64;
inline constexpr std::size_t kMaxYamlNodes = 500'000;
// One scalar (a name, a label, a profile string).
inline constexpr std::size_t kMaxScalarBytes = 1 << 20;
// Diagnostics: how many are kept in memory, how many are printed, and how
// much of a message or of a source line is shown.
inline constexpr std::size_t kMaxKeptDiagnostics = 1000;
inline constexpr std::size_t kMaxPrintedDiagnostics = 100;
inline constexpr std::size_t kMaxMessageBytes = 1000;
inline constexpr std::size_t kMaxShownLineChars = 160;
// How the diagnostic that counts the ones left out begins: it is printed
// even beyond kMaxPrintedDiagnostics.
inline constexpr char kTooManyProblems[] = "too many problems: ";

}  // namespace relief::limits

#endif  // RELIEF_CORE_LIMITS_HPP_
