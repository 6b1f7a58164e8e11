// The runner of the YAML test files of a pack (`relief test`).
#include "relief/pack_tests.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "api/access.hpp"
#include "core/file_reader.hpp"
#include "core/limits.hpp"
#include "core/result_names.hpp"
#include "core/text_safety.hpp"
#include "eval/decision.hpp"
#include "explain/explanation_data.hpp"
#include "ir/program.hpp"
#include "load/yaml_reader.hpp"
#include "profile/profile_reader.hpp"
#include "relief/report.hpp"

namespace relief {
namespace fs = std::filesystem;

int PackTestReport::passed() const {
  return static_cast<int>(std::count_if(cases.begin(), cases.end(), [](const PackTestCase& c) { return c.passed; }));
}
int PackTestReport::failed() const { return static_cast<int>(cases.size()) - passed(); }

namespace {

std::string Show(const std::optional<std::string>& s) { return s ? *s : "(none)"; }

std::string Show(const std::optional<Decimal>& d) { return d ? d->ToString() : "(none)"; }

// Every case also runs on the batch paths, profile by profile
// (eval/batch_machine.hpp) and by blocks (eval/lane_machine.hpp), which must
// give the explained path's statuses and amounts: a difference fails the
// case, so that each case of each pack tests the three evaluators.
// What an explanation computes from values, without the French words (built
// apart, by an evaluator of their own): per measure, its status, amount,
// case, option, each condition's and part's outcome and the values read,
// the cases' outcomes, the options' amounts, the reasons' codes, the missing
// facts and the open points kept; then the questions.
std::vector<std::string> Shape(const Evaluation& e) {
  std::vector<std::string> lines;
  auto condition = [](std::string& out, const ConditionResult& c, auto& self) -> void {
    out += fmt::format(" [{}]={}", c.expression.view(), OutcomeName(c.outcome));
    for (const UsedValue& v : c.values) out += fmt::format(" {}", v.name.view());
    for (const ConditionResult& part : c.parts) self(out, part, self);
  };
  for (const MeasureResult& m : e.measures) {
    std::string& out = lines.emplace_back(fmt::format("{} {} {} case {} option {}:", m.id.view(), StatusName(m.status),
                                                      Show(m.amount), m.case_id.view(), m.option.view()));
    for (const ConditionResult& c : m.conditions) condition(out, c, condition);
    for (const CaseResult& c : m.cases) out += fmt::format(" {}={}", c.id.view(), OutcomeName(c.outcome));
    for (const OptionResult& o : m.options) out += fmt::format(" [{}]={}", o.label.view(), Show(o.amount));
    for (const Reason& r : m.reasons) out += fmt::format(" {}", ReasonCodeName(r.code));
    for (const MissingFact& f : m.missing) out += " ?" + f.Key();
    out += fmt::format(" open points {}", m.open_points.size());
  }
  std::string& questions = lines.emplace_back("questions:");
  for (const MissingFact& f : e.questions) questions.append(" ").append(f.Key());
  return lines;
}

// The explanation a relief::Trace gives, from the registers of `machine`
// (which decided every measure on a fresh run), equals the explained path's.
void CompareTracedExplanation(const internal::Program& program, const internal::BatchMachine& machine,
                              const internal::ProfileData& data, Date date, const Evaluation& evaluation,
                              PackTestCase& out) {
  internal::Evaluator evaluator(program, internal::Evaluator::Mode::kRecord);
  // Owners that do not own: the explanation lives only during the case.
  const std::shared_ptr<const internal::Program> owner(std::shared_ptr<const internal::Program>{}, &program);
  const std::shared_ptr<const internal::ProfileData> profile(std::shared_ptr<const internal::ProfileData>{}, &data);
  const std::vector<std::string> traced =
      Shape(internal::Access::MakeExplanation(
                internal::ExplanationData::Explained(evaluator, owner, profile, date, machine.computed()))
                .ToEvaluation());
  const std::vector<std::string> explained = Shape(evaluation);
  for (std::size_t i = 0; i < traced.size() && i < explained.size(); ++i) {
    if (traced[i] == explained[i]) continue;
    out.differences.push_back(
        fmt::format("the explanation from the batch path's record ({}) differs from the "
                    "explained path's ({})",
                    traced[i], explained[i]));
    return;
  }
}

void CompareBatchPaths(const internal::Program& program, const internal::ProfileData& data, Date date,
                       const Evaluation& evaluation, PackTestCase& out) {
  auto compare = [&](const char* path, const MeasureResult& full, Status status, const std::optional<Decimal>& amount) {
    if (status == full.status && amount == full.amount) return;
    out.differences.push_back(fmt::format("{}: the {} gives {} {}, the explained path {} {}", full.id, path,
                                          StatusName(status), Show(amount), StatusName(full.status),
                                          Show(full.amount)));
  };
  internal::BatchMachine machine(program);
  machine.Run(data, date, /*fresh=*/true);  // fresh: its registers explain the case below
  internal::LaneMachine lanes(program);
  const std::array<const internal::ProfileData*, 1> block{&data};
  lanes.Run(block, date);
  for (std::size_t i = 0; i < program.measures.size(); ++i) {
    const auto batch = internal::Decide(machine, program.measures[i]);
    compare("batch path", evaluation.measures[i], batch.status, batch.amount);
    MeasureOutcome lane;
    internal::DecideLanes(lanes, program.measures[i], internal::OutcomeStructs{&lane, 1});
    compare("block path", evaluation.measures[i], lane.status, lane.amount);
    OutcomeColumns columns{{Status::kError}, {0}, {0}, {""}};
    internal::DecideLanes(lanes, program.measures[i], internal::OutcomeColumnsAt{&columns, 0, 1});
    const std::optional<Decimal> column_amount =
        columns.has_amount[0] != 0 ? std::optional<Decimal>(Decimal::FromCents(columns.cents[0])) : std::nullopt;
    compare("outcome columns", evaluation.measures[i], columns.status[0], column_amount);
  }
  CompareTracedExplanation(program, machine, data, date, evaluation, out);
}

class TestFileRunner {
 public:
  TestFileRunner(const RulePack& pack, const SourceFile& file, DiagnosticSink& sink, PackTestReport& report)
      : pack_(pack), file_(file), r_(file, sink), sink_(sink), report_(report) {}

