#include "profile/profile_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "core/suggest.hpp"
#include "ir/value_format.hpp"
#include "load/yaml_reader.hpp"

namespace relief::internal {
namespace {

// Well-formed UTF-8 (lead byte, then the right number of continuation bytes).
bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 4;
    if (n == 4 || s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

class ProfileReader {
 public:
  ProfileReader(const Program& program, const SourceFile& file, DiagnosticSink& sink, ProfileData& out)
      : p_(program), r_(file, sink), sink_(sink), out_(out) {}

  void Read(const YAML::Node& root);

 private:
  void ReadFact(std::int32_t fact, const YAML::Node& node);
  std::optional<Value> ReadScalar(const FactInfo& fact, Type type, const YAML::Node& node, const std::string& name);
  bool InBounds(const FactInfo& fact, const Value& v, const YAML::Node& node, const std::string& name);

  const Program& p_;
  load::YamlReader r_;
  DiagnosticSink& sink_;
  ProfileData& out_;
};

void ProfileReader::Read(const YAML::Node& root) {
  if (root.IsNull()) return;  // an empty profile: everything is unknown
  if (!r_.CheckFreeMap(root, "profile")) return;
  std::vector<std::string> names;
  for (const auto& [name, _] : p_.fact_index) names.push_back(name);
  for (const auto& entry : root) {
    const std::string& name = entry.first.Scalar();
    auto it = p_.fact_index.find(name);
    if (it == p_.fact_index.end()) {
      r_.Error(entry.first, fmt::format("unknown field '{}'{}", name, DidYouMean(name, names)));
      continue;
    }
    ReadFact(it->second, entry.second);
  }
}

void ProfileReader::ReadFact(std::int32_t index, const YAML::Node& node) {
  const FactInfo& fact = p_.facts[index];
  if (node.IsNull()) return;  // written as unknown (~ or null)
  if (fact.type.base == BaseType::kRecord) {
    if (!r_.CheckFreeMap(node, "'" + fact.name + "'")) return;
    std::vector<std::string> names;
    for (std::int32_t f : fact.fields) names.push_back(p_.facts[f].name.substr(fact.name.size() + 1));
    for (const auto& entry : node) {
      const std::string& field = entry.first.Scalar();
      auto it = std::find(names.begin(), names.end(), field);
      if (it == names.end()) {
        r_.Error(entry.first, fmt::format("'{}' has no field '{}'{}", fact.name, field, DidYouMean(field, names)));
        continue;
      }
      ReadFact(fact.fields[it - names.begin()], entry.second);
    }
    return;
  }
  if (fact.type.is_series()) {
    const bool monthly = fact.type.series == SeriesKind::kMonthly;
    if (!node.IsMap()) {
      r_.Error(node, fmt::format("'{}': expected a mapping of {} to values, as {{\"{}\": …}}", fact.name,
                                 monthly ? "months" : "years", monthly ? "2020-11" : "2019"));
      return;
    }
    r_.CheckFreeMap(node, fact.name);
    std::map<std::int32_t, Value> elements;
    for (const auto& entry : node) {
      const std::string& key = entry.first.Scalar();
      std::optional<std::int32_t> period;
      if (monthly) {
        if (auto m = Month::Parse(key)) period = m->index();
      } else if (key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        period = std::stoi(key);
      }
      if (!period) {
        r_.Error(entry.first, fmt::format("'{}': expected a {} as key, found '{}'", fact.name,
                                          monthly ? "month YYYY-MM" : "year YYYY", key));
        continue;
      }
      if (entry.second.IsNull()) continue;
      std::string name = fact.name + "[" + key + "]";
      if (auto v = ReadScalar(fact, fact.type.element(), entry.second, name)) elements[*period] = *v;
    }
    if (elements.empty()) return;
    SeriesData& s = out_.series[fact.slot];
    s.first = elements.begin()->first;
    s.values.assign(static_cast<std::size_t>(elements.rbegin()->first - s.first + 1), Value{});
    for (const auto& [period, v] : elements) s.values[static_cast<std::size_t>(period - s.first)] = v;
    return;
  }
  if (auto v = ReadScalar(fact, fact.type, node, fact.name)) out_.scalars[fact.slot] = *v;
}

std::optional<Value> ProfileReader::ReadScalar(const FactInfo& fact, Type type, const YAML::Node& node,
                                               const std::string& name) {
  auto fail = [&](const std::string& expected) -> std::optional<Value> {
    r_.Error(node, fmt::format("'{}': expected {}, found {}", name, expected,
                               node.IsScalar() ? "'" + node.Scalar() + "'" : node.IsMap() ? "a mapping" : "a list"));
    return std::nullopt;
  };
  if (!node.IsScalar()) return fail(TypeName(type, p_.enums));
  std::string text = node.Scalar();
  std::optional<Value> v;
  switch (type.base) {
    case BaseType::kBoolean:
      // Only true and false: YAML 1.1's yes/no/on/off are too easy to mistype.
      if (text == "true" || text == "false") v = Value::Bool(text == "true");
      if (!v) return fail("true or false");
      break;
    case BaseType::kInteger:
      if (auto d = Decimal::Parse(text); d && d->is_integer()) v = Value::Number(*d);
      if (!v) return fail("an integer");
      break;
    case BaseType::kDecimal:
      if (auto d = Decimal::Parse(text)) v = Value::Number(*d);
      if (!v) return fail("a decimal number");
      break;
    case BaseType::kMoney: {
      std::string_view t = text;
      if (t.ends_with("\xE2\x82\xAC")) t.remove_suffix(3);  // "1500 €"
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      if (auto d = Decimal::Parse(t)) v = Value::Number(*d);
      if (!v) return fail("an amount in euros (1500 or \"1500.00\")");
      break;
    }
    case BaseType::kPercentage: {
      std::string_view t = text;
      bool percent = t.ends_with("%");
      if (percent) t.remove_suffix(1);
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      if (auto d = Decimal::Parse(t)) v = Value::Number(percent ? d->Div(100).value_or(Decimal()) : *d);
      if (!v) return fail("a percentage (\"60 %\" or 0.6)");
      break;
    }
    case BaseType::kDate:
      if (auto d = Date::Parse(text)) v = Value::OfDate(*d);
      if (!v && text.size() == 10 && text[4] == '-' && text[7] == '-') return fail("a date that exists in the calendar");
      if (!v) return fail("a date YYYY-MM-DD");
      break;
    case BaseType::kMonth:
      if (auto m = Month::Parse(text)) v = Value::OfMonth(*m);
      if (!v) return fail("a month YYYY-MM");
      break;
    case BaseType::kString:
      if (!IsValidUtf8(text)) return fail("text in UTF-8");
      if (fact.pattern && !fact.pattern->FullMatch(text)) {
        return fail(fmt::format("a value matching {}", fact.pattern->text()));
      }
      if (fact.in_list >= 0) {
        const ListInfo& list = p_.lists[fact.in_list];
        if (list.items.find(text) == list.items.end()) {
          std::vector<std::string> codes;
          for (const auto& [code, _] : list.items) codes.push_back(code);
          r_.Error(node, fmt::format("'{}': '{}' is not in the list « {} »{}", name, text, list.label, DidYouMean(text, codes)));
          return std::nullopt;
        }
      }
      v = Value::String(out_.strings.emplace_back(text));
      break;
    case BaseType::kEnum: {
      const auto& values = p_.enums[type.id];
      auto it = std::find(values.begin(), values.end(), text);
      if (it == values.end()) {
        r_.Error(node, fmt::format("'{}': '{}' is not one of {}{}", name, text, fmt::join(values, ", "),
                                   DidYouMean(text, values)));
        return std::nullopt;
      }
      v = Value::Enum(static_cast<std::int32_t>(it - values.begin()));
      break;
    }
    default:
      return fail(TypeName(type, p_.enums));
  }
  if (!InBounds(fact, *v, node, name)) return std::nullopt;
  return v;
}

bool ProfileReader::InBounds(const FactInfo& fact, const Value& v, const YAML::Node& node, const std::string& name) {
  for (const auto& [bound, is_min] : {std::pair{&fact.min, true}, std::pair{&fact.max, false}}) {
    if (!*bound) continue;
    const Value& b = **bound;
    bool outside = v.kind == Value::Kind::kNumber ? (is_min ? v.number < b.number : b.number < v.number)
                                                  : (is_min ? v.integer < b.integer : b.integer < v.integer);
    if (outside) {
      r_.Error(node, fmt::format("'{}': {} is {} {}", name, FormatValue(p_, v, fact.type.element()),
                                 is_min ? "below the minimum" : "above the maximum",
                                 FormatValue(p_, b, fact.type.element())));
      return false;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<ProfileData> ReadProfileNode(std::shared_ptr<const Program> program, const SourceFile& file,
                                             const YAML::Node& root, DiagnosticSink& sink) {
  auto data = std::make_shared<ProfileData>();
  data->scalars.assign(static_cast<std::size_t>(program->scalar_slots), Value{});
  data->series.assign(static_cast<std::size_t>(program->series_slots), SeriesData{});
  const std::size_t errors_before = sink.error_count();
  ProfileReader(*program, file, sink, *data).Read(root);
  if (sink.error_count() != errors_before) return nullptr;
  data->program = std::move(program);
  return data;
}

std::shared_ptr<ProfileData> ReadProfile(std::shared_ptr<const Program> program, const SourceFile& file,
                                         DiagnosticSink& sink) {
  auto root = load::ParseYaml(file, sink);
  if (!root) return nullptr;
  return ReadProfileNode(std::move(program), file, *root, sink);
}

}  // namespace relief::internal
