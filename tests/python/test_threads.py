"""One Pack evaluated from many Python threads at once gives the same results."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import firms


def test_concurrent_evaluate_from_threads(pack):
    profiles = list(firms.firms(40, seed=3))
    months = ["2020-03", "2020-11", "2021-01"]
    jobs = [(p, m) for p in profiles for m in months]
    expected = [pack.evaluate(p, month=m).to_dict() for p, m in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda job: pack.evaluate(job[0], month=job[1]).to_dict(), jobs * 2))
    assert got == expected * 2


def test_concurrent_evaluate_frame_from_threads(pack):
    frame = firms.frame(100, seed=4)
    expected, _ = pack.evaluate_frame(frame, month="2020-11", threads=1)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: pack.evaluate_frame(frame, month="2020-11", threads=2)[0], range(4)))
    for got in results:
        assert got.equals(expected)
