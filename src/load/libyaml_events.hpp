// Reads a YAML text with libyaml, whose scanner is several times faster than
// yaml-cpp's (yaml-cpp's regular expressions were most of a first load of the
// bundled pack: docs/performance.md), into the same yaml-cpp nodes.
#ifndef RELIEF_LOAD_LIBYAML_EVENTS_HPP_
#define RELIEF_LOAD_LIBYAML_EVENTS_HPP_

#include <optional>
#include <string_view>

#include "load/bounded_yaml.hpp"

namespace relief::load {

// The tree of `text` when it is in the subset of YAML that rule files are
// written in and within bounds: one implicit document, no directive, anchor,
// alias, tag, empty value, carriage return, Unicode line break or byte order mark. Otherwise
// (a syntax error included) nullopt, and the caller parses the text with
// yaml-cpp, which remains the reference for what is accepted, the marks and
// every message; on that subset both give the same nodes and marks
// (tests/load/libyaml_events_test.cpp compares them on every YAML file of
// the repository).
std::optional<BoundedYaml> LoadWithLibyaml(std::string_view text);

}  // namespace relief::load

#endif  // RELIEF_LOAD_LIBYAML_EVENTS_HPP_
