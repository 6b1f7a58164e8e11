#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <set>

#include "core/suggest.hpp"
#include "core/text_safety.hpp"
#include "load/bounded_yaml.hpp"

namespace relief::load {

namespace {

// yaml-cpp's messages, said in terms of what the author should fix.
std::string ExplainYamlError(const std::string& message) {
  static const std::pair<const char*, const char*> kHints[] = {
      {"end of map not found", "a key is not indented like its neighbours, or a ':' is missing"},
      {"end of map flow not found", "a '{' is not closed by '}', or a ',' is missing between entries"},
      {"end of sequence flow not found", "a '[' is not closed by ']', or a ',' is missing between items"},
      {"end of sequence not found", "a '-' item is not indented like its neighbours"},
      {"unknown token", "a character such as '?', ':' or '#' needs the text around it to be quoted"},
      {"illegal map value", "a ':' inside a value: quote the value"},
  };
  for (const auto& [raw, hint] : kHints) {
    if (message == raw) return std::string(hint) + " (" + message + ")";
  }
  return message;
}

}  // namespace

namespace {

// Checks that apply to the text before YAML reads it.
bool CheckText(const SourceFile& file, DiagnosticSink& sink) {
  const std::string& text = file.text();
  std::size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    sink.Error({&file, bad}, "the file is not valid UTF-8 text (save it as UTF-8)");
    return false;
  }
  // YAML forbids tabs in indentation; yaml-cpp reports them far away.
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_start = i + 1;
    if (text[i] != '\t') continue;
    if (text.find_first_not_of(" \t", line_start) > i) {
      sink.Error({&file, i}, "YAML syntax error: tabs cannot indent YAML; use spaces");
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<YAML::Node> ParseYaml(const SourceFile& file, DiagnosticSink& sink) {
  try {
    if (!CheckText(file, sink)) return std::nullopt;
    BoundedYaml yaml = LoadBoundedYaml(file.text());
    if (yaml.problem.empty()) return std::move(yaml.root);
    sink.Error({&file, file.OffsetOf(yaml.where.line, yaml.where.column)},
               yaml.second_document ? yaml.problem : "YAML too large: " + yaml.problem);
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    // yaml-cpp marks are 0-based lines and columns.
    sink.Error({&file, file.OffsetOf(e.mark.line, e.mark.column)}, "YAML syntax error: " + ExplainYamlError(e.msg));
  }
  return std::nullopt;
}

SourceRef YamlReader::Ref(const YAML::Node& node) const {
  // An absent key has no mark (yaml-cpp throws); its absence is reported
  // by CheckMap at the enclosing mapping.
  if (!node.IsDefined()) return {&file_, 0};
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {&file_, 0};
  return {&file_, file_.OffsetOf(mark.line, mark.column)};
}

namespace {

std::string Keys(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (std::string_view k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

}  // namespace

bool YamlReader::CheckFreeMap(const YAML::Node& node, std::string_view what) {
  if (!node.IsMap()) {
    Error(node, fmt::format("{}: expected a mapping", what));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) {
      Error(entry.first, fmt::format("{}: expected a plain key", what));
      continue;
    }
    if (!seen.insert(entry.first.Scalar()).second) {
      Error(entry.first, fmt::format("{}: duplicate key '{}'", what, entry.first.Scalar()));
    }
  }
  return true;
}

bool YamlReader::CheckMap(const YAML::Node& node, std::string_view what,
                          std::initializer_list<std::string_view> allowed,
                          std::initializer_list<std::string_view> required) {
  if (!node.IsMap()) {
    Error(node, fmt::format("{}: expected a mapping with keys {}", what, Keys(allowed)));
    return false;
  }
  CheckFreeMap(node, what);
  std::vector<std::string> candidates(allowed.begin(), allowed.end());
  std::set<std::string> suggested;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string& key = entry.first.Scalar();
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) {
      std::string best = ClosestMatch(key, candidates);
      suggested.insert(best);
      Error(entry.first, fmt::format("{}: unknown key '{}'{}", what, key,
                                     best.empty() ? fmt::format("; expected one of {}", Keys(allowed))
                                                  : fmt::format("; did you mean '{}'?", best)));
    }
  }
  // A key missing because it was misspelt is reported once, as the typo.
  for (std::string_view r : required) {
    if (!node[std::string(r)].IsDefined() && !suggested.contains(std::string(r))) {
      Error(node, fmt::format("{}: missing key '{}'", what, r));
    }
  }
  return true;
}

bool YamlReader::CheckSequence(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) return true;
  Error(node, fmt::format("{}: expected a list", what));
  return false;
}

std::optional<YAML::Node> YamlReader::ScalarAt(const YAML::Node& map, const char* key, const char* expected) {
  const YAML::Node node = map[key];
  if (!node.IsDefined()) return std::nullopt;
  if (!node.IsScalar()) {
    Error(node, fmt::format("'{}': expected {}", key, expected));
    return std::nullopt;
  }
  return node;
}

std::optional<Text> YamlReader::ReadText(const YAML::Node& map, const char* key) {
  auto node = ScalarAt(map, key, "a text");
  return node ? std::optional<Text>(TextOf(*node)) : std::nullopt;
}

ExprSource YamlReader::ExprOf(const YAML::Node& scalar) const {
  ExprSource expr{scalar.Scalar(), Ref(scalar), true};
  const std::string& text = file_.text();
  std::size_t at = expr.ref.offset;
  if (at < text.size() && (text[at] == '"' || text[at] == '\'')) ++at;  // quoted scalar
  // Offsets map one to one only when the scalar is written verbatim on one
  // line (plain, or quoted without escapes); block scalars and folded or
  // escaped text fall back to the scalar's start.
  if (text.compare(at, expr.text.size(), expr.text) == 0 && expr.text.find('\n') == std::string::npos) {
    expr.ref.offset = at;
  } else {
    expr.offsets_exact = false;
  }
  return expr;
}

std::optional<ExprSource> YamlReader::ReadExpr(const YAML::Node& map, const char* key) {
  auto node = ScalarAt(map, key, "an expression");
  return node ? std::optional<ExprSource>(ExprOf(*node)) : std::nullopt;
}

std::vector<Text> YamlReader::ReadTextList(const YAML::Node& map, const char* key) {
  std::vector<Text> out;
  const YAML::Node node = map[key];
  if (!node.IsDefined()) return out;
  if (!CheckSequence(node, key)) return out;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      Error(item, fmt::format("'{}': expected a text", key));
      continue;
    }
    out.push_back(TextOf(item));
  }
  return out;
}

