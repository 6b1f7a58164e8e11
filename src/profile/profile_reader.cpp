#include "profile/profile_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/limits.hpp"
#include "load/yaml_reader.hpp"
#include "profile/fact_writer.hpp"

namespace relief::internal {
namespace {

// Walks the YAML tree and hands each scalar to a FactWriter as text, the
// way a ProfileBuilder would: the shape (mappings, keys) is checked here, the
// values there.
class ProfileReader {
 public:
  ProfileReader(FactWriter& writer, const SourceFile& file, DiagnosticSink& sink) : w_(writer), r_(file, sink) {}

  void Read(const YAML::Node& root);

 private:
  void ReadFact(std::int32_t fact, const YAML::Node& node);
  void ReadSeries(const FactInfo& fact, std::int32_t index, const YAML::Node& node);
  // The scalar's text, or an error at `node` naming what `name` expects.
  std::optional<std::string> Scalar(const FactInfo& fact, const YAML::Node& node, const std::string& name);

  FactWriter& w_;
  load::YamlReader r_;
};

void ProfileReader::Read(const YAML::Node& root) {
  if (root.IsNull()) return;  // an empty profile: everything is unknown
  if (!r_.CheckFreeMap(root, "profile")) return;
  for (const auto& entry : root) {
    FoundFact found = w_.Find(entry.first.Scalar());
    if (found.fact < 0) {
      r_.Error(entry.first, found.problem);
      continue;
    }
    ReadFact(found.fact, entry.second);
  }
}

void ProfileReader::ReadFact(std::int32_t index, const YAML::Node& node) {
  const FactInfo& fact = w_.program().facts[index];
  if (node.IsNull()) return;  // written as unknown (~ or null)
  if (fact.type.base == BaseType::kRecord) {
    if (!r_.CheckFreeMap(node, "'" + fact.name + "'")) return;
    for (const auto& entry : node) {
      FoundFact found = w_.FindField(index, entry.first.Scalar());
      if (found.fact < 0) {
        r_.Error(entry.first, found.problem);
        continue;
      }
      ReadFact(found.fact, entry.second);
    }
    return;
  }
  if (fact.type.is_series()) return ReadSeries(fact, index, node);
  auto text = Scalar(fact, node, fact.name);
  if (!text) return;
  if (std::string problem = w_.Set(index, ValueText::Text(*text), fact.name); !problem.empty()) r_.Error(node, problem);
}

void ProfileReader::ReadSeries(const FactInfo& fact, std::int32_t index, const YAML::Node& node) {
  if (!node.IsMap()) {
    r_.Error(node, w_.ExpectedSeriesMapping(fact));
    return;
  }
  r_.CheckFreeMap(node, fact.name);
  for (const auto& entry : node) {
    const std::string& key = entry.first.Scalar();
    std::string problem;
    std::optional<std::int32_t> period = w_.Period(fact, key, problem);
    if (!period) {
      r_.Error(entry.first, problem);
      continue;
    }
    if (entry.second.IsNull()) continue;
    const std::string name = fact.name + "[" + key + "]";
    auto text = Scalar(fact, entry.second, name);
    if (!text) continue;
    problem = w_.SetElement(index, *period, ValueText::Text(*text), name);
    if (!problem.empty()) r_.Error(entry.second, problem);
  }
}

std::optional<std::string> ProfileReader::Scalar(const FactInfo& fact, const YAML::Node& node,
                                                 const std::string& name) {
  if (node.IsScalar()) return node.Scalar();
  r_.Error(node, w_.ExpectedScalar(fact, name, node.IsMap() ? "a mapping" : "a list"));
  return std::nullopt;
}

}  // namespace

std::shared_ptr<ProfileData> ReadProfileNode(std::shared_ptr<const Program> program, const SourceFile& file,
                                             const YAML::Node& root, DiagnosticSink& sink) {
  FactWriter writer(std::move(program));
  const std::size_t errors_before = sink.error_count();
  ProfileReader(writer, file, sink).Read(root);
  if (sink.error_count() != errors_before) return nullptr;
  return writer.Finish();
}

std::shared_ptr<ProfileData> ReadProfile(std::shared_ptr<const Program> program, const SourceFile& file,
                                         DiagnosticSink& sink) {
  // The same bound as a profile file read by the command line, for a text
  // handed to the library directly.
  if (file.text().size() > limits::kMaxFileBytes) {
    sink.Error({&file, 0}, fmt::format("profile too large: {} bytes; at most {} are read", file.text().size(),
                                       limits::kMaxFileBytes));
    return nullptr;
  }
  auto root = load::ParseYaml(file, sink);
  if (!root) return nullptr;
  return ReadProfileNode(std::move(program), file, *root, sink);
}

}  // namespace relief::internal
