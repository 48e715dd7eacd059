"""The batch cache: parsed documents and their analyses keyed by content hash, file stats, runs.

SQLite (stdlib), one file, created owner-only (0600) because it holds resume text.  Everything is
stored as JSON, never pickle:

* ``documents``: each parsed document under ``sha256(bytes) + parser version``: a second batch
  over the same files skips parsing whatever the keyword set; a new parser version misses.
* ``analyses``: the set-independent half of each check (:mod:`resume_checker.analysis`) for
  one day (ongoing jobs count to that day): re-ranking with an edited set runs only the
  set-dependent half.  Another day's analysis is remade from the cached document.
* ``files``: path, size, modification and change times and inode of each file read, with its
  content hash, as git's index keeps them: a file whose stat is unchanged is taken to hold the
  same bytes, so a re-rank does not even read it.  A file rewritten in place keeping all four
  (which takes deliberate effort) would be missed; ``--no-cache`` or ``cache clear`` rereads all.
* ``runs``: when, which set, and who ranked where, for ``--compare-to``.

Entries not used for ``retention_days`` are purged each time the cache is opened.  A batch
writes what its workers made through a :class:`CacheWriter` (a thread, one chunk at a time).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_checker.batch.codec import SCHEMA, document_from_json, document_to_json
from resume_checker.documents.model import Document
from resume_checker.version import __version__

if TYPE_CHECKING:
    from resume_checker.ranking import FileResult

#: bump when any parser's output changes for the same bytes (cached documents then miss)
PARSER_VERSION = "1"
DEFAULT_RETENTION_DAYS = 30
DAY = 86_400.0
#: keys per ``IN (...)`` list: under SQLite's oldest limit of 999 bound values a statement
_CHUNK = 500
#: a batch writes its new documents and analyses in chunks of this many, not one by one
WRITE_CHUNK = 200
#: the name the writer's thread starts with
WRITER_THREAD = "resume-checker-cache"

#: the table layout; a cache file made with another is emptied of documents, analyses and files
#: (they are only a cache) and laid out anew; recorded runs are kept
LAYOUT = 2
# The small columns come before the body: SQLite reads a row's columns in order, so a column
# after a 20 kB body costs a walk through its overflow pages (retention checks read ``used``).
_TABLES = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL, parser TEXT NOT NULL, created REAL NOT NULL, used REAL NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (sha256, parser));
CREATE INDEX IF NOT EXISTS documents_used ON documents (used);
CREATE TABLE IF NOT EXISTS analyses (
    sha256 TEXT NOT NULL, key TEXT NOT NULL, day TEXT NOT NULL, created REAL NOT NULL,
    used REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (sha256, key, day));
CREATE INDEX IF NOT EXISTS analyses_used ON analyses (used);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, stat TEXT NOT NULL, sha256 TEXT NOT NULL, used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, created REAL NOT NULL, set_id TEXT NOT NULL, set_hash TEXT NOT NULL,
    ranking TEXT NOT NULL);
"""
_OLD_TABLES = ("documents", "analyses", "files")


def parser_key() -> str:
    """The version part of every cache key."""
    return f"{__version__}/{PARSER_VERSION}/{SCHEMA}"


def analysis_key() -> str:
    """The version part of every analysis's key (with the day it is for)."""
    from resume_checker.analysis import ANALYSIS_VERSION
    from resume_checker.batch.codec import ANALYSIS_SCHEMA

    return f"{parser_key()}/{ANALYSIS_SCHEMA}/{ANALYSIS_VERSION}"


def stat_key(st: os.stat_result) -> str:
    """What says a file is unchanged: size, modification and change times, inode."""
    return f"{st.st_size}/{st.st_mtime_ns}/{st.st_ctime_ns}/{st.st_ino}"


