#include "profile/json_profile_reader.hpp"

#include <fmt/format.h>
// simdjson turns on its development checks in unoptimised builds, which adds
// members to its parser: keep the one configuration Debian's libsimdjson is
// built with (its copies of inline functions may be the ones called).
#define SIMDJSON_DEVELOPMENT_CHECKS 0
#include <simdjson.h>

#include <array>
#include <cstring>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/limits.hpp"
#include "profile/fact_writer.hpp"
#include "profile/flat_json_line.hpp"
#include "profile/key_order.hpp"
#include "profile/profile_recycler.hpp"

namespace relief::internal {

namespace ondemand = simdjson::ondemand;

const std::size_t JsonProfileReader::kPadding = simdjson::SIMDJSON_PADDING;
static_assert(RawKey::kReadPast <= simdjson::SIMDJSON_PADDING);

namespace {

// What "found" says of a value that is not a scalar, as the YAML reader does.
const char* Shape(ondemand::json_type type) { return type == ondemand::json_type::object ? "a mapping" : "a list"; }

// The problems of one line, as (byte offset in the line, message); the
// diagnostics are made only for a line that has some.
class LineReader {
 public:
  LineReader(FactWriter& writer, std::vector<std::uint32_t>& seen, std::uint32_t stamp, KeyOrder& order,
             const char* start)
      : w_(writer), seen_(seen), stamp_(stamp), order_(order), start_(start) {}

  std::vector<std::pair<std::size_t, std::string>> problems;

  void Read(ondemand::document& doc);

 private:
  // Records a syntax error of simdjson's; false when there is one (the
  // line is then read no further).
  bool Ok(simdjson::error_code error, const char* at) {
    if (error == simdjson::SUCCESS) return true;
    if (!broken_) Problem(at, fmt::format("JSON syntax error: {}", simdjson::error_message(error)));
    broken_ = true;
    return false;
  }
  void Problem(const char* at, std::string message) { problems.emplace_back(Offset(at), std::move(message)); }
  std::size_t Offset(const char* at) const { return at < start_ ? 0 : static_cast<std::size_t>(at - start_); }
  // The object's fields, each found among the facts (record < 0) or among
  // the fields of `record`.
  void ReadObject(ondemand::object object, std::int32_t record, const std::string& what);
  bool Duplicate(std::int32_t fact, std::string_view key, const char* at, const std::string& what);
  void ReadFact(std::int32_t index, ondemand::value& value);
  void ReadSeries(const FactInfo& fact, std::int32_t index, ondemand::value& value);
  void SetElement(const FactInfo& fact, std::int32_t index, std::string_view key, const char* key_at,
                  ondemand::value& value);
  // The text of the scalar of JSON type `type` at `at`: a string unescaped,
  // a number or a boolean as written; nullopt for null (unknown) and, with
  // a problem, for a structure.
  std::optional<std::string_view> Scalar(const FactInfo& fact, ondemand::value& value, ondemand::json_type type,
                                         const char* at, const std::string& name);

