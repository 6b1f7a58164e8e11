// The syntax tree of a rule pack: what the YAML files say, with locations,
// before any expression is parsed or any name resolved.
#ifndef RELIEF_LOAD_PACK_AST_HPP_
#define RELIEF_LOAD_PACK_AST_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/source_file.hpp"
#include "ir/types.hpp"
#include "relief/calendar.hpp"
#include "relief/decimal.hpp"

namespace relief::load {

// The text of one expression and where it sits in its YAML file.
struct ExprSource {
  std::string text;
  SourceRef ref;              // start of the scalar's content
  bool offsets_exact = true;  // false for multi-line or escaped scalars

  // The place of a byte offset of `text` in the file; the scalar's start
  // when the mapping is not exact.
  SourceRef At(std::size_t offset) const { return offsets_exact ? SourceRef{ref.file, ref.offset + offset} : ref; }
};

// A text attribute (label, source, …) and where it was written.
struct Text {
  std::string value;
  SourceRef ref;
};

// A written type such as "money", "monthly enum", "record".
struct TypeSpec {
  internal::BaseType base = internal::BaseType::kError;
  internal::SeriesKind series = internal::SeriesKind::kNone;
  SourceRef ref;
};

struct FactDecl {
  std::string name;
  SourceRef ref;
  TypeSpec type;
  Text label, question, source;
  std::optional<ExprSource> min, max;  // literal expressions, checked against the type
  std::vector<Text> enum_values;
  std::vector<Text> enum_labels;  // parallel to enum_values when written as {code: label}; else empty
  std::optional<Text> pattern;
  std::optional<Text> in_list;  // the value must be a code of this list
  std::optional<ExprSource> default_value;
  bool identifies = false;       // carried to the output (siren), not for rules
  std::vector<FactDecl> fields;  // record fields
};

struct ListItem {
  std::string code;
  std::string label;
  SourceRef ref;
  std::optional<std::string> value;  // a list used as a table: code → value
};

struct ListDecl {
  std::string name;
  SourceRef ref;
  Text label, source;
  std::vector<ListItem> items;
  std::vector<ListItem> possible;
};

struct ParamValue {
  Date from;
  SourceRef ref;
  ExprSource value;
  Text source;
};

struct ParamDecl {
  std::string name;
  SourceRef ref;
  TypeSpec type;
  Text label;
  std::vector<ParamValue> values;
};

struct ValueDecl {
  std::string name;
  SourceRef ref;
  std::optional<TypeSpec> type;
  Text label;
  ExprSource formula;
};

// What the sources leave open, shown with a result; `when` (absent: always)
// limits it to the firms it can concern.
struct OpenPointDecl {
  Text text;
  std::optional<ExprSource> when;
};

struct ConditionDecl {
  SourceRef ref;
  Text label, source;
  ExprSource when;
  std::vector<OpenPointDecl> open_points;
};

struct OptionDecl {
  SourceRef ref;
  Text label, source;
  ExprSource amount;
};

// An amount, directly or as the best of several options.
struct AmountDecl {
  std::optional<ExprSource> amount;
  std::vector<OptionDecl> options;
};

struct CaseDecl {
  SourceRef ref;
  std::string id;
  Text label, source;
  std::optional<ExprSource> when;  // absent: always (a final "otherwise" case)
  AmountDecl amount;
  std::vector<OpenPointDecl> open_points;
};

struct VersionDecl {
  SourceRef ref;
  Date from, to;             // inclusive
  bool whole_months = true;  // written as `months`, not `dates`
  Text label, source;
  std::optional<Date> deadline;
  std::vector<ConditionDecl> require;
  std::vector<CaseDecl> cases;
  AmountDecl amount;  // when there are no cases
  std::vector<OpenPointDecl> open_points;
};

struct MeasureDecl {
  std::string id;
  SourceRef ref;
  Text title, issuer, kind, per, apply;
  Text territory_label;
  std::optional<ExprSource> territory_when;
  std::vector<Text> sources;
  std::vector<OpenPointDecl> open_points;
  std::vector<VersionDecl> versions;
};

struct PackManifest {
  std::string name, version, title;
  std::string directory;
  std::vector<Text> imports;
  SourceRef ref;
};

// Everything read from a pack and the packs it imports, in load order
// (imports first). Owns the source files that every SourceRef points into.
struct PackAst {
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<PackManifest> packs;  // the last one is the pack that was asked for
  std::vector<FactDecl> facts;
  std::vector<ListDecl> lists;
  std::vector<ParamDecl> parameters;
  std::vector<ValueDecl> values;
  std::vector<MeasureDecl> measures;
  // Names whose declaration had an error: uses of them are not reported
  // again as unknown names.
  std::vector<std::string> broken_names;
};

}  // namespace relief::load

#endif  // RELIEF_LOAD_PACK_AST_HPP_
