// Reading business profiles from JSON lines: one JSON object per line, as
// written by a data pipeline or bench-12's generator.
//
//   relief::JsonLinesReader reader(pack);
//   relief::JsonLinesResult r = reader.Read(text, "firms.jsonl");
//   for (const relief::Diagnostic& d : r.diagnostics) ...  // "firms.jsonl:12:40: error: 'effectif': ..."
//   batch.Evaluate(r.profiles[0], date, outcomes);
//
// Each line is read as RulePack::ReadProfile reads the same object: the same
// fields, the same value grammar (amounts "1 500,50 €", percentages "60 %",
// dates, enums, lists, bounds) and the same messages, located at the line and
// the field's column. Numbers are read from their text as written, so an
// amount is exact. JSON is parsed with simdjson, without building a tree:
// several hundred thousand profiles a second on one core, against some
// twenty thousand through ReadProfile's YAML reader (docs/performance.md).
//
// A line of plain scalars (as a program writes them) is read in one pass,
// anything else with simdjson. A reader keeps its buffers between calls,
// and writes the next lines into the profiles it handed out that nobody
// holds any more (the last 512): use one per thread.
#ifndef RELIEF_JSON_LINES_HPP_
#define RELIEF_JSON_LINES_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relief/rule_pack.hpp"

namespace relief {

struct JsonLinesResult {
  std::vector<Profile> profiles;        // the lines that read, in order
  std::vector<int> lines;               // the line number (from 1) of each profile
  std::vector<Diagnostic> diagnostics;  // every bad line's errors, each at its line and column
  int bad_lines = 0;
  bool ok() const { return bad_lines == 0; }
};

class JsonLinesReader {
 public:
  explicit JsonLinesReader(const RulePack& pack);
  ~JsonLinesReader();
  JsonLinesReader(JsonLinesReader&&) noexcept;
  JsonLinesReader& operator=(JsonLinesReader&&) noexcept;

  // Every line of `text` holding something but spaces is one profile (lines
  // end with "\n" or "\r\n"); a bad line is reported and the next ones are
  // still read. `file_name` is used in messages.
  JsonLinesResult Read(std::string_view text, const std::string& file_name = "profiles.jsonl");
  // One line (without its newline), reported as line `line_number`.
  ProfileResult ReadLine(std::string_view line, int line_number = 1, const std::string& file_name = "profiles.jsonl");
  // Whether the reader reads for `pack`'s rules (a copy of the pack shares
  // them): a reader kept for a pack (one per thread) is still the right one
  // when another pack was loaded at the same address meanwhile.
  bool ReadsFor(const RulePack& pack) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relief

#endif  // RELIEF_JSON_LINES_HPP_
