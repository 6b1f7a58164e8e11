// The rule files of a pack are read on every core (load::ReadRuleFiles):
// parsed and read, or found in the cache of read rule files, or parsed, read
// and written to it. In the concurrency tests so that ThreadSanitizer (the
// tsan preset) checks each of these ways; each gives the pack of a load
// without the cache.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

TEST(ParallelRead, EachWayOfReadingGivesTheSamePack) {
  const std::string pack = (fs::path(RELIEF_TEST_DIR).parent_path() / "rules/occitanie").string();
  const fs::path cache = fs::temp_directory_path() / ("relief-parallel-read-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  LoadResult parsed = RulePack::Load(pack, {false, ""});
  LoadResult cold = RulePack::Load(pack, {true, cache.string()});
  LoadResult warm = RulePack::Load(pack, {true, cache.string()});
  fs::remove_all(cache);
  ASSERT_TRUE(parsed.ok()) << FormatDiagnostics(parsed.diagnostics);
  ASSERT_TRUE(cold.ok()) << FormatDiagnostics(cold.diagnostics);
  ASSERT_TRUE(warm.ok()) << FormatDiagnostics(warm.diagnostics);
  for (const LoadResult* loaded : {&cold, &warm}) {
    EXPECT_EQ(loaded->value().info().digest, parsed.value().info().digest);
    EXPECT_EQ(loaded->value().MeasureIds(), parsed.value().MeasureIds());
    EXPECT_EQ(loaded->value().Facts().size(), parsed.value().Facts().size());
  }
}

}  // namespace
}  // namespace relief
