"""The Python cleaning API: options, errors, explanations, batches."""

from __future__ import annotations

import os
import pickle
import threading

import pytest

import saidwho

DAMAGED = (
    "Officials said the plan was â\x80\x9cbold but overdueâ\x80\x9d, "
    "and the mayorâ\x80\x99s office agreed."
)
REPAIRED = "Officials said the plan was “bold but overdue”, and the mayor’s office agreed."


def test_clean_repairs_latin1_mojibake_and_keeps_curly_quotes():
    assert saidwho.clean(DAMAGED) == REPAIRED


def test_fix_text_matches_ftfy_defaults_and_straightens_quotes():
    assert saidwho.fix_text(DAMAGED) == REPAIRED.replace("“", '"').replace("”", '"').replace(
        "’", "'"
    )


def test_html_entities_are_decoded():
    assert saidwho.clean("Caf&eacute; owner &ldquo;thrilled&rdquo;") == "Café owner “thrilled”"


def test_options_as_keywords_or_object_agree():
    opts = saidwho.CleanOptions(uncurl_quotes=True)
    assert saidwho.clean(DAMAGED, opts) == saidwho.clean(DAMAGED, uncurl_quotes=True)
    assert saidwho.clean(DAMAGED, options=opts, uncurl_quotes=False) == REPAIRED


def test_options_are_frozen_hashable_and_pickle():
    opts = saidwho.CleanOptions(uncurl_quotes=True, normalization=None)
    assert opts.uncurl_quotes is True
    assert opts.normalization is None
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert hash(opts) == hash(saidwho.CleanOptions(uncurl_quotes=True, normalization=None))
    assert opts.replace(uncurl_quotes=False) == saidwho.CleanOptions(normalization=None)
    with pytest.raises(AttributeError):
        opts.uncurl_quotes = False  # type: ignore[misc]
    assert "uncurl_quotes=True" in repr(opts)


def test_bad_input_raises_clear_errors():
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        saidwho.clean(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        saidwho.clean(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unknown option 'fix_everything'"):
        saidwho.clean("x", fix_everything=True)
    with pytest.raises(TypeError, match="must be True or False"):
        saidwho.clean("x", uncurl_quotes="yes")
    with pytest.raises(ValueError, match="normalization"):
        saidwho.clean("x", normalization="NFX")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or None, not int"):
        saidwho.clean_many(["a", 2])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        saidwho.clean_many("one string")  # type: ignore[arg-type]


def test_surrogate_pairs_are_joined():
    assert saidwho.clean("Fans \ud83c\udf89 cheered") == "Fans 🎉 cheered"
    assert saidwho.clean("lone \ud83c half") == "lone \ufffd half"


def test_explain_lists_fixes_that_replay():
    text = "The caf&eacute;\u2019s owner said \u201cyes\u201d.\r\nNext line\x07."
    cleaned, fixes = saidwho.explain(text)
    assert cleaned == "The café’s owner said “yes”.\nNext line."
    steps = {f.step for f in fixes}
    assert {"unescape_html", "fix_line_breaks", "remove_control_chars"} <= steps
    html_fix = next(f for f in fixes if f.step == "unescape_html")
    assert (html_fix.before, html_fix.after) == ("&eacute;", "é")
    assert text[html_fix.start : html_fix.end] == "&eacute;"
    assert html_fix.to_dict()["step"] == "unescape_html"
    assert saidwho.replay(text, fixes) == cleaned
    with pytest.raises(saidwho.ReplayError):
        saidwho.replay("A different text entirely, with nothing in place.", fixes)


def test_clean_many_keeps_order_and_missing_values():
    texts = [DAMAGED, None, "plain", "caf&eacute;"] * 3000
    out = saidwho.clean_many(texts, n_threads=2)
    assert len(out) == len(texts)
    assert out[:4] == [REPAIRED, None, "plain", "café"]
    assert out == [saidwho.clean(t) if t is not None else None for t in texts]
    seen: list[int] = []
    saidwho.clean_many(texts, progress=seen.append)
    assert sum(seen) == len(texts)


def test_thread_count_honours_argument_and_environment(monkeypatch):
    assert saidwho.thread_count(3) == 3
    monkeypatch.setenv("SAIDWHO_NUM_THREADS", "1")
    assert saidwho.thread_count() == 1
    assert saidwho.clean_many(["caf&eacute;"]) == ["café"]


def test_gil_is_released_during_batches():
    big = [DAMAGED * 50] * 4000
    ticks = 0
    done = threading.Event()

    def ticker():
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=ticker)
    t.start()
    saidwho.clean_many(big, n_threads=1)
    done.set()
    t.join()
    assert ticks > 100


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_fork_after_parallel_work_does_not_hang():
    saidwho.clean_many(["caf&eacute;"] * 100, n_threads=2)
    pid = os.fork()
    if pid == 0:  # child: a parallel call must complete
        try:
            ok = saidwho.clean_many(["caf&eacute;"] * 100, n_threads=2) == ["café"] * 100
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    deadline_ok = False
    for _ in range(200):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            deadline_ok = True
            assert os.waitstatus_to_exitcode(status) == 0
            break
        threading.Event().wait(0.05)
    if not deadline_ok:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("child process hung in a parallel call after fork")


def test_ctrl_c_stops_a_long_batch_within_one_chunk():
    """Ctrl-C during a batch raises KeyboardInterrupt at the next chunk boundary. Synchronised
    on what the batch has done, never on time: the signal is sent once the first chunk has been
    reported, and the batch must stop before reporting more than one further chunk, however
    slow the machine."""
    import signal

    # Short documents, so a chunk (2,048 of them) is quick even in a debug build on a busy
    # machine; 100 chunks in all: minutes of work if it were not interrupted.
    docs = ["Officials said the plan was âbold but overdueâ, and the mayorâs office agreed. " * 4]
    docs = docs * 204_800
    reported: list[int] = []
    first_chunk = threading.Event()
    sent = threading.Event()
    after_signal: list[int] = []

    def progress(n: int) -> None:
        (after_signal if sent.is_set() else reported).append(n)
        first_chunk.set()

    def interrupt() -> None:
        first_chunk.wait()
        os.kill(os.getpid(), signal.SIGINT)
        sent.set()

    # Python's Ctrl-C handler, even when the test runs where SIGINT is ignored (a background
    # job of a non-interactive shell, as in CI, starts with SIGINT ignored).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    sender = threading.Thread(target=interrupt, daemon=True)
    sender.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            saidwho.quotes_many(docs, n_threads=1, progress=progress)
    finally:
        sender.join()
        signal.signal(signal.SIGINT, previous)
    assert reported, "the batch never reported a chunk"
    assert len(after_signal) <= 1, f"{len(after_signal)} chunks ran after Ctrl-C"
    assert sum(reported) + sum(after_signal) < len(docs)
