// Reads business profiles written as JSON objects, one per line, with
// simdjson and without building a tree: each field goes straight to a
// FactWriter, so that values are checked (and their problems said) exactly
// as RulePack::ReadProfile checks them; only the shape (objects, keys) is
// read here.
#ifndef RELIEF_PROFILE_JSON_PROFILE_READER_HPP_
#define RELIEF_PROFILE_JSON_PROFILE_READER_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/source_file.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"

namespace relief::internal {

class JsonProfileReader {
 public:
  // simdjson reads this many bytes past the end of a text; Read copies a
  // line that cannot offer them.
  static const std::size_t kPadding;

  explicit JsonProfileReader(std::shared_ptr<const Program> program);
  ~JsonProfileReader();
  JsonProfileReader(JsonProfileReader&&) noexcept;
  JsonProfileReader& operator=(JsonProfileReader&&) noexcept;

  // Reads one line (without its newline); `readable` bytes from line.data()
  // may be read (at least line.size()). Errors go to `sink`, located at
  // `line_number` of `file_name` and the field's column; nullptr then.
  std::shared_ptr<ProfileData> Read(std::string_view line, std::size_t readable, int line_number,
                                    const std::string& file_name, DiagnosticSink& sink);
  // Whether lines are first tried by the one-pass reader of flat lines
  // (profile/flat_json_line.hpp); on by default, turned off by the tests that
  // compare it with simdjson's path.
  void set_flat_path(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_JSON_PROFILE_READER_HPP_
