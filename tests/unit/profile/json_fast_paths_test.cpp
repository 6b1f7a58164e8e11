// The shortcuts of the JSON-lines reader (profile/json_profile_reader.cpp)
// and of FactWriter must never change what a line reads as: the keys of a
// line are guessed from the previous line's order, a value is written in
// place and put back when refused. Each line is compared with a fresh
// reader (no guess) and with RulePack::ReadProfile (the YAML reader).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/access.hpp"
#include "profile/fact_writer.hpp"
#include "relief/json_lines.hpp"

namespace relief {
namespace {

const RulePack& Bench12() {
  static const RulePack pack = RulePack::LoadOrThrow(std::string(RELIEF_TEST_DIR) + "/../bench/bench12/pack");
  return pack;
}

const char kFirst[] =
    R"({"siren":"376301362","naf":"47.65Z","region":"53","departement":"22","date_creation":"1996-04-24",)"
    R"("effectif":0,"ca_2019":114969.36,"ca_ref_mois":9368.6,"ca_mois":5875.34,"fermeture_administrative":false,)"
    R"("artisan":false,"forme_juridique":"MICRO","procedure_collective":false,"masse_salariale_2019":0,)"
    R"("embauches_jeunes_26":0,"depenses_numerique":0,"depenses_renovation":40776.44,"proprietaire_locaux":true,)"
    R"("loyer_mensuel":4766.22})";

// Lines read one after the other by one reader: each guesses its keys from
// the line before.
const char* const kLines[] = {
    kFirst,
    // the same keys, other values
    R"({"siren":"637056561","naf":"43.22A","region":"76","departement":"66","date_creation":"1997-11-05",)"
    R"("effectif":2,"ca_2019":235006.23,"ca_ref_mois":12336.87,"ca_mois":13430.9,"fermeture_administrative":true,)"
    R"("artisan":true,"forme_juridique":"SA","procedure_collective":false,"masse_salariale_2019":67367.83,)"
    R"("embauches_jeunes_26":0,"depenses_numerique":1606.36,"depenses_renovation":99319.11,)"
    R"("proprietaire_locaux":false,"loyer_mensuel":0})",
    // another order, and fewer keys
    R"({"naf":"56.10A","siren":"747638213","effectif":12,"ca_2019":"41 901,15","artisan":true})",
    // a key escaped where the guess expects it, a key that only starts like the guessed one
    R"({"n\u0061f":"56.10A","sire":"747638213","effectif":3})",
    // an unknown key, then a duplicate, where guesses were made
    R"({"naf":"56.10A","sirne":"747638213","effectif":3,"effectif":4})",
    // a key longer than the guessed one, with the guessed one as its start
    R"({"naf_code":"56.10A","siren":"747638213"})",
    // bad values where the guesses are right
    R"({"naf":"5610A","siren":"747638213","effectif":-1,"ca_2019":12.345})",
    // an empty profile, then the first line again
    R"({})",
    kFirst,
    R"(null)",
    kFirst,
};

std::vector<std::string> Messages(const ProfileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(std::to_string(d.location.column) + " " + d.message);
  return out;
}

TEST(JsonFastPaths, GuessedKeysReadAsAFreshReaderAndTheYamlReaderRead) {
  JsonLinesReader reader(Bench12());
  int good = 0;
  for (const char* line : kLines) {
    ProfileResult guessed = reader.ReadLine(line);
    ProfileResult fresh = JsonLinesReader(Bench12()).ReadLine(line);
    ProfileResult yaml = Bench12().ReadProfile(line, "profiles.jsonl");
    ASSERT_EQ(guessed.ok(), fresh.ok()) << line;
    ASSERT_EQ(guessed.ok(), yaml.ok()) << line;
    EXPECT_EQ(Messages(guessed), Messages(fresh)) << line;
    if (!guessed.ok()) {
      EXPECT_FALSE(guessed.diagnostics.empty()) << line;
      continue;
    }
    ++good;
    const auto& slots = internal::Access::data(*guessed.profile).scalars;
    EXPECT_EQ(slots, internal::Access::data(*fresh.profile).scalars) << line;
    EXPECT_EQ(slots, internal::Access::data(*yaml.profile).scalars) << line;
  }
  EXPECT_EQ(good, 7);
}

// Names are compared with the raw key 8 bytes at a time, up to 55 bytes;
// longer ones are always looked up. Keys at each side of that bound, and
// keys that are one of them cut short or made longer, read as a fresh
// reader reads them.
TEST(JsonFastPaths, LongNamesAreGuessedUpToTheBoundAndLookedUpBeyond) {
  const std::string n55(55, 'a'), n56(56, 'b'), n8(8, 'c');
  std::string facts = "facts:\n";
  for (const std::string& name : {n55, n56, n8}) {
    facts += "  " + name + ":\n    type: integer\n    label: nombre\n    question: Combien ?\n";
  }
  LoadResult loaded =
      RulePack::Load(PackFiles{{"long/pack.yaml", "pack:\n  name: long\n  version: 1.0.0\n  title: Long\n"},
                               {"long/faits.yaml", facts}},
                     "long");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  const RulePack& pack = loaded.value();
  auto line = [](const std::string& a, const std::string& b, const std::string& c) {
    return "{\"" + a + "\": 1, \"" + b + "\": 2, \"" + c + "\": 3}";
  };
  const std::vector<std::string> lines = {
      line(n55, n56, n8),       line(n55, n56, n8),
      line(n55 + "a", n56, n8), line(n55.substr(1), n56.substr(1), n8.substr(1)),
      line(n8, n55, n56),       line(n55, n56, n8 + "c"),
      line(n55, n56, n8),
  };
  JsonLinesReader reader(pack);
  int good = 0;
  for (const std::string& text : lines) {
    ProfileResult guessed = reader.ReadLine(text);
    ProfileResult fresh = JsonLinesReader(pack).ReadLine(text);
    ASSERT_EQ(guessed.ok(), fresh.ok()) << text;
    EXPECT_EQ(Messages(guessed), Messages(fresh)) << text;
    if (!guessed.ok()) continue;
    ++good;
    EXPECT_EQ(internal::Access::data(*guessed.profile).scalars, internal::Access::data(*fresh.profile).scalars);
  }
  EXPECT_EQ(good, 4);
}

TEST(JsonFastPaths, ARefusedValueLeavesTheValueWrittenBefore) {
  using internal::ValueText;
  internal::FactWriter writer(internal::Access::shared_program(Bench12()));
  internal::FactWriter once(internal::Access::shared_program(Bench12()));
  const std::int32_t effectif = writer.Find("effectif").fact;
  const std::int32_t naf = writer.Find("naf").fact;
  ASSERT_GE(effectif, 0);
  ASSERT_GE(naf, 0);
  EXPECT_EQ(writer.Set(effectif, ValueText::Text("12"), "effectif"), "");
  EXPECT_NE(writer.Set(effectif, ValueText::Text("-3"), "effectif"), "");     // below its minimum 0
  EXPECT_NE(writer.Set(effectif, ValueText::Text("douze"), "effectif"), "");  // not a number
  EXPECT_EQ(writer.Set(naf, ValueText::Text("56.10A"), "naf"), "");
  EXPECT_NE(writer.Set(naf, ValueText::Text("5610A"), "naf"), "");  // not its pattern
  EXPECT_EQ(once.Set(effectif, ValueText::Text("12"), "effectif"), "");
  EXPECT_EQ(once.Set(naf, ValueText::Text("56.10A"), "naf"), "");
  const std::shared_ptr<internal::ProfileData> data = writer.Take();
  const auto& slots = data->scalars;
  EXPECT_EQ(slots, once.Take()->scalars);
  EXPECT_TRUE(slots[writer.program().facts[effectif].slot].known());
  EXPECT_TRUE(slots[writer.program().facts[naf].slot].known());
}

}  // namespace
}  // namespace relief
