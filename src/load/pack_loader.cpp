#include "load/pack_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "load/yaml_reader.hpp"

namespace relief::load {
namespace fs = std::filesystem;
namespace {

// Where the loader reads: the file system, or files held in memory. Paths
// are pack directories and the files under them.
class FileSource {
 public:
  virtual ~FileSource() = default;
  virtual bool IsDirectory(const fs::path& path) const = 0;
  virtual bool IsRegularFile(const fs::path& path) const = 0;  // not a link
  virtual std::string Read(const fs::path& path) const = 0;
  // Every entry under `dir`, depth first, with `on_entry(path, depth, is_dir,
  // is_link)` returning false to skip a directory's contents.
  virtual void Walk(const fs::path& dir, DiagnosticSink& sink,
                    const std::function<bool(const fs::path&, int, bool, bool)>& on_entry) const = 0;
  virtual fs::path Canonical(const fs::path& path) const = 0;
};

class DiskSource : public FileSource {
 public:
  bool IsDirectory(const fs::path& path) const override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }
  bool IsRegularFile(const fs::path& path) const override {
    std::error_code ec;
    return fs::is_regular_file(fs::symlink_status(path, ec));
  }
  std::string Read(const fs::path& path) const override {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  void Walk(const fs::path& dir, DiagnosticSink& sink,
            const std::function<bool(const fs::path&, int, bool, bool)>& on_entry) const override;
  fs::path Canonical(const fs::path& path) const override {
    std::error_code ec;
    return fs::weakly_canonical(path, ec);
  }
};

// An error about a whole file or directory, located by its path alone.
void PathError(DiagnosticSink& sink, const fs::path& path, std::string message);

void DiskSource::Walk(const fs::path& dir, DiagnosticSink& sink,
                      const std::function<bool(const fs::path&, int, bool, bool)>& on_entry) const {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const bool link = it->is_symlink();
    if (!on_entry(it->path(), it.depth(), !link && it->is_directory(), link)) it.disable_recursion_pending();
  }
  if (ec) PathError(sink, dir, "cannot read directory: " + ec.message());
}

// Files in memory, by path relative to a rules directory ("national/pack.yaml").
class MemorySource : public FileSource {
 public:
  explicit MemorySource(const std::map<std::string, std::string>& files) : files_(files) {}
  bool IsDirectory(const fs::path& path) const override {
    const std::string prefix = Key(path) + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.rfind(prefix, 0) == 0;
  }
  bool IsRegularFile(const fs::path& path) const override { return files_.count(Key(path)) != 0; }
  std::string Read(const fs::path& path) const override {
    auto it = files_.find(Key(path));
    return it == files_.end() ? std::string() : it->second;
  }
  void Walk(const fs::path& dir, DiagnosticSink&,
            const std::function<bool(const fs::path&, int, bool, bool)>& on_entry) const override {
    // Only files are listed; a skipped directory skips the files under it.
    const std::string prefix = Key(dir) + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      const fs::path rel = fs::path(it->first.substr(prefix.size()));
      const fs::path top = *rel.begin();
      const int depth = static_cast<int>(std::distance(rel.begin(), rel.end())) - 1;
      if (depth > 0 && !on_entry(dir / top, 0, true, false)) continue;
      on_entry(fs::path(it->first), depth, false, false);
    }
  }
  fs::path Canonical(const fs::path& path) const override { return path.lexically_normal(); }

 private:
  static std::string Key(const fs::path& path) {
    std::string key = path.lexically_normal().generic_string();
    while (!key.empty() && key.back() == '/') key.pop_back();
    return key;
  }
  const std::map<std::string, std::string>& files_;
};

void PathError(DiagnosticSink& sink, const fs::path& path, std::string message) {
  sink.Add(Diagnostic{Severity::kError, {path.string(), 0, 0}, std::move(message), {}});
}

class Loader {
 public:
  Loader(const FileSource& files, PackAst& ast, DiagnosticSink& sink) : files_(files), ast_(ast), sink_(sink) {}

  // Loads the pack in `dir` after its imports. `from` is where the import
  // was written (null for the pack asked for).
  void LoadPack(const fs::path& dir, const SourceRef* from);

 private:
  const SourceFile& AddFile(const fs::path& path, const std::string& display);
  std::optional<PackManifest> ReadManifest(const fs::path& dir, const SourceRef* from);
  std::vector<fs::path> RuleFiles(const fs::path& dir);

  const FileSource& files_;
  PackAst& ast_;
  DiagnosticSink& sink_;
  std::vector<fs::path> loading_;  // import chain, for cycles
  std::set<fs::path> loaded_;
};

