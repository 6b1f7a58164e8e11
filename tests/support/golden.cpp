// Shared by the golden tests: reading, comparing and (in update mode)
// rewriting expected files, with a unified diff on mismatch.
#include "support/golden.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace relief::testing {

const fs::path& GoldenDir() {
  static const fs::path dir = (fs::path(RELIEF_TEST_DIR) / "golden").lexically_normal();
  return dir;
}

bool UpdateGolden() {
  const char* v = std::getenv("RELIEF_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A unified diff (as `diff -u`, three lines of context) from expected to
// actual.
std::string Diff(const std::string& expected, const std::string& actual, const std::string& name) {
  const std::vector<std::string> a = SplitLines(expected);
  const std::vector<std::string> b = SplitLines(actual);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Edit {
    char tag;          // ' ', '-' or '+'
    std::size_t i, j;  // line indexes in a and b before this edit
  };
  std::vector<Edit> edits;
  for (std::size_t i = 0, j = 0; i < a.size() || j < b.size();) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      edits.push_back({' ', i++, j++});
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      edits.push_back({'-', i++, j});
    } else {
      edits.push_back({'+', i, j++});
    }
  }
  constexpr std::size_t kContext = 3;
  std::string out = "--- " + name + " (expected)\n+++ " + name + " (actual)\n";
  for (std::size_t k = 0; k < edits.size();) {
    if (edits[k].tag == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after
    // the last change that is at most 2 * kContext lines further.
    std::size_t begin = k > kContext ? k - kContext : 0;
    std::size_t end = k;
    for (std::size_t same = 0; end < edits.size() && same <= 2 * kContext; ++end) {
      same = edits[end].tag == ' ' ? same + 1 : 0;
    }
    while (end > k && edits[end - 1].tag == ' ') --end;
    end = std::min(edits.size(), end + kContext);
    std::size_t a_count = 0, b_count = 0;
    std::string body;
    for (std::size_t e = begin; e < end; ++e) {
      const Edit& d = edits[e];
      if (d.tag != '+') ++a_count;
      if (d.tag != '-') ++b_count;
      body += d.tag + (d.tag == '+' ? b[d.j] : a[d.i]) + "\n";
    }
    out += "@@ -" + std::to_string(edits[begin].i + (a_count ? 1 : 0)) + "," + std::to_string(a_count) + " +" +
           std::to_string(edits[begin].j + (b_count ? 1 : 0)) + "," + std::to_string(b_count) + " @@\n" + body;
    k = end;
  }
  if (!expected.empty() && expected.back() != '\n') out += "\\ No newline at end of expected\n";
  if (!actual.empty() && actual.back() != '\n') out += "\\ No newline at end of actual\n";
  return out;
}

// Compares `actual` with the file, or rewrites the file in update mode.
void CheckGolden(const fs::path& expected_path, const std::string& actual) {
  const std::string name = expected_path.lexically_relative(GoldenDir()).generic_string();
  if (UpdateGolden()) {
    std::optional<std::string> old = ReadFile(expected_path);
    if (!old || *old != actual) {
      WriteFile(expected_path, actual);
      std::cout << "updated " << name << "\n";
    }
    return;
  }
  std::optional<std::string> expected = ReadFile(expected_path);
  ASSERT_TRUE(expected.has_value()) << "missing " << expected_path
                                    << " (run with RELIEF_UPDATE_GOLDEN=1 to create it)\nactual:\n"
                                    << actual;
  EXPECT_TRUE(*expected == actual) << Diff(*expected, actual, name)
                                   << "(run with RELIEF_UPDATE_GOLDEN=1 to accept the actual output)";
}

// Test names: gtest accepts only letters, digits and '_'.
std::string TestName(std::string name) {
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

}  // namespace relief::testing
