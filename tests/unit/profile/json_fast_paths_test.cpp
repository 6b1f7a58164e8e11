// The shortcuts of the JSON-lines reader (profile/json_profile_reader.cpp)
// and of FactWriter must never change what a line reads as: the keys of a
// line are guessed from the previous line's order, a value is written in
// place and put back when refused. Each line is compared with a fresh
// reader (no guess) and with RulePack::ReadProfile (the YAML reader).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "api/access.hpp"
#include "profile/fact_writer.hpp"
#include "profile/json_profile_reader.hpp"
#include "relief/json_lines.hpp"
#include "unit/api/memory_pack.hpp"

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
    const auto& cells = internal::Access::data(*guessed.profile).cells;
    EXPECT_EQ(cells, internal::Access::data(*fresh.profile).cells) << line;
    EXPECT_EQ(cells, internal::Access::data(*yaml.profile).cells) << line;
  }
  EXPECT_EQ(good, 7);
}

// Lines the one-pass reader of flat lines (profile/flat_json_line.hpp)
// reads, and lines it must leave to simdjson's path: each reads, or is
// refused with the same messages at the same columns, as with simdjson's
// path alone, followed in its buffer by another line (read past its end).
TEST(JsonFastPaths, FlatLinesReadAsSimdjsonReadsThem) {
  std::vector<std::string> lines(std::begin(kLines), std::end(kLines));
  for (const char* line : {
           R"(  { "siren" : "376301362" ,	"effectif" : 3 }  )",
           "{\"effectif\":3}\r",
           "{\"effectif\":3\n}",
           "{\"artisan\":true\n,\"effectif\":3\r\n}",
           "{\"effectif\":3 \r\n }",
           "{\"effectif\":3 \r }",
           R"({"effectif":3}   )",
           R"({"effectif":null,"siren":null,"artisan":null})",
           R"({"effectif":01})",
           R"({"effectif":1.})",
           R"({"effectif":-})",
           R"({"effectif":1e5})",
           R"({"effectif":+1})",
           R"({"effectif":true})",
           R"({"artisan":1})",
           R"({"artisan":tru})",
           R"({"artisan":truex})",
           R"({"artisan":nul})",
           R"({"artisan":nullx})",
           R"({"effectif":3} x)",
           R"({"effectif":3}{})",
           R"({"effectif":3)",
           R"({"effectif":3,})",
           R"({,"effectif":3})",
           R"({"effectif" 3})",
           R"({"effectif":3 "siren":"1"})",
           R"({"siren":"37630136é"})",
           R"({"region":"\u00e9"})",
           "{\"region\":\"\xC3\xA9\"}",
           "{\"region\":\"\xC3\"}",
           "{\"region\":\"\xED\xA0\x80\"}",
           R"({"region":"a\"b"})",
           R"({"region":"\u0041"})",
           "{\"region\":\"tab\there\"}",
           R"({"effectif":3,"effectif":3})",
           R"({"inconnu":3})",
           R"({"effectif":3,"effectif":4})",
           R"({"ca_2019":{"a":1}})",
           R"({"ca_2019":[1]})",
           R"({"siren":376301362})",
           R"({"ca_2019":"1500.50"})",
           R"({"ca_2019":12.345})",
           R"({"ca_2019":-0})",
           R"({"ca_2019":99999999999999.99})",
           R"({"ca_2019":9999999999999999.99})",
           R"({"effectif":0.0000001})",
           // Numbers read as they are scanned, eight digits at a time: runs
           // at each side of 8 and 16 digits and of the 18-digit bound,
           // what ends them, and the ends of the line.
           R"({"effectif":12345678})",
           R"({"effectif":123456789})",
           R"({"effectif":1234567812345678})",
           R"({"effectif":12345678123456789})",
           R"({"ca_2019":123456789012345678})",
           R"({"ca_2019":1234567890123456789})",
           R"({"ca_2019":1234567890123456.78})",
           R"({"ca_2019":12345678901234567.8})",
           R"({"ca_2019":0.12345678})",
           R"({"ca_2019":-12345678.5})",
           R"({"ca_2019":12.3})",
           R"({"ca_2019":0.125})",
           R"({"ca_2019":1.250})",
           R"({"ca_2019":12.5x})",
           R"({"ca_2019":1.2.3})",
           R"({"ca_2019":12,5})",
           R"({"ca_2019":12 5})",
           R"({"ca_2019":-12})",
           R"({"ca_2019":--12})",
           R"({"effectif":12.5})",
           R"({"effectif":1234)",
           "{\"ca_2019\":12\xFA}",
           "{\"ca_2019\":12\xFF"
           "3}",
           "{\"ca_2019\":12/}",
           "{\"ca_2019\":12:}",
           R"({"date_creation":"2020-02-30"})",
           R"({"forme_juridique":"sa"})",
           R"({"effectif":-1})",
           R"({"date_creation":"2020-02-29","forme_juridique":"SARL","naf":"47.65Z"})",
           R"([])",
           R"(3)",
           R"("x")",
           R"({})",
           R"(null)",
           "",
           "   ",
           R"({"sir)",
           R"({"siren)",
           R"({"siren":"3763)",
           R"({"siren":"376301362")",
           R"({"siren":"376301362"})",
           R"({"siren" : )",
           R"({"siren")",
       }) {
    lines.emplace_back(line);
  }
  const auto program = internal::Access::shared_program(Bench12());
  internal::JsonProfileReader flat(program), simdjson(program);
  simdjson.set_flat_path(false);
  int good = 0;
  for (const std::string& line : lines) {
    const std::string buffer = line + "\n" + kFirst + std::string(internal::JsonProfileReader::kPadding, ' ');
    DiagnosticSink flat_sink, simdjson_sink;
    auto read = flat.Read(std::string_view(buffer).substr(0, line.size()), buffer.size(), 7, "p.jsonl", flat_sink);
    auto expected = simdjson.Read(line, line.size(), 7, "p.jsonl", simdjson_sink);
    ASSERT_EQ(read == nullptr, expected == nullptr) << line;
    const std::vector<Diagnostic> said = flat_sink.Take(), expected_said = simdjson_sink.Take();
    ASSERT_EQ(said.size(), expected_said.size()) << line;
    for (std::size_t i = 0; i < said.size(); ++i) {
      EXPECT_EQ(said[i].message, expected_said[i].message) << line;
      EXPECT_EQ(said[i].location.line, expected_said[i].location.line) << line;
      EXPECT_EQ(said[i].location.column, expected_said[i].location.column) << line;
    }
    if (!read) continue;
    ++good;
    EXPECT_EQ(read->scalars, expected->scalars) << line;
    EXPECT_EQ(read->cells, expected->cells) << line;
  }
  EXPECT_GT(good, 20);
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

