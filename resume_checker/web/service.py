"""The web's use of the library: check one upload, and run batches in the background.

Routes call these and only render.  A check parses in an isolated worker and returns the report
with the document (for the ATS view) and the findings; nothing is stored.  A batch keeps its
uploaded bytes in memory (never on disk beyond the run's private temporary folder) so it can be
re-ranked with an edited set; it is forgotten after ``job_ttl_seconds`` or when newer batches
push it out.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from resume_checker.api import check_against_job_ad, check_document
from resume_checker.batch.cache import RunRecord
from resume_checker.batch.runner import BatchOptions, run_batch, run_record
from resume_checker.batch.runs import Comparison, compare
from resume_checker.checks.model import Findings
from resume_checker.documents.model import Document
from resume_checker.errors import KeywordSetError, LimitExceededError, ResumeCheckerError
from resume_checker.keywords.loader import load_keyword_set
from resume_checker.keywords.model import KeywordSet
from resume_checker.ranking import BatchResult, BatchRow
from resume_checker.report import Report
from resume_checker.web.isolate import parse_isolated
from resume_checker.web.uploads import Upload, UploadLimits

JOB_AD_SOURCE = "pasted job ad"


@dataclass(frozen=True)
class CheckResult:
    report: Report
    document: Document
    findings: Findings | None = None      # the report's findings, for the ATS view


def keyword_set_for(set_id: str | None) -> KeywordSet:
    """A bundled or saved set chosen in a form by its id (never a path)."""
    if not set_id or "/" in set_id or "\\" in set_id or set_id.lower().endswith((".yaml", ".yml")):
        raise ResumeCheckerError("choose a keyword set by its id, or paste a job ad")
    return load_keyword_set(set_id)


def keyword_set_by_id(set_id: str) -> KeywordSet:
    """The set a URL names; only ids reach the loader from a URL, never paths."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", set_id):
        raise KeywordSetError(f"'{set_id[:80]}' is not a keyword-set id")
    return load_keyword_set(set_id)


def check_upload(
    upload: Upload,
    limits: UploadLimits,
    *,
    set_id: str | None = None,
    job_ad: str | None = None,
    ats_mode: str = "normal",
) -> CheckResult:
    """Check one upload against a pasted job ad, when there is one, else the set ``set_id``;
    ``ats_mode="exact"`` adds the exact-string ATS score beside the normal one.

    The file is parsed in a worker; matching, scoring and the ATS checks run here.
    """
    def parse() -> Document:
        return parse_isolated(upload.data, upload.name, limits.files)

    if job_ad and job_ad.strip():
        return _check_against_job_ad(parse, job_ad, limits, ats_mode)
    kwset = keyword_set_for(set_id)
    document = parse()
    report = check_document(document, kwset, ats_mode=ats_mode)
    return CheckResult(report, document, findings_of(report))


def _check_against_job_ad(
    parse: Callable[[], Document], job_ad: str, limits: UploadLimits, ats_mode: str = "normal"
) -> CheckResult:
    if len(job_ad) > limits.max_job_ad_chars:
        raise LimitExceededError(
            f"the job ad has {len(job_ad)} characters, over {limits.max_job_ad_chars}",
            source=JOB_AD_SOURCE,
        )
    parsed: list[Document] = []  # the page's ATS view needs the document as well as the report

    def parse_and_keep() -> Document:
        parsed.append(parse())
        return parsed[0]

    # The report holds the ad beside the resume and the content similarity, so the page, the
    # JSON and every download show what ``check --jd`` shows.
    report = check_against_job_ad(parse_and_keep, job_ad, source=JOB_AD_SOURCE,
                                  ats_mode=ats_mode)
    return CheckResult(report, parsed[0], findings_of(report))


def findings_of(report: Report) -> Findings | None:
    """The findings ``check_document`` already ran, for the ATS view (running the checks again
    would cost more than the matching)."""
    if report.structure is None:
        return None
    return Findings(items=report.findings, structure=report.structure)


