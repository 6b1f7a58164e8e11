// A formula in words, for advisors: every name replaced by its French label,
// every function by its wording from the registry, operators by their
// symbols. "max(min(20 % * ca_reference, 200 000 €), 0 €)" reads
// "le plus grand de (le plus petit de 20 % × chiffre d'affaires de référence
// et 200 000 €) et 0 €".
#include <fmt/format.h>

#include "builtins/builtins.hpp"
#include "explain/condition_explainer.hpp"
#include "ir/value_format.hpp"

namespace relief::internal {
namespace {

const char* Symbol(Code code) {
  switch (code) {
    case Code::kAdd:
      return "+";
    case Code::kSub:
      return "−";
    case Code::kMul:
      return "×";
    case Code::kDiv:
      return "÷";
    case Code::kEq:
      return "=";
    case Code::kNe:
      return "≠";
    case Code::kLt:
      return "<";
    case Code::kLe:
      return "≤";
    case Code::kGt:
      return ">";
    case Code::kGe:
      return "≥";
    case Code::kAnd:
      return "et";
    case Code::kOr:
      return "ou";
    default:
      return "?";
  }
}

// Binding strength, for parentheses: a weaker operand is parenthesised.
int Strength(Code code) {
  switch (code) {
    case Code::kOr:
      return 1;
    case Code::kAnd:
      return 2;
    case Code::kEq:
    case Code::kNe:
    case Code::kLt:
    case Code::kLe:
    case Code::kGt:
    case Code::kGe:
    case Code::kInList:
    case Code::kInSet:
      return 3;
    case Code::kAdd:
    case Code::kSub:
      return 4;
    case Code::kMul:
    case Code::kDiv:
      return 5;
    case Code::kIf:
      return 0;
    case Code::kCall:
      return 0;  // a worded call reads as a phrase
    default:
      return 9;
  }
}

// "a", "a et b", "a, b et c".
std::string Enumeration(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return fmt::format("{} et {}", fmt::join(head, ", "), items.back());
}

}  // namespace

std::string ConditionExplainer::Words(InstrId id) {
  const Instr& in = p_.at(id);
  switch (in.code) {
    case Code::kConst:
      return FormatValue(p_, in.constant, in.type);
    case Code::kFact:
    case Code::kValue:
    case Code::kParam:
      return LabelOrName(id);
    case Code::kSeriesAt: {
      Value index = evaluated_ ? ev_.Eval(p_.kid(in, 0)) : Value::Unknown();
      const FactInfo& f = p_.facts[in.arg];
      return fmt::format("{} ({})", LabelOrName(id),
                         index.known() ? PeriodFrench(f, index.period()) : Words(p_.kid(in, 0)));
    }
    case Code::kEvalMonth:
      return "le mois évalué";
    case Code::kEvalDate:
      return "la date d'évaluation";
    case Code::kNeg:
      return "−" + Operand(p_.kid(in, 0), 9);
    case Code::kNot:
      return "non " + Operand(p_.kid(in, 0), 9);
    case Code::kInList:
      return fmt::format("{} dans la liste « {} »", Operand(p_.kid(in, 0), 4), p_.lists[in.arg].label);
    case Code::kInSet: {
      std::vector<std::string> items;
      for (std::size_t i = 1; i < in.kid_count; ++i) items.push_back(Words(p_.kid(in, i)));
      return fmt::format("{} parmi {}", Operand(p_.kid(in, 0), 4), fmt::join(items, ", "));
    }
    case Code::kIf:
      return fmt::format("si {} alors {} sinon {}", Words(p_.kid(in, 0)), Words(p_.kid(in, 1)), Words(p_.kid(in, 2)));
    case Code::kCall:
      return CallWords(in);
    default: {  // binary operators, and/or
      std::vector<std::string> parts;
      const int strength = Strength(in.code);
      for (std::size_t i = 0; i < in.kid_count; ++i) {
        // The right operand of − and ÷ binds as if one level stronger.
        const bool right = i > 0 && (in.code == Code::kSub || in.code == Code::kDiv);
        parts.push_back(Operand(p_.kid(in, i), strength + (right ? 1 : 0)));
      }
      return fmt::format("{}", fmt::join(parts, fmt::format(" {} ", Symbol(in.code))));
    }
  }
}

// An operand in words, parenthesised when it binds less than `strength`.
std::string ConditionExplainer::Operand(InstrId id, int strength) {
  const Code code = p_.at(id).code;
  std::string words = Words(id);
  const bool phrase = code == Code::kCall || code == Code::kIf;
  return (phrase && strength > 2 && strength < 9) || (!phrase && Strength(code) < strength) ? "(" + words + ")" : words;
}

std::string ConditionExplainer::CallWords(const Instr& in) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(in.builtin)];
  std::vector<std::string> args;
  if (fn.named == NamedArgument::kSeriesFact) args.push_back(p_.facts[in.arg].label);
  if (fn.named == NamedArgument::kParameter) args.push_back(p_.parameters[in.arg].label);
  if (fn.named == NamedArgument::kTable) args.push_back(p_.lists[in.arg].label);
  // With several arguments, an operation among them is parenthesised so that
  // "et" between arguments cannot be misread.
  const int strength = args.size() + in.kid_count > 1 ? 9 : 0;
  for (std::size_t i = 0; i < in.kid_count; ++i) args.push_back(Operand(p_.kid(in, i), strength));
  std::string words(fn.french);
  if (auto at = words.find("{args}"); at != std::string::npos) return words.replace(at, 6, Enumeration(args));
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string slot = "{" + std::to_string(i) + "}";
    if (auto at = words.find(slot); at != std::string::npos) words.replace(at, slot.size(), args[i]);
  }
  return words;
}

// A declaration's French label; its name only when the pack gives none (the
// checker warns about those).
std::string ConditionExplainer::LabelOrName(InstrId id) const {
  const Instr& in = p_.at(id);
  const std::string& label = in.code == Code::kValue   ? p_.values[in.arg].label
                             : in.code == Code::kParam ? p_.parameters[in.arg].label
                                                       : p_.facts[in.arg].label;
  if (!label.empty()) return label;
  return in.code == Code::kValue   ? p_.values[in.arg].name
         : in.code == Code::kParam ? p_.parameters[in.arg].name
                                   : p_.facts[in.arg].name;
}

}  // namespace relief::internal
