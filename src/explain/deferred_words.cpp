// Deferred French texts of an explained evaluation (deferred_words.hpp).
#include "explain/deferred_words.hpp"

#include "explain/condition_explainer.hpp"

namespace relief::internal {

DeferredWords::DeferredWords(std::shared_ptr<const Program> program, std::shared_ptr<const ProfileData> profile,
                             Date date)
    : program_(std::move(program)), profile_(std::move(profile)), date_(date) {}

DeferredWords::~DeferredWords() = default;

relief::Text DeferredWords::Defer(const std::shared_ptr<DeferredWords>& words, Kind kind, InstrId id) {
  const DeferredText& text =
      words->texts_.emplace_back(*words, static_cast<std::uint32_t>(kind), static_cast<std::uint32_t>(id));
  return relief::Text(words, &text);
}

// The values read are those the explained evaluation read: the same
// program, profile and date, computed again by an evaluator of its own.
std::string DeferredWords::Build(std::uint32_t kind, std::uint32_t arg) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (explainer_ == nullptr) {
    evaluator_ = std::make_unique<Evaluator>(*program_, Evaluator::Mode::kRecord);
    evaluator_->Reset(*profile_, date_);
    explainer_ = std::make_unique<ConditionExplainer>(*evaluator_, program_);
  }
  const auto id = static_cast<InstrId>(arg);
  switch (static_cast<Kind>(kind)) {
    case Kind::kDetail:
      return explainer_->Detail(id);
    case Kind::kValue:
      return explainer_->Format(id);
    case Kind::kWords:
      return explainer_->Words(id);
  }
  return {};
}

}  // namespace relief::internal