  FactWriter& w_;
  std::vector<std::uint32_t>& seen_;  // by fact: the stamp of the line that gave it
  std::uint32_t stamp_;
  KeyOrder& order_;
  const char* start_;
  std::unordered_set<std::string_view> unknown_;  // unknown keys met, for their duplicates
  bool broken_ = false;
};

void LineReader::Read(ondemand::document& doc) {
  const char* at = start_;
  ondemand::json_type type;
  if (!Ok(doc.type().get(type), at)) return;
  if (type == ondemand::json_type::null) {  // an empty profile: everything is unknown
    bool null = false;
    Ok(doc.is_null().get(null), at);
  } else if (type != ondemand::json_type::object) {
    Problem(at, "profile: expected a mapping");
    return;
  } else {
    ondemand::object object;
    if (!Ok(doc.get_object().get(object), at)) return;
    ReadObject(object, -1, "profile");
  }
  const char* rest = nullptr;  // the document is at its end when it has no current location
  if (!broken_ && doc.current_location().get(rest) == simdjson::SUCCESS) {
    Problem(rest, "JSON syntax error: more than one value on the line");
  }
}

void LineReader::ReadObject(ondemand::object object, std::int32_t record, const std::string& what) {
  std::size_t position = 0;
  for (auto item : object) {
    // The field used in place: copying simdjson's small iterators costs a
    // failed store forwarding each time (docs/performance.md).
    if (!Ok(item.error(), start_)) return;
    ondemand::field& field = item.value_unsafe();
    std::string_view key;
    const char* key_at = field.key().raw() - 1;  // the opening quote (unescaping the key forgets it)
    FoundFact found;
    if (record < 0 && (found.fact = order_.Guess(position, field.key().raw())) >= 0) {
      key = w_.program().facts[found.fact].name;
    } else {
      if (!Ok(field.unescaped_key().get(key), key_at)) return;
      found = record < 0 ? w_.Find(key) : w_.FindField(record, key);
      if (record < 0) order_.Remember(position, found.fact);
    }
    ++position;
    if (Duplicate(found.fact, key, key_at, what)) continue;
    if (found.fact < 0) {
      Problem(key_at, found.problem);
      continue;
    }
    ReadFact(found.fact, field.value());
    if (broken_) return;
  }
}

// Whether `key` was given before in this object (the problem is then said).
bool LineReader::Duplicate(std::int32_t fact, std::string_view key, const char* at, const std::string& what) {
  bool again = false;
  if (fact >= 0) {
    again = seen_[static_cast<std::size_t>(fact)] == stamp_;
    seen_[static_cast<std::size_t>(fact)] = stamp_;
  } else {
    again = !unknown_.insert(key).second;
  }
  if (again) Problem(at, fmt::format("{}: duplicate key '{}'", what, key));
  return again;
}

void LineReader::ReadFact(std::int32_t index, ondemand::value& value) {
  const FactInfo& fact = w_.program().facts[index];
  const char* at = value.raw_json_token().data();
  ondemand::json_type type;
  if (!Ok(value.type().get(type), at) || type == ondemand::json_type::null) return;  // null: unknown
  if (fact.type.base == BaseType::kRecord) {
    ondemand::object object;
    if (type != ondemand::json_type::object) return Problem(at, fmt::format("'{}': expected a mapping", fact.name));
    if (Ok(value.get_object().get(object), at)) ReadObject(object, index, "'" + fact.name + "'");
    return;
  }
  if (fact.type.is_series()) return ReadSeries(fact, index, value);
  std::optional<std::string_view> text = Scalar(fact, value, type, at, fact.name);
  if (!text || w_.SetPlain(index, *text)) return;
  if (std::string problem = w_.Set(index, ValueText::Text(*text), fact.name); !problem.empty()) Problem(at, problem);
}

void LineReader::ReadSeries(const FactInfo& fact, std::int32_t index, ondemand::value& value) {
  const char* at = value.raw_json_token().data();
  ondemand::object object;
  ondemand::json_type type;
  if (!Ok(value.type().get(type), at)) return;
  if (type != ondemand::json_type::object) return Problem(at, w_.ExpectedSeriesMapping(fact));
  if (!Ok(value.get_object().get(object), at)) return;
  std::unordered_set<std::string_view> periods;
  for (auto item : object) {
    if (!Ok(item.error(), at)) return;
    ondemand::field& field = item.value_unsafe();
    std::string_view key;
    const char* key_at = field.key().raw() - 1;
    if (!Ok(field.unescaped_key().get(key), key_at)) return;
    if (!periods.insert(key).second) {
      Problem(key_at, fmt::format("{}: duplicate key '{}'", fact.name, key));
      continue;
    }
    SetElement(fact, index, key, key_at, field.value());
    if (broken_) return;
  }
}

void LineReader::SetElement(const FactInfo& fact, std::int32_t index, std::string_view key, const char* key_at,
                            ondemand::value& value) {
  std::string problem;
  std::optional<std::int32_t> period = w_.Period(fact, key, problem);
  if (!period) return Problem(key_at, problem);
  const char* at = value.raw_json_token().data();
  const std::string name = fmt::format("{}[{}]", fact.name, key);
  ondemand::json_type type;
  if (!Ok(value.type().get(type), at)) return;
  std::optional<std::string_view> text = Scalar(fact, value, type, at, name);
  if (!text) return;
  problem = w_.SetElement(index, *period, ValueText::Text(*text), name);
  if (!problem.empty()) Problem(at, problem);
}

std::optional<std::string_view> LineReader::Scalar(const FactInfo& fact, ondemand::value& value,
                                                   ondemand::json_type type, const char* at, const std::string& name) {
  std::string_view text;
  switch (type) {
    case ondemand::json_type::string:
      if (!Ok(value.get_string().get(text), at)) return std::nullopt;
      if (text.size() > limits::kMaxScalarBytes) {
        Problem(at, fmt::format("JSON too large: a text of {} bytes; at most {} are allowed", text.size(),
                                limits::kMaxScalarBytes));
        return std::nullopt;
      }
      return text;
    case ondemand::json_type::number: {
      text = value.raw_json_token();  // as written: an amount stays exact
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
      return text;
    }
    case ondemand::json_type::boolean: {
      bool b = false;
      if (!Ok(value.get_bool().get(b), at)) return std::nullopt;
      return b ? std::string_view("true") : std::string_view("false");
    }
    case ondemand::json_type::null:  // unknown
      return std::nullopt;
    default:
      Problem(at, w_.ExpectedScalar(fact, name, Shape(type)));
      return std::nullopt;
  }
}

}  // namespace

struct JsonProfileReader::Impl {
  explicit Impl(std::shared_ptr<const Program> program)
      : writer(std::move(program)), flat_facts(FlatFacts(writer.program())), seen(writer.program().facts.size(), 0) {
    for (const FactInfo& fact : writer.program().facts) order.names.emplace_back(fact.name);
  }
  FactWriter writer;
  std::vector<FlatFact> flat_facts;
  ondemand::parser parser;
  std::vector<std::uint32_t> seen;
  KeyOrder order;
  std::uint32_t stamp = 0;
  std::string padded;  // a copy of a line that cannot be read in place
  ProfileRecycler recycler;
  bool flat_path = true;