# --------------------------------------------------------------------------- batches


@dataclass
class BatchJob:
    """One batch run: progress while it runs, the result (and the uploads, for re-ranking)."""

    id: str
    uploads: tuple[Upload, ...]
    kwset: KeywordSet
    created: float = field(default_factory=time.monotonic)
    total: int = 0
    done: int = 0
    result: BatchResult | None = None
    error: str | None = None
    previous: str | None = None           # the job this one re-ranks
    comparison: Comparison | None = None

    @property
    def finished(self) -> bool:
        return self.result is not None or self.error is not None

    def row(self, number: int) -> BatchRow | None:
        if self.result is None:
            return None
        return next((r for r in self.result.rows if r.number == number), None)


class JobStore:
    """In-memory, per-process, bounded: the newest ``max_jobs_kept`` batches, each for a TTL."""

    def __init__(self, limits: UploadLimits) -> None:
        self.limits = limits
        self._jobs: OrderedDict[str, BatchJob] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, job_id: str) -> BatchJob | None:
        with self._lock:
            self._expire()
            return self._jobs.get(job_id)

    def latest(self) -> BatchJob | None:
        with self._lock:
            self._expire()
            done = [j for j in self._jobs.values() if j.result is not None]
            return done[-1] if done else None

    def start(
        self, uploads: list[Upload], kwset: KeywordSet, *, previous: BatchJob | None = None
    ) -> BatchJob:
        job = BatchJob(secrets.token_urlsafe(12), tuple(uploads), kwset, total=len(uploads),
                       previous=previous.id if previous else None)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self.limits.max_jobs_kept:
                self._jobs.popitem(last=False)
        prior = previous.result if previous else None
        threading.Thread(target=_run, args=(job, self.limits, prior), daemon=True).start()
        return job

    def _expire(self) -> None:
        now = time.monotonic()
        for job_id in [k for k, j in self._jobs.items()
                       if now - j.created > self.limits.job_ttl_seconds]:
            del self._jobs[job_id]


def _run(job: BatchJob, limits: UploadLimits, prior: BatchResult | None) -> None:
    try:
        job.result = run_uploads(job, limits)
        if prior is not None:
            job.comparison = compare(_record(job.result), _record(prior),
                                     pass_score=job.result.pass_score)
    except ResumeCheckerError as exc:
        job.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - shown on the batch page instead of a dead thread
        job.error = f"the batch stopped: {type(exc).__name__}"


def run_uploads(job: BatchJob, limits: UploadLimits) -> BatchResult:
    """Write the uploads to a private temporary folder under numbered names, run the batch,
    delete the folder, and put the uploads' labels back on the rows."""
    labels: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="resume-checker-web-") as folder:
        for number, upload in enumerate(job.uploads, 1):
            disk = f"{number:04d}{_suffix(upload.name)}"
            labels[disk] = upload.name
            (Path(folder) / disk).write_bytes(upload.data)

        def on_row(_row: BatchRow) -> None:
            job.done += 1

        options = BatchOptions(limits=limits.files, want_json=True)
        result = run_batch([folder], job.kwset, options,
                           on_start=lambda n: setattr(job, "total", n), on_row=on_row)
    rows = tuple(
        dataclasses.replace(r, file=_label(labels, r.file), path=_label(labels, r.path))
        for r in result.rows
    )
    for row in rows:
        if row.report_json and isinstance(row.report_json.get("document"), dict):
            row.report_json["document"]["source"] = row.file
    return dataclasses.replace(result, rows=rows)


def _label(labels: dict[str, str], shown: str) -> str:
    return labels.get(Path(shown).name, "(unnamed file)")


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix[1:].isalnum() and len(suffix) <= 9 else ""


def _record(result: BatchResult) -> RunRecord:
    return run_record(result)
