"""Skill depth: resumes written here with known months of use per term (issue 16, part 1).

Each case is a resume (plain text, or a DOCX made with python-docx) and, per term, the exact
months of use merged over the dated positions whose lines name it, the last year used, and
where else it appears.  The must-not cases: a date in a publication, a course or an education
entry is no position, so a term named only there has no months.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from resume_checker import check
from resume_checker.analysis import analyse, check_analysis
from resume_checker.batch.codec import analysis_from_json, analysis_to_json
from resume_checker.keywords.model import Category, KeywordSet, Term
from resume_checker.render import render

TODAY = date(2026, 6, 15)

KWSET = KeywordSet(
    id="depth",
    title="Depth",
    categories={"tools": Category(title="Tools")},
    terms=tuple(Term(name=n, category="tools") for n in (
        "PyTorch", "Python", "Docker", "Kubernetes", "TensorFlow", "SQL", "JAX", "Keras",
        "scikit-learn", "Spark",
    )),
)

OVERLAPPING = """Alex Example
alex@example.com

Summary
Engineer who uses Python every day.

Experience
Senior Engineer, Acme Corp
Jan 2022 - Present
- Trained models in PyTorch and Python.
Engineer, Beta Inc | Mar 2019 - Jun 2022
- Built services in Python and Docker.

Skills
Python, Docker, Kubernetes
"""

YEAR_ONLY = """Sam Example
sam@example.com

Experience
Data Scientist, Gamma Labs
2015 - 2017
- Used TensorFlow and SQL for forecasting.
Analyst, Delta Bank
2012 - 2013
- Wrote SQL reports every week.
"""

UNDATED_ROLE = """Kim Example
kim@example.com

Experience
Consultant, Epsilon Consulting
- Deployed Kubernetes clusters for clients.
Engineer, Zeta Systems
06/2020 - 05/2021
- Packaged services with Docker.
"""

PUBLICATION_AND_COURSE = """Lee Example
lee@example.com

Experience
Engineer, Acme Corp
Jan 2020 - Dec 2020
- Used Python for tooling.

Publications
Example L. Graph networks with JAX. Workshop paper, 2018.

Education
B.Sc. Computer Science, Example University, 2014 - 2018
Course: Deep Learning with Keras, Jan 2017 - Mar 2017

Certifications
Spark Developer Certificate, 2019 - 2021
"""

SEASON = """Ray Example
ray@example.com

Experience
Research Intern, Theta Institute
Summer 2018
- Prototyped models in PyTorch.
ML Engineer, Iota Labs
Sep 2018 - Aug 2020
- Served PyTorch models; scikit-learn baselines.
"""

SEVEN_ROLES = """Pat Example
pat@example.com

Experience
Staff Engineer, Company Seven
Jan 2017 - Dec 2019
- Ran Docker builds; SQL reports.
Senior Engineer, Company Six
Apr 2015 - Dec 2016
- Moved services to Docker.
Engineer, Company Five
Jan 2015 - Mar 2015
- Docker images for tests.
Engineer, Company Four
Jan 2013 - Dec 2014
- Docker on build agents; SQL tuning.
Engineer, Company Three
Jul 2011 - Dec 2012
- First Docker trials.
Developer, Company Two
Jan 2011 - Jun 2011
- Scripts around Docker.
Intern, Company One
Jan 2010 - Dec 2010
- Learnt Docker basics.

