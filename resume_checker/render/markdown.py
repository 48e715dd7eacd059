"""The Markdown report.  Every piece of resume or set text is escaped, so nothing from a
resume becomes HTML, a link or a broken table."""

from __future__ import annotations

import re

from resume_checker.matching.exactness import VARIANT_LABELS
from resume_checker.report import Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: str) -> str:
    """Escape text for a Markdown paragraph or table cell (HTML characters become entities)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split())  # no newline may end a table row
    return _SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """A code span; backslash escapes do not work inside one, so backticks and newlines go."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def _num(value: float) -> str:
    return f"{value:g}"


def fenced(lines: list[str]) -> list[str]:
    """A fenced code block longer than any backtick run inside it (resume text stays text)."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", *lines, fence]


def _findings(report: Report) -> list[str]:
    e = md_escape
    out = ["## Findings and fixes", ""]
    if not report.findings:
        return [*out, "No parseability or structure problems found.", ""]
    for f in report.findings:
        where = f" (page {f.page}{f', line {f.line}' if f.line else ''})" if f.page else ""
        out.append(f"- **{e(f.severity.value)}** {_code(f.code)}{where}: **{e(f.title)}**  ")
        out.append(f"  {e(f.explanation)}  ")
        if f.evidence:
            out.append(f"  Evidence: {_code(f.evidence)}  ")
        out.append(f"  Fix: {e(f.fix)}")
    return [*out, ""]


def _structure(report: Report) -> list[str]:
    e, s = md_escape, report.structure
    if s is None or not report.scorable:
        return []
    out = ["## Structure found", "",
           f"Experience: about {_num(s.experience_years)} years over {len(s.positions)} "
           "dated position(s)", ""]
    for pos in s.positions:
        title = f" {e(pos.title.value)}" if pos.title else ""
        out.append(f"- p{pos.dates.page} l{pos.dates.line}: {e(pos.dates.text)}{title}")
    degree = s.highest_degree
    if degree is None:
        out += ["", "Highest degree: none found", ""]
    else:
        field = f" in {e(degree.field)}" if degree.field else ""
        out += ["", f"Highest degree: {e(degree.name)}{field} (p{degree.page} l{degree.line})",
                ""]
    return out


def _ats_view(report: Report) -> list[str]:
    if not report.ats_view:
        return []
    lines, section = [], None
    for a in report.ats_view:
        if a.section != section:
            lines.append(f"[{a.section}]")
            section = a.section
        flag = f"  [hidden: {a.hidden}]" if a.hidden else (
            f"  [{a.origin}]" if a.origin != "body" else "")
        lines.append(f"{a.page}:{a.line:<3} {a.text}{flag}")
    return ["## ATS view", "", "The text in the order an ATS reads it, with the section each "
            "line was filed under.", "", *fenced(lines), ""]


def _exact(report: Report) -> list[str]:
    """``--ats-mode exact``: what an exact-string search misses (nothing in the normal mode)."""
    e = md_escape
    if report.exact_score is None or not report.scorable:
        return []
    out = ["## For an exact-string ATS", ""]
    if not report.not_exact and not report.one_form:
        return [*out, "Every matched term is written as the set lists it, and every acronym "
                "the set pairs with a full form is written both ways.", ""]
    if report.not_exact:
        out += ["Found only as a variant an exact search misses; write the listed spelling:", ""]
        for m in report.not_exact:
            kinds = " or ".join(VARIANT_LABELS.get(k, k) for k in m.variants)
            out.append(f"- {e(m.term)}: found only as {e(kinds)}; write {_code(m.listed_spelling)}")
        out.append("")
    if report.one_form:
        out += ["Written only as the acronym or only in full; write both:", ""]
        for m in report.one_form:
            f = m.forms
            if f is not None:
                shown, other = (f.acronym, f.full) if f.acronym_written else (f.full, f.acronym)
                out.append(f"- {e(m.term)}: only {_code(shown)}; also write {_code(other)}")
        out.append("")
    return out


def _depth(report: Report) -> list[str]:
    """A "Skill depth" table: years of use in dated positions, last use, where else."""
    rows = [m for m in report.matched if m.depth is not None]
    if not rows:
        return []
    out = ["## Skill depth", "",
           "From the dates of the positions whose lines name each term (overlaps counted once).",
           "", "| Term | Years | Last used | Positions | Also in |", "|---|---:|---:|---:|---|"]
    for m in rows:
        d = m.depth
        assert d is not None
        if d.skills_only:
            out.append(f"| {md_escape(m.term)} | 0 | | 0 | found only in the skills list |")
            continue
        last = "present" if d.ongoing else str(d.last_year or "")
        also = ", ".join(d.elsewhere)
        out.append(f"| {md_escape(m.term)} | {_num(d.years)} | {last} | {len(d.positions)} "
                   f"| {md_escape(also)} |")
    return [*out, ""]


def _job_ad(report: Report) -> list[str]:
    """The job ad beside the resume (a check against a pasted ad): required terms first."""
    e, ad = md_escape, report.job_ad
    if ad is None:
        return []
    out = [f"## The job ad beside the resume ({e(ad.source)})", "",
           "| Term | In the ad | In the resume | The ad's words |", "|---|---:|---:|---|"]
    for t in ad.terms:
        req = " (required)" if t.required else ""
        words = e(t.excerpt) if t.excerpt else ", ".join(e(w) for w in t.written_as)
        out.append(f"| {e(t.term)}{req} | {t.ad_mentions} | {t.resume_mentions} | {words} |")
    return [*out, ""]


def render_markdown(report: Report) -> str:
    e = md_escape
    doc, ks, score = report.document, report.keyword_set, report.score
    out = [
        f"# Resume check: {e(doc.source)}",
        "",
        f"Keyword set: **{e(ks.title)}** ({_code(ks.id)})  ",
        f"Document: {e(doc.format)}, {doc.pages} page(s), {doc.words} words",
        "",
    ]
    if not report.scorable:
        out += ["## Score: not available", "", e(report.unreadable_message or ""), ""]
    else:
        band = f" ({e(score.band)})" if score.band else ""
        out += [f"## Score: {_num(score.value)} / 100{band}", ""]
        exact = report.exact_score
        if exact is not None:
            exact_band = f" ({e(exact.band)})" if exact.band else ""
            out += [f"Exact-string ATS score: **{_num(exact.value)}** / 100{exact_band}: only "
                    "terms written as the set lists them count.", ""]
            lost = [t for t in exact.missing_required if t not in score.missing_required]
            if lost:
                out += ["**An exact search would filter it out:** required term(s) found only "
                        "as variants: " + ", ".join(e(t) for t in lost) + ".", ""]
        if score.knocked_out:
            names = ", ".join(e(t) for t in score.missing_required)
            out += [
                f"**Would be filtered out:** required term(s) missing: {names}. "
                "The number above shows how close the resume is otherwise.",
                "",
            ]
        if report.content_similarity is not None:
            out += [
                "Content similarity to the job ad (secondary, TF-IDF cosine): "
                f"{report.content_similarity:.2f}",
                "",
            ]
        out += ["| Category | Weight | Matched | Score |", "|---|---:|---:|---:|"]
        for c in score.categories:
            counts = f"{c.matched}/{c.total}"
            out.append(f"| {e(c.title)} | {_num(c.weight)} | {counts} | {_num(c.score)} |")
        if score.requirements:
            out.append("")
            for r in score.requirements:
                mark = "met" if r.met else ("**not met (required)**" if r.required else "not met")
                where = f" (p{r.page} l{r.line})" if r.page else ""
                out.append(f"- {e(r.name)}: {mark}; found {e(r.found)}{where}")
        if score.depth:
            out.append("")
            for d in score.depth:
                factor = _num(round(d.factor, 3))
                out.append(f"- {e(d.term)}: counts {factor} of its weight ({e(d.reason)})")
        if report.hidden_included:
            out += ["", "**Hidden text was included in this score** (for comparison)."]
        out.append("")
        out += ["## Matched terms", ""]
        if report.matched:
            out += ["| Term | Category | Count | Where (first) |", "|---|---|---:|---|"]
            for m in report.matched:
                first = m.evidence[0] if m.evidence else None
                where = ""
                if first:
                    margin = f" page {first.origin}" if first.origin in ("header", "footer") else ""
                    where = (
                        f"p{first.page} l{first.line} ({e(first.section)}{margin}): "
                        f"{e(first.line_text)}"
                    )
                req = " (required)" if m.required else ""
                out.append(f"| {e(m.term)}{req} | {e(m.category)} | {m.count} | {where} |")
        else:
            out.append("None of the set's terms were found.")
        out.append("")
        out += _depth(report)
        out += _exact(report)
        out += ["## Missing terms", ""]
        if not report.missing:
            out.append("None: every term of the set was found.")
        for title, terms in report.missing_by_category():
            out += [f"### {e(title)}", ""]
            for t in terms:
                tags = ", ".join(
                    tag
                    for tag, on in (("required", t.required), ("certification", t.is_certification))
                    if on
                )
                out.append(f"- {e(t.term)} (weight {_num(t.weight)}{', ' + tags if tags else ''})")
            out.append("")
        if report.missing_certifications:
            certs = ", ".join(e(m.term) for m in report.missing_certifications)
            out += [f"**Certifications not found:** {certs}", ""]
        if report.suggestions:
            out += ["## Suggestions", ""]
            out += [f"- {e(s.text)}" for s in report.suggestions]
            out.append("")
        out += _job_ad(report)
    out += _structure(report)
    out += _findings(report)
    if report.extra_notices:
        out += ["## Notices", ""]
        for n in report.extra_notices:
            page = f" (page {n.page})" if n.page else ""
            fix = f" Fix: {e(n.fix)}" if n.fix else ""
            out.append(f"- **{e(n.severity)}** {_code(n.code)}{page}: {e(n.message)}{fix}")
        out.append("")
    out += _ats_view(report)
    return "\n".join(out).rstrip("\n") + "\n"
