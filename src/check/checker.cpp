// Stage 3, first half: declarations and measures.
//
// Declarations are entered first (facts, lists, parameters, values), so that
// expressions may refer to names declared in any file. Values are checked on
// first use, which finds their types in dependency order and detects cycles.
#include "check/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "builtins/builtins.hpp"
#include "check/checker_impl.hpp"
#include "core/suggest.hpp"
#include "expr/parser.hpp"

namespace relief::internal {

CheckedPack Checker::Run() {
  DeclareFacts();
  DeclareLists();
  DeclareParameters();
  DeclareValues();
  ResolveFactLists();
  // Names whose declaration failed resolve silently: their error is enough.
  for (const std::string& name : ast_.broken_names) symbols_.emplace(name, Symbol{Resolution::Kind::kNone, -1, {}});
  for (std::size_t i = 0; i < p_->facts.size(); ++i) CheckFactDefault(static_cast<std::int32_t>(i), {});
  for (std::size_t i = 0; i < p_->values.size(); ++i) CheckValue(static_cast<std::int32_t>(i), {});
  CheckMeasures();
  // Usage is only meaningful when every expression could be checked.
  if (!sink_.has_errors()) {
    WarnUnused();
    WarnUnlabelled();
  }
  out_.exprs.resize(p_->exprs.size());
  return std::move(out_);
}

bool Checker::Define(const std::string& name, Symbol symbol) {
  if (name == kBuiltinMonth || name == kBuiltinDate) {
    sink_.Error(symbol.ref, fmt::format("'{}' is a built-in name (the evaluated period)", name));
    return false;
  }
  if (FindBuiltin(name) >= 0) {
    sink_.Error(symbol.ref, fmt::format("'{}' is the name of a built-in function", name));
    return false;
  }
  auto [it, inserted] = symbols_.emplace(name, symbol);
  if (!inserted) {
    SourceLocation first = it->second.ref.file ? it->second.ref.file->Locate(it->second.ref.offset) : SourceLocation{};
    sink_.Error(symbol.ref,
                fmt::format("'{}' is already defined at {}:{}:{}", name, first.file, first.line, first.column));
    return false;
  }
  return true;
}

Type Checker::TypeOf(const load::TypeSpec& spec, std::int32_t enum_id, std::int32_t record) {
  Type t{spec.base, spec.series, -1};
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
  if (decl.type.base == BaseType::kEnum) {
    std::vector<std::string> values;
    std::set<std::string> seen;
    for (const load::Text& v : decl.enum_values) {
      if (!seen.insert(v.value).second) sink_.Error(v.ref, fmt::format("duplicate enum value '{}'", v.value));
      values.push_back(v.value);
    }
    std::vector<std::string> labels;
    for (const load::Text& l : decl.enum_labels) labels.push_back(l.value);
    labels.resize(values.size());
    p_->enums.push_back(std::move(values));
    p_->enum_labels.push_back(std::move(labels));
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
      std::string error;
      f.pattern = Pattern::Compile(decl.pattern->value, error);
      if (!f.pattern) sink_.Error(decl.pattern->ref, fmt::format("invalid pattern: {}", error));
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
      sink_.Error(decl.ref,
                  fmt::format("list '{}': either every item has a value (a table for lookup()) or none", decl.name));
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
    if (!Define(decl.name, {Resolution::Kind::kValue, static_cast<std::int32_t>(p_->values.size()), decl.ref}))
      continue;
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
  if (ChainTooDeep(p_->facts[fact].name, from)) return;
  default_state_[fact] = State::kChecking;
  value_stack_.push_back(p_->facts[fact].name);
  Type expected = p_->facts[fact].type;
  p_->facts[fact].default_expr = CheckExpr(*decl->default_value, expected, "default");
  value_stack_.pop_back();
  default_state_[fact] = State::kDone;
}

Type Checker::CheckValue(std::int32_t index, SourceRef from) {
  ValueInfo& v = p_->values[index];
  if (value_state_[index] == State::kDone) return v.formula == kNoExpr ? Type{} : v.type;
  if (value_state_[index] == State::kChecking) {
    value_stack_.push_back(v.name);
    sink_.Error(from, fmt::format("cycle among values: {}", fmt::join(value_stack_, " → ")));
    value_stack_.pop_back();
    return Type{};
  }
  if (ChainTooDeep(v.name, from)) return Type{};
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
      } else if (const int depth = EvaluationDepth(*parsed, decl->formula); depth >= 0) {
        v.formula = Keep(std::move(*parsed), depth);
      }
    }
  }
  value_stack_.pop_back();
  value_state_[index] = State::kDone;
  return v.formula == kNoExpr ? Type{} : v.type;
}

