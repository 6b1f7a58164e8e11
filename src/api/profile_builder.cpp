#include "relief/profile_builder.hpp"

#include <fmt/format.h>

#include "api/access.hpp"
#include "profile/fact_writer.hpp"

namespace relief {

struct ProfileBuilder::Impl {
  explicit Impl(std::shared_ptr<const internal::Program> program) : writer(std::move(program)) {}
  internal::FactWriter writer;
};

ProfileBuilder::ProfileBuilder(const RulePack& pack)
    : impl_(std::make_unique<Impl>(internal::Access::shared_program(pack))) {}
ProfileBuilder::~ProfileBuilder() = default;
ProfileBuilder::ProfileBuilder(ProfileBuilder&&) noexcept = default;
ProfileBuilder& ProfileBuilder::operator=(ProfileBuilder&&) noexcept = default;

bool ProfileBuilder::Refuse(std::string message) {
  if (message.empty()) return true;
  diagnostics_.push_back(Diagnostic{Severity::kError, {}, std::move(message), {}});
  return false;
}

bool ProfileBuilder::Set(std::string_view name, const FactValue& value) {
  internal::FactWriter& w = impl_->writer;
  const std::size_t dot = name.find('.');
  internal::FoundFact found = w.Find(name.substr(0, dot));
  if (found.fact >= 0 && dot != std::string_view::npos) {
    if (w.program().facts[found.fact].type.base != internal::BaseType::kRecord) {
      return Refuse(
          fmt::format("'{}' is not a record: it has no field '{}'", name.substr(0, dot), name.substr(dot + 1)));
    }
    found = w.FindField(found.fact, name.substr(dot + 1));
  }
  if (found.fact < 0) return Refuse(found.problem);
  const internal::FactInfo& fact = w.program().facts[found.fact];
  if (fact.type.is_series()) {
    return Refuse(fmt::format("'{}' is a series: set its elements one by one with their {}", fact.name,
                              fact.type.series == internal::SeriesKind::kMonthly ? "month (2020-11)" : "year (2019)"));
  }
  if (fact.type.base == internal::BaseType::kRecord) {
    return Refuse(fmt::format(
        "'{}' is a record: set its fields, as '{}.{}'", fact.name, fact.name,
        fact.fields.empty() ? "field" : w.program().facts[fact.fields[0]].name.substr(fact.name.size() + 1)));
  }
  return Refuse(w.Set(found.fact, internal::ValueText::Of(value), fact.name));
}

bool ProfileBuilder::SetSeries(std::string_view name, std::string_view period, const FactValue& value) {
  internal::FactWriter& w = impl_->writer;
  internal::FoundFact found = w.Find(name);
  if (found.fact < 0) return Refuse(found.problem);
  const internal::FactInfo& fact = w.program().facts[found.fact];
  if (!fact.type.is_series()) return Refuse(fmt::format("'{}' is not a series: set it without a period", fact.name));
  std::string problem;
  std::optional<std::int32_t> index = w.Period(fact, period, problem);
  if (!index) return Refuse(problem);
  return Refuse(
      w.SetElement(found.fact, *index, internal::ValueText::Of(value), fmt::format("{}[{}]", fact.name, period)));
}

ProfileResult ProfileBuilder::Build() const {
  if (!ok()) return internal::MakeProfileResult(nullptr, diagnostics_, "profile");
  return internal::MakeProfileResult(impl_->writer.Finish(), diagnostics_, "profile");
}

}  // namespace relief
