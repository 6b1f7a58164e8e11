// A cache on disk of what each rule file declares, so that a pack loaded
// again does not parse its YAML again (yaml-cpp is most of a load:
// docs/performance.md).
//
// An entry is named by the SHA-256 of the file's text, of the encoding's
// version and of this build of relief (its version and the build id of the
// binary it is linked into), so any change of a file, of relief or of the
// encoding reads another entry. An entry holds its name, its size and the
// SHA-256 of its contents: one that is truncated, altered or misplaced is
// ignored (and rewritten by the load that parses the file instead). Only the
// files read without any diagnostic are kept; places are byte offsets into
// the file's text (ast_codec.hpp), so what check and compile report from a
// cached file is located exactly as after a parse. Entries are written to a
// temporary file and renamed, so that concurrent loads never see half of
// one. When the directory cannot be used (absent and impossible to create,
// read-only, shared with other users), the loads parse, silently.
#ifndef RELIEF_LOAD_AST_CACHE_HPP_
#define RELIEF_LOAD_AST_CACHE_HPP_

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "load/pack_ast.hpp"

namespace relief::load {

// The cache directory a load uses: none ("") when RELIEF_NO_CACHE is set to
// anything; else `configured` when it is not empty; else $RELIEF_CACHE_DIR,
// $XDG_CACHE_HOME/relief or $HOME/.cache/relief, the first that is set.
std::string CacheDirectory(const std::string& configured);

class AstCache {
 public:
  // The cache in `directory`, created (mode 0700) when missing, for the
  // build of relief named `build` (its version). Null when it cannot be
  // used: `directory` is empty, cannot be created, is not a directory owned
  // by this user and closed to the others, or the running binary has no
  // build id.
  static std::unique_ptr<AstCache> Open(const std::string& directory, std::string_view build);
  // Removes the oldest entries when the cache grew beyond its bounds
  // (kMaxCacheBytes, kMaxCacheEntries), when this one wrote any.
  ~AstCache();

  // The name of the entry for a file's text.
  std::string KeyOf(std::string_view text) const;
  // Fills the declarations of `out` (which has none) from the entry `key`,
  // with places in `file`; false when there is no valid entry.
  bool Lookup(const std::string& key, const SourceFile& file, PackAst& out) const;
  // Writes the entry `key` for the declarations `decls` read from `file`.
  // Failures leave the cache as it was: they are not reported.
  void Store(const std::string& key, const PackAst& decls, const SourceFile& file) const;

  const std::string& directory() const { return directory_; }
  // Counters for tests and benchmarks: entries found valid, entries written.
  std::size_t hits() const { return hits_; }
  std::size_t stores() const { return stores_; }

  static constexpr std::size_t kMaxEntryBytes = std::size_t{16} << 20;
  static constexpr std::size_t kMaxCacheBytes = std::size_t{256} << 20;
  static constexpr std::size_t kMaxCacheEntries = 4096;

 private:
  AstCache(std::string directory, std::string salt) : directory_(std::move(directory)), salt_(std::move(salt)) {}
  void Prune() const;

  std::string directory_;
  std::string salt_;  // the encoding's version and relief's build, hashed into every key
  mutable std::atomic<std::size_t> hits_{0};
  mutable std::atomic<std::size_t> stores_{0};
};

}  // namespace relief::load

#endif  // RELIEF_LOAD_AST_CACHE_HPP_
