"""What an exact-string ATS search would find: each hit's variant kind, the term's exactness, and
whether a term the set spells as an acronym and in full is written both ways."""

from __future__ import annotations

import pytest
from test_matching import doc, kwset

from resume_checker.keywords.model import Term
from resume_checker.matching import compile_matcher
from resume_checker.matching.exactness import (
    ACRONYM,
    HYPHEN_SPACE,
    LINE_BREAK,
    LOOKALIKE,
    PLURAL,
    POSSESSIVE,
    VARIANT_KINDS,
    VARIANT_LABELS,
    spells,
    term_forms,
    variant_kind,
)


def T(name: str, *aliases: str, case_sensitive: bool = False) -> Term:
    return Term(name=name, category="s", aliases=aliases, case_sensitive=case_sensitive)


SET = kwset(
    T("CNN"), T("PyTorch"), T("pre-trained"), T("machine learning"), T("Mixture of experts"),
    T("Natural language processing", "NLP"), T("Go", case_sensitive=True), T("GPU"),
    T("Transformers"), T("scikit-learn"), T("Large language models", "LLM", "LLMs"),
    T("Reinforcement learning from human feedback"),
)

KINDS = [
    # (id, lines, term, the kinds of its evidence in order, exact)
    ("exact", ["Trained a CNN"], "CNN", [None], True),
    ("exact-case-folded", ["pytorch and PYTORCH"], "PyTorch", [None, None], True),
    ("exact-case-sensitive", ["Services in Go"], "Go", [None], True),
    ("exact-hyphen-bounded", ["PyTorch-based trainer"], "PyTorch", [None], True),
    ("exact-double-space", ["machine  learning"], "machine learning", [None], True),
    ("exact-symbols", ["scikit-learn, pandas"], "scikit-learn", [None], True),
    ("plural", ["Trained CNNs"], "CNN", [PLURAL], False),
    ("singular-of-plural-term", ["a Transformer encoder"], "Transformers", [PLURAL], False),
    ("possessive", ["PyTorch's autograd"], "PyTorch", [POSSESSIVE], False),
    ("possessive-curly", ["PyTorch\u2019s autograd"], "PyTorch", [POSSESSIVE], False),
    ("plural-possessive", ["the GPUs' memory"], "GPU", [PLURAL], False),
    ("joined", ["pretrained models"], "pre-trained", [HYPHEN_SPACE], False),
    ("spaced", ["pre trained models"], "pre-trained", [HYPHEN_SPACE], False),
    ("hyphenated-phrase", ["a Mixture-of-Experts router"], "Mixture of experts",
     [HYPHEN_SPACE], False),
    ("spaced-symbol", ["scikit learn"], "scikit-learn", [HYPHEN_SPACE], False),
    ("line-break", ["Five years of machine", "learning in production"], "machine learning",
     [LINE_BREAK], False),
    ("defined-acronym", ["Built a Mixture of Experts (MoE) model. Scaled MoE layers."],
     "Mixture of experts", [None, ACRONYM], True),
    ("defined-acronym-only", ["Built a Mixture of", "Experts (MoE) model; MoE layers"],
     "Mixture of experts", [LINE_BREAK, ACRONYM], False),
    ("one-exact-is-enough", ["CNNs, and one CNN"], "CNN", [PLURAL, None], True),
    # Cyrillic "\u043e" and "\u0421" read as Latin o and C: the file holds another string
    ("lookalike", ["Trained models in PyT\u043erch"], "PyTorch", [LOOKALIKE], False),
    ("lookalike-beside-exact", ["PyT\u043erch, then PyTorch"], "PyTorch", [LOOKALIKE, None],
     True),
    ("exact-beside-lookalike", ["PyTorch, then PyT\u043erch"], "PyTorch", [None, LOOKALIKE],
     True),
    ("exact-on-a-line-with-lookalikes", ["A \u0421NN in PyTorch"], "PyTorch", [None], True),
    ("lookalike-other-word", ["A \u0421NN in PyTorch"], "CNN", [LOOKALIKE], False),
    ("lookalike-wins-over-plural", ["Trained \u0421NNs"], "CNN", [LOOKALIKE], False),
    ("lookalike-wins-over-possessive", ["PyT\u043erch's autograd"], "PyTorch", [LOOKALIKE],
     False),
    ("lookalike-in-a-phrase", ["machine le\u0430rning"], "machine learning", [LOOKALIKE],
     False),
    ("lookalike-on-a-later-line", ["Summary", "Built PyTorch tools", "Skills",
                                   "GPU, PyT\u043erch"], "PyTorch", [None, LOOKALIKE], True),
]


@pytest.mark.parametrize(("lines", "term", "kinds", "exact"), [c[1:] for c in KINDS],
                         ids=[c[0] for c in KINDS])
def test_variant_kinds(lines: list[str], term: str, kinds: list, exact: bool) -> None:
    match = compile_matcher(SET).match(doc(*lines)).get(term)
    assert match is not None, f"{term!r} not found in {lines!r}"
    assert [e.variant for e in match.evidence] == kinds
    assert match.exact is exact
    assert match.variants == tuple(k for k in VARIANT_KINDS if k in kinds)


