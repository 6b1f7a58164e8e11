#include "frame_convert.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "relief/profile_table.hpp"

namespace relief::python {
namespace {

enum class CellKind { kInt, kFloat, kBool, kDatetime, kObject };

constexpr std::int64_t kNanosecondsPerDay = 86'400'000'000'000;

// A column ready to be read without the GIL.
struct FrameColumn {
  CellKind kind = CellKind::kObject;
  py::array array;  // keeps the buffer alive
  const void* data = nullptr;
  const FactDescription* fact = nullptr;                  // nullptr: not a fact (the table says so)
  std::vector<std::optional<FactValue>> values;           // kObject, converted under the GIL
  std::unordered_map<std::size_t, std::string> problems;  // kObject: refused cells by row
};

// The fact a header names: "ca_mensuel[2020-11]" → ca_mensuel.
const FactDescription* FactOf(const PackHandle& pack, const std::string& header) {
  auto it = pack.facts.find(header.substr(0, header.find('[')));
  return it == pack.facts.end() ? nullptr : &it->second;
}

// A pandas Timestamp at midnight is a date; a numpy scalar is its Python value.
py::object Native(const py::handle& value, const py::handle& timestamp) {
  if (py::isinstance(value, timestamp)) {
    if (value.attr("normalize")().equal(value)) return value.attr("date")();
    return value.attr("to_pydatetime")();  // refused: a time of day is not a date
  }
  if (std::string_view(Py_TYPE(value.ptr())->tp_name).starts_with("numpy.")) return value.attr("item")();
  return py::reinterpret_borrow<py::object>(value);
}

// pandas' empty cells in an object column: None, NaN, NA, NaT.
class Missing {
 public:
  explicit Missing(const py::module_& pandas) : na_(pandas.attr("NA")), nat_(pandas.attr("NaT")) {}
  bool operator()(const py::handle& v) const {
    return v.is_none() || v.is(na_) || v.is(nat_) || (PyFloat_Check(v.ptr()) && std::isnan(PyFloat_AS_DOUBLE(v.ptr())));
  }

 private:
  py::object na_, nat_;
};

void ConvertObjects(FrameColumn& column, const std::string& header, const py::list& values) {
  const py::module_ pandas = py::module_::import("pandas");
  const py::object timestamp = pandas.attr("Timestamp");
  const Missing missing(pandas);
  column.values.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const py::handle value = PyList_GET_ITEM(values.ptr(), static_cast<Py_ssize_t>(i));
    if (missing(value)) continue;
    if (column.fact == nullptr) {  // the table refuses the column: any value fails its row
      column.values[i] = FactValue::Text("");
      continue;
    }
    std::string problem;
    column.values[i] = ToFactValue(*column.fact, Native(value, timestamp), header, problem);
    if (!problem.empty()) column.problems.emplace(i, std::move(problem));
  }
}

FrameColumn MakeColumn(const PackHandle& pack, const std::string& header, const py::tuple& spec) {
  FrameColumn column;
  column.fact = FactOf(pack, header);
  const std::string kind = spec[0].cast<std::string>();
  if (kind == "object") {
    ConvertObjects(column, header, spec[1].cast<py::list>());
    return column;
  }
  column.kind = kind == "int"     ? CellKind::kInt
                : kind == "float" ? CellKind::kFloat
                : kind == "bool"  ? CellKind::kBool
                                  : CellKind::kDatetime;
  if (column.kind == CellKind::kFloat) {
    column.array = spec[1].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
  } else if (column.kind == CellKind::kBool) {
    column.array = spec[1].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
  } else {
    column.array = spec[1].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
  }
  column.data = column.array.data();
  return column;
}

// Cell `row` of `column`: a value in `slot`, nothing (empty cell), or a problem.
const FactValue* Cell(const FrameColumn& column, const std::string& header, std::size_t row, FactValue& slot,
                      std::string& problem) {
  switch (column.kind) {
    case CellKind::kInt:
      return &(slot = FactValue::Integer(static_cast<const std::int64_t*>(column.data)[row]));
    case CellKind::kBool:
      return &(slot = FactValue::Boolean(static_cast<const bool*>(column.data)[row]));
    case CellKind::kFloat: {
      const double x = static_cast<const double*>(column.data)[row];
      if (std::isnan(x)) return nullptr;
      if (column.fact != nullptr && column.fact->base == "money") problem = FloatRefusedForMoney(header);
      if (!problem.empty()) return nullptr;
      char text[32];  // the shortest text that reads back as the same double
      const std::to_chars_result end = std::to_chars(text, text + sizeof text, x);
      return &(slot = FactValue::Number(std::string(text, end.ptr)));
    }
    case CellKind::kDatetime: {
      const std::int64_t ns = static_cast<const std::int64_t*>(column.data)[row];
      if (ns == std::numeric_limits<std::int64_t>::min()) return nullptr;  // NaT
      if (ns % kNanosecondsPerDay != 0) {
        problem = "'" + header + "': expected a date, found a datetime (pass its .date())";
        return nullptr;
      }
      return &(slot = FactValue::OfDate(Date::FromDays(static_cast<std::int32_t>(ns / kNanosecondsPerDay))));
    }
    case CellKind::kObject:
      if (auto it = column.problems.find(row); it != column.problems.end()) problem = it->second;
      return column.values[row] ? &*column.values[row] : nullptr;
  }
  return nullptr;
}

// Reads rows part, part + step, … of the frame.
class RowReader {
 public:
  RowReader(const ProfileTable& table, const std::vector<FrameColumn>& columns)
      : table_(table), columns_(columns), slots_(columns.size(), FactValue::Text("")), cells_(columns.size()) {}

