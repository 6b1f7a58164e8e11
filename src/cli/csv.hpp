// CSV as spreadsheets export it (RFC 4180): fields separated by ',' or ';'
// (French spreadsheets use ';' because ',' is their decimal mark), records
// ended by LF or CRLF, quoted fields with "" for a quote and line breaks
// inside, a UTF-8 byte order mark tolerated at the start.
#ifndef RELIEF_CLI_CSV_HPP_
#define RELIEF_CLI_CSV_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relief::cli {

struct CsvRecord {
  std::size_t line = 0;  // the line where the record starts, from 1
  std::vector<std::string> cells;
  std::string error;  // a malformed record: why (its cells are not to be used)
};

class CsvReader {
 public:
  // `separator` 0: the one of ',' and ';' that the first line has most of
  // outside quotes (',' on a tie).
  CsvReader(std::string_view text, char separator);

  char separator() const { return separator_; }
  // The next record, false at the end of the text. Blank lines are skipped.
  bool Next(CsvRecord& record);
  // How far the reader is, in bytes, for a progress bar.
  std::size_t position() const { return pos_; }

 private:
  bool QuotedField(std::string& cell, CsvRecord& record);
  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// `cell` as a CSV field: quoted when it holds the separator, a quote, or a
// line break, or when it starts or ends with a space.
std::string CsvField(std::string_view cell, char separator = ',');

}  // namespace relief::cli

#endif  // RELIEF_CLI_CSV_HPP_
