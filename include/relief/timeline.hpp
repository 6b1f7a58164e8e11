// A firm's monthly measures month by month over a span of months, with the
// total of each over the span: what `relief timeline` prints.
//
//   relief::Timeline t = relief::EvaluateTimeline(pack, profile, *relief::Month::Parse("2020-02"),
//                                                 *relief::Month::Parse("2020-05"));
//   t.rows[i].total  // the sum of measure i's monthly amounts, February to May 2020
//
// Each month is evaluated at its last day, as `relief eval --month` does, so
// that every text of the month is in force. Only measures whose amount is
// per month (AmountPeriod::kMonth) are listed: their amounts add up over
// months; an amount per year or once does not.
#ifndef RELIEF_TIMELINE_HPP_
#define RELIEF_TIMELINE_HPP_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/decimal.hpp"
#include "relief/result.hpp"
#include "relief/rule_pack.hpp"

namespace relief {

// The longest span evaluated at once: twenty years of months.
inline constexpr int kMaxTimelineMonths = 240;

// One measure in one month, as Evaluate gives it.
struct TimelineCell {
  Status status = Status::kNotApplicable;
  std::optional<Decimal> amount;  // for an eligible month whose amount is known
};

struct TimelineRow {
  std::string id;
  std::string title;
  MeasureKind kind = MeasureKind::kGrant;
  std::vector<TimelineCell> cells;  // one per month of the span, in order
  // The sum of the known amounts of the eligible months (0 when none);
  // absent when the sum does not fit in a Decimal (never a wrong total).
  std::optional<Decimal> total;
  int eligible_months = 0;
  // Eligible months whose amount needs facts the profile does not give:
  // the total leaves them out, so it is a lower bound when this is not 0.
  int months_without_amount = 0;
  int undetermined_months = 0;
};

struct Timeline {
  PackInfo pack;
  std::vector<std::pair<std::string, std::string>> firm;  // as Evaluation::firm
  std::vector<Month> months;                              // the span, in order
  // The monthly measures in force (not kNotApplicable) in at least one month
  // of the span, in pack order.
  std::vector<TimelineRow> rows;
};

// Evaluates `profile` at the last day of each month from `from` to `to`
// included. Throws std::invalid_argument when `to` is before `from` or the
// span is longer than kMaxTimelineMonths.
Timeline EvaluateTimeline(const RulePack& pack, const Profile& profile, Month from, Month to);

// Renderings. Text: a French table, one line per month and one column per
// measure, then the total of each. CSV: one line per measure and month, then
// one per measure whose month is "total" (columns measure, title, kind,
// month, status, amount; amounts as 1500.00). JSON: {"pack", "firm", "from",
// "to", "measures": [{"id", "title", "kind", "months": [{"month", "status",
// "amount"}], "total", "eligible_months", "months_without_amount",
// "undetermined_months"}]}, amounts as decimal strings or null.
std::string TimelineToText(const Timeline& timeline);
std::string TimelineToCsv(const Timeline& timeline);
std::string TimelineToJson(const Timeline& timeline, int indent = 2);

}  // namespace relief

#endif  // RELIEF_TIMELINE_HPP_
