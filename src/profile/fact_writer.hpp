// Checks values against the facts' declarations and writes them into a
// ProfileData: the one conversion path of the YAML/JSON reader and of the
// public ProfileBuilder. Locating a problem is the caller's business: every
// method returns what is wrong as a message naming the field.
#ifndef RELIEF_PROFILE_FACT_WRITER_HPP_
#define RELIEF_PROFILE_FACT_WRITER_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ir/profile_data.hpp"
#include "ir/program.hpp"
#include "profile/number_text.hpp"
#include "relief/profile_builder.hpp"

namespace relief::internal {

// How the text of a number of base type `base` is read; nullopt for the
// types that are not numbers.
std::optional<NumberKind> NumberKindOf(BaseType base);

// A value's kind and text, as a reader sees it before the fact's type reads
// it: a FactValue, or a scalar of a YAML or JSON text (borrowed).
struct ValueText {
  FactValue::Kind kind;
  std::string_view text;
  static ValueText Of(const FactValue& v) { return {v.kind(), v.text()}; }
  static ValueText Text(std::string_view text) { return {FactValue::Kind::kText, text}; }
};

// A fact index, or why there is none.
struct FoundFact {
  std::int32_t fact = -1;
  std::string problem;
};

class FactWriter {
 public:
  explicit FactWriter(std::shared_ptr<const Program> program);

  const Program& program() const { return *program_; }
  FoundFact Find(std::string_view name) const;  // a top-level fact
  FoundFact FindField(std::int32_t record, std::string_view field) const;
  // The index of a series element ("2020-11" → month index, "2019" → 2019).
  std::optional<std::int32_t> Period(const FactInfo& fact, std::string_view key, std::string& problem) const;

  // Each returns "" when the value was written, else the problem. `name` is
  // how messages call the field ("ca_mensuel[2020-11]").
  std::string Set(std::int32_t fact, const ValueText& value, const std::string& name);
  std::string SetElement(std::int32_t fact, std::int32_t period, const ValueText& value, const std::string& name);
  // Set's common case alone: a scalar fact's text written plainly (true or
  // false, a plain number, a date, an enum code) and within its bounds is
  // written, and true returned. false, with nothing written, for any other
  // text, which Set then writes or refuses with its message.
  bool SetPlain(std::int32_t fact, std::string_view text);
  // SetPlain's number read by its reader (ScanPlainNumberAt) for a scalar
  // fact of a number type: written, and true returned, within its bounds.
  bool SetNumber(std::int32_t fact, PlainNumber n);

  // What a reader of a profile's shape says when a value is not a scalar
  // (`found`: "a mapping", "a list"), or a series not a mapping.
  std::string ExpectedScalar(const FactInfo& fact, const std::string& name, std::string_view found) const;
  std::string ExpectedSeriesMapping(const FactInfo& fact) const;

  // The profile written so far (the writer can go on afterwards).
  std::shared_ptr<ProfileData> Finish() const;
  // The profile written so far, without a copy; the writer starts afresh
  // (as does Clear, which drops what was written), in `next` when given: a
  // profile nobody else holds, whose buffers are reused (ProfileRecycler).
  std::shared_ptr<ProfileData> Take(std::shared_ptr<ProfileData> next = nullptr);
  void Clear();

 private:
  // Why a string fact refuses a text, if it does.
  enum class StringCheck : std::uint8_t { kOk, kNotUtf8, kNoMatch, kNotInList };

  // Each writes `out` (and `cell`, the scalar's cell) and returns true, or
  // says the problem and returns false (`out` may have been written).
  bool Convert(const FactInfo& fact, const ValueText& value, const std::string& name, std::string& problem, Value& out,
               Cell& cell);
  bool FromText(const FactInfo& fact, Type type, std::string_view text, const std::string& name, std::string& problem,
                Value& out);
  std::optional<Value> FromString(const FactInfo& fact, std::string_view text, const std::string& name,
                                  std::string& problem);
  StringCheck CheckString(const FactInfo& fact, std::string_view text) const;
  // The text copied into the profile, with its interned id, written to
  // `out` (a value returned would be reloaded from memory, with a stall).
  void StoreString(std::string_view text, Value& out);
  // Writes the value of a text written plainly for the common types
  // (true/false, a plain number, a date, an enum code, a string its checks
  // accept) when it lies within the fact's bounds: what FromText and
  // OutOfBounds would accept, without a message to prepare. false, with
  // `out` and `cell` untouched, sends the text to FromText, which reads it
  // or says what is wrong.
  bool PlainValue(const FactInfo& fact, Type type, std::string_view text, Value& out, Cell& cell);
  // Writes the cells of the string tests on `fact` (Program::string_tests)
  // from the value it now has.
  void WriteStringTests(const FactInfo& fact);
  // Writes a number read plainly when it lies within the fact's bounds,
  // its cell straight from the digits (no rational to bring to a fixed form).
  bool WriteNumber(const FactInfo& fact, PlainNumber n, Value& out, Cell& cell);
  std::string OutOfBounds(const FactInfo& fact, const Value& v, const std::string& name) const;
  // Empties `data` for a new profile of the program, keeping its buffers.
  void Reset(ProfileData& data) const;

  std::shared_ptr<const Program> program_;
  // The top-level facts by name, looked up without making a string.
  std::unordered_map<std::string_view, std::int32_t> names_;
  std::shared_ptr<ProfileData> data_;
  std::map<std::int32_t, std::map<std::int32_t, Value>> series_;  // by slot, then period
};

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_FACT_WRITER_HPP_
