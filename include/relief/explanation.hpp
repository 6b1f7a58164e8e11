// A firm's whole explanation, to be read where it is: every measure's status
// and amount, its requirements with their and/or operands and the values
// they read, the cases tried, the options, the reasons, the facts still
// missing and the questions to ask, as light views into the compiled pack
// and the values the evaluation computed.
//
//   relief::Explanation why = pack.Explain(profile, date);
//   for (relief::MeasureView m : why.measures()) {
//     if (m.status() != relief::Status::kUndetermined) continue;
//     for (relief::ConditionView c : m.conditions())
//       if (c.outcome() == relief::Outcome::kUnknown) std::cout << c.label() << " : " << c.detail() << '\n';
//   }
//   relief::Evaluation kept = why.ToEvaluation();  // what pack.Evaluate(profile, date) gives
//
// RulePack::Explain computes everything an explanation shows except its
// French words. An explanation made from a batch record (a Trace, or
// BatchEvaluator::Explain for a file of firms) answers each measure's
// status and amount from the record, and computes the rest from the record
// the first time a view reads it. Reading an explanation allocates nothing
// else but French words (details, formatted values, formulas in words,
// reasons' operands, a series element's name), which are built when a
// function returning a std::string is called. An
// advisor's screen or a program that reads a few fields of many firms pays
// for what it reads, where an Evaluation (relief/result.hpp) copies
// everything into texts and lists it owns.
//
// Views are two or three words, copied freely, and valid while the
// Explanation they come from lives, like a std::string_view; their
// std::string_view texts point into the pack, which the Explanation keeps
// alive, as it keeps the profile. An Explanation reads as immutable:
// reading it from many threads at once is safe (a detail built on first
// read is built once).
#ifndef RELIEF_EXPLANATION_HPP_
#define RELIEF_EXPLANATION_HPP_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/decimal.hpp"
#include "relief/result.hpp"

namespace relief {

class Trace;

namespace internal {
class ExplanationData;
struct Access;  // src/api/access.hpp: the engine's way in
}  // namespace internal

// Where a view points: the explanation, a measure of it, an entry.
struct ViewPlace {
  const internal::ExplanationData* data = nullptr;
  std::uint32_t measure = 0;
  std::uint32_t index = 0;
};

// Iterates a list of an explanation (ViewList, UsedValueList) by position.
template <class List, class View>
class ViewIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = View;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = View;

  ViewIterator() = default;
  ViewIterator(const List* list, std::uint32_t at) : list_(list), at_(at) {}
  View operator*() const { return list_->At(at_); }
  ViewIterator& operator++() {
    at_ = list_->Next(at_);
    return *this;
  }
  ViewIterator operator++(int) {
    ViewIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const ViewIterator& a, const ViewIterator& b) { return a.at_ == b.at_; }

 private:
  const List* list_ = nullptr;
  std::uint32_t at_ = 0;
};

// A list of views (or texts) of one explanation: a range of entries, read
// in order or by position.
template <class View>
class ViewList {
 public:
  using iterator = ViewIterator<ViewList, View>;

  ViewList() = default;
  // Entries first … last - 1 of measure `measure`; with `map`, entry i is map[i].
  ViewList(const internal::ExplanationData* data, std::uint32_t measure, std::uint32_t first, std::uint32_t last,
           const std::uint32_t* map = nullptr)
      : data_(data), measure_(measure), first_(first), last_(last), map_(map) {}

  std::size_t size() const { return last_ - first_; }
  bool empty() const { return first_ == last_; }
  View operator[](std::size_t i) const { return At(first_ + static_cast<std::uint32_t>(i)); }
  iterator begin() const { return iterator(this, first_); }
  iterator end() const { return iterator(this, last_); }

 private:
  friend iterator;
  View At(std::uint32_t at) const { return ViewAt(ViewPlace{data_, measure_, map_ != nullptr ? map_[at] : at}); }
  static std::uint32_t Next(std::uint32_t at) { return at + 1; }
  // The view of an entry (the library specialises it for texts).
  static View ViewAt(ViewPlace place) { return View(place); }

  const internal::ExplanationData* data_ = nullptr;
  std::uint32_t measure_ = 0;
  std::uint32_t first_ = 0, last_ = 0;
  const std::uint32_t* map_ = nullptr;
};

// A named value an expression read: a fact, a series element, a value or a
// parameter.
class UsedValueView {
 public:
  explicit UsedValueView(ViewPlace place) : at_(place) {}
  // "perte_pct", "embauche.date", "ca_mensuel[2019-11]" (built when called).
  std::string name() const;
  std::string_view label() const;
  // The value in French ("42 %", "1 500,00 €", "inconnu"); built when called.
  std::string value() const;
  // For a parameter, the source of its value in force; empty otherwise.
  std::string_view source() const;

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// The named values an expression read, each name once, in reading order.
class UsedValueList {
 public:
  using iterator = ViewIterator<UsedValueList, UsedValueView>;

  UsedValueList() = default;
  UsedValueList(const internal::ExplanationData* data, std::uint32_t measure, std::uint32_t first, std::uint32_t last)
      : data_(data), measure_(measure), first_(first), last_(last) {}

  iterator begin() const { return iterator(this, first_); }
  iterator end() const { return iterator(this, last_); }
  bool empty() const { return first_ == last_; }
  std::size_t size() const;  // counts them: a series element read twice is listed once

 private:
  friend iterator;
  UsedValueView At(std::uint32_t at) const { return UsedValueView({data_, measure_, at}); }
  // The read after `at`, skipping a series element already listed.
  std::uint32_t Next(std::uint32_t at) const;

