"""Generated firms for tests, benchmarks and examples.

Each firm is one of the example profiles of ``examples/profiles/`` with its
figures and place varied at random (seeded): a profile dict (what
``Pack.evaluate`` takes) or a flat row (what ``Pack.evaluate_frame`` takes:
``ca_mensuel[2020-11]`` for a series element, ``embauche.date`` for a record
field).
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, Iterator, List

import yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "profiles"
DEPARTEMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]


class _ExactLoader(yaml.SafeLoader):
    """YAML numbers with a fraction as Decimal, never float."""


_ExactLoader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node)))


def read_profile(path: Path) -> Dict[str, Any]:
    """An example profile as a dict (dates as datetime.date, fractions as Decimal)."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_ExactLoader) or {}


def example_profiles() -> Dict[str, Dict[str, Any]]:
    """Every example profile by file name."""
    return {p.name: read_profile(p) for p in sorted(EXAMPLES.glob("*.yaml"))}


def _vary(value: Any, rng: random.Random) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value == 0:
        return value
    scaled = Decimal(value) * Decimal(rng.randint(50, 150)) / 100
    return int(scaled) if isinstance(value, int) else scaled.quantize(Decimal("0.01"))


def firms(count: int, seed: int = 2020) -> Iterator[Dict[str, Any]]:
    """``count`` profile dicts."""
    rng = random.Random(seed)
    bases: List[Dict[str, Any]] = list(example_profiles().values())
    for i in range(count):
        firm: Dict[str, Any] = {}
        for fact, value in rng.choice(bases).items():
            if isinstance(value, dict):
                firm[fact] = {k: _vary(v, rng) for k, v in value.items()}
            elif fact == "effectif":
                firm[fact] = rng.randint(0, 60)
            else:
                firm[fact] = _vary(value, rng)
        if "departement" in firm:
            firm["departement"] = rng.choice(DEPARTEMENTS)
            firm.pop("region", None)  # follows from the department
        firm["siren"] = f"{100000000 + i:09d}"
        yield firm


def flatten(profile: Dict[str, Any]) -> Dict[str, Any]:
    """A profile dict as one frame row."""
    row: Dict[str, Any] = {}
    for fact, value in profile.items():
        if isinstance(value, dict):
            for key, element in value.items():
                key = key.isoformat()[:7] if isinstance(key, datetime.date) else str(key)
                row[f"{fact}[{key}]" if not isinstance(element, dict) and _is_period(key) else f"{fact}.{key}"] = element
        else:
            row[fact] = value
    return row


def _is_period(key: str) -> bool:
    return key[:4].isdigit()


def frame(count: int, seed: int = 2020) -> Any:
    """A pandas DataFrame of ``count`` generated firms, one column per fact
    (object columns: exact values, empty cells as None)."""
    import pandas as pd

    rows = [flatten(f) for f in firms(count, seed)]
    columns = sorted({c for r in rows for c in r})
    return pd.DataFrame({c: pd.Series([r.get(c) for r in rows], dtype=object) for c in columns})
