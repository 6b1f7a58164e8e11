// Name resolution and type checking.
//
// Declarations are entered first (facts, lists, parameters, values), so that
// expressions may refer to names declared in any file. Values are checked on
// first use, which finds their types in dependency order and detects cycles.
#include "check/checker.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "check/checked_expr.hpp"
#include "compile/lowering.hpp"
#include "core/suggest.hpp"
#include "expr/parser.hpp"

namespace relief::internal {
namespace {

using expr::Node;
using expr::NodeId;
using expr::Op;

struct FunctionSpec {
  const char* name;
  Function function;
  int min_args, max_args;
};
constexpr FunctionSpec kFunctions[] = {
    {"min", Function::kMin, 2, 16},         {"max", Function::kMax, 2, 16},
    {"abs", Function::kAbs, 1, 1},          {"round", Function::kRound, 1, 1},
    {"floor", Function::kFloor, 1, 1},      {"ceil", Function::kCeil, 1, 1},
    {"starts_with", Function::kStartsWith, 2, 2},
    {"add_days", Function::kAddDays, 2, 2}, {"add_months", Function::kAddMonths, 2, 2},
    {"days_between", Function::kDaysBetween, 2, 2},
    {"month_of", Function::kMonthOf, 1, 1}, {"year_of", Function::kYearOf, 1, 1},
    {"first_day", Function::kFirstDay, 1, 1}, {"last_day", Function::kLastDay, 1, 1},
    {"days_in_month", Function::kDaysInMonth, 1, 1},
    {"sum", Function::kSum, 3, 3},          {"average", Function::kAverage, 3, 3},
    {"value_at", Function::kValueAt, 2, 2}, {"add_years", Function::kAddYears, 2, 2},
    {"lookup", Function::kLookup, 2, 2},
};

// "an integer", "a monthly money".
std::string WithArticle(const std::string& noun) {
  return (std::string("aeiou").find(noun.front()) != std::string::npos ? "an " : "a ") + noun;
}

const char* kBuiltinMonth = "mois";
const char* kBuiltinDate = "date_evaluation";

class Checker {
 public:
  Checker(const load::PackAst& ast, DiagnosticSink& sink) : ast_(ast), sink_(sink), p_(std::make_unique<Program>()) {}

  std::unique_ptr<Program> Run();

 private:
  enum class State : std::uint8_t { kUnchecked, kChecking, kDone };
  struct Symbol {
    Resolution::Kind kind;
    std::int32_t index;
    SourceRef ref;
  };

  // Declarations.
  void DeclareFacts();
  std::int32_t DeclareFact(const load::FactDecl& decl, const std::string& name, std::int32_t record);
  void DeclareLists();
  void DeclareParameters();
  void DeclareValues();
  void ResolveFactLists();
  bool Define(const std::string& name, Symbol symbol);
  Type TypeOf(const load::TypeSpec& spec, std::int32_t enum_id, std::int32_t record);

  // Expressions.
  std::optional<CheckedExpr> Parse(const load::ExprSource& source);
  // Parses, checks against `expected` (a description for messages) and
  // lowers; kNoInstr on error.
  InstrId Compile(const load::ExprSource& source, std::optional<Type> expected, const char* what);
  Type Check(CheckedExpr& c, NodeId id, std::optional<Type> hint);
  Type CheckName(CheckedExpr& c, NodeId id);
  Type CheckCall(CheckedExpr& c, NodeId id);
  // The argument `arg` must name a declaration of `kind`; its type, or
  // nullopt once reported.
  std::optional<Type> NamedArgument(CheckedExpr& c, NodeId arg, Resolution::Kind kind, const std::string& message);
  Type CheckIn(CheckedExpr& c, NodeId id);
  Type CheckValue(std::int32_t index, SourceRef from);
  void CheckFactDefault(std::int32_t fact, SourceRef from);
  Type Fail(const CheckedExpr& c, NodeId id, std::string message);
  std::string Name(Type t) const { return TypeName(t, p_->enums); }
  std::optional<Value> Literal(const load::ExprSource& source, Type type, const char* what);

  // Measures.
  void CompileMeasures();
  AmountPlan CompileAmount(const load::AmountDecl& decl);

  void WarnUnused();

