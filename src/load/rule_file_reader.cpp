// Reads the five sections of a rule file (facts, lists, parameters, values,
// measures) into the PackAst, checking the shape of every entry.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <thread>

#include "core/parallel_for.hpp"
#include "core/result_names.hpp"
#include "core/text_safety.hpp"
#include "load/ast_cache.hpp"
#include "load/pack_loader.hpp"
#include "load/yaml_reader.hpp"
#include "relief/result.hpp"

namespace relief::load {
namespace {

// A declared name must be usable in an expression: ASCII letters, digits and
// '_', not starting with a digit, and not a keyword of the language. (A
// name such as "a b", "" or a Cyrillic look-alike "еffectif" could never be
// referred to, or would be confused with another one.)
bool IsIdentifier(std::string_view name) {
  static constexpr std::string_view kKeywords[] = {"and", "or", "not", "in", "if", "then", "else", "true", "false"};
  if (name.empty() || name.size() > 100 || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  for (std::string_view k : kKeywords) {
    if (name == k) return false;
  }
  return true;
}

class RuleFileReader {
 public:
  RuleFileReader(const SourceFile& file, PackAst& ast, DiagnosticSink& sink) : r_(file, sink), ast_(ast) {}

  void Read(const YAML::Node& root);

 private:
  std::optional<FactDecl> ReadFact(const std::string& name, const YAML::Node& key, const YAML::Node& node,
                                   bool is_field);
  void ReadIdentifies(const YAML::Node& node, const std::string& what, bool is_field, FactDecl& fact);
  void ReadFields(const YAML::Node& node, const std::string& what, FactDecl& fact);
  void ReadList(const std::string& name, const YAML::Node& key, const YAML::Node& node);
  void ReadParameter(const std::string& name, const YAML::Node& key, const YAML::Node& node);
  void ReadValue(const std::string& name, const YAML::Node& key, const YAML::Node& node);
  void ReadMeasure(const std::string& name, const YAML::Node& key, const YAML::Node& node);
  std::optional<VersionDecl> ReadVersion(const YAML::Node& node, const std::string& measure);
  bool ReadPeriod(const YAML::Node& node, const std::string& what, VersionDecl& v);
  std::optional<ConditionDecl> ReadCondition(const YAML::Node& node);
  std::optional<CaseDecl> ReadCase(const YAML::Node& node);
  std::vector<OpenPointDecl> ReadOpenPoints(const YAML::Node& map);
  void ReadEnumValues(const YAML::Node& node, FactDecl& fact);
  AmountDecl ReadAmount(const YAML::Node& node, const std::string& what);
  std::vector<ListItem> ReadItems(const YAML::Node& node, const std::string& what);

  Text TextOr(const YAML::Node& map, const char* key) { return r_.ReadText(map, key).value_or(Text{}); }
  // Declarations read so far: one more after a successful Read*.
  std::size_t Count() const {
    return ast_.facts.size() + ast_.lists.size() + ast_.parameters.size() + ast_.values.size();
  }

  YamlReader r_;
  PackAst& ast_;
};

void RuleFileReader::Read(const YAML::Node& root) {
  if (root.IsNull()) return;  // an empty file
  if (!r_.CheckMap(root, "rule file", {"facts", "lists", "parameters", "values", "measures"}, {})) return;
  for (const auto& section : root) {
    const std::string& kind = section.first.Scalar();
    const YAML::Node& entries = section.second;
    if (!r_.CheckFreeMap(entries, kind)) continue;
    std::set<std::string> seen;  // a duplicate key is reported once, by CheckFreeMap
    for (const auto& entry : entries) {
      const std::string name = entry.first.Scalar();
      if (!seen.insert(name).second) continue;
      if (!IsIdentifier(name)) {
        r_.Error(entry.first, fmt::format("{}: '{}' is not a valid name: use ASCII letters, digits and '_', not "
                                          "starting with a digit, at most 100 characters, and not a keyword "
                                          "(and, or, not, in, if, then, else, true, false)",
                                          kind, TerminalSafe(Clip(name, 100))));
        ast_.broken_names.push_back(name);
        continue;
      }
      const std::size_t before = Count();
      if (kind == "facts") {
        if (auto fact = ReadFact(name, entry.first, entry.second, false)) ast_.facts.push_back(std::move(*fact));
      } else if (kind == "lists") {
        ReadList(name, entry.first, entry.second);
      } else if (kind == "parameters") {
        ReadParameter(name, entry.first, entry.second);
      } else if (kind == "values") {
        ReadValue(name, entry.first, entry.second);
      } else if (kind == "measures") {
        ReadMeasure(name, entry.first, entry.second);
      }
      if (Count() == before && kind != "measures") ast_.broken_names.push_back(name);
    }
  }
}

std::optional<FactDecl> RuleFileReader::ReadFact(const std::string& name, const YAML::Node& key, const YAML::Node& node,
                                                 bool is_field) {
  const std::string what = fmt::format("{} '{}'", is_field ? "field" : "fact", name);
  // Every fact but a record is asked when missing, so it needs a question.
  const YAML::Node type_node = node.IsMap() ? node["type"] : YAML::Node();
  const bool is_record = type_node.IsDefined() && type_node.IsScalar() && type_node.Scalar() == "record";
  auto check = [&](std::initializer_list<std::string_view> required) {
    return r_.CheckMap(node, what,
                       {"type", "label", "question", "source", "min", "max", "values", "pattern", "default", "fields",
                        "identifies", "in_list"},
                       required);
  };
  if (!(is_record ? check({"type", "label"}) : check({"type", "label", "question"}))) return std::nullopt;
  FactDecl fact;
  fact.name = name;
  fact.ref = r_.Ref(key);
  auto type = r_.ReadType(node, "type");
  if (!type) return std::nullopt;
  fact.type = *type;
  fact.label = TextOr(node, "label");
  fact.question = TextOr(node, "question");
  fact.source = TextOr(node, "source");
  fact.min = r_.ReadExpr(node, "min");
  fact.max = r_.ReadExpr(node, "max");
  fact.pattern = r_.ReadText(node, "pattern");
  fact.in_list = r_.ReadText(node, "in_list");
  fact.default_value = r_.ReadExpr(node, "default");
  ReadEnumValues(node, fact);
  ReadIdentifies(node, what, is_field, fact);
  if (fact.type.base == internal::BaseType::kEnum && fact.enum_values.empty()) {
    r_.Error(type->ref, fmt::format("{}: an enum needs its 'values'", what));
  }
  if (fact.type.base != internal::BaseType::kEnum && node["values"].IsDefined()) {
    r_.Error(node["values"], fmt::format("{}: 'values' is only for enum facts", what));
  }
  ReadFields(node, what, fact);
  return fact;
}

// `identifies: true`: the fact (a top-level string) names the firm in results.
void RuleFileReader::ReadIdentifies(const YAML::Node& node, const std::string& what, bool is_field, FactDecl& fact) {
  auto identifies = r_.ReadText(node, "identifies");
  if (!identifies) return;
  if (identifies->value != "true" && identifies->value != "false") {
    r_.Error(identifies->ref, fmt::format("{}: 'identifies' is true or false", what));
  }
  fact.identifies = identifies->value == "true";
  const bool top_level_string =
      fact.type.base == internal::BaseType::kString && fact.type.series == internal::SeriesKind::kNone && !is_field;
  if (fact.identifies && !top_level_string) {
    r_.Error(identifies->ref, fmt::format("{}: only a top-level string fact can identify the firm", what));
  }
}

// A record's fields, each a fact of its own (records do not nest).
void RuleFileReader::ReadFields(const YAML::Node& node, const std::string& what, FactDecl& fact) {
  const YAML::Node fields = node["fields"];
  if (fact.type.base != internal::BaseType::kRecord) {
    if (fields.IsDefined()) r_.Error(fields, fmt::format("{}: 'fields' is only for record facts", what));
    return;
  }
  if (!fields.IsDefined()) {
    r_.Error(node, fmt::format("{}: a record needs its 'fields'", what));
    return;
  }
  if (!r_.CheckFreeMap(fields, what + " fields")) return;
  for (const auto& field : fields) {
    if (!IsIdentifier(field.first.Scalar())) {
      r_.Error(field.first, fmt::format("{}: '{}' is not a valid field name (ASCII letters, digits and '_')", what,
                                        TerminalSafe(Clip(field.first.Scalar(), 100))));
      continue;
    }
    if (auto f = ReadFact(field.first.Scalar(), field.first, field.second, true)) {
      if (f->type.base == internal::BaseType::kRecord) {
        r_.Error(f->type.ref, "records cannot be nested");
        continue;
      }
      fact.fields.push_back(std::move(*f));
    }
  }
}

std::vector<ListItem> RuleFileReader::ReadItems(const YAML::Node& node, const std::string& what) {
  std::vector<ListItem> items;
  if (!r_.CheckFreeMap(node, what)) return items;
  for (const auto& entry : node) {
    const std::string& code = entry.first.Scalar();
    if (entry.second.IsScalar()) {
      items.push_back({code, entry.second.Scalar(), r_.Ref(entry.first), std::nullopt});
    } else if (r_.CheckMap(entry.second, fmt::format("{} '{}'", what, code), {"label", "value"}, {"label", "value"})) {
      auto label = r_.ReadText(entry.second, "label");
      auto value = r_.ReadText(entry.second, "value");
      if (label && value) items.push_back({code, label->value, r_.Ref(entry.first), value->value});
    }
  }
  return items;
}

void RuleFileReader::ReadList(const std::string& name, const YAML::Node& key, const YAML::Node& node) {
  const std::string what = fmt::format("list '{}'", name);
  if (!r_.CheckMap(node, what, {"label", "source", "items", "possible"}, {"label", "source", "items"})) return;
  ListDecl list;
  list.name = name;
  list.ref = r_.Ref(key);
  list.label = TextOr(node, "label");
  list.source = TextOr(node, "source");
  if (node["items"].IsDefined()) list.items = ReadItems(node["items"], what + " items");
  if (node["possible"].IsDefined()) list.possible = ReadItems(node["possible"], what + " possible");
  ast_.lists.push_back(std::move(list));
}

void RuleFileReader::ReadParameter(const std::string& name, const YAML::Node& key, const YAML::Node& node) {
  const std::string what = fmt::format("parameter '{}'", name);
  if (!r_.CheckMap(node, what, {"type", "label", "values"}, {"type", "label", "values"})) return;
  ParamDecl param;
  param.name = name;
  param.ref = r_.Ref(key);
  auto type = r_.ReadType(node, "type");
  if (!type) return;
  param.type = *type;
  param.label = TextOr(node, "label");
  const YAML::Node values = node["values"];
  if (!values.IsDefined() || !r_.CheckFreeMap(values, what + " values")) return;
  for (const auto& entry : values) {
    auto from = r_.ReadDate(entry.first);
    if (!r_.CheckMap(entry.second, what + " value", {"value", "source"}, {"value", "source"}) || !from) continue;
    ParamValue v;
    v.from = *from;
    v.ref = r_.Ref(entry.first);
    if (auto e = r_.ReadExpr(entry.second, "value")) v.value = *e;
    v.source = TextOr(entry.second, "source");
    param.values.push_back(std::move(v));
  }
  std::sort(param.values.begin(), param.values.end(),
            [](const ParamValue& a, const ParamValue& b) { return a.from < b.from; });
  ast_.parameters.push_back(std::move(param));
}

void RuleFileReader::ReadValue(const std::string& name, const YAML::Node& key, const YAML::Node& node) {
  const std::string what = fmt::format("value '{}'", name);
  if (!r_.CheckMap(node, what, {"type", "label", "formula", "source"}, {"label", "formula"})) return;
  ValueDecl value;
  value.name = name;
  value.ref = r_.Ref(key);
  if (node["type"].IsDefined()) {
    value.type = r_.ReadType(node, "type");
    if (!value.type) return;
  }
  value.label = TextOr(node, "label");
  auto formula = r_.ReadExpr(node, "formula");
  if (!formula) return;
  value.formula = *formula;
  ast_.values.push_back(std::move(value));
}

AmountDecl RuleFileReader::ReadAmount(const YAML::Node& node, const std::string& what) {
  AmountDecl amount;
  amount.amount = r_.ReadExpr(node, "amount");
  const YAML::Node options = node["options"];
  if (!options.IsDefined()) return amount;
  if (amount.amount) r_.Error(options, fmt::format("{}: give either 'amount' or 'options', not both", what));
  if (!r_.CheckSequence(options, what + " options")) return amount;
  for (const YAML::Node& o : options) {
    if (!r_.CheckMap(o, "option of " + what, {"label", "amount", "source"}, {"label", "amount"})) continue;
    OptionDecl option;
    option.ref = r_.Ref(o);
    option.label = TextOr(o, "label");
    option.source = TextOr(o, "source");
    if (auto e = r_.ReadExpr(o, "amount")) option.amount = *e;
    amount.options.push_back(std::move(option));
  }
  return amount;
}

std::optional<VersionDecl> RuleFileReader::ReadVersion(const YAML::Node& node, const std::string& measure) {
  const std::string what = fmt::format("version of measure '{}'", measure);
  if (!r_.CheckMap(
          node, what,
          {"months", "dates", "label", "source", "deadline", "require", "cases", "amount", "options", "open_points"},
          {"source"}))
    return std::nullopt;
  VersionDecl v;
  v.ref = r_.Ref(node);
  if (!ReadPeriod(node, what, v)) return std::nullopt;
  v.label = TextOr(node, "label");
  v.source = TextOr(node, "source");
  if (node["deadline"].IsDefined()) v.deadline = r_.ReadDate(node["deadline"]);
  v.open_points = ReadOpenPoints(node);
  if (const YAML::Node require = node["require"]; require.IsDefined() && r_.CheckSequence(require, "require")) {
    for (const YAML::Node& c : require) {
      if (auto condition = ReadCondition(c)) v.require.push_back(std::move(*condition));
    }
  }
  if (const YAML::Node cases = node["cases"]; cases.IsDefined() && r_.CheckSequence(cases, "cases")) {
    for (const YAML::Node& c : cases) {
      if (auto kase = ReadCase(c)) v.cases.push_back(std::move(*kase));
    }
    if (node["amount"].IsDefined() || node["options"].IsDefined()) {
      r_.Error(node, fmt::format("{}: with 'cases', each case gives its amount", what));
    }
  } else {
    v.amount = ReadAmount(node, fmt::format("measure '{}'", measure));
  }
  return v;
}

// A version's period: `months` (one month, or from/to months) or `dates`
// (from/to dates, for a version that starts or ends within a month).
bool RuleFileReader::ReadPeriod(const YAML::Node& node, const std::string& what, VersionDecl& v) {
  const YAML::Node months = node["months"];
  const YAML::Node dates = node["dates"];
  if (months.IsDefined() == dates.IsDefined()) {
    r_.Error(node, fmt::format("{}: give its period as 'months' (YYYY-MM, or from/to months) or as 'dates' "
                               "(from/to dates, for a version that starts or ends within a month)",
                               what));
    return false;
  }
  if (dates.IsDefined()) {
    if (!r_.CheckMap(dates, "dates", {"from", "to"}, {"from", "to"})) return false;
    auto from = r_.ReadDate(dates["from"]);
    auto to = r_.ReadDate(dates["to"]);
    if (!from || !to) return false;
    if (*to < *from) {
      r_.Error(dates, "dates: 'to' comes before 'from'");
      return false;
    }
    v.from = *from;
    v.to = *to;
    v.whole_months = false;
    return true;
  }
  std::optional<Month> from, to;
  if (months.IsScalar()) {
    from = to = r_.ReadMonth(months);
  } else if (r_.CheckMap(months, "months (a month YYYY-MM, or from/to)", {"from", "to"}, {"from", "to"})) {
    from = r_.ReadMonth(months["from"]);
    to = r_.ReadMonth(months["to"]);
  }
  if (!from || !to) return false;
  if (*to < *from) {
    r_.Error(months, "months: 'to' comes before 'from'");
    return false;
  }
  v.from = from->FirstDay();
  v.to = to->LastDay();
  return true;
}

std::optional<ConditionDecl> RuleFileReader::ReadCondition(const YAML::Node& c) {
  if (!r_.CheckMap(c, "condition", {"label", "when", "source", "open_points"}, {"label", "when"})) return std::nullopt;
  ConditionDecl condition;
  condition.ref = r_.Ref(c);
  condition.label = TextOr(c, "label");
  condition.source = TextOr(c, "source");
  condition.open_points = ReadOpenPoints(c);
  auto e = r_.ReadExpr(c, "when");
  if (!e) return std::nullopt;
  condition.when = *e;
  return condition;
}

// An enum's values: a list of codes, or a mapping code → French label (the
// label is what explanations show).
void RuleFileReader::ReadEnumValues(const YAML::Node& node, FactDecl& fact) {
  const YAML::Node values = node["values"];
  if (!values.IsDefined() || !values.IsMap()) {
    fact.enum_values = r_.ReadTextList(node, "values");
    return;
  }
  r_.CheckFreeMap(values, "values");
  for (const auto& entry : values) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
      r_.Error(entry.first, "values: expected code: label, both texts");
      continue;
    }
    fact.enum_values.push_back(r_.TextOf(entry.first));
    fact.enum_labels.push_back(r_.TextOf(entry.second));
  }
}

// Each open point is a text, or {text, when} for one that concerns only
// the firms for which `when` may hold.
std::vector<OpenPointDecl> RuleFileReader::ReadOpenPoints(const YAML::Node& map) {
  std::vector<OpenPointDecl> out;
  const YAML::Node node = map["open_points"];
  if (!node.IsDefined() || !r_.CheckSequence(node, "open_points")) return out;
  for (const YAML::Node& item : node) {
    if (item.IsScalar()) {
      out.push_back({r_.TextOf(item), std::nullopt});
    } else if (!item.IsMap()) {
      r_.Error(item, "open point: expected a text, or a mapping with keys text and when");
    } else if (r_.CheckMap(item, "open point", {"text", "when"}, {"text", "when"})) {
      std::optional<Text> text = r_.ReadText(item, "text");
      std::optional<ExprSource> when = r_.ReadExpr(item, "when");
      if (text && when) out.push_back({*text, *when});
    }
  }
  return out;
}

std::optional<CaseDecl> RuleFileReader::ReadCase(const YAML::Node& c) {
  if (!r_.CheckMap(c, "case", {"id", "label", "when", "amount", "options", "source", "open_points"}, {"id", "label"}))
    return std::nullopt;
  CaseDecl kase;
  kase.ref = r_.Ref(c);
  kase.id = TextOr(c, "id").value;
  kase.label = TextOr(c, "label");
  kase.source = TextOr(c, "source");
  kase.open_points = ReadOpenPoints(c);
  kase.when = r_.ReadExpr(c, "when");
  kase.amount = ReadAmount(c, fmt::format("case '{}'", kase.id));
  return kase;
}

void RuleFileReader::ReadMeasure(const std::string& name, const YAML::Node& key, const YAML::Node& node) {
  const std::string what = fmt::format("measure '{}'", name);
  if (!r_.CheckMap(node, what,
                   {"title", "issuer", "kind", "per", "territory", "apply", "sources", "open_points", "versions"},
                   {"title", "issuer", "kind", "per", "territory", "apply", "sources", "versions"}))
    return;
  MeasureDecl m;
  m.id = name;
  m.ref = r_.Ref(key);
  m.title = TextOr(node, "title");
  m.issuer = TextOr(node, "issuer");
  m.kind = TextOr(node, "kind");
  m.per = TextOr(node, "per");
  m.apply = TextOr(node, "apply");
  m.sources = r_.ReadTextList(node, "sources");
  m.open_points = ReadOpenPoints(node);
  auto check_word = [&](const Text& t, bool known, const std::vector<std::string_view>& allowed, const char* key) {
    if (!t.value.empty() && !known) {
      r_.Error(t.ref,
               fmt::format("{}: unknown {} '{}'; expected one of {}", what, key, t.value, fmt::join(allowed, ", ")));
    }
  };
  check_word(m.kind, MeasureKindNamed(m.kind.value).has_value(), MeasureKindNames(), "kind");
  check_word(m.per, AmountPeriodNamed(m.per.value).has_value(), AmountPeriodNames(), "per");
  if (const YAML::Node territory = node["territory"]; territory.IsDefined()) {
    if (r_.CheckMap(territory, "territory", {"label", "when"}, {"label"})) {
      m.territory_label = TextOr(territory, "label");
      m.territory_when = r_.ReadExpr(territory, "when");
    }
  }
  if (const YAML::Node versions = node["versions"]; versions.IsDefined() && r_.CheckSequence(versions, "versions")) {
    for (const YAML::Node& v : versions) {
      if (auto version = ReadVersion(v, name)) m.versions.push_back(std::move(*version));
    }
    if (versions.size() == 0)
      r_.Error(versions, fmt::format("{}: 'versions' is empty; a measure needs at least one version", what));
  }
  ast_.measures.push_back(std::move(m));
}

}  // namespace

