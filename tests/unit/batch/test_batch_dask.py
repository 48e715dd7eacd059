"""The batch on a Dask LocalCluster: same CSV as a local batch, same per-file limits and reasons,
no file lost when a worker dies mid-run; what happens without Dask; fsspec URL inputs."""

from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import replace

import pytest
from test_batch_run import EDITED_SET, SET, STRONG, WEAK, _app, hostile_work, make_folder
from typer.testing import CliRunner

from resume_checker.batch.runner import BatchOptions, run_batch
from resume_checker.batch.worker import check_file
from resume_checker.limits import DEFAULT_LIMITS
from resume_checker.ranking import Status
from resume_checker.render import batch_csv

FAST = BatchOptions(jobs=2, limits=replace(DEFAULT_LIMITS, time_seconds=3.0))


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason='pip install "resume-checker[dask]"')
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster


def slow_work(state, task):
    """The real work, a little slower, so a worker can be killed while files are pending."""
    time.sleep(0.25)
    return check_file(state, task)


def test_dask_csv_equals_local_byte_for_byte_with_limits_and_two_sets(tmp_path, cluster):
    folder = make_folder(tmp_path)
    local = run_batch([folder], [SET, EDITED_SET], FAST, work=hostile_work)
    seen = []
    dask = run_batch([folder], [SET, EDITED_SET],
                     replace(FAST, scheduler=cluster.scheduler_address),
                     work=hostile_work, on_row=seen.append)
    assert batch_csv.render(dask) == batch_csv.render(local)
    assert len(seen) == 10  # every checked file streamed back (2 skipped are not sent)
    by_file = {r.file.removeprefix("resumes/"): r for r in dask.rows}
    assert by_file["hang.txt"].error == "took longer than 3 s"  # the local batch's words
    assert by_file["crash.txt"].error == "worker crashed (signal 6)"
    assert by_file["strong.txt"].extra_summaries  # scored against the second set too
    assert dask.options["scheduler"] == "remote"


def test_a_worker_killed_mid_run_loses_no_file(tmp_path, cluster):
    from distributed import Client

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(16):
        (folder / f"r{i:02d}.txt").write_text(STRONG if i % 2 else WEAK)
    killed: list[int] = []

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)

        def kill_one(row) -> None:
            if not killed and len(seen) == 2:
                pid = sorted(pids.values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            seen.append(row)

        seen: list = []
        result = run_batch([folder], SET, replace(FAST, scheduler=cluster.scheduler_address),
                           work=slow_work, on_row=kill_one)
        assert killed and killed[0] not in client.run(os.getpid).values()
    assert len(result.ranked) == 16 and result.count(Status.ERROR) == 0
    assert len(seen) == 16
    local = run_batch([folder], SET, FAST)
    assert batch_csv.render(result) == batch_csv.render(local)


def broken_init(config):
    raise RuntimeError("no matcher today")


def test_a_file_that_fails_on_every_try_is_reported_not_dropped(tmp_path, cluster):
    (tmp_path / "a.txt").write_text(STRONG)
    result = run_batch([tmp_path], SET, replace(FAST, scheduler=cluster.scheduler_address),
                       init=broken_init)
    (row,) = result.rows
    assert row.status is Status.ERROR and row.code == "worker_lost"
    assert "no matcher today" in (row.error or "")


def test_scheduler_without_dask_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    (tmp_path / "a.txt").write_text(STRONG)
    result = CliRunner().invoke(_app(), ["batch", str(tmp_path), "--scheduler", "local",
                                         "--no-cache"])
    assert result.exit_code == 2
    assert 'pip install "resume-checker[dask]"' in result.output


def test_file_url_inputs_rank_like_paths(tmp_path):
    pytest.importorskip("fsspec", reason='URL inputs need fsspec (the dask extra)')
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG)
    (folder / "weak.txt").write_text(WEAK)
    (folder / "notes.xls").write_text("x")
    by_url = run_batch([folder.as_uri()], SET, replace(FAST, jobs=1))
    by_path = run_batch([folder], SET, replace(FAST, jobs=1))
    assert [(r.file, r.score) for r in by_url.ranked] == [(r.file, r.score) for r in by_path.ranked]
    assert {r.file: r.status for r in by_url.rows}["in/notes.xls"] is Status.SKIPPED


def test_unknown_url_protocol_is_a_usage_error(tmp_path):
    pytest.importorskip("fsspec")
    result = CliRunner().invoke(_app(), ["batch", "nosuchproto://bucket/x", "--no-cache"])
    assert result.exit_code == 2, result.output
    assert "nosuchproto://bucket/x" in result.output
