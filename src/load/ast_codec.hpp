// The declarations read from one rule file, as bytes and back: what the
// cache of read rule files (ast_cache.hpp) keeps on disk.
//
// Places are kept as byte offsets into the file's text, so a decoded
// declaration points into the SourceFile it is decoded against, and every
// diagnostic found later (check, compile) is located exactly as after a
// parse. Decoding checks everything it reads (lengths against what is left,
// enumerations, dates, offsets against the file's size, one level of record
// fields, no byte left over) and fails rather than build anything doubtful;
// an encoding decodes to equal declarations, and a decoded text re-encodes
// to the same bytes.
#ifndef RELIEF_LOAD_AST_CODEC_HPP_
#define RELIEF_LOAD_AST_CODEC_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "load/pack_ast.hpp"

namespace relief::load {

// The version of the encoding: changed whenever a declaration gains, loses or
// changes a field, so that entries written before are never read.
inline constexpr std::uint32_t kAstCodecFormat = 1;

// The declarations of `decls` (facts, lists, parameters, values, measures
// and broken names; its files and packs are not encoded). Every place must
// be in `file` or nowhere.
std::string EncodeDecls(const PackAst& decls, const SourceFile& file);

// Fills the declarations of `out` (which must have none) from `bytes`, with
// places in `file`; false, leaving `out` without declarations, when `bytes`
// is not an encoding valid for `file`.
bool DecodeDecls(std::string_view bytes, const SourceFile& file, PackAst& out);

}  // namespace relief::load

#endif  // RELIEF_LOAD_AST_CODEC_HPP_
