// Fuzzes the reading of a table of firms, as `relief batch` reads a CSV
// file: the CSV reader (either separator), the binding of the header line to
// the bundled pack's facts, and every row read through ProfileTable.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cli/csv.hpp"
#include "fuzz_common.hpp"
#include "relief/profile_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::cli::CsvReader reader(text, 0);
  relief::cli::CsvRecord header;
  if (!reader.Next(header) || !header.error.empty()) return 0;
  relief::ProfileTable table(BundledPack(), header.cells);
  relief::cli::CsvRecord row;
  std::vector<relief::CellError> errors;
  while (reader.Next(row)) {
    if (!row.error.empty()) continue;
    std::vector<std::string_view> cells(row.cells.begin(), row.cells.end());
    table.ReadTexts(cells, row.line, errors);
    for (const std::string& cell : row.cells) relief::cli::CsvField(cell, reader.separator());
  }
  return 0;
}
