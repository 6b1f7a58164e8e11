// The month-by-month evaluation behind `relief timeline`: one Evaluate per
// month, the monthly measures kept, their amounts summed exactly.
#include "relief/timeline.hpp"

#include <stdexcept>

namespace relief {
namespace {

// Adds one month's result to its row.
void AddMonth(const MeasureResult& r, TimelineRow& row) {
  const TimelineCell cell{r.status, r.amount};
  if (r.status == Status::kUndetermined) ++row.undetermined_months;
  if (r.status == Status::kEligible) {
    ++row.eligible_months;
    if (!r.amount) {
      ++row.months_without_amount;
    } else if (row.total) {
      row.total = row.total->Add(*r.amount);  // nullopt from now on once it overflows
    }
  }
  row.cells.push_back(cell);
}

std::vector<Month> Span(Month from, Month to) {
  if (to < from) {
    throw std::invalid_argument("timeline: the last month " + to.ToString() + " is before the first " +
                                from.ToString());
  }
  if (std::int64_t{to.index()} - from.index() >= kMaxTimelineMonths) {
    throw std::invalid_argument("timeline: at most " + std::to_string(kMaxTimelineMonths) + " months at once");
  }
  std::vector<Month> months;
  for (std::int32_t i = from.index(); i <= to.index(); ++i) months.push_back(Month::FromIndex(i));
  return months;
}

}  // namespace

Timeline EvaluateTimeline(const RulePack& pack, const Profile& profile, Month from, Month to) {
  Timeline timeline;
  timeline.months = Span(from, to);
  timeline.pack = pack.info();
  std::vector<TimelineRow> rows;  // every measure, by pack index
  std::vector<bool> monthly;
  for (const Month& month : timeline.months) {
    Evaluation e = pack.Evaluate(profile, month.LastDay());
    if (rows.empty()) {
      timeline.firm = e.firm;
      for (const MeasureResult& r : e.measures) {
        rows.push_back({r.id, r.title, r.kind, {}, Decimal(0), 0, 0, 0});
        monthly.push_back(r.per == AmountPeriod::kMonth);
      }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) AddMonth(e.measures[i], rows[i]);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!monthly[i]) continue;
    bool in_force = false;
    for (const TimelineCell& cell : rows[i].cells) in_force = in_force || cell.status != Status::kNotApplicable;
    if (in_force) timeline.rows.push_back(std::move(rows[i]));
  }
  return timeline;
}

}  // namespace relief
