"""Scale-out on Dask: every measure for a partitioned Parquet dataset of firms.

    python examples/python/dask_firms.py firms.parquet --generate 100000 --month 2020-11 --workers 2

``--generate N`` first writes N generated firms (examples/python/firms.py) as
a Parquet dataset, one file per partition. Each partition is then evaluated
with ``Pack.evaluate_frame`` by ``dask.dataframe.map_partitions`` on a
``distributed`` LocalCluster; every worker loads the bundled pack once.
Prints the number of firms, of eligible (firm, measure) pairs, of bad fields,
and the total of the amounts by measure.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from decimal import Decimal
from typing import Any, Dict, Tuple

import pandas as pd

import relief

_PACKS: Dict[str, relief.Pack] = {}
# One frame for results and errors, so that each partition is evaluated once:
# a result row has a measure, an error row a field.
COLUMNS = {"measure": object, "status": object, "amount": object, "case": object, "field": object, "message": object}


def _pack() -> relief.Pack:
    """The bundled pack, loaded once per worker process."""
    if "pack" not in _PACKS:
        _PACKS["pack"] = relief.load()
    return _PACKS["pack"]


def _parquet_cell(value: Any) -> Any:
    """Every cell as its profile text (exact, and one Parquet type per column)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def generate(path: str, count: int, partitions: int, seed: int = 2020) -> None:
    """Writes ``count`` generated firms to the Parquet dataset ``path``."""
    import dask.dataframe as dd

    import firms

    frame = firms.frame(count, seed=seed).map(_parquet_cell)
    frame.index = pd.Index(frame["siren"], name="firm")
    dd.from_pandas(frame, npartitions=partitions).to_parquet(path, write_index=True)


def evaluate_partition(part: pd.DataFrame, month: str) -> pd.DataFrame:
    """``evaluate_frame`` on one partition, results and errors in one frame."""
    results, errors = _pack().evaluate_frame(part, month=month, threads=1)
    errors = errors.set_index("row").rename_axis(part.index.name)
    both = pd.concat([results, errors])
    return both.reindex(columns=list(COLUMNS)).astype(object).where(both.notna().reindex(columns=list(COLUMNS), fill_value=False), None)


def evaluate(path: str, month: str, workers: int = 2) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """(results, errors) for the Parquet dataset ``path``, as evaluate_frame gives them."""
    import cloudpickle
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import this file
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        firms = dd.read_parquet(path)
        meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()},
                            index=pd.Index([], name=firms.index.name))
        both = firms.map_partitions(evaluate_partition, month, meta=meta).compute()
    is_error = both["field"].notna()
    results = both.loc[~is_error, ["measure", "status", "amount", "case"]]
    errors = both.loc[is_error, ["field", "message"]].reset_index().rename(columns={both.index.name or "index": "row"})
    return results, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--generate", type=int, default=0, metavar="N")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--month", default="2020-11")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.generate:
        generate(args.path, args.generate, args.partitions)
    results, errors = evaluate(args.path, args.month, args.workers)
    eligible = results[results.status == "eligible"]
    print(f"{results.index.nunique()} firms evaluated, {len(eligible)} eligible (firm, measure), {len(errors)} bad fields")
    totals = eligible.groupby("measure")["amount"].agg(lambda a: sum((x for x in a if x is not None), Decimal(0)))
    print(totals.to_string())


if __name__ == "__main__":
    main()
