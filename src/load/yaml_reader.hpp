// Reading YAML nodes into the pack syntax tree, with every problem reported
// at its place: unknown, duplicate and missing keys, wrong shapes.
#ifndef RELIEF_LOAD_YAML_READER_HPP_
#define RELIEF_LOAD_YAML_READER_HPP_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string_view>

#include "core/source_file.hpp"
#include "load/pack_ast.hpp"

namespace relief::load {

// Parses a whole file; on a YAML syntax error reports it and returns nullopt.
std::optional<YAML::Node> ParseYaml(const SourceFile& file, DiagnosticSink& sink);

class YamlReader {
 public:
  YamlReader(const SourceFile& file, DiagnosticSink& sink) : file_(file), sink_(sink) {}

  SourceRef Ref(const YAML::Node& node) const;
  void Error(const YAML::Node& node, std::string message) { sink_.Error(Ref(node), std::move(message)); }
  void Error(SourceRef ref, std::string message) { sink_.Error(ref, std::move(message)); }

  // Checks that `node` is a map whose keys are among `allowed` and that
  // every key of `required` is there; reports unknown keys (with a
  // suggestion) and duplicate keys. `what` names the thing for messages
  // ("fact 'effectif'"). Returns false when `node` is not a map at all.
  bool CheckMap(const YAML::Node& node, std::string_view what, std::initializer_list<std::string_view> allowed,
                std::initializer_list<std::string_view> required);
  // Reports duplicate keys of a map whose keys are free (names, codes).
  bool CheckFreeMap(const YAML::Node& node, std::string_view what);
  bool CheckSequence(const YAML::Node& node, std::string_view what);

  // Scalars of `map[key]`; nullopt (without error) when the key is absent,
  // nullopt with an error when it is not a scalar.
  std::optional<Text> ReadText(const YAML::Node& map, const char* key);
  std::optional<ExprSource> ReadExpr(const YAML::Node& map, const char* key);
  ExprSource ExprOf(const YAML::Node& scalar) const;
  Text TextOf(const YAML::Node& scalar) const { return {scalar.Scalar(), Ref(scalar)}; }
  std::vector<Text> ReadTextList(const YAML::Node& map, const char* key);
  std::optional<TypeSpec> ReadType(const YAML::Node& map, const char* key);
  std::optional<Date> ReadDate(const YAML::Node& node);
  std::optional<Month> ReadMonth(const YAML::Node& node);

  const SourceFile& file() const { return file_; }

 private:
  // `map[key]` when it is a scalar; nullopt when absent (no error) or not a
  // scalar (an error saying `expected`).
  std::optional<YAML::Node> ScalarAt(const YAML::Node& map, const char* key, const char* expected);

  const SourceFile& file_;
  DiagnosticSink& sink_;
};

}  // namespace relief::load

#endif  // RELIEF_LOAD_YAML_READER_HPP_
