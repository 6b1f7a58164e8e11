// relief batch (--date|--month) INPUT -o OUTPUT: a whole file of firms, one
// row per firm in, one row per firm and measure out, on every core. A bad
// row goes to the error file with its line, column and reason; the others
// are still evaluated.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "cli/csv.hpp"
#include "cli/progress.hpp"
#include "core/json_writer.hpp"
#include "core/text_safety.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/json_lines.hpp"
#include "relief/profile_table.hpp"
#include "relief/trace.hpp"

namespace relief::cli {
namespace {

constexpr std::size_t kMaxInputBytes = std::size_t{4} << 30;
constexpr std::size_t kRowsPerBlock = 4096;

struct BatchOptions {
  std::string pack = DefaultPackDirectory();
  std::string date, month, input, output, errors, input_format, output_format, separator;
  std::vector<std::string> ignored;
  unsigned threads = 0;
  bool questions = false;
};

// "csv" or "jsonl" from the option, else from the file's extension.
std::string FormatOf(const std::string& given, const std::string& path) {
  if (!given.empty()) return given;
  const std::string ext = path.substr(std::min(path.size(), path.rfind('.') + 1));
  if (ext == "csv") return "csv";
  if (ext == "jsonl" || ext == "ndjson") return "jsonl";
  return "";
}

// The firms of the input, one raw row at a time (a CSV record, or a JSON
// line as its only cell), and how each becomes a profile.
class RowSource {
 public:
  RowSource(const RulePack& pack, std::string text, bool csv, char separator)
      : pack_(pack), text_(std::move(text)), csv_(csv), reader_(text_, separator) {}

  // Reads the CSV header; false after printing why the table is refused.
  bool Start(const std::vector<std::string>& ignored, const std::string& input);
  bool Next(CsvRecord& row);
  std::size_t position() const { return csv_ ? reader_.position() : pos_; }
  std::size_t size() const { return text_.size(); }
  std::optional<Profile> Read(const CsvRecord& row, std::vector<CellError>& errors) const;

 private:
  const RulePack& pack_;
  std::string text_;
  bool csv_;
  CsvReader reader_;
  std::optional<ProfileTable> table_;
  std::size_t pos_ = 0, line_ = 0;
};

bool RowSource::Start(const std::vector<std::string>& ignored, const std::string& input) {
  if (!csv_) return true;
  CsvRecord header;
  if (!reader_.Next(header) || !header.error.empty()) {
    std::cerr << fmt::format("error: {}: {}\n", Shown(input),
                             header.error.empty() ? "no header line (one column per fact)" : header.error);
    return false;
  }
  table_.emplace(pack_, std::move(header.cells), ignored);
  for (const CellError& e : table_->column_errors()) {
    std::cerr << fmt::format("error: {}: column '{}': {}\n", Shown(input), Shown(e.column), Shown(e.message));
  }
  return table_->column_errors().empty();
}

bool RowSource::Next(CsvRecord& row) {
  if (csv_) return reader_.Next(row);
  while (pos_ < text_.size()) {
    std::size_t end = std::min(text_.find('\n', pos_), text_.size());
    std::string_view line(text_.data() + pos_, end - pos_);
    pos_ = end + 1;
    ++line_;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    row = CsvRecord{line_, {std::string(line)}, {}};
    return true;
  }
  return false;
}

// One JSON-lines reader per thread: a reader keeps its buffers between lines.
// It is known by the rules it reads for, not by the pack's address, which a
// pack loaded later may take.
JsonLinesReader& ThreadJsonReader(const RulePack& pack) {
  thread_local std::optional<JsonLinesReader> reader;
  if (!reader || !reader->ReadsFor(pack)) reader.emplace(pack);
  return *reader;
}

std::optional<Profile> RowSource::Read(const CsvRecord& row, std::vector<CellError>& errors) const {
  if (!row.error.empty()) {
    errors.push_back({row.line, "", row.error});
    return std::nullopt;
  }
  if (csv_) {
    std::vector<std::string_view> cells(row.cells.begin(), row.cells.end());
    return table_->ReadTexts(cells, row.line, errors);
  }
  ProfileResult read = ThreadJsonReader(pack_).ReadLine(row.cells[0], static_cast<int>(row.line), "line");
  for (const Diagnostic& d : read.diagnostics) {
    if (d.is_error()) errors.push_back({row.line, "", fmt::format("column {}: {}", d.location.column, d.message)});
  }
  if (!read.ok()) return std::nullopt;
  return read.value();
}

// What one row gave: its output lines, or its errors.
struct RowResult {
  std::string out;
  std::vector<CellError> errors;
  std::vector<std::size_t> eligible;  // measure indices
};

// Writes the results: one line per firm and measure.
class ResultWriter {
 public:
  ResultWriter(const RulePack& pack, bool csv, bool questions)
      : pack_(pack), csv_(csv), questions_(questions), ids_(IdentifyingFacts(pack)), measures_(pack.MeasureIds()) {}
  const RulePack& pack() const { return pack_; }
  bool questions() const { return questions_; }
  std::string Header() const;
  // `missing`: each measure's missing facts, when the questions are asked.
  void Row(const Profile& profile, std::size_t line, std::span<const MeasureOutcome> outcomes,
           const std::vector<std::vector<MissingFact>>* missing, RowResult& result) const;

