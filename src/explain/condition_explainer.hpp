// The French words of one compiled expression for the evaluator's profile
// and date: its value formatted ("42 %", "1 500,00 €"), the expression in
// words, and why a condition is not met ("perte de chiffre d'affaires :
// 42 % ; au moins 50 % requis"). What an explanation shows around them (the
// and/or operands, the values read) is laid out once per pack
// (ir/explain_layout.hpp).
#ifndef RELIEF_EXPLAIN_CONDITION_EXPLAINER_HPP_
#define RELIEF_EXPLAIN_CONDITION_EXPLAINER_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eval/evaluator.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// The outcome of a condition's value under three-valued logic.
Outcome OutcomeOf(const Value& v);
// A series period as written in keys ("2019-11", "2019") and in French
// ("novembre 2019").
std::string PeriodText(const FactInfo& fact, std::int32_t period);
std::string PeriodFrench(const FactInfo& fact, std::int32_t period);

// A text of the program, shared with it: `owner` keeps it alive. One of at
// most Text::kShort characters is copied into the Text instead (no
// allocation either way), which spares an atomic increment now and a
// decrement when the result is destroyed (perf: destroying an Evaluation,
// mostly those decrements, was a sixth of BM_ExplainedEvaluate).
inline relief::Text SharedText(const std::shared_ptr<const void>& owner, std::string_view text) {
  if (text.size() <= relief::Text::kShort || owner == nullptr) return relief::Text(text);
  return relief::Text(owner, text);
}

// Where and what a rule error is: "division par zéro dans « … »
// (file:line:col)".
std::string ErrorText(const Program& program, const Value& error);

class ConditionExplainer {
 public:
  // `owner` keeps the evaluator's program alive: the texts Text() gives
  // refer to it (relief::Text) instead of copying it.
  ConditionExplainer(Evaluator& ev, std::shared_ptr<const void> owner)
      : ev_(ev), p_(ev.program()), owner_(std::move(owner)) {}
  // For documentation, with no profile: only Text() and Words() may be
  // asked, and `ev` is never run (a series element reads with its index in
  // words: "chiffre d'affaires mensuel (le mois évalué)").
  struct WordsOnly {};
  ConditionExplainer(Evaluator& ev, WordsOnly) : ev_(ev), p_(ev.program()), evaluated_(false) {}

  // A text of the program, shared with it (SharedText).
  relief::Text Share(std::string_view text) const { return SharedText(owner_, text); }
  // What keeps the program's texts alive.
  const std::shared_ptr<const void>& owner() const { return owner_; }
  // The source text of the instruction (a slice of its expression).
  relief::Text Text(InstrId id) const;
  // Why `id` is not true: the values read and what the rule requires.
  std::string Detail(InstrId id);
  // The value of `id` in French ("42 %", "1 500,00 €", "inconnu").
  std::string Format(InstrId id);
  // The expression in words: labels for names, the registry's wording for
  // functions (formula_words.cpp).
  std::string Words(InstrId id);
  // "division par zéro dans « … » (file:line:col)".
  std::string ErrorText(const Value& v) const;

 private:
  std::string Describe(InstrId id);
  void AppendRequirement(std::string& out, Code op, InstrId rhs);
  std::string LogicDetail(const Instr& in, const Value& v);
  template <typename DetailOf>
  std::string JoinDetails(const Instr& in, const Value& v, DetailOf detail_of);
  std::string MembershipDetail(const Instr& in, const Value& v);
  bool IsNamed(InstrId id) const;
  std::string Operand(InstrId id, int strength);
  std::string CallWords(const Instr& in);
  std::string LabelOrName(InstrId id) const;

  Evaluator& ev_;
  const Program& p_;
  const std::shared_ptr<const void> owner_;
  const bool evaluated_ = true;
};

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_CONDITION_EXPLAINER_HPP_
