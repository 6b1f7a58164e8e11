// The Checker class, shared by the two halves of the checking stage:
// declarations and measures (checker.cpp), expressions (expression_checker.cpp).
// Internal to src/check.
#ifndef RELIEF_CHECK_CHECKER_IMPL_HPP_
#define RELIEF_CHECK_CHECKER_IMPL_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "builtins/builtins.hpp"
#include "check/checked_pack.hpp"
#include "load/pack_ast.hpp"

namespace relief::internal {

// "an integer", "a monthly money".
inline std::string WithArticle(const std::string& noun) {
  return (std::string("aeiou").find(noun.front()) != std::string::npos ? "an " : "a ") + noun;
}

// The deepest evaluation a pack may ask for: operands within operands and
// values read by values. Each level takes a few hundred bytes of stack.
inline constexpr int kMaxEvaluationDepth = 1000;

inline const char* const kBuiltinMonth = "mois";
inline const char* const kBuiltinDate = "date_evaluation";

class Checker {
 public:
  using Node = expr::Node;
  using NodeId = expr::NodeId;
  using Op = expr::Op;

  Checker(const load::PackAst& ast, DiagnosticSink& sink) : ast_(ast), sink_(sink) {}

  CheckedPack Run();

 private:
  enum class State : std::uint8_t { kUnchecked, kChecking, kDone };
  struct Symbol {
    Resolution::Kind kind;
    std::int32_t index;
    SourceRef ref;
  };

  // Declarations.
  void DeclareFacts();
  std::int32_t DeclareFact(const load::FactDecl& decl, const std::string& name, std::int32_t record);
  void DeclareLists();
  void DeclareParameters();
  void DeclareValues();
  void ResolveFactLists();
  bool Define(const std::string& name, Symbol symbol);
  Type TypeOf(const load::TypeSpec& spec, std::int32_t enum_id, std::int32_t record);

  // Expressions.
  std::optional<CheckedExpr> Parse(const load::ExprSource& source);
  // Parses and checks against `expected` (`what` describes it for
  // messages); kNoExpr on error.
  ExprId CheckExpr(const load::ExprSource& source, std::optional<Type> expected, const char* what);
  // Checks node `id` (recording its type in `c`); `hint` is the type the
  // context expects, which lets a string literal be an enum value.
  Type Check(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckNode(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckString(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckNameUse(CheckedExpr& c, NodeId id);
  Type CheckField(CheckedExpr& c, NodeId id);
  Type CheckIndex(CheckedExpr& c, NodeId id);
  Type CheckUnary(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckLogic(CheckedExpr& c, NodeId id);
  Type CheckArithmetic(CheckedExpr& c, NodeId id);
  Type CheckComparison(CheckedExpr& c, NodeId id);
  Type CheckIf(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckName(CheckedExpr& c, NodeId id);
  Type CheckCall(CheckedExpr& c, NodeId id);
  std::optional<Type> NamedArgument(CheckedExpr& c, NodeId arg, const Builtin& fn);
  Type CheckIn(CheckedExpr& c, NodeId id);
  Type CheckValue(std::int32_t index, SourceRef from);
  void CheckFactDefault(std::int32_t fact, SourceRef from);
  Type Fail(const CheckedExpr& c, NodeId id, std::string message);
  std::string Name(Type t) const { return TypeName(t, p_->enums); }
  std::optional<Value> Literal(const load::ExprSource& source, Type type, const char* what);

  // Measures.
  void CheckMeasures();
  VersionPlan CheckVersion(const load::VersionDecl& v);
  // Keeps a checked expression for the compiler, with its evaluation depth;
  // its ExprId.
  ExprId Keep(CheckedExpr checked, int depth);
  // The depth of evaluating `c`, through the values and defaults it reads;
  // -1 once reported as too deep.
  int EvaluationDepth(const CheckedExpr& c, const load::ExprSource& source);
  int NodeDepth(const CheckedExpr& c, NodeId id) const;
  // Whether checking one more value or default would go too deep (reported).
  bool ChainTooDeep(const std::string& name, SourceRef from);
  AmountPlan CheckAmount(const load::AmountDecl& decl);
  std::vector<OpenPointPlan> CheckOpenPoints(const std::vector<load::OpenPointDecl>& decls);

  void WarnUnused();
  void WarnUnlabelled();

  const load::PackAst& ast_;
  DiagnosticSink& sink_;
  CheckedPack out_;
  Symbols* p_ = &out_.symbols;
  std::map<std::string, Symbol> symbols_;
  std::vector<const load::ExprSource*> current_sources_;  // by CheckedExpr::info
  std::vector<State> value_state_;
  std::vector<State> default_state_;
  std::vector<const load::ValueDecl*> value_decls_;
  std::vector<const load::FactDecl*> fact_decls_;  // by fact index
  std::vector<SourceRef> fact_refs_;
  std::vector<bool> used_facts_, used_lists_, used_params_, used_values_;
  std::vector<std::string> value_stack_;      // for cycle messages
  std::vector<int> expr_depth_;               // by ExprId, of the expressions kept
  const load::ExprSource* source_ = nullptr;  // the expression being checked
};

}  // namespace relief::internal

#endif  // RELIEF_CHECK_CHECKER_IMPL_HPP_
