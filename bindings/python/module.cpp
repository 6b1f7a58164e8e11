// relief._core: the thin pybind11 layer over the C++ API. The Pythonic API
// (keyword arguments, Decimal amounts, exceptions, pandas) is relief/__init__.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>
#include <unordered_map>

#include "frame_convert.hpp"
#include "missing_columns.hpp"
#include "profile_convert.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/parallel_batch.hpp"
#include "relief/report.hpp"
#include "relief/version.hpp"

namespace relief::python {
namespace {

// What load() gives Python: the pack or nothing, the diagnostics, and the
// text `relief check` prints for them.
py::tuple LoadWith(const std::string& where, const LoadResult& loaded) {
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : loaded.diagnostics) (d.is_error() ? errors : warnings)++;
  std::string text = FormatDiagnostics(loaded.diagnostics);
  if (loaded.ok()) {
    const PackInfo& info = loaded.value().info();
    text += info.name + " " + info.version + ": " + std::to_string(loaded.value().MeasureIds().size()) + " measures, ";
  } else {
    text += where + ": ";
  }
  text += std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s)\n";
  py::object pack = loaded.ok() ? py::cast(PackHandle(loaded.value())) : py::none();
  return py::make_tuple(pack, loaded.diagnostics, text);
}

py::tuple Load(const std::string& directory) {
  LoadResult loaded;
  {
    py::gil_scoped_release release;
    loaded = RulePack::Load(directory);
  }
  return LoadWith(directory, loaded);
}

py::tuple LoadFiles(const PackFiles& files, const std::string& pack) {
  LoadResult loaded;
  {
    py::gil_scoped_release release;
    loaded = RulePack::Load(files, pack);
  }
  return LoadWith(pack, loaded);
}

std::vector<py::tuple> Problems(const std::vector<FieldProblem>& problems) {
  std::vector<py::tuple> out;
  for (const FieldProblem& p : problems) out.push_back(py::make_tuple(p.field, p.message));
  return out;
}

// (Profile or None, [(field, message)]).
py::tuple BuildProfile(const PackHandle& pack, const py::handle& mapping) {
  std::vector<FieldProblem> problems;
  std::optional<Profile> profile = ConvertProfile(pack, mapping, false, problems);
  return py::make_tuple(profile ? py::cast(*profile) : py::none(), Problems(problems));
}

Date ParseDate(const std::string& iso) {
  auto d = Date::Parse(iso);
  if (!d) throw py::value_error("expected a date YYYY-MM-DD, found '" + iso + "'");
  return *d;
}

// The evaluation as the JSON document of `relief eval --format json`, on
// one line (json.loads reads it; a fifth smaller than the indented one).
std::string EvaluateJson(const PackHandle& pack, const Profile& profile, const std::string& date) {
  const Date d = ParseDate(date);
  py::gil_scoped_release release;
  return ToJson(pack.pack.Evaluate(profile, d), -1);
}

// The threads to use: `threads`, or every core when it is not positive.
unsigned ThreadsOf(int threads) {
  return threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
}

// The profiles that are not None, and (when `rows` is given) their positions.
std::vector<Profile> GivenProfiles(const std::vector<std::optional<Profile>>& profiles,
                                   std::vector<std::size_t>* rows = nullptr) {
  std::vector<Profile> given;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (!profiles[i]) continue;
    given.push_back(*profiles[i]);
    if (rows != nullptr) rows->push_back(i);
  }
  return given;
}

// Every measure of every profile that is not None, row by row: the status
// codes (one byte each: an index into _core.STATUSES), the amounts (Decimal, or None)
// and cases, and the seconds the engine took (wall clock, and CPU time of
// the process). Evaluated on `threads` threads
// without the GIL by the batch path (no explanations).
py::tuple EvaluateBatch(const PackHandle& pack, const std::vector<std::optional<Profile>>& profiles,
                        const std::string& date, int threads) {
  const Date d = ParseDate(date);
  const std::size_t measures = pack.pack.MeasureIds().size();
  std::vector<MeasureOutcome> outcomes(profiles.size() * measures);
  double seconds = 0, cpu_seconds = 0;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const std::size_t n = std::clamp<std::size_t>(ThreadsOf(threads), 1, std::max<std::size_t>(profiles.size(), 1));
    // The rows that were read, evaluated by blocks on every thread.
    std::vector<std::size_t> rows;
    const std::vector<Profile> read = GivenProfiles(profiles, &rows);
    ParallelBatch batch(pack.pack, static_cast<unsigned>(n));
    std::vector<MeasureOutcome> out;
    batch.Evaluate(read, d, out);
    for (std::size_t j = 0; j < rows.size(); ++j) {
      std::copy_n(out.begin() + static_cast<std::ptrdiff_t>(j * measures), measures,
                  outcomes.begin() + static_cast<std::ptrdiff_t>(rows[j] * measures));
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;  // every thread's
  }
  // Amounts and cases repeat across firms: one Python object each, shared
  // (Decimal and str are immutable).
  const py::object decimal = py::module_::import("decimal").attr("Decimal");
  std::unordered_map<std::string, py::object> amount_objects;
  std::unordered_map<const char*, py::object> case_objects;
  std::string codes;
  py::list amounts, cases;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (!profiles[i]) continue;
    for (std::size_t m = 0; m < measures; ++m) {
      const MeasureOutcome& o = outcomes[i * measures + m];
      codes.push_back(static_cast<char>(o.status));
      if (o.amount) {
        py::object& amount = amount_objects[o.amount->ToFixed(2)];
        if (!amount) amount = decimal(o.amount->ToFixed(2));
        amounts.append(amount);
      } else {
        amounts.append(py::none());
      }
      if (o.case_id.empty()) {
        cases.append(py::none());
        continue;
      }
      py::object& name = case_objects[o.case_id.data()];
      if (!name) name = py::str(o.case_id.data(), o.case_id.size());
      cases.append(name);
    }
  }
  return py::make_tuple(py::bytes(codes), amounts, cases, seconds, cpu_seconds);
}

