#include "compile/string_tests.hpp"

#include <optional>

#include "builtins/builtins.hpp"

namespace relief::internal {
namespace {

// The test `call` makes, when its arguments are one scalar string fact
// without default (a default is computed on the machine, not read) and
// string constants; nullopt otherwise.
std::optional<StringTest> TestOf(const Program& p, const Instr& call) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(call.builtin)];
  if (fn.on_strings == nullptr || fn.named != NamedArgument::kNone || call.kid_count == 0 ||
      call.kid_count > StringTest::kMaxArgs) {
    return std::nullopt;
  }
  StringTest test;
  test.call = fn.on_strings;
  for (std::uint32_t k = 0; k < call.kid_count; ++k) {
    const Instr& arg = p.at(p.kid(call, k));
    if (arg.type.base != BaseType::kString || arg.type.is_series()) return std::nullopt;
    if (arg.code == Code::kConst) {
      test.args.push_back(arg.constant.text);
    } else if (arg.code == Code::kFact && test.fact < 0 &&
               p.default_roots[static_cast<std::size_t>(arg.arg)] == kNoInstr) {
      test.fact = arg.arg;
      test.fact_arg = k;
      test.args.emplace_back();
    } else {
      return std::nullopt;
    }
  }
  if (test.fact < 0) return std::nullopt;  // constants alone: not the profile's
  return test;
}

bool SameTest(const StringTest& a, const StringTest& b) {
  return a.fact == b.fact && a.call == b.call && a.fact_arg == b.fact_arg && a.args == b.args;
}

// The index of `test` in the program's tests, added the first time.
std::int32_t Add(Program& p, StringTest test) {
  for (std::size_t t = 0; t < p.string_tests.size(); ++t) {
    if (SameTest(p.string_tests[t], test)) return static_cast<std::int32_t>(t);
  }
  const auto index = static_cast<std::int32_t>(p.string_tests.size());
  p.facts[static_cast<std::size_t>(test.fact)].string_tests.push_back(index);
  p.string_tests.push_back(std::move(test));
  return index;
}

}  // namespace

void FindStringTests(Program& program) {
  for (std::size_t i = 0; i < program.code.size(); ++i) {
    const Instr& in = program.code[i];
    if (in.code != Code::kCall) continue;
    if (std::optional<StringTest> test = TestOf(program, in)) {
      program.string_test_calls.emplace_back(static_cast<InstrId>(i), Add(program, std::move(*test)));
    }
  }
}

}  // namespace relief::internal
