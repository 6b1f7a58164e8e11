#include "profile/fact_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "core/suggest.hpp"
#include "ir/value_format.hpp"
#include "profile/number_text.hpp"

namespace relief::internal {
namespace {

// Well-formed UTF-8 (lead byte, then the right number of continuation bytes).
bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  // ASCII, the common case, eight bytes at a time.
  for (std::uint64_t word = 0; i + sizeof(word) <= s.size(); i += sizeof(word)) {
    std::memcpy(&word, s.data() + i, sizeof(word));
    if ((word & 0x8080808080808080) != 0) break;
  }
  while (i < s.size()) {
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

}  // namespace

std::optional<NumberKind> NumberKindOf(BaseType base) {
  switch (base) {
    case BaseType::kInteger:
      return NumberKind::kInteger;
    case BaseType::kDecimal:
      return NumberKind::kNumber;
    case BaseType::kMoney:
      return NumberKind::kMoney;
    case BaseType::kPercentage:
      return NumberKind::kPercentage;
    default:
      return std::nullopt;
  }
}

namespace {

// Which typed values a fact of base type `base` takes (text fits all).
bool Accepts(BaseType base, FactValue::Kind kind) {
  switch (kind) {
    case FactValue::Kind::kText:
      return true;
    case FactValue::Kind::kNumber:
    case FactValue::Kind::kInteger:
      return base == BaseType::kInteger || base == BaseType::kDecimal || base == BaseType::kPercentage ||
             base == BaseType::kMoney;
    case FactValue::Kind::kBoolean:
      return base == BaseType::kBoolean;
    case FactValue::Kind::kDate:
      return base == BaseType::kDate;
    case FactValue::Kind::kMonth:
      return base == BaseType::kMonth;
  }
  return false;
}

const char* KindName(FactValue::Kind kind) {
  switch (kind) {
    case FactValue::Kind::kText:
      return "the text";
    case FactValue::Kind::kNumber:
      return "the number";
    case FactValue::Kind::kInteger:
      return "the integer";
    case FactValue::Kind::kBoolean:
      return "the boolean";
    case FactValue::Kind::kDate:
      return "the date";
    case FactValue::Kind::kMonth:
      return "the month";
  }
  return "the value";
}

}  // namespace

FactWriter::FactWriter(std::shared_ptr<const Program> program) : program_(std::move(program)) {
  for (const auto& [name, index] : program_->fact_index) names_.emplace(name, index);
  Clear();
}

void FactWriter::Clear() {
  // Written in place when no profile handed out shares it.
  if (!data_ || data_.use_count() != 1) data_ = std::make_shared<ProfileData>();
  Reset(*data_);
  series_.clear();
}

void FactWriter::Reset(ProfileData& data) const {
  data.scalars.assign(static_cast<std::size_t>(program_->scalar_slots), Value{});
  data.cells.assign(program_->cell_count(), Cell{});  // the string tests' unknown, as their facts
  data.series.resize(static_cast<std::size_t>(program_->series_slots));
  for (SeriesData& s : data.series) {
    s.first = 0;
    s.values.clear();
  }
  data.strings.clear();
  data.siren.clear();
  if (data.program != program_) data.program = program_;
}

FoundFact FactWriter::Find(std::string_view name) const {
  auto it = names_.find(name);
  if (it != names_.end()) return {it->second, {}};
  std::vector<std::string> names;
  for (const auto& [known, _] : program_->fact_index) names.push_back(known);
  std::sort(names.begin(), names.end());
  return {-1, fmt::format("unknown field '{}'{}", name, DidYouMean(name, names))};
}

FoundFact FactWriter::FindField(std::int32_t record, std::string_view field) const {
  const FactInfo& fact = program_->facts[record];
  std::vector<std::string> names;
  for (std::int32_t f : fact.fields) names.push_back(program_->facts[f].name.substr(fact.name.size() + 1));
  auto it = std::find(names.begin(), names.end(), field);
  if (it != names.end()) return {fact.fields[it - names.begin()], {}};
  return {-1, fmt::format("'{}' has no field '{}'{}", fact.name, field, DidYouMean(field, names))};
}

std::optional<std::int32_t> FactWriter::Period(const FactInfo& fact, std::string_view key, std::string& problem) const {
  const bool monthly = fact.type.series == SeriesKind::kMonthly;
  if (monthly) {
    if (auto m = Month::Parse(key)) return m->index();
  } else if (key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(std::string(key));
  }
  problem =
      fmt::format("'{}': expected a {} as key, found '{}'", fact.name, monthly ? "month YYYY-MM" : "year YYYY", key);
  return std::nullopt;
}

std::string FactWriter::Set(std::int32_t index, const ValueText& value, const std::string& name) {
  const FactInfo& fact = program_->facts[index];
  std::string problem;
  if (fact.type.is_series() || fact.type.base == BaseType::kRecord) {
    return fmt::format("'{}': expected {}, found {} {}", name, TypeName(fact.type, program_->enums),
                       KindName(value.kind), value.text);
  }
  // Written in place, and put back as it was when the value is refused.
  Value& slot = data_->scalars[fact.slot];
  Cell& cell = data_->cells[fact.slot];
  const Value before = slot;
  const Cell cell_before = cell;
  if (!Convert(fact, value, name, problem, slot, cell)) {
    slot = before;
    cell = cell_before;
    return problem;
  }
  WriteStringTests(fact);
  return problem;
}

std::string FactWriter::SetElement(std::int32_t index, std::int32_t period, const ValueText& value,
                                   const std::string& name) {
  const FactInfo& fact = program_->facts[index];
  std::string problem;
  Value v;
  Cell cell;  // series elements have no cells
  if (Convert(fact, value, name, problem, v, cell)) series_[fact.slot][period] = v;
  return problem;
}

bool FactWriter::Convert(const FactInfo& fact, const ValueText& value, const std::string& name, std::string& problem,
                         Value& out, Cell& cell) {
  const Type type = fact.type.element();
  if (!Accepts(type.base, value.kind)) {
    problem = fmt::format("'{}': expected {}, found {} {}", name, TypeName(type, program_->enums), KindName(value.kind),
                          value.text);
    return false;
  }
  // The common case first, without a message to prepare: FromText would
  // give the same value.
  if (PlainValue(fact, type, value.text, out, cell)) return true;
  if (!FromText(fact, type, value.text, name, problem, out)) return false;
  if (fact.min || fact.max) problem = OutOfBounds(fact, out, name);
  cell = CellOf(out);
  return problem.empty();
}

bool FactWriter::SetPlain(std::int32_t index, std::string_view text) {
  const FactInfo& fact = program_->facts[index];
  if (fact.type.is_series() || fact.type.base == BaseType::kRecord) return false;
  if (!PlainValue(fact, fact.type, text, data_->scalars[fact.slot], data_->cells[fact.slot])) return false;
  WriteStringTests(fact);
  return true;
}

void FactWriter::WriteStringTests(const FactInfo& fact) {
  if (fact.string_tests.empty()) return;
  const Value& v = data_->scalars[fact.slot];
  for (const std::int32_t t : fact.string_tests) {
    const auto at = static_cast<std::size_t>(program_->scalar_slots) + static_cast<std::size_t>(t);
    data_->cells[at] = v.unknown() ? Cell::Unknown() : program_->string_tests[static_cast<std::size_t>(t)].Of(v.text);
  }
}

bool FactWriter::SetNumber(std::int32_t index, PlainNumber n) {
  const FactInfo& fact = program_->facts[index];
  return WriteNumber(fact, n, data_->scalars[fact.slot], data_->cells[fact.slot]);
}

bool FactWriter::WriteNumber(const FactInfo& fact, PlainNumber n, Value& out, Cell& cell) {
  const std::optional<Decimal> d = Decimal::FromScaled(n.units, n.places);
  if (!d || (fact.min && *d < fact.min->number) || (fact.max && fact.max->number < *d)) return false;
  out = Value::Number(*d);
  cell = Cell::Scaled(n.units, n.places);
  return true;
}

bool FactWriter::PlainValue(const FactInfo& fact, Type type, std::string_view text, Value& out, Cell& cell) {
  // Bounds are checked before `out` is written, as OutOfBounds checks them:
  // a number by its value, any other value by its integer.
  // The cells are made here, inline: returned from CellOf, they would be
  // reloaded from memory and stall on the stores that wrote them.
  auto integer = [&](std::int32_t i, Value v, std::int64_t c) {
    if ((fact.min && i < fact.min->integer) || (fact.max && fact.max->integer < i)) return false;
    out = v;
    cell = Cell::Integer(c);
    return true;
  };
  if (auto kind = NumberKindOf(type.base)) {
    std::optional<PlainNumber> n = ScanPlainNumber(text, *kind);
    return n && WriteNumber(fact, *n, out, cell);
  }
  switch (type.base) {
    case BaseType::kBoolean:
      if (text != "true" && text != "false") return false;
      return integer(0, Value::Bool(text == "true"), text == "true" ? 1 : 0);
    case BaseType::kDate: {
      std::optional<Date> d = Date::Parse(text);
      return d && integer(d->days_since_epoch(), Value::OfDate(*d), d->days_since_epoch());
    }
    case BaseType::kEnum: {
      const auto& values = program_->enums[type.id];
      auto it = std::find(values.begin(), values.end(), text);
      const auto index = static_cast<std::int32_t>(it - values.begin());
      return it != values.end() && integer(index, Value::Enum(index), index);
    }
    case BaseType::kString:
      if (CheckString(fact, text) != StringCheck::kOk) return false;
      StoreString(text, out);
      cell = Cell::Integer(out.integer);
      return true;
    default:  // months
      return false;
  }
}

bool FactWriter::FromText(const FactInfo& fact, Type type, std::string_view text, const std::string& name,
                          std::string& problem, Value& out) {
  auto fail = [&](const std::string& expected) {
    problem = fmt::format("'{}': expected {}, found '{}'", name, expected, text);
    return false;
  };
  auto number = [&](NumberKind kind) {
    ParsedNumber n = ParseProfileNumber(text, kind);
    if (!n.value) problem = fmt::format("'{}': {}", name, n.problem);
    if (!n.value) return false;
    out = Value::Number(*n.value);
    return true;
  };
  auto set = [&](const Value& v) {
    out = v;
    return true;
  };
  if (auto kind = NumberKindOf(type.base)) return number(*kind);
  switch (type.base) {
    case BaseType::kBoolean:
      // Only true and false: YAML 1.1's yes/no/on/off are too easy to mistype.
      if (text == "true" || text == "false") return set(Value::Bool(text == "true"));
      return fail("true or false");
    case BaseType::kDate:
      if (auto d = Date::Parse(text)) return set(Value::OfDate(*d));
      if (text.size() == 10 && text[4] == '-' && text[7] == '-') return fail("a date that exists in the calendar");
      return fail("a date YYYY-MM-DD");
    case BaseType::kMonth:
      if (auto m = Month::Parse(text)) return set(Value::OfMonth(*m));
      return fail("a month YYYY-MM");
    case BaseType::kString:
      if (std::optional<Value> v = FromString(fact, text, name, problem)) return set(*v);
      return false;
    case BaseType::kEnum: {
      const auto& values = program_->enums[type.id];
      auto it = std::find(values.begin(), values.end(), text);
      if (it != values.end()) return set(Value::Enum(static_cast<std::int32_t>(it - values.begin())));
      problem =
          fmt::format("'{}': '{}' is not one of {}{}", name, text, fmt::join(values, ", "), DidYouMean(text, values));
      return false;
    }
    default:
      return fail(TypeName(type, program_->enums));
  }
}

std::optional<Value> FactWriter::FromString(const FactInfo& fact, std::string_view text, const std::string& name,
                                            std::string& problem) {
  auto fail = [&](const std::string& expected) -> std::optional<Value> {
    problem = fmt::format("'{}': expected {}, found '{}'", name, expected, text);
    return std::nullopt;
  };
  switch (CheckString(fact, text)) {
    case StringCheck::kOk: {
      Value v;
      StoreString(text, v);
      return v;
    }
    case StringCheck::kNotUtf8:
      return fail("text in UTF-8");
    case StringCheck::kNoMatch:
      return fail(fmt::format("a value matching {}", fact.pattern->text()));
    case StringCheck::kNotInList: {
      const ListInfo& list = program_->lists[fact.in_list];
      std::vector<std::string> codes;
      for (const auto& [code, _] : list.items) codes.push_back(code);
      problem = fmt::format("'{}': '{}' is not in the list « {} »{}", name, text, list.label, DidYouMean(text, codes));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

FactWriter::StringCheck FactWriter::CheckString(const FactInfo& fact, std::string_view text) const {
  if (!IsValidUtf8(text)) return StringCheck::kNotUtf8;
  if (fact.pattern && !fact.pattern->FullMatch(text)) return StringCheck::kNoMatch;
  if (fact.in_list >= 0) {
    const ListInfo& list = program_->lists[fact.in_list];
    if (list.items.find(text) == list.items.end()) return StringCheck::kNotInList;
  }
  return StringCheck::kOk;
}

void FactWriter::StoreString(std::string_view text, Value& out) {
  out = Value::String(data_->strings.emplace_back(text));
  out.integer = program_->StringId(text);
}

std::string FactWriter::ExpectedScalar(const FactInfo& fact, const std::string& name, std::string_view found) const {
  return fmt::format("'{}': expected {}, found {}", name, TypeName(fact.type.element(), program_->enums), found);
}

std::string FactWriter::ExpectedSeriesMapping(const FactInfo& fact) const {
  const bool monthly = fact.type.series == SeriesKind::kMonthly;
  return fmt::format("'{}': expected a mapping of {} to values, as {{\"{}\": …}}", fact.name,
                     monthly ? "months" : "years", monthly ? "2020-11" : "2019");
}

std::string FactWriter::OutOfBounds(const FactInfo& fact, const Value& v, const std::string& name) const {
  for (const auto& [bound, is_min] : {std::pair{&fact.min, true}, std::pair{&fact.max, false}}) {
    if (!*bound) continue;
    const Value& b = **bound;
    bool outside = v.kind == Value::Kind::kNumber ? (is_min ? v.number < b.number : b.number < v.number)
                                                  : (is_min ? v.integer < b.integer : b.integer < v.integer);
    if (outside) {
      return fmt::format("'{}': {} is {} {}", name, FormatValue(*program_, v, fact.type.element()),
                         is_min ? "below the minimum" : "above the maximum",
                         FormatValue(*program_, b, fact.type.element()));
    }
  }
  return {};
}

namespace {

// Lays the elements of each series, given by period, out densely in `data`;
// `own` makes a value the profile's own (its text copied into the profile).
template <typename Own>
void LayOutSeries(const std::map<std::int32_t, std::map<std::int32_t, Value>>& series, ProfileData& data, Own own) {
  for (const auto& [slot, elements] : series) {
    if (elements.empty()) continue;
    SeriesData& s = data.series[slot];
    s.first = elements.begin()->first;
    s.values.assign(static_cast<std::size_t>(std::int64_t{elements.rbegin()->first} - s.first + 1), Value{});
    for (const auto& [period, v] : elements) s.values[static_cast<std::size_t>(period - s.first)] = own(v);
  }
}

}  // namespace

std::shared_ptr<ProfileData> FactWriter::Finish() const {
  // A copy, so that the writer can go on: its strings are copied into the
  // new profile's own storage, which its values then point into.
  auto data = std::make_shared<ProfileData>();
  auto own = [&](Value v) {
    if (v.kind == Value::Kind::kString) v.text = data->strings.emplace_back(v.text);
    return v;
  };
  data->scalars.reserve(data_->scalars.size());
  for (const Value& v : data_->scalars) data->scalars.push_back(own(v));
  data->series.assign(data_->series.size(), SeriesData{});
  LayOutSeries(series_, *data, own);
  data->cells = data_->cells;  // a string's cell is its id: nothing to own
  data->program = program_;
  return data;
}

std::shared_ptr<ProfileData> FactWriter::Take(std::shared_ptr<ProfileData> next) {
  LayOutSeries(series_, *data_, [](const Value& v) { return v; });
  std::shared_ptr<ProfileData> data = std::move(data_);
  data_ = std::move(next);
  Clear();
  return data;
}

}  // namespace relief::internal