std::vector<OpenPointPlan> Checker::CheckOpenPoints(const std::vector<load::OpenPointDecl>& decls) {
  std::vector<OpenPointPlan> out;
  for (const load::OpenPointDecl& d : decls) {
    OpenPointPlan plan{d.text.value, kNoExpr};
    if (d.when) plan.when = CheckExpr(*d.when, Type::Of(BaseType::kBoolean), "open point");
    out.push_back(std::move(plan));
  }
  return out;
}

AmountPlan Checker::CheckAmount(const load::AmountDecl& decl) {
  AmountPlan plan;
  const Type money = Type::Of(BaseType::kMoney);
  if (decl.amount) plan.amount = CheckExpr(*decl.amount, money, "amount");
  for (const load::OptionDecl& o : decl.options) {
    plan.options.push_back({o.label.value, o.source.value, CheckExpr(o.amount, money, "amount")});
  }
  return plan;
}

namespace {

std::vector<std::string> Texts(const std::vector<load::Text>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const load::Text& t : texts) out.push_back(t.value);
  return out;
}

}  // namespace

void Checker::CheckMeasures() {
  std::map<std::string, SourceRef> ids;
  for (const load::MeasureDecl& m : ast_.measures) {
    if (auto [it, inserted] = ids.emplace(m.id, m.ref); !inserted) {
      SourceLocation first = it->second.file->Locate(it->second.offset);
      sink_.Error(m.ref, fmt::format("measure '{}' is already defined at {}:{}:{}", m.id, first.file, first.line,
                                     first.column));
      continue;
    }
    MeasurePlan plan;
    plan.id = m.id;
    plan.title = m.title.value;
    plan.issuer = m.issuer.value;
    // The loader has checked the words; a missing one is reported there.
    plan.kind = MeasureKindNamed(m.kind.value).value_or(MeasureKind::kGrant);
    plan.per = AmountPeriodNamed(m.per.value).value_or(AmountPeriod::kOnce);
    plan.apply = m.apply.value;
    plan.territory = m.territory_label.value;
    if (m.territory_when) plan.territory_when = CheckExpr(*m.territory_when, Type::Of(BaseType::kBoolean), "territory");
    plan.sources = Texts(m.sources);
    plan.open_points = CheckOpenPoints(m.open_points);
    for (const load::VersionDecl& v : m.versions) {
      for (const VersionPlan& other : plan.versions) {
        if (!(v.to < other.from || other.to < v.from)) {
          sink_.Error(v.ref,
                      fmt::format("measure '{}': this version overlaps the version for {}", m.id, other.Period()));
        }
      }
      plan.versions.push_back(CheckVersion(v));
    }
    std::sort(plan.versions.begin(), plan.versions.end(),
              [](const VersionPlan& a, const VersionPlan& b) { return a.from < b.from; });
    p_->measures.push_back(std::move(plan));
  }
}

// A version's requirements, cases (first match wins: a case without 'when'
// must be the last) and amount.
VersionPlan Checker::CheckVersion(const load::VersionDecl& v) {
  const Type boolean = Type::Of(BaseType::kBoolean);
  VersionPlan vp;
  vp.from = v.from;
  vp.to = v.to;
  vp.whole_months = v.whole_months;
  vp.label = v.label.value;
  vp.source = v.source.value;
  vp.deadline = v.deadline;
  vp.period = vp.Period();
  vp.heading = vp.label.empty() ? vp.period : vp.period + " — " + vp.label;
  vp.open_points = CheckOpenPoints(v.open_points);
  for (const load::ConditionDecl& cond : v.require) {
    vp.require.push_back({cond.label.value, cond.source.value, CheckOpenPoints(cond.open_points),
                          CheckExpr(cond.when, boolean, "condition")});
  }
  std::set<std::string> case_ids;
  for (std::size_t i = 0; i < v.cases.size(); ++i) {
    const load::CaseDecl& kase = v.cases[i];
    if (!case_ids.insert(kase.id).second) sink_.Error(kase.ref, fmt::format("duplicate case id '{}'", kase.id));
    if (!kase.when && i + 1 != v.cases.size()) {
      sink_.Error(kase.ref, fmt::format("case '{}' has no 'when' and so always applies: the cases after it are "
                                        "unreachable",
                                        kase.id));
    }
    CasePlan cp{kase.id, kase.label.value,        kase.source.value, CheckOpenPoints(kase.open_points),
                kNoExpr, CheckAmount(kase.amount)};
    if (kase.when) cp.when = CheckExpr(*kase.when, boolean, "condition");
    vp.cases.push_back(std::move(cp));
  }
  vp.amount = CheckAmount(v.amount);
  return vp;
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
  warn(
      "list", used_lists_, [&](std::size_t i) { return p_->lists[i].name; },
      [&](std::size_t i) { return symbols_.at(p_->lists[i].name).ref; }, p_->lists.size());
  warn(
      "parameter", used_params_, [&](std::size_t i) { return p_->parameters[i].name; },
      [&](std::size_t i) { return symbols_.at(p_->parameters[i].name).ref; }, p_->parameters.size());
  warn(
      "value", used_values_, [&](std::size_t i) { return p_->values[i].name; },
      [&](std::size_t i) { return symbols_.at(p_->values[i].name).ref; }, p_->values.size());
}

