// The French wording of reasons (relief/result.hpp: Reason). The operands
// are data; every sentence an advisor reads is written here.
#include <fmt/format.h>

#include <span>

#include "relief/calendar.hpp"
#include "relief/report.hpp"

namespace relief {
namespace {

// "2020-11" → "novembre 2020"; "2020-06..2020-09" → "juin 2020 à septembre
// 2020"; "2021-01-28..2021-05-09" → "du 28/01/2021 au 09/05/2021".
std::string PeriodFrench(std::string_view period) {
  const std::size_t dots = period.find("..");
  const std::string_view first = period.substr(0, dots);
  const std::string_view last = dots == std::string_view::npos ? first : period.substr(dots + 2);
  if (auto from = Date::Parse(first), to = Date::Parse(last); from && to) {
    return "du " + from->ToFrench() + " au " + to->ToFrench();
  }
  auto from = Month::Parse(first), to = Month::Parse(last);
  if (!from || !to) return std::string(period);
  return *from == *to ? from->ToFrench() : from->ToFrench() + " à " + to->ToFrench();
}

std::string DateFrench(std::string_view iso) {
  auto d = Date::Parse(iso);
  return d ? d->ToFrench() : std::string(iso);
}

std::string OutOfPeriod(std::span<const Text> ops) {
  std::vector<std::string> periods;
  for (const Text& p : ops.subspan(2)) periods.push_back(PeriodFrench(p));
  return fmt::format("Hors période : aucune version de la mesure ne couvre {} (le {}) ; périodes couvertes : {}.",
                     PeriodFrench(ops[0]), DateFrench(ops[1]), fmt::join(periods, ", "));
}

}  // namespace

std::string ReasonText(const Reason& reason) {
  const std::vector<Text>& ops = reason.operands;
  auto op = [&](std::size_t i) -> std::string_view { return i < ops.size() ? ops[i].view() : std::string_view(); };
  switch (reason.code) {
    case ReasonCode::kOutOfPeriod:
      return ops.size() >= 2 ? OutOfPeriod(ops) : "Hors période.";
    case ReasonCode::kOutOfTerritory:
      return fmt::format("Hors territoire : la mesure concerne {} ({}).", op(0), op(1));
    case ReasonCode::kCaseChosen:
      return fmt::format("Cas retenu : {}.", op(0));
    case ReasonCode::kCaseUndecided:
      return "Cas à déterminer : un cas précédent dépend d'informations manquantes.";
    case ReasonCode::kBestOption:
      return fmt::format("Option la plus favorable : {}.", op(0));
    case ReasonCode::kConditionMet:
      return fmt::format("Condition remplie : {}.", op(0));
    case ReasonCode::kAmountNeedsFacts:
      return "Montant à déterminer : des informations manquent pour le calculer.";
    case ReasonCode::kAmountByAdvisor:
      return "Montant non calculé par les règles : le conseiller le détermine (voir les points non vérifiés).";
    case ReasonCode::kConditionUnmet:
      return fmt::format("Condition non remplie : {} — {}.", op(0), op(1));
    case ReasonCode::kCaseNotApplicable:
      return fmt::format("Cas non applicable : {} — {}.", op(0), op(1));
    case ReasonCode::kTerritoryToVerify:
      return fmt::format("À vérifier : territoire ({}) — {}.", op(0), op(1));
    case ReasonCode::kToVerify:
      return fmt::format("À vérifier : {} — {}.", op(0), op(1));
    case ReasonCode::kRuleError:
      return fmt::format("Erreur dans les règles : {}.", op(0));
  }
  return "";
}

std::vector<std::string> ReasonTexts(const MeasureResult& result) {
  std::vector<std::string> texts;
  for (const Reason& r : result.reasons) texts.push_back(ReasonText(r));
  return texts;
}

}  // namespace relief
