// The compiler alone (stage 4): every checked expression gets its
// instructions and root; calls carry their registry index.
#include "compile/lowering.hpp"

#include <gtest/gtest.h>

#include "builtins/builtins.hpp"
#include "check/checker.hpp"
#include "load/pack_loader.hpp"

namespace relief::internal {
namespace {

std::unique_ptr<Program> CompilePack(const std::string& name) {
  DiagnosticSink sink;
  load::PackAst ast = load::LoadPackAst(std::string(RELIEF_TEST_DIR) + "/packs/" + name, sink);
  CheckedPack checked = Check(ast, sink);
  EXPECT_FALSE(sink.has_errors());
  return Compile(std::move(checked));
}

TEST(Compiler, EveryKeptExpressionHasARootAndOperandsBeforeIt) {
  auto p = CompilePack("functions");
  ASSERT_FALSE(p->code.empty());
  for (const MeasurePlan& m : p->measures) {
    for (const VersionPlan& v : m.versions) {
      for (const ConditionPlan& c : v.require) {
        const InstrId root = p->root(c.when);
        ASSERT_NE(root, kNoInstr) << c.label;
        EXPECT_EQ(p->at(root).expr, c.when);
      }
    }
  }
  // Operands are emitted before the instruction that reads them: a
  // post-order array, which a non-recursive evaluator can run in order.
  for (std::size_t i = 0; i < p->code.size(); ++i) {
    for (std::size_t k = 0; k < p->code[i].kid_count; ++k) {
      EXPECT_LT(static_cast<std::size_t>(p->kid(p->code[i], k)), i);
    }
  }
}

TEST(Compiler, CallsCarryTheirFunctionAndNamedDeclaration) {
  auto p = CompilePack("series");
  int calls = 0;
  for (const Instr& in : p->code) {
    if (in.code != Code::kCall) continue;
    ++calls;
    ASSERT_GE(in.builtin, 0);
    const Builtin& fn = Builtins()[static_cast<std::size_t>(in.builtin)];
    if (fn.named == NamedArgument::kSeriesFact) {
      ASSERT_GE(in.arg, 0);
      EXPECT_TRUE(p->facts[static_cast<std::size_t>(in.arg)].type.is_series()) << fn.name;
      EXPECT_EQ(static_cast<int>(in.kid_count), fn.min_args - 1) << "the series is not an operand";
    }
  }
  EXPECT_GT(calls, 0);
}

}  // namespace
}  // namespace relief::internal
