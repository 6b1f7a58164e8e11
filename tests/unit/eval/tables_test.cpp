// Lists as tables (lookup) and as the domain of a fact (in_list).
#include "unit/eval/eval_test_util.hpp"

namespace relief::testing {
namespace {

TEST(EvalLookup, TheRegionFollowsFromTheDepartment) {
  EXPECT_EQ(Status(EvalMeasure("tables", "aide_regionale", "{departement: \"31\"}", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("tables", "aide_regionale", "{departement: \"75\"}", "2020-11-15")), "not_applicable");
  // The profile's own region wins over the table.
  EXPECT_EQ(Status(EvalMeasure("tables", "aide_regionale", "{departement: \"75\", region: \"76\"}", "2020-11-15")),
            "eligible");
}

TEST(EvalLookup, AnUnknownDepartmentAsksBoth) {
  MeasureResult m = EvalMeasure("tables", "aide_regionale", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), (std::set<std::string>{"region", "departement"}));
}

TEST(EvalLookup, APossibleCodeHasNoKnownValue) {
  MeasureResult m = EvalMeasure("tables", "aide_regionale", "{departement: \"99\"}", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), (std::set<std::string>{"region"}));
}

TEST(EvalInList, AValueOutsideTheListIsRefusedWithASuggestion) {
  ProfileResult p = Pack("tables").ReadProfile("departement: \"32\"\n", "p.yaml");
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "'departement': '32' is not in the list « départements »; did you mean '31'?");
  EXPECT_EQ(p.diagnostics[0].location.line, 1);
  EXPECT_EQ(p.diagnostics[0].location.column, 14);
}

}  // namespace
}  // namespace relief::testing