namespace {

// Why `label` is no French text an advisor can read, or "" when it is: a
// blank label, or the internal name itself when that name is an identifier
// ("perte_pct").
std::string UnreadableLabel(const std::string& label, const std::string& name) {
  if (label.find_first_not_of(" \t\r\n") == std::string::npos) return "has no French label";
  if (label == name && name.find('_') != std::string::npos) return "has its internal name as label";
  return "";
}

}  // namespace

// Explanations write every fact, value, parameter and list a rule reads by
// its label (formulas in words, condition details): one without a readable
// label would show its internal name to the advisor.
void Checker::WarnUnlabelled() {
  auto warn = [&](const char* kind, const std::string& name, const std::string& label, SourceRef ref) {
    const std::string why = UnreadableLabel(label, name);
    if (why.empty()) return;
    sink_.Warning(ref, fmt::format("{} '{}' is used by a rule but {}: explanations would show its internal name", kind,
                                   name, why));
  };
  for (std::size_t i = 0; i < p_->facts.size(); ++i) {
    if (used_facts_[i]) warn("fact", p_->facts[i].name, p_->facts[i].label, fact_refs_[i]);
  }
  for (std::size_t i = 0; i < p_->lists.size(); ++i) {
    const ListInfo& l = p_->lists[i];
    if (used_lists_[i]) warn("list", l.name, l.label, symbols_.at(l.name).ref);
  }
  for (std::size_t i = 0; i < p_->parameters.size(); ++i) {
    const ParamInfo& prm = p_->parameters[i];
    if (used_params_[i]) warn("parameter", prm.name, prm.label, symbols_.at(prm.name).ref);
  }
  for (std::size_t i = 0; i < p_->values.size(); ++i) {
    const ValueInfo& v = p_->values[i];
    if (used_values_[i]) warn("value", v.name, v.label, symbols_.at(v.name).ref);
  }
}

ExprId Checker::Keep(CheckedExpr checked, int depth) {
  const auto id = static_cast<std::size_t>(checked.info);
  if (out_.exprs.size() <= id) out_.exprs.resize(id + 1);
  if (expr_depth_.size() <= id) expr_depth_.resize(id + 1, 0);
  out_.exprs[id] = std::move(checked);
  expr_depth_[id] = depth;
  return static_cast<ExprId>(id);
}

// Evaluation recurses through an expression's operands and into the values
// and fact defaults it reads, so the depth of that recursion is bounded at
// load time: a pack that checks can always be evaluated (issue #7).
bool Checker::ChainTooDeep(const std::string& name, SourceRef from) {
  if (value_stack_.size() < kMaxEvaluationDepth / 2) return false;
  sink_.Error(from, fmt::format("'{}' is reached through more than {} values and fact defaults ({} → … → {}): "
                                "the chain is too deep to evaluate",
                                name, value_stack_.size(), value_stack_.front(), value_stack_.back()));
  return true;
}

int Checker::EvaluationDepth(const CheckedExpr& c, const load::ExprSource& source) {
  const int depth = NodeDepth(c, c.tree.root);
  if (depth <= kMaxEvaluationDepth) return depth;
  sink_.Error(source.ref, fmt::format("this expression, with the values and fact defaults it reads, nests {} levels "
                                      "deep; at most {} can be evaluated",
                                      depth, kMaxEvaluationDepth));
  return -1;
}

int Checker::NodeDepth(const CheckedExpr& c, NodeId id) const {
  int below = 0;
  const Resolution& r = c.resolutions[id];
  if (r.kind == Resolution::Kind::kValue) {
    const ExprId formula = p_->values[static_cast<std::size_t>(r.index)].formula;
    if (formula != kNoExpr) below = expr_depth_[static_cast<std::size_t>(formula)];
  } else if (r.kind == Resolution::Kind::kFact) {
    const ExprId def = p_->facts[static_cast<std::size_t>(r.index)].default_expr;
    if (def != kNoExpr) below = expr_depth_[static_cast<std::size_t>(def)];
  }
  for (NodeId k : c.tree[id].kids) below = std::max(below, NodeDepth(c, k));
  return below + 1;
}

CheckedPack Check(const load::PackAst& ast, DiagnosticSink& sink) { return Checker(ast, sink).Run(); }

}  // namespace relief::internal