  const load::PackAst& ast_;
  DiagnosticSink& sink_;
  std::unique_ptr<Program> p_;
  std::map<std::string, Symbol> symbols_;
  std::vector<const load::ExprSource*> current_sources_;  // by CheckedExpr::info
  std::vector<State> value_state_;
  std::vector<State> default_state_;
  std::vector<const load::ValueDecl*> value_decls_;
  std::vector<const load::FactDecl*> fact_decls_;  // by fact index
  std::vector<SourceRef> fact_refs_;
  std::vector<bool> used_facts_, used_lists_, used_params_, used_values_;
  std::vector<std::string> value_stack_;  // for cycle messages
  const load::ExprSource* source_ = nullptr;  // the expression being checked
};

std::unique_ptr<Program> Checker::Run() {
  DeclareFacts();
  DeclareLists();
  DeclareParameters();
  DeclareValues();
  ResolveFactLists();
  // Names whose declaration failed resolve silently: their error is enough.
  for (const std::string& name : ast_.broken_names) symbols_.emplace(name, Symbol{Resolution::Kind::kNone, -1, {}});
  for (std::size_t i = 0; i < p_->facts.size(); ++i) CheckFactDefault(static_cast<std::int32_t>(i), {});
  for (std::size_t i = 0; i < p_->values.size(); ++i) CheckValue(static_cast<std::int32_t>(i), {});
  CompileMeasures();
  // Usage is only meaningful when every expression could be checked.
  if (!sink_.has_errors()) WarnUnused();
  return std::move(p_);
}

bool Checker::Define(const std::string& name, Symbol symbol) {
  if (name == kBuiltinMonth || name == kBuiltinDate) {
    sink_.Error(symbol.ref, fmt::format("'{}' is a built-in name (the evaluated period)", name));
    return false;
  }
  for (const FunctionSpec& f : kFunctions) {
    if (name == f.name) {
      sink_.Error(symbol.ref, fmt::format("'{}' is the name of a built-in function", name));
      return false;
    }
  }
  auto [it, inserted] = symbols_.emplace(name, symbol);
  if (!inserted) {
    SourceLocation first = it->second.ref.file ? it->second.ref.file->Locate(it->second.ref.offset) : SourceLocation{};
    sink_.Error(symbol.ref, fmt::format("'{}' is already defined at {}:{}:{}", name, first.file, first.line, first.column));
    return false;
  }
  return true;
}

Type Checker::TypeOf(const load::TypeSpec& spec, std::int32_t enum_id, std::int32_t record) {
  static const std::map<std::string, BaseType> kBases = {
      {"boolean", BaseType::kBoolean}, {"integer", BaseType::kInteger}, {"decimal", BaseType::kDecimal},
      {"percentage", BaseType::kPercentage}, {"money", BaseType::kMoney}, {"date", BaseType::kDate},
      {"month", BaseType::kMonth}, {"string", BaseType::kString}, {"enum", BaseType::kEnum},
      {"record", BaseType::kRecord}};
  Type t;
  t.base = kBases.at(spec.base);
  t.series = spec.series == load::TypeSpec::Series::kMonthly  ? SeriesKind::kMonthly
             : spec.series == load::TypeSpec::Series::kYearly ? SeriesKind::kYearly
                                                              : SeriesKind::kNone;
  if (t.base == BaseType::kEnum) t.id = enum_id;
  if (t.base == BaseType::kRecord) t.id = record;
  return t;
}

std::int32_t Checker::DeclareFact(const load::FactDecl& decl, const std::string& name, std::int32_t record) {
  FactInfo f;
  f.name = name;
  f.label = decl.label.value;
  f.question = decl.question.value;
  f.source = decl.source.value;
  f.record = record;
  f.identifies = decl.identifies;
  std::int32_t enum_id = -1;
  if (decl.type.base == "enum") {
    std::vector<std::string> values;
    std::set<std::string> seen;
    for (const load::Text& v : decl.enum_values) {
      if (!seen.insert(v.value).second) sink_.Error(v.ref, fmt::format("duplicate enum value '{}'", v.value));
      values.push_back(v.value);
    }
    p_->enums.push_back(std::move(values));
    enum_id = static_cast<std::int32_t>(p_->enums.size() - 1);
  }
  const auto index = static_cast<std::int32_t>(p_->facts.size());
  f.type = TypeOf(decl.type, enum_id, index);
  if (f.type.base != BaseType::kRecord) {
    f.slot = f.type.is_series() ? p_->series_slots++ : p_->scalar_slots++;
  }
  if (decl.pattern) {
    if (f.type.base != BaseType::kString) {
      sink_.Error(decl.pattern->ref, "'pattern' is only for string facts");
    } else {
      try {
        f.pattern.emplace(decl.pattern->value, std::regex::ECMAScript);
        f.pattern_text = decl.pattern->value;
      } catch (const std::regex_error& e) {
        sink_.Error(decl.pattern->ref, fmt::format("invalid pattern: {}", e.what()));
      }
    }
  }
  p_->facts.push_back(std::move(f));
  fact_decls_.push_back(&decl);
  fact_refs_.push_back(decl.ref);
  for (auto [bound, slot] : {std::pair{&decl.min, &FactInfo::min}, std::pair{&decl.max, &FactInfo::max}}) {
    if (*bound) p_->facts[index].*slot = Literal(**bound, p_->facts[index].type.element(), "bound");
  }
  for (const load::FactDecl& field : decl.fields) {
    std::int32_t fi = DeclareFact(field, name + "." + field.name, index);
    p_->facts[index].fields.push_back(fi);
  }
  return index;
}

void Checker::DeclareFacts() {
  for (const load::FactDecl& decl : ast_.facts) {
    if (!Define(decl.name, {Resolution::Kind::kFact, static_cast<std::int32_t>(p_->facts.size()), decl.ref})) continue;
    std::int32_t index = DeclareFact(decl, decl.name, -1);
    p_->fact_index[decl.name] = index;
  }
  default_state_.assign(p_->facts.size(), State::kUnchecked);
  used_facts_.assign(p_->facts.size(), false);
}

// A fact declared `in_list: L` only takes codes of L (checked when a
// profile is read).
void Checker::ResolveFactLists() {
  for (std::size_t i = 0; i < p_->facts.size(); ++i) {
    const load::FactDecl* decl = fact_decls_[i];
    if (!decl->in_list) continue;
    auto it = symbols_.find(decl->in_list->value);
    if (it == symbols_.end() || it->second.kind != Resolution::Kind::kList) {
      std::vector<std::string> lists;
      for (const ListInfo& l : p_->lists) lists.push_back(l.name);
      sink_.Error(decl->in_list->ref, fmt::format("in_list: '{}' is not a list{}", decl->in_list->value,
                                                  DidYouMean(decl->in_list->value, lists)));
    } else if (p_->facts[i].type.element().base != BaseType::kString) {
      sink_.Error(decl->in_list->ref, "in_list is only for string facts");
    } else {
      p_->facts[i].in_list = it->second.index;
      used_lists_[it->second.index] = true;
    }
  }
}

void Checker::DeclareLists() {
  for (const load::ListDecl& decl : ast_.lists) {
    if (!Define(decl.name, {Resolution::Kind::kList, static_cast<std::int32_t>(p_->lists.size()), decl.ref})) continue;
    ListInfo list{decl.name, decl.label.value, decl.source.value, {}, true};
    std::size_t with_values = 0;
    for (const auto* items : {&decl.items, &decl.possible}) {
      for (const load::ListItem& item : *items) {
        with_values += item.value.has_value();
        if (!list.items.emplace(item.code, ListItemInfo{items == &decl.possible, item.value.value_or("")}).second) {
          sink_.Error(item.ref, fmt::format("list '{}': '{}' is listed twice", decl.name, item.code));
        }
      }
    }
    list.has_values = with_values == decl.items.size() + decl.possible.size();
    if (with_values != 0 && !list.has_values) {
      sink_.Error(decl.ref, fmt::format("list '{}': either every item has a value (a table for lookup()) or none", decl.name));
    }
    p_->lists.push_back(std::move(list));
  }
  used_lists_.assign(p_->lists.size(), false);
}

void Checker::DeclareParameters() {
  for (const load::ParamDecl& decl : ast_.parameters) {
    if (!Define(decl.name, {Resolution::Kind::kParameter, static_cast<std::int32_t>(p_->parameters.size()), decl.ref}))
      continue;
    ParamInfo param{decl.name, decl.label.value, TypeOf(decl.type, -1, -1), {}, {}};
    if (param.type.is_series() || param.type.base == BaseType::kEnum || param.type.base == BaseType::kRecord) {
      sink_.Error(decl.type.ref, "a parameter is a number, money, percentage, date, month, string or boolean");
    }
    for (const load::ParamValue& v : decl.values) {
      if (auto value = Literal(v.value, param.type, "parameter value")) {
        param.values.emplace_back(v.from, *value);
        param.sources.push_back(v.source.value);
      }
    }
    p_->parameters.push_back(std::move(param));
  }
  used_params_.assign(p_->parameters.size(), false);
}

void Checker::DeclareValues() {
  for (const load::ValueDecl& decl : ast_.values) {
    if (!Define(decl.name, {Resolution::Kind::kValue, static_cast<std::int32_t>(p_->values.size()), decl.ref})) continue;
    ValueInfo v;
    v.name = decl.name;
    v.label = decl.label.value;
    if (decl.type) v.type = TypeOf(*decl.type, -1, -1);
    p_->values.push_back(std::move(v));
    value_decls_.push_back(&decl);
  }
  value_state_.assign(p_->values.size(), State::kUnchecked);
  used_values_.assign(p_->values.size(), false);
}

std::optional<Value> Checker::Literal(const load::ExprSource& source, Type type, const char* what) {
  auto parsed = Parse(source);
  if (!parsed) return std::nullopt;
  auto value = LiteralValue(parsed->tree, parsed->tree.root);
  const Node& root = parsed->tree[parsed->tree.root];
  bool ok = value.has_value();
  if (ok) {
    switch (type.base) {
      case BaseType::kMoney:  // a bound or value of a money fact is in euros, '€' or not
        ok = root.op == Op::kMoney || root.op == Op::kNumber || root.op == Op::kNeg;
        break;
      case BaseType::kPercentage: ok = root.op == Op::kPercent || root.op == Op::kNumber; break;
      case BaseType::kInteger: ok = root.op == Op::kNumber && value->number.is_integer(); break;
      case BaseType::kDecimal: ok = root.op == Op::kNumber; break;
      case BaseType::kDate: ok = root.op == Op::kDate; break;
      case BaseType::kMonth: ok = root.op == Op::kMonth; break;
      case BaseType::kBoolean: ok = root.op == Op::kBool; break;
      case BaseType::kString: ok = root.op == Op::kString; break;
      default: ok = false;
    }
  }
  if (!ok) {
    sink_.Error(source.ref, fmt::format("{}: expected a literal {}, found '{}'", what, Name(type), source.text));
    return std::nullopt;
  }
  if (value->kind == Value::Kind::kString) value->text = p_->Intern(std::string(value->text));
  return value;
}

std::optional<CheckedExpr> Checker::Parse(const load::ExprSource& source) {
  expr::ParseResult parsed = expr::Parse(source.text);
  if (!parsed.tree) {
    std::string message = parsed.error->message;
    if (!source.offsets_exact) message += fmt::format(" (at column {} of the expression)", parsed.error->offset + 1);
    sink_.Error(source.At(parsed.error->offset), message);
    return std::nullopt;
  }
  CheckedExpr c;
  c.tree = std::move(*parsed.tree);
  c.types.assign(c.tree.nodes.size(), Type{});
  c.resolutions.assign(c.tree.nodes.size(), Resolution{});
  ExprInfo info;
  info.text = source.text;
  if (source.ref.file) info.location = source.ref.file->Locate(source.ref.offset);
  info.offsets_exact = source.offsets_exact;
  p_->exprs.push_back(std::move(info));
  c.info = static_cast<std::uint32_t>(p_->exprs.size() - 1);
  return c;
}

Type Checker::Fail(const CheckedExpr& c, NodeId id, std::string message) {
  std::uint32_t offset = c.tree[id].span.begin;
  if (!source_->offsets_exact) message += fmt::format(" (at column {} of the expression)", offset + 1);
  sink_.Error(source_->At(offset), std::move(message));
  return Type{};
}

InstrId Checker::Compile(const load::ExprSource& source, std::optional<Type> expected, const char* what) {
  auto parsed = Parse(source);
  if (!parsed) return kNoInstr;
  const load::ExprSource* saved = source_;
  source_ = &source;
  std::size_t errors_before = sink_.size();
  Type t = Check(*parsed, parsed->tree.root, expected);
  source_ = saved;
  if (t.is_error()) return kNoInstr;
  if (expected) {
    bool ok = t == *expected || (expected->is_dimensionless() && t.is_dimensionless()) ||
              (expected->base == BaseType::kDecimal && t.is_dimensionless());
    if (!ok) {
      const load::ExprSource* s = source_;
      source_ = &source;
      Fail(*parsed, parsed->tree.root, fmt::format("{}: expected {}, found {}", what, Name(*expected), Name(t)));
      source_ = s;
      return kNoInstr;
    }
  }
  if (sink_.size() != errors_before && sink_.has_errors()) return kNoInstr;
  return Lower(*parsed, *p_);
}

void Checker::CheckFactDefault(std::int32_t fact, SourceRef from) {
  const load::FactDecl* decl = fact_decls_[fact];
  if (!decl->default_value) {
    default_state_[fact] = State::kDone;
    return;
  }
  if (default_state_[fact] == State::kDone) return;
  if (default_state_[fact] == State::kChecking) {
    value_stack_.push_back(p_->facts[fact].name);
    sink_.Error(from, fmt::format("cycle among fact defaults and values: {}", fmt::join(value_stack_, " → ")));
    value_stack_.pop_back();
    return;
  }
  default_state_[fact] = State::kChecking;
  value_stack_.push_back(p_->facts[fact].name);
  Type expected = p_->facts[fact].type;
  p_->facts[fact].default_root = Compile(*decl->default_value, expected, "default");
  value_stack_.pop_back();
  default_state_[fact] = State::kDone;
}

Type Checker::CheckValue(std::int32_t index, SourceRef from) {
  ValueInfo& v = p_->values[index];
  if (value_state_[index] == State::kDone) return v.root == kNoInstr ? Type{} : v.type;
  if (value_state_[index] == State::kChecking) {
    value_stack_.push_back(v.name);
    sink_.Error(from, fmt::format("cycle among values: {}", fmt::join(value_stack_, " → ")));
    value_stack_.pop_back();
    return Type{};
  }
  value_state_[index] = State::kChecking;
  value_stack_.push_back(v.name);
  const load::ValueDecl* decl = value_decls_[index];
  auto parsed = Parse(decl->formula);
  Type t;
  if (parsed) {
    const load::ExprSource* saved = source_;
    source_ = &decl->formula;
    t = Check(*parsed, parsed->tree.root, decl->type ? std::optional<Type>(v.type) : std::nullopt);
    if (decl->type && !t.is_error()) {
      Type declared = v.type;
      bool ok = t == declared || (declared.is_dimensionless() && t.is_dimensionless());
      if (!ok) {
        Fail(*parsed, parsed->tree.root,
             fmt::format("value '{}' is declared {} but its formula is {}", v.name, Name(declared), Name(t)));
        t = Type{};
      }
    }
    source_ = saved;
    if (!t.is_error()) {
      if (!decl->type) v.type = t;
      if (v.type.is_series() || v.type.base == BaseType::kList || v.type.base == BaseType::kRecord) {
        sink_.Error(decl->ref, fmt::format("value '{}' must be a single value, not a {}", v.name, Name(v.type)));
      } else {
        v.root = Lower(*parsed, *p_);
      }
    }
  }
  value_stack_.pop_back();
  value_state_[index] = State::kDone;
  return v.root == kNoInstr ? Type{} : v.type;
}

Type Checker::CheckName(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  Resolution& r = c.resolutions[id];
  if (n.text == kBuiltinMonth) {
    r.kind = Resolution::Kind::kEvalMonth;
    return Type::Of(BaseType::kMonth);
  }
  if (n.text == kBuiltinDate) {
    r.kind = Resolution::Kind::kEvalDate;
    return Type::Of(BaseType::kDate);
  }
  auto it = symbols_.find(n.text);
  if (it == symbols_.end()) {
    std::vector<std::string> names{kBuiltinMonth, kBuiltinDate};
    for (const auto& [name, _] : symbols_) names.push_back(name);
    return Fail(c, id, fmt::format("unknown name '{}'{}", n.text, DidYouMean(n.text, names)));
  }
  r.kind = it->second.kind;
  r.index = it->second.index;
  switch (r.kind) {
    case Resolution::Kind::kNone:
      return Type{};  // a broken declaration, already reported
    case Resolution::Kind::kFact: {
      used_facts_[r.index] = true;
      if (p_->facts[r.index].default_root == kNoInstr && fact_decls_[r.index]->default_value)
        CheckFactDefault(r.index, source_->At(n.span.begin));
      return p_->facts[r.index].type;
    }
    case Resolution::Kind::kValue:
      used_values_[r.index] = true;
      return CheckValue(r.index, source_->At(n.span.begin));
    case Resolution::Kind::kParameter:
      used_params_[r.index] = true;
      return p_->parameters[r.index].type;
    case Resolution::Kind::kList:
      used_lists_[r.index] = true;
      return Type::Of(BaseType::kList);
    default:
      return Type{};
  }
}

Type Checker::CheckIn(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  Type lhs = Check(c, n.kids[0], std::nullopt);
  const Node& rhs = c.tree[n.kids[1]];
  if (lhs.is_error()) return Type{};
  if (rhs.op == Op::kName) {
    Type t = CheckName(c, n.kids[1]);
    if (t.is_error()) return Type{};
    if (c.resolutions[n.kids[1]].kind != Resolution::Kind::kList)
      return Fail(c, n.kids[1], fmt::format("'in' expects a list, but '{}' is not a list", rhs.text));
    if (lhs.base != BaseType::kString || lhs.is_series())
      return Fail(c, n.kids[0], fmt::format("a list holds codes (strings); found {}", Name(lhs)));
    return Type::Of(BaseType::kBoolean);
  }
  if (rhs.op != Op::kList) return Fail(c, n.kids[1], "'in' expects a list name or a list [\"a\", \"b\"]");
  for (NodeId k : rhs.kids) {
    if (!LiteralValue(c.tree, k)) return Fail(c, k, "list items must be literals");
    Type t = Check(c, k, lhs);
    if (!t.is_error() && !Comparable(lhs, t, false))
      return Fail(c, k, fmt::format("list item of type {} cannot be compared with {}", Name(t), Name(lhs)));
  }
  return Type::Of(BaseType::kBoolean);
}

std::optional<Type> Checker::NamedArgument(CheckedExpr& c, NodeId arg, Resolution::Kind kind, const std::string& message) {
  if (c.tree[arg].op != Op::kName) {
    Fail(c, arg, message);
    return std::nullopt;
  }
  Type t = CheckName(c, arg);
  if (t.is_error()) return std::nullopt;  // already reported
  if (c.resolutions[arg].kind != kind) {
    Fail(c, arg, message);
    return std::nullopt;
  }
  return t;
}

Type Checker::CheckCall(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const FunctionSpec* spec = nullptr;
  std::vector<std::string> names;
  for (const FunctionSpec& f : kFunctions) {
    names.push_back(f.name);
    if (n.text == f.name) spec = &f;
  }
  if (spec == nullptr) return Fail(c, id, fmt::format("unknown function '{}'{}", n.text, DidYouMean(n.text, names)));
  c.resolutions[id] = {Resolution::Kind::kFunction, static_cast<std::int32_t>(spec->function)};
  int count = static_cast<int>(n.kids.size());
  if (count < spec->min_args || count > spec->max_args) {
    return Fail(c, id, spec->min_args == spec->max_args
                           ? fmt::format("{}() takes {} argument{}, found {}", spec->name, spec->min_args,
                                         spec->min_args > 1 ? "s" : "", count)
                           : fmt::format("{}() takes at least {} arguments, found {}", spec->name, spec->min_args, count));
  }
  // sum/average(series, from, to), lookup(list, code), value_at(parameter,
  // date): the first argument names a declaration, the others are typed.
  auto typed_argument = [&](std::size_t i, Type want, const char* what) -> bool {
    Type t = Check(c, n.kids[i], std::nullopt);
    if (t.is_error()) return false;
    if (t == want) return true;
    Fail(c, n.kids[i], fmt::format("{}(): expected {}, found {}", spec->name, what, Name(t)));
    return false;
  };
  switch (spec->function) {
    case Function::kSum:
    case Function::kAverage: {
      auto st = NamedArgument(c, n.kids[0], Resolution::Kind::kFact, fmt::format("{}() expects a numeric series fact first", spec->name));
      if (!st) return Type{};
      if (!st->is_series() || !st->element().is_numeric())
        return Fail(c, n.kids[0], fmt::format("{}() expects a numeric series fact first", spec->name));
      bool monthly = st->series == SeriesKind::kMonthly;
      Type index = Type::Of(monthly ? BaseType::kMonth : BaseType::kInteger);
      if (!typed_argument(1, index, monthly ? "a month" : "a year") || !typed_argument(2, index, monthly ? "a month" : "a year"))
        return Type{};
      Type e = st->element();
      return spec->function == Function::kAverage && !e.is_money() ? Type::Of(BaseType::kDecimal) : e;
    }
    case Function::kLookup: {
      // The value of a code in a list whose items have values.
      if (!NamedArgument(c, n.kids[0], Resolution::Kind::kList, "lookup() expects a list first")) return Type{};
      if (!p_->lists[c.resolutions[n.kids[0]].index].has_values)
        return Fail(c, n.kids[0], fmt::format("lookup(): the items of list '{}' have no values", c.tree[n.kids[0]].text));
      return typed_argument(1, Type::Of(BaseType::kString), "a code (string)") ? Type::Of(BaseType::kString) : Type{};
    }
    case Function::kValueAt: {
      // A parameter's value in force at another date than the evaluated one
      // (e.g. the SMIC at the hiring date).
      auto pt = NamedArgument(c, n.kids[0], Resolution::Kind::kParameter, "value_at() expects a parameter first");
      if (!pt) return Type{};
      return typed_argument(1, Type::Of(BaseType::kDate), "a date") ? *pt : Type{};
    }
    default:
      break;
  }
  std::vector<Type> args;
  for (NodeId k : n.kids) {
    Type t = Check(c, k, std::nullopt);
    if (t.is_error()) return Type{};
    args.push_back(t);
  }
  auto expect = [&](int i, BaseType base, const char* what) -> bool {
    if (args[i].base == base && !args[i].is_series()) return true;
    Fail(c, n.kids[i], fmt::format("{}(): expected {}, found {}", spec->name, what, Name(args[i])));
    return false;
  };
  switch (spec->function) {
    case Function::kMin:
    case Function::kMax: {
      Type t = args[0];
      for (std::size_t i = 1; i < args.size(); ++i) {
        auto u = Unify(t, args[i]);
        bool ok = u && (u->is_numeric() || u->base == BaseType::kDate || u->base == BaseType::kMonth);
        if (!ok) return Fail(c, n.kids[i], fmt::format("{}(): cannot mix {} and {}", spec->name, Name(t), Name(args[i])));
        t = *u;
      }
      return t;
    }
    case Function::kAbs:
    case Function::kRound:
    case Function::kFloor:
    case Function::kCeil:
      if (!args[0].is_numeric()) return Fail(c, n.kids[0], fmt::format("{}(): expected a number or money", spec->name));
      return spec->function == Function::kAbs || spec->function == Function::kRound
                 ? args[0]
                 : (args[0].is_money() ? args[0] : Type::Of(BaseType::kInteger));
    case Function::kStartsWith:
      if (!expect(0, BaseType::kString, "a string") || !expect(1, BaseType::kString, "a string")) return Type{};
      return Type::Of(BaseType::kBoolean);
    case Function::kAddDays:
      if (!expect(0, BaseType::kDate, "a date") || !expect(1, BaseType::kInteger, "an integer")) return Type{};
      return Type::Of(BaseType::kDate);
    case Function::kAddMonths:
      if (!expect(0, BaseType::kMonth, "a month (adding months to a date is ambiguous at month ends)") ||
          !expect(1, BaseType::kInteger, "an integer"))
        return Type{};
      return Type::Of(BaseType::kMonth);
    case Function::kDaysBetween:
      if (!expect(0, BaseType::kDate, "a date") || !expect(1, BaseType::kDate, "a date")) return Type{};
      return Type::Of(BaseType::kInteger);
    case Function::kAddYears:
      if (!expect(0, BaseType::kDate, "a date") || !expect(1, BaseType::kInteger, "an integer")) return Type{};
      return Type::Of(BaseType::kDate);
    case Function::kMonthOf:
      if (!expect(0, BaseType::kDate, "a date")) return Type{};
      return Type::Of(BaseType::kMonth);
    case Function::kYearOf:
      if (args[0].base != BaseType::kMonth && !expect(0, BaseType::kDate, "a date or a month")) return Type{};
      return Type::Of(BaseType::kInteger);
    case Function::kFirstDay:
    case Function::kLastDay:
      if (!expect(0, BaseType::kMonth, "a month")) return Type{};
      return Type::Of(BaseType::kDate);
    case Function::kDaysInMonth:
      if (!expect(0, BaseType::kMonth, "a month")) return Type{};
      return Type::Of(BaseType::kInteger);
    default:
      return Type{};
  }
}

Type Checker::Check(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Node& n = c.tree[id];
  Type t;
  switch (n.op) {
    case Op::kNumber:
      t = Type::Of(n.number.is_integer() ? BaseType::kInteger : BaseType::kDecimal);
      break;
    case Op::kPercent: t = Type::Of(BaseType::kPercentage); break;
    case Op::kMoney: t = Type::Of(BaseType::kMoney); break;
    case Op::kDate: t = Type::Of(BaseType::kDate); break;
    case Op::kMonth: t = Type::Of(BaseType::kMonth); break;
    case Op::kBool: t = Type::Of(BaseType::kBoolean); break;
    case Op::kString:
      // A string literal where an enum is expected is one of its values.
      if (hint && hint->base == BaseType::kEnum && !hint->is_series()) {
        const auto& values = p_->enums[hint->id];
        if (values.empty()) return c.types[id] = Type{};  // the enum's own error is enough
        auto it = std::find(values.begin(), values.end(), n.text);
        if (it == values.end()) {
          return c.types[id] = Fail(c, id, fmt::format("'{}' is not one of {}{}", n.text, Name(*hint), DidYouMean(n.text, values)));
        }
        c.resolutions[id] = {Resolution::Kind::kEnumConstant, static_cast<std::int32_t>(it - values.begin())};
        t = *hint;
      } else {
        t = Type::Of(BaseType::kString);
      }
      break;
    case Op::kList:
      return c.types[id] = Fail(c, id, "a list can only stand on the right of 'in'");
    case Op::kName:
      t = CheckName(c, id);
      if (!t.is_error() && t.is_series())
        return c.types[id] = Fail(c, id, fmt::format("'{}' is {}: index it, as in {}[mois]", n.text, WithArticle(Name(t)), n.text));
      if (!t.is_error() && t.base == BaseType::kRecord)
        return c.types[id] = Fail(c, id, fmt::format("'{}' is a record: use one of its fields, as in {}.{}", n.text,
                                                     n.text, fact_decls_[c.resolutions[id].index]->fields.empty() ? "x" : fact_decls_[c.resolutions[id].index]->fields[0].name));
      if (!t.is_error() && t.base == BaseType::kList)
        return c.types[id] = Fail(c, id, fmt::format("'{}' is a list: use it as in x in {}", n.text, n.text));
      break;
    case Op::kField: {
      const Node& base = c.tree[n.kids[0]];
      if (base.op != Op::kName) return c.types[id] = Fail(c, id, "a field is read from a record fact, as in embauche.date");
      Type bt = CheckName(c, n.kids[0]);
      if (bt.is_error()) return c.types[id] = Type{};
      if (bt.base != BaseType::kRecord) return c.types[id] = Fail(c, n.kids[0], fmt::format("'{}' is not a record", base.text));
      const FactInfo& record = p_->facts[bt.id];
      std::vector<std::string> names;
      for (std::int32_t f : record.fields) {
        names.push_back(p_->facts[f].name.substr(record.name.size() + 1));
        if (names.back() == n.text) {
          c.resolutions[id] = {Resolution::Kind::kFact, f};
          used_facts_[f] = true;
          t = p_->facts[f].type;
        }
      }
      if (c.resolutions[id].kind == Resolution::Kind::kNone) {
        // Point at the field name, which ends the node.
        std::uint32_t saved = c.tree.nodes[id].span.begin;
        c.tree.nodes[id].span.begin = c.tree[id].span.end - static_cast<std::uint32_t>(n.text.size());
        Fail(c, id, fmt::format("record '{}' has no field '{}'{}", base.text, n.text, DidYouMean(n.text, names)));
        c.tree.nodes[id].span.begin = saved;
        return c.types[id] = Type{};
      }
      if (t.is_series()) return c.types[id] = Fail(c, id, "series fields are not supported");
      break;
    }
    case Op::kIndex: {
      const Node& base = c.tree[n.kids[0]];
      Type bt = base.op == Op::kName ? CheckName(c, n.kids[0]) : Type{};
      if (base.op != Op::kName || (!bt.is_error() && !bt.is_series())) {
        return c.types[id] = Fail(c, n.kids[0], base.op == Op::kName
                                                    ? fmt::format("'{}' is {}, not a series: only a series fact can be indexed, as in ca_mensuel[mois]", base.text, WithArticle(Name(bt)))
                                                    : std::string("only a series fact can be indexed, as in ca_mensuel[mois]"));
      }
      if (bt.is_error()) return c.types[id] = Type{};
      c.types[n.kids[0]] = bt;
      Type it = Check(c, n.kids[1], std::nullopt);
      if (it.is_error()) return c.types[id] = Type{};
      BaseType want = bt.series == SeriesKind::kMonthly ? BaseType::kMonth : BaseType::kInteger;
      if (it.base != want || it.is_series())
        return c.types[id] = Fail(c, n.kids[1], fmt::format("a {} series is indexed by a {}, found {}", bt.series == SeriesKind::kMonthly ? "monthly" : "yearly",
                                                            want == BaseType::kMonth ? "month (mois, mois - 12, 2019-11)" : "year (2019)", Name(it)));
      t = bt.element();
      break;
    }
    case Op::kCall: t = CheckCall(c, id); break;
    case Op::kNeg: {
      Type k = Check(c, n.kids[0], hint);
      if (k.is_error()) return c.types[id] = Type{};
      if (!k.is_numeric()) return c.types[id] = Fail(c, n.kids[0], fmt::format("'-' expects a number, found {}", Name(k)));
      t = k;
      break;
    }
    case Op::kNot: {
      Type k = Check(c, n.kids[0], std::nullopt);
      if (k.is_error()) return c.types[id] = Type{};
      if (k.base != BaseType::kBoolean || k.is_series())
        return c.types[id] = Fail(c, n.kids[0], fmt::format("'not' expects a condition, found {}", Name(k)));
      t = k;
      break;
    }
    case Op::kAnd:
    case Op::kOr: {
      bool failed = false;
      for (NodeId k : n.kids) {
        Type kt = Check(c, k, std::nullopt);
        if (kt.is_error()) {
          failed = true;
        } else if (kt.base != BaseType::kBoolean || kt.is_series()) {
          Fail(c, k, fmt::format("'{}' expects conditions, found {}", expr::OpName(n.op), Name(kt)));
          failed = true;
        }
      }
      if (failed) return c.types[id] = Type{};
      t = Type::Of(BaseType::kBoolean);
      break;
    }
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv: {
      Type a = Check(c, n.kids[0], std::nullopt);
      Type b = Check(c, n.kids[1], std::nullopt);
      if (a.is_error() || b.is_error()) return c.types[id] = Type{};
      Typing typing = n.op == Op::kMul   ? MulType(a, b)
                      : n.op == Op::kDiv ? DivType(a, b)
                                         : AddSubType(a, b, n.op == Op::kSub);
      if (!typing.type)
        return c.types[id] = Fail(c, id, fmt::format("cannot apply '{}' to {} and {}: {}", expr::OpName(n.op), Name(a), Name(b), typing.reason));
      t = *typing.type;
      break;
    }
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      // The non-literal side types first, so that "totale" == fermeture[mois]
      // also resolves the string as an enum value.
      bool lhs_string = c.tree[n.kids[0]].op == Op::kString;
      NodeId first = lhs_string ? n.kids[1] : n.kids[0];
      NodeId second = lhs_string ? n.kids[0] : n.kids[1];
      Type a = Check(c, first, std::nullopt);
      Type b = Check(c, second, a.is_error() ? std::nullopt : std::optional<Type>(a));
      if (a.is_error() || b.is_error()) return c.types[id] = Type{};
      bool ordered = n.op != Op::kEq && n.op != Op::kNe;
      if (!Comparable(a, b, ordered))
        return c.types[id] = Fail(c, id, fmt::format("cannot compare {} with {}{}", Name(a), Name(b),
                                                     (a.is_money() != b.is_money() && a.is_numeric() && b.is_numeric()) ? " (write amounts in €)" : ""));
      t = Type::Of(BaseType::kBoolean);
      break;
    }
    case Op::kIn: t = CheckIn(c, id); break;
    case Op::kIf: {
      Type cond = Check(c, n.kids[0], std::nullopt);
      Type a = Check(c, n.kids[1], hint);
      Type b = Check(c, n.kids[2], a.is_error() || a.base != BaseType::kEnum ? hint : std::optional<Type>(a));
      if (a.base == BaseType::kString && b.base == BaseType::kEnum && c.tree[n.kids[1]].op == Op::kString)
        a = Check(c, n.kids[1], b);  // "x" in the first branch, an enum in the second
      if (cond.is_error() || a.is_error() || b.is_error()) return c.types[id] = Type{};
      if (cond.base != BaseType::kBoolean || cond.is_series())
        return c.types[id] = Fail(c, n.kids[0], fmt::format("'if' expects a condition, found {}", Name(cond)));
      auto u = Unify(a, b);
      if (!u) return c.types[id] = Fail(c, n.kids[2], fmt::format("the branches of 'if' differ: {} and {}", Name(a), Name(b)));
      t = *u;
      break;
    }
  }
  c.types[id] = t;
  return t;
}

AmountPlan Checker::CompileAmount(const load::AmountDecl& decl) {
  AmountPlan plan;
  const Type money = Type::Of(BaseType::kMoney);
  if (decl.amount) plan.amount = Compile(*decl.amount, money, "amount");
  for (const load::OptionDecl& o : decl.options) {
    plan.options.push_back({o.label.value, o.source.value, Compile(o.amount, money, "amount")});
  }
  return plan;
}

std::vector<std::string> Texts(const std::vector<load::Text>& texts) {
  std::vector<std::string> out;
  for (const load::Text& t : texts) out.push_back(t.value);
  return out;
}

void Checker::CompileMeasures() {
  std::map<std::string, SourceRef> ids;
  const Type boolean = Type::Of(BaseType::kBoolean);
  for (const load::MeasureDecl& m : ast_.measures) {
    if (auto [it, inserted] = ids.emplace(m.id, m.ref); !inserted) {
      SourceLocation first = it->second.file->Locate(it->second.offset);
      sink_.Error(m.ref, fmt::format("measure '{}' is already defined at {}:{}:{}", m.id, first.file, first.line, first.column));
      continue;
    }
    MeasurePlan plan;
    plan.id = m.id;
    plan.title = m.title.value;
    plan.issuer = m.issuer.value;
    plan.kind = m.kind.value;
    plan.per = m.per.value;
    plan.apply = m.apply.value;
    plan.territory = m.territory_label.value;
    if (m.territory_when) plan.territory_when = Compile(*m.territory_when, boolean, "territory");
    plan.sources = Texts(m.sources);
    plan.open_points = Texts(m.open_points);
    for (const load::VersionDecl& v : m.versions) {
      for (const VersionPlan& other : plan.versions) {
        if (!(v.to < other.from || other.to < v.from)) {
          sink_.Error(v.ref, fmt::format("measure '{}': this version overlaps the version for {}", m.id, other.Period()));
        }
      }
      VersionPlan vp;
      vp.from = v.from;
      vp.to = v.to;
      vp.whole_months = v.whole_months;
      vp.label = v.label.value;
      vp.source = v.source.value;
      vp.deadline = v.deadline;
      vp.open_points = Texts(v.open_points);
      for (const load::ConditionDecl& cond : v.require) {
        vp.require.push_back({cond.label.value, cond.source.value, Texts(cond.open_points), Compile(cond.when, boolean, "condition")});
      }
      std::set<std::string> case_ids;
      for (std::size_t i = 0; i < v.cases.size(); ++i) {
        const load::CaseDecl& kase = v.cases[i];
        if (!case_ids.insert(kase.id).second) sink_.Error(kase.ref, fmt::format("duplicate case id '{}'", kase.id));
        if (!kase.when && i + 1 != v.cases.size())
          sink_.Error(kase.ref, fmt::format("case '{}' has no 'when' and so always applies: the cases after it are unreachable", kase.id));
        CasePlan cp{kase.id, kase.label.value, kase.source.value, Texts(kase.open_points), kNoInstr, CompileAmount(kase.amount)};
        if (kase.when) cp.when = Compile(*kase.when, boolean, "condition");
        vp.cases.push_back(std::move(cp));
      }
      vp.amount = CompileAmount(v.amount);
      plan.versions.push_back(std::move(vp));
    }
    std::sort(plan.versions.begin(), plan.versions.end(), [](const VersionPlan& a, const VersionPlan& b) { return a.from < b.from; });
    p_->measures.push_back(std::move(plan));
  }
}

void Checker::WarnUnused() {
  for (std::size_t i = 0; i < p_->facts.size(); ++i) {
    if (p_->facts[i].record >= 0 || p_->facts[i].identifies) continue;
    bool used = used_facts_[i];
    for (std::int32_t f : p_->facts[i].fields) used = used || used_facts_[f];
    if (!used) sink_.Warning(fact_refs_[i], fmt::format("fact '{}' is not used by any rule", p_->facts[i].name));
  }
  auto warn = [&](const char* kind, const std::vector<bool>& used, auto name_of, auto ref_of, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!used[i]) sink_.Warning(ref_of(i), fmt::format("{} '{}' is not used by any rule", kind, name_of(i)));
    }
  };
  warn("list", used_lists_, [&](std::size_t i) { return p_->lists[i].name; },
       [&](std::size_t i) { return symbols_.at(p_->lists[i].name).ref; }, p_->lists.size());
  warn("parameter", used_params_, [&](std::size_t i) { return p_->parameters[i].name; },
       [&](std::size_t i) { return symbols_.at(p_->parameters[i].name).ref; }, p_->parameters.size());
  warn("value", used_values_, [&](std::size_t i) { return p_->values[i].name; },
       [&](std::size_t i) { return symbols_.at(p_->values[i].name).ref; }, p_->values.size());
}

}  // namespace

std::unique_ptr<Program> CheckAndCompile(const load::PackAst& ast, DiagnosticSink& sink) {
  return Checker(ast, sink).Run();
}

}  // namespace relief::internal
