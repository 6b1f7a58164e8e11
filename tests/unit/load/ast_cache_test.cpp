// The cache of read rule files (src/load/ast_cache.hpp): a load from the
// cache gives the same pack and the same diagnostics as a parse, any change
// of a file misses, a damaged entry is never trusted, and a directory that
// cannot be used only costs the speed.
#include "load/ast_cache.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "relief/catalogue.hpp"
#include "relief/report.hpp"
#include "relief/rule_pack.hpp"
#include "relief/version.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(RELIEF_TEST_DIR).parent_path() / "rules";
const fs::path kProfiles = fs::path(RELIEF_TEST_DIR).parent_path() / "examples/profiles";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// What a pack gives: its catalogue (every declaration in words), and the JSON
// report of every example firm in November 2020.
std::string Everything(const LoadResult& loaded) {
  if (!loaded.ok()) return "not loaded:\n" + FormatDiagnostics(loaded.diagnostics);
  std::string out = loaded.value().info().digest + "\n";
  for (const CatalogueFile& file : ToCatalogue(loaded.value().Description())) out += file.path + "\n" + file.html;
  for (const auto& entry : fs::directory_iterator(kProfiles)) {
    ProfileResult profile = loaded.value().ReadProfile(ReadAll(entry.path()), entry.path().filename().string());
    if (profile.ok()) out += ToJson(loaded.value().Evaluate(profile.value(), *Date::Parse("2020-11-30")));
  }
  return out;
}

class AstCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("relief-ast-cache-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    cache_ = root_ / "cache";
    ::unsetenv("RELIEF_NO_CACHE");
  }
  void TearDown() override {
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(root_);
  }

  LoadOptions Cached() const { return {true, cache_.string()}; }
  std::size_t Entries() const {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(cache_, ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
  }
  // A small pack with one rule file, in root_/p.
  fs::path SmallPack(const std::string& rules) {
    WriteAll(root_ / "p/pack.yaml", "pack:\n  name: p\n  version: 0.1.0\n  title: T\n");
    WriteAll(root_ / "p/rules.yaml", rules);
    return root_ / "p";
  }
  std::string Diagnostics(const fs::path& dir, const LoadOptions& options) {
    return FormatDiagnostics(RulePack::Load(dir.string(), options).diagnostics);
  }

  fs::path root_;
  fs::path cache_;
};

const char kRuleFile[] = R"(facts:
  effectif:
    type: integer
    label: Effectif
    question: Combien de salariés ?
measures:
  aide:
    title: Aide
    issuer: Etat
    kind: grant
    per: once
    territory: {label: France entière}
    apply: Sans objet
    sources: [Décret de test]
    versions:
      - months: 2020-11
        source: Version de test
        require:
          - label: Petite entreprise
            when: effectif <= 10
        amount: 1 500 €
)";

TEST_F(AstCacheTest, WarmLoadEqualsColdLoadAndUncachedLoad) {
  const std::string pack = (kRules / "occitanie").string();
  const std::string uncached = Everything(RulePack::Load(pack, {false, cache_.string()}));
  EXPECT_EQ(Entries(), 0u);
  const std::string cold = Everything(RulePack::Load(pack, Cached()));
  const std::size_t written = Entries();
  EXPECT_GT(written, 20u);  // one entry per rule file of national/ and occitanie/
  const std::string warm = Everything(RulePack::Load(pack, Cached()));
  EXPECT_EQ(Entries(), written);
  EXPECT_EQ(cold, uncached);
  EXPECT_EQ(warm, uncached);
  EXPECT_NE(uncached.find("\"measures\""), std::string::npos);  // the firms were evaluated
}

// A valid entry is what the load reads: an entry written for this file's
// text with another measure title gives that title.
TEST_F(AstCacheTest, WarmLoadReadsTheEntry) {
  const fs::path dir = SmallPack(kRuleFile);
  ASSERT_TRUE(RulePack::Load(dir.string(), Cached()).ok());
  auto cache = load::AstCache::Open(cache_.string(), LibraryVersion());
  ASSERT_NE(cache, nullptr);
  const SourceFile file("rules.yaml", ReadAll(dir / "rules.yaml"));
  load::PackAst decls;
  ASSERT_TRUE(cache->Lookup(cache->KeyOf(file.text()), file, decls));
  ASSERT_EQ(decls.measures.size(), 1u);
  decls.measures[0].title.value = "Titre venu du cache";
  cache->Store(cache->KeyOf(file.text()), decls, file);
  LoadResult loaded = RulePack::Load(dir.string(), Cached());
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.value().Measures()[0].title, "Titre venu du cache");
  EXPECT_EQ(RulePack::Load(dir.string(), {false, ""}).value().Measures()[0].title, "Aide");
}

