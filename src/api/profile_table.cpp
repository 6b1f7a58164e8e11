#include "relief/profile_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "api/access.hpp"
#include "profile/fact_writer.hpp"

namespace relief {
namespace {

enum class ColumnKind { kFact, kElement, kIgnored, kRefused };

// What a header names, found once for the whole table.
struct Column {
  ColumnKind kind = ColumnKind::kRefused;
  std::int32_t fact = -1;
  std::int32_t period = 0;  // kElement: the month index or the year
  std::string problem;      // kRefused: why
};

Column Refused(std::string problem) { return {ColumnKind::kRefused, -1, 0, std::move(problem)}; }

std::string_view Trimmed(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A series element: "ca_mensuel[2020-11]".
Column BindElement(const internal::FactWriter& w, std::string_view header) {
  const std::size_t open = header.find('[');
  internal::FoundFact found = w.Find(header.substr(0, open));
  if (found.fact < 0) return Refused(found.problem);
  const internal::FactInfo& fact = w.program().facts[found.fact];
  if (!fact.type.is_series()) {
    return Refused(fmt::format("'{}' is not a series: its column is '{}', without a period", fact.name, fact.name));
  }
  std::string problem;
  std::optional<std::int32_t> period = w.Period(fact, header.substr(open + 1, header.size() - open - 2), problem);
  if (!period) return Refused(problem);
  return {ColumnKind::kElement, found.fact, *period, {}};
}

// A record field: "embauche.date".
Column BindField(const internal::FactWriter& w, std::string_view header) {
  const std::size_t dot = header.find('.');
  internal::FoundFact found = w.Find(header.substr(0, dot));
  if (found.fact < 0) return Refused(found.problem);
  if (w.program().facts[found.fact].type.base != internal::BaseType::kRecord) {
    return Refused(
        fmt::format("'{}' is not a record: it has no field '{}'", header.substr(0, dot), header.substr(dot + 1)));
  }
  found = w.FindField(found.fact, header.substr(dot + 1));
  if (found.fact < 0) return Refused(found.problem);
  return {ColumnKind::kFact, found.fact, 0, {}};
}

Column BindHeader(const internal::FactWriter& w, std::string_view header) {
  if (header.size() > 2 && header.back() == ']' && header.find('[') != std::string_view::npos) {
    return BindElement(w, header);
  }
  if (header.find('.') != std::string_view::npos) return BindField(w, header);
  internal::FoundFact found = w.Find(header);
  if (found.fact < 0) return Refused(found.problem);
  const internal::FactInfo& fact = w.program().facts[found.fact];
  if (fact.type.is_series()) {
    return Refused(fmt::format("'{}' is a series: one column per element, as '{}[{}]'", fact.name, fact.name,
                               fact.type.series == internal::SeriesKind::kMonthly ? "2020-11" : "2019"));
  }
  if (fact.type.base == internal::BaseType::kRecord) {
    const std::string field =
        fact.fields.empty() ? "field" : w.program().facts[fact.fields[0]].name.substr(fact.name.size() + 1);
    return Refused(fmt::format("'{}' is a record: one column per field, as '{}.{}'", fact.name, fact.name, field));
  }
  return {ColumnKind::kFact, found.fact, 0, {}};
}

}  // namespace

struct ProfileTable::Binding {
  std::shared_ptr<const internal::Program> program;
  std::vector<Column> columns;
};

ProfileTable::ProfileTable(const RulePack& pack, std::vector<std::string> headers,
                           const std::vector<std::string>& ignored)
    : headers_(std::move(headers)), binding_(std::make_unique<Binding>()) {
  binding_->program = internal::Access::shared_program(pack);
  const internal::FactWriter writer(binding_->program);
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    const std::string& header = headers_[i];
    Column column = std::find(ignored.begin(), ignored.end(), header) != ignored.end()
                        ? Column{ColumnKind::kIgnored, -1, 0, {}}
                        : BindHeader(writer, header);
    for (std::size_t j = 0; j < i && column.kind != ColumnKind::kIgnored && column.kind != ColumnKind::kRefused; ++j) {
      const Column& earlier = binding_->columns[j];
      if (earlier.kind == column.kind && earlier.fact == column.fact && earlier.period == column.period) {
        column = Refused(fmt::format("column '{}' repeats column {} ('{}')", header, j + 1, headers_[j]));
      }
    }
    if (column.kind == ColumnKind::kRefused) column_errors_.push_back({0, header, column.problem});
    if (column.kind == ColumnKind::kFact && binding_->program->facts[column.fact].identifies) identifying_.push_back(i);
    binding_->columns.push_back(std::move(column));
  }
}

ProfileTable::~ProfileTable() = default;
ProfileTable::ProfileTable(ProfileTable&&) noexcept = default;
ProfileTable& ProfileTable::operator=(ProfileTable&&) noexcept = default;

std::optional<Profile> ProfileTable::Read(std::span<const FactValue* const> cells, std::size_t row,
                                          std::vector<CellError>& errors) const {
  const std::size_t before = errors.size();
  if (cells.size() != headers_.size()) {
    errors.push_back({row, {}, fmt::format("expected {} cells, found {}", headers_.size(), cells.size())});
    return std::nullopt;
  }
  internal::FactWriter writer(binding_->program);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Column& column = binding_->columns[i];
    if (cells[i] == nullptr || column.kind == ColumnKind::kIgnored) continue;
    std::string problem =
        column.kind == ColumnKind::kRefused ? column.problem
        : column.kind == ColumnKind::kFact
            ? writer.Set(column.fact, internal::ValueText::Of(*cells[i]), headers_[i])
            : writer.SetElement(column.fact, column.period, internal::ValueText::Of(*cells[i]), headers_[i]);
    if (!problem.empty()) errors.push_back({row, headers_[i], std::move(problem)});
  }
  if (errors.size() != before) return std::nullopt;
  return internal::Access::MakeProfile(std::move(writer).Take());
}

std::optional<Profile> ProfileTable::ReadTexts(std::span<const std::string_view> cells, std::size_t row,
                                               std::vector<CellError>& errors) const {
  std::vector<FactValue> values;
  std::vector<const FactValue*> pointers(cells.size(), nullptr);
  values.reserve(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string_view text = Trimmed(cells[i]);
    if (text.empty()) continue;
    pointers[i] = &values.emplace_back(FactValue::Text(std::string(text)));
  }
  return Read(pointers, row, errors);
}

std::vector<std::string> IdentifyingFacts(const RulePack& pack) {
  std::vector<std::string> names;
  for (const internal::FactInfo& f : internal::Access::program(pack).facts) {
    if (f.identifies) names.push_back(f.name);
  }
  return names;
}

std::vector<std::string> IdentifyingValues(const RulePack& pack, const Profile& profile) {
  const internal::ProfileData& data = internal::Access::data(profile);
  std::vector<std::string> values;
  for (const internal::FactInfo& f : internal::Access::program(pack).facts) {
    if (!f.identifies) continue;
    const internal::Value& v = data.scalars[static_cast<std::size_t>(f.slot)];
    values.emplace_back(v.kind == internal::Value::Kind::kString ? std::string(v.text) : std::string());
  }
  return values;
}

}  // namespace relief
