// The JSON report (relief/report.hpp): it parses, and carries the pack, the
// date, and for every measure its status, amount, case, reasons, missing facts
// and sources, as the evaluation says.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "relief/report.hpp"
#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

using Json = nlohmann::json;
using testing::Eval;
using testing::Pack;

constexpr const char* kClosed =
    "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
    "1000}\n";

Json Parse(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << text;
  return j;
}

const Json& MeasureJson(const Json& report, const std::string& id) {
  for (const Json& m : report.at("measures")) {
    if (m.at("id") == id) return m;
  }
  throw std::runtime_error("no measure " + id + " in the report");
}

TEST(ReportJson, ParsesAndCarriesThePackAndTheDate) {
  Evaluation e = Eval("cases", kClosed, "2020-11-15");
  Json j = Parse(ToJson(e));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j.at("pack").at("name"), "cases");
  EXPECT_EQ(j.at("pack").at("version"), "2.1.0");
  EXPECT_EQ(j.at("pack").at("digest"), Pack("cases").info().digest);
  EXPECT_EQ(j.at("pack").at("digest").get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(j.at("date"), "2020-11-15");
  EXPECT_EQ(j.at("month"), "2020-11");
  ASSERT_TRUE(j.at("measures").is_array());
  ASSERT_EQ(j.at("measures").size(), 4u);
  EXPECT_EQ(j.at("measures")[0].at("id"), "fonds");
  EXPECT_EQ(j.at("measures")[1].at("id"), "avec_cas_par_defaut");
  EXPECT_EQ(j.at("measures")[2].at("id"), "options_inconnues");
  EXPECT_EQ(j.at("measures")[3].at("id"), "montant_du_conseiller");
  EXPECT_TRUE(j.at("questions").is_array());
}

TEST(ReportJson, TheFirmIsIdentified) {
  Json j = Parse(ToJson(Eval("cases", std::string("siren: \"123456789\"\n") + kClosed, "2020-11-15")));
  EXPECT_EQ(j.at("firm"), Json({{"siren", "123456789"}}));
  Json anonymous = Parse(ToJson(Eval("cases", kClosed, "2020-11-15")));
  EXPECT_TRUE(anonymous.at("firm").empty());
}

TEST(ReportJson, EveryMeasureHasTheDocumentedFields) {
  Json j = Parse(ToJson(Eval("cases", "{}", "2020-11-15")));
  for (const Json& m : j.at("measures")) {
    for (const char* key : {"id", "title", "kind", "status", "amount", "case", "reasons", "missing", "sources"}) {
      EXPECT_TRUE(m.contains(key)) << m.at("id") << " has no " << key;
    }
    EXPECT_TRUE(m.at("reasons").is_array());
    EXPECT_TRUE(m.at("missing").is_array());
    EXPECT_TRUE(m.at("sources").is_array());
    for (const Json& f : m.at("missing")) {
      EXPECT_TRUE(f.at("fact").is_string());
      EXPECT_TRUE(f.at("question").is_string());
    }
  }
}

TEST(ReportJson, AnEligibleMeasure) {
  Json j = Parse(ToJson(Eval("cases", kClosed, "2020-11-15")));
  const Json& m = MeasureJson(j, "fonds");
  EXPECT_EQ(m.at("title"), "Fonds de test");
  EXPECT_EQ(m.at("kind"), "grant");
  EXPECT_EQ(m.at("status"), "eligible");
  EXPECT_EQ(m.at("amount"), "7000.00");
  EXPECT_EQ(m.at("case"), "fermeture");
  EXPECT_EQ(m.at("version"), "2020-11");
  EXPECT_EQ(m.at("deadline"), "2021-02-28");
  EXPECT_TRUE(m.at("missing").empty());
  const auto sources = m.at("sources").get<std::vector<std::string>>();
  EXPECT_FALSE(testing::Contains(sources, "Ordonnance de test"));  // a text of the measure, not of the version
  const auto measure_sources = m.at("measure_sources").get<std::vector<std::string>>();
  EXPECT_TRUE(testing::Contains(measure_sources, "Ordonnance de test"));
  EXPECT_TRUE(testing::Contains(sources, "Décret de novembre, art. 3"));
  const auto reasons = m.at("reasons").get<std::vector<std::string>>();
  EXPECT_TRUE(testing::Contains(reasons, "Cas retenu : Interdiction d'accueil du public."));
  ASSERT_EQ(m.at("conditions").size(), 2u);
  EXPECT_EQ(m.at("conditions")[0].at("outcome"), "met");
  EXPECT_EQ(m.at("conditions")[0].at("values")[0].at("value"), "10");
}

TEST(ReportJson, AnIneligibleMeasureHasANullAmountAndItsReasons) {
  Json j = Parse(ToJson(Eval(
      "cases", "effectif: 60\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000}\n",
      "2020-11-15")));
  const Json& m = MeasureJson(j, "fonds");
  EXPECT_EQ(m.at("status"), "ineligible");
  EXPECT_TRUE(m.at("amount").is_null());
  const auto reasons = m.at("reasons").get<std::vector<std::string>>();
  EXPECT_TRUE(testing::Contains(reasons, "effectif salarié : 60 ; au plus 50 requis")) << testing::Join(reasons);
  EXPECT_EQ(m.at("conditions")[0].at("outcome"), "unmet");
  EXPECT_EQ(m.at("conditions")[0].at("detail"), "effectif salarié : 60 ; au plus 50 requis");
}

