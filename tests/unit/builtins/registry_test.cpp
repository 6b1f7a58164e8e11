// The registry of built-in functions: every entry is complete, names are
// unique, typing rules accept their signature and refuse others with a
// message naming the argument, and evaluations compute on known values.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "builtins/builtins.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"

namespace relief::internal {
namespace {

TEST(BuiltinRegistry, EveryEntryIsCompleteAndFoundByName) {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < Builtins().size(); ++i) {
    const Builtin& fn = Builtins()[i];
    SCOPED_TRACE(std::string(fn.name));
    EXPECT_TRUE(!fn.name.empty() && fn.name.front() != '_' &&
                std::all_of(fn.name.begin(), fn.name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }));
    EXPECT_TRUE(names.insert(fn.name).second) << "duplicate name";
    EXPECT_GE(fn.min_args, 1);
    EXPECT_LE(fn.min_args, fn.max_args);
    EXPECT_LE(fn.max_args, 16) << "the evaluator passes at most 16 arguments";
    EXPECT_NE(fn.type, nullptr);
    EXPECT_NE(fn.eval, nullptr);
    EXPECT_FALSE(fn.french.empty());
    EXPECT_EQ(FindBuiltin(fn.name), static_cast<int>(i));
  }
  EXPECT_EQ(FindBuiltin("no_such_function"), -1);
}

// The wording names each argument once: {0}…{n-1} for a fixed arity, {args}
// for a variadic function.
TEST(BuiltinRegistry, TheFrenchWordingNamesEveryArgument) {
  for (const Builtin& fn : Builtins()) {
    SCOPED_TRACE(std::string(fn.name));
    const std::string french(fn.french);
    if (fn.min_args != fn.max_args) {
      EXPECT_NE(french.find("{args}"), std::string::npos);
      continue;
    }
    for (int i = 0; i < fn.max_args; ++i) {
      EXPECT_NE(french.find("{" + std::to_string(i) + "}"), std::string::npos) << "argument " << i;
    }
    EXPECT_EQ(french.find("{" + std::to_string(fn.max_args) + "}"), std::string::npos);
  }
}

CallTyping TypeOf(std::string_view name, std::vector<Type> args, const Symbols& symbols = Symbols{}) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(FindBuiltin(name))];
  return fn.type(CallTypes{fn.name, args, symbols, -1});
}

TEST(BuiltinRegistry, TypingRulesAcceptTheirSignature) {
  const Type money = Type::Of(BaseType::kMoney), integer = Type::Of(BaseType::kInteger);
  const Type date = Type::Of(BaseType::kDate), month = Type::Of(BaseType::kMonth);
  EXPECT_EQ(TypeOf("min", {money, money}).type, money);
  EXPECT_EQ(TypeOf("max", {integer, Type::Of(BaseType::kDecimal)}).type, Type::Of(BaseType::kDecimal));
  EXPECT_EQ(TypeOf("floor", {money}).type, money);
  EXPECT_EQ(TypeOf("floor", {Type::Of(BaseType::kDecimal)}).type, integer);
  EXPECT_EQ(TypeOf("add_days", {date, integer}).type, date);
  EXPECT_EQ(TypeOf("add_months", {month, integer}).type, month);
  EXPECT_EQ(TypeOf("year_of", {month}).type, integer);
  EXPECT_EQ(TypeOf("year_of", {date}).type, integer);
  EXPECT_EQ(TypeOf("days_between", {date, date}).type, integer);
  const Type monthly_money{BaseType::kMoney, SeriesKind::kMonthly, -1};
  EXPECT_EQ(TypeOf("sum", {monthly_money, month, month}).type, money);
  EXPECT_EQ(TypeOf("average", {Type{BaseType::kInteger, SeriesKind::kYearly, -1}, integer, integer}).type,
            Type::Of(BaseType::kDecimal));
}

TEST(BuiltinRegistry, TypingRulesNameTheWrongArgument) {
  const Type money = Type::Of(BaseType::kMoney), integer = Type::Of(BaseType::kInteger);
  const Type date = Type::Of(BaseType::kDate), month = Type::Of(BaseType::kMonth);
  CallTyping t = TypeOf("add_months", {date, integer});
  EXPECT_FALSE(t.type);
  EXPECT_EQ(t.arg, 0);
  EXPECT_EQ(t.error, "add_months(): expected a month (adding months to a date is ambiguous at month ends), found date");
  t = TypeOf("min", {money, date});
  EXPECT_EQ(t.arg, 1);
  EXPECT_EQ(t.error, "min(): cannot mix money and date");
  t = TypeOf("sum", {Type{BaseType::kMoney, SeriesKind::kMonthly, -1}, month, integer});
  EXPECT_EQ(t.arg, 2);
  EXPECT_EQ(t.error, "sum(): expected a month, found integer");
  t = TypeOf("abs", {date});
  EXPECT_EQ(t.arg, 0);
  EXPECT_EQ(t.error, "abs(): expected a number or money");
}

Value Call(std::string_view name, std::vector<Value> args) {
  static const Program program;
  static const ProfileData profile;
  const Builtin& fn = Builtins()[static_cast<std::size_t>(FindBuiltin(name))];
  return fn.eval(args, CallContext{program, profile, *Date::Parse("2020-11-30"), -1, 7});
}

TEST(BuiltinRegistry, EvaluationsComputeOnKnownValues) {
  EXPECT_EQ(Call("min", {Value::Number(3), Value::Number(1), Value::Number(2)}), Value::Number(1));
  EXPECT_EQ(Call("max", {Value::OfDate(*Date::Parse("2020-01-01")), Value::OfDate(*Date::Parse("2021-01-01"))}),
            Value::OfDate(*Date::Parse("2021-01-01")));
  EXPECT_EQ(Call("round", {Value::Number(*Decimal::Ratio(1, 3))}), Value::Number(*Decimal::Ratio(33, 100)));
  EXPECT_EQ(Call("ceil", {Value::Number(*Decimal::Ratio(-3, 2))}), Value::Number(-1));
  EXPECT_EQ(Call("add_years", {Value::OfDate(*Date::Parse("2020-02-29")), Value::Number(1)}),
            Value::OfDate(*Date::Parse("2021-03-01")));
  EXPECT_EQ(Call("starts_with", {Value::String("56.10A"), Value::String("56")}), Value::Bool(true));
}

// A function's evaluation on texts (the batch path's) is its evaluation on
// string values.
TEST(BuiltinRegistry, EvaluationsOnTextsEqualThoseOnValues) {
  const std::vector<std::string_view> texts = {"", "4", "47", "47.11B", "56.10A", "047", "é"};
  int functions = 0;
  for (const Builtin& fn : Builtins()) {
    if (fn.on_strings == nullptr) continue;
    SCOPED_TRACE(std::string(fn.name));
    ++functions;
    ASSERT_EQ(fn.min_args, 2) << "this test passes two texts";
    for (const std::string_view x : texts) {
      for (const std::string_view y : texts) {
        const std::array<std::string_view, 2> args{x, y};
        EXPECT_EQ(ValueOf(fn.on_strings(args), static_cast<std::uint8_t>(Value::Kind::kBool)),
                  Call(fn.name, {Value::String(x), Value::String(y)}))
            << x << ", " << y;
      }
    }
  }
  EXPECT_GE(functions, 1);
}

}  // namespace
}  // namespace relief::internal