// What each profile that is not None still misses to decide each measure,
// row by row like evaluate_batch: a tuple of the columns that would give it
// (one tuple object per distinct list, shared). Without the GIL but for
// making the tuples and the list.
py::list EvaluateMissingColumns(const PackHandle& pack, const std::vector<std::optional<Profile>>& profiles,
                                const std::string& date, int threads) {
  const Date d = ParseDate(date);
  MissingColumnLists columns;
  {
    py::gil_scoped_release release;
    columns = MissingColumns(pack.pack, GivenProfiles(profiles), d, ThreadsOf(threads));
  }
  std::vector<py::tuple> tuples;
  tuples.reserve(columns.lists.size());
  for (const std::vector<std::string>& list : columns.lists) tuples.emplace_back(py::cast(list));
  py::list out(columns.of_result.size());
  for (std::size_t i = 0; i < columns.of_result.size(); ++i) out[i] = tuples[columns.of_result[i]];
  return out;
}

}  // namespace
}  // namespace relief::python

PYBIND11_MODULE(_core, m) {
  using namespace relief;
  using namespace relief::python;
  m.doc() = "relief's C++ core (private: use the relief package).";
  m.attr("__version__") = LibraryVersion();
  m.def("default_pack_directory", &DefaultPackDirectory, "The bundled pack's directory.");

  py::class_<Diagnostic>(m, "Diagnostic", "A located message about a rule pack or a profile.")
      .def_property_readonly(
          "file", [](const Diagnostic& d) { return d.location.file; },
          "The file, as given to the loader (empty when not from a file).")
      .def_property_readonly(
          "line", [](const Diagnostic& d) { return d.location.line; }, "1-based line, 0 when unknown.")
      .def_property_readonly(
          "column", [](const Diagnostic& d) { return d.location.column; },
          "1-based column in characters, 0 when unknown.")
      .def_readonly("message", &Diagnostic::message, "What is wrong, and what was expected.")
      .def_property_readonly(
          "severity", [](const Diagnostic& d) { return d.is_error() ? "error" : "warning"; },
          "\"error\" or \"warning\".")
      .def_readonly("source_line", &Diagnostic::source_line, "The text of the line, for a caret under the column.")
      .def("__str__", &FormatDiagnostic)
      .def("__repr__", [](const Diagnostic& d) {
        return "<Diagnostic " + d.location.file + ":" + std::to_string(d.location.line) + ":" +
               std::to_string(d.location.column) + " " + (d.is_error() ? "error" : "warning") + ": " + d.message + ">";
      });

  py::class_<FactDescription>(m, "Fact", "A fact a profile may give.")
      .def_readonly("name", &FactDescription::name, "\"effectif\"; a record field is \"embauche.date\".")
      .def_readonly("type", &FactDescription::type, "As written in the pack: \"money\", \"monthly money\", \"enum\".")
      .def_readonly("base", &FactDescription::base,
                    "boolean, integer, decimal, percentage, money, date, month, string, enum or record.")
      .def_readonly("series", &FactDescription::series, "\"monthly\", \"yearly\", or \"\" for a single value.")
      .def_readonly("label", &FactDescription::label, "What the fact is, in French.")
      .def_readonly("question", &FactDescription::question, "The question to ask the firm, in French.")
      .def_readonly("source", &FactDescription::source, "The legal text or page that defines the fact.")
      .def_readonly("unit", &FactDescription::unit, "\"€\" for money, \"%\" for a percentage, else \"\".")
      .def_readonly("allowed_values", &FactDescription::allowed_values, "An enum's values, in declaration order.")
      .def_readonly("list", &FactDescription::list, "For a string fact, the list its values must belong to.")
      .def_readonly("pattern", &FactDescription::pattern, "A string fact's regular expression, if any.")
      .def_readonly("min", &FactDescription::min,
                    "The lower bound as profile text (\"0\", \"2020-01-01\"), \"\" when none.")
      .def_readonly("max", &FactDescription::max, "The upper bound as profile text, \"\" when none.")
      .def_readonly("fields", &FactDescription::fields, "A record's field names.")
      .def_readonly("identifies", &FactDescription::identifies,
                    "Whether the fact identifies the firm (carried to the output, e.g. siren).")
      .def("__repr__", [](const FactDescription& f) { return "<Fact " + f.name + ": " + f.type + ">"; });

  py::class_<MeasureDescription>(m, "MeasureInfo", "A measure of the pack.")
      .def_readonly("id", &MeasureDescription::id, "The measure id, e.g. \"fonds_solidarite_volet1\".")
      .def_readonly("title", &MeasureDescription::title, "The title, in French.")
      .def_readonly("issuer", &MeasureDescription::issuer, "Who grants it (État, Région, URSSAF, …).")
      .def_property_readonly(
          "kind", [](const MeasureDescription& d) { return MeasureKindName(d.kind); }, "grant, loan, …")
      .def_property_readonly(
          "per", [](const MeasureDescription& d) { return AmountPeriodName(d.per); },
          "What an amount covers: month, two_months, year, once.")
      .def_readonly("territory", &MeasureDescription::territory, "Where it applies, in French.")
      .def_readonly("sources", &MeasureDescription::sources, "The legal texts of the measure.")
      .def("__repr__", [](const MeasureDescription& d) { return "<MeasureInfo " + d.id + ">"; });

  py::class_<Profile>(m, "Profile", "A profile checked against a pack.");

  py::class_<PackHandle>(m, "Pack", "A loaded rule pack (immutable, shared by threads).")
      .def_property_readonly(
          "info",
          [](const PackHandle& p) {  // name, version, title, digest
            const PackInfo& i = p.pack.info();
            return py::dict(py::arg("name") = i.name, py::arg("version") = i.version, py::arg("title") = i.title,
                            py::arg("digest") = i.digest);
          },
          "{name, version, title, digest}.")
      .def_property_readonly(
          "facts", [](const PackHandle& p) { return p.pack.Facts(); }, "Every fact.")
      .def_property_readonly(
          "measures", [](const PackHandle& p) { return p.pack.Measures(); }, "Every measure.")
      .def("build_profile", &BuildProfile, py::arg("mapping"), "(Profile or None, [(field, message)]).")
      .def(
          "read_profile",
          [](const PackHandle& p, const std::string& text, const std::string& name) {
            ProfileResult r = p.pack.ReadProfile(text, name);
            return py::make_tuple(r.ok() ? py::cast(r.value()) : py::none(), r.diagnostics);
          },
          py::arg("text"), py::arg("name") = "profile", "(Profile or None, diagnostics) from YAML or JSON text.")
      .def("evaluate_json", &EvaluateJson, py::arg("profile"), py::arg("date"),
           "The `relief eval --format json` document on one line, evaluated at an ISO date without the GIL.")
      .def("build_table_profiles", &BuildTableProfiles, py::arg("headers"), py::arg("columns"), py::arg("rows"),
           py::arg("threads") = 0,
           "([Profile or None], [(row position, field, message)]) from a frame's columns, read with the GIL released "
           "on `threads` threads (relief/_frame.py gives the columns).")
      .def("evaluate_batch", &EvaluateBatch, py::arg("profiles"), py::arg("date"), py::arg("threads") = 0,
           "(status codes, amounts, cases, engine seconds, engine CPU seconds) for every measure of every profile that "
           "is not None.")
      .def("missing_columns", &EvaluateMissingColumns, py::arg("profiles"), py::arg("date"), py::arg("threads") = 0,
           "For every measure of every profile that is not None, in evaluate_batch's order, the tuple of the columns "
           "that would give its missing facts (Trace::MissingFacts).");

  py::list statuses;  // by status code, as evaluate_batch gives them
  for (Status s :
       {Status::kEligible, Status::kIneligible, Status::kUndetermined, Status::kNotApplicable, Status::kError}) {
    if (static_cast<std::size_t>(s) != statuses.size()) throw std::logic_error("Status codes are not 0..4");
    statuses.append(StatusName(s));
  }
  m.attr("STATUSES") = py::tuple(statuses);
  m.def("load", &Load, py::arg("directory"), "(Pack or None, diagnostics, relief check text).");
  m.def("load_files", &LoadFiles, py::arg("files"), py::arg("pack"),
        "The same from files in memory: {relative path: text}.");
}
