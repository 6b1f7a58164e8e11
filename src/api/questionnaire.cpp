// The questionnaire: the profile as the text typed (ProfileEntries), checked
// and built by a ProfileBuilder, evaluated again after each answer.
#include "relief/questionnaire.hpp"

#include <map>
#include <set>

#include "api/profile_entries.hpp"
#include "relief/profile_builder.hpp"

namespace relief {

struct Questionnaire::Impl {
  Impl(const RulePack& p, Date d) : pack(p), date(d) {
    for (FactDescription& f : pack.Facts()) facts.emplace(f.name, std::move(f));
  }

  // Sets one value on `builder`, as the profile reader would: a series
  // element, a record's field ("embauche.date") or a single value.
  bool SetOn(ProfileBuilder& builder, const MissingFact& fact, const std::string& text) const;
  // Builds the profile from `entries` and evaluates it.
  bool Rebuild();

  RulePack pack;
  Date date;
  std::map<std::string, FactDescription> facts;  // by name ("embauche.date")
  internal::ProfileEntries entries;
  std::optional<Profile> profile;
  Evaluation evaluation;
  std::set<std::string> done;  // keys answered or skipped
};

bool Questionnaire::Impl::SetOn(ProfileBuilder& builder, const MissingFact& fact, const std::string& text) const {
  if (!fact.period.empty()) return builder.SetSeries(fact.fact, fact.period, FactValue::Text(text));
  return builder.Set(fact.fact, FactValue::Text(text));
}

bool Questionnaire::Impl::Rebuild() {
  ProfileBuilder builder(pack);
  for (const internal::ProfileEntry& e : entries.entries()) {
    auto it = facts.find(e.fact);
    const bool series = it != facts.end() && !it->second.series.empty();
    if (e.parts.empty()) SetOn(builder, {e.fact, "", "", ""}, e.text);
    for (const auto& [part, text] : e.parts) {
      SetOn(builder, series ? MissingFact{e.fact, part, "", ""} : MissingFact{e.fact + "." + part, "", "", ""}, text);
    }
  }
  ProfileResult built = builder.Build();
  if (!built.ok()) return false;
  profile = *built.profile;
  evaluation = pack.Evaluate(*profile, date);
  return true;
}

Questionnaire::Questionnaire(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Questionnaire::~Questionnaire() = default;
Questionnaire::Questionnaire(Questionnaire&&) noexcept = default;
Questionnaire& Questionnaire::operator=(Questionnaire&&) noexcept = default;

QuestionnaireResult Questionnaire::Start(const RulePack& pack, Date date, std::string_view profile_text,
                                         const std::string& file_name) {
  auto impl = std::make_unique<Impl>(pack, date);
  std::vector<Diagnostic> diagnostics;
  if (profile_text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    ProfileResult read = pack.ReadProfile(profile_text, file_name);
    diagnostics = read.diagnostics;
    if (!read.ok()) return {Checked<Questionnaire>(read.diagnostics), std::move(diagnostics)};
    impl->entries = internal::ProfileEntries::FromYaml(std::string(profile_text));
  }
  if (!impl->Rebuild()) {
    // The reader accepted what the builder refuses: a bug, said as such.
    // Filled member by member: GCC 12 -O3 warns (maybe-uninitialized, a
    // false positive) about an aggregate temporary in an initializer list.
    std::vector<Diagnostic> errors(1);
    errors[0].location.file = file_name;
    errors[0].message = "internal error: the profile cannot be rebuilt";
    return {Checked<Questionnaire>(errors), errors};
  }
  return {Questionnaire(std::move(impl)), std::move(diagnostics)};
}

const Evaluation& Questionnaire::evaluation() const { return impl_->evaluation; }
const Profile& Questionnaire::profile() const { return *impl_->profile; }
int Questionnaire::KnownFacts() const { return impl_->entries.Count(); }

std::optional<Question> Questionnaire::Next() const {
  for (const MissingFact& m : impl_->evaluation.questions) {
    if (impl_->done.count(m.Key()) != 0) continue;
    auto it = impl_->facts.find(m.fact);
    if (it == impl_->facts.end() || it->second.base == "record") continue;  // asked field by field
    Question q{m, it->second, 0};
    for (const MeasureResult& r : impl_->evaluation.measures) {
      for (const MissingFact& missing : r.missing) q.measures += missing == m ? 1 : 0;
    }
    return q;
  }
  return std::nullopt;
}

void Questionnaire::Skip(const Question& question) { impl_->done.insert(question.fact.Key()); }

AnswerResult Questionnaire::Answer(const Question& question, std::string_view answer) {
  const std::size_t first = answer.find_first_not_of(" \t\r\n");
  const std::string text = first == std::string_view::npos
                               ? ""
                               : std::string(answer.substr(first, answer.find_last_not_of(" \t\r\n") - first + 1));
  ProfileBuilder check(impl_->pack);
  if (!impl_->SetOn(check, question.fact, text)) return {false, check.diagnostics().front().message, {}};
  const MissingFact& f = question.fact;
  const std::string_view fact = f.fact;
  const std::size_t dot = fact.find('.');
  if (!f.period.empty()) {
    impl_->entries.Set(f.fact, f.period, text);
  } else if (dot != std::string::npos) {
    impl_->entries.Set(std::string(fact.substr(0, dot)), std::string(fact.substr(dot + 1)), text);
  } else {
    impl_->entries.Set(f.fact, "", text);
  }
  impl_->done.insert(f.Key());
  const Evaluation before = impl_->evaluation;
  if (!impl_->Rebuild()) return {false, "internal error: the profile cannot be rebuilt", {}};
  return {true, "", ChangedMeasures(before, impl_->evaluation)};
}

std::string Questionnaire::ToYaml() const {
  return impl_->entries.ToYaml([this](const std::string& fact) {
    auto it = impl_->facts.find(fact);
    return it != impl_->facts.end() && it->second.base == "string";
  });
}

std::vector<MeasureChange> ChangedMeasures(const Evaluation& before, const Evaluation& after) {
  std::vector<MeasureChange> changes;
  for (std::size_t i = 0; i < before.measures.size() && i < after.measures.size(); ++i) {
    const MeasureResult& b = before.measures[i];
    const MeasureResult& a = after.measures[i];
    if (b.status == a.status && b.amount == a.amount) continue;
    changes.push_back({a.id, a.title, a.kind, a.per, b.status, a.status, b.amount, a.amount});
  }
  return changes;
}

}  // namespace relief
