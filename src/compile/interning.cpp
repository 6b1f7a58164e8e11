#include "compile/interning.hpp"

namespace relief::internal {
namespace {

// The id of `text`, given a new one the first time. The text must outlive
// the program's use of it (list keys and interned constants do).
std::int32_t Intern(Program& p, std::string_view text) { return p.string_ids.Intern(text); }

void InternValue(Program& p, Value& v) {
  if (v.kind == Value::Kind::kString) v.integer = Intern(p, v.text);
}

}  // namespace

void InternStrings(Program& program) {
  for (const ListInfo& list : program.lists) {
    for (const auto& [code, item] : list.items) Intern(program, code);
  }
  for (Instr& instr : program.code) {
    if (instr.code == Code::kConst) InternValue(program, instr.constant);
  }
  for (ParamInfo& param : program.parameters) {
    for (auto& [from, value] : param.values) InternValue(program, value);
  }
  const std::size_t ids = program.string_ids.size() + 1;
  program.list_membership.assign(program.lists.size(), std::vector<std::uint8_t>(ids, Program::kNotMember));
  for (std::size_t l = 0; l < program.lists.size(); ++l) {
    for (const auto& [code, item] : program.lists[l].items) {
      program.list_membership[l][static_cast<std::size_t>(program.StringId(code))] =
          item.possible ? Program::kPossibleMember : Program::kMember;
    }
  }
}

}  // namespace relief::internal
