// Stage 1 of the pipeline: reads a pack directory (and the packs it imports)
// into a PackAst. Reads only regular files inside pack directories, follows
// no link, runs nothing.
#ifndef RELIEF_LOAD_PACK_LOADER_HPP_
#define RELIEF_LOAD_PACK_LOADER_HPP_

#include <map>
#include <string>
#include <vector>

#include "load/pack_ast.hpp"

namespace relief::load {

class AstCache;

// The rule files found in `cache` (null: none) are not parsed again, and
// those parsed are added to it (ast_cache.hpp); the result is the same.
PackAst LoadPackAst(const std::string& directory, DiagnosticSink& sink, const AstCache* cache = nullptr);
// The same from files in memory, keyed by path relative to a rules directory
// ("occitanie/pack.yaml"); `pack` is the pack's directory among them.
PackAst LoadPackAst(const std::map<std::string, std::string>& files, const std::string& pack, DiagnosticSink& sink,
                    const AstCache* cache = nullptr);

// Reads the sections of one rule file into `ast` (rule_file_reader.cpp).
void ReadRuleFile(const SourceFile& file, PackAst& ast, DiagnosticSink& sink);
// The same for several files, read in parallel (or found in `cache`) and
// added in order: the result and the diagnostics are those of reading them
// one after another.
void ReadRuleFiles(const std::vector<const SourceFile*>& files, PackAst& ast, DiagnosticSink& sink,
                   const AstCache* cache = nullptr);

}  // namespace relief::load

#endif  // RELIEF_LOAD_PACK_LOADER_HPP_