const SourceFile& Loader::AddFile(const fs::path& path, const std::string& display) {
  ast_.files.push_back(std::make_unique<SourceFile>(display, files_.Read(path)));
  return *ast_.files.back();
}

std::optional<PackManifest> Loader::ReadManifest(const fs::path& dir, const SourceRef* from) {
  const fs::path manifest_path = dir / "pack.yaml";
  if (!files_.IsRegularFile(manifest_path)) {
    std::string message = files_.IsDirectory(dir) ? "no pack manifest pack.yaml (a regular file) in this directory"
                                                    : "no such pack directory";
    if (from != nullptr) {
      sink_.Error(*from, fmt::format("import: {}: {}", dir.string(), message));
    } else {
      PathError(sink_, dir, message);
    }
    return std::nullopt;
  }
  const SourceFile& file = AddFile(manifest_path, manifest_path.string());
  auto root = ParseYaml(file, sink_);
  if (!root) return std::nullopt;
  YamlReader r(file, sink_);
  if (!r.CheckMap(*root, "pack manifest", {"pack"}, {"pack"})) return std::nullopt;
  const YAML::Node pack = (*root)["pack"];
  if (!r.CheckMap(pack, "pack", {"name", "version", "title", "imports"}, {"name", "version", "title"}))
    return std::nullopt;
  PackManifest m;
  m.directory = dir.string();
  m.ref = r.Ref(pack);
  if (auto t = r.ReadText(pack, "name")) m.name = t->value;
  if (auto t = r.ReadText(pack, "version")) m.version = t->value;
  if (auto t = r.ReadText(pack, "title")) m.title = t->value;
  m.imports = r.ReadTextList(pack, "imports");
  return m;
}

std::vector<fs::path> Loader::RuleFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  files_.Walk(dir, sink_, [&](const fs::path& p, int depth, bool is_dir, bool is_link) {
    if (is_link) {
      // A link could lead out of the pack: refuse it rather than follow it.
      PathError(sink_, p, "symbolic links are not read in a rule pack");
      return true;
    }
    if (is_dir) return !(p.filename() == "tests" && depth == 0);
    if (p.extension() == ".yaml" && !(depth == 0 && p.filename() == "pack.yaml") && files_.IsRegularFile(p)) {
      files.push_back(p);
    }
    return true;
  });
  std::sort(files.begin(), files.end());
  return files;
}

void Loader::LoadPack(const fs::path& dir_in, const SourceRef* from) {
  fs::path dir = files_.Canonical(dir_in);
  if (std::find(loading_.begin(), loading_.end(), dir) != loading_.end()) {
    sink_.Error(*from, fmt::format("import cycle through pack '{}'", dir.filename().string()));
    return;
  }
  if (!loaded_.insert(dir).second) return;  // imported twice (diamond): once is enough
  auto manifest = ReadManifest(dir_in, from);
  if (!manifest) return;
  loading_.push_back(dir);
  static const std::regex kPackName("[a-z][a-z0-9_-]*");
  for (const Text& import : manifest->imports) {
    // Imports name sibling packs; a path could escape the rules directory.
    if (!std::regex_match(import.value, kPackName)) {
      sink_.Error(import.ref, fmt::format("import '{}': expected the name of a sibling pack "
                                          "(lowercase letters, digits, '-' or '_'), not a path",
                                          import.value));
      continue;
    }
    LoadPack(dir_in.parent_path() / import.value, &import.ref);
  }
  loading_.pop_back();
  for (const fs::path& path : RuleFiles(dir_in)) {
    ReadRuleFile(AddFile(path, path.string()), ast_, sink_);
  }
  ast_.packs.push_back(std::move(*manifest));
}

}  // namespace

namespace {

PackAst LoadFrom(const FileSource& files, const std::string& directory, DiagnosticSink& sink) {
  PackAst ast;
  if (!files.IsDirectory(directory)) {
    PathError(sink, directory, "not a rule pack directory");
    return ast;
  }
  Loader(files, ast, sink).LoadPack(fs::path(directory).lexically_normal(), nullptr);
  return ast;
}

}  // namespace

PackAst LoadPackAst(const std::string& directory, DiagnosticSink& sink) {
  return LoadFrom(DiskSource(), directory, sink);
}

PackAst LoadPackAst(const std::map<std::string, std::string>& files, const std::string& pack, DiagnosticSink& sink) {
  return LoadFrom(MemorySource(files), pack, sink);
}

}  // namespace relief::load