def default_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("resume-checker")) / "cache.sqlite3"


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One past batch: when, against which set, and who ranked where."""

    id: str
    created: float
    set_id: str
    set_hash: str
    #: one entry per file: {"file", "sha256", "rank", "score", "band", "knocked_out"};
    #: failed files have no rank
    ranking: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    documents: int
    runs: int
    bytes: int
    oldest: float | None
    analyses: int = 0
    files: int = 0      # files whose content hash is remembered (by path and stat)


class Cache:
    """An open cache file.  Use as a context manager; safe to read from several processes."""

    def __init__(
        self, path: Path, *, retention_days: float | None = DEFAULT_RETENTION_DAYS
    ) -> None:
        self.path = Path(path)
        _create_private(self.path)
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._lay_out()
        self.hits = 0
        self.misses = 0
        if retention_days is not None:
            self.purge(older_than_days=retention_days)

    def _lay_out(self) -> None:
        (layout,) = self._db.execute("PRAGMA user_version").fetchone()
        if layout != LAYOUT:
            with self._transaction():  # another process may have laid it out meanwhile
                (layout,) = self._db.execute("PRAGMA user_version").fetchone()
                for table in _OLD_TABLES if layout != LAYOUT else ():
                    self._db.execute(f"DROP TABLE IF EXISTS {table}")
                self._db.execute(f"PRAGMA user_version = {LAYOUT}")
        self._db.executescript(_TABLES)

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------ documents

    def get_json(self, sha256: str) -> str | None:
        """The cached document text for these bytes, or None."""
        row = self._db.execute(
            "SELECT body FROM documents WHERE sha256 = ? AND parser = ?", (sha256, parser_key())
        ).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return row[0]

    def get(self, sha256: str) -> Document | None:
        body = self.get_json(sha256)
        if body is None:
            return None
        try:
            return document_from_json(body)
        except ValueError:
            return None  # a damaged entry is a miss: the file is parsed again and re-stored

    def put_many(self, entries: Iterable[tuple[str, str]]) -> None:
        """Store (sha256, document JSON) pairs in one transaction."""
        now = time.time()
        rows = [(sha, parser_key(), now, now, body) for sha, body in entries]
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO documents (sha256, parser, created, used, body)"
                " VALUES (?, ?, ?, ?, ?)", rows)

    def put(self, document: Document) -> None:
        self.put_many([(document.sha256, document_to_json(document))])

    def put_analyses(self, day: str, entries: Iterable[tuple[str, str]]) -> None:
        """Store (sha256, analysis JSON) pairs for ``day`` (ISO date) in one transaction."""
        now = time.time()
        key = analysis_key()
        rows = list({sha: (sha, key, day, now, now, body) for sha, body in entries}.values())
        with self._transaction():
            # an analysis for another day (or checks version) is never used again: replace it
            self._db.executemany("DELETE FROM analyses WHERE sha256 = ?", [r[:1] for r in rows])
            self._db.executemany(
                "INSERT INTO analyses (sha256, key, day, created, used, body)"
                " VALUES (?, ?, ?, ?, ?, ?)", rows)

    def get_analysis_json(self, sha256: str, day: str) -> str | None:
        row = self._db.execute(
            "SELECT body FROM analyses WHERE sha256 = ? AND key = ? AND day = ?",
            (sha256, analysis_key(), day),
        ).fetchone()
        return None if row is None else row[0]

    def file_hashes(self) -> dict[str, tuple[str, str]]:
        """Every remembered file: path -> (stat key, sha256)."""
        return {path: (st, sha) for path, st, sha in
                self._db.execute("SELECT path, stat, sha256 FROM files")}

    def remember_files(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """Store (path, stat key, sha256) triples: the content hash of a file as it was read."""
        now = time.time()
        rows = [(path, st, sha, now) for path, st, sha in entries]
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO files (path, stat, sha256, used) VALUES (?, ?, ?, ?)", rows)

    def touch(self, hashes: Iterable[str], paths: Iterable[str] = ()) -> None:
        """Mark documents and analyses (by hash) and remembered files (by path) as used now, so
        retention counts from the last use.  Entries used within the last day are left as they
        are: retention is counted in days, and a re-rank then writes nothing."""
        now = time.time()
        hashes, paths = list(hashes), list(paths)
        with self._transaction():
            for table, column, keys in (("documents", "sha256", hashes),
                                        ("analyses", "sha256", hashes), ("files", "path", paths)):
                for start in range(0, len(keys), _CHUNK):
                    chunk = keys[start : start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    self._db.execute(
                        f"UPDATE {table} SET used = ? WHERE used < ? AND {column} IN ({marks})",
                        (now, now - DAY, *chunk),
                    )

    # ------------------------------------------------------------ runs

    def record_run(self, run: RunRecord) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?)",
                (run.id, run.created, run.set_id, run.set_hash, json.dumps(list(run.ranking))),
            )

    def run(self, ref: str) -> RunRecord | None:
        """A past run by id, or the latest with ``"LAST"``."""
        args: tuple[str, ...] = ()
        sql = "SELECT * FROM runs ORDER BY created DESC LIMIT 1"
        if ref.upper() != "LAST":
            sql, args = "SELECT * FROM runs WHERE id = ?", (ref,)
        row = self._db.execute(sql, args).fetchone()
        if row is None:
            return None
        run_id, created, set_id, set_hash, ranking = row
        return RunRecord(run_id, created, set_id, set_hash, tuple(json.loads(ranking)))

    def runs(self) -> list[tuple[str, float, str]]:
        rows = self._db.execute("SELECT id, created, set_id FROM runs ORDER BY created DESC")
        return [tuple(r) for r in rows]

    # ------------------------------------------------------------ upkeep

    def purge(self, *, older_than_days: float) -> int:
        cutoff = time.time() - older_than_days * DAY
        with self._transaction():
            gone = self._db.execute("DELETE FROM documents WHERE used < ?", (cutoff,)).rowcount
            gone += self._db.execute("DELETE FROM analyses WHERE used < ?", (cutoff,)).rowcount
            gone += self._db.execute("DELETE FROM files WHERE used < ?", (cutoff,)).rowcount
            gone += self._db.execute("DELETE FROM runs WHERE created < ?", (cutoff,)).rowcount
        return gone

    def clear(self) -> None:
        with self._transaction():
            for table in ("documents", "analyses", "files", "runs"):
                self._db.execute(f"DELETE FROM {table}")
        self._db.execute("VACUUM")

    def info(self) -> CacheInfo:
        docs, oldest = self._db.execute("SELECT COUNT(*), MIN(created) FROM documents").fetchone()
        (runs,) = self._db.execute("SELECT COUNT(*) FROM runs").fetchone()
        (analyses,) = self._db.execute("SELECT COUNT(*) FROM analyses").fetchone()
        (files,) = self._db.execute("SELECT COUNT(*) FROM files").fetchone()
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return CacheInfo(self.path, docs, runs, size, oldest, analyses, files)

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _create_private(path: Path) -> None:
    """Create the folder (0700) and the file (0600) before SQLite opens it with the umask's mode."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if (path.stat().st_mode & 0o077) and path.stat().st_uid == os.getuid():
        os.chmod(path, 0o600)


