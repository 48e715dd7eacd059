"""Line clean-up and hyphen joining, as a table."""

import pytest

from resume_checker.documents.normalize import join_broken_words, normalize_line


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ﬁne-tuning with ﬂash attention", "fine-tuning with flash attention"),
        ("ex\ufffeperience", "experience"),
        ("soft\u00adhyphen", "softhyphen"),
        ("Ｐｙｔｏｒｃｈ", "Pytorch"),
        ("a\u00a0b\u2003c  d", "a b c d"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("non\u2011breaking \u2010 hyphens", "non-breaking - hyphens"),
        ("distrib\u00ad", "distrib-"),
        ("", ""),
    ],
)
def test_normalize_line(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["built distrib-", "uted systems"], ["built distributed", "systems"]),
        (["with quanti-", "zation-aware training"], ["with quantization-aware", "training"]),
        (["state-of-the-", "art models"], ["state-of-the-art", "models"]),
        (["Python and C-", "Sharp"], ["Python and C-", "Sharp"]),  # next line starts upper case
        (["a dash -", "then text"], ["a dash -", "then text"]),  # not a broken word
        (["Trans-", "formers"], ["Transformers", ""]),
    ],
)
def test_join_broken_words(lines: list[str], joined: list[str]) -> None:
    assert join_broken_words(lines) == joined
