// The French texts of one explained evaluation that are built only when
// read: a condition's or case's detail, a used value's formatted value, the
// amount's formula in words. An evaluation answers statuses, amounts,
// reasons and questions without them; a report reads them (ToText, ToJson),
// and the first read builds them from the profile and the date, with an
// evaluator of its own.
#ifndef RELIEF_EXPLAIN_DEFERRED_WORDS_HPP_
#define RELIEF_EXPLAIN_DEFERRED_WORDS_HPP_

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "eval/evaluator.hpp"
#include "relief/text.hpp"

namespace relief::internal {

class ConditionExplainer;

class DeferredWords final : public TextBuilder {
 public:
  enum class Kind : std::uint32_t { kDetail, kValue, kWords };

  DeferredWords(std::shared_ptr<const Program> program, std::shared_ptr<const ProfileData> profile, Date date);
  ~DeferredWords();

  // A Text that builds `kind` of instruction `id` when first read; it keeps
  // `words` alive. (Taking the owner rather than shared_from_this() spares
  // a compare-and-swap loop per text.)
  static relief::Text Defer(const std::shared_ptr<DeferredWords>& words, Kind kind, InstrId id);

  std::string Build(std::uint32_t kind, std::uint32_t arg) const override;

 private:
  const std::shared_ptr<const Program> program_;
  const std::shared_ptr<const ProfileData> profile_;
  const Date date_;
  std::deque<DeferredText> texts_;  // never moved: the Texts point into it
  // Made at the first Build, under the mutex (an evaluator is not
  // thread-safe, and most evaluations are never worded).
  mutable std::mutex mutex_;
  mutable std::unique_ptr<Evaluator> evaluator_;
  mutable std::unique_ptr<ConditionExplainer> explainer_;
};

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_DEFERRED_WORDS_HPP_