  std::optional<Profile> Read(std::size_t row, std::vector<CellError>& errors);

 private:
  const ProfileTable& table_;
  const std::vector<FrameColumn>& columns_;
  std::vector<FactValue> slots_;
  std::vector<const FactValue*> cells_;
};

std::optional<Profile> RowReader::Read(std::size_t row, std::vector<CellError>& errors) {
  const std::size_t first = errors.size();
  std::vector<std::size_t> refused;  // columns refused before the table reads them
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    std::string problem;
    cells_[c] = Cell(columns_[c], table_.headers()[c], row, slots_[c], problem);
    if (!problem.empty()) {
      cells_[c] = nullptr;
      errors.push_back({row, table_.headers()[c], std::move(problem)});
    }
  }
  const std::size_t converted = errors.size();
  std::optional<Profile> profile = table_.Read(cells_, row, errors);
  if (converted == first) return profile;
  // Both kinds of problems of the row, in column order.
  const auto& headers = table_.headers();
  auto column = [&](const CellError& e) {
    return std::find(headers.begin(), headers.end(), e.column) - headers.begin();
  };
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(first), errors.end(),
                   [&](const CellError& a, const CellError& b) { return column(a) < column(b); });
  return std::nullopt;
}

}  // namespace

py::tuple BuildTableProfiles(const PackHandle& pack, const std::vector<std::string>& headers, const py::list& columns,
                             std::size_t rows, int threads) {
  std::vector<FrameColumn> frame;
  for (std::size_t c = 0; c < headers.size(); ++c) frame.push_back(MakeColumn(pack, headers[c], columns[c]));
  const ProfileTable table(pack.pack, headers);
  std::vector<std::optional<Profile>> profiles(rows);
  const std::size_t n = std::clamp<std::size_t>(threads > 0 ? threads : std::thread::hardware_concurrency(), 1,
                                                std::max<std::size_t>(rows / 1024, 1));
  std::vector<std::vector<CellError>> errors(n);
  {
    py::gil_scoped_release release;
    auto work = [&](std::size_t part) {
      RowReader reader(table, frame);
      for (std::size_t i = part; i < rows; i += n) profiles[i] = reader.Read(i, errors[part]);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < n; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool) t.join();
  }
  std::vector<CellError> all;
  for (std::vector<CellError>& part : errors) all.insert(all.end(), part.begin(), part.end());
  std::stable_sort(all.begin(), all.end(), [](const CellError& a, const CellError& b) { return a.row < b.row; });
  py::list problems;
  for (const CellError& e : all) problems.append(py::make_tuple(e.row, e.column, e.message));
  return py::make_tuple(profiles, problems);
}

}  // namespace relief::python
