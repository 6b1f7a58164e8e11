"""Pack.evaluate: profile values, exact amounts, errors, dates."""

from __future__ import annotations

import datetime
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import firms
import relief

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))
RESTAURANT = firms.read_profile(ROOT / "examples" / "profiles" / "restaurant-montpellier.yaml")


def test_result_api(pack):
    result = pack.evaluate(RESTAURANT, month="2020-12")
    fsv1 = result.measure("fonds_solidarite_volet1")
    assert fsv1.status == "eligible"
    assert isinstance(fsv1.amount, Decimal) and fsv1.amount == Decimal("14800.00")
    assert fsv1.case and fsv1.reasons and fsv1.sources
    assert (fsv1.kind, fsv1.per) == ("grant", "month")
    assert fsv1 in result.eligible and all(m.status == "eligible" for m in result.eligible)
    assert [m.id for m in result.measures] == [m.id for m in pack.measures]
    assert all(m.amount is None for m in result.measures if m.status != "eligible")
    assert result.date == "2020-12-31"


def test_questions_are_ranked_missing_facts(pack):
    result = pack.evaluate({"naf": "56.10A", "departement": "34"}, month="2020-11")
    assert result.questions and result.questions[0].question.endswith("?")
    undetermined = [m for m in result.measures if m.status == "undetermined"]
    assert undetermined and all(m.missing for m in undetermined)
    asked = {q.key for q in result.questions}
    assert {f.key for m in undetermined for f in m.missing} <= asked


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
@pytest.mark.parametrize("month", ["2020-03", "2020-11"])
def test_to_dict_is_the_command_line_json(pack, cli, path, month):
    expected = json.loads(subprocess.run([cli, "eval", "--month", month, "--format", "json", str(path)],
                                         capture_output=True, check=True).stdout)
    assert pack.evaluate(firms.read_profile(path), month=month).to_dict() == expected
    assert pack.evaluate(pack.read_profile(path.read_text(encoding="utf-8")), month=month).to_dict() == expected


def test_values_of_every_python_type(pack):
    profile = {
        "effectif": 9,                                   # int
        "loyer_mensuel_ht": Decimal("4200.50"),          # Decimal
        "ca_dernier_exercice": "720 000",                # str, French grouping
        "independante": True,                            # bool
        "date_creation": datetime.date(2016, 4, 12),     # date
        "ca_mensuel": {"2019-11": 61000, datetime.date(2020, 11, 1): "6 200,00 €"},  # series
        "ca_annuel": {2019: 720000},                     # yearly series keyed by int
        "embauche": {"date": datetime.date(2021, 1, 4), "contrat": "cdi"},  # record
        "fermeture": {"2020-11": "totale"},
        "naf": "56.10A",
        "pas_de_porte": None,                            # unknown
    }
    same_in_yaml = """effectif: 9
loyer_mensuel_ht: 4200.50
ca_dernier_exercice: 720000
independante: true
date_creation: 2016-04-12
ca_mensuel: {2019-11: 61000, 2020-11: 6200}
ca_annuel: {2019: 720000}
embauche: {date: 2021-01-04, contrat: cdi}
fermeture: {2020-11: totale}
naf: 56.10A
"""
    from_dict = pack.evaluate(profile, date=datetime.date(2020, 11, 30)).to_dict()
    assert from_dict == pack.evaluate(pack.read_profile(same_in_yaml), date="2020-11-30").to_dict()


def test_float_is_refused_for_money_with_the_reason(pack):
    with pytest.raises(relief.ProfileError) as caught:
        pack.evaluate({"loyer_mensuel_ht": 1500.5}, month="2020-11")
    (field, message), = caught.value.errors
    assert field == "loyer_mensuel_ht"
    assert "float is refused for money" in message and "decimal.Decimal" in message


def test_float_is_read_by_its_shortest_text_elsewhere(pack):
    with_float = pack.evaluate({"heures_chomees_pendant_fermeture": 12.5}, month="2020-11").to_dict()
    assert with_float == pack.evaluate({"heures_chomees_pendant_fermeture": "12.5"}, month="2020-11").to_dict()


def test_profile_error_lists_every_bad_field(pack):
    with pytest.raises(relief.ProfileError) as caught:
        pack.evaluate({
            "efectif": 3,                          # unknown, with a suggestion
            "loyer_mensuel_ht": "1,500",           # ambiguous
            "forme": "sarlu",                      # not one of the enum
            "naf": "56.10X",                       # not in the list
            "effectif": -1,                        # below the minimum
            "ca_mensuel": {"2020-13": 100, "2020-11": "4200.999"},
            "embauche": {"dat": datetime.date(2021, 1, 4)},
            "date_creation": datetime.datetime(2016, 4, 12, 10, 0),
            "independante": [True],
        }, month="2020-11")
    errors = dict(caught.value.errors)
    assert caught.value.fields == ["efectif", "loyer_mensuel_ht", "forme", "naf", "effectif",
                                   "ca_mensuel[2020-13]", "ca_mensuel[2020-11]", "embauche.dat",
                                   "date_creation", "independante"]
    assert "did you mean 'effectif'" in errors["efectif"]
    assert "ambiguous number" in errors["loyer_mensuel_ht"]
    assert "did you mean 'sarl'" in errors["forme"]
    assert "not in the list" in errors["naf"]
    assert "below the minimum" in errors["effectif"]
    assert "expected a month YYYY-MM as key" in errors["ca_mensuel[2020-13]"]
    assert "too many decimals" in errors["ca_mensuel[2020-11]"]
    assert "has no field 'dat'" in errors["embauche.dat"]
    assert "found a datetime" in errors["date_creation"]
    assert "Python type list" in errors["independante"]
    assert str(caught.value).count("\n") == len(errors) - 1


@pytest.mark.parametrize("kwargs", [{}, {"date": "2020-11-30", "month": "2020-11"}])
def test_exactly_one_of_date_and_month(pack, kwargs):
    with pytest.raises(TypeError, match="exactly one of date= or month="):
        pack.evaluate({}, **kwargs)


@pytest.mark.parametrize("kwargs", [{"date": "2020-11"}, {"date": "2020-02-30"}, {"date": "2020-W01-1"},
                                    {"month": "2020-13"}, {"month": "2020-11-15"}, {"date": 20201115}])
def test_bad_dates_are_refused(pack, kwargs):
    with pytest.raises(ValueError, match="expected a datetime.date or a YYYY-MM"):
        pack.evaluate({}, **kwargs)


def test_month_is_evaluated_at_its_last_day(pack):
    by_month = pack.evaluate(RESTAURANT, month="2021-02").to_dict()
    assert by_month == pack.evaluate(RESTAURANT, date=datetime.date(2021, 2, 28)).to_dict()
    assert by_month == pack.evaluate(RESTAURANT, month=datetime.date(2021, 2, 3)).to_dict()


def test_repr_html_is_a_table_of_measures(pack):
    page = pack.evaluate(RESTAURANT, month="2020-12")._repr_html_()
    assert page.startswith("<table>") and page.count("<tr>") == 1 + len(pack.measures)
    assert "14\u202f800,00 €" in page and "éligible" in page