TEST_F(AstCacheTest, AnyChangeOfAFileOrOfReliefMisses) {
  const fs::path dir = SmallPack(kRuleFile);
  ASSERT_TRUE(RulePack::Load(dir.string(), Cached()).ok());
  EXPECT_EQ(Entries(), 1u);
  std::string changed = kRuleFile;
  changed.replace(changed.find("title: Aide"), 11, "title: Aidé");
  WriteAll(dir / "rules.yaml", changed);
  LoadResult loaded = RulePack::Load(dir.string(), Cached());
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value().Measures()[0].title, "Aidé");
  EXPECT_EQ(Entries(), 2u);

  auto cache = load::AstCache::Open(cache_.string(), LibraryVersion());
  auto other = load::AstCache::Open(cache_.string(), "another version");
  ASSERT_NE(cache, nullptr);
  ASSERT_NE(other, nullptr);
  EXPECT_NE(cache->KeyOf(changed), other->KeyOf(changed));
  EXPECT_NE(cache->KeyOf(changed), cache->KeyOf(kRuleFile));
  EXPECT_EQ(cache->KeyOf(changed).size(), 64u);
}

// Check errors and warnings come from the declarations, located by offsets
// into the file read this time: the same text, line and column.
TEST_F(AstCacheTest, DiagnosticsAreTheSameFromTheCache) {
  std::string rules = kRuleFile;
  rules.replace(rules.find("effectif <= 10"), 14, "effectif <= 10 and efectif > 0");
  const fs::path dir = SmallPack(rules);
  const std::string uncached = Diagnostics(dir, {false, ""});
  const std::string cold = Diagnostics(dir, Cached());
  EXPECT_EQ(Entries(), 1u);  // the file reads without a problem: its names are checked later
  const std::string warm = Diagnostics(dir, Cached());
  EXPECT_NE(uncached.find("p/rules.yaml:20:38: error: unknown name 'efectif'"), std::string::npos) << uncached;
  EXPECT_EQ(cold, uncached);
  EXPECT_EQ(warm, uncached);
}

// A file with a problem found while reading it is not kept: its
// diagnostics come from reading it every time.
TEST_F(AstCacheTest, FilesWithProblemsAreNotKept) {
  std::string rules = kRuleFile;
  rules.replace(rules.find("    label: Effectif"), 19, "    labl: Effectif");
  const fs::path dir = SmallPack(rules);
  const std::string first = Diagnostics(dir, Cached());
  EXPECT_EQ(Entries(), 0u);
  EXPECT_NE(first.find("unknown key 'labl'"), std::string::npos) << first;
  EXPECT_EQ(Diagnostics(dir, Cached()), first);
}

// Truncations of an entry and bytes of it flipped: the load parses
// instead, gives the same pack, and writes the entry again.
TEST_F(AstCacheTest, DamagedEntriesAreNeverTrusted) {
  const fs::path dir = SmallPack(kRuleFile);
  const std::string expected = Everything(RulePack::Load(dir.string(), {false, ""}));
  ASSERT_TRUE(RulePack::Load(dir.string(), Cached()).ok());
  ASSERT_EQ(Entries(), 1u);
  const fs::path entry = fs::directory_iterator(cache_)->path();
  const std::string good = ReadAll(entry);
  std::vector<std::string> damaged;
  for (std::size_t n = 0; n < good.size(); n += n < 120 ? 1 : 37) damaged.push_back(good.substr(0, n));
  damaged.push_back(good + '\0');
  for (std::size_t i = 0; i < good.size(); i += i < 120 ? 1 : 5) {  // the header, then a fifth of the rest
    std::string flipped = good;
    flipped[i] = static_cast<char>(flipped[i] ^ (i % 2 == 0 ? 0x01 : 0x80));
    damaged.push_back(flipped);
  }
  for (std::size_t i = 0; i < damaged.size(); ++i) {
    WriteAll(entry, damaged[i]);
    ASSERT_EQ(Everything(RulePack::Load(dir.string(), Cached())), expected) << "damage " << i;
    ASSERT_EQ(ReadAll(entry), good) << "damage " << i;
  }
}

TEST_F(AstCacheTest, UnusableDirectoriesOnlyCostTheSpeed) {
  const fs::path dir = SmallPack(kRuleFile);
  const std::string expected = Everything(RulePack::Load(dir.string(), {false, ""}));
  WriteAll(root_ / "file", "not a directory");
  EXPECT_EQ(Everything(RulePack::Load(dir.string(), {true, (root_ / "file/cache").string()})), expected);
  EXPECT_EQ(Everything(RulePack::Load(dir.string(), {true, (root_ / "file").string()})), expected);
  // Open to other users: their entries could change the rules read.
  fs::create_directories(cache_);
  fs::permissions(cache_, fs::perms::all);
  EXPECT_EQ(Everything(RulePack::Load(dir.string(), Cached())), expected);
  EXPECT_EQ(Entries(), 0u);
  // Read-only (root writes anywhere: /proc is read-only even for root).
  fs::permissions(cache_, fs::perms::owner_read | fs::perms::owner_exec);
  const std::string read_only = ::geteuid() == 0 ? "/proc" : cache_.string();
  EXPECT_EQ(Everything(RulePack::Load(dir.string(), {true, read_only})), expected);
  EXPECT_EQ(Entries(), 0u);
}