  const internal::ExplanationData* data_ = nullptr;
  std::uint32_t measure_ = 0;
  std::uint32_t first_ = 0, last_ = 0;
};

// A requirement of the version in force, or one of the operands of an
// "and" / "or" requirement (whose label is its expression).
class ConditionView {
 public:
  explicit ConditionView(ViewPlace place) : at_(place) {}
  std::string_view label() const;
  std::string_view source() const;  // empty for an operand
  Outcome outcome() const;
  std::string_view expression() const;
  // Why it is not met: the values read and what is required, in French;
  // empty when met. Built when called.
  std::string detail() const;
  bool has_detail() const { return outcome() != Outcome::kMet; }
  UsedValueList values() const;
  ViewList<std::string_view> open_points() const;  // empty for an operand
  ViewList<ConditionView> parts() const;           // an "and" / "or": its operands

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// A case tried: those before the one that applied, and it.
class CaseView {
 public:
  explicit CaseView(ViewPlace place) : at_(place) {}
  std::string_view id() const;
  std::string_view label() const;
  std::string_view source() const;
  Outcome outcome() const;
  std::string detail() const;  // empty when it holds or has no condition; built when called
  bool chosen() const;

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// An option of the amount applied, with its exact amount (before rounding).
class OptionView {
 public:
  explicit OptionView(ViewPlace place) : at_(place) {}
  std::string_view label() const;
  std::string_view source() const;
  std::optional<Decimal> amount() const;
  bool chosen() const;

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// A fact the profile does not give and that could change the outcome.
class MissingFactView {
 public:
  explicit MissingFactView(ViewPlace place) : at_(place) {}
  std::string_view fact() const;  // "effectif", "ca_mensuel", "embauche.date"
  std::string period() const;     // "2019-11", "2019", or empty
  std::string_view label() const;
  std::string question() const;  // with the period in French for a series element
  std::string Key() const;       // as MissingFact::Key: "ca_mensuel.2019-11"
  std::string Column() const;    // as MissingFact::Column: "ca_mensuel[2019-11]"

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// Why a measure has its status: a code and its operands (relief/result.hpp,
// ReasonCode), worded by a report.
class ReasonView {
 public:
  explicit ReasonView(ViewPlace place) : at_(place) {}
  ReasonCode code() const;
  std::size_t operand_count() const;
  std::string operand(std::size_t i) const;  // built when called

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

// One measure, explained.
class MeasureView {
 public:
  // Measure `place.index` (a list of measures places them so).
  explicit MeasureView(ViewPlace place) : at_{place.data, place.index, place.index} {}
  std::string_view id() const;
  std::string_view title() const;
  std::string_view issuer() const;
  MeasureKind kind() const;
  AmountPeriod per() const;
  std::string_view territory() const;
  std::string_view apply() const;

  Status status() const;
  std::optional<Decimal> amount() const;  // rounded to the cent, as MeasureResult::amount
  std::string_view version() const;       // the version in force and its label; empty when none
  std::optional<Date> deadline() const;
  std::string_view case_id() const;  // the case that applied, when known
  std::string_view case_label() const;
  std::string_view option() const;           // the option chosen, if any
  std::string_view amount_formula() const;   // the formula applied
  std::string amount_formula_words() const;  // in French words; built when called
  UsedValueList amount_values() const;
  std::string error() const;  // for Status::kError: where and what; built when called

  ViewList<ReasonView> reasons() const;
  ViewList<ConditionView> conditions() const;
  ViewList<CaseView> cases() const;
  ViewList<OptionView> options() const;
  ViewList<MissingFactView> missing() const;
  ViewList<std::string_view> sources() const;  // of the version and case applied
  ViewList<std::string_view> measure_sources() const;
  ViewList<std::string_view> open_points() const;

  // Where it points (for the library's own use).
  ViewPlace place() const { return at_; }

 private:
  ViewPlace at_;
};

class Explanation {
 public:
  Explanation();  // empty: no measure
  // The explanation of a profile recorded by the batch path
  // (relief/trace.hpp), read from its record: what RulePack::Explain gives
  // for the profile at trace.date(). Its statuses and amounts are the
  // record's; the rest is built from the record when first read. This one
  // copies the record (a few hundred bytes), the next takes it, leaving the
  // trace empty. Both throw std::logic_error when nothing was recorded.
  explicit Explanation(const Trace& trace);
  explicit Explanation(Trace&& trace);
  ~Explanation();
  Explanation(const Explanation&);
  Explanation& operator=(const Explanation&);
  Explanation(Explanation&&) noexcept;
  Explanation& operator=(Explanation&&) noexcept;

  const PackInfo& pack() const;
  Date date() const;
  Month month() const { return date().month_of(); }
  // The facts that identify the firm (Evaluation::firm).
  std::vector<std::pair<std::string, std::string>> firm() const;

  std::size_t measure_count() const;
  MeasureView measure(std::size_t m) const;  // throws std::out_of_range for m >= measure_count()
  ViewList<MeasureView> measures() const;
  // The missing facts of all measures, each once, the most asked first
  // (Evaluation::questions).
  ViewList<MissingFactView> questions() const;

  // The same explanation as owned texts and lists: what RulePack::Evaluate
  // gives (its French words are built when first read, as there).
  Evaluation ToEvaluation() const;

 private:
  friend struct internal::Access;
  explicit Explanation(std::shared_ptr<const internal::ExplanationData> data);
  std::shared_ptr<const internal::ExplanationData> data_;
};

// A list's texts point into the pack (defined in the library).
template <>
std::string_view ViewList<std::string_view>::ViewAt(ViewPlace place);

}  // namespace relief

#endif  // RELIEF_EXPLANATION_HPP_
