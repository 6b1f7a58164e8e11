// Stage 4, last step: interns the strings of a compiled program (list item
// codes and string constants) so that evaluation compares them as integers
// and tests list membership with one array read (Program::string_ids).
#ifndef RELIEF_COMPILE_INTERNING_HPP_
#define RELIEF_COMPILE_INTERNING_HPP_

#include "ir/program.hpp"

namespace relief::internal {

void InternStrings(Program& program);

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_INTERNING_HPP_
