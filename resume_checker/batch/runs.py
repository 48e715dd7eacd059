"""Compare a batch with an earlier run: who entered or left the top K or the pass line, who moved.

Files are matched by their path as given (relative to the folder), so an edited resume keeps its
identity; a file present in only one run is "new" or "gone".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from resume_checker.batch.cache import RunRecord

MAX_MOVES = 10


@dataclass(frozen=True, slots=True)
class Move:
    file: str
    before: int
    after: int

    @property
    def change(self) -> int:
        """Positive when the file moved up."""
        return self.before - self.after


@dataclass(frozen=True, slots=True)
class Comparison:
    previous_id: str
    previous_set_hash: str
    same_set: bool
    top: int
    entered_top: tuple[str, ...]
    left_top: tuple[str, ...]
    now_passing: tuple[str, ...]
    no_longer_passing: tuple[str, ...]
    moves: tuple[Move, ...]          # largest rank changes first
    new: tuple[str, ...]
    gone: tuple[str, ...]


def compare(
    current: RunRecord,
    previous: RunRecord,
    *,
    top: int = 10,
    pass_score: float | None = None,
    labels: Mapping[str, str] | None = None,
) -> Comparison:
    """What changed from ``previous`` to ``current``; ``labels`` maps paths to shown names."""
    show = (lambda f: labels.get(f, f)) if labels else (lambda f: f)
    now, before = _by_file(current), _by_file(previous)
    top_now = {f for f, e in now.items() if e["rank"] is not None and e["rank"] <= top}
    top_before = {f for f, e in before.items() if e["rank"] is not None and e["rank"] <= top}
    pass_now = {f for f, e in now.items() if _passes(e, pass_score)}
    pass_before = {f for f, e in before.items() if _passes(e, pass_score)}
    both = [f for f in now if f in before and now[f]["rank"] and before[f]["rank"]]
    moves = sorted(
        (Move(show(f), before[f]["rank"], now[f]["rank"]) for f in both
         if before[f]["rank"] != now[f]["rank"]),
        key=lambda m: (-abs(m.change), m.after),
    )[:MAX_MOVES]

    return Comparison(
        previous_id=previous.id,
        previous_set_hash=previous.set_hash,
        same_set=previous.set_hash == current.set_hash,
        top=top,
        entered_top=_ordered(top_now - top_before, now, show),
        left_top=_ordered(top_before - top_now, before, show),
        now_passing=_ordered(pass_now - pass_before, now, show),
        no_longer_passing=_ordered(pass_before - pass_now, before, show),
        moves=tuple(moves),
        new=tuple(sorted(show(f) for f in set(now) - set(before))),
        gone=tuple(sorted(show(f) for f in set(before) - set(now))),
    )


def _by_file(run: RunRecord) -> dict[str, Mapping[str, Any]]:
    return {entry["file"]: entry for entry in run.ranking}


def _passes(entry: Mapping[str, Any], pass_score: float | None) -> bool:
    score = entry.get("score")
    if score is None or entry.get("rank") is None or entry.get("knocked_out"):
        return False
    return pass_score is None or score >= pass_score


def _ordered(files: set[str], ranks: Mapping[str, Mapping[str, Any]], show) -> tuple[str, ...]:
    return tuple(show(f) for f in sorted(files, key=lambda f: (ranks[f]["rank"] or 10**9, f)))
