// The checker alone (stage 3): it resolves and types a pack's expressions
// into a CheckedPack (which has no instructions: compiling is compile/'s).
#include "check/checker.hpp"

#include <gtest/gtest.h>

#include "builtins/builtins.hpp"
#include "load/pack_loader.hpp"

namespace relief::internal {
namespace {

std::string PackDir(const std::string& name) { return std::string(RELIEF_TEST_DIR) + "/packs/" + name; }

struct Checked {
  DiagnosticSink sink;
  load::PackAst ast;
  CheckedPack pack;
};

std::unique_ptr<Checked> CheckPack(const std::string& name) {
  auto c = std::make_unique<Checked>();
  c->ast = load::LoadPackAst(PackDir(name), c->sink);
  c->pack = Check(c->ast, c->sink);
  return c;
}

TEST(Checker, EveryExpressionOfAMeasureIsCheckedAndTyped) {
  auto c = CheckPack("cases");
  ASSERT_FALSE(c->sink.has_errors());
  const Symbols& s = c->pack.symbols;
  ASSERT_FALSE(s.measures.empty());
  ASSERT_EQ(c->pack.exprs.size(), s.exprs.size());
  for (const MeasurePlan& m : s.measures) {
    for (const VersionPlan& v : m.versions) {
      for (const ConditionPlan& cond : v.require) {
        ASSERT_NE(cond.when, kNoExpr) << m.id;
        const auto& checked = c->pack.exprs[static_cast<std::size_t>(cond.when)];
        ASSERT_TRUE(checked.has_value()) << cond.label;
        EXPECT_EQ(checked->types[checked->tree.root], Type::Of(BaseType::kBoolean)) << cond.label;
      }
    }
  }
}

TEST(Checker, ValuesAreTypedFromTheirFormula) {
  auto c = CheckPack("values");
  ASSERT_FALSE(c->sink.has_errors());
  for (const ValueInfo& v : c->pack.symbols.values) {
    SCOPED_TRACE(v.name);
    ASSERT_NE(v.formula, kNoExpr);
    EXPECT_FALSE(v.type.is_error());
    const auto& checked = c->pack.exprs[static_cast<std::size_t>(v.formula)];
    ASSERT_TRUE(checked.has_value());
    const Type formula = checked->types[checked->tree.root];
    EXPECT_FALSE(formula.is_error());
    EXPECT_EQ(formula.is_money(), v.type.is_money());
    EXPECT_EQ(formula.base == BaseType::kBoolean, v.type.base == BaseType::kBoolean);
  }
}

TEST(Checker, NamesResolveToTheirDeclarations) {
  auto c = CheckPack("functions");
  ASSERT_FALSE(c->sink.has_errors());
  bool saw_call = false;
  for (const auto& checked : c->pack.exprs) {
    if (!checked) continue;
    for (std::size_t i = 0; i < checked->tree.nodes.size(); ++i) {
      const expr::Node& n = checked->tree.nodes[i];
      const Resolution& r = checked->resolutions[i];
      if (n.op == expr::Op::kCall) {
        saw_call = true;
        ASSERT_EQ(r.kind, Resolution::Kind::kFunction) << n.text;
        EXPECT_EQ(Builtins()[static_cast<std::size_t>(r.index)].name, n.text);
      }
      if (n.op == expr::Op::kName && r.kind == Resolution::Kind::kFact) {
        EXPECT_EQ(c->pack.symbols.facts[static_cast<std::size_t>(r.index)].name, n.text);
      }
    }
  }
  EXPECT_TRUE(saw_call);
}

}  // namespace
}  // namespace relief::internal
