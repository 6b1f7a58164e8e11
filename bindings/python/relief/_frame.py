"""Pack.evaluate_frame: pandas in and out, the batch path in between."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Tuple

if TYPE_CHECKING:
    from . import Pack

from . import _core

_STATUSES = _core.STATUSES
_SERIES = re.compile(r"^(?P<fact>[^\[\]]+)\[(?P<period>[^\[\]]+)\]$")


def _setter(column: str) -> Callable[[Dict[str, Any], Any], None]:
    """How a column's cell goes into a profile dict."""
    match = _SERIES.match(column)
    if match:
        fact, period = match["fact"], match["period"]
        return lambda row, value: row.setdefault(fact, {}).__setitem__(period, value)
    if "." in column:
        record, field = column.split(".", 1)
        return lambda row, value: row.setdefault(record, {}).__setitem__(field, value)
    return lambda row, value: row.__setitem__(column, value)


def _native(value: Any, pd: Any) -> Any:
    """A cell as the profile conversion takes it: None when empty, dates as dates."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        if value != value.normalize():
            return value.to_pydatetime()  # refused: a time of day is not a date
        return value.date()
    item = getattr(value, "item", None)  # numpy scalars
    if item is not None and not isinstance(value, (Decimal, _dt.date)):
        return item()
    return value


def profiles_of(frame: Any) -> List[Dict[str, Any]]:
    """One profile dict per row of ``frame``."""
    import pandas as pd

    setters = [_setter(str(c)) for c in frame.columns]
    rows: List[Dict[str, Any]] = []
    for values in frame.itertuples(index=False, name=None):
        row: Dict[str, Any] = {}
        for set_cell, value in zip(setters, values):
            value = _native(value, pd)
            if value is not None:
                set_cell(row, value)
        rows.append(row)
    return rows


def evaluate_frame(pack: "Pack", frame: Any, when: str, threads: int) -> Tuple[Any, Any]:
    import pandas as pd

    core = pack._core
    profiles, problems = core.build_profiles(profiles_of(frame))
    codes, amounts, cases, _ = core.evaluate_batch(profiles, when, threads)
    statuses = [_STATUSES[c] for c in codes]
    measure_ids = [m.id for m in pack.measures]
    good = [i for i, p in enumerate(profiles) if p is not None]
    index = frame.index.take([i for i in good for _ in measure_ids])
    columns = {
        "measure": measure_ids * len(good),
        "status": statuses,
        "amount": [Decimal(a) if a is not None else None for a in amounts],
        "case": cases,
    }
    # Object columns: exact Decimal amounts, and None (not NaN) where there is no amount or case.
    results = pd.DataFrame({name: pd.Series(values, index=index, dtype=object) for name, values in columns.items()})
    errors = pd.DataFrame({
        "row": [frame.index[i] for i, _, _ in problems],
        "field": [field for _, field, _ in problems],
        "message": [message for _, _, message in problems],
    })
    return results, errors
