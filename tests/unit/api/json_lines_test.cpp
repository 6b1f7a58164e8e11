// JsonLinesReader reads a JSON line as RulePack::ReadProfile reads the same
// profile: the same values (so the same evaluation), the same messages for
// a bad value, located at the line and the field's column.
#include "relief/json_lines.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <regex>

#include "relief/batch_evaluator.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

using testing::BundledPack;
using testing::ExampleProfiles;

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A YAML profile as one JSON line: a plain scalar that reads as a JSON
// number or boolean is written bare, every other scalar as a string.
std::string ToJson(const YAML::Node& node) {
  static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?)");
  if (node.IsNull()) return "null";
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    const bool plain = node.Tag() == "?";
    if (plain && (s == "true" || s == "false" || std::regex_match(s, kNumber))) return s;
    return Quote(s);
  }
  std::string out = node.IsMap() ? "{" : "[";
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (out.size() > 1) out += ", ";
    out += node.IsMap() ? Quote(it->first.Scalar()) + ": " + ToJson(it->second) : ToJson(*it);
  }
  return out + (node.IsMap() ? "}" : "]");
}

std::vector<std::vector<MeasureOutcome>> Outcomes(const RulePack& pack, const Profile& profile) {
  BatchEvaluator batch(pack);
  std::vector<std::vector<MeasureOutcome>> all;
  for (const char* date : {"2020-03-15", "2020-11-15", "2020-12-15", "2021-02-15", "2021-06-15"}) {
    batch.Evaluate(profile, *Date::Parse(date), all.emplace_back());
  }
  return all;
}

TEST(JsonLines, ExampleFirmsReadAsTheirYaml) {
  const RulePack pack = BundledPack();
  JsonLinesReader reader(pack);
  int compared = 0;
  for (const std::string& yaml : ExampleProfiles()) {
    const std::string json = ToJson(YAML::Load(yaml));
    ASSERT_EQ(json.find('\n'), std::string::npos);
    ProfileResult from_yaml = pack.ReadProfile(yaml, "example.yaml");
    ProfileResult from_json = reader.ReadLine(json, 1, "examples.jsonl");
    ProfileResult json_as_yaml = pack.ReadProfile(json, "example.json");
    ASSERT_TRUE(from_yaml.ok()) << FormatDiagnostics(from_yaml.diagnostics);
    ASSERT_TRUE(from_json.ok()) << json << "\n" << FormatDiagnostics(from_json.diagnostics);
    ASSERT_TRUE(json_as_yaml.ok()) << FormatDiagnostics(json_as_yaml.diagnostics);
    EXPECT_EQ(Outcomes(pack, *from_json.profile), Outcomes(pack, *from_yaml.profile)) << json;
    EXPECT_EQ(Outcomes(pack, *from_json.profile), Outcomes(pack, *json_as_yaml.profile)) << json;
    ++compared;
  }
  EXPECT_GE(compared, 8);
}

std::vector<std::string> Messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.message);
  std::sort(out.begin(), out.end());
  return out;
}

// Bad values and shapes: the messages ReadProfile gives for the same line,
// at the same column.
TEST(JsonLines, BadLinesAreSaidAsReadProfileSaysThem) {
  const RulePack pack = BundledPack();
  JsonLinesReader reader(pack);
  const char* kLines[] = {
      R"({"effectif": 1.5})",
      R"({"effectif": "douze"})",
      R"({"loyer_mensuel_ht": "1,500"})",
      R"({"loyer_mensuel_ht": 4200.999})",
      R"({"loyer_mensuel_ht": -3})",
      R"({"effectif": 3, "effectf": 4})",
      R"({"forme": "sarll"})",
      R"({"naf": "99.99Z"})",
      R"({"siren": "12345"})",
      R"({"date_creation": "2021-02-30"})",
      R"({"independante": "oui"})",
      R"({"ca_mensuel": 42})",
      R"({"ca_mensuel": {"2020-13": 1}})",
      R"({"ca_mensuel": {"2020-11": [1, 2]}})",
      R"({"ca_annuel": {"19": 1}})",
      R"({"effectif": {"a": 1}})",
      R"({"effectif": 3, "effectif": 4})",
      R"({"embauche": 3})",
      R"({"embauche": {"dat": "2021-01-04"}})",
      R"({"embauche": {"date": "2021-13-04"}})",
      R"({"embauche": {"date": {"x": 1}}})",
      R"([1, 2])",
      R"("texte")",
  };
  for (const char* line : kLines) {
    ProfileResult yaml = pack.ReadProfile(line, "p.jsonl");
    ProfileResult json = reader.ReadLine(line, 1, "p.jsonl");
    ASSERT_FALSE(yaml.ok()) << line;
    ASSERT_FALSE(json.ok()) << line;
    EXPECT_EQ(Messages(json.diagnostics), Messages(yaml.diagnostics)) << line;
    EXPECT_EQ(json.diagnostics[0].location.column, yaml.diagnostics[0].location.column) << line;
    EXPECT_EQ(json.diagnostics[0].source_line, line);
  }
}

