"""The checked-in samples are exactly what samples/make_samples.py generates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GENERATED = (".pdf", ".docx", ".txt")


def test_samples_are_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SAMPLES / "make_samples.py"), "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    made = sorted(p.name for p in tmp_path.iterdir() if p.suffix in GENERATED)
    shipped = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in GENERATED)
    assert made == shipped
    assert len([n for n in made if n.endswith((".pdf", ".docx"))]) >= 8
    for name in made:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name
