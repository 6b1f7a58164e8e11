// What an explanation of one version of a measure shows, laid out once per
// pack by compile/explain_layout.cpp, so that explaining a firm walks no
// expression tree: the and/or operands of each requirement, the named values
// each expression reads (each name once, in reading order), and the slot of
// every value the explanation keeps (relief/explanation.hpp).
#ifndef RELIEF_IR_EXPLAIN_LAYOUT_HPP_
#define RELIEF_IR_EXPLAIN_LAYOUT_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

namespace relief::internal {

using InstrId = std::int32_t;

// A run of entries of one of VersionLayout's arrays.
struct IndexRange {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t size() const { return end - begin; }
};

// An expression whose outcome or value an explanation shows: a requirement,
// one of its and/or operands, a case's condition, an amount.
struct ShownNode {
  InstrId instr = -1;
  std::int32_t slot = -1;  // its value among the explanation's (VersionLayout::slots)
  IndexRange parts;        // its and/or operands, in `nodes` (requirements and their operands only)
  IndexRange reads;        // the named values it reads, in `reads` (requirements, operands, amounts)
  std::string_view text;   // its source text, in the program
};

// A named value an expression reads: a fact, a series element, a value or a
// parameter. Within one node's reads each name is listed once, except series
// elements, whose name depends on the period read (the view skips a repeat).
struct NamedRead {
  InstrId instr = -1;
  std::int32_t period_slot = -1;  // a series element: the slot of its period's value
  std::int32_t fact = -1;         // a fact or series element: the fact's index
  std::int32_t param = -1;        // a parameter: its index
  std::string_view name;          // in the program; a series element's fact
  std::string_view label;
};

// The amount of a case or version: its formula (for its reads) or its
// options (for their amounts and reads).
struct ShownAmount {
  std::int32_t formula = -1;  // a node, or -1
  IndexRange options;         // nodes, one per option, in order
};

// How much an explanation of the whole pack holds at most, so that its
// lists are allocated once.
struct ExplainBounds {
  std::uint32_t values = 0, texts = 0, condition_points = 0, reasons = 0;
};

struct VersionLayout {
  std::vector<InstrId> slots;  // the instructions whose values an explanation keeps
  std::vector<ShownNode> nodes;
  std::vector<NamedRead> reads;
  // nodes[0 .. require.size()) are the requirements, in order.
  std::vector<std::int32_t> case_nodes;   // by case: its condition's node (-1: a case without `when`)
  ShownAmount amount;                     // the version's own amount
  std::vector<ShownAmount> case_amounts;  // by case
};

}  // namespace relief::internal

#endif  // RELIEF_IR_EXPLAIN_LAYOUT_HPP_