TEST(ReportJson, MissingFactsCarryTheirQuestionAndPeriod) {
  Json j = Parse(ToJson(Eval("cases",
                             "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\n"
                             "ca_mensuel: {2020-11: 1000}\n",
                             "2020-11-15")));
  const Json& m = MeasureJson(j, "fonds");
  EXPECT_EQ(m.at("status"), "eligible");
  EXPECT_TRUE(m.at("amount").is_null());
  ASSERT_EQ(m.at("missing").size(), 1u);
  const Json& f = m.at("missing")[0];
  EXPECT_EQ(f.at("fact"), "ca_mensuel");
  EXPECT_EQ(f.at("period"), "2019-11");
  EXPECT_EQ(f.at("key"), "ca_mensuel.2019-11");
  EXPECT_EQ(f.at("question"), "Quel est le chiffre d'affaires HT du mois ? (novembre 2019)");
  ASSERT_FALSE(j.at("questions").empty());
  EXPECT_EQ(j.at("questions")[0].at("key"), "ca_mensuel.2019-11");
}

TEST(ReportJson, OptionsWithTheirAmounts) {
  Json j = Parse(ToJson(Eval("cases",
                             "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: aucune}\n"
                             "secteur: s1\nca_mensuel: {2019-11: 60000, 2020-11: 10000}\n",
                             "2020-11-15")));
  const Json& m = MeasureJson(j, "fonds");
  EXPECT_EQ(m.at("amount"), "12000.00");
  EXPECT_EQ(m.at("case"), "s1");
  EXPECT_EQ(m.at("option"), "20 % du chiffre d'affaires de référence");
  ASSERT_EQ(m.at("options").size(), 2u);
  EXPECT_EQ(m.at("options")[0].at("amount"), "10000.00");
  EXPECT_EQ(m.at("options")[0].at("chosen"), false);
  EXPECT_EQ(m.at("options")[1].at("amount"), "12000.00");
  EXPECT_EQ(m.at("options")[1].at("chosen"), true);
  const Json& unknown = MeasureJson(j, "options_inconnues");
  EXPECT_TRUE(unknown.at("amount").is_null());
  EXPECT_TRUE(unknown.at("options")[1].at("amount").is_null());
}

TEST(ReportJson, AmountsAreDecimalStringsWithTwoPlacesOrNull) {
  // Every status and amount shape of the arithmetic pack, errors included.
  Json j = Parse(ToJson(Eval("arithmetic", "{montant: 100, diviseur: 0}", "2020-11-15")));
  const std::regex cents("-?[0-9]+\\.[0-9]{2}");
  int strings = 0, nulls = 0;
  for (const Json& m : j.at("measures")) {
    const Json& amount = m.at("amount");
    if (m.at("id") == "depassement_arrondi") continue;  // see EvalErrors.OverflowWhenRoundingTheFinalAmountIsNotHidden
    if (amount.is_null()) {
      ++nulls;
      EXPECT_NE(m.at("status"), "eligible") << m.at("id");
    } else {
      ++strings;
      ASSERT_TRUE(amount.is_string()) << m.at("id");
      EXPECT_TRUE(std::regex_match(amount.get<std::string>(), cents)) << m.at("id") << ": " << amount;
    }
  }
  EXPECT_GT(strings, 5);
  EXPECT_GT(nulls, 2);
  EXPECT_EQ(MeasureJson(j, "vingt_pourcent").at("amount"), "246913.58");
  EXPECT_EQ(MeasureJson(j, "decimaux_exacts").at("amount"), "0.30");
  const Json& error = MeasureJson(j, "division_montant");
  EXPECT_EQ(error.at("status"), "error");
  EXPECT_NE(error.at("error").get<std::string>().find("division par zéro"), std::string::npos);
  // UTF-8 text survives (the title has "€").
  EXPECT_EQ(MeasureJson(j, "vingt_pourcent").at("title"), "20 % de 1 234 567,89 €");
}

TEST(ReportJson, NotApplicableMeasures) {
  Json j = Parse(ToJson(Eval("versions", "{}", "2020-04-15")));
  const Json& m = MeasureJson(j, "mesure_versionnee");
  EXPECT_EQ(m.at("status"), "not_applicable");
  EXPECT_TRUE(m.at("amount").is_null());
  EXPECT_TRUE(m.at("version").is_null());
  ASSERT_EQ(m.at("reasons").size(), 1u);
  EXPECT_NE(m.at("reasons")[0].get<std::string>().find("avril 2020"), std::string::npos);
}

TEST(ReportJson, AProfileStringThatIsNotUtf8NeverBreaksTheReport) {
  // A profile string reaches the reasons ("code département : … ; doit être parmi …"). Either the
  // profile is refused, or the JSON report is produced: it must not throw.
  const RulePack& pack = Pack("lists");
  ProfileResult p = pack.ReadProfile("departement: \"\xff\xfe\"\n", "latin1.yaml");
  if (!p.ok()) {
    ASSERT_FALSE(p.diagnostics.empty());
    EXPECT_EQ(p.diagnostics[0].location.file, "latin1.yaml");
    return;
  }
  Evaluation e = pack.Evaluate(*p.profile, testing::D("2020-11-15"));
  std::string json;
  EXPECT_NO_THROW(json = ToJson(e));
  if (!json.empty()) Parse(json);
}

TEST(ReportJson, TheIndentIsHonoured) {
  Evaluation e = Eval("versions", "{}", "2020-03-15");
  const std::string pretty = ToJson(e, 2);
  const std::string wide = ToJson(e, 4);
  EXPECT_NE(pretty.find("\n  \"pack\""), std::string::npos);
  EXPECT_NE(wide.find("\n    \"pack\""), std::string::npos);
  EXPECT_EQ(Parse(pretty), Parse(wide));
}

}  // namespace
}  // namespace relief