Skills
Docker, SQL
"""

#: (case, text, {term: (months, last year, ongoing, elsewhere)})
CASES = [
    ("overlapping roles and present", OVERLAPPING, {
        "PyTorch": (54, 2026, True, ()),               # Jan 2022 - Jun 2026
        "Python": (88, 2026, True, ("skills", "summary")),  # Mar 2019 - Jun 2026, merged
        "Docker": (40, 2022, False, ("skills",)),       # Mar 2019 - Jun 2022
        "Kubernetes": (0, None, False, ("skills",)),    # the skills list only
    }),
    ("year-only dates, a skill in two roles", YEAR_ONLY, {
        "TensorFlow": (36, 2017, False, ()),            # 2015 - 2017: Jan 2015 - Dec 2017
        "SQL": (60, 2017, False, ()),                   # 36 + 24, no overlap
    }),
    ("a role without dates", UNDATED_ROLE, {
        "Kubernetes": (0, None, False, ("experience",)),
        "Docker": (12, 2021, False, ()),                # 06/2020 - 05/2021
    }),
    ("a date in a publication, a course or a certificate is no position",
     PUBLICATION_AND_COURSE, {
        "Python": (12, 2020, False, ()),
        "JAX": (0, None, False, ("publications",)),
        "Keras": (0, None, False, ("education",)),
        "Spark": (0, None, False, ("certifications",)),
    }),
    ("a season and a skill in two adjacent roles", SEASON, {
        "PyTorch": (27, 2020, False, ()),               # Jun - Aug 2018 + Sep 2018 - Aug 2020
        "scikit-learn": (24, 2020, False, ()),
    }),
    # more occurrences than the matcher keeps as evidence: every role still counts
    ("a skill in seven roles", SEVEN_ROLES, {
        "Docker": (120, 2019, False, ("skills",)),     # 36 + 21 + 3 + 24 + 18 + 6 + 12
        "SQL": (60, 2019, False, ("skills",)),         # Jan 2017 - Dec 2019 + 2013 - 2014
    }),
]


def _depths(report) -> dict[str, tuple]:
    out = {}
    for m in report.matched:
        d = m.depth
        out[m.term] = (d.months, d.last_year, d.ongoing, d.elsewhere)
    return out


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_months_per_skill_are_exact(case: str, text: str, expected: dict) -> None:
    report = check(text.encode(), KWSET, filename="resume.txt", today=TODAY)
    depths = _depths(report)
    for term, want in expected.items():
        assert term in depths, f"{case}: {term} not matched"
        assert depths[term] == want, f"{case}: {term}"


def test_skills_only_is_said_so() -> None:
    report = check(OVERLAPPING.encode(), KWSET, filename="resume.txt", today=TODAY)
    k8s = next(m for m in report.matched if m.term == "Kubernetes")
    assert k8s.depth is not None and k8s.depth.skills_only
    assert k8s.depth.summary == "found only in the skills list"
    python = next(m for m in report.matched if m.term == "Python")
    assert not python.depth.skills_only
    assert [p.dates.text for p in python.depth.positions] == [
        "Jan 2022 - Present", "Mar 2019 - Jun 2022"]


def _docx(text: str) -> bytes:
    import docx

    doc = docx.Document()
    for line in text.splitlines():
        if line in ("Summary", "Experience", "Skills"):
            doc.add_heading(line, level=1)
        elif line:
            doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_docx_gives_the_same_months() -> None:
    report = check(_docx(OVERLAPPING), KWSET, filename="resume.docx", today=TODAY)
    assert report.document.format == "docx"
    depths = _depths(report)
    for term, want in CASES[0][2].items():
        assert depths[term] == want, term


def test_cached_analysis_gives_the_same_depth() -> None:
    """A batch re-rank reads the analysis back from the cache: depth must not change."""
    from resume_checker.api import read_resume

    document = read_resume(OVERLAPPING.encode(), filename="resume.txt")
    analysis = analyse(document, today=TODAY)
    fresh = check_analysis(analysis, KWSET)
    cached = check_analysis(analysis_from_json(analysis_to_json(analysis)), KWSET)
    assert [m.depth for m in cached.matched] == [m.depth for m in fresh.matched]
    assert cached.structure.positions == fresh.structure.positions
    assert all(p.lines is not None for p in cached.structure.positions)


def test_every_format_shows_depth() -> None:
    report = check(OVERLAPPING.encode(), KWSET, filename="resume.txt", today=TODAY)
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == "1.1"
    python = next(m for m in data["matched"] if m["term"] == "Python")
    assert python["depth"]["months"] == 88 and python["depth"]["last_year"] == 2026
    assert python["depth"]["elsewhere"] == ["skills", "summary"]
    assert [p["start"] for p in python["depth"]["positions"]] == ["2022-01", "2019-03"]
    k8s = next(m for m in data["matched"] if m["term"] == "Kubernetes")
    assert k8s["depth"]["skills_only"] is True and k8s["depth"]["positions"] == []
    assert data["structure"]["positions"][0]["lines"] == {
        "from": {"page": 1, "line": 6}, "to": {"page": 1, "line": 8}}
    text = render(report, "text")
    assert "Kubernetes: found only in the skills list" in text
    assert "PyTorch: 4.5 years in 1 position, in use now" in text
    markdown = render(report, "md")
    assert "## Skill depth" in markdown and "| Docker | 3.3 | 2022 | 1 | skills |" in markdown
    html = render(report, "html")
    assert 'id="depth"' in html and "<svg" in html and "<script" not in html
    assert "<title>PyTorch: Jan 2022 - Present (Senior Engineer)</title>" in html
    assert "found only in the skills list" in html


def test_html_timeline_escapes_resume_text() -> None:
    hostile = OVERLAPPING.replace("Senior Engineer, Acme Corp",
                                  "Senior Engineer <script>x</script>, Acme Corp")
    report = check(hostile.encode(), KWSET, filename="resume.txt", today=TODAY)
    html = render(report, "html")
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_batch_skill_depth_column_is_optional_and_survives_the_cache(tmp_path) -> None:
    from resume_checker.batch.runner import BatchOptions, run_batch
    from resume_checker.render import batch_csv, batch_html

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(OVERLAPPING)
    (folder / "b.txt").write_text(YEAR_ONLY)
    options = BatchOptions(jobs=1, cache_path=tmp_path / "cache.db")
    first = run_batch([folder], KWSET, options)
    again = run_batch([folder], KWSET, options)           # re-ranked from the cache
    assert all(r.cached for r in again.rows)
    plain = batch_csv.render(first)
    assert "skill depth" not in plain and batch_csv.render(first, skill_depth=False) == plain
    with_depth = batch_csv.render(first, skill_depth=True)
    assert with_depth == batch_csv.render(again, skill_depth=True)
    header, *rows = csv.reader(io.StringIO(with_depth.lstrip("\ufeff")))
    assert header[-1] == "skill depth"
    cells = {Path(r[1]).name: r[-1] for r in rows}
    assert cells["b.txt"] == "SQL 5.0y to 2017; TensorFlow 3.0y to 2017"
    assert "Kubernetes (skills list only)" in cells["a.txt"]
    assert "Docker 3.3y to 2022" in cells["a.txt"]
    html = batch_html.render(first, skill_depth=True)
    assert "<th title=" in html and "Skill depth</th>" in html and "SQL 5.0y to 2017" in html
    assert "Skill depth</th>" not in batch_html.render(first)


def test_a_match_built_by_hand_without_lines_is_read_from_its_evidence() -> None:
    """Callers that build a TermMatch themselves (no ``lines``) keep the depth they had."""
    from resume_checker.checks.depth import skill_depth
    from resume_checker.matching import TermMatch, compile_matcher

    report = check(OVERLAPPING.encode(), KWSET, filename="resume.txt", today=TODAY)
    positions = report.structure.positions
    python = next(m for m in report.matched if m.term == "Python")
    by_hand = TermMatch(python.term, python.category, python.count, python.evidence)
    assert by_hand.lines == ()
    assert skill_depth(by_hand, positions) == python.depth
    assert python.depth.months == 88 and python.depth.elsewhere == ("skills", "summary")
    # and the seven-role resume: evidence alone keeps five roles, the lines all seven
    from resume_checker.api import read_resume

    seven = check(SEVEN_ROLES.encode(), KWSET, filename="resume.txt", today=TODAY)
    docker = compile_matcher(KWSET).match(read_resume(SEVEN_ROLES.encode(),
                                                      filename="resume.txt")).get("Docker")
    assert docker is not None and docker.count == 8 and len(docker.lines) == 8
    hand = TermMatch(docker.term, docker.category, docker.count, docker.evidence)
    assert len(skill_depth(hand, seven.structure.positions).positions) == 5
    assert len(skill_depth(docker, seven.structure.positions).positions) == 7
