"""Run a batch's per-file work on a Dask cluster, with the same limits and reasons as a local batch.

Why a sandbox process inside each Dask worker: a Dask worker's memory limit covers the whole worker
(it pauses, spills, then restarts it, losing every task on it), not one file, and a time limit does
not exist at all; a native crash in a PDF library would kill the worker with every task it holds.
So each Dask worker keeps one long-lived sandbox worker per worker thread
(:class:`resume_checker.sandbox.worker.Worker`: address-space limit, deadline, crash detection)
and sends it one file at a time.  A file that runs over, eats memory or crashes fails alone, with
the very reason strings of a local batch, and the child is replaced.  The child compiles the
keyword sets once and keeps them for every file.

The configuration (keyword sets, limits, the work functions) travels once per worker, in a
:class:`distributed.WorkerPlugin` named for the batch; tasks carry only the files' paths.  Results
come back in completion order (``as_completed``), a task being a few files (up to
:data:`MAX_CHUNK`, fewer on small batches) so that Dask's per-task cost is shared.  A Dask
worker that dies mid-batch loses no file: the scheduler reruns its tasks elsewhere
(``distributed.scheduler.allowed-failures``, plus ``retries`` for errors), and a file that still
cannot be done is reported ("lost on the Dask cluster ..."), not dropped.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.connection import wait
from typing import Any

from resume_checker.errors import ResumeCheckerError
from resume_checker.sandbox.worker import Outcome, PoolLimits, Worker, clip, context

try:
    from distributed import WorkerPlugin
except ImportError:  # without Dask: run_dask says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

INSTALL_HINT = 'pip install "resume-checker[dask]"'
#: reruns of a task whose code raised (a lost worker is rescheduled by the scheduler itself)
RETRIES = 2
#: files per Dask task at most: one scheduler round trip and one gather per few files, not each
MAX_CHUNK = 8
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "200ms",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskUnavailableError(ResumeCheckerError):
    """``--scheduler`` was asked for but dask[distributed] is not installed."""

    code = "usage"


def require_dask() -> None:
    """Raise :class:`DaskUnavailableError` (with the install command) when Dask is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailableError(
            f"--scheduler needs Dask, which is not installed: {INSTALL_HINT}"
        ) from None


def run_dask(
    tasks: Sequence[Any],
    *,
    init: Callable[[Any], Any],
    work: Callable[[Any, Any], Any],
    config: Any,
    scheduler: str,
    jobs: int | None = None,
    limits: PoolLimits,
    preload: tuple[str, ...] = (),
) -> Iterator[Outcome[Any]]:
    """Like :func:`resume_checker.sandbox.pool.run_pool`, on ``scheduler`` ("local" or
    ``tcp://host:port``)."""
    require_dask()
    if not tasks:
        return
    from distributed import as_completed

    with _client(scheduler, jobs) as client:
        plugin = SandboxPlugin(init, work, config, limits, preload)
        client.register_plugin(plugin, name=plugin.name)
        try:
            threads = sum(client.nthreads().values()) or 1
            chunks = _chunks(list(enumerate(tasks)), threads)
            futures = {
                client.submit(_run_chunk, plugin.name, chunk, key=f"{plugin.name}-{n}",
                              retries=RETRIES, pure=False): chunk
                for n, chunk in enumerate(chunks)
            }
            done = as_completed(futures, loop=client.loop, with_results=True, raise_errors=False)
            for future, value in done:   # results gathered in the background
                yield from _collect(future, value, futures.pop(future))
        finally:
            with suppress(Exception):
                client.unregister_worker_plugin(plugin.name)


