// Stage 3, second half: name resolution and type checking of expressions.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "builtins/builtins.hpp"
#include "check/checker_impl.hpp"
#include "check/literal.hpp"
#include "core/suggest.hpp"
#include "expr/parser.hpp"

namespace relief::internal {

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
      case BaseType::kPercentage:
        ok = root.op == Op::kPercent || root.op == Op::kNumber;
        break;
      case BaseType::kInteger:
        ok = root.op == Op::kNumber && value->number.is_integer();
        break;
      case BaseType::kDecimal:
        ok = root.op == Op::kNumber;
        break;
      case BaseType::kDate:
        ok = root.op == Op::kDate;
        break;
      case BaseType::kMonth:
        ok = root.op == Op::kMonth;
        break;
      case BaseType::kBoolean:
        ok = root.op == Op::kBool;
        break;
      case BaseType::kString:
        ok = root.op == Op::kString;
        break;
      default:
        ok = false;
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
  c.info = static_cast<ExprId>(p_->exprs.size() - 1);
  return c;
}

Type Checker::Fail(const CheckedExpr& c, NodeId id, std::string message) {
  std::uint32_t offset = c.tree[id].span.begin;
  if (!source_->offsets_exact) message += fmt::format(" (at column {} of the expression)", offset + 1);
  sink_.Error(source_->At(offset), std::move(message));
  return Type{};
}

