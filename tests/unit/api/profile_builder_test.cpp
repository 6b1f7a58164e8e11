// ProfileBuilder: typed values checked against the declarations with the
// reader's diagnostics, and a built profile that evaluates as the same
// profile written in YAML.
#include "relief/profile_builder.hpp"

#include <gtest/gtest.h>

#include "relief/report.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

using testing::MemoryPack;

std::string OnlyMessage(const ProfileBuilder& b) {
  EXPECT_EQ(b.diagnostics().size(), 1u) << FormatDiagnostics(b.diagnostics());
  return b.diagnostics().empty() ? "" : b.diagnostics()[0].message;
}

TEST(ProfileBuilder, BuildsTheSameProfileAsYaml) {
  const RulePack& pack = MemoryPack();
  ProfileBuilder b(pack);
  EXPECT_TRUE(b.Set("effectif", FactValue::Integer(3)));
  EXPECT_TRUE(b.Set("ouvert", FactValue::Boolean(true)));
  EXPECT_TRUE(b.Set("loyer", FactValue::Number("1500.50")));
  EXPECT_TRUE(b.Set("taux", FactValue::Text("50 %")));
  EXPECT_TRUE(b.Set("forme", FactValue::Text("sas")));
  EXPECT_TRUE(b.Set("dept", FactValue::Text("31")));
  EXPECT_TRUE(b.Set("debut", FactValue::OfMonth(*Month::Parse("2019-03"))));
  EXPECT_TRUE(b.SetSeries("ca", "2020-11", FactValue::Integer(4200)));
  EXPECT_TRUE(b.SetSeries("ca", "2019-11", FactValue::Number("20000")));
  EXPECT_TRUE(b.Set("embauche.date", FactValue::OfDate(*Date::Parse("2021-01-04"))));
  EXPECT_TRUE(b.Set("embauche.salaire", FactValue::Integer(1800)));
  ProfileResult built = b.Build();
  ASSERT_TRUE(built.ok()) << FormatDiagnostics(built.diagnostics);

  const Profile yaml = pack.ReadProfile(R"(effectif: 3
ouvert: true
loyer: 1500.50
taux: 50 %
forme: sas
dept: "31"
debut: 2019-03
ca: {2020-11: 4200, 2019-11: 20000}
embauche: {date: 2021-01-04, salaire: 1800}
)")
                           .value();
  const Date date = *Date::Parse("2020-11-30");
  EXPECT_EQ(ToJson(pack.Evaluate(built.value(), date)), ToJson(pack.Evaluate(yaml, date)));
  EXPECT_EQ(pack.Evaluate(built.value(), date).measures.at(0).amount, Decimal::Parse("750.25"));
}

TEST(ProfileBuilder, UnknownFactSuggestsTheClosestName) {
  ProfileBuilder b(MemoryPack());
  EXPECT_FALSE(b.Set("efectif", FactValue::Integer(3)));
  EXPECT_EQ(OnlyMessage(b), "unknown field 'efectif'; did you mean 'effectif'?");
}

TEST(ProfileBuilder, SameMessagesAsTheReader) {
  const RulePack& pack = MemoryPack();
  struct Case {
    const char* fact;
    FactValue value;
    const char* yaml;
  };
  for (const Case& c :
       {Case{"effectif", FactValue::Integer(-1), "effectif: -1"}, Case{"forme", FactValue::Text("sasu"), "forme: sasu"},
        Case{"dept", FactValue::Text("75"), "dept: \"75\""}, Case{"ouvert", FactValue::Text("oui"), "ouvert: oui"},
        Case{"taux", FactValue::Text("150 %"), "taux: 150 %"}}) {
    ProfileBuilder b(pack);
    EXPECT_FALSE(b.Set(c.fact, c.value));
    ProfileResult read = pack.ReadProfile(c.yaml, "p.yaml");
    ASSERT_EQ(read.diagnostics.size(), 1u) << c.yaml;
    EXPECT_EQ(OnlyMessage(b), read.diagnostics[0].message) << c.yaml;
  }
}