  void Run(const YAML::Node& root) {
    if (!r_.CheckMap(root, "test file", {"tests"}, {"tests"}) || !r_.CheckSequence(root["tests"], "tests")) return;
    for (const YAML::Node& node : root["tests"]) RunCase(node);
  }

 private:
  void RunCase(const YAML::Node& node);
  void Compare(const MeasureResult& result, const YAML::Node& expect, PackTestCase& out);
  using Differ = std::function<void(const char* field, const std::string& expected, const std::string& got)>;
  void CompareStatus(const MeasureResult& result, const YAML::Node& expect, const Differ& differ);
  bool CompareAmount(const MeasureResult& result, const YAML::Node& expect, const Differ& differ);

  const RulePack& pack_;
  const SourceFile& file_;
  load::YamlReader r_;
  DiagnosticSink& sink_;
  PackTestReport& report_;
};

void TestFileRunner::RunCase(const YAML::Node& node) {
  if (!r_.CheckMap(node, "test", {"name", "justification", "month", "date", "profile", "expect"},
                   {"name", "justification", "profile", "expect"}) ||
      !node["profile"].IsDefined() || !node["expect"].IsDefined())
    return;
  PackTestCase out;
  out.location = file_.Locate(r_.Ref(node).offset);
  out.name = r_.ReadText(node, "name").value_or(load::Text{}).value;
  std::optional<Date> date;
  if (node["date"].IsDefined() == node["month"].IsDefined()) {
    r_.Error(node, "test: give either 'date' or 'month'");
    return;
  }
  if (node["date"].IsDefined()) date = r_.ReadDate(node["date"]);
  if (auto month = node["month"].IsDefined() ? r_.ReadMonth(node["month"]) : std::nullopt)
    date = month->LastDay();  // as `relief eval --month`
  if (!date) return;
  // The profile is read in place, so that its errors point into the test
  // file; it lives only during this case, so it need not own the program.
  std::shared_ptr<const internal::Program> program(std::shared_ptr<const internal::Program>{},
                                                   &internal::Access::program(pack_));
  auto data = internal::ReadProfileNode(program, file_, node["profile"], sink_);
  if (!data) return;
  Evaluation evaluation = pack_.Explain(internal::Access::MakeProfile(data), *date).ToEvaluation();
  const YAML::Node expect = node["expect"];
  if (!r_.CheckFreeMap(expect, "expect")) return;
  if (expect.size() == 0) {
    r_.Error(expect,
             "expect: empty; give the expected status of at least one measure (a case that checks "
             "nothing would always pass)");
    return;
  }
  const std::size_t errors_before = sink_.error_count();
  CompareBatchPaths(internal::Access::program(pack_), *data, *date, evaluation, out);
  for (const auto& entry : expect) {
    const std::string& id = entry.first.Scalar();
    auto it = std::find_if(evaluation.measures.begin(), evaluation.measures.end(),
                           [&](const MeasureResult& m) { return m.id == id; });
    if (it == evaluation.measures.end()) {
      r_.Error(entry.first, fmt::format("expect: unknown measure '{}'", id));
      return;
    }
    if (!r_.CheckMap(entry.second, "expect", {"status", "amount", "case", "option", "missing", "reasons_include"},
                     {"status"}))
      return;
    Compare(*it, entry.second, out);
  }
  // A malformed expectation was reported above; the case has not passed.
  if (sink_.error_count() != errors_before) out.differences.push_back("malformed expectation (see the error above)");
  out.passed = out.differences.empty();
  report_.cases.push_back(std::move(out));
}

void TestFileRunner::Compare(const MeasureResult& result, const YAML::Node& expect, PackTestCase& out) {
  auto differ = [&](const char* field, const std::string& expected, const std::string& got) {
    out.differences.push_back(fmt::format("{}.{}: expected {}, got {}", result.id, field, expected, got));
  };
  CompareStatus(result, expect, differ);
  if (!CompareAmount(result, expect, differ)) return;
  for (const char* field : {"case", "option"}) {
    const YAML::Node node = expect[field];
    if (!node.IsDefined()) continue;
    std::optional<std::string> want;
    if (!node.IsNull()) want = node.Scalar();
    const std::string& got_text = std::string(field) == "case" ? result.case_id : result.option;
    std::optional<std::string> got = got_text.empty() ? std::nullopt : std::optional<std::string>(got_text);
    if (want != got) differ(field, Show(want), Show(got));
  }
  if (const YAML::Node missing = expect["missing"]; missing.IsDefined()) {
    std::set<std::string> want, got;
    for (const load::Text& t : r_.ReadTextList(expect, "missing")) want.insert(t.value);
    for (const MissingFact& m : result.missing) got.insert(m.Key());
    if (want != got) {
      differ("missing", fmt::format("[{}]", fmt::join(want, ", ")), fmt::format("[{}]", fmt::join(got, ", ")));
    }
  }
  for (const load::Text& t : r_.ReadTextList(expect, "reasons_include")) {
    const std::vector<std::string> reasons = ReasonTexts(result);
    bool found = std::any_of(reasons.begin(), reasons.end(),
                             [&](const std::string& reason) { return reason.find(t.value) != std::string::npos; });
    if (!found)
      differ("reasons", "a reason containing « " + t.value + " »", fmt::format("{}", fmt::join(reasons, " | ")));
  }
}

void TestFileRunner::CompareStatus(const MeasureResult& result, const YAML::Node& expect, const Differ& differ) {
  auto status = r_.ReadText(expect, "status");
  if (!status) return;
  if (!StatusNamed(status->value)) {
    r_.Error(status->ref, fmt::format("status: unknown status '{}'; expected one of {}",
                                      TerminalSafe(Clip(status->value, 100)), fmt::join(StatusNames(), ", ")));
  } else if (status->value != StatusName(result.status)) {
    differ("status", status->value, StatusName(result.status));
  }
}

// False when the expected amount is malformed (reported).
bool TestFileRunner::CompareAmount(const MeasureResult& result, const YAML::Node& expect, const Differ& differ) {
  const YAML::Node amount = expect["amount"];
  if (!amount.IsDefined()) return true;
  std::optional<std::string> got;
  if (result.amount) got = result.amount->ToFixed(2);
  std::optional<std::string> want;
  if (!amount.IsNull()) {
    auto d = amount.IsScalar() ? Decimal::Parse(amount.Scalar()) : std::nullopt;
    if (!d) {
      r_.Error(amount, "amount: expected a decimal such as \"1500.00\", or null");
      return false;
    }
    // Compared to the cent: an expectation with more decimals would be
    // rounded and could pass against a different amount.
    if (d->Round(2) != d) {
      r_.Error(amount, fmt::format("amount: '{}' has more than two decimals; amounts are compared to the cent",
                                   TerminalSafe(Clip(amount.Scalar(), 100))));
      return false;
    }
    want = d->ToFixed(2);
  }
  if (want != got) differ("amount", Show(want), Show(got));
  return true;
}

// An error about a whole file, located by its path alone.
void PathError(DiagnosticSink& sink, const fs::path& path, std::string message) {
  sink.Add(Diagnostic{Severity::kError, {path.string(), 0, 0}, std::move(message), {}});
}

// The test files of a pack's tests/ directory, sorted. Like the loader,
// follows no symbolic link (it could lead out of the pack) and says so.
std::vector<fs::path> TestFiles(const fs::path& tests, DiagnosticSink& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(tests, ec);
  if (fs::is_symlink(status)) {
    PathError(sink, tests, "symbolic links are not followed in a rule pack; tests/ is not read");
    return files;
  }
  if (!fs::is_directory(status)) return files;
  std::size_t entries = 0;
  for (auto it = fs::directory_iterator(tests, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (++entries > limits::kMaxPackFiles) {
      PathError(sink, tests,
                fmt::format("too many files: more than {} entries; the rest are not read", limits::kMaxPackFiles));
      break;
    }
    if (it->is_symlink()) {
      PathError(sink, p, "symbolic links are not followed in a rule pack");
    } else if (it->is_regular_file() && p.extension() == ".yml") {
      PathError(sink, p, "test files end in .yaml; rename this .yml file (it was not run)");
    } else if (it->is_regular_file() && p.extension() == ".yaml") {
      files.push_back(p);
    }
  }
  if (ec) PathError(sink, tests, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

PackTestReport RunPackTests(const RulePack& pack) {
  PackTestReport report;
  DiagnosticSink sink;
  for (const std::string& dir : internal::Access::program(pack).pack_directories) {
    for (const fs::path& path : TestFiles(fs::path(dir) / "tests", sink)) {
      FileText read = ReadBoundedFile(path, limits::kMaxFileBytes);
      if (!read.text) {
        PathError(sink, path, read.error);
        continue;
      }
      SourceFile file(path.string(), std::move(*read.text));
      try {
        if (auto root = load::ParseYaml(file, sink)) TestFileRunner(pack, file, sink, report).Run(*root);
      } catch (const std::exception& e) {
        PathError(sink, path, std::string("internal error: ") + e.what());
      }
    }
  }
  report.diagnostics = sink.Take();
  return report;
}

std::string FormatPackTestReport(const PackTestReport& report) {
  std::string out = FormatDiagnostics(report.diagnostics);
  for (const PackTestCase& c : report.cases) {
    if (c.passed) continue;
    // Names and values come from the test file: shown terminal-safe.
    out += fmt::format("FAIL {}:{}: {}\n", TerminalSafe(c.location.file), c.location.line, TerminalSafe(c.name));
    for (const std::string& d : c.differences) out += "  " + TerminalSafe(d) + "\n";
  }
  out += fmt::format("{} passed, {} failed\n", report.passed(), report.failed());
  return out;
}

}  // namespace relief
