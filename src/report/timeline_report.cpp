// Renderings of a Timeline: a French table for advisors (a line per month, a
// column per measure, numbered, with their titles above), CSV for
// spreadsheets (one line per measure and month) and JSON for programs.
#include <fmt/format.h>

#include "core/french_number.hpp"
#include "core/json_writer.hpp"
#include "core/text_safety.hpp"
#include "relief/timeline.hpp"

namespace relief {
namespace {

// What one cell says in the table: the amount when there is one, else the
// status in a word (explained under the table).
std::string CellFrench(const TimelineCell& cell) {
  switch (cell.status) {
    case Status::kEligible:
      return cell.amount ? FormatMoney(*cell.amount) : "à préciser";
    case Status::kIneligible:
      return "non";
    case Status::kUndetermined:
      return "?";
    case Status::kNotApplicable:
      return "—";
    case Status::kError:
      return "erreur";
  }
  return "";
}

// Characters shown, for alignment: every character of these cells is one
// column wide (accented letters, €, —).
std::size_t Width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); i += DecodeUtf8(text, i).size) ++width;
  return width;
}

std::string PadLeft(const std::string& text, std::size_t width) {
  const std::size_t w = Width(text);
  return std::string(width > w ? width - w : 0, ' ') + text;
}

std::string PadRight(const std::string& text, std::size_t width) {
  const std::size_t w = Width(text);
  return text + std::string(width > w ? width - w : 0, ' ');
}

// A total that leaves out months (amount to compute, or status to settle)
// is a lower bound: "≥ 26 300 €".
std::string TotalFrench(const TimelineRow& row) {
  if (!row.total) return "non calculable";
  const bool partial = row.months_without_amount > 0 || row.undetermined_months > 0;
  return (partial ? "≥ " : "") + FormatMoney(*row.total);
}

// The table: `cells[line][column]`, the first column left-aligned.
std::string Table(const std::vector<std::vector<std::string>>& cells) {
  std::vector<std::size_t> widths(cells.front().size(), 0);
  for (const auto& line : cells) {
    for (std::size_t c = 0; c < line.size(); ++c) widths[c] = std::max(widths[c], Width(line[c]));
  }
  std::string out;
  for (const auto& line : cells) {
    std::string text = PadRight(line[0], widths[0]);
    for (std::size_t c = 1; c < line.size(); ++c) text += "  " + PadLeft(line[c], widths[c]);
    out += text + "\n";
  }
  return out;
}

// Under the table: what each partial total leaves out.
std::string Notes(const Timeline& t) {
  std::string out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const TimelineRow& row = t.rows[i];
    std::vector<std::string> left_out;
    if (row.months_without_amount > 0) {
      left_out.push_back(fmt::format("{} mois éligible{} au montant à préciser", row.months_without_amount,
                                     row.months_without_amount > 1 ? "s" : ""));
    }
    if (row.undetermined_months > 0) left_out.push_back(fmt::format("{} mois à déterminer", row.undetermined_months));
    if (!left_out.empty()) out += fmt::format("({}) Hors du total : {}.\n", i + 1, fmt::join(left_out, ", "));
  }
  if (!out.empty()) out += "Les faits qui manquent pour un mois : relief eval --month AAAA-MM (ou relief ask).\n";
  return out;
}

std::string SpanFrench(const Timeline& t) { return t.months.front().ToFrench() + " – " + t.months.back().ToFrench(); }

}  // namespace

std::string TimelineToText(const Timeline& t) {
  std::string out = fmt::format("Mesures mensuelles, {} — règles {} {}\n", SpanFrench(t), t.pack.name, t.pack.version);
  for (const auto& [name, value] : t.firm) out += fmt::format("Entreprise : {} {}\n", name, TerminalSafe(value));
  if (t.rows.empty()) return out + "\nAucune mesure mensuelle en vigueur sur cette période.\n";
  out += "\n";
  std::vector<std::vector<std::string>> cells(1, {"Mois"});
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    out += fmt::format("({}) {}\n", i + 1, TerminalSafe(t.rows[i].title));
    cells[0].push_back(fmt::format("({})", i + 1));
  }
  for (std::size_t m = 0; m < t.months.size(); ++m) {
    cells.push_back({t.months[m].ToFrench()});
    for (const TimelineRow& row : t.rows) cells.back().push_back(CellFrench(row.cells[m]));
  }
  cells.push_back({"Total"});
  for (const TimelineRow& row : t.rows) cells.back().push_back(TotalFrench(row));
  out += "\n" + Table(cells);
  out +=
      "\nMontant : éligible ce mois-là ; à préciser : éligible, montant à calculer ; "
      "? : à déterminer ;\n"
      "non : non éligible ; — : hors période ou hors territoire ; ≥ : total partiel.\n";
  return out + Notes(t);
}

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, its
// quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvLine(const TimelineRow& row, const std::string& month, const std::string& status,
                    const std::optional<Decimal>& amount) {
  return fmt::format("{},{},{},{},{},{}\r\n", CsvField(row.id), CsvField(row.title), MeasureKindName(row.kind), month,
                     status, amount ? amount->ToFixed(2) : "");
}

}  // namespace

std::string TimelineToCsv(const Timeline& t) {
  std::string out = "measure,title,kind,month,status,amount\r\n";
  for (const TimelineRow& row : t.rows) {
    for (std::size_t m = 0; m < t.months.size(); ++m) {
      out += CsvLine(row, t.months[m].ToString(), StatusName(row.cells[m].status), row.cells[m].amount);
    }
  }
  for (const TimelineRow& row : t.rows) out += CsvLine(row, "total", "", row.total);
  return out;
}

namespace {

// {"id", "title", "kind", "months": [{"month", "status", "amount"}, …],
// "total", "eligible_months", "months_without_amount", "undetermined_months"}
void MeasureJson(internal::JsonWriter& json, const Timeline& t, const TimelineRow& row) {
  json.BeginObject();
  json.Member("id", row.id);
  json.Member("title", row.title);
  json.Member("kind", MeasureKindName(row.kind));
  json.Key("months");
  json.BeginArray();
  for (std::size_t m = 0; m < t.months.size(); ++m) {
    json.BeginObject();
    json.Member("month", t.months[m].ToString());
    json.Member("status", StatusName(row.cells[m].status));
    json.AmountMember("amount", row.cells[m].amount);
    json.EndObject();
  }
  json.EndArray();
  json.AmountMember("total", row.total);
  for (const auto& [key, count] : {std::pair{"eligible_months", row.eligible_months},
                                   std::pair{"months_without_amount", row.months_without_amount},
                                   std::pair{"undetermined_months", row.undetermined_months}}) {
    json.Key(key);
    json.Integer(count);
  }
  json.EndObject();
}

}  // namespace

std::string TimelineToJson(const Timeline& t, int indent) {
  std::string out;
  internal::JsonWriter json(out, indent);
  json.BeginObject();
  json.Key("pack");
  json.BeginObject();
  json.Member("name", t.pack.name);
  json.Member("version", t.pack.version);
  json.Member("digest", t.pack.digest);
  json.EndObject();
  json.Key("firm");
  json.BeginObject();
  for (const auto& [name, value] : t.firm) json.Member(name, value);
  json.EndObject();
  json.Member("from", t.months.front().ToString());
  json.Member("to", t.months.back().ToString());
  json.Key("measures");
  json.BeginArray();
  for (const TimelineRow& row : t.rows) MeasureJson(json, t, row);
  json.EndArray();
  json.EndObject();
  return out + "\n";
}

}  // namespace relief