  // A stamp no fact of `seen` has yet.
  std::uint32_t NextStamp() {
    if (++stamp == 0) {  // the stamps went round: forget them
      std::fill(seen.begin(), seen.end(), 0);
      stamp = 1;
    }
    return stamp;
  }
  // The profile written, handed out; the writer goes on in one let go.
  std::shared_ptr<ProfileData> Take() {
    std::shared_ptr<ProfileData> data = writer.Take(recycler.Reusable());
    recycler.HandedOut(data);
    return data;
  }
};

JsonProfileReader::JsonProfileReader(std::shared_ptr<const Program> program)
    : impl_(std::make_unique<Impl>(std::move(program))) {}
JsonProfileReader::~JsonProfileReader() = default;
JsonProfileReader::JsonProfileReader(JsonProfileReader&&) noexcept = default;
JsonProfileReader& JsonProfileReader::operator=(JsonProfileReader&&) noexcept = default;
void JsonProfileReader::set_flat_path(bool on) { impl_->flat_path = on; }

namespace {

// The problems of a line as diagnostics at `line_number` and each column.
void Report(std::vector<std::pair<std::size_t, std::string>>& problems, std::string_view line, int line_number,
            const std::string& file_name, DiagnosticSink& sink) {
  const SourceFile file(file_name, std::string(line));
  DiagnosticSink local;
  for (auto& [offset, message] : problems) local.Error({&file, offset}, std::move(message));
  for (Diagnostic& d : local.Take()) {
    d.location.line = line_number;
    sink.Add(std::move(d));
  }
}

}  // namespace

std::shared_ptr<ProfileData> JsonProfileReader::Read(std::string_view line, std::size_t readable, int line_number,
                                                     const std::string& file_name, DiagnosticSink& sink) {
  Impl& m = *impl_;
  if (line.size() > limits::kMaxFileBytes) {
    sink.Add(Diagnostic{Severity::kError,
                        {file_name, line_number, 1},
                        fmt::format("a line of {} bytes; at most {} are allowed", line.size(), limits::kMaxFileBytes),
                        {}});
    return nullptr;
  }
  if (readable < line.size() + kPadding) {
    m.padded.assign(line);
    m.padded.resize(line.size() + kPadding);
    line = std::string_view(m.padded.data(), line.size());
  }
  if (m.flat_path) {
    if (ReadFlatLine(line, {m.flat_facts, m.writer, m.order, m.seen, m.NextStamp()})) return m.Take();
    m.writer.Clear();  // read again, by the path that says what is wrong
  }
  LineReader reader(m.writer, m.seen, m.NextStamp(), m.order, line.data());
  ondemand::document doc;
  const simdjson::error_code error = m.parser.iterate(line.data(), line.size(), line.size() + kPadding).get(doc);
  if (error == simdjson::UTF8_ERROR) {
    reader.problems.emplace_back(0, "the line is not valid UTF-8 text (save the file as UTF-8)");
  } else if (error != simdjson::SUCCESS) {
    reader.problems.emplace_back(0, fmt::format("JSON syntax error: {}", simdjson::error_message(error)));
  } else {
    reader.Read(doc);
  }
  if (reader.problems.empty()) return m.Take();
  m.writer.Clear();
  Report(reader.problems, line, line_number, file_name, sink);
  return nullptr;
}

}  // namespace relief::internal
