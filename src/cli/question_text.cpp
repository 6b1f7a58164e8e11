#include "cli/question_text.hpp"

#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/french_number.hpp"
#include "core/text_safety.hpp"

namespace relief::cli {
namespace {

// What a value of the fact's base type is, with an example as typed.
std::string TypeWords(const FactDescription& f) {
  if (f.base == "boolean") return "true ou false";
  if (f.base == "integer") return "nombre entier (exemple : 12 ou 1 500)";
  if (f.base == "decimal") return "nombre (exemple : 1 500,25)";
  if (f.base == "money") return "montant en euros, au centime près (exemple : 1 500 ou 1 500,50 €)";
  if (f.base == "percentage") return "pourcentage (exemple : 62,5 %)";
  if (f.base == "date") return "date AAAA-MM-JJ (exemple : 2020-11-15)";
  if (f.base == "month") return "mois AAAA-MM (exemple : 2020-11)";
  if (f.base == "enum") return fmt::format("une de ces valeurs : {}", fmt::join(f.allowed_values, ", "));
  if (!f.list.empty()) return fmt::format("un code de la liste « {} »", f.list);
  return "texte";
}

// A bound as the advisor types it: "1 500", "100 %", "2020-03-01".
std::string BoundWords(const FactDescription& f, const std::string& bound) {
  std::optional<Decimal> number = Decimal::Parse(bound);
  if (!number) return bound;
  if (f.base == "percentage") {
    std::optional<Decimal> percent = number->Mul(100);
    return percent ? FrenchNumber(percent->ToString()) + " %" : bound;
  }
  return FrenchNumber(number->ToString());
}

std::string Bounds(const FactDescription& f) {
  if (!f.min.empty() && !f.max.empty()) return fmt::format(", de {} à {}", BoundWords(f, f.min), BoundWords(f, f.max));
  if (!f.min.empty()) return ", au moins " + BoundWords(f, f.min);
  if (!f.max.empty()) return ", au plus " + BoundWords(f, f.max);
  return "";
}

}  // namespace

std::string ExpectedAnswer(const FactDescription& fact) {
  std::string out = "Réponse attendue : " + TypeWords(fact) + Bounds(fact);
  if (!fact.unit.empty()) out += " ; unité : " + fact.unit;
  return out;
}

std::string QuestionText(const Question& q, int number) {
  std::string out = fmt::format("Question {} — {} (utile à {} mesure{})\n", number, TerminalSafe(q.fact.label),
                                q.measures, q.measures > 1 ? "s" : "");
  out += TerminalSafe(q.fact.question) + "\n";
  return out + ExpectedAnswer(q.description) + "\n";
}

std::string HelpText(const Question& q, const std::string& save_path) {
  std::string out = "  " + TerminalSafe(q.fact.label) + " : " + TerminalSafe(q.fact.question) + "\n";
  out += "  " + ExpectedAnswer(q.description) + "\n";
  if (!q.description.source.empty()) out += "  Source : " + TerminalSafe(q.description.source) + "\n";
  out +=
      "  Nombres : 1500, 1 500 ou 1 500,50 (virgule ou point pour les décimales) ; 1,500 est refusé car ambigu.\n"
      "  Entrée seule : passer cette question (elle ne sera plus posée).\n"
      "  fin : terminer et afficher le bilan ; Ctrl-C : quitter.\n";
  if (!save_path.empty()) out += "  Chaque réponse acceptée est déjà enregistrée dans " + Shown(save_path) + ".\n";
  return out;
}

std::string Trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string Indented(const std::string& text, const std::string& prefix) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace relief::cli
