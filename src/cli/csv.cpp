#include "cli/csv.hpp"

namespace relief::cli {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

char GuessSeparator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace

CsvReader::CsvReader(std::string_view text, char separator) : text_(text) {
  if (text_.starts_with(kByteOrderMark)) text_.remove_prefix(kByteOrderMark.size());
  separator_ = separator != 0 ? separator : GuessSeparator(text_);
}

// Reads a quoted field from its opening quote up to the separator or the end
// of the record that follows its closing quote.
bool CsvReader::QuotedField(std::string& cell, CsvRecord& record) {
  ++pos_;
  for (;;) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      record.error = "a quoted field is not closed (a '\"' is missing)";
      pos_ = text_.size();
      return false;
    }
    const std::string_view part = text_.substr(pos_, quote - pos_);
    for (char c : part) line_ += c == '\n';
    cell.append(part);
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      cell.push_back('"');
      ++pos_;
      continue;
    }
    break;
  }
  if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
    record.error = "unexpected text after a quoted field's closing quote (write a quote inside a field as \"\")";
  }
  return true;
}

bool CsvReader::Next(CsvRecord& record) {
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) line_ += text_[pos_++] == '\n';
  if (pos_ >= text_.size()) return false;
  record = CsvRecord{line_, {}, {}};
  std::string cell;
  for (;;) {
    if (pos_ < text_.size() && text_[pos_] == '"' && cell.empty()) {
      if (!QuotedField(cell, record)) return true;
    }
    while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n') {
      if (text_[pos_] == '"' && record.error.empty()) {
        record.error = "a '\"' inside an unquoted field (quote the whole field and write the quote as \"\")";
      }
      cell.push_back(text_[pos_++]);
    }
    if (!cell.empty() && cell.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n')) cell.pop_back();
    record.cells.push_back(std::move(cell));
    cell.clear();
    if (pos_ >= text_.size() || text_[pos_] == '\n') break;
    ++pos_;  // the separator
  }
  if (pos_ < text_.size()) {
    ++pos_;
    ++line_;
  }
  return true;
}

std::string CsvField(std::string_view cell, char separator) {
  const bool quote = cell.find_first_of(std::string{'"', '\n', '\r', separator}) != std::string_view::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!quote) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace relief::cli
