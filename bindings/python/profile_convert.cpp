#include "profile_convert.hpp"

#include <datetime.h>

#include <cmath>

namespace relief::python {
namespace {

struct PyTypes {
  py::object decimal, date, datetime, format;
};

const PyTypes& Types() {
  static const PyTypes* types = [] {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;  // the datetime C API, for PyDate_Check and the fields of a date
    return new PyTypes{py::module_::import("decimal").attr("Decimal"), py::module_::import("datetime").attr("date"),
                       py::module_::import("datetime").attr("datetime"),
                       py::module_::import("builtins").attr("format")};
  }();
  return *types;
}

// A Decimal's exact text without an exponent ("1E+3" → "1000"), or nothing
// for NaN and infinities.
std::optional<std::string> DecimalText(const py::handle& value, const PyTypes& t) {
  std::string text = py::str(value);
  if (text.find_first_of("nNI") != std::string::npos) return std::nullopt;
  if (text.find('E') != std::string::npos) text = py::str(t.format(value, "f"));
  return text;
}

std::string TypeOf(const py::handle& value) { return py::str(py::type::handle_of(value).attr("__name__")); }

bool IsMissing(const py::handle& value, bool skip_nan) {
  if (value.is_none()) return true;
  return skip_nan && py::isinstance<py::float_>(value) && std::isnan(value.cast<double>());
}

class Converter {
 public:
  Converter(const PackHandle& pack, bool skip_nan, std::vector<FieldProblem>& problems)
      : pack_(pack), builder_(pack.pack), skip_nan_(skip_nan), problems_(problems) {}

  void Fact(const std::string& name, const py::handle& value);
  std::optional<Profile> Build() {
    ProfileResult r = builder_.Build();
    if (!r.ok()) return std::nullopt;
    return r.value();
  }

 private:
  void Scalar(const FactDescription& fact, const std::string& field, const py::handle& value,
              const std::string& period);
  void Refuse(const std::string& field, const std::string& message) { problems_.push_back({field, message}); }

  const PackHandle& pack_;
  ProfileBuilder builder_;
  bool skip_nan_;
  std::vector<FieldProblem>& problems_;
};

void Converter::Fact(const std::string& name, const py::handle& value) {
  if (IsMissing(value, skip_nan_)) return;
  auto it = pack_.facts.find(name);
  if (it == pack_.facts.end() || !py::isinstance<py::dict>(value))
    return Scalar(it == pack_.facts.end() ? FactDescription{} : it->second, name, value, "");
  const FactDescription& fact = it->second;
  if (!fact.series.empty()) {
    for (auto [key, element] : value.cast<py::dict>()) {
      if (IsMissing(element, skip_nan_)) continue;
      std::string period = py::str(key);
      if (py::isinstance(key, Types().date)) period = period.substr(0, fact.series == "monthly" ? 7 : 4);
      Scalar(fact, name + "[" + period + "]", element, period);
    }
  } else if (fact.base == "record") {
    for (auto [key, field] : value.cast<py::dict>()) Fact(name + "." + std::string(py::str(key)), field);
  } else {
    Scalar(fact, name, value, "");
  }
}

void Converter::Scalar(const FactDescription& fact, const std::string& field, const py::handle& value,
                       const std::string& period) {
  if (fact.name.empty()) {  // unknown: the builder says so, with "did you mean"
    builder_.Set(field, FactValue::Text(""));
    return Refuse(field, builder_.diagnostics().back().message);
  }
  std::string problem;
  std::optional<FactValue> v = ToFactValue(fact, value, field, problem);
  if (!v) return Refuse(field, problem);
  const bool ok = period.empty() ? builder_.Set(field, *v) : builder_.SetSeries(fact.name, period, *v);
  if (!ok) Refuse(field, builder_.diagnostics().back().message);
}

}  // namespace

std::string FloatRefusedForMoney(const std::string& field) {
  return "'" + field +
         "': a float is refused for money: binary floating point cannot hold most amounts in cents exactly "
         "(0.1 + 0.2 != 0.3); pass an int, a decimal.Decimal or a str such as \"1500.50\"";
}

std::optional<FactValue> ToFactValue(const FactDescription& fact, const py::handle& value, const std::string& field,
                                     std::string& problem) {
  const PyTypes& t = Types();
  if (py::isinstance<py::bool_>(value)) return FactValue::Boolean(value.cast<bool>());
  if (py::isinstance<py::int_>(value)) return FactValue::Number(py::str(value));
  if (py::isinstance<py::str>(value)) return FactValue::Text(value.cast<std::string>());
  if (py::isinstance(value, t.decimal)) {
    if (std::optional<std::string> text = DecimalText(value, t)) return FactValue::Number(std::move(*text));
    problem = "'" + field + "': expected a finite number, found Decimal('" + std::string(py::str(value)) + "')";
    return std::nullopt;
  }
  if (py::isinstance<py::float_>(value)) {
    if (fact.base == "money") {
      problem = FloatRefusedForMoney(field);
      return std::nullopt;
    }
    return FactValue::Number(py::str(py::repr(value)));  // the shortest text that reads back the same float
  }
  if (py::isinstance(value, t.datetime)) {
    problem = "'" + field + "': expected a date, found a datetime (pass its .date())";
    return std::nullopt;
  }
  if (PyDate_Check(value.ptr())) {
    PyObject* d = value.ptr();
    if (auto date = Date::FromYmd(PyDateTime_GET_YEAR(d), PyDateTime_GET_MONTH(d), PyDateTime_GET_DAY(d))) {
      return FactValue::OfDate(*date);
    }
  }
  problem = "'" + field + "': expected " + fact.type + ", found a value of Python type " + TypeOf(value);
  return std::nullopt;
}

PackHandle::PackHandle(RulePack p) : pack(std::move(p)) {
  for (FactDescription& f : pack.Facts()) facts.emplace(f.name, std::move(f));
}

std::optional<Profile> ConvertProfile(const PackHandle& pack, const py::handle& mapping, bool skip_nan,
                                      std::vector<FieldProblem>& problems) {
  const std::size_t before = problems.size();
  if (!py::isinstance<py::dict>(mapping)) {
    problems.push_back({"", "a profile is a mapping of fact names to values, not a " + TypeOf(mapping)});
    return std::nullopt;
  }
  Converter converter(pack, skip_nan, problems);
  for (auto [key, value] : mapping.cast<py::dict>()) {
    if (!py::isinstance<py::str>(key)) {
      problems.push_back({py::str(key), "fact names are strings, not " + TypeOf(key)});
      continue;
    }
    converter.Fact(key.cast<std::string>(), value);
  }
  if (problems.size() != before) return std::nullopt;
  return converter.Build();
}

}  // namespace relief::python
