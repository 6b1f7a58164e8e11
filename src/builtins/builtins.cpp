// The registry of built-in functions. Each entry is self-contained: arity,
// typing rule, evaluation and French wording side by side, so that reading
// one entry tells everything about its function.
#include "builtins/builtins.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace relief::internal {
namespace {

using Args = std::span<const Value>;

std::string Name(const CallTypes& c, Type t) { return TypeName(t, c.symbols.enums); }

CallTyping Returns(Type t) { return {t, {}, -1}; }
CallTyping Returns(BaseType b) { return Returns(Type::Of(b)); }
CallTyping Fails(int arg, std::string message) { return {std::nullopt, std::move(message), arg}; }

// Nullopt when argument `i` is a single value of `base`; else the error.
std::optional<CallTyping> Expect(const CallTypes& c, int i, BaseType base, const char* what) {
  const Type t = c.args[static_cast<std::size_t>(i)];
  if (t.base == base && !t.is_series()) return std::nullopt;
  return Fails(i, fmt::format("{}(): expected {}, found {}", c.name, what, Name(c, t)));
}

// The typing of functions of fixed argument types: each argument must be a
// single value of its base type (`whats` say so in messages).
template <std::size_t N>
CallTyping Signature(const CallTypes& c, const std::array<std::pair<BaseType, const char*>, N>& params,
                     BaseType result) {
  for (std::size_t i = 0; i < N; ++i) {
    if (auto error = Expect(c, static_cast<int>(i), params[i].first, params[i].second)) return *error;
  }
  return Returns(result);
}

Value Checked(std::optional<Decimal> d, const CallContext& ctx, ErrorCode code = ErrorCode::kOverflow) {
  return d ? Value::Number(*d) : Value::Error(code, static_cast<std::uint32_t>(ctx.at));
}

// Checked calendar arithmetic: an error value when the result leaves years
// 1-9999 (never a wrapped date).
Value CheckedDate(std::optional<Date> d, const CallContext& ctx) {
  return d ? Value::OfDate(*d) : Value::Error(ErrorCode::kDateOutOfRange, static_cast<std::uint32_t>(ctx.at));
}
Value CheckedMonth(std::optional<Month> m, const CallContext& ctx) {
  return m ? Value::OfMonth(*m) : Value::Error(ErrorCode::kDateOutOfRange, static_cast<std::uint32_t>(ctx.at));
}

// min and max: numbers, amounts, dates or months of one kind.
CallTyping ExtremumType(const CallTypes& c) {
  Type t = c.args[0];
  for (std::size_t i = 1; i < c.args.size(); ++i) {
    auto u = Unify(t, c.args[i]);
    bool ok = u && (u->is_numeric() || u->base == BaseType::kDate || u->base == BaseType::kMonth);
    if (!ok)
      return Fails(static_cast<int>(i),
                   fmt::format("{}(): cannot mix {} and {}", c.name, Name(c, t), Name(c, c.args[i])));
    t = *u;
  }
  return Returns(t);
}

template <bool kMin>
Value Extremum(Args args, const CallContext&) {
  Value best = args[0];
  for (const Value& v : args.subspan(1)) {
    bool less = v.kind == Value::Kind::kNumber ? v.number < best.number : v.integer < best.integer;
    bool greater = v.kind == Value::Kind::kNumber ? best.number < v.number : best.integer < v.integer;
    if (kMin ? less : greater) best = v;
  }
  return best;
}

template <bool kMin>
Cell ExtremumOfCells(std::span<const Cell> args) {
  Cell best = args[0];
  for (const Cell& c : args.subspan(1)) {
    const auto order = Compare(c, best);
    if (kMin ? order < 0 : order > 0) best = c;
  }
  return best;
}

// abs and round keep their argument's type; floor and ceil give an integer
// (money stays money).
template <bool kKeepsType>
CallTyping RoundingType(const CallTypes& c) {
  const Type t = c.args[0];
  if (!t.is_numeric()) return Fails(0, fmt::format("{}(): expected a number or money", c.name));
  return Returns(kKeepsType || t.is_money() ? t : Type::Of(BaseType::kInteger));
}

// sum(series, from, to) and average(series, from, to): the elements of a
// numeric series fact over a range of periods.
CallTyping AggregateType(const CallTypes& c, bool average) {
  const Type series = c.args[0];
  if (!series.is_series() || !series.element().is_numeric())
    return Fails(0, fmt::format("{}() expects a numeric series fact first", c.name));
  const bool monthly = series.series == SeriesKind::kMonthly;
  const Type index = Type::Of(monthly ? BaseType::kMonth : BaseType::kInteger);
  for (int i = 1; i <= 2; ++i) {
    if (c.args[static_cast<std::size_t>(i)] != index)
      return Fails(i, fmt::format("{}(): expected {}, found {}", c.name, monthly ? "a month" : "a year",
                                  Name(c, c.args[static_cast<std::size_t>(i)])));
  }
  const Type e = series.element();
  return Returns(average && !e.is_money() ? Type::Of(BaseType::kDecimal) : e);
}

template <bool kAverage>
Value Aggregate(Args args, const CallContext& ctx) {
  const FactInfo& fact = ctx.program.facts[static_cast<std::size_t>(ctx.named)];
  const SeriesData& series = ctx.profile.series[static_cast<std::size_t>(fact.slot)];
  Decimal total;
  std::int64_t count = 0;
  bool unknown = false;
  for (std::int32_t p = args[0].period(); p <= args[1].period(); ++p, ++count) {
    Value v = series.At(p);
    if (!v.known()) {
      unknown = true;
      continue;
    }
    auto sum = total.Add(v.number);
    if (!sum) return Value::Error(ErrorCode::kOverflow, static_cast<std::uint32_t>(ctx.at));
    total = *sum;
  }
  if (unknown) return Value::Unknown();
  if (!kAverage) return Value::Number(total);
  if (count == 0) return Value::Error(ErrorCode::kDivisionByZero, static_cast<std::uint32_t>(ctx.at));
  return Checked(total.Div(count), ctx);
}

// The same day n years later; 29 February becomes 1 March in a common year
// (the day after 28 February), as for a birthday (Date::AddYears).
Value AddYears(Args args, const CallContext& ctx) { return CheckedDate(args[0].date().AddYears(args[1].whole()), ctx); }

// lookup(table, code): the value of a code in a list whose items have
// values; a code absent from the table (or only "possible") has no known
// value.
CallTyping LookupType(const CallTypes& c) {
  const ListInfo& list = c.symbols.lists[static_cast<std::size_t>(c.named)];
  if (!list.has_values) return Fails(0, fmt::format("lookup(): the items of list '{}' have no values", list.name));
  if (c.args[1] != Type::Of(BaseType::kString))
    return Fails(1, fmt::format("lookup(): expected a code (string), found {}", Name(c, c.args[1])));
  return Returns(BaseType::kString);
}

Value Lookup(Args args, const CallContext& ctx) {
  const auto& items = ctx.program.lists[static_cast<std::size_t>(ctx.named)].items;
  auto it = items.find(args[0].text);
  return it == items.end() || it->second.possible ? Value::Unknown() : Value::String(it->second.value);
}

// value_at(parameter, date): a parameter's value in force at another date
// than the evaluated one (e.g. the SMIC at the hiring date).
CallTyping ValueAtType(const CallTypes& c) {
  if (c.args[1] != Type::Of(BaseType::kDate))
    return Fails(1, fmt::format("value_at(): expected a date, found {}", Name(c, c.args[1])));
  return Returns(c.args[0]);
}

Value ValueAt(Args args, const CallContext& ctx) {
  const Value* v = ctx.program.parameters[static_cast<std::size_t>(ctx.named)].At(args[0].date());
  return v ? *v : Value::Error(ErrorCode::kNoParameterValue, static_cast<std::uint32_t>(ctx.at));
}

using P = std::pair<BaseType, const char*>;
constexpr P kDateParam{BaseType::kDate, "a date"};
constexpr P kMonthParam{BaseType::kMonth, "a month"};
constexpr P kIntegerParam{BaseType::kInteger, "an integer"};
constexpr P kStringParam{BaseType::kString, "a string"};

const Builtin kBuiltins[] = {
    {"min", 2, kMaxBuiltinArgs, NamedArgument::kNone, ExtremumType, Extremum<true>, "le plus petit de {args}",
     ExtremumOfCells<true>, nullptr, Builtin::Pick::kLeast},
    {"max", 2, kMaxBuiltinArgs, NamedArgument::kNone, ExtremumType, Extremum<false>, "le plus grand de {args}",
     ExtremumOfCells<false>, nullptr, Builtin::Pick::kGreatest},
    {"abs", 1, 1, NamedArgument::kNone, RoundingType<true>,
     [](Args a, const CallContext&) { return Value::Number(a[0].number.Abs()); }, "la valeur absolue de {0}"},
    {"round", 1, 1, NamedArgument::kNone, RoundingType<true>,
     [](Args a, const CallContext& ctx) { return Checked(a[0].number.Round(2), ctx); }, "{0} arrondi au centime"},
    {"floor", 1, 1, NamedArgument::kNone, RoundingType<false>,
     [](Args a, const CallContext&) { return Value::Number(a[0].number.Floor()); }, "la partie entière de {0}"},
    {"ceil", 1, 1, NamedArgument::kNone, RoundingType<false>,
     [](Args a, const CallContext&) { return Value::Number(a[0].number.Ceil()); }, "{0} arrondi à l'unité supérieure"},
    {"starts_with", 2, 2, NamedArgument::kNone,
     [](const CallTypes& c) {
       return Signature<2>(c, {kStringParam, kStringParam}, BaseType::kBoolean);
     },
     [](Args a, const CallContext&) { return Value::Bool(a[0].text.starts_with(a[1].text)); }, "{0} commence par {1}",
     nullptr, [](std::span<const std::string_view> a) { return Cell::Bool(a[0].starts_with(a[1])); }},
    {"add_days", 2, 2, NamedArgument::kNone,
     [](const CallTypes& c) {
       return Signature<2>(c, {kDateParam, kIntegerParam}, BaseType::kDate);
     },
     [](Args a, const CallContext& ctx) { return CheckedDate(a[0].date().AddDays(a[1].whole()), ctx); },
     "{0} plus {1} jours"},
    {"add_months", 2, 2, NamedArgument::kNone,
     [](const CallTypes& c) {
       return Signature<2>(
           c, {P{BaseType::kMonth, "a month (adding months to a date is ambiguous at month ends)"}, kIntegerParam},
           BaseType::kMonth);
     },
     [](Args a, const CallContext& ctx) { return CheckedMonth(a[0].month().Add(a[1].whole()), ctx); },
     "{0} plus {1} mois"},
    {"days_between", 2, 2, NamedArgument::kNone,
     [](const CallTypes& c) {
       return Signature<2>(c, {kDateParam, kDateParam}, BaseType::kInteger);
     },
     [](Args a, const CallContext&) { return Value::Number(Decimal(std::int64_t{a[1].integer} - a[0].integer)); },
     "le nombre de jours du {0} au {1}"},
    {"month_of", 1, 1, NamedArgument::kNone,
     [](const CallTypes& c) { return Signature<1>(c, {kDateParam}, BaseType::kMonth); },
     [](Args a, const CallContext&) { return Value::OfMonth(a[0].date().month_of()); }, "le mois de {0}"},
    {"year_of", 1, 1, NamedArgument::kNone,
     [](const CallTypes& c) {
       if (c.args[0].base == BaseType::kMonth) return Returns(BaseType::kInteger);
       return Signature<1>(c, {P{BaseType::kDate, "a date or a month"}}, BaseType::kInteger);
     },
     [](Args a, const CallContext&) {
       return Value::Number(Decimal(a[0].kind == Value::Kind::kMonth ? a[0].month().year() : a[0].date().year()));
     },
     "l'année de {0}"},
    {"first_day", 1, 1, NamedArgument::kNone,
     [](const CallTypes& c) { return Signature<1>(c, {kMonthParam}, BaseType::kDate); },
     [](Args a, const CallContext&) { return Value::OfDate(a[0].month().FirstDay()); }, "le premier jour de {0}"},
    {"last_day", 1, 1, NamedArgument::kNone,
     [](const CallTypes& c) { return Signature<1>(c, {kMonthParam}, BaseType::kDate); },
     [](Args a, const CallContext&) { return Value::OfDate(a[0].month().LastDay()); }, "le dernier jour de {0}"},
    {"days_in_month", 1, 1, NamedArgument::kNone,
     [](const CallTypes& c) { return Signature<1>(c, {kMonthParam}, BaseType::kInteger); },
     [](Args a, const CallContext&) { return Value::Number(Decimal(a[0].month().DayCount())); },
     "le nombre de jours de {0}"},
    {"sum", 3, 3, NamedArgument::kSeriesFact, [](const CallTypes& c) { return AggregateType(c, false); },
     Aggregate<false>, "la somme de {0} de {1} à {2}"},
    {"average", 3, 3, NamedArgument::kSeriesFact, [](const CallTypes& c) { return AggregateType(c, true); },
     Aggregate<true>, "la moyenne de {0} de {1} à {2}"},
    {"value_at", 2, 2, NamedArgument::kParameter, ValueAtType, ValueAt, "{0} en vigueur le {1}"},
    {"add_years", 2, 2, NamedArgument::kNone,
     [](const CallTypes& c) {
       return Signature<2>(c, {kDateParam, kIntegerParam}, BaseType::kDate);
     },
     AddYears, "{0} plus {1} ans"},
    {"lookup", 2, 2, NamedArgument::kTable, LookupType, Lookup, "la valeur de {1} dans « {0} »"},
};

}  // namespace

std::span<const Builtin> Builtins() { return kBuiltins; }

int FindBuiltin(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kBuiltins); ++i) {
    if (kBuiltins[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace relief::internal
