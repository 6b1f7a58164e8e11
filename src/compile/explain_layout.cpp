// What an explanation shows, laid out from the instruction trees once per
// pack instead of walking them for every firm.
#include "compile/explain_layout.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace relief::internal {
namespace {

bool IsLogic(Code code) { return code == Code::kAnd || code == Code::kOr; }

class VersionLayoutBuilder {
 public:
  explicit VersionLayoutBuilder(const Program& program) : p_(program) {}

  VersionLayout Build(const VersionPlan& version) {
    const auto requirements = static_cast<std::uint32_t>(version.require.size());
    out_.nodes.resize(requirements);
    for (std::uint32_t i = 0; i < requirements; ++i) Fill(i, p_.root(version.require[i].when), true, true);
    for (const CasePlan& c : version.cases) {
      out_.case_nodes.push_back(c.when == kNoExpr ? -1 : NewNode(p_.root(c.when), false));
      out_.case_amounts.push_back(Amount(c.amount));
    }
    out_.amount = Amount(version.amount);
    return std::move(out_);
  }

 private:
  ShownAmount Amount(const AmountPlan& plan) {
    ShownAmount shown;
    if (plan.amount != kNoExpr) shown.formula = NewNode(p_.root(plan.amount), true);
    shown.options.begin = static_cast<std::uint32_t>(out_.nodes.size());
    out_.nodes.resize(out_.nodes.size() + plan.options.size());
    shown.options.end = static_cast<std::uint32_t>(out_.nodes.size());
    for (std::size_t i = 0; i < plan.options.size(); ++i) {
      Fill(shown.options.begin + static_cast<std::uint32_t>(i), p_.root(plan.options[i].amount), false, true);
    }
    return shown;
  }

  std::int32_t NewNode(InstrId instr, bool with_reads) {
    const auto at = static_cast<std::uint32_t>(out_.nodes.size());
    out_.nodes.emplace_back();
    Fill(at, instr, false, with_reads);
    return static_cast<std::int32_t>(at);
  }

  // nodes[at] for `instr`; with parts, its and/or operands as nodes too,
  // contiguous, each with its own operands after them.
  void Fill(std::uint32_t at, InstrId instr, bool with_parts, bool with_reads) {
    out_.nodes[at].instr = instr;
    out_.nodes[at].slot = Slot(instr);
    out_.nodes[at].text = p_.SourceText(instr);
    if (with_reads) {
      out_.nodes[at].reads.begin = static_cast<std::uint32_t>(out_.reads.size());
      names_.clear();
      Reads(instr);
      out_.nodes[at].reads.end = static_cast<std::uint32_t>(out_.reads.size());
    }
    const Instr& in = p_.at(instr);
    if (!with_parts || !IsLogic(in.code)) return;
    const auto first = static_cast<std::uint32_t>(out_.nodes.size());
    out_.nodes.resize(out_.nodes.size() + in.kid_count);
    out_.nodes[at].parts = {first, first + in.kid_count};
    for (std::uint32_t i = 0; i < in.kid_count; ++i) Fill(first + i, p_.kid(in, i), true, true);
  }

  // The named values `instr` reads, in reading order: each name once; a
  // series element with its period's slot, then what its period reads.
  void Reads(InstrId instr) {
    const Instr& in = p_.at(instr);
    switch (in.code) {
      case Code::kFact:
        return Named({instr, -1, in.arg, -1, p_.facts[in.arg].name, p_.facts[in.arg].label});
      case Code::kValue:
        return Named({instr, -1, -1, -1, p_.values[in.arg].name, p_.values[in.arg].label});
      case Code::kParam:
        return Named({instr, -1, -1, in.arg, p_.parameters[in.arg].name, p_.parameters[in.arg].label});
      case Code::kSeriesAt:
        out_.reads.push_back({instr, Slot(p_.kid(in, 0)), in.arg, -1, p_.facts[in.arg].name, p_.facts[in.arg].label});
        break;
      default:
        break;
    }
    for (std::size_t i = 0; i < in.kid_count; ++i) Reads(p_.kid(in, i));
  }

  void Named(const NamedRead& read) {
    if (std::find(names_.begin(), names_.end(), read.name) != names_.end()) return;
    names_.push_back(read.name);
    out_.reads.push_back(read);
  }

  std::int32_t Slot(InstrId instr) {
    auto [it, added] = slot_of_.try_emplace(instr, static_cast<std::int32_t>(out_.slots.size()));
    if (added) out_.slots.push_back(instr);
    return it->second;
  }

  const Program& p_;
  VersionLayout out_;
  std::unordered_map<InstrId, std::int32_t> slot_of_;
  std::vector<std::string_view> names_;  // of the node being read
};

std::uint32_t Size(std::size_t n) { return static_cast<std::uint32_t>(n); }

// The texts a version may show: its source and open points, a case's, the
// requirements' open points.
std::uint32_t VersionTexts(const VersionPlan& v) {
  std::uint32_t most_case = 0;
  for (const CasePlan& c : v.cases) most_case = std::max(most_case, Size(1 + c.open_points.size()));
  std::uint32_t texts = 1 + Size(v.open_points.size()) + most_case;
  for (const ConditionPlan& c : v.require) texts += Size(c.open_points.size());
  return texts;
}

// The most measure `m` adds to an explanation's lists, whatever its version.
ExplainBounds MeasureBounds(const MeasurePlan& m, const std::vector<VersionLayout>& layouts) {
  ExplainBounds most;
  for (std::size_t i = 0; i < m.versions.size(); ++i) {
    const VersionPlan& v = m.versions[i];
    most.values = std::max(most.values, Size(layouts[i].slots.size()));
    most.texts = std::max(most.texts, VersionTexts(v));
    most.condition_points = std::max(most.condition_points, Size(v.require.size()));
    most.reasons = std::max(most.reasons, Size(4 + v.require.size() + v.cases.size()));
  }
  most.texts += Size(m.sources.size() + m.open_points.size());
  most.reasons = std::max<std::uint32_t>(most.reasons, 1);
  return most;
}

}  // namespace

void LayOutExplanations(Program& program) {
  program.explain_layouts.clear();
  program.explain_layouts.reserve(program.measures.size());
  program.explain_bounds = {};
  ExplainBounds& all = program.explain_bounds;
  for (const MeasurePlan& m : program.measures) {
    std::vector<VersionLayout>& versions = program.explain_layouts.emplace_back();
    versions.reserve(m.versions.size());
    for (const VersionPlan& v : m.versions) versions.push_back(VersionLayoutBuilder(program).Build(v));
    const ExplainBounds most = MeasureBounds(m, versions);
    all.values += most.values;
    all.texts += most.texts;
    all.condition_points += most.condition_points;
    all.reasons += most.reasons;
  }
}

}  // namespace relief::internal