def _chunks(items: list[tuple[int, Any]], threads: int) -> list[list[tuple[int, Any]]]:
    """A few files per task (up to MAX_CHUNK), keeping several tasks per thread to balance."""
    size = max(1, min(MAX_CHUNK, len(items) // (threads * 8)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _collect(future, value: Any, chunk: list[tuple[int, Any]]) -> list[Outcome[Any]]:
    future.release()
    if isinstance(value, list):
        return value
    # the task raised (after its retries) or its worker died too often: report, never drop
    exc = value[1] if isinstance(value, tuple) and len(value) == 3 else value
    reason = clip(f"lost on the Dask cluster ({type(exc).__name__}: {exc})")
    return [Outcome(index, task, error=reason, code="worker_lost") for index, task in chunk]


@contextmanager
def _client(scheduler: str, jobs: int | None):
    from distributed import Client

    if scheduler != "local":
        with Client(scheduler, set_as_default=False) as client:
            yield client
        return
    with local_cluster(jobs or mp.cpu_count()) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client


@contextmanager
def local_cluster(workers: int):
    """A LocalCluster for ``--scheduler local``: one thread per worker, no dashboard.

    Housekeeping is slowed down: no statistical profiler (it samples every worker's stacks every
    10 ms, for nobody to read) and slower system/memory monitors and event-loop ticks.  An idle
    2-worker cluster then costs about 0.02 core instead of 0.075 (measured), which is most of
    what Dask adds to a batch on a 2-core machine.  Per-file memory is bounded by the sandbox.
    """
    import dask
    from distributed import LocalCluster

    with dask.config.set(QUIET_CLUSTER):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    with cluster:
        yield cluster


def _run_chunk(name: str, chunk: list[tuple[int, Any]]) -> list[Outcome[Any]]:
    """The Dask task: hand a few files, one by one, to this worker's sandbox."""
    from distributed import get_worker

    plugin = get_worker().plugins[name]
    assert isinstance(plugin, SandboxPlugin)
    return [plugin.run(index, task) for index, task in chunk]


class SandboxPlugin(WorkerPlugin):
    """Per Dask worker: the batch's configuration and its idle sandboxes (one per busy thread)."""

    def __init__(self, init, work, config, limits: PoolLimits, preload: tuple[str, ...]) -> None:
        self.init, self.work, self.config = init, work, config
        self.limits, self.preload = limits, preload
        self.name = f"resume-checker-{uuid.uuid4().hex[:12]}"   # one per batch, never shared
        self._idle: queue.SimpleQueue[_Sandbox] = queue.SimpleQueue()
        self._all: list[_Sandbox] = []

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in
                ("init", "work", "config", "limits", "preload", "name")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._idle = queue.SimpleQueue()
        self._all = []

    def setup(self, worker=None) -> None:
        """Nothing to start yet: a sandbox starts with the first file a thread takes."""

    def teardown(self, worker=None) -> None:
        for sandbox in self._all:
            sandbox.stop()

    def run(self, index: int, task: Any) -> Outcome[Any]:
        try:
            sandbox = self._idle.get_nowait()
        except queue.Empty:
            sandbox = _Sandbox(self)
            self._all.append(sandbox)
        try:
            outcome = sandbox.run(index, task)
        except BaseException:
            sandbox.stop()             # a child that cannot start is not kept for the next file
            self._all.remove(sandbox)
            raise
        self._idle.put(sandbox)
        return outcome


class _Sandbox:
    """One sandbox worker, kept across files; replaced when it dies or runs over."""

    def __init__(self, plugin: SandboxPlugin) -> None:
        self.plugin = plugin
        self.ctx = context(plugin.preload)
        self.child = self._start()

    def _start(self):
        p = self.plugin
        with _children_allowed():
            return Worker.start(self.ctx, p.init, p.work, p.config, p.limits)

    def run(self, index: int, task: Any) -> Outcome[Any]:
        limits = self.plugin.limits
        while not self.child.ready:      # a new child: wait for it to compile the sets
            self._step(limits)
        self.child.assign(index, task)
        while True:
            outcome = self._step(limits)
            if outcome is not None:
                return outcome

    def _step(self, limits: PoolLimits) -> Outcome[Any] | None:
        child = self.child
        deadline = child.deadline(limits.time_seconds)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready = wait([child.conn, child.process.sentinel], timeout)
        outcome, alive = child.poll(ready, limits)
        if not alive:
            child.stop()
            self.child = self._start()
        return outcome

    def stop(self) -> None:
        self.child.stop()


@contextmanager
def _children_allowed():
    """Let a daemonic Dask worker start its sandbox (``distributed.worker.daemon`` is True).

    multiprocessing refuses children to daemonic processes so that none outlive them; a sandbox
    cannot: it exits as soon as its pipe to the worker closes, and is killed on teardown.
    """
    config = mp.current_process()._config  # type: ignore[attr-defined]
    daemon = config.get("daemon")
    config["daemon"] = False
    try:
        yield
    finally:
        if daemon is not None:
            config["daemon"] = daemon
