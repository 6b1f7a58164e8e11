// The public facade: runs the pipeline load → parse → check → compile, and
// evaluate → explain, behind relief/rule_pack.hpp.
#include "relief/rule_pack.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <filesystem>

#include "check/checker.hpp"
#include "compile/lowering.hpp"
#include "eval/evaluator.hpp"
#include "explain/measure_result.hpp"
#include "load/pack_loader.hpp"
#include "profile/profile_reader.hpp"
#include "relief/version.hpp"

namespace relief {

const char* LibraryVersion() { return RELIEF_VERSION; }

std::string DefaultPackDirectory() {
  // RELIEF_RULES_DIR points elsewhere; otherwise the source tree's rules
  // when this build runs from it, else the installed copy.
  if (const char* dir = std::getenv("RELIEF_RULES_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/occitanie";
  }
  std::error_code ec;
  if (std::filesystem::is_directory(RELIEF_SOURCE_RULES_DIR "/occitanie", ec)) {
    return RELIEF_SOURCE_RULES_DIR "/occitanie";
  }
  return RELIEF_INSTALLED_RULES_DIR "/occitanie";
}

namespace {

// SHA-256 over every file read, each preceded by its name relative to its
// pack, so that moving the rules directory does not change the digest.
std::string Digest(const load::PackAst& ast) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const auto& file : ast.files) {
    std::string name = file->path();
    for (const load::PackManifest& pack : ast.packs) {
      if (name.rfind(pack.directory, 0) == 0) name = pack.name + name.substr(pack.directory.size());
    }
    EVP_DigestUpdate(ctx, name.data(), name.size() + 1);
    EVP_DigestUpdate(ctx, file->text().data(), file->text().size());
  }
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx, hash, &size);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", hash[i]);
  return "sha256:" + hex;
}

}  // namespace

LoadResult RulePack::Load(const std::string& directory) {
  try {
    return LoadChecked(directory);
  } catch (const std::exception& e) {
    // A bug of relief's, never the author's: say so rather than crash.
    return LoadResult{std::nullopt, {Diagnostic{Severity::kError, {directory, 0, 0},
                                                std::string("internal error while loading the pack: ") + e.what(), {}}}};
  }
}

LoadResult RulePack::LoadChecked(const std::string& directory) {
  LoadResult result;
  DiagnosticSink sink;
  load::PackAst ast = load::LoadPackAst(directory, sink);
  std::unique_ptr<internal::Program> program;
  if (!ast.packs.empty()) {
    internal::CheckedPack checked = internal::Check(ast, sink);
    if (sink.has_errors()) {
      result.diagnostics = sink.Take();
      return result;
    }
    program = internal::Compile(std::move(checked));
    const load::PackManifest& top = ast.packs.back();
    program->info = {top.name, top.version, top.title, Digest(ast)};
    for (const load::PackManifest& pack : ast.packs) program->pack_directories.push_back(pack.directory);
  }
  bool ok = !sink.has_errors() && program != nullptr;
  result.diagnostics = sink.Take();
  if (ok) result.pack = RulePack(std::shared_ptr<const internal::Program>(std::move(program)));
  return result;
}

RulePack RulePack::LoadOrThrow(const std::string& directory) {
  LoadResult loaded = Load(directory);
  if (!loaded.ok()) throw Error(std::move(loaded.diagnostics));
  return std::move(*loaded.pack);
}

const PackInfo& RulePack::info() const { return program_->info; }

std::vector<std::string> RulePack::MeasureIds() const {
  std::vector<std::string> ids;
  for (const auto& m : program_->measures) ids.push_back(m.id);
  return ids;
}

ProfileResult RulePack::ReadProfile(std::string_view text, const std::string& file_name) const {
  ProfileResult result;
  DiagnosticSink sink;
  SourceFile file(file_name, std::string(text));
  std::shared_ptr<internal::ProfileData> data;
  try {
    data = internal::ReadProfile(program_, file, sink);
  } catch (const std::exception& e) {
    sink.Add(Diagnostic{Severity::kError, {file_name, 0, 0}, std::string("internal error while reading the profile: ") + e.what(), {}});
    data = nullptr;
  }
  result.diagnostics = sink.Take();
  if (data) result.profile = Profile(std::move(data));
  return result;
}

Evaluation RulePack::Evaluate(const Profile& profile, Date date) const {
  if (profile.data().program != program_) {
    throw Error({Diagnostic{Severity::kError, {}, "the profile was read against another rule pack", {}}});
  }
  return internal::EvaluateAll(*program_, profile.data(), date);
}

}  // namespace relief
