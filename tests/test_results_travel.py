"""Item 4 of issue 15: results pickle, so a multiprocessing, Dask, Spark or Ray task can return
them; a Quote is hashable and compares by value."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import saidwho

ARTICLE = (
    "Ferry operator cuts winter timetable\n\n"
    "“We cannot sail empty boats all January,” said Morag Ellison, the operator’s chief "
    "executive. Islanders said the cuts would leave them stranded. "
    "Councillor Duncan Reid said the company had “broken faith” with the island."
)
DAMAGED = "The cafÃ© owner said &ldquo;we are closing&rdquo; on Friday."


def results():
    found = saidwho.quotes(ARTICLE)
    people = saidwho.people(ARTICLE)
    _, fixes = saidwho.explain(DAMAGED)
    options = saidwho.CleanOptions(uncurl_quotes=True, normalization="NFKC")
    assert found and people and fixes
    return found, people, fixes, options


def test_every_result_pickles_to_an_equal_object():
    found, people, fixes, options = results()
    for value in [*found, *people, *fixes, options]:
        again = pickle.loads(pickle.dumps(value))
        assert again == value
        assert type(again) is type(value)
        assert repr(again) == repr(value)
    quote = found[0]
    again = pickle.loads(pickle.dumps(quote))
    assert again.to_dict() == quote.to_dict()
    assert again.resolution == quote.resolution


def test_unpickled_fixes_still_replay():
    _, _, fixes, _ = results()
    again = pickle.loads(pickle.dumps(fixes))
    assert saidwho.replay(DAMAGED, again) == saidwho.explain(DAMAGED)[0]


def test_quotes_are_hashable_and_compare_by_value():
    first = saidwho.quotes(ARTICLE)
    second = saidwho.quotes(ARTICLE)
    assert first == second
    assert {*first} == {*second}
    assert len({*first, *second}) == len(first)
    assert first[0] != first[1]
    assert hash(first[0]) == hash(second[0])


def quotes_of(text: str) -> list[saidwho.Quote]:
    return saidwho.quotes(text)


def explain_of(text: str) -> tuple[str, list[saidwho.Fix]]:
    return saidwho.explain(text)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_results_come_back_from_multiprocessing(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        found = pool.map(quotes_of, [ARTICLE, ARTICLE])
        explained = pool.apply(explain_of, (DAMAGED,))
        people = pool.apply(saidwho.people, (ARTICLE,))
    assert found == [saidwho.quotes(ARTICLE)] * 2
    assert explained == saidwho.explain(DAMAGED)
    assert people == saidwho.people(ARTICLE)


def test_results_come_back_from_a_dask_cluster():
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    )
    try:
        with distributed.Client(cluster) as client:
            found = client.gather(client.map(quotes_of, [ARTICLE, DAMAGED]))
            explained = client.submit(explain_of, DAMAGED).result()
            people = client.submit(saidwho.people, ARTICLE).result()
            options = client.submit(
                saidwho.CleanOptions, uncurl_quotes=True, normalization=None
            ).result()
    finally:
        cluster.close()
    assert found == [saidwho.quotes(ARTICLE), saidwho.quotes(DAMAGED)]
    assert explained == saidwho.explain(DAMAGED)
    assert people == saidwho.people(ARTICLE)
    assert options == saidwho.CleanOptions(uncurl_quotes=True, normalization=None)
