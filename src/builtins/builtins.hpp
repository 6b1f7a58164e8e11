// The built-in functions of the rule language: one registry entry each.
//
// An entry says everything about its function: its name and arity, what its
// first argument names (a series fact, a parameter or a table, for the
// functions that read a declaration rather than a value), its typing rule
// (used by check/), its evaluation (used by eval/) and its French wording
// (used by explain/). Adding a function is adding an entry to builtins.cpp,
// with its tests and a line in docs/rule-language.md; no other file changes.
#ifndef RELIEF_BUILTINS_BUILTINS_HPP_
#define RELIEF_BUILTINS_BUILTINS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ir/cell.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// What the first argument of a call names, when it is a declaration.
enum class NamedArgument : std::uint8_t {
  kNone,        // every argument is a value
  kSeriesFact,  // a numeric series fact, read between two periods
  kParameter,   // a dated parameter
  kTable,       // a list whose items have values
};

// What a typing rule sees. For a function with a named argument, `args[0]`
// is the named declaration's type and `named` its index.
struct CallTypes {
  std::string_view name;
  std::span<const Type> args;
  const Symbols& symbols;
  std::int32_t named = -1;
};

// The result type, or an error message about argument `arg` (or about the
// whole call when `arg` is negative).
struct CallTyping {
  std::optional<Type> type;
  std::string error;
  int arg = -1;
};

// What an evaluation sees: the program, the profile, the evaluated date, the
// named declaration (Instr::arg) and the instruction (for error values).
struct CallContext {
  const Program& program;
  const ProfileData& profile;
  Date date;
  std::int32_t named = -1;
  InstrId at = kNoInstr;
};

// The most arguments a built-in function takes.
inline constexpr int kMaxBuiltinArgs = 16;

struct Builtin {
  std::string_view name;
  int min_args = 0;
  int max_args = 0;
  NamedArgument named = NamedArgument::kNone;
  CallTyping (*type)(const CallTypes& call) = nullptr;
  // Called with known arguments only: an error or an unknown argument makes
  // the call's value without calling it. For a named argument, `args` holds
  // the other arguments.
  Value (*eval)(std::span<const Value> args, const CallContext& context) = nullptr;
  // The French wording of a call, {0}, {1}… standing for the arguments
  // (the named declaration is {0}).
  std::string_view french;
  // Optional: the same evaluation on cells (ir/cell.hpp), for the batch
  // path, when every argument is a cell; without it the batch path calls
  // `eval` on values.
  Cell (*on_cells)(std::span<const Cell> args) = nullptr;
  // Optional: the same on the texts of known string arguments, for the
  // batch path's calls on profile strings and constants (Step::kCallStrings).
  Cell (*on_strings)(std::span<const std::string_view> args) = nullptr;
  // min or max: the block machine picks one of two fixed cells per lane
  // instead of calling on_cells (eval/lane_machine.cpp).
  enum class Pick : std::uint8_t { kNone, kLeast, kGreatest };
  Pick pick = Pick::kNone;
};

// Every built-in function; an instruction's `builtin` indexes it.
std::span<const Builtin> Builtins();
// The index of the function called `name`, or -1.
int FindBuiltin(std::string_view name);

}  // namespace relief::internal

#endif  // RELIEF_BUILTINS_BUILTINS_HPP_
