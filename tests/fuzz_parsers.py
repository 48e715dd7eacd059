"""Mutation fuzzing of the parsers: mutated sample bytes into ``parse_document``.

Only our :class:`ResumeCheckerError` subclasses may escape; anything else (a ``KeyError`` in a
parser, a ``RecursionError``, a ``MemoryError``, a hang past the per-file time limit) is a bug,
and the input that caused it is written to ``--out`` for a regression test.  Seeds are generated
by ``tests/hostile/corpus.py`` (PDF, DOCX, text); DOCX seeds are also mutated inside their XML
parts and re-zipped, so the mutations reach the XML walker and not only the ZIP checks.

    python tests/fuzz_parsers.py --seconds 600          # what `make fuzz` runs
    FUZZ_SECONDS=20 python tests/fuzz_parsers.py        # a short run

Every input is parsed in a forked child with memory and time limits (as `check` parses), so a
memory bomb or a native crash costs one input; the input being parsed is in ``--out/last.bin``.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "hostile"))

import corpus  # noqa: E402

from resume_checker.documents import parse_document  # noqa: E402

# the parsers are imported once here, not again in every forked child
from resume_checker.documents.docx import reader as _docx  # noqa: E402, F401
from resume_checker.documents.isolated import parse_document_isolated  # noqa: E402
from resume_checker.documents.pdf import reader as _pdf  # noqa: E402, F401
from resume_checker.errors import ResumeCheckerError  # noqa: E402
from resume_checker.limits import Limits  # noqa: E402

# Small limits keep every input cheap, so a run tries many of them.  Each input is parsed in a
# forked child (as `check` does) so a memory bomb costs that input, not the fuzzer.
LIMITS = Limits(max_pages=5, max_chars=50_000, max_inflated_bytes=32 << 20, memory_mb=384,
                time_seconds=10)
SLOW_SECONDS = Limits().time_seconds


def seeds() -> list[bytes]:
    """Small valid and almost-valid files of every format."""
    return [
        corpus.text_pdf(),
        corpus.encrypted_pdf("", "owner"),
        corpus.form_cycle_pdf(),
        corpus.image_only_pdf(),
        corpus.self_prev_pdf(),
        corpus.nested_arrays_pdf(depth=300),
        corpus.many_pages_pdf(pages=8),
        corpus.inflating_pdf(inflated_mb=1),
        corpus.resume_docx(),
        corpus.remote_template_docx(),
        corpus.billion_laughs_docx(),
        corpus.RESUME.encode(),
        corpus.INJECTION.encode("utf-16"),
        ("Résumé – " + corpus.RESUME).encode("cp1252"),
    ]


def _flip(rng: random.Random, data: bytearray) -> None:
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)


def _interesting(rng: random.Random, data: bytearray) -> None:
    values = [b"\x00", b"\xff", b"(", b")", b"<<", b">>", b"[", b"]", b" R", b"obj", b"endobj",
              b"stream", b"-1", b"999999999", b"/Prev 0", b"<", b"&", b"]]>", b"\xc3"]
    at = rng.randrange(len(data) + 1)
    data[at:at] = rng.choice(values)


def _cut(rng: random.Random, data: bytearray) -> None:
    start = rng.randrange(len(data))
    del data[start:start + rng.randint(1, 64)]


def _repeat(rng: random.Random, data: bytearray) -> None:
    start = rng.randrange(len(data))
    chunk = data[start:start + rng.randint(1, 32)]
    data[start:start] = chunk * rng.randint(2, 50)


def _truncate(rng: random.Random, data: bytearray) -> None:
    del data[rng.randrange(1, len(data) + 1):]


MUTATIONS: tuple[Callable[[random.Random, bytearray], None], ...] = (
    _flip, _interesting, _cut, _repeat, _truncate,
)


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random byte-level mutations; DOCX seeds are sometimes mutated part by part."""
    if data.startswith(b"PK") and rng.random() < 0.6:
        return _mutate_zip_parts(rng, data)
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        rng.choice(MUTATIONS)(rng, out)
    return bytes(out)


def _mutate_zip_parts(rng: random.Random, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    name = rng.choice([n for n in parts if n.endswith((".xml", ".rels"))] or list(parts))
    part = bytearray(parts[name])
    for _ in range(rng.randint(1, 3)):
        if part:
            rng.choice(MUTATIONS)(rng, part)
    parts[name] = bytes(part)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for part_name, content in parts.items():
            zf.writestr(part_name, content)
    return buf.getvalue()


@dataclass
class Result:
    runs: int = 0
    refused: int = 0
    failures: list[tuple[str, Path]] = field(default_factory=list)
    slow: list[tuple[float, Path]] = field(default_factory=list)


def run(seconds: float, *, seed: int, out: Path | None = None, isolated: bool = True) -> Result:
    """Fuzz for ``seconds``; failures (and slow inputs) are written to ``out`` when given."""
    parse = parse_document_isolated if isolated else parse_document
    rng = random.Random(seed)
    pool = seeds()
    result = Result()
    deadline = time.monotonic() + seconds
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool))
        if out is not None and len(data) < 4 << 20:
            (out / "last.bin").write_bytes(data)
        started = time.monotonic()
        try:
            parse(data, filename="fuzz", limits=LIMITS)
        except ResumeCheckerError as exc:
            result.refused += 1
            if "crashed" in str(exc):  # a native crash (signal 11...) is a finding too
                result.failures.append((str(exc), _save(out, "crash", result.runs, data)))
        except BaseException as exc:  # noqa: BLE001 - that is what a fuzzer looks for
            if isinstance(exc, KeyboardInterrupt):
                raise
            saved = _save(out, "fail", result.runs, data)
            result.failures.append(("".join(traceback.format_exception_only(exc)).strip(), saved))
        elapsed = time.monotonic() - started
        if elapsed > SLOW_SECONDS:
            result.slow.append((elapsed, _save(out, "slow", result.runs, data)))
        result.runs += 1
    return result


def _save(out: Path | None, kind: str, n: int, data: bytes) -> Path:
    folder = out or Path(os.environ.get("TMPDIR", "/tmp"))
    path = folder / f"{kind}-{n:07d}.bin"
    path.write_bytes(data)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float,
                        default=float(os.environ.get("FUZZ_SECONDS", "20")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "0")))
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    result = run(args.seconds, seed=args.seed, out=args.out)
    print(f"{result.runs} inputs in {args.seconds:g} s (seed {args.seed}): "
          f"{result.refused} refused with a reason, {len(result.failures)} failures, "
          f"{len(result.slow)} slower than {SLOW_SECONDS:g} s")
    for message, path in result.failures[:20]:
        print(f"FAIL {path}: {message}")
    for elapsed, path in result.slow[:20]:
        print(f"SLOW {path}: {elapsed:.1f} s")
    return 1 if result.failures or result.slow else 0


if __name__ == "__main__":
    sys.exit(main())
