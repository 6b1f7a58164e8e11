// Runs the YAML test files kept beside a rule pack (OpenFisca-style): each
// case is a profile, a date or month, and the expected status, amount, case,
// option and missing facts per measure.
//
//   tests:
//     - name: Restaurant fermé en novembre 2020
//       justification: "« … dans la limite de 10 000 € » — décret n° 2020-1328"
//       month: 2020-11
//       profile: {naf: "56.10A", …}
//       expect:
//         fonds_solidarite_volet1: {status: eligible, amount: "10000.00", case: fermeture}
#ifndef RELIEF_PACK_TESTS_HPP_
#define RELIEF_PACK_TESTS_HPP_

#include <string>
#include <vector>

#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {

struct PackTestCase {
  SourceLocation location;  // of the case in its test file
  std::string name;
  bool passed = false;
  std::vector<std::string> differences;  // "measure.field: expected X, got Y"
};

struct PackTestReport {
  std::vector<PackTestCase> cases;
  std::vector<Diagnostic> diagnostics;  // malformed test files
  int passed() const;
  int failed() const;
  bool ok() const { return failed() == 0 && !HasErrors(diagnostics); }
};

// Runs every `tests/*.yaml` file of the pack and of the packs it imports.
PackTestReport RunPackTests(const RulePack& pack);

// The failing cases with their differences, then "N passed, M failed".
std::string FormatPackTestReport(const PackTestReport& report);

}  // namespace relief

#endif  // RELIEF_PACK_TESTS_HPP_
