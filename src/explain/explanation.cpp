// relief::Explanation (relief/explanation.hpp): the handle on an
// ExplanationData, and the views its lists make.
#include "relief/explanation.hpp"

#include <stdexcept>

#include "explain/explanation_data.hpp"

namespace relief {

Explanation::Explanation() = default;
Explanation::~Explanation() = default;
Explanation::Explanation(const Explanation&) = default;
Explanation& Explanation::operator=(const Explanation&) = default;
Explanation::Explanation(Explanation&&) noexcept = default;
Explanation& Explanation::operator=(Explanation&&) noexcept = default;
Explanation::Explanation(std::shared_ptr<const internal::ExplanationData> data) : data_(std::move(data)) {}

const PackInfo& Explanation::pack() const {
  static const PackInfo kNone;
  return data_ != nullptr ? data_->p().info : kNone;
}

Date Explanation::date() const { return data_ != nullptr ? data_->date() : Date(); }

std::vector<std::pair<std::string, std::string>> Explanation::firm() const {
  std::vector<std::pair<std::string, std::string>> firm;
  if (data_ == nullptr) return firm;
  for (const internal::FactInfo& f : data_->p().facts) {
    if (!f.identifies) continue;  // only then is `slot` a scalar's (a series or record has none)
    const internal::Value& v = data_->profile().scalars[static_cast<std::size_t>(f.slot)];
    if (v.kind == internal::Value::Kind::kString) firm.emplace_back(f.name, std::string(v.text));
  }
  return firm;
}

std::size_t Explanation::measure_count() const { return data_ != nullptr ? data_->measure_count() : 0; }

MeasureView Explanation::measure(std::size_t m) const {
  if (m >= measure_count()) throw std::out_of_range("Explanation::measure: no such measure");
  return MeasureView(ViewPlace{data_.get(), 0, static_cast<std::uint32_t>(m)});
}

ViewList<MeasureView> Explanation::measures() const {
  return {data_.get(), 0, 0, static_cast<std::uint32_t>(measure_count())};
}

ViewList<MissingFactView> Explanation::questions() const {
  if (data_ == nullptr) return {};
  const std::vector<std::uint32_t>& questions = data_->detail().questions;
  return {data_.get(), 0, 0, static_cast<std::uint32_t>(questions.size()), questions.data()};
}

template <>
std::string_view ViewList<std::string_view>::ViewAt(ViewPlace place) {
  return place.data->detail().texts[place.index];
}
}  // namespace relief
