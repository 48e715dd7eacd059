"""The one memo of what is worked out per keyword set (content hash, matcher, tables)."""

from __future__ import annotations

import pickle

from resume_checker.keywords import per_set as per_set_module
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.keywords.per_set import per_set
from resume_checker.matching import compile_matcher


def make_set(n: int = 0) -> KeywordSet:
    return KeywordSet(
        id=f"s{n}", title=f"Set {n}", categories={"a": Category(title="A")},
        terms=(Term(name=f"term{n}", category="a"),),
    )


def test_a_value_is_worked_out_once_per_set_object() -> None:
    calls: list[str] = []

    @per_set
    def title(kwset: KeywordSet) -> str:
        calls.append(kwset.id)
        return kwset.title.upper()

    first, second = make_set(1), make_set(2)
    assert title(first) == title(first) == "SET 1"
    assert title(second) == "SET 2"
    assert calls == ["s1", "s2"]
    assert title(first.model_copy()) == "SET 1" and calls == ["s1", "s2", "s1"]


def test_the_content_hash_is_computed_once_and_a_copy_gets_its_own() -> None:
    kwset = make_set(3)
    first = kwset.content_hash
    assert kwset.content_hash is first
    assert first == kwset._compute_content_hash()
    edited = kwset.model_copy(update={"title": "Other"})
    assert edited.content_hash == edited._compute_content_hash() != first
    assert kwset.model_copy().content_hash == first
    assert pickle.loads(pickle.dumps(kwset)).content_hash == first
    assert "_content_hash" not in str(kwset.model_dump()) and kwset == make_set(3)


def test_a_recycled_id_never_hands_one_sets_value_to_another() -> None:
    seen = []
    for n in range(50):  # each set dies before the next is made: ids are reused
        kwset = make_set(n)
        seen.append((kwset.content_hash == kwset._compute_content_hash(),
                     compile_matcher(kwset).kwset.terms == kwset.terms))
        del kwset
    assert all(a and b for a, b in seen)


def test_several_sets_in_turn_keep_their_entries() -> None:
    """A batch with several sets (``--set A --set B ...``) asks for each in turn, per resume."""
    calls: list[str] = []

    @per_set
    def size(kwset: KeywordSet) -> int:
        calls.append(kwset.id)
        return len(kwset.terms)

    sets = [make_set(n) for n in range(per_set_module.SIZE - 4)]
    for resume in range(5):
        if resume == 2:  # the first resume may find the table full of earlier sets and empty it
            calls.clear()
        for kwset in sets:
            compile_matcher(kwset)
            assert size(kwset) == 1 and kwset.content_hash
    assert calls == [], "after the first resumes, no set is worked out again"


def test_the_table_is_bounded() -> None:
    """A web server meets a new set per edit: the sets remembered stay few."""
    keep = [make_set(n) for n in range(3 * per_set_module.SIZE)]
    for kwset in keep:
        assert kwset.content_hash
    assert len(per_set_module._TABLE) <= per_set_module.SIZE
