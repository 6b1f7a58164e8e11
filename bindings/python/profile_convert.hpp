// Python values → relief profiles, through relief::ProfileBuilder: each
// value is checked against its fact's declaration, and every problem is
// kept with the field it concerns.
#ifndef RELIEF_BINDINGS_PYTHON_PROFILE_CONVERT_HPP_
#define RELIEF_BINDINGS_PYTHON_PROFILE_CONVERT_HPP_

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "relief/profile_builder.hpp"
#include "relief/rule_pack.hpp"

namespace relief::python {

namespace py = pybind11;

struct FieldProblem {
  std::string field;    // "loyer_mensuel_ht", "ca_mensuel[2020-11]", "embauche.date"
  std::string message;  // names the field too, as the profile reader does
};

// A pack with what conversion needs at hand.
struct PackHandle {
  explicit PackHandle(RulePack p);
  RulePack pack;
  std::unordered_map<std::string, FactDescription> facts;  // by name, record fields as "record.field"
};

// Why a float is refused for a money field.
std::string FloatRefusedForMoney(const std::string& field);

// The FactValue for a Python value given for `fact` (int, Decimal, str,
// bool, date; a float except for money), or nothing with `problem` saying
// why (naming `field`).
std::optional<FactValue> ToFactValue(const FactDescription& fact, const py::handle& value, const std::string& field,
                                     std::string& problem);

// Reads `mapping` (fact name → value; a dict for a series or a record).
// `skip_nan`: a float NaN is a missing value (pandas' empty cell).
std::optional<Profile> ConvertProfile(const PackHandle& pack, const py::handle& mapping, bool skip_nan,
                                      std::vector<FieldProblem>& problems);

}  // namespace relief::python

#endif  // RELIEF_BINDINGS_PYTHON_PROFILE_CONVERT_HPP_
