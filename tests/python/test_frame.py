"""Pack.evaluate_frame: the batch path over a DataFrame, equal to evaluate()."""

from __future__ import annotations

from decimal import Decimal

import pytest

import firms

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def frame():
    f = firms.frame(300, seed=7)
    f.index = pd.Index([f"firm-{i}" for i in range(len(f))], name="firm")
    return f


@pytest.mark.parametrize("month", ["2020-03", "2020-11", "2021-02"])
def test_frame_equals_evaluate_per_profile(pack, frame, month):
    results, errors = pack.evaluate_frame(frame, month=month, threads=2)
    assert errors.empty, errors.head().to_string()
    assert list(results.columns) == ["measure", "status", "amount", "case"]
    assert len(results) == len(frame) * len(pack.measures)
    assert list(results.index.unique()) == list(frame.index)
    generated = list(firms.firms(300, seed=7))
    eligible = 0
    for label, profile in zip(frame.index, generated):
        expected = pack.evaluate(profile, month=month)
        got = results.loc[[label]]
        assert list(got["measure"]) == [m.id for m in expected.measures]
        assert list(got["status"]) == [m.status for m in expected.measures]
        assert list(got["amount"]) == [m.amount for m in expected.measures]
        assert list(got["case"]) == [m.case if m.status == "eligible" else None for m in expected.measures]
        eligible += sum(m.status == "eligible" for m in expected.measures)
    assert eligible > 0
    assert all(isinstance(a, Decimal) for a in results["amount"] if a is not None)


def _column(fact):
    """The frame column that gives a missing fact: "ca_mensuel[2020-11]" for key "ca_mensuel.2020-11"."""
    return fact.fact if fact.key == fact.fact else f"{fact.fact}[{fact.key[len(fact.fact) + 1:]}]"


@pytest.mark.parametrize("month", ["2020-03", "2020-11", "2021-02"])
def test_questions_are_the_missing_facts_of_evaluate(pack, frame, month):
    results, errors = pack.evaluate_frame(frame, month=month, threads=2, questions=True)
    assert errors.empty, errors.head().to_string()
    assert list(results.columns) == ["measure", "status", "amount", "case", "questions"]
    asked = 0
    for label, profile in zip(frame.index, firms.firms(300, seed=7)):
        expected = pack.evaluate(profile, month=month)
        got = list(results.loc[[label]]["questions"])
        assert got == [tuple(_column(f) for f in m.missing) for m in expected.measures], label
        asked += sum(len(q) for q in got)
    assert asked > 0


def test_questions_skip_bad_rows_like_the_results(pack, frame):
    bad = frame.head(20).copy()
    bad.loc["firm-3", "effectif"] = -2
    results, errors = pack.evaluate_frame(bad, month="2020-11", questions=True)
    assert list(errors["row"].unique()) == ["firm-3"]
    good, _ = pack.evaluate_frame(bad, month="2020-11")
    assert list(results.index) == list(good.index)
    assert all(isinstance(q, tuple) for q in results["questions"])


def test_bad_rows_go_to_errors_never_dropped_silently(pack, frame):
    bad = frame.head(5).copy()
    bad.loc["firm-1", "loyer_mensuel_ht"] = "1,500"
    bad.loc["firm-3", "effectif"] = -2
    bad.loc["firm-3", "forme"] = "sarlu"
    bad["colonne_inconnue"] = None
    bad.loc["firm-4", "colonne_inconnue"] = 1
    results, errors = pack.evaluate_frame(bad, month="2020-11")
    assert list(errors.columns) == ["row", "field", "message"]
    assert list(zip(errors["row"], errors["field"])) == [
        ("firm-1", "loyer_mensuel_ht"), ("firm-3", "effectif"), ("firm-3", "forme"), ("firm-4", "colonne_inconnue")]
    assert "ambiguous number" in errors["message"].iloc[0]
    assert list(results.index.unique()) == ["firm-0", "firm-2"]
    assert set(results.index.unique()) | set(errors["row"]) == set(bad.index)


def test_empty_cells_are_unknown_and_types_come_from_pandas(pack):
    frame = pd.DataFrame({
        "effectif": pd.array([3, None], dtype="Int64"),
        "date_creation": pd.to_datetime(["2016-04-12", None]),
        "ca_mensuel[2020-11]": [Decimal("6200"), None],
        "naf": ["56.10A", float("nan")],
    })
    results, errors = pack.evaluate_frame(frame, month="2020-11")
    assert errors.empty, errors.to_string()
    first = pack.evaluate({"effectif": 3, "date_creation": "2016-04-12", "ca_mensuel": {"2020-11": 6200},
                           "naf": "56.10A"}, month="2020-11")
    assert list(results.loc[0, "status"]) == [m.status for m in first.measures]
    assert list(results.loc[1, "status"]) == [m.status for m in pack.evaluate({}, month="2020-11").measures]


def test_float_money_column_is_reported_per_row(pack):
    frame = pd.DataFrame({"loyer_mensuel_ht": [1500.0, float("nan")]})
    results, errors = pack.evaluate_frame(frame, month="2020-11")
    assert list(errors["row"]) == [0] and "float is refused for money" in errors["message"][0]
    assert list(results.index.unique()) == [1]


def test_columns_follow_the_batch_convention(pack):
    """Record fields and series elements as columns, typed by pandas, give the profile they spell."""
    frame = pd.DataFrame({
        "effectif": pd.Series([4], dtype="uint8"),
        "embauche.date": pd.to_datetime(["2021-01-04"]),
        "embauche.age_salarie": [22],
        "ca_mensuel[2019-11]": ["20 000"],
        "ca_mensuel[2020-11]": [Decimal("4200.50")],
        "a_jour_fiscal_social": [True],
    })
    results, errors = pack.evaluate_frame(frame, month="2021-01")
    assert errors.empty, errors.to_string()
    profile = {"effectif": 4, "embauche": {"date": "2021-01-04", "age_salarie": 22},
               "ca_mensuel": {"2019-11": "20000", "2020-11": Decimal("4200.50")}, "a_jour_fiscal_social": True}
    expected = pack.evaluate(profile, month="2021-01")
    assert list(results["status"]) == [m.status for m in expected.measures]
    assert list(results["amount"]) == [m.amount for m in expected.measures]


def test_bad_columns_are_reported_with_what_was_meant(pack):
    frame = pd.DataFrame({
        "efectif": [3, None],
        "ca_mensuel": ["1000", None],
        "embauche.date": pd.to_datetime(["2021-01-04 10:30", None]),
    })
    results, errors = pack.evaluate_frame(frame, month="2021-01")
    assert list(zip(errors["row"], errors["field"])) == [(0, "efectif"), (0, "ca_mensuel"), (0, "embauche.date")]
    messages = list(errors["message"])
    assert "did you mean 'effectif'" in messages[0]
    assert "one column per element, as 'ca_mensuel[2020-11]'" in messages[1]
    assert "found a datetime" in messages[2]
    assert list(results.index.unique()) == [1]