std::optional<TypeSpec> YamlReader::ReadType(const YAML::Node& map, const char* key) {
  auto text = ReadText(map, key);
  if (!text) return std::nullopt;
  TypeSpec spec;
  spec.ref = text->ref;
  std::string_view word = text->value;
  if (word.starts_with("monthly ")) {
    spec.series = internal::SeriesKind::kMonthly;
    word.remove_prefix(8);
  } else if (word.starts_with("yearly ")) {
    spec.series = internal::SeriesKind::kYearly;
    word.remove_prefix(7);
  }
  const auto base = internal::DeclarableBaseType(word);
  if (!base || (spec.series != internal::SeriesKind::kNone && *base == internal::BaseType::kRecord)) {
    const std::vector<std::string_view> names = internal::DeclarableBaseTypeNames();
    Error(text->ref,
          fmt::format("unknown type '{}'; expected one of {}, optionally preceded by 'monthly' or 'yearly'{}",
                      text->value, fmt::join(names, ", "),
                      DidYouMean(word, std::vector<std::string>(names.begin(), names.end()))));
    return std::nullopt;
  }
  spec.base = *base;
  return spec;
}

std::optional<Date> YamlReader::ReadDate(const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;  // reported as a missing key
  if (node.IsScalar()) {
    if (auto d = Date::Parse(node.Scalar())) return d;
  }
  Error(node, fmt::format("expected a date YYYY-MM-DD, found {}",
                          node.IsScalar() ? "'" + node.Scalar() + "'" : "a structure"));
  return std::nullopt;
}

std::optional<Month> YamlReader::ReadMonth(const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;  // reported as a missing key
  if (node.IsScalar()) {
    if (auto m = Month::Parse(node.Scalar())) return m;
  }
  Error(node,
        fmt::format("expected a month YYYY-MM, found {}", node.IsScalar() ? "'" + node.Scalar() + "'" : "a structure"));
  return std::nullopt;
}

}  // namespace relief::load
