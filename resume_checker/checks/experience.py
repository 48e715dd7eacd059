"""Experience entries: date ranges in the forms resumes use, total years, the latest title.

Ranges are read by month.  A year on its own covers the whole year ("2012 - 2014" is Jan 2012
to Dec 2014); a season covers its three months ("Summer 2018" is Jun to Aug 2018); an open or
"Present" end is counted to the month of `today`, which callers pass so results are repeatable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from resume_checker.checks.chars import letter_count
from resume_checker.checks.model import CheckContext, DateRange, Fact, Finding, Position
from resume_checker.documents.model import Document, Line, Section, Severity

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 3),
}
_SEASON_NAMES = tuple(_SEASONS)

# A month name may follow a lower-case letter only when it is capitalised, as in
# "CompanyNameJuly 2011" (PDF text that lost its spaces); "grammar 2019" is no month.
_MONTH = (
    r"(?:(?<![A-Za-z])|(?-i:(?<=[a-z])(?=[A-Z])))"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_MM = r"(?:0?[1-9]|1[0-2])"
_SEASON = r"(?<![A-Za-z])(?:spring|summer|fall|autumn|winter)"
_POINT = (
    rf"(?:{_MONTH}\s*,?\s*(?:{_YEAR}|['\u2019]\d{{2}}(?!\d))"      # Aug 2007, Jan. 2020, Aug '07
    rf"|{_SEASON}\s*,?\s*{_YEAR}"                                  # Summer 2018
    rf"|(?<![\d/.]){_MM}/(?:0?[1-9]|[12]\d|3[01])/{_YEAR}"         # 06/15/2015
    rf"|(?<![\d/.]){_MM}\s?[/.-]\s?{_YEAR}"                        # 03/2019, 06.2015
    rf"|(?<![\d/.]){_YEAR}\s?[/.-]\s?{_MM}(?![\d/])"               # 2015/07
    rf"|(?<![\d/.$]){_YEAR})"                                      # 2018
)
_START = rf"(?:{_POINT}|{_MONTH}(?=\s*(?:[-\u2013\u2014~]|to\b)\s*{_MONTH}\s*,?\s*{_YEAR}))"
_PRESENT = (
    r"(?:present(?:\s+day)?|current(?:\s+date)?|currently|now|today|"
    r"(?:to|till|til|until)\s+(?:date|now|present)|date|ongoing|pres\.?)(?-i:(?![a-z]))"
)
_SEP = r"(?:\s*[-\u2013\u2014~]+\s*(?:to\s+)?|\s+(?:to|till|til|until|through|thru)\s+)"
# Where a range can start: at a letter or digit after a non-letter, at a capital right after a
# lower-case letter (see _MONTH), or at the first digit of a number; and only at a digit or a
# letter that starts a month, a season, "since" or "from" (adfjmnosw, case-folded).  Each
# alternative of _RANGE starts only at such a place; testing it first spares the engine trying
# every alternative inside words and numbers and at other words (the same matches, found in
# about a third of the time).
_RANGE_START = (
    r"(?=[adfjmnosw0-9])"
    r"(?:(?<![A-Za-z])(?=[A-Za-z0-9])|(?-i:(?<=[a-z])(?=[A-Z]))|(?<![0-9])(?=[0-9]))"
)
_RANGE = re.compile(
    rf"{_RANGE_START}(?:"
    rf"(?P<start>{_START}){_SEP}(?:(?P<end>{_POINT}|{_PRESENT})|(?P<open>\s*$))"
    rf"|(?<![A-Za-z])(?:since|from)\s+(?P<since>{_POINT})(?!{_SEP})"
    rf"|(?P<season>{_SEASON}\s*,?\s*{_YEAR}))",
    re.IGNORECASE,
)
# A year, "19xx"/"20xx", or a short one, "'07": written as (?:19|20)\d{2}|['\u2019]\d{2}, but
# with the first character as a class, so the engine scans for it in one loop instead of trying
# the pattern at every place (a line is looked at in about a quarter of the time).
_HAS_YEAR = re.compile(r"[12'\u2019](?:(?<=1)9|(?<=2)0|(?<=['\u2019]))\d{2}")


def _has_year(text: str) -> bool:
    """Whether _HAS_YEAR matches; substring tests rule most lines out first."""
    return (
        ("19" in text or "20" in text or "'" in text or "\u2019" in text)
        and _HAS_YEAR.search(text) is not None
    )

_P_MONTH_YEAR = re.compile(rf"(?P<m>[a-z]+)\.?\s*,?\s*(?P<y>{_YEAR}|['\u2019]\d{{2}})", re.I)
_P_SEASON = re.compile(r"(?P<s>[a-z]+)\s*,?\s*(?P<y>\d{4})", re.I)
_P_NUMERIC = re.compile(r"(?P<a>\d{1,4})\s?[/.-]\s?(?:(?P<d>\d{1,2})/)?(?P<b>\d{1,4})")


def _year(text: str) -> int:
    digits = text.lstrip("'\u2019")
    if len(digits) == 2:
        yy = int(digits)
        return 2000 + yy if yy < 50 else 1900 + yy
    return int(digits)


def _point(text: str, *, is_end: bool, year_hint: int | None = None) -> date | None:
    """The month a date text names; a bare year or season resolves to its first or last month."""
    text = text.strip()
    if text.isdigit():
        return date(int(text), 12 if is_end else 1, 1)
    lower = text.lower()
    if lower.startswith(_SEASON_NAMES):  # one test for all five first
        for season, (first, last) in _SEASONS.items():
            if lower.startswith(season):
                m = _P_SEASON.fullmatch(text)
                return date(int(m["y"]), last if is_end else first, 1) if m else None
    if lower[:1].isalpha():
        m = _P_MONTH_YEAR.fullmatch(text)
        month = _MONTHS.get(lower[:3])
        if m:
            return date(_year(m["y"]), _MONTHS[m["m"][:3].lower()], 1)
        if month and year_hint:  # "Jan - Mar 2022": the start borrows the end's year
            return date(year_hint, month, 1)
        return None
    m = _P_NUMERIC.fullmatch(text)
    if not m:
        return None
    a, b = m["a"], m["b"]
    year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
    return date(year, month, 1)


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def find_ranges(text: str, *, today: date, page: int = 0, line: int = 0) -> tuple[DateRange, ...]:
    """Every date range written in one line of text."""
    if not _has_year(text):
        return ()
    this_month = date(today.year, today.month, 1)
    out: list[DateRange] = []
    for m in _RANGE.finditer(text):
        if m["season"]:
            start = _point(m["season"], is_end=False)
            end, ongoing = _point(m["season"], is_end=True), False
        elif m["since"]:
            start, end, ongoing = _point(m["since"], is_end=False), this_month, True
        else:
            end_text = m["end"]
            if end_text is None or not _HAS_YEAR.search(end_text):
                end, ongoing = this_month, True
            else:
                end, ongoing = _point(end_text, is_end=True), False
            start = _point(m["start"], is_end=False, year_hint=end.year if end else None)
        if start is None or end is None or start > this_month:
            continue
        if ongoing or end > this_month:
            end = max(start, min(end, this_month))
        if start > end:
            continue
        out.append(DateRange(start, end, ongoing, m.group(0).strip(), page, line))
    return tuple(out)


def merged_months(ranges: Iterable[DateRange]) -> int:
    """Months covered by the ranges, each month counted once however many ranges hold it."""
    spans = sorted((_month_index(r.start), _month_index(r.end)) for r in ranges)
    if not spans:
        return 0
    total = 0
    cur_start, cur_end = spans[0]
    for start, end in spans[1:]:
        if start > cur_end + 1:
            total += cur_end - cur_start + 1
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    return total + cur_end - cur_start + 1


def _any_word(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` (regex pieces, each starting with a plain letter) grouped by
    first letter, "e(?:ngineer|ditor)|d(?:eveloper)": at each word start the engine tries one
    branch per letter instead of every word.  It matches what the flat alternation matches, at
    the same places with the same ends (words that share a first letter keep their order)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: the words that mark a job title, and an employer (regex pieces)
TITLE_WORDS = (
    "engineer", "developer", "manager", "analyst", "scientist", "director", "intern(?:ship)?",
    "consultant", "specialist", "lead", "architect", "assistant", "associate", "coordinator",
    "administrator", "officer", "designer", "teacher", "nurse", "accountant", "technician",
    "supervisor", "representative", "researcher", "professor", "advisor", "adviser", "head",
    "chief", "president", "vp", "cto", "ceo", "cfo", "programmer", "owner", "founder", "clerk",
    "executive", "instructor", "fellow", "agent", "chef", "editor", "writer", "trainer",
    "auditor", "planner", "operator",
)
EMPLOYER_WORDS = (
    "inc", "llc", "ltd", "corp(?:oration)?", "company", "co", "gmbh", "plc", "group",
    "university", "college", "institute", "labs?", "technologies", "solutions", "systems", "bank",
    "hospital", "agency", "school", "partners", "consulting", "services", "companyname",
)
_TITLE_WORDS = re.compile(rf"\b(?:{_any_word(TITLE_WORDS)})s?\b", re.IGNORECASE)
_EMPLOYER_WORDS = re.compile(rf"\b(?:{_any_word(EMPLOYER_WORDS)})\b\.?", re.IGNORECASE)
# The lookahead names every character a separator can start with (a space, "|", a bullet or
# middle dot, ",", the "a" of "at", "@"), so the engine skips other places without trying each.
_SPLIT = re.compile(
    r"(?=[\s|\u2022\u00b7,a@])\s*(?:\||\u2022|\u00b7|,|\s[-\u2013\u2014]\s|\s{2,}|\t|\bat\b|@)\s*"
)
_BULLET = re.compile(r"^[\u2022\-*\u25aa\u25cf\u2013]\s")


def _parts(text: str) -> list[str]:
    return [p.strip(" :;()") for p in _SPLIT.split(text) if letter_count(p) >= 2]


def _candidates(lines: tuple[Line, ...], index: int, span: str) -> Iterator[tuple[str, Line]]:
    """The parts that may name the title or employer of the range ``span`` on line ``index``:
    its own line's first, then the lines above, below and two above (not headings, bullets,
    long lines or other date lines)."""
    own = lines[index]
    for part in _parts(own.text.replace(span, " | ")):
        yield part, own
    for j in (index - 1, index + 1, index - 2):
        if 0 <= j < len(lines):
            other = lines[j]
            if other.is_heading or _BULLET.match(other.text) or len(other.text.split()) > 10:
                continue
            if _has_year(other.text) and find_ranges(other.text, today=date.max):
                continue
            for part in _parts(other.text):
                yield part, other


def _title_and_employer(
    lines: tuple[Line, ...], index: int, span: str
) -> tuple[Fact | None, Fact | None]:
    """The job title and employer beside a date range: on its line, or the lines around it.

    The title is the first candidate with a title word; the employer the first other candidate
    (one whose text is not the title's) with an employer word, else, when there is a title, the
    first other candidate.  Candidates are read in order only until both are known: the lines
    around are often not needed (the same two facts as reading them all).
    """
    title: tuple[str, Line] | None = None
    employer: tuple[str, Line] | None = None
    first_other: tuple[str, Line] | None = None
    for part, ln in _candidates(lines, index, span):
        if title is None and _TITLE_WORDS.search(part):
            title = (part, ln)
        elif title is None or part != title[0]:
            # a part before the title has no title word, so its text is not the title's
            first_other = first_other or (part, ln)
            if employer is None and _EMPLOYER_WORDS.search(part):
                employer = (part, ln)
        if title is not None and employer is not None:
            break
    if employer is None and title is not None:
        employer = first_other
    def fact(pair: tuple[str, Line] | None) -> Fact | None:
        return Fact(pair[0], pair[1].page, pair[1].number) if pair else None
    return fact(title), fact(employer)


_MAX_ENTRY_WORDS = 16


def _is_sentence(text: str) -> bool:
    words = len(text.split())
    return words > _MAX_ENTRY_WORDS or (words > 8 and text.rstrip().endswith("."))

_NOT_EXPERIENCE = (Section.EDUCATION, Section.PUBLICATIONS, Section.CERTIFICATIONS)


def extract_positions(document: Document, *, today: date) -> tuple[Position, ...]:
    """Experience entries, most recent first.

    Ranges under an Experience heading count; when the resume has no such heading, every
    range outside Education, Publications and Certifications counts.
    """
    lines = document.lines
    has_experience = any(ln.is_heading and ln.section is Section.EXPERIENCE for ln in lines)
    found: list[tuple[DateRange, int]] = []
    experience = Section.EXPERIENCE  # looked up once, not per line
    for i, ln in enumerate(lines):
        if ln.section is not experience if has_experience else ln.section in _NOT_EXPERIENCE:
            continue
        if not _has_year(ln.text) or _is_sentence(ln.text):  # "grew sales from 2013 to 2015."
            continue
        for rng in find_ranges(ln.text, today=today, page=ln.page, line=ln.number):
            found.append((rng, i))
    positions = []
    for rng, i in found:
        title, employer = _title_and_employer(lines, i, rng.text)
        positions.append(Position(rng, title, employer))
    positions.sort(key=lambda p: (p.dates.end, p.dates.ongoing, p.dates.start), reverse=True)
    return tuple(positions)


def check_experience(ctx: CheckContext) -> Iterator[Finding]:
    """No dates under Experience; entries not in reverse-chronological order."""
    lines = ctx.document.lines
    heading = next(
        (ln for ln in lines if ln.is_heading and ln.section is Section.EXPERIENCE), None
    )
    positions = ctx.structure.positions
    if heading is not None and not positions:
        yield Finding(
            code="no_experience_dates",
            severity=Severity.WARNING,
            title="No dates found in the Experience section",
            explanation=(
                "An ATS works out your years of experience from the start and end dates of each "
                "job; without dates it may count none."
            ),
            fix=(
                "Give every job a start and end date, e.g. 'Jan 2020 - Present' or "
                "'03/2019 - 06/2022'."
            ),
            page=heading.page,
            line=heading.number,
        )
        return
    in_order = sorted(positions, key=lambda p: (p.dates.page, p.dates.line))
    if len(in_order) >= 2 and in_order[0].dates.end < max(p.dates.end for p in in_order):
        latest = positions[0].dates
        yield Finding(
            code="not_reverse_chronological",
            severity=Severity.INFO,
            title="Experience is not listed newest first",
            explanation=(
                "Recruiters and many ATSs expect the most recent job first and may take the "
                "first entry as your current role."
            ),
            fix="List jobs in reverse-chronological order (latest first).",
            page=latest.page,
            line=latest.line,
            evidence=latest.text,
        )
