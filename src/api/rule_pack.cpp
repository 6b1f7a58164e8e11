// The public facade: runs the pipeline load → parse → check → compile, and
// evaluate → explain, behind relief/rule_pack.hpp.
#include "relief/rule_pack.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <functional>
#include <memory>

#include "api/access.hpp"
#include "check/checker.hpp"
#include "compile/lowering.hpp"
#include "explain/explain_tools.hpp"
#include "explain/explanation_data.hpp"
#include "load/ast_cache.hpp"
#include "load/pack_loader.hpp"
#include "profile/profile_reader.hpp"
#include "relief/version.hpp"

namespace relief {

const char* LibraryVersion() { return RELIEF_VERSION; }

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

namespace {

// Runs check and compile over what was loaded; a bug of relief's (an
// exception) is reported as such rather than crash.
LoadResult Build(const std::string& where, const std::function<load::PackAst(DiagnosticSink&)>& read) {
  DiagnosticSink sink;
  std::unique_ptr<internal::Program> program;
  try {
    load::PackAst ast = read(sink);
    if (!ast.packs.empty()) {
      internal::CheckedPack checked = internal::Check(ast, sink);
      if (!sink.has_errors()) {
        program = internal::Compile(std::move(checked));
        const load::PackManifest& top = ast.packs.back();
        program->info = {top.name, top.version, top.title, Digest(ast)};
        for (const load::PackManifest& pack : ast.packs) program->pack_directories.push_back(pack.directory);
      }
    }
  } catch (const std::exception& e) {
    sink.Add(Diagnostic{
        Severity::kError, {where, 0, 0}, std::string("internal error while loading the pack: ") + e.what(), {}});
  }
  LoadResult result;
  const bool ok = !sink.has_errors() && program != nullptr;
  result.diagnostics = sink.Take();
  if (ok) {
    result.pack = internal::Access::MakePack(std::shared_ptr<const internal::Program>(std::move(program)));
  } else {
    result.pack = Checked<RulePack>(internal::ErrorsOf(result.diagnostics, where, "the rule pack has errors"));
  }
  return result;
}

// The cache of read rule files the options ask for; null when there is none
// or it cannot be used (the load then parses every file).
std::unique_ptr<load::AstCache> OpenCache(const LoadOptions& options) {
  if (!options.use_cache) return nullptr;
  return load::AstCache::Open(load::CacheDirectory(options.cache_directory), RELIEF_VERSION);
}

}  // namespace

LoadResult RulePack::Load(const std::string& directory) { return Load(directory, LoadOptions()); }

LoadResult RulePack::Load(const std::string& directory, const LoadOptions& options) {
  const std::unique_ptr<load::AstCache> cache = OpenCache(options);
  return Build(directory, [&](DiagnosticSink& sink) { return load::LoadPackAst(directory, sink, cache.get()); });
}

LoadResult RulePack::Load(const PackFiles& files, const std::string& pack) { return Load(files, pack, LoadOptions()); }

LoadResult RulePack::Load(const PackFiles& files, const std::string& pack, const LoadOptions& options) {
  std::string dir = pack;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  const std::unique_ptr<load::AstCache> cache = OpenCache(options);
  return Build(dir, [&](DiagnosticSink& sink) { return load::LoadPackAst(files, dir, sink, cache.get()); });
}

RulePack RulePack::LoadOrThrow(const std::string& directory) { return Load(directory).pack.value(); }

const PackInfo& RulePack::info() const { return program_->info; }

std::vector<std::string> RulePack::MeasureIds() const {
  std::vector<std::string> ids;
  for (const auto& m : program_->measures) ids.push_back(m.id);
  return ids;
}

ProfileResult RulePack::ReadProfile(std::string_view text, const std::string& file_name) const {
  DiagnosticSink sink;
  SourceFile file(file_name, std::string(text));
  std::shared_ptr<internal::ProfileData> data;
  try {
    data = internal::ReadProfile(program_, file, sink);
  } catch (const std::exception& e) {
    sink.Add(Diagnostic{
        Severity::kError, {file_name, 0, 0}, std::string("internal error while reading the profile: ") + e.what(), {}});
    data = nullptr;
  }
  return internal::MakeProfileResult(std::move(data), sink.Take(), file_name);
}

Explanation RulePack::Explain(const Profile& profile, Date date) const {
  if (internal::Access::data(profile).program != program_) {
    throw Error({Diagnostic{Severity::kError, {}, "the profile was read against another rule pack", {}}});
  }
  // Every value the explanation shows is computed on the batch machine of a
  // plan that explains; the evaluator computes only what cells cannot hold.
  internal::ExplainTools& tools = internal::ThreadExplainTools(program_);
  const std::shared_ptr<const internal::ProfileData>& data = internal::Access::shared_data(profile);
  tools.machine.Run(*data, date);
  tools.machine.RunAll();
  return internal::Access::MakeExplanation(
      internal::ExplanationData::Explained(tools.evaluator, program_, data, date, tools.machine.computed()));
}

Evaluation RulePack::Evaluate(const Profile& profile, Date date) const { return Explain(profile, date).ToEvaluation(); }

}  // namespace relief
