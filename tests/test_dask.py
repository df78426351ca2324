"""Cleaning on a real Dask cluster (two worker processes) gives exactly the local result."""

from __future__ import annotations

import functools
import pickle
import time

import pytest

pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask", reason="dask is not installed")
dd = pytest.importorskip("dask.dataframe", reason="dask is not installed")
distributed = pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")

import saidwho  # noqa: E402
from saidwho.pandas import clean_partition  # noqa: E402

# Fictional wire copy as a CMS export leaves it: entities, Windows line ends, stray controls.
STORIES = [
    "Harbour board approves &ldquo;Seaview&rdquo; plan\r\nThe board voted 7&ndash;2 on Monday.",
    "Mayor Lin&eacute;a Okafor said the caf&eacute; tax \u201cwill not survive\u201d the winter.",
    "Flood warnings remain for the Ouse\x07 and the Derwent,\x1b[0m forecasters said.",
    "\u201cWe are not there yet,\u201d admitted the finance minister, Ra\u00fal Ib\u00e1\u00f1ez.",
    "Police said a 34-year-old man had been arrested &amp; later released on bail.\r\n",
    "Rail union leaders called the offer &lsquo;an insult&rsquo; to 40,000 members.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=40,
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def make_frame(n: int = 600) -> pd.DataFrame:
    texts = [STORIES[i % len(STORIES)] if i % 7 else None for i in range(n)]
    # A non-default, unsorted string index, to catch any realignment by label.
    return pd.DataFrame(
        {
            "text": pd.Series(texts, dtype="str"),
            "desk": [("politics", "metro", "business")[i % 3] for i in range(n)],
            "words": range(n),
        }
    ).set_axis([f"story-{(i * 37) % n:04d}" for i in range(n)])


def test_clean_partition_and_options_pickle():
    options = saidwho.CleanOptions(uncurl_quotes=True)
    fn = functools.partial(clean_partition, column="text", options=options, n_threads=1)
    again = pickle.loads(pickle.dumps(fn))
    frame = make_frame(20)
    pd.testing.assert_frame_equal(again(frame), fn(frame))


def test_map_partitions_on_local_cluster_matches_local_run(client):
    frame = make_frame()
    options = saidwho.CleanOptions(uncurl_quotes=True)
    expected = clean_partition(frame, column="text", options=options, n_threads=1)

    start = time.perf_counter()
    # Dask would turn `str` columns into `string[pyarrow]` (pd.NA for missing); keep pandas'
    # own dtypes so that the comparison is exact.
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(frame, npartitions=4, sort=False)
        result = ddf.map_partitions(
            clean_partition, column="text", options=options, n_threads=1, meta=ddf._meta
        ).compute()
    elapsed = time.perf_counter() - start
    print(f"dask map_partitions over {len(frame)} rows, 4 partitions: {elapsed:.2f} s")

    assert set(client.scheduler_info()["workers"]) and len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(result, expected)
    assert result["text"].isna().sum() == frame["text"].isna().sum()
    assert result.loc["story-0037", "text"] == saidwho.clean(
        frame.loc["story-0037", "text"], uncurl_quotes=True
    )


def test_series_accessor_on_workers_with_dask_string_conversion(client):
    frame = make_frame(120)
    ddf = dd.from_pandas(frame, npartitions=3, sort=False)  # text becomes string[pyarrow]
    result = ddf["text"].map_partitions(_clean_series, meta=ddf["text"]._meta).compute()
    assert result.dtype == ddf["text"].dtype  # the accessor keeps the dtype it is given
    expected = frame["text"].saidwho.clean()
    assert list(result.index) == list(expected.index)
    assert result.astype(object).where(result.notna(), None).tolist() == (
        expected.astype(object).where(expected.notna(), None).tolist()
    )


def _clean_series(series: pd.Series) -> pd.Series:
    return series.saidwho.clean(n_threads=1)
