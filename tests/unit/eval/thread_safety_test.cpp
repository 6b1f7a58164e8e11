// A RulePack is immutable once loaded and may be shared by many threads
// (relief/rule_pack.hpp): evaluating different profiles from 4 threads at once
// gives the same results as evaluating them one after the other.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "relief/batch_evaluator.hpp"
#include "relief/explanation.hpp"
#include "relief/report.hpp"
#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

struct Job {
  const char* profile;
  const char* date;
};

// Eligible with a case, best-of options, ineligible, undetermined, eligible
// with a missing amount, not applicable: one evaluation path per job.
const Job kJobs[] = {
    {"effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
     "1000}\n",
     "2020-11-15"},
    {"effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: aucune}\nsecteur: s1\nca_mensuel: {2019-11: 60000, "
     "2020-11: 10000}\n",
     "2020-11-30"},
    {"effectif: 60\ndate_creation: 2020-10-01\nsecteur: autre\nca_mensuel: {2019-11: 10000, 2020-11: 5800}\n",
     "2020-11-01"},
    {"{}", "2020-11-15"},
    {"effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2020-11: "
     "1000}\naide_specifique: 25000\n",
     "2020-11-15"},
    {"effectif: 3\naide_specifique: 5000\n", "2020-06-15"},
    {"effectif: 51\nsecteur: s1bis\n", "2021-01-10"},
    {"date_creation: 2018-05-04\nfermeture: {2020-11: partielle}\nca_mensuel: {2019-11: 1, 2020-11: 0}\n",
     "2020-11-15"},
};
constexpr std::size_t kJobCount = std::size(kJobs);

std::string EvaluateJob(const RulePack& pack, const Job& job) {
  Profile profile = testing::ReadOrThrow(pack, job.profile);
  return ToJson(pack.Evaluate(profile, testing::D(job.date)));
}

TEST(EvalThreads, FourThreadsSharingOnePackGiveTheSequentialResults) {
  const RulePack& pack = testing::Pack("cases");
  std::vector<std::string> expected;
  for (const Job& job : kJobs) expected.push_back(EvaluateJob(pack, job));
  // The jobs really differ from one another.
  for (std::size_t i = 1; i < kJobCount; ++i) EXPECT_NE(expected[i], expected[0]) << i;

  constexpr int kThreads = 4;
  constexpr int kRounds = 50;
  std::atomic<int> mismatches{0}, runs{0}, failures{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int round = 0; round < kRounds; ++round) {
        // Each thread walks the jobs from a different start: different
        // profiles are evaluated at the same time.
        const std::size_t i = (static_cast<std::size_t>(t) * 2 + static_cast<std::size_t>(round)) % kJobCount;
        try {
          if (EvaluateJob(pack, kJobs[i]) != expected[i]) ++mismatches;
        } catch (...) {
          ++failures;
        }
        ++runs;
      }
    });
  }
  go = true;
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(runs.load(), kThreads * kRounds);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(EvalThreads, ProfilesReadInOneThreadEvaluateInAnother) {
  const RulePack& pack = testing::Pack("cases");
  std::vector<Profile> profiles;
  std::vector<std::string> expected;
  for (const Job& job : kJobs) {
    profiles.push_back(testing::ReadOrThrow(pack, job.profile));
    expected.push_back(ToJson(pack.Evaluate(profiles.back(), testing::D(job.date))));
  }
  std::vector<std::string> got(kJobCount);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < kJobCount; i += 4) {
        got[i] = ToJson(pack.Evaluate(profiles[i], testing::D(kJobs[i].date)));
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(got, expected);
}

// Every French word of an explanation (details, values read, formulas,
// reasons' operands), as one text.
std::string WordsOf(const Explanation& e) {
  std::string words;
  for (const MeasureView m : e.measures()) {
    words += m.amount_formula_words();
    for (const ConditionView c : m.conditions()) {
      words += c.detail();
      for (const UsedValueView v : c.values()) words += v.value();
    }
    for (const ReasonView r : m.reasons()) {
      for (std::size_t i = 0; i < r.operand_count(); ++i) words += r.operand(i);
    }
  }
  return words;
}

// One explanation read by four threads at once: the first French word asked
// makes its evaluator (once), and every thread reads the words one thread
// alone reads.
TEST(EvalThreads, OneExplanationReadByFourThreadsAtOnce) {
  const RulePack& pack = testing::Pack("cases");
  for (const Job& job : kJobs) {
    const Profile profile = testing::ReadOrThrow(pack, job.profile);
    const std::string expected = WordsOf(pack.Explain(profile, testing::D(job.date)));
    EXPECT_FALSE(expected.empty()) << job.profile;
    const Explanation shared = pack.Explain(profile, testing::D(job.date));
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) threads.emplace_back([&, t] { got[t] = WordsOf(shared); });
    for (std::thread& th : threads) th.join();
    for (const std::string& words : got) EXPECT_EQ(words, expected) << job.profile;
  }
}

// A file's explanations, made by blocks (BatchEvaluator::Explain), their
// detail not yet built, each read by four threads at once: the detail is
// built once, by whichever thread reads first, and every thread reads what
// RulePack::Explain gives.
TEST(EvalThreads, AnExplanationFromARecordBuildsItsDetailOnceForFourThreads) {
  const RulePack& pack = testing::Pack("cases");
  std::vector<Profile> file;
  for (const Job& job : kJobs) file.push_back(testing::ReadOrThrow(pack, job.profile));
  const Date date = testing::D("2020-11-30");
  BatchEvaluator batch(pack);
  std::vector<Explanation> explained(file.size());
  batch.Explain(file, date, explained);
  for (std::size_t i = 0; i < file.size(); ++i) {
    const std::string expected =
        ToJson(pack.Explain(file[i], date).ToEvaluation()) + WordsOf(pack.Explain(file[i], date));
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) {
      threads.emplace_back([&, t] { got[t] = ToJson(explained[i].ToEvaluation()) + WordsOf(explained[i]); });
    }
    for (std::thread& th : threads) th.join();
    for (const std::string& words : got) EXPECT_EQ(words, expected) << kJobs[i].profile;
  }
}

}  // namespace
}  // namespace relief