void ReadRuleFile(const SourceFile& file, PackAst& ast, DiagnosticSink& sink) {
  auto root = ParseYaml(file, sink);
  if (!root) return;
  RuleFileReader(file, ast, sink).Read(*root);
}

namespace {

template <class T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// What one file declares: from `cache` when it has it, else parsed and read
// (then kept in `cache` when it was read without any diagnostic).
void ReadOrFind(const SourceFile& file, PackAst& decls, DiagnosticSink& sink, const AstCache* cache) {
  const std::string key = cache != nullptr ? cache->KeyOf(file.text()) : std::string();
  if (cache != nullptr && cache->Lookup(key, file, decls)) return;
  auto root = ParseYaml(file, sink);
  if (!root) return;
  RuleFileReader(file, decls, sink).Read(*root);
  if (cache != nullptr && sink.size() == 0) cache->Store(key, decls, file);
}

}  // namespace

// YAML parsing is most of a pack's load (yaml-cpp's scanner: docs/performance.md),
// and each file reads alone: the files are read on every core, each into its
// own declarations and sink, which are then added in order.
void ReadRuleFiles(const std::vector<const SourceFile*>& files, PackAst& ast, DiagnosticSink& sink,
                   const AstCache* cache) {
  struct Read {
    PackAst decls;
    DiagnosticSink sink;
  };
  std::vector<Read> read(files.size());
  ParallelFor(files.size(), std::max(1u, std::thread::hardware_concurrency()),
              [&](std::size_t i) { ReadOrFind(*files[i], read[i].decls, read[i].sink, cache); });
  for (Read& r : read) {
    sink.Append(std::move(r.sink));
    Append(ast.facts, r.decls.facts);
    Append(ast.lists, r.decls.lists);
    Append(ast.parameters, r.decls.parameters);
    Append(ast.values, r.decls.values);
    Append(ast.measures, r.decls.measures);
    Append(ast.broken_names, r.decls.broken_names);
  }
}

}  // namespace relief::load
