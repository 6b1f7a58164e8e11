"""examples/python/dask_firms.py on a small Parquet dataset with two workers
gives what evaluate_frame gives for the same firms."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

import dask_firms  # noqa: E402


def _sorted(frame, by):
    return frame.reset_index().sort_values(by).reset_index(drop=True)


def test_dask_equals_evaluate_frame(pack, tmp_path):
    path = str(tmp_path / "firms.parquet")
    dask_firms.generate(path, 240, partitions=4, seed=11)
    whole = pd.read_parquet(path)
    whole.loc[whole.index[5], "loyer_mensuel_ht"] = "1,500"  # a bad field, in one partition
    whole.loc[whole.index[200], "effectif"] = "-3"
    import dask.dataframe as dd

    dd.from_pandas(whole, npartitions=4).to_parquet(path, write_index=True, overwrite=True)
    expected, expected_errors = pack.evaluate_frame(whole, month="2020-11")
    results, errors = dask_firms.evaluate(path, "2020-11", workers=2)
    assert len(results) == len(expected) == (240 - 2) * len(pack.measures)
    got = _sorted(results, ["firm", "measure"])
    want = _sorted(expected, ["firm", "measure"])
    pd.testing.assert_frame_equal(got.astype(object), want.astype(object))
    assert sorted(zip(errors["row"], errors["field"])) == sorted(zip(expected_errors["row"], expected_errors["field"]))
    assert (results.status == "eligible").sum() > 0