// SetPlain writes the common values at once, bounds included, and leaves
// the rest to Set: together they give each value, or each message, that
// the general path gives.
TEST(JsonFastPaths, PlainValuesAndBoundsReadAsTheGeneralPathReadsThem) {
  using internal::Value;
  struct Case {
    const char* fact;
    const char* text;
    std::optional<Value> value;  // nullopt: refused, with a message starting with `says`
    const char* says = "";
    bool plain = true;  // read by SetPlain
  };
  const Case cases[] = {
      {"effectif", "0", Value::Number(0)},
      {"effectif", "12", Value::Number(12)},
      {"effectif", "-1", std::nullopt, "'effectif': -1 is below the minimum", false},
      {"effectif", "2.0", Value::Number(2), "", false},
      {"loyer", "0", Value::Number(0)},
      {"loyer", "1500.5", Value::Number(*Decimal::Ratio(3001, 2))},
      {"loyer", "-0.01", std::nullopt, "'loyer': -0,01", false},
      {"taux", "1", Value::Number(1)},
      {"taux", "0.25", Value::Number(*Decimal::Ratio(1, 4))},
      {"taux", "100 %", Value::Number(1), "", false},
      {"taux", "1.5", std::nullopt, "'taux': 150", false},
      {"ratio", "-2.0625", Value::Number(*Decimal::Ratio(-33, 16))},
      {"ratio", "-2.125", std::nullopt, "'ratio': ambiguous number", false},
      {"forme", "sas", Value::Enum(1)},
      {"forme", "SAS", std::nullopt, "'forme': 'SAS' is not one of", false},
      {"ouvert", "true", Value::Bool(true)},
      {"ouvert", "false", Value::Bool(false)},
      {"ouvert", "yes", std::nullopt, "'ouvert': expected true or false", false},
      {"debut", "2020-11", Value::OfMonth(*Month::Parse("2020-11")), "", false},
  };
  for (const Case& c : cases) {
    internal::FactWriter plain(internal::Access::shared_program(testing::MemoryPack()));
    internal::FactWriter general(internal::Access::shared_program(testing::MemoryPack()));
    const internal::FoundFact fact = plain.Find(c.fact);
    ASSERT_GE(fact.fact, 0) << c.fact;
    const std::int32_t slot = plain.program().facts[fact.fact].slot;
    EXPECT_EQ(plain.SetPlain(fact.fact, c.text), c.plain) << c.fact << " " << c.text;
    const std::string problem = general.Set(fact.fact, internal::ValueText::Text(c.text), c.fact);
    const Value written = plain.Take()->scalars[slot];
    const Value read = general.Take()->scalars[slot];
    if (c.value) {
      EXPECT_EQ(problem, "") << c.fact << " " << c.text;
      EXPECT_EQ(read, *c.value) << c.fact << " " << c.text;
      EXPECT_EQ(written, c.plain ? *c.value : Value()) << c.fact << " " << c.text;
    } else {
      EXPECT_EQ(problem.substr(0, std::string_view(c.says).size()), c.says) << problem;
      EXPECT_TRUE(read.unknown() && written.unknown()) << c.fact << " " << c.text;
    }
  }
}

// A profile keeps its strings in a buffer of its own, then in blocks: every
// value stays where it was written while more are added.
TEST(JsonFastPaths, ProfileStringsStayWhereTheyWereWritten) {
  internal::StringStore store;
  std::vector<std::pair<std::string_view, std::string>> kept;
  for (int i = 0; i < 200; ++i) {
    const std::string text = i % 7 == 0   ? std::string(static_cast<std::size_t>(i), 'x') + std::to_string(i)
                             : i % 5 == 0 ? std::string()
                                          : std::to_string(i * 7919);
    kept.emplace_back(store.emplace_back(text), text);
  }
  for (const auto& [view, text] : kept) EXPECT_EQ(view, text);
  const std::string line =
      R"({"siren":"376301362","naf":"47.65Z","region":")" + std::string(300, 'r') + R"(","departement":"22"})";
  ProfileResult r = JsonLinesReader(Bench12()).ReadLine(line);
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  std::vector<std::string> texts;
  for (const internal::Value& v : internal::Access::data(*r.profile).scalars) {
    if (v.kind == internal::Value::Kind::kString) texts.emplace_back(v.text);
  }
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"22", "376301362", "47.65Z", std::string(300, 'r')}));
}

}  // namespace
}  // namespace relief
