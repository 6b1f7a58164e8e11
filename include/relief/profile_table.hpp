// Profiles from a table of firms: one row per firm, one column per fact.
//
// The column convention (docs/profiles.md, "Tables of firms"), the same for
// `relief batch` and Python's `Pack.evaluate_frame`:
//
//   siren                  a fact
//   ca_mensuel[2020-11]    one element of a series: a month for a monthly
//   ca_annuel[2019]        series, a year for a yearly one
//   embauche.date          one field of a record
//
// The headers are bound to facts once; each row is then read cell by cell
// through the same checks as ProfileBuilder and the YAML/JSON reader (same
// number and amount grammar, same messages). An empty cell is a fact not
// given. A header that names no fact is reported by `column_errors()` (with
// "did you mean"); a caller may refuse the table, or let each row that has
// a value in that column fail.
//
//   relief::ProfileTable table(pack, {"siren", "effectif", "ca_mensuel[2020-11]"});
//   std::vector<relief::CellError> errors;
//   std::optional<relief::Profile> p = table.ReadTexts(cells, row, errors);
#ifndef RELIEF_PROFILE_TABLE_HPP_
#define RELIEF_PROFILE_TABLE_HPP_

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relief/profile_builder.hpp"
#include "relief/rule_pack.hpp"

namespace relief {

// A cell (or a column) refused: the row as the caller numbers it, the
// column's header, and what is wrong (naming the field, as the profile
// reader does).
struct CellError {
  std::size_t row = 0;
  std::string column;
  std::string message;
  friend bool operator==(const CellError&, const CellError&) = default;
};

class ProfileTable {
 public:
  // Binds `headers` to the facts of `pack`. Headers listed in `ignored` are
  // not facts (a firm's name carried to the output): their cells are never
  // read.
  ProfileTable(const RulePack& pack, std::vector<std::string> headers, const std::vector<std::string>& ignored = {});
  ~ProfileTable();
  ProfileTable(ProfileTable&&) noexcept;
  ProfileTable& operator=(ProfileTable&&) noexcept;

  const std::vector<std::string>& headers() const { return headers_; }
  // One error per header that names no fact, names a fact twice, or names a
  // series or a record as a whole (row 0).
  const std::vector<CellError>& column_errors() const { return column_errors_; }
  // The columns whose fact identifies the firm (`identifies: true`, e.g.
  // siren), in column order.
  const std::vector<std::size_t>& identifying_columns() const { return identifying_; }

  // The profile of one row: cells[i] is column i's value, nullptr when the
  // cell is empty. Nothing when a cell is refused; then every refused cell
  // of the row is appended to `errors`, numbered `row`.
  std::optional<Profile> Read(std::span<const FactValue* const> cells, std::size_t row,
                              std::vector<CellError>& errors) const;
  // The same from texts: spaces and tabs around a cell are ignored, and a
  // cell left empty is a fact not given.
  std::optional<Profile> ReadTexts(std::span<const std::string_view> cells, std::size_t row,
                                   std::vector<CellError>& errors) const;

 private:
  struct Binding;
  std::vector<std::string> headers_;
  std::vector<CellError> column_errors_;
  std::vector<std::size_t> identifying_;
  std::unique_ptr<Binding> binding_;
};

// The facts that identify the firm (`identifies: true`, e.g. siren), in
// declaration order, and their values in `profile` ("" when not given).
std::vector<std::string> IdentifyingFacts(const RulePack& pack);
std::vector<std::string> IdentifyingValues(const RulePack& pack, const Profile& profile);

}  // namespace relief

#endif  // RELIEF_PROFILE_TABLE_HPP_
