"""The batch's cache writer: chunks written by a thread lose nothing, keep their order, and a
write error reaches the batch instead of vanishing with the thread."""

from __future__ import annotations

import sqlite3
import threading
from types import SimpleNamespace

import pytest

from resume_checker.batch.cache import WRITE_CHUNK, WRITER_THREAD, Cache, CacheWriter

DAY = "2026-03-15"


def _writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(WRITER_THREAD)]


def _value(n: int, *, document: bool = True) -> SimpleNamespace:
    sha = f"{n:064x}"
    return SimpleNamespace(sha256=sha, document_json=f'{{"doc":{n}}}' if document else None,
                           analysis_json=f'{{"analysis":{n}}}')


def test_every_entry_of_several_chunks_is_written(tmp_path):
    path = tmp_path / "cache.sqlite3"
    with Cache(path) as cache:
        writer = CacheWriter(cache, DAY, known={})
        count = 2 * WRITE_CHUNK + 7  # three chunks, the last one partial
        try:
            for n in range(count):
                writer.add(_value(n, document=n % 3 != 0), f"/in/{n}.pdf", f"stat-{n}")
            writer.flush()
        finally:
            writer.close()
        assert _writer_threads() == []
        info = cache.info()
        assert info.analyses == count
        assert info.documents == sum(1 for n in range(count) if n % 3 != 0)
        assert info.files == count
        assert cache.get_json(f"{4:064x}") == '{"doc":4}'
        assert cache.get_analysis_json(f"{3:064x}", DAY) == '{"analysis":3}'
        assert cache.file_hashes()["/in/5.pdf"] == ("stat-5", f"{5:064x}")


def test_the_writing_happens_on_another_thread_while_the_parent_goes_on(tmp_path, monkeypatch):
    threads: list[str] = []
    started, release = threading.Event(), threading.Event()
    real = Cache.put_analyses

    def slow_put(self, day, entries):
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(10)
        return real(self, day, entries)

    monkeypatch.setattr(Cache, "put_analyses", slow_put)
    with Cache(tmp_path / "cache.sqlite3") as cache:
        writer = CacheWriter(cache, DAY, known={})
        try:
            for n in range(WRITE_CHUNK):   # one full chunk: handed to the thread
                writer.add(_value(n, document=False), f"/in/{n}.pdf", None)
            # the parent is back here while the write is held up on the writer thread
            assert started.wait(10)
            assert threads[0] != threading.current_thread().name
            assert not writer.analyses  # the chunk was handed over
            release.set()
            writer.flush()
        finally:
            release.set()
            writer.close()
        assert cache.info().analyses == WRITE_CHUNK


def test_a_write_error_surfaces_in_the_batch(tmp_path, monkeypatch):
    def broken(self, entries):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Cache, "put_many", broken)
    with Cache(tmp_path / "cache.sqlite3") as cache:
        writer = CacheWriter(cache, DAY, known={})
        try:
            writer.add(_value(1), "/in/1.pdf", None)
            with pytest.raises(sqlite3.OperationalError, match="disk is full"):
                writer.flush()
        finally:
            writer.close()


def test_no_cache_starts_no_thread():
    writer = CacheWriter(None, DAY, known={})
    writer.add(_value(1), "/in/1.pdf", "stat")
    writer.flush()
    writer.close()
    assert _writer_threads() == [] and not writer.documents
