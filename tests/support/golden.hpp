// Golden files: expected outputs kept under tests/golden/, compared verbatim.
// Run the tests with RELIEF_UPDATE_GOLDEN=1 to rewrite them, then review the
// change with `git diff tests/golden`.
#ifndef RELIEF_TESTS_SUPPORT_GOLDEN_HPP_
#define RELIEF_TESTS_SUPPORT_GOLDEN_HPP_

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief::testing {

namespace fs = std::filesystem;

const fs::path& GoldenDir();
// RELIEF_UPDATE_GOLDEN=1: rewrite expected files instead of comparing.
bool UpdateGolden();
std::optional<std::string> ReadFile(const fs::path& path);
void WriteFile(const fs::path& path, const std::string& text);
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);
std::vector<std::string> SplitLines(const std::string& text);
// A unified diff (as `diff -u`, three lines of context) from expected to actual.
std::string Diff(const std::string& expected, const std::string& actual, const std::string& name);
// Compares `actual` with the file, or rewrites the file in update mode.
void CheckGolden(const fs::path& expected_path, const std::string& actual);
// Test names: gtest accepts only letters, digits and '_'.
std::string TestName(std::string name);

template <class T>
std::string ParamName(const ::testing::TestParamInfo<T>& info) {
  return TestName(info.param);
}

}  // namespace relief::testing

#endif  // RELIEF_TESTS_SUPPORT_GOLDEN_HPP_
