#include "profile_convert.hpp"

#include <cmath>

namespace relief::python {
namespace {

struct PyTypes {
  py::object decimal, date, datetime;
};

const PyTypes& Types() {
  static const PyTypes* types =
      new PyTypes{py::module_::import("decimal").attr("Decimal"), py::module_::import("datetime").attr("date"),
                  py::module_::import("datetime").attr("datetime")};
  return *types;
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

std::optional<FactValue> ToFactValue(const FactDescription& fact, const py::handle& value, const std::string& field,
                                     std::string& problem) {
  const PyTypes& t = Types();
  if (py::isinstance<py::bool_>(value)) return FactValue::Boolean(value.cast<bool>());
  if (py::isinstance<py::int_>(value)) return FactValue::Number(py::str(value));
  if (py::isinstance(value, t.decimal)) {
    if (!value.attr("is_finite")().cast<bool>()) {
      problem = "'" + field + "': expected a finite number, found Decimal('" + std::string(py::str(value)) + "')";
      return std::nullopt;
    }
    return FactValue::Number(py::str(py::module_::import("builtins").attr("format")(value, "f")));
  }
  if (py::isinstance<py::float_>(value)) {
    if (fact.base == "money") {
      problem = "'" + field +
                "': a float is refused for money: binary floating point cannot hold most amounts "
                "in cents exactly (0.1 + 0.2 != 0.3); pass an int, a decimal.Decimal or a str such as \"1500.50\"";
      return std::nullopt;
    }
    return FactValue::Number(py::str(py::repr(value)));  // the shortest text that reads back the same float
  }
  if (py::isinstance<py::str>(value)) return FactValue::Text(value.cast<std::string>());
  if (py::isinstance(value, t.datetime)) {
    problem = "'" + field + "': expected a date, found a datetime (pass its .date())";
    return std::nullopt;
  }
  if (py::isinstance(value, t.date)) {
    auto d =
        Date::FromYmd(value.attr("year").cast<int>(), value.attr("month").cast<int>(), value.attr("day").cast<int>());
    if (d) return FactValue::OfDate(*d);
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
