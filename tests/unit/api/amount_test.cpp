// The grammar of amounts in profiles (docs/profiles.md), through the YAML and
// JSON reader and the ProfileBuilder: a thousands separator is never read as
// a decimal mark, and an amount never loses a digit silently.
#include <gtest/gtest.h>

#include "relief/profile_builder.hpp"
#include "relief/report.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

using testing::MemoryPack;

// The amount of aide_loyer (loyer × 100 %) for a profile giving `loyer`.
std::optional<Decimal> AmountFor(const Profile& profile) {
  Evaluation e = MemoryPack().Evaluate(profile, *Date::Parse("2020-11-15"));
  return e.measures.at(0).amount;
}

std::string ReadError(const std::string& text, const std::string& name) {
  ProfileResult r = MemoryPack().ReadProfile(text, name);
  EXPECT_FALSE(r.ok()) << text;
  return FormatDiagnostics(r.diagnostics);
}

const char* kRest = "effectif: 2\nouvert: true\ntaux: 100 %\n";

struct Good {
  const char* written;  // as in a YAML profile
  const char* euros;
};

TEST(Amounts, AcceptedFormsGiveTheExactAmount) {
  for (Good g : {Good{"1500", "1500"}, Good{"1 500", "1500"},
                 Good{"\"1\xC2\xA0"
                      "500,50\"",
                      "1500.5"},
                 Good{"\"1\xE2\x80\xAF"
                      "500.5 €\"",
                      "1500.5"},
                 Good{"\"12 500,00 €\"", "12500"}, Good{"1500,5", "1500.5"}, Good{"0.99", "0.99"},
                 Good{"\"1 234 567.89\"", "1234567.89"}, Good{"4200.99", "4200.99"}, Good{"\"1500€\"", "1500"}}) {
    ProfileResult r = MemoryPack().ReadProfile(std::string(kRest) + "loyer: " + g.written + "\n", "p.yaml");
    ASSERT_TRUE(r.ok()) << g.written << "\n" << FormatDiagnostics(r.diagnostics);
    EXPECT_EQ(AmountFor(r.value()), Decimal::Parse(g.euros)) << g.written;
  }
}

TEST(Amounts, ThousandsSeparatorOrDecimalMarkIsRefusedInYaml) {
  // Defect: these were read as 1,50 €, 12,50 € and 4,20 €.
  for (const char* written : {"1,500", "\"12,500\"", "\"4.200\"", "4.200", "-1,500"}) {
    std::string text = ReadError(std::string(kRest) + "loyer: " + written + "\n", "p.yaml");
    EXPECT_NE(text.find("p.yaml:4:8: error: 'loyer': ambiguous number"), std::string::npos) << written << "\n" << text;
  }
  std::string text = ReadError(std::string(kRest) + "loyer: 1,500\n", "p.yaml");
  EXPECT_NE(text.find("write 1500 (or group thousands with a space) or 1.5"), std::string::npos) << text;
}

TEST(Amounts, MoreThanTwoDecimalsIsRefused) {
  // Defect: 4200.999 became 4 201,00 €.
  std::string text = ReadError(std::string(kRest) + "loyer: 4200.999\n", "p.yaml");
  EXPECT_NE(text.find("'loyer': too many decimals: expected an amount in euros"), std::string::npos) << text;
  EXPECT_NE(text.find("found '4200.999'"), std::string::npos) << text;
}

TEST(Amounts, JsonNumbersAndStringsFollowTheSameGrammar) {
  const std::string head = R"({"effectif": 2, "ouvert": true, "taux": "100 %", )";
  EXPECT_NE(ReadError(head + R"("loyer": "1,500"})", "p.json").find("p.json:1:"), std::string::npos);
  EXPECT_NE(ReadError(head + R"("loyer": 4200.999})", "p.json").find("too many decimals"), std::string::npos);
  EXPECT_NE(ReadError(head + R"("loyer": "4.200"})", "p.json").find("ambiguous number"), std::string::npos);
  EXPECT_NE(ReadError(head + R"("ca": {"2020-11": 1.500}})", "p.json").find("'ca[2020-11]': ambiguous"),
            std::string::npos);
  ProfileResult ok = MemoryPack().ReadProfile(head + R"("loyer": 1500.5})", "p.json");
  ASSERT_TRUE(ok.ok()) << FormatDiagnostics(ok.diagnostics);
  EXPECT_EQ(AmountFor(ok.value()), Decimal::Parse("1500.5"));
}

TEST(Amounts, OtherNumbersRefuseTheAmbiguousFormToo) {
  // An integer fact: "1.000" was read as 1 without a word.
  EXPECT_NE(ReadError("effectif: 1.000\n", "p.yaml").find("'effectif': ambiguous number"), std::string::npos);
  EXPECT_NE(ReadError("effectif: 2.5\n", "p.yaml").find("'effectif': expected an integer"), std::string::npos);
  // A leading zero is not ambiguous, and numbers other than money keep their decimals.
  ProfileResult r = MemoryPack().ReadProfile("ratio: 0.125\neffectif: \"1 500\"\ntaux: 12,5 %\n", "p.yaml");
  EXPECT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
}

TEST(Amounts, MalformedGroupingIsRefused) {
  for (const char* written : {"\"15 00\"", "\"1500 000\"", "\"1 500 00\"", "1500.", "\".5\"", "1e3", "\"1.500,50\"",
                              "\"1,500.50\"", "\"€ 1500\"", "\"1 500 € 50\""}) {
    std::string text = ReadError(std::string(kRest) + "loyer: " + written + "\n", "p.yaml");
    EXPECT_NE(text.find("expected an amount in euros"), std::string::npos) << written << "\n" << text;
  }
}

TEST(Amounts, TheBuilderUsesTheSameGrammar) {
  ProfileBuilder b(MemoryPack());
  EXPECT_FALSE(b.Set("loyer", FactValue::Number("1,500")));
  EXPECT_FALSE(b.Set("loyer", FactValue::Text("4200.999")));
  EXPECT_TRUE(b.Set("loyer", FactValue::Number("1 500,25")));
  ASSERT_EQ(b.diagnostics().size(), 2u);
  EXPECT_NE(b.diagnostics()[0].message.find("'loyer': ambiguous number"), std::string::npos);
  EXPECT_NE(b.diagnostics()[1].message.find("'loyer': too many decimals"), std::string::npos);
}

}  // namespace
}  // namespace relief
