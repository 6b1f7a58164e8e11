#include "load/pack_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "load/yaml_reader.hpp"

namespace relief::load {
namespace fs = std::filesystem;
namespace {

std::string ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// An error about a whole file or directory, located by its path alone.
void PathError(DiagnosticSink& sink, const fs::path& path, std::string message) {
  sink.Add(Diagnostic{Severity::kError, {path.string(), 0, 0}, std::move(message), {}});
}

class Loader {
 public:
  Loader(PackAst& ast, DiagnosticSink& sink) : ast_(ast), sink_(sink) {}

  // Loads the pack in `dir` after its imports. `from` is where the import
  // was written (null for the pack asked for).
  void LoadPack(const fs::path& dir, const SourceRef* from);

 private:
  const SourceFile& AddFile(const fs::path& path, const std::string& display);
  std::optional<PackManifest> ReadManifest(const fs::path& dir, const SourceRef* from);
  std::vector<fs::path> RuleFiles(const fs::path& dir);

  PackAst& ast_;
  DiagnosticSink& sink_;
  std::vector<fs::path> loading_;  // import chain, for cycles
  std::set<fs::path> loaded_;
};

const SourceFile& Loader::AddFile(const fs::path& path, const std::string& display) {
  ast_.files.push_back(std::make_unique<SourceFile>(display, ReadWholeFile(path)));
  return *ast_.files.back();
}

std::optional<PackManifest> Loader::ReadManifest(const fs::path& dir, const SourceRef* from) {
  const fs::path manifest_path = dir / "pack.yaml";
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(manifest_path, ec))) {
    std::string message = fs::is_directory(dir, ec) ? "no pack manifest pack.yaml (a regular file) in this directory"
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
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_symlink()) {
      // A link could lead out of the pack: refuse it rather than follow it.
      PathError(sink_, p, "symbolic links are not read in a rule pack");
      continue;
    }
    if (it->is_directory() && p.filename() == "tests" && it.depth() == 0) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && p.extension() == ".yaml" && !(it.depth() == 0 && p.filename() == "pack.yaml")) {
      files.push_back(p);
    }
  }
  if (ec) PathError(sink_, dir, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

void Loader::LoadPack(const fs::path& dir_in, const SourceRef* from) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(dir_in, ec);
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

PackAst LoadPackAst(const std::string& directory, DiagnosticSink& sink) {
  PackAst ast;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    PathError(sink, directory, "not a rule pack directory");
    return ast;
  }
  Loader(ast, sink).LoadPack(fs::path(directory).lexically_normal(), nullptr);
  return ast;
}

}  // namespace relief::load