def test_every_kind_has_a_label() -> None:
    assert set(VARIANT_LABELS) == set(VARIANT_KINDS)
    assert VARIANT_KINDS == (PLURAL, POSSESSIVE, HYPHEN_SPACE, LINE_BREAK, ACRONYM, LOOKALIKE)


def test_a_lookalike_hit_is_not_found_by_an_exact_search() -> None:
    result = compile_matcher(SET).match(doc("PyT\u043erch and CNN"))
    assert {m.term for m in result.matched} == {"PyTorch", "CNN"}
    assert {m.term for m in result.exact_only().matched} == {"CNN"}


def test_a_variant_beside_an_exact_spelling_at_the_same_place_is_exact() -> None:
    # "LLMs" is listed as written, and is also the plural of the listed "LLM"
    match = compile_matcher(SET).match(doc("Fine-tuned LLMs")).get("Large language models")
    assert match is not None and match.exact and match.variants == ()


def test_exactness_counts_occurrences_beyond_the_evidence_kept() -> None:
    text = ", ".join(["CNNs"] * 6 + ["CNN"])
    match = compile_matcher(SET).match(doc(text)).get("CNN")
    assert match is not None and match.count == 7 and len(match.evidence) == 5
    assert all(e.variant == PLURAL for e in match.evidence)
    assert match.exact


def test_exact_only_keeps_the_terms_with_an_exact_hit() -> None:
    result = compile_matcher(SET).match(doc("CNNs in PyTorch; GPU clusters"))
    assert {m.term for m in result.matched} == {"CNN", "PyTorch", "GPU"}
    assert {m.term for m in result.exact_only().matched} == {"PyTorch", "GPU"}


@pytest.mark.parametrize(
    ("lines", "acronym_written", "full_written"),
    [
        (["NLP pipelines"], True, False),
        (["natural language processing at scale"], False, True),
        (["NLP and natural language processing"], True, True),
        (["Natural Language Processing (NLP) pipelines"], True, True),
    ],
    ids=["acronym-only", "full-only", "both", "defined"],
)
def test_acronym_and_full_form(lines: list[str], acronym_written: bool,
                               full_written: bool) -> None:
    match = compile_matcher(SET).match(doc(*lines)).get("Natural language processing")
    assert match is not None and match.forms is not None
    assert (match.forms.acronym, match.forms.full) == ("NLP", "Natural language processing")
    assert match.forms.acronym_written is acronym_written
    assert match.forms.full_written is full_written
    assert match.forms.both is (acronym_written and full_written)


def test_a_defined_acronym_counts_as_writing_it() -> None:
    one = kwset(T("Mixture of experts", "MoE"))
    match = compile_matcher(one).match(doc("MoE (Mixture of Experts) layers; MoE")).get(
        "Mixture of experts")
    assert match is not None and match.forms is not None and match.forms.both


def test_a_term_without_both_forms_has_no_forms() -> None:
    result = compile_matcher(SET).match(doc("CNN and PyTorch"))
    assert all(m.forms is None for m in result.matched)


@pytest.mark.parametrize(
    ("acronym", "full", "pair"),
    [
        ("NLP", "natural language processing", True),
        ("MoE", "Mixture of Experts", True),
        ("RLHF", "Reinforcement learning from human feedback", True),
        ("GenAI", "Generative AI", True),
        ("LLMs", "Large language models", True),
        ("RAG", "Retrieval-augmented generation", True),
        ("MSc", "Master of Science", True),
        ("GCP", "Google Cloud", False),
        ("DNN", "Deep learning", False),
        ("MLOps", "ML Ops", False),          # the same letters spaced, not a full form
        ("M.S.", "Master's in", False),      # "S." is no plural
        ("OSS", "Open source", False),       # a capital S is a letter, not a plural
        ("CNN", "convolutional", False),     # one word
    ],
)
def test_spells(acronym: str, full: str, pair: bool) -> None:
    assert spells(acronym, full) is pair


def test_term_forms_names_the_first_acronym_and_full_form() -> None:
    forms = term_forms(T("Large language models", "LLM", "LLMs", "large language model"))
    assert forms is not None
    assert (forms.acronym, forms.full) == ("LLM", "Large language models")
    assert forms.acronyms == {"llm", "llms"}
    assert forms.fulls == {"large language models", "large language model"}
    assert term_forms(T("PyTorch", "torch")) is None
    assert term_forms(T("HuggingFace", "Hugging Face Transformers")) is None  # not an acronym


@pytest.mark.parametrize(
    ("written", "spelling", "sensitive", "after", "kind"),
    [
        ("CNN", "CNN", False, " ", None),
        ("cnn", "CNN", False, "", None),
        ("CNNs", "CNN", False, "", PLURAL),
        ("CNN", "CNN", False, "'s ", POSSESSIVE),
        ("CNN", "CNN", False, "'sx", None),  # a quote, then a word
        ("GPUs", "GPUs", False, "' ", POSSESSIVE),
        ("CNN", "CNN", False, "' ", None),   # a closing quote
        ("pre trained", "pre-trained", False, "", HYPHEN_SPACE),
    ],
)
def test_variant_kind(written: str, spelling: str, sensitive: bool, after: str,
                      kind: str | None) -> None:
    assert variant_kind(written, spelling, sensitive, after) == kind
