"""Pack.evaluate_frame: pandas in and out, the batch path in between.

The frame's columns follow the column convention of ``relief batch``
(docs/profiles.md, "Tables of firms"): ``siren`` for a fact,
``ca_mensuel[2020-11]`` for a series element, ``embauche.date`` for a record
field; an empty cell (None, NaN, NA, NaT) is a fact not given. Each column
is handed to the C++ core once, as its numpy buffer when it has a numeric,
boolean or datetime dtype; the rows are then read and evaluated there, with
the GIL released.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Tuple

if TYPE_CHECKING:
    from . import Pack

from . import _core

_STATUSES = _core.STATUSES


def _column(series: Any, np: Any) -> Tuple[str, Any]:
    """A column as _core.build_table_profiles takes it: (kind, data)."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype):  # not a pandas extension type (nullable Int64, string, category, ...)
        if dtype.kind in "iu" and (dtype.kind == "i" or dtype.itemsize < 8):
            return "int", series.to_numpy(dtype=np.int64)
        if dtype.kind == "f":
            return "float", series.to_numpy(dtype=np.float64)
        if dtype.kind == "b":
            return "bool", series.to_numpy(dtype=np.bool_)
        if dtype.kind == "M":
            return "datetime", series.to_numpy(dtype="datetime64[ns]").view(np.int64)
    return "object", series.to_numpy(dtype=object).tolist()


def columns_of(frame: Any) -> Tuple[List[str], List[Tuple[str, Any]]]:
    """The frame's headers and columns, for _core.build_table_profiles."""
    import numpy as np

    headers = [str(c) for c in frame.columns]
    return headers, [_column(frame.iloc[:, i], np) for i in range(frame.shape[1])]


def evaluate_frame(pack: "Pack", frame: Any, when: str, threads: int, questions: bool = False) -> Tuple[Any, Any]:
    import numpy as np
    import pandas as pd

    core = pack._core
    headers, columns = columns_of(frame)
    profiles, problems = core.build_table_profiles(headers, columns, len(frame), threads)
    codes, amounts, cases, _, _ = core.evaluate_batch(profiles, when, threads)
    statuses = np.array(_STATUSES, dtype=object)[np.frombuffer(codes, dtype=np.uint8)]
    measure_ids = [m.id for m in pack.measures]
    good = np.flatnonzero(np.fromiter((p is not None for p in profiles), dtype=np.bool_, count=len(profiles)))
    index = frame.index.take(np.repeat(good, len(measure_ids)))
    columns = {"measure": measure_ids * len(good), "status": statuses, "amount": amounts, "case": cases}
    if questions:
        columns["questions"] = core.missing_columns(profiles, when, threads)
    # Object columns: exact Decimal amounts, and None (not NaN) where there is no amount or case.
    results = pd.DataFrame({name: pd.Series(values, index=index, dtype=object) for name, values in columns.items()})
    errors = pd.DataFrame({
        "row": [frame.index[i] for i, _, _ in problems],
        "field": [field for _, field, _ in problems],
        "message": [message for _, _, message in problems],
    })
    return results, errors