# ------------------------------------------------------------ the batch's writer


class CacheWriter:
    """New documents, analyses and file hashes of a batch, written to the cache in chunks.

    A writer thread with its own connection does the writing (SQLite lets go of the GIL while it
    works), so the parent goes on handing out files: a chunk takes tens of milliseconds, long
    enough for every worker to finish its queued files and wait.  One chunk is written at a time
    and the next waits for it, so memory stays bounded and a write error surfaces in the batch.
    """

    def __init__(self, cache: Cache | None, day: str, known: dict[str, tuple[str, str]]) -> None:
        self.cache = cache
        self.day = day
        self.known = known   # the file hashes the cache holds: only new or changed ones are written
        self.documents: list[tuple[str, str]] = []
        self.analyses: list[tuple[str, str]] = []
        self.files: list[tuple[str, str, str]] = []
        self._thread: ThreadPoolExecutor | None = None
        self._writing: Future[None] | None = None
        self._db: Cache | None = None   # the writer thread's connection

    def add(self, value: FileResult, path: str, stat: str | None) -> None:
        """Keep a checked file's new entries; hand them to the thread once a chunk is full."""
        if self.cache is None:
            return
        if value.document_json:
            self.documents.append((value.sha256, value.document_json))
        if value.analysis_json:
            self.analyses.append((value.sha256, value.analysis_json))
        if stat is not None and self.known.get(path) != (stat, value.sha256):
            self.files.append((path, stat, value.sha256))
        if len(self.documents) + len(self.analyses) >= WRITE_CHUNK:
            self._hand_over()

    def flush(self) -> None:
        """Write what is left and wait for it; raise what the writer raised."""
        if self.cache is not None:
            self._hand_over()
            self._wait()

    def close(self) -> None:
        """Wait for a write under way (not for what was never handed over) and end the thread."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.submit(self._close_db)
            thread.shutdown(wait=True)

    def _hand_over(self) -> None:
        chunk = (self.documents, self.analyses, self.files)
        if not any(chunk):
            return
        self.documents, self.analyses, self.files = [], [], []
        self._wait()
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix=WRITER_THREAD)
        self._writing = self._thread.submit(self._write, *chunk)

    def _wait(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.result()

    def _write(self, documents: list[tuple[str, str]], analyses: list[tuple[str, str]],
               files: list[tuple[str, str, str]]) -> None:
        assert self.cache is not None
        if self._db is None:
            self._db = Cache(self.cache.path, retention_days=None)
        if documents:
            self._db.put_many(documents)
        if analyses:
            self._db.put_analyses(self.day, analyses)
        if files:
            self._db.remember_files(files)

    def _close_db(self) -> None:
        if self._db is not None:
            self._db.close()