ExprId Checker::CheckExpr(const load::ExprSource& source, std::optional<Type> expected, const char* what) {
  auto parsed = Parse(source);
  if (!parsed) return kNoExpr;
  const load::ExprSource* saved = source_;
  source_ = &source;
  std::size_t errors_before = sink_.size();
  Type t = Check(*parsed, parsed->tree.root, expected);
  source_ = saved;
  if (t.is_error()) return kNoExpr;
  if (expected) {
    bool ok = t == *expected || (expected->is_dimensionless() && t.is_dimensionless()) ||
              (expected->base == BaseType::kDecimal && t.is_dimensionless());
    if (!ok) {
      const load::ExprSource* s = source_;
      source_ = &source;
      Fail(*parsed, parsed->tree.root, fmt::format("{}: expected {}, found {}", what, Name(*expected), Name(t)));
      source_ = s;
      return kNoExpr;
    }
  }
  if (sink_.size() != errors_before && sink_.has_errors()) return kNoExpr;
  const int depth = EvaluationDepth(*parsed, source);
  if (depth < 0) return kNoExpr;
  return Keep(std::move(*parsed), depth);
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
      if (p_->facts[r.index].default_expr == kNoExpr && fact_decls_[r.index]->default_value)
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

// The first argument of `fn` names a declaration (a series fact, a
// parameter, a table): its type, or nullopt once reported.
std::optional<Type> Checker::NamedArgument(CheckedExpr& c, NodeId arg, const Builtin& fn) {
  Resolution::Kind kind = Resolution::Kind::kFact;
  const char* what = "a numeric series fact";
  if (fn.named == internal::NamedArgument::kParameter) kind = Resolution::Kind::kParameter, what = "a parameter";
  if (fn.named == internal::NamedArgument::kTable) kind = Resolution::Kind::kList, what = "a list";
  const std::string message = fmt::format("{}() expects {} first", fn.name, what);
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

// A call of a built-in function: its arity, its named first argument if it
// has one, then its registry entry's typing rule over the argument types.
Type Checker::CheckCall(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const int index = FindBuiltin(n.text);
  if (index < 0) {
    std::vector<std::string> names;
    for (const Builtin& b : Builtins()) names.emplace_back(b.name);
    return Fail(c, id, fmt::format("unknown function '{}'{}", n.text, DidYouMean(n.text, names)));
  }
  const Builtin& fn = Builtins()[static_cast<std::size_t>(index)];
  c.resolutions[id] = {Resolution::Kind::kFunction, index};
  const int count = static_cast<int>(n.kids.size());
  if (count < fn.min_args || count > fn.max_args) {
    return Fail(
        c, id,
        fn.min_args == fn.max_args
            ? fmt::format("{}() takes {} argument{}, found {}", fn.name, fn.min_args, fn.min_args > 1 ? "s" : "", count)
            : fmt::format("{}() takes at least {} arguments, found {}", fn.name, fn.min_args, count));
  }
  std::vector<Type> args;
  std::int32_t named = -1;
  if (fn.named != NamedArgument::kNone) {
    auto t = NamedArgument(c, n.kids[0], fn);
    if (!t) return Type{};
    args.push_back(*t);
    named = c.resolutions[n.kids[0]].index;
  }
  for (std::size_t i = args.size(); i < n.kids.size(); ++i) {
    Type t = Check(c, n.kids[i], std::nullopt);
    if (t.is_error()) return Type{};
    args.push_back(t);
  }
  CallTyping typing = fn.type(CallTypes{fn.name, args, *p_, named});
  if (typing.type) return *typing.type;
  return Fail(c, typing.arg < 0 ? id : n.kids[static_cast<std::size_t>(typing.arg)], typing.error);
}

Type Checker::Check(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Type t = CheckNode(c, id, hint);
  c.types[id] = t;
  return t;
}

// The type of node `id`, its operands checked first; an error type once
// reported.
Type Checker::CheckNode(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Node& n = c.tree[id];
  switch (n.op) {
    case Op::kNumber:
      return Type::Of(n.number.is_integer() ? BaseType::kInteger : BaseType::kDecimal);
    case Op::kPercent:
      return Type::Of(BaseType::kPercentage);
    case Op::kMoney:
      return Type::Of(BaseType::kMoney);
    case Op::kDate:
      return Type::Of(BaseType::kDate);
    case Op::kMonth:
      return Type::Of(BaseType::kMonth);
    case Op::kBool:
      return Type::Of(BaseType::kBoolean);
    case Op::kString:
      return CheckString(c, id, hint);
    case Op::kList:
      return Fail(c, id, "a list can only stand on the right of 'in'");
    case Op::kName:
      return CheckNameUse(c, id);
    case Op::kField:
      return CheckField(c, id);
    case Op::kIndex:
      return CheckIndex(c, id);
    case Op::kCall:
      return CheckCall(c, id);
    case Op::kNeg:
    case Op::kNot:
      return CheckUnary(c, id, hint);
    case Op::kAnd:
    case Op::kOr:
      return CheckLogic(c, id);
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
      return CheckArithmetic(c, id);
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      return CheckComparison(c, id);
    case Op::kIn:
      return CheckIn(c, id);
    case Op::kIf:
      return CheckIf(c, id, hint);
  }
  return Type{};
}

// A string literal where an enum is expected is one of its values.
Type Checker::CheckString(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Node& n = c.tree[id];
  if (!hint || hint->base != BaseType::kEnum || hint->is_series()) return Type::Of(BaseType::kString);
  const auto& values = p_->enums[hint->id];
  if (values.empty()) return Type{};  // the enum's own error is enough
  auto it = std::find(values.begin(), values.end(), n.text);
  if (it == values.end()) {
    return Fail(c, id, fmt::format("'{}' is not one of {}{}", n.text, Name(*hint), DidYouMean(n.text, values)));
  }
  c.resolutions[id] = {Resolution::Kind::kEnumConstant, static_cast<std::int32_t>(it - values.begin())};
  return *hint;
}

// A name used as a value: a series must be indexed, a record's field read,
// a list used with `in`.
Type Checker::CheckNameUse(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const Type t = CheckName(c, id);
  if (t.is_error()) return t;
  if (t.is_series()) {
    return Fail(c, id, fmt::format("'{}' is {}: index it, as in {}[mois]", n.text, WithArticle(Name(t)), n.text));
  }
  if (t.base == BaseType::kRecord) {
    const auto& fields = fact_decls_[c.resolutions[id].index]->fields;
    return Fail(c, id,
                fmt::format("'{}' is a record: use one of its fields, as in {}.{}", n.text, n.text,
                            fields.empty() ? "x" : fields[0].name));
  }
  if (t.base == BaseType::kList)
    return Fail(c, id, fmt::format("'{}' is a list: use it as in x in {}", n.text, n.text));
  return t;
}

// record.field: resolved to the field's own fact.
Type Checker::CheckField(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const Node& base = c.tree[n.kids[0]];
  if (base.op != Op::kName) return Fail(c, id, "a field is read from a record fact, as in embauche.date");
  Type bt = CheckName(c, n.kids[0]);
  if (bt.is_error()) return Type{};
  if (bt.base != BaseType::kRecord) return Fail(c, n.kids[0], fmt::format("'{}' is not a record", base.text));
  const FactInfo& record = p_->facts[bt.id];
  std::vector<std::string> names;
  Type t;
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
    return Type{};
  }
  if (t.is_series()) return Fail(c, id, "series fields are not supported");
  return t;
}

// series[period]: a monthly series by a month, a yearly one by a year.
Type Checker::CheckIndex(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const Node& base = c.tree[n.kids[0]];
  Type bt = base.op == Op::kName ? CheckName(c, n.kids[0]) : Type{};
  if (base.op != Op::kName || (!bt.is_error() && !bt.is_series())) {
    return Fail(c, n.kids[0],
                base.op == Op::kName
                    ? fmt::format("'{}' is {}, not a series: only a series fact can be indexed, as in ca_mensuel[mois]",
                                  base.text, WithArticle(Name(bt)))
                    : std::string("only a series fact can be indexed, as in ca_mensuel[mois]"));
  }
  if (bt.is_error()) return Type{};
  c.types[n.kids[0]] = bt;
  Type it = Check(c, n.kids[1], std::nullopt);
  if (it.is_error()) return Type{};
  const bool monthly = bt.series == SeriesKind::kMonthly;
  if (it.base != (monthly ? BaseType::kMonth : BaseType::kInteger) || it.is_series()) {
    return Fail(c, n.kids[1],
                fmt::format("a {} series is indexed by a {}, found {}", monthly ? "monthly" : "yearly",
                            monthly ? "month (mois, mois - 12, 2019-11)" : "year (2019)", Name(it)));
  }
  return bt.element();
}

// -x of a number, `not` of a condition.
Type Checker::CheckUnary(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Node& n = c.tree[id];
  const bool negation = n.op == Op::kNeg;
  Type k = Check(c, n.kids[0], negation ? hint : std::nullopt);
  if (k.is_error()) return Type{};
  if (negation && !k.is_numeric()) return Fail(c, n.kids[0], fmt::format("'-' expects a number, found {}", Name(k)));
  if (!negation && (k.base != BaseType::kBoolean || k.is_series()))
    return Fail(c, n.kids[0], fmt::format("'not' expects a condition, found {}", Name(k)));
  return k;
}

// `and` / `or`: every operand is a condition; each wrong one is reported.
Type Checker::CheckLogic(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
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
  return failed ? Type{} : Type::Of(BaseType::kBoolean);
}

// + - * /, with the money dimension (ir/types.hpp).
Type Checker::CheckArithmetic(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  Type a = Check(c, n.kids[0], std::nullopt);
  Type b = Check(c, n.kids[1], std::nullopt);
  if (a.is_error() || b.is_error()) return Type{};
  Typing typing = n.op == Op::kMul   ? MulType(a, b)
                  : n.op == Op::kDiv ? DivType(a, b)
                                     : AddSubType(a, b, n.op == Op::kSub);
  if (!typing.type) {
    return Fail(c, id,
                fmt::format("cannot apply '{}' to {} and {}: {}", expr::OpName(n.op), Name(a), Name(b), typing.reason));
  }
  return *typing.type;
}

// == != < <= > >=. The non-literal side types first, so that "totale" ==
// fermeture[mois] also resolves the string as an enum value.
Type Checker::CheckComparison(CheckedExpr& c, NodeId id) {
  const Node& n = c.tree[id];
  const bool lhs_string = c.tree[n.kids[0]].op == Op::kString;
  const NodeId first = lhs_string ? n.kids[1] : n.kids[0];
  const NodeId second = lhs_string ? n.kids[0] : n.kids[1];
  Type a = Check(c, first, std::nullopt);
  Type b = Check(c, second, a.is_error() ? std::nullopt : std::optional<Type>(a));
  if (a.is_error() || b.is_error()) return Type{};
  const bool ordered = n.op != Op::kEq && n.op != Op::kNe;
  if (!Comparable(a, b, ordered)) {
    const bool units_differ = a.is_money() != b.is_money() && a.is_numeric() && b.is_numeric();
    return Fail(
        c, id,
        fmt::format("cannot compare {} with {}{}", Name(a), Name(b), units_differ ? " (write amounts in €)" : ""));
  }
  return Type::Of(BaseType::kBoolean);
}

// if c then a else b: a condition, and branches of one type.
Type Checker::CheckIf(CheckedExpr& c, NodeId id, std::optional<Type> hint) {
  const Node& n = c.tree[id];
  Type cond = Check(c, n.kids[0], std::nullopt);
  Type a = Check(c, n.kids[1], hint);
  Type b = Check(c, n.kids[2], a.is_error() || a.base != BaseType::kEnum ? hint : std::optional<Type>(a));
  if (a.base == BaseType::kString && b.base == BaseType::kEnum && c.tree[n.kids[1]].op == Op::kString)
    a = Check(c, n.kids[1], b);  // "x" in the first branch, an enum in the second
  if (cond.is_error() || a.is_error() || b.is_error()) return Type{};
  if (cond.base != BaseType::kBoolean || cond.is_series())
    return Fail(c, n.kids[0], fmt::format("'if' expects a condition, found {}", Name(cond)));
  auto u = Unify(a, b);
  if (!u) return Fail(c, n.kids[2], fmt::format("the branches of 'if' differ: {} and {}", Name(a), Name(b)));
  return *u;
}

}  // namespace relief::internal