 private:
  // The CSV line of measure `m`, after the row's `prefix` (row, identifying facts).
  void CsvLine(const std::string& prefix, std::size_t m, const MeasureOutcome& o,
               const std::vector<MissingFact>* missing, std::string& out) const;
  // The JSON line of measure `m`.
  void JsonLine(std::size_t line, const std::vector<std::string>& values, std::size_t m, const MeasureOutcome& o,
                const std::vector<MissingFact>* missing, std::string& out) const;

  const RulePack& pack_;
  bool csv_, questions_;
  std::vector<std::string> ids_, measures_;
};

std::string ResultWriter::Header() const {
  if (!csv_) return "";
  std::string header = "row";
  for (const std::string& id : ids_) header += "," + CsvField(id);
  return header + ",measure,status,amount,case" + (questions_ ? ",questions\n" : "\n");
}

// The facts still missing to decide a measure (when the questions are asked)
// are given as the columns that give them (ca_mensuel[2020-11]):
// space-separated in CSV, an array in JSON.
void ResultWriter::CsvLine(const std::string& prefix, std::size_t m, const MeasureOutcome& o,
                           const std::vector<MissingFact>* missing, std::string& out) const {
  out += fmt::format("{},{},{},{},{}", prefix, CsvField(measures_[m]), StatusName(o.status),
                     o.amount ? o.amount->ToFixed(2) : "", CsvField(o.case_id));
  if (missing != nullptr) {
    std::vector<std::string> columns;
    columns.reserve(missing->size());
    for (const MissingFact& fact : *missing) columns.push_back(fact.Column());
    out += "," + CsvField(fmt::format("{}", fmt::join(columns, " ")));
  }
  out += '\n';
}

// {"row":2,"siren":"…","measure":"…","status":"…","amount":"1500.00" or
// null,"case":"…" or null[,"questions":[…]]}
void ResultWriter::JsonLine(std::size_t line, const std::vector<std::string>& values, std::size_t m,
                            const MeasureOutcome& o, const std::vector<MissingFact>* missing, std::string& out) const {
  internal::JsonWriter json(out, -1);
  json.BeginObject();
  json.Key("row");
  json.Integer(static_cast<std::int64_t>(line));
  for (std::size_t i = 0; i < ids_.size(); ++i) json.Member(ids_[i], values[i]);
  json.Member("measure", measures_[m]);
  json.Member("status", StatusName(o.status));
  json.AmountMember("amount", o.amount);
  json.MemberOrNull("case", o.case_id);
  if (missing != nullptr) {
    json.Key("questions");
    json.BeginArray();
    for (const MissingFact& fact : *missing) json.String(fact.Column());
    json.EndArray();
  }
  json.EndObject();
  out += '\n';
}

void ResultWriter::Row(const Profile& profile, std::size_t line, std::span<const MeasureOutcome> outcomes,
                       const std::vector<std::vector<MissingFact>>* missing, RowResult& result) const {
  const std::vector<std::string> values = IdentifyingValues(pack_, profile);
  std::string prefix;  // CSV: the row and the identifying facts, the same for every measure
  if (csv_) {
    prefix = std::to_string(line);
    for (const std::string& value : values) prefix += "," + CsvField(value);
  }
  for (std::size_t m = 0; m < outcomes.size(); ++m) {
    const MeasureOutcome& o = outcomes[m];
    if (o.status == Status::kEligible) result.eligible.push_back(m);
    const std::vector<MissingFact>* facts = questions_ && missing != nullptr ? &(*missing)[m] : nullptr;
    if (csv_) {
      CsvLine(prefix, m, o, facts, result.out);
    } else {
      JsonLine(line, values, m, o, facts, result.out);
    }
  }
}

// The counts of the final summary.
struct Tally {
  std::size_t rows = 0, bad_rows = 0, errors = 0, results = 0;
  std::vector<std::size_t> eligible;  // per measure
};

// Evaluates a block of rows on `evaluators.size()` threads, each row's
// output made on the thread that evaluated it.
void EvaluateBlock(const RowSource& source, const ResultWriter& writer, Date date, const std::vector<CsvRecord>& rows,
                   std::vector<BatchEvaluator>& evaluators, std::vector<RowResult>& results) {
  results.assign(rows.size(), RowResult{});
  const std::size_t n = std::min(evaluators.size(), std::max<std::size_t>(rows.size(), 1));
  auto work = [&](std::size_t part) {
    // This thread's rows that read, evaluated together (by blocks).
    std::vector<Profile> profiles;
    std::vector<std::size_t> index;
    for (std::size_t i = part; i < rows.size(); i += n) {
      std::optional<Profile> profile = source.Read(rows[i], results[i].errors);
      if (!profile) continue;
      profiles.push_back(std::move(*profile));
      index.push_back(i);
    }
    const std::size_t m = evaluators[part].measure_count();
    std::vector<MeasureOutcome> outcomes(profiles.size() * m);
    // The questions are read from each firm's trace (what is missing, per
    // measure), the outcomes too; else the outcomes alone.
    std::vector<Trace> traces(writer.questions() ? profiles.size() : 0);
    if (writer.questions()) {
      evaluators[part].Record(profiles, date, traces);
      for (std::size_t j = 0; j < outcomes.size(); ++j) outcomes[j] = traces[j / m].outcome(j % m);
    } else {
      evaluators[part].Evaluate(profiles, date, outcomes);
    }
    for (std::size_t j = 0; j < profiles.size(); ++j) {
      std::optional<std::vector<std::vector<MissingFact>>> missing;
      if (writer.questions()) missing = traces[j].MissingFacts();
      const std::size_t i = index[j];
      writer.Row(profiles[j], rows[i].line, std::span(outcomes).subspan(j * m, m), missing ? &*missing : nullptr,
                 results[i]);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
}

void WriteBlock(const std::vector<RowResult>& results, std::ostream& out, std::ostream& errors, Tally& tally) {
  for (const RowResult& r : results) {
    ++tally.rows;
    out << r.out;
    if (!r.errors.empty()) ++tally.bad_rows;
    for (const CellError& e : r.errors) {
      ++tally.errors;
      errors << fmt::format("{},{},{}\n", e.row, CsvField(TerminalSafe(e.column)),
                            CsvField(TerminalSafe(Clip(e.message, 1000))));
    }
    for (std::size_t m : r.eligible) ++tally.eligible[m];
    if (r.errors.empty()) tally.results += tally.eligible.size();
  }
}

// Reads, evaluates and writes every row, block by block.
Tally RunRows(RowSource& source, const ResultWriter& writer, Date date, unsigned threads, std::ostream& out,
              std::ostream& errors, std::size_t measures) {
  std::vector<BatchEvaluator> evaluators;
  const unsigned n = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned t = 0; t < n; ++t) evaluators.emplace_back(writer.pack());
  Tally tally;
  tally.eligible.assign(measures, 0);
  ProgressBar progress(source.size());
  std::vector<CsvRecord> rows;
  std::vector<RowResult> results;
  for (bool more = true; more;) {
    rows.clear();
    CsvRecord row;
    while (rows.size() < kRowsPerBlock && (more = source.Next(row))) rows.push_back(std::move(row));
    EvaluateBlock(source, writer, date, rows, evaluators, results);
    WriteBlock(results, out, errors, tally);
    progress.Update(source.position(), tally.rows);
  }
  return tally;
}

void PrintSummary(const Tally& tally, const std::vector<std::string>& measures, const BatchOptions& options) {
  std::cerr << "eligible firms per measure:\n";
  for (std::size_t m = 0; m < measures.size(); ++m) {
    if (tally.eligible[m] > 0) std::cerr << fmt::format("  {:<48} {:>9}\n", measures[m], tally.eligible[m]);
  }
  std::cerr << fmt::format(
      "relief batch: {} rows, {} evaluated, {} with errors ({} error(s) in {}); {} results in {}\n", tally.rows,
      tally.rows - tally.bad_rows, tally.bad_rows, tally.errors, Shown(options.errors), tally.results,
      Shown(options.output));
}

// Opens the output and the error file; false after saying why.
bool OpenOutputs(const BatchOptions& options, std::ofstream& out, std::ofstream& errors) {
  for (auto [stream, path] : {std::pair{&out, &options.output}, std::pair{&errors, &options.errors}}) {
    stream->open(*path, std::ios::binary | std::ios::trunc);
    if (!*stream) {
      std::cerr << fmt::format("error: cannot write '{}': {}\n", Shown(*path), std::strerror(errno));
      return false;
    }
  }
  errors << "row,column,message\n";
  return true;
}

std::optional<char> SeparatorOf(const std::string& given) {
  if (given.empty()) return '\0';
  if (given == "," || given == ";") return given[0];
  if (given == "tab" || given == "\t") return '\t';
  std::cerr << fmt::format("error: --separator: expected ',', ';' or tab, found '{}'\n", Shown(given));
  return std::nullopt;
}

int Batch(BatchOptions options) {
  std::optional<Date> date = EvaluationDate(options.date, options.month);
  const std::string in_format = FormatOf(options.input_format, options.input);
  const std::string out_format = FormatOf(options.output_format, options.output);
  std::optional<char> separator = SeparatorOf(options.separator);
  if (in_format.empty() || out_format.empty()) {
    std::cerr << fmt::format("error: cannot tell the format of '{}' from its extension: use --{}-format csv|jsonl\n",
                             Shown(in_format.empty() ? options.input : options.output),
                             in_format.empty() ? "input" : "output");
  }
  if (!date || in_format.empty() || out_format.empty() || !separator) return kExitUsage;
  if (options.errors.empty()) options.errors = options.output + ".errors.csv";
  FileText input = ReadBoundedFile(options.input, kMaxInputBytes);
  if (!input.text) {
    std::cerr << fmt::format("error: input '{}': {}\n", Shown(options.input), input.error);
    return kExitUsage;
  }
  std::optional<RulePack> pack = LoadPackOrReport(options.pack);
  if (!pack) return kExitFindings;
  RowSource source(*pack, std::move(*input.text), in_format == "csv", *separator);
  if (!source.Start(options.ignored, options.input)) return kExitFindings;
  std::ofstream out, errors;
  if (!OpenOutputs(options, out, errors)) return kExitUsage;
  const ResultWriter writer(*pack, out_format == "csv", options.questions);
  out << writer.Header();
  const Tally tally = RunRows(source, writer, *date, options.threads, out, errors, pack->MeasureIds().size());
  out.close();
  errors.close();
  if (!out || !errors) {
    std::cerr << fmt::format("error: writing '{}' or '{}' failed\n", Shown(options.output), Shown(options.errors));
    return kExitUsage;
  }
  PrintSummary(tally, pack->MeasureIds(), options);
  return tally.bad_rows > 0 ? kExitFindings : kExitOk;
}

}  // namespace

Command BatchCommand(CLI::App& parent) {
  auto options = std::make_shared<BatchOptions>();
  CLI::App* app = parent.add_subcommand("batch", "Evaluate a file of firms (CSV or JSON lines), one row per firm");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  auto* date = app->add_option("--date", options->date, "Evaluation date, YYYY-MM-DD");
  auto* month = app->add_option("--month", options->month, "Evaluation month, YYYY-MM");
  date->excludes(month);
  app->add_option("input", options->input, "Firms: .csv (one column per fact) or .jsonl (one profile per line)")
      ->required();
  app->add_option("-o,--output", options->output, "Results: .csv or .jsonl, one row per firm and measure")->required();
  app->add_option("--errors", options->errors, "Bad rows: row,column,message (default: OUTPUT.errors.csv)");
  app->add_option("--input-format", options->input_format, "csv or jsonl (default: from INPUT's extension)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app->add_option("--output-format", options->output_format, "csv or jsonl (default: from OUTPUT's extension)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app->add_option("--separator", options->separator, "CSV input separator: ',', ';' or tab (default: guessed)");
  app->add_option("--ignore", options->ignored, "A CSV column that is not a fact (a firm's name): not read")
      ->allow_extra_args(false);
  app->add_option("--threads", options->threads, "Threads (default: every core)");
  app->add_flag("--questions", options->questions,
                "Add a questions column: the facts still missing to decide each measure, as the columns that "
                "give them (read from each firm's trace: about 1.7 times the time of a batch without them)");
  app->footer(
      "Columns: a fact (siren), a series element (ca_mensuel[2020-11]), a record field (embauche.date);\n"
      "an empty cell is a fact not given. See docs/profiles.md, \"Tables of firms\".\n"
      "Output columns: row (the input line where the firm starts), the identifying facts (siren),\n"
      "measure, status, amount (exact, to the cent), case.\n"
      "Exit status: 0 every row evaluated, 1 some rows refused (see --errors) or the pack or the\n"
      "columns are wrong, 2 usage error or unreadable input.");
  return {app, [options] { return Batch(*options); }};
}

}  // namespace relief::cli
