// Stage 1 of the pipeline: reads a pack directory (and the packs it imports)
// into a PackAst. Reads only regular files inside pack directories, follows
// no link, runs nothing.
#ifndef RELIEF_LOAD_PACK_LOADER_HPP_
#define RELIEF_LOAD_PACK_LOADER_HPP_

#include <string>

#include "load/pack_ast.hpp"

namespace relief::load {

PackAst LoadPackAst(const std::string& directory, DiagnosticSink& sink);

// Reads the sections of one rule file into `ast` (rule_file_reader.cpp).
void ReadRuleFile(const SourceFile& file, PackAst& ast, DiagnosticSink& sink);

}  // namespace relief::load

#endif  // RELIEF_LOAD_PACK_LOADER_HPP_