TEST(JsonLines, ABufferIsReadLineByLineAndBadLinesAreLocated) {
  const RulePack pack = BundledPack();
  JsonLinesReader reader(pack);
  const std::string text =
      "{\"effectif\": 3}\n"
      "\n"
      "{\"effectif\": 3, \"forme\": \"sarll\"}\r\n"
      "   \n"
      "{\"effectif\": null, \"forme\": \"sarl\"}\n"
      "{\"effectif\": 3\n"
      "null";
  JsonLinesResult r = reader.Read(text, "firms.jsonl");
  EXPECT_EQ(r.bad_lines, 2);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.lines, (std::vector<int>{1, 5, 7}));
  ASSERT_EQ(r.profiles.size(), 3u);
  ASSERT_EQ(r.diagnostics.size(), 2u) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].location.file, "firms.jsonl");
  EXPECT_EQ(r.diagnostics[0].location.line, 3);
  EXPECT_EQ(r.diagnostics[0].location.column, 26);  // the opening quote of "sarll"
  EXPECT_NE(r.diagnostics[0].message.find("'forme': 'sarll' is not one of"), std::string::npos);
  EXPECT_EQ(r.diagnostics[1].location.line, 6);
  EXPECT_NE(r.diagnostics[1].message.find("JSON syntax error"), std::string::npos) << r.diagnostics[1].message;
}

// Hostile lines end in an error, never in a crash or a silent profile.
TEST(JsonLines, HostileLinesAreRefused) {
  const RulePack pack = BundledPack();
  JsonLinesReader reader(pack);
  auto refused = [&](const std::string& line, const std::string& says) {
    ProfileResult r = reader.ReadLine(line);
    ASSERT_FALSE(r.ok()) << line.substr(0, 80);
    EXPECT_NE(r.diagnostics.at(0).message.find(says), std::string::npos) << r.diagnostics[0].message;
  };
  refused("{\"effectif\": " + std::string(100000, '[') + std::string(100000, ']') + "}", "");
  refused("{\"nom\": " + std::string(200000, '{'), "JSON syntax error");
  refused("{\"siren\": \"" + std::string(2 << 20, '1') + "\"}", "JSON too large");
  refused("{\"forme\": \"\xC3\x28\"}", "not valid UTF-8");
  refused("{\"effectif\": 3} {\"effectif\": 4}", "more than one value");
  refused("{\"effectif\": 3,}", "JSON syntax error");
  refused("{\"effectif\": 99999999999999999999999999999999999999999}", "'effectif'");
  refused(std::string(5 << 20, ' ') + "{}", "a line of");
  std::string many = "{";
  for (int i = 0; i < 20000; ++i) many += "\"k" + std::to_string(i) + "\": 1,";
  many.back() = '}';
  ProfileResult r = reader.ReadLine(many);
  EXPECT_FALSE(r.ok());
  EXPECT_LE(r.diagnostics.size(), 1001u);  // bounded, with a count of the ones left out
}

TEST(JsonLines, AReaderGoesOnAfterABadLine) {
  const RulePack pack = BundledPack();
  JsonLinesReader reader(pack);
  EXPECT_FALSE(reader.ReadLine(R"({"effectif": 3, "forme": "sarll"})").ok());
  ProfileResult good = reader.ReadLine(R"({"forme": "sarl"})");
  ASSERT_TRUE(good.ok());
  ProfileResult fresh = pack.ReadProfile(R"({"forme": "sarl"})");
  EXPECT_EQ(Outcomes(pack, *good.profile), Outcomes(pack, *fresh.profile));  // effectif 3 was not kept
}

// A reader kept for a pack (relief batch keeps one per thread) is known by
// the pack's rules: a pack loaded later at the same address is not its own.
TEST(JsonLines, AReaderKnowsItsPackByItsRulesNotItsAddress) {
  std::optional<RulePack> pack(BundledPack());
  JsonLinesReader reader(*pack);
  EXPECT_TRUE(reader.ReadsFor(*pack));
  const RulePack copy = *pack;  // shares the rules
  EXPECT_TRUE(reader.ReadsFor(copy));
  const RulePack* const address = &*pack;
  pack.emplace(BundledPack());  // the same rules, loaded again at the same address
  ASSERT_EQ(&*pack, address);
  EXPECT_FALSE(reader.ReadsFor(*pack));
  EXPECT_TRUE(JsonLinesReader(*pack).ReadsFor(*pack));
}

}  // namespace
}  // namespace relief
