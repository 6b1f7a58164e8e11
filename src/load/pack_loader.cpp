#include "load/pack_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/limits.hpp"
#include "core/text_safety.hpp"
#include "load/file_source.hpp"
#include "load/yaml_reader.hpp"

namespace relief::load {
namespace fs = std::filesystem;
namespace {

// [a-z][a-z0-9_-]*, at most 100 characters: a name, never a path.
bool IsPackName(std::string_view name) {
  if (name.empty() || name.size() > 100 || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

// An error about a whole file or directory, located by its path alone.
void PathError(DiagnosticSink& sink, const fs::path& path, std::string message) {
  sink.Add(Diagnostic{Severity::kError, {path.string(), 0, 0}, std::move(message), {}});
}

class Loader {
 public:
  Loader(const FileSource& files, PackAst& ast, DiagnosticSink& sink, const AstCache* cache)
      : files_(files), ast_(ast), sink_(sink), cache_(cache) {}

  // Loads the pack in `dir` after its imports. `from` is where the import
  // was written (null for the pack asked for).
  // `dir` is the path shown in messages; `real` its canonical form, from
  // which sibling packs are found.
  void LoadPack(const fs::path& dir, const fs::path& real, const SourceRef* from);

 private:
  // Reads `path`, shown in messages as `shown`.
  const SourceFile* AddFile(const fs::path& path, const fs::path& shown);
  std::optional<PackManifest> ReadManifest(const fs::path& dir, const fs::path& real, const SourceRef* from,
                                           bool& manifest_read);
  // The rule files under `real` (shown as `dir`), sorted.
  std::vector<fs::path> RuleFiles(const fs::path& dir, const fs::path& real);
  void LoadImport(const fs::path& dir, const fs::path& real, const Text& import);

  const FileSource& files_;
  PackAst& ast_;
  DiagnosticSink& sink_;
  const AstCache* cache_;
  std::vector<fs::path> loading_;  // import chain, for cycles
  std::set<fs::path> loaded_;
  std::size_t bytes_ = 0;  // read so far, for limits::kMaxPackBytes
  bool too_many_files_ = false;
};

// Reads a file of the pack within the limits; null (after an error) when it
// cannot be read or a limit is reached.
const SourceFile* Loader::AddFile(const fs::path& path, const fs::path& shown) {
  if (ast_.files.size() >= limits::kMaxPackFiles) {
    if (!too_many_files_) {
      PathError(sink_, shown,
                fmt::format("too many files: a pack and its imports hold at most {} files; "
                            "this one and the next are not read",
                            limits::kMaxPackFiles));
    }
    too_many_files_ = true;
    return nullptr;
  }
  FileText read = files_.Read(path, std::min(limits::kMaxFileBytes, limits::kMaxPackBytes - bytes_));
  if (!read.text) {
    PathError(sink_, shown,
              bytes_ + limits::kMaxFileBytes > limits::kMaxPackBytes && read.error.starts_with("file too large")
                  ? fmt::format("the files of the pack exceed {} bytes in all", limits::kMaxPackBytes)
                  : read.error);
    return nullptr;
  }
  bytes_ += read.text->size();
  ast_.files.push_back(std::make_unique<SourceFile>(shown.string(), std::move(*read.text)));
  return ast_.files.back().get();
}

// The manifest of the pack in `dir`; nullopt after an error. `manifest_read`
// says whether a pack.yaml file was there at all (its rule files are then
// still read, so that one run shows every problem).
std::optional<PackManifest> Loader::ReadManifest(const fs::path& dir, const fs::path& real, const SourceRef* from,
                                                 bool& manifest_read) {
  const fs::path manifest_path = real / "pack.yaml";
  manifest_read = files_.IsRegularFile(manifest_path);
  if (!manifest_read) {
    std::string message = files_.IsDirectory(real) ? "no pack manifest pack.yaml (a regular file) in this directory"
                                                   : "no such pack directory";
    if (from != nullptr) {
      sink_.Error(*from, fmt::format("import: {}: {}", dir.string(), message));
    } else {
      PathError(sink_, dir, message);
    }
    return std::nullopt;
  }
  const SourceFile* file = AddFile(manifest_path, dir / "pack.yaml");
  if (file == nullptr) return std::nullopt;
  auto root = ParseYaml(*file, sink_);
  if (!root) return std::nullopt;
  YamlReader r(*file, sink_);
  // Keys of the manifest written at the top level, not under `pack:`.
  if (root->IsMap() && !(*root)["pack"].IsDefined()) {
    for (const char* key : {"name", "version", "title", "imports"}) {
      if ((*root)[key].IsDefined()) {
        r.Error(*root,
                "pack manifest: nest its keys under 'pack:' (write 'pack:' on the first line, then name, "
                "version, title and imports indented below it)");
        return std::nullopt;
      }
    }
  }
  if (!r.CheckMap(*root, "pack manifest", {"pack"}, {"pack"})) return std::nullopt;
  const YAML::Node pack = (*root)["pack"];
  if (!pack.IsDefined()) return std::nullopt;  // reported as a missing key
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

std::vector<fs::path> Loader::RuleFiles(const fs::path& dir, const fs::path& real) {
  std::vector<fs::path> files;
  std::size_t entries = 0;
  bool too_many = false;
  const std::string error = files_.Walk(real, [&](const FileSource::Entry& e) {
    const fs::path shown = dir / e.path.lexically_relative(real);
    if (too_many || ++entries > limits::kMaxPackFiles) {
      if (!too_many) {
        PathError(sink_, dir,
                  fmt::format("too many files: more than {} entries in the pack directory; the rest are "
                              "not read",
                              limits::kMaxPackFiles));
      }
      too_many = true;
      return false;
    }
    if (e.is_link) {
      // A link could lead out of the pack: refuse it rather than follow it.
      PathError(sink_, shown, "symbolic links are not read in a rule pack");
      return false;
    }
    if (e.is_directory) return !(e.path.filename() == "tests" && e.depth == 0);
    if (!e.is_regular_file) return true;
    if (e.path.extension() == ".yml") {
      // Either extension could be read, but a pack spelt both ways is harder
      // to review, and skipping the file silently would hide its rules.
      PathError(sink_, shown, "rule files end in .yaml; rename this .yml file (it was not read)");
    } else if (e.path.extension() == ".yaml" && !(e.depth == 0 && e.path.filename() == "pack.yaml")) {
      files.push_back(e.path);
    }
    return true;
  });
  if (!error.empty()) PathError(sink_, dir, error);
  std::sort(files.begin(), files.end());
  return files;
}

void Loader::LoadPack(const fs::path& dir, const fs::path& real, const SourceRef* from) {
  if (std::find(loading_.begin(), loading_.end(), real) != loading_.end()) {
    sink_.Error(*from, fmt::format("import cycle through pack '{}'", real.filename().string()));
    return;
  }
  if (!loaded_.insert(real).second) return;  // imported twice (diamond): once is enough
  bool manifest_read = false;
  auto manifest = ReadManifest(dir, real, from, manifest_read);
  if (!manifest_read) return;
  if (manifest) {
    loading_.push_back(real);
    for (const Text& import : manifest->imports) LoadImport(dir, real, import);
    loading_.pop_back();
  }
  std::vector<const SourceFile*> files;
  for (const fs::path& path : RuleFiles(dir, real)) {
    if (const SourceFile* file = AddFile(path, dir / path.lexically_relative(real))) files.push_back(file);
  }
  ReadRuleFiles(files, ast_, sink_, cache_);
  if (manifest) ast_.packs.push_back(std::move(*manifest));
}

// Imports name sibling packs: a directory next to the importing one, found
// from its canonical path (so that "occitanie/", "." or a link to the pack
// import the same siblings), and not itself a link (which could lead out of
// the rules directory).
void Loader::LoadImport(const fs::path& dir, const fs::path& real, const Text& import) {
  if (!IsPackName(import.value)) {
    sink_.Error(import.ref, fmt::format("import '{}': expected the name of a sibling pack "
                                        "(lowercase letters, digits, '-' or '_', at most 100), not a path",
                                        Clip(import.value, 100)));
    return;
  }
  const fs::path sibling = real.parent_path() / import.value;
  const fs::path shown = (dir / ".." / import.value).lexically_normal();  // for messages only
  if (files_.IsLink(sibling)) {
    sink_.Error(import.ref, fmt::format("import '{}': {} is a symbolic link; an import names a sibling "
                                        "directory, links are not followed",
                                        import.value, shown.string()));
    return;
  }
  LoadPack(shown, sibling, &import.ref);
}

PackAst LoadFrom(const FileSource& files, const std::string& directory, DiagnosticSink& sink, const AstCache* cache) {
  PackAst ast;
  if (!files.IsDirectory(directory)) {
    PathError(sink, directory, "not a rule pack directory");
    return ast;
  }
  fs::path shown = fs::path(directory).lexically_normal();
  if (!shown.has_filename() && shown.has_parent_path()) shown = shown.parent_path();  // "occitanie/"
  std::string error;
  const fs::path real = files.Canonical(directory, error);
  if (!error.empty()) {
    PathError(sink, directory, error);
    return ast;
  }
  Loader(files, ast, sink, cache).LoadPack(shown, real, nullptr);
  return ast;
}

}  // namespace

PackAst LoadPackAst(const std::string& directory, DiagnosticSink& sink, const AstCache* cache) {
  return LoadFrom(DiskSource(), directory, sink, cache);
}

PackAst LoadPackAst(const std::map<std::string, std::string>& files, const std::string& pack, DiagnosticSink& sink,
                    const AstCache* cache) {
  return LoadFrom(MemorySource(files), pack, sink, cache);
}

}  // namespace relief::load
