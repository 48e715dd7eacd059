"""Matching rules, one table row per rule: text -> must_find / must_miss."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_checker.documents.assemble import RawLine, RawPage, build_document
from resume_checker.documents.model import Origin
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.matching import compile_matcher


def doc(*lines: str | RawLine, pages: list[list[str | RawLine]] | None = None):
    raw_pages = pages or [list(lines)]
    return build_document(
        source="resume.txt",
        fmt="text",
        data=b"test",
        pages=[
            RawPage(n, [x if isinstance(x, RawLine) else RawLine(x) for x in page])
            for n, page in enumerate(raw_pages, 1)
        ],
    )


def kwset(*terms: Term) -> KeywordSet:
    return KeywordSet(id="t", title="T", categories={"s": Category(title="Skills")}, terms=terms)


T = Term  # shorthand
NAMES = [
    "Java", "R", "C", "C++", "C#", ".NET", "Node.js", "CI/CD", "scikit-learn", "TensorFlow.js",
    "F1", "CNN", "Transformers", "PyTorch", "GPU", "GAN", "pre-trained", "multi-head attention",
    "fine-tuning", "Mixture of Experts", "RLHF", "machine learning", "AI",
]
GO = T(name="Go", category="s", case_sensitive=True)
SET = kwset(*(T(name=n, category="s") for n in NAMES), GO)

CASES = [
    # (id, text, must_find, must_miss)
    ("java-not-in-javascript", "Built UIs in JavaScript", [], ["Java"]),
    ("java-alone", "Java, Kotlin", ["Java"], []),
    ("r-not-in-rnd", "Led R&D for the lab", [], ["R"]),
    ("r-alone", "Statistics in R and SQL", ["R"], []),
    ("go-not-in-go-to", "the go-to person for infra", [], ["Go"]),
    ("go-case-sensitive", "ready to go live", [], ["Go"]),
    ("go-language", "Services in Go and Rust", ["Go"], []),
    ("c-not-in-cpp-csharp", "C++ and C# daily", ["C++", "C#"], ["C"]),
    ("c-not-in-c-suite", "presented to the C-suite", [], ["C"]),
    ("c-slash-cpp", "C/C++ embedded work", ["C", "C++"], []),
    ("c-end-of-sentence", "Firmware written in C.", ["C"], []),
    ("c-middle-initial", "Jane C. Doe, engineer", [], ["C"]),
    ("plural-possessive", "the GPUs' memory", ["GPU"], []),
    ("csharp-not-c", "C# only", ["C#"], ["C"]),
    ("aspnet-is-not-dotnet", "ASP.NET MVC", [], [".NET"]),
    ("dotnet", "ASP.NET is not .NET alone; we used .NET 8", [".NET"], []),
    ("nodejs", "APIs on Node.js.", ["Node.js"], []),
    ("nodejs-case", "APIs on node.JS", ["Node.js"], []),
    ("cicd", "Owned CI/CD pipelines", ["CI/CD"], []),
    ("sklearn", "scikit-learn, pandas", ["scikit-learn"], []),
    ("tfjs", "TensorFlow.js demos", ["TensorFlow.js"], []),
    ("f1", "raised F1 by 4 points", ["F1"], []),
    ("plural-cnns", "Trained CNNs and GANs on GPUs", ["CNN", "GAN", "GPU"], []),
    ("singular-of-plural-term", "a Transformer encoder", ["Transformers"], []),
    ("possessive", "PyTorch's autograd", ["PyTorch"], []),
    ("possessive-curly", "PyTorch\u2019s autograd", ["PyTorch"], []),
    ("hyphen-prefix-based", "PyTorch-based trainer", ["PyTorch"], []),
    ("ai-short-in-hyphen", "AI-driven products", [], ["AI"]),
    ("pretrained-joined", "pretrained models", ["pre-trained"], []),
    ("pretrained-spaced", "pre trained models", ["pre-trained"], []),
    ("multihead-joined", "multihead attention", ["multi-head attention"], []),
    ("multihead-spaced", "multi head attention", ["multi-head attention"], []),
    ("finetuning-spaced", "fine tuning LLMs", ["fine-tuning"], []),
    ("phrase-hyphenated", "a Mixture-of-Experts router", ["Mixture of Experts"], []),
    ("no-partial-phrase", "machine shop learning", [], ["machine learning"]),
]


@pytest.mark.parametrize(("text", "must_find", "must_miss"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_match_table(text: str, must_find: list[str], must_miss: list[str]) -> None:
    found = {m.term for m in compile_matcher(SET).match(doc(text)).matched}
    for term in must_find:
        assert term in found, f"{term!r} not found in {text!r}"
    for term in must_miss:
        assert term not in found, f"{term!r} wrongly found in {text!r}"


def test_term_wrapped_across_lines_counts() -> None:
    result = compile_matcher(SET).match(doc("Five years of machine", "learning in production"))
    match = result.get("machine learning")
    assert match is not None
    assert match.evidence[0].line == 1
    assert match.evidence[0].line_text == "Five years of machine learning in production"


def test_lines_not_joined_across_heading_or_page() -> None:
    result = compile_matcher(SET).match(doc("machine", "Skills", "learning"))
    assert result.get("machine learning") is None
    two_pages = doc(pages=[["I like machine"], ["learning"]])
    assert compile_matcher(SET).match(two_pages).get("machine learning") is None


def test_lines_not_joined_across_columns() -> None:
    d = doc(RawLine("machine", column=1), RawLine("learning", column=2))
    assert compile_matcher(SET).match(d).get("machine learning") is None


@pytest.mark.parametrize(
    "text",
    [
        "Built a Mixture of Experts (MoE) model. Scaled MoE layers.",
        "Built a MoE (Mixture of Experts) model. Scaled MoE layers.",
    ],
)
def test_defined_acronym_counts_other_form(text: str) -> None:
    result = compile_matcher(SET).match(doc(text))
    match = result.get("Mixture of Experts")
    assert match is not None and match.count == 2
    assert ("MoE", "Mixture of Experts") in result.defined_acronyms
    assert [e.alias for e in match.evidence] == ["Mixture of Experts", "MoE"]


def test_defined_acronym_long_form_counts_for_acronym_term() -> None:
    text = (
        "Reinforcement Learning from Human Feedback (RLHF) pipelines; "
        "more reinforcement learning from human feedback"
    )
    match = compile_matcher(SET).match(doc(text)).get("RLHF")
    assert match is not None and match.count == 2


def test_acronym_whose_initials_do_not_fit_is_ignored() -> None:
    result = compile_matcher(SET).match(doc("Worked at Big Data Corp (MoE) and MoE team"))
    assert result.get("Mixture of Experts") is None
    assert result.defined_acronyms == ()


def test_count_every_occurrence_keep_five_evidence_in_order() -> None:
    lines = [f"PyTorch project {i}" for i in range(8)]
    match = compile_matcher(SET).match(doc(*lines)).get("PyTorch")
    assert match is not None and match.count == 8
    assert len(match.evidence) == 5
    assert [e.line for e in match.evidence] == [1, 2, 3, 4, 5]


def test_evidence_fields() -> None:
    d = doc("Jane Doe", "Skills", "Python, PyTorch, CUDA")
    ev = compile_matcher(SET).match(d).get("PyTorch").evidence[0]
    assert (ev.alias, ev.text, ev.line_text, ev.page, ev.line, ev.section) == (
        "PyTorch", "PyTorch", "Python, PyTorch, CUDA", 1, 3, "skills"
    )


def test_alias_that_hit_is_reported() -> None:
    ks = kwset(T(name="PyTorch", category="s", aliases=("torch",)))
    ev = compile_matcher(ks).match(doc("used Torch for years")).get("PyTorch").evidence[0]
    assert ev.alias == "torch" and ev.text == "Torch"


def test_header_and_footer_lines_count() -> None:
    d = doc(RawLine("PyTorch engineer", origin=Origin.HEADER), "Experience", "Built things")
    ev = compile_matcher(SET).match(d).get("PyTorch").evidence[0]
    assert ev.origin == "header"


def test_overlapping_aliases_count_once() -> None:
    ks = kwset(T(name="machine learning", category="s", aliases=("ML", "machine-learning")))
    match = compile_matcher(ks).match(doc("machine-learning and ML")).get("machine learning")
    assert match.count == 2


def test_compile_is_cached_per_content_hash() -> None:
    assert compile_matcher(SET) is compile_matcher(SET.model_copy())


def test_match_is_deterministic_and_idempotent() -> None:
    d = doc("PyTorch, CNNs, C++ and Mixture of Experts (MoE); MoE again", "Go services")
    m = compile_matcher(SET)
    assert m.match(d) == m.match(d) == compile_matcher(SET).match(d)


WORDS = st.sampled_from(
    ["PyTorch", "cnns", "C++", "R&D", "go-to", "Mixture", "of", "Experts", "(MoE)", "moe",
     "Java", "JavaScript", "pre-trained", "the", "and", ".NET", "c#", "AI-driven", "Machine",
     "learning", "İstanbul", "straße", ",", "."]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=4))
def test_casing_does_not_change_case_insensitive_matches(lines: list[list[str]]) -> None:
    text_lines = [" ".join(words) for words in lines]
    m = compile_matcher(SET)
    insensitive = {t.name for t in SET.terms if not t.case_sensitive}

    def counts(transform):
        result = m.match(doc(*(transform(t) for t in text_lines)))
        return {x.term: x.count for x in result.matched if x.term in insensitive}

    base = counts(lambda s: s)
    assert counts(str.upper) == base
    assert counts(str.lower) == base