TEST(ProfileBuilder, WrongTypeSaysWhatWasGiven) {
  ProfileBuilder b(MemoryPack());
  EXPECT_FALSE(b.Set("ouvert", FactValue::Integer(1)));
  EXPECT_FALSE(b.Set("debut", FactValue::OfDate(*Date::Parse("2019-03-01"))));
  EXPECT_FALSE(b.Set("forme", FactValue::Number("2")));
  EXPECT_FALSE(b.Set("embauche.date", FactValue::Boolean(true)));
  ASSERT_EQ(b.diagnostics().size(), 4u);
  EXPECT_EQ(b.diagnostics()[0].message, "'ouvert': expected boolean, found the integer 1");
  EXPECT_EQ(b.diagnostics()[1].message, "'debut': expected month, found the date 2019-03-01");
  EXPECT_EQ(b.diagnostics()[3].message, "'embauche.date': expected date, found the boolean true");
}

TEST(ProfileBuilder, SeriesAndRecordsAreAddressedByTheirParts) {
  ProfileBuilder b(MemoryPack());
  EXPECT_FALSE(b.Set("ca", FactValue::Integer(1)));
  EXPECT_FALSE(b.SetSeries("ca", "2020-13", FactValue::Integer(1)));
  EXPECT_FALSE(b.SetSeries("loyer", "2020-11", FactValue::Integer(1)));
  EXPECT_FALSE(b.Set("embauche", FactValue::Text("x")));
  EXPECT_FALSE(b.Set("embauche.dat", FactValue::Text("2021-01-04")));
  EXPECT_FALSE(b.Set("loyer.x", FactValue::Integer(1)));
  ASSERT_EQ(b.diagnostics().size(), 6u);
  EXPECT_EQ(b.diagnostics()[0].message, "'ca' is a series: set its elements one by one with their month (2020-11)");
  EXPECT_EQ(b.diagnostics()[1].message, "'ca': expected a month YYYY-MM as key, found '2020-13'");
  EXPECT_EQ(b.diagnostics()[2].message, "'loyer' is not a series: set it without a period");
  EXPECT_EQ(b.diagnostics()[3].message, "'embauche' is a record: set its fields, as 'embauche.date'");
  EXPECT_EQ(b.diagnostics()[4].message, "'embauche' has no field 'dat'; did you mean 'date'?");
  EXPECT_EQ(b.diagnostics()[5].message, "'loyer' is not a record: it has no field 'x'");
}

TEST(ProfileBuilder, BuildReportsEveryErrorAndValueThrows) {
  ProfileBuilder b(MemoryPack());
  b.Set("efectif", FactValue::Integer(3));
  b.Set("loyer", FactValue::Number("1,500"));
  b.Set("ouvert", FactValue::Boolean(true));
  ProfileResult r = b.Build();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.size(), 2u);
  try {
    (void)r.value();
    FAIL() << "value() of a failed build must throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostics().size(), 2u);
    EXPECT_NE(std::string(e.what()).find("unknown field 'efectif'"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)*r.profile, Error);
}

TEST(ProfileBuilder, BuildCanBeCalledAgainAndStringsStayValid) {
  ProfileBuilder b(MemoryPack());
  b.Set("dept", FactValue::Text("34"));
  Profile first = b.Build().value();
  b.Set("dept", FactValue::Text("31"));
  Profile second = b.Build().value();
  {
    ProfileBuilder gone(MemoryPack());  // the builder may die before its profiles
    gone.Set("dept", FactValue::Text("31"));
    second = gone.Build().value();
  }
  const Date date = *Date::Parse("2020-11-30");
  EXPECT_EQ(ToJson(MemoryPack().Evaluate(second, date)), ToJson(MemoryPack().Evaluate(b.Build().value(), date)));
  (void)first;
}

// The library bounds a profile's text as the command line bounds a file.
TEST(ReadProfile, RefusesATextBeyondTheFileLimit) {
  std::string text = "effectif: 3\n";
  text += "# " + std::string(5 << 20, 'x') + "\n";
  ProfileResult read = MemoryPack().ReadProfile(text, "enorme.yaml");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_NE(read.diagnostics[0].message.find("profile too large"), std::string::npos) << read.diagnostics[0].message;
}

}  // namespace
}  // namespace relief
