// The phone questionnaire behind `relief ask`, without the terminal: a
// profile filled in answer by answer, the question to ask next, what each
// answer changed, and the profile as YAML to save.
//
//   relief::Questionnaire q = relief::Questionnaire::Start(pack, date, text).questionnaire.value();
//   while (std::optional<relief::Question> question = q.Next()) {
//     relief::AnswerResult r = q.Answer(*question, ReadLine());  // r.problem when refused
//     if (r.accepted) Save(q.ToYaml());
//   }
//
// Answers are checked by a ProfileBuilder, so they are refused with the
// profile reader's messages (type, bounds, list, the amount grammar of
// docs/profiles.md), and the YAML read back gives the same evaluation.
#ifndef RELIEF_QUESTIONNAIRE_HPP_
#define RELIEF_QUESTIONNAIRE_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/checked.hpp"
#include "relief/diagnostic.hpp"
#include "relief/introspection.hpp"
#include "relief/result.hpp"
#include "relief/rule_pack.hpp"

namespace relief {

struct Question {
  MissingFact fact;             // fact, period, label, French question (with its month or year)
  FactDescription description;  // type, allowed values, unit and bounds
  int measures = 0;             // the measures that need it (Evaluation::questions counts these)
};

// A measure whose status or amount an answer changed.
struct MeasureChange {
  std::string id;
  std::string title;
  MeasureKind kind = MeasureKind::kGrant;
  AmountPeriod per = AmountPeriod::kOnce;
  Status status_before = Status::kUndetermined;
  Status status_after = Status::kUndetermined;
  std::optional<Decimal> amount_before;
  std::optional<Decimal> amount_after;
};

// The measures whose status or amount differ, in pack order; both
// evaluations come from the same pack.
std::vector<MeasureChange> ChangedMeasures(const Evaluation& before, const Evaluation& after);
// The changes in French, one line each ("Fonds de solidarité : à déterminer
// → éligible, 1 500 € par mois"), each ending with a newline.
std::string ChangesToText(const std::vector<MeasureChange>& changes);

struct AnswerResult {
  bool accepted = false;
  std::string problem;                 // why it was refused (the profile reader's message)
  std::vector<MeasureChange> changes;  // when accepted
};

struct QuestionnaireResult;

class Questionnaire {
 public:
  // Starts from a profile's YAML or JSON text (empty: nothing is known),
  // read as RulePack::ReadProfile reads it; evaluated at `date`.
  static QuestionnaireResult Start(const RulePack& pack, Date date, std::string_view profile_text = {},
                                   const std::string& file_name = "profile");

  ~Questionnaire();
  Questionnaire(Questionnaire&&) noexcept;
  Questionnaire& operator=(Questionnaire&&) noexcept;

  // The evaluation of the profile as it stands.
  const Evaluation& evaluation() const;
  // The profile as it stands.
  const Profile& profile() const;
  // The first of evaluation().questions not yet answered nor skipped (the
  // one needed by the most measures); none when nothing is left to ask.
  std::optional<Question> Next() const;
  // Checks `answer`, written as in a profile ("1 500 €", "2020-11-15",
  // "true"); when accepted, sets it, evaluates again and says what changed.
  // Spaces around the answer are ignored.
  AnswerResult Answer(const Question& question, std::string_view answer);
  // Not asked again.
  void Skip(const Question& question);
  // The facts given so far (those of the starting profile, then the answers
  // in the order given), as a YAML profile that reads back to profile().
  std::string ToYaml() const;
  // How many facts (series elements and record fields counted one by one).
  int KnownFacts() const;

 private:
  struct Impl;
  explicit Questionnaire(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct QuestionnaireResult {
  Checked<Questionnaire> questionnaire;  // absent when the starting profile has errors
  std::vector<Diagnostic> diagnostics;   // the profile reader's
  bool ok() const { return questionnaire.has_value(); }
};

}  // namespace relief

#endif  // RELIEF_QUESTIONNAIRE_HPP_
