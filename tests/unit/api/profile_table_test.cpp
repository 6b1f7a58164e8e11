// ProfileTable: headers bound to facts once (series elements, record
// fields), rows read through the profile reader's checks, every refused
// cell reported with its row and column.
#include "relief/profile_table.hpp"

#include <gtest/gtest.h>

#include "relief/report.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

using testing::MemoryPack;

const Date kDate = *Date::Parse("2020-11-30");

std::optional<Profile> Row(const ProfileTable& table, std::vector<std::string_view> cells,
                           std::vector<CellError>& errors, std::size_t row = 1) {
  return table.ReadTexts(cells, row, errors);
}

TEST(ProfileTable, ReadsARowAsTheSameProfileAsYaml) {
  const RulePack& pack = MemoryPack();
  ProfileTable table(pack,
                     {"effectif", "loyer", "ca[2020-11]", "ca[2019-11]", "embauche.date", "forme", "taux", "ouvert"});
  ASSERT_TRUE(table.column_errors().empty());
  std::vector<CellError> errors;
  std::optional<Profile> read =
      Row(table, {"3", " 1 500,50 € ", "4200", "20000", "2021-01-04", "sas", "50 %", "true"}, errors);
  ASSERT_TRUE(read) << errors.at(0).message;
  const Profile yaml = pack.ReadProfile(R"(effectif: 3
loyer: 1500.50
ca: {2020-11: 4200, 2019-11: 20000}
embauche: {date: 2021-01-04}
forme: sas
taux: 50 %
ouvert: true
)")
                           .value();
  EXPECT_EQ(ToJson(pack.Evaluate(*read, kDate)), ToJson(pack.Evaluate(yaml, kDate)));
  EXPECT_EQ(pack.Evaluate(*read, kDate).measures.at(0).amount, Decimal::Parse("750.25"));
}

TEST(ProfileTable, AnEmptyCellIsAFactNotGiven) {
  const RulePack& pack = MemoryPack();
  ProfileTable table(pack, {"effectif", "loyer", "taux"});
  std::vector<CellError> errors;
  std::optional<Profile> read = Row(table, {"", "  ", "50 %"}, errors);
  ASSERT_TRUE(read);
  EXPECT_EQ(ToJson(pack.Evaluate(*read, kDate)), ToJson(pack.Evaluate(pack.ReadProfile("taux: 50 %").value(), kDate)));
}

TEST(ProfileTable, UnknownColumnsSayWhatWasMeant) {
  ProfileTable table(
      MemoryPack(),
      {"efectif", "ca[2020-13]", "embauche.dat", "ca", "embauche", "loyer[2020-11]", "effectif", "effectif", "nom"},
      {"nom"});
  const std::vector<CellError>& e = table.column_errors();
  ASSERT_EQ(e.size(), 7u);
  EXPECT_EQ(e[0].column, "efectif");
  EXPECT_EQ(e[0].message, "unknown field 'efectif'; did you mean 'effectif'?");
  EXPECT_EQ(e[1].message, "'ca': expected a month YYYY-MM as key, found '2020-13'");
  EXPECT_EQ(e[2].message, "'embauche' has no field 'dat'; did you mean 'date'?");
  EXPECT_EQ(e[3].message, "'ca' is a series: one column per element, as 'ca[2020-11]'");
  EXPECT_EQ(e[4].message, "'embauche' is a record: one column per field, as 'embauche.date'");
  EXPECT_EQ(e[5].message, "'loyer' is not a series: its column is 'loyer', without a period");
  EXPECT_EQ(e[6].message, "column 'effectif' repeats column 7 ('effectif')");
}

TEST(ProfileTable, ACellInAnUnknownColumnFailsItsRowOnly) {
  ProfileTable table(MemoryPack(), {"effectif", "efectif"});
  std::vector<CellError> errors;
  EXPECT_TRUE(Row(table, {"3", ""}, errors, 1));
  EXPECT_FALSE(Row(table, {"3", "4"}, errors, 2));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], (CellError{2, "efectif", "unknown field 'efectif'; did you mean 'effectif'?"}));
}

TEST(ProfileTable, EveryRefusedCellOfARowIsReportedWithTheReadersMessage) {
  const RulePack& pack = MemoryPack();
  ProfileTable table(pack, {"effectif", "loyer", "ca[2020-11]", "forme"});
  std::vector<CellError> errors;
  EXPECT_FALSE(Row(table, {"-1", "1,500", "4200.999", "sasu"}, errors, 7));
  ASSERT_EQ(errors.size(), 4u);
  for (const CellError& e : errors) EXPECT_EQ(e.row, 7u);
  EXPECT_EQ(errors[0].column, "effectif");
  EXPECT_EQ(errors[0].message, pack.ReadProfile("effectif: -1").diagnostics.at(0).message);
  EXPECT_EQ(errors[1].message, pack.ReadProfile("loyer: 1,500").diagnostics.at(0).message);
  EXPECT_NE(errors[1].message.find("ambiguous"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[2].column, "ca[2020-11]");
  EXPECT_NE(errors[2].message.find("two decimals"), std::string::npos) << errors[2].message;
  EXPECT_EQ(errors[3].message, pack.ReadProfile("forme: sasu").diagnostics.at(0).message);
}

TEST(ProfileTable, TypedCellsAreCheckedLikeTexts) {
  ProfileTable table(MemoryPack(), {"effectif", "ouvert", "embauche.date"});
  const FactValue n = FactValue::Integer(4), yes = FactValue::Boolean(true);
  const FactValue day = FactValue::OfDate(*Date::Parse("2021-01-04"));
  std::vector<CellError> errors;
  const FactValue* good[] = {&n, &yes, &day};
  EXPECT_TRUE(table.Read(good, 0, errors));
  const FactValue* swapped[] = {&yes, &n, nullptr};
  EXPECT_FALSE(table.Read(swapped, 1, errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].message, "'effectif': expected integer, found the boolean true");
  EXPECT_EQ(errors[1].column, "ouvert");
}

TEST(ProfileTable, ARowOfTheWrongWidthIsRefused) {
  ProfileTable table(MemoryPack(), {"effectif", "loyer"});
  std::vector<CellError> errors;
  EXPECT_FALSE(Row(table, {"3"}, errors, 5));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "expected 2 cells, found 1");
}

TEST(ProfileTable, IdentifyingColumnsAreThoseOfIdentifyingFacts) {
  LoadResult loaded = RulePack::Load(DefaultPackDirectory());
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  ProfileTable table(loaded.value(), {"effectif", "siren", "nom"}, {"nom"});
  EXPECT_TRUE(table.column_errors().empty());
  EXPECT_EQ(table.identifying_columns(), std::vector<std::size_t>{1});
}

}  // namespace
}  // namespace relief