TEST_F(AstCacheTest, TheEnvironmentTurnsItOff) {
  const fs::path dir = SmallPack(kRuleFile);
  ::setenv("RELIEF_NO_CACHE", "1", 1);
  EXPECT_TRUE(RulePack::Load(dir.string(), Cached()).ok());
  ::unsetenv("RELIEF_NO_CACHE");
  EXPECT_EQ(Entries(), 0u);
  EXPECT_TRUE(RulePack::Load(dir.string(), Cached()).ok());
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AstCacheTest, TheDirectoryComesFromTheEnvironment) {
  struct Saved {
    const char* name;
    std::optional<std::string> value;
  };
  std::vector<Saved> saved;
  for (const char* name : {"RELIEF_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
    const char* value = std::getenv(name);
    saved.push_back({name, value ? std::optional<std::string>(value) : std::nullopt});
    ::unsetenv(name);
  }
  EXPECT_EQ(load::CacheDirectory(""), "");
  ::setenv("HOME", "/home/u", 1);
  EXPECT_EQ(load::CacheDirectory(""), "/home/u/.cache/relief");
  ::setenv("XDG_CACHE_HOME", "relative", 1);  // ignored, as the XDG specification says
  EXPECT_EQ(load::CacheDirectory(""), "/home/u/.cache/relief");
  ::setenv("XDG_CACHE_HOME", "/xdg", 1);
  EXPECT_EQ(load::CacheDirectory(""), "/xdg/relief");
  ::setenv("RELIEF_CACHE_DIR", "/r", 1);
  EXPECT_EQ(load::CacheDirectory(""), "/r");
  EXPECT_EQ(load::CacheDirectory("/given"), "/given");
  ::setenv("RELIEF_NO_CACHE", "yes", 1);
  EXPECT_EQ(load::CacheDirectory("/given"), "");
  ::unsetenv("RELIEF_NO_CACHE");
  for (const Saved& s : saved) {
    if (s.value) ::setenv(s.name, s.value->c_str(), 1);
    if (!s.value) ::unsetenv(s.name);
  }
}

// Loads racing to write the same entries each see a whole entry or none.
TEST_F(AstCacheTest, ConcurrentLoadsShareTheCache) {
  const std::string pack = (kRules / "occitanie").string();
  const std::string expected = Everything(RulePack::Load(pack, {false, ""}));
  std::string results[2];
  std::thread other([&] { results[0] = Everything(RulePack::Load(pack, Cached())); });
  results[1] = Everything(RulePack::Load(pack, Cached()));
  other.join();
  EXPECT_EQ(results[0], expected);
  EXPECT_EQ(results[1], expected);
  EXPECT_EQ(Everything(RulePack::Load(pack, Cached())), expected);
  for (const auto& entry : fs::directory_iterator(cache_)) {
    EXPECT_EQ(entry.path().filename().string().size(), 64u) << entry.path();  // no temporary file left
  }
}

// Beyond its bounds, a load that writes removes the oldest entries, and the
// temporary files of writers that died.
TEST_F(AstCacheTest, TheCacheStaysWithinItsBounds) {
  fs::create_directories(cache_);
  fs::permissions(cache_, fs::perms::owner_all);
  const auto now = fs::file_time_type::clock::now();
  const std::size_t planted = load::AstCache::kMaxCacheEntries + 10;
  for (std::size_t i = 0; i < planted; ++i) {
    const fs::path path = cache_ / fmt::format("{:064x}", i);
    WriteAll(path, "x");
    fs::last_write_time(path, now - std::chrono::hours(1000) + std::chrono::seconds(i));
  }
  const fs::path stale = cache_ / "abc.tmp-dead01";
  const fs::path fresh = cache_ / "abc.tmp-live01";
  WriteAll(stale, "half");
  WriteAll(fresh, "half");
  fs::last_write_time(stale, now - std::chrono::hours(2));
  ASSERT_TRUE(RulePack::Load(SmallPack(kRuleFile).string(), Cached()).ok());
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));
  EXPECT_FALSE(fs::exists(cache_ / fmt::format("{:064x}", 0)));
  EXPECT_TRUE(fs::exists(cache_ / fmt::format("{:064x}", planted - 1)));
  EXPECT_LE(Entries(), load::AstCache::kMaxCacheEntries / 4 * 3 + 2);
  EXPECT_GE(Entries(), load::AstCache::kMaxCacheEntries / 4 * 3);
}

}  // namespace
}  // namespace relief
