"""Shortcuts in structure extraction find exactly what the plain forms found.

Each shortcut (a regex rewritten to start with a character class, alternations grouped by first
letter, a title/employer search that stops reading once both are known) is compared with the
plain form it replaced, on generated text made of the pieces the patterns look for and on
arbitrary text.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_checker.checks import contact, education, experience
from resume_checker.checks.model import Fact
from resume_checker.documents.model import Line

ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)

PLAIN_HAS_YEAR = re.compile(r"(?:19|20)\d{2}|['\u2019]\d{2}")
PLAIN_TITLE_WORDS = re.compile(
    rf"\b(?:{'|'.join(experience.TITLE_WORDS)})s?\b", re.IGNORECASE
)
PLAIN_EMPLOYER_WORDS = re.compile(
    rf"\b(?:{'|'.join(experience.EMPLOYER_WORDS)})\b\.?", re.IGNORECASE
)
FIRST_LETTERS = "(?=[adfjmnosw0-9])"
assert experience._RANGE_START.startswith(FIRST_LETTERS)
PLAIN_RANGE = re.compile(
    experience._RANGE.pattern.replace(FIRST_LETTERS, "", 1), experience._RANGE.flags
)

PIECES = (
    "Jan", "january", "FEB.", "Sept", "May", "june", "Dec", "Oct", "Nov", "Aug", "Apr", "Mar",
    "Summer", "fall", "Winter", "spring", "Autumn", "since", "From", "2019", "1998", "2020",
    "'07", "\u201915", "03", "12", "7", "06/15/2015", "03/2019", "2015/07", "06.2015", "-",
    " - ", "\u2013", "~", " to ", " till ", "Present", "current", "now", "to date", "ongoing",
    " ", "  ", ",", "|", "\u2022", "@", " at ", "\t", "(", ")", ":", ".", "\u017f", "\u0131",
    "\u0130", "\u212a", "Company", "Name", "CompanyName", "Inc.", "LLC", "Corp", "corporation",
    "Labs", "lab", "University", "Engineer", "engineers", "Lead", "leads", "Intern",
    "internship", "VP", "ceo", "Head", "Owner", "Manager", "co", "Co.", "nur\u017fe", "x", "9",
)
piece_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)
any_text = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("aJs1 -/.,'"), max_size=40
)
texts = st.one_of(piece_text, any_text)


def spans(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(texts)
def test_rewritten_regexes_match_what_the_plain_ones_matched(text):
    assert spans(experience._HAS_YEAR, text) == spans(PLAIN_HAS_YEAR, text)
    assert spans(experience._TITLE_WORDS, text) == spans(PLAIN_TITLE_WORDS, text)
    assert spans(experience._EMPLOYER_WORDS, text) == spans(PLAIN_EMPLOYER_WORDS, text)
    assert spans(experience._RANGE, text) == spans(PLAIN_RANGE, text)


def test_first_letter_guard_admits_every_character_those_letters_match_without_case():
    """Under IGNORECASE the guard's class admits each code point that one of its letters
    matches case-insensitively (U+017F long s for "s", for one)."""
    letters = re.compile("|".join("adfjmnosw"), re.IGNORECASE)
    guard = re.compile("[adfjmnosw]", re.IGNORECASE)
    assert guard.findall(ALL_CHARS) == letters.findall(ALL_CHARS)


def test_every_date_word_starts_with_a_guarded_letter():
    for word in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                 "dec", *experience._SEASONS, "since", "from"):
        for form in (word, word.upper(), word.title()):
            text = f"{form} 2019 - {form} 2020 x{form} 2018 to Present; {form} 2017"
            assert spans(experience._RANGE, text) == spans(PLAIN_RANGE, text)


def plain_title_and_employer(lines, index, span):
    """_title_and_employer as it was: every candidate read, then the title and employer."""
    candidates = []
    own = lines[index]
    candidates += [(p, own) for p in experience._parts(own.text.replace(span, " | "))]
    for j in (index - 1, index + 1, index - 2):
        if 0 <= j < len(lines):
            other = lines[j]
            if (other.is_heading or experience._BULLET.match(other.text)
                    or len(other.text.split()) > 10):
                continue
            if experience._has_year(other.text) and experience.find_ranges(
                other.text, today=date.max
            ):
                continue
            candidates += [(p, other) for p in experience._parts(other.text)]
    title = next(((p, ln) for p, ln in candidates if PLAIN_TITLE_WORDS.search(p)), None)
    rest = [(p, ln) for p, ln in candidates if title is None or p != title[0]]
    employer = next(((p, ln) for p, ln in rest if PLAIN_EMPLOYER_WORDS.search(p)), None)
    if employer is None and title is not None and rest:
        employer = rest[0]

    def fact(pair):
        return Fact(pair[0], pair[1].page, pair[1].number) if pair else None
    return fact(title), fact(employer)


line_texts = st.lists(st.sampled_from(PIECES + ("\u2022 ", "- ")), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.tuples(line_texts, st.booleans()), min_size=1, max_size=6),
    st.data(),
)
def test_title_and_employer_reads_what_reading_every_candidate_read(rows, data):
    lines = tuple(
        Line(text, page=1, number=n, is_heading=heading)
        for n, (text, heading) in enumerate(rows, 1)
    )
    index = data.draw(st.integers(0, len(lines) - 1))
    text = lines[index].text
    start = data.draw(st.integers(0, len(text)))
    span = text[start:data.draw(st.integers(start, len(text)))]
    got = experience._title_and_employer(lines, index, span)
    assert got == plain_title_and_employer(lines, index, span)


PLAIN_DEGREE = re.compile(
    r"(?=[A-Za-z])(?<![\w.])(?:"
    + "|".join(rf"(?P<{level.name}>(?:{pattern})(?![\w]))" for level, pattern in education._LEVELS)
    + ")",
    re.IGNORECASE,
)
DEGREE_PIECES = (
    "Ph.D.", "PhD", "D.Phil", "Doctor of Philosophy", "Doctorate in Education", "Ed.D.", "D.Sc.",
    "Sc.D", "Doctor of Medicine", "M.D.", "J.D.", "Juris Doctor", "Master's Degree",
    "Masters of Science", "M.S.", "M. Sc.", "MSc", "M.A.", "M.Eng", "MEng", "MBA", "M.B.A.",
    "MPH", "M.P.H.", "MFA", "M.F.A.", "M.Tech", "MCA", "MPhil", "LL.M.", "M.Ed.", "MEd", "MSW",
    "MPA", "MSCS", "MSEE", "MS", "MA", "Bachelor of Arts", "Bachelors", "B.S.", "B.Sc", "BSc",
    "B.A.", "B.Tech", "B.Eng.", "B.E.", "BBA", "B.B.A.", "B.Com", "BFA", "B.F.A.", "BCA", "BSN",
    "LL.B", "A.B.", "BSCS", "BSEE", "BS", "BA", "BE", "Associate of Science",
    "Associate's Degree", "A.A.S.", "A.A.", "A.S.", "AAS", "AS", "AA", "High School Diploma",
    "GED", "Diploma", "Certificate", "HND", "Higher National Diploma", " in ", " of ", ", ",
    " Computer Science", " Office", "(", " - ", " ", ".", "x", "\u017f", "\u0131", "\u212a",
)
degree_text = st.lists(st.sampled_from(DEGREE_PIECES), min_size=1, max_size=10).map("".join)


def degrees(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(st.one_of(degree_text, any_text))
def test_degree_levels_behind_first_letters_find_what_the_plain_pattern_found(text):
    assert degrees(education._DEGREE, text) == degrees(PLAIN_DEGREE, text)


def test_each_degree_name_starts_with_a_first_letter_of_its_level():
    for piece in DEGREE_PIECES:
        assert degrees(education._DEGREE, piece) == degrees(PLAIN_DEGREE, piece)
        for text in (f"{piece} in Science", f"x, {piece.upper()}, ", f"{piece.lower()} of Arts"):
            assert degrees(education._DEGREE, text) == degrees(PLAIN_DEGREE, text)
    for letters in education._FIRST_LETTERS.values():
        guard = re.compile(f"[{letters}]", re.IGNORECASE)
        plain = re.compile("|".join(letters), re.IGNORECASE)
        assert guard.findall(ALL_CHARS) == plain.findall(ALL_CHARS)


def plain_website(text):
    for m in contact._WEBSITE.finditer(text):
        value = m.group(0)
        lower = value.lower()
        if not (value.islower() or lower.startswith(("http", "www."))):
            continue
        if "linkedin.com" not in lower and "github.com" not in lower:
            return value
    return None


def plain_location(text):
    if "," not in text and "Remote" not in text:
        return None
    m = contact._LOCATION.search(text)
    return m.group(0) if m else None


CONTACT_PIECES = (
    "www.", "http://", "https://", "site", "jane-doe", ".com", ".io", ".dev", ".org", ".co",
    ".xyz", ".IO", ".\u0131o", ".\u017fite", "/path", "@", "linkedin.com", "github.com", "BPMN",
    "Boston", "New York", ", ", ",", ", MA", ",NY", " 02139", "-1234", "United States",
    "Canada", "U.S.A.", "Remote", "remote", " ", "x", ".", "e.g.", "Inc.", "and", "\u2019s",
)
contact_text = st.lists(st.sampled_from(CONTACT_PIECES), min_size=1, max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.one_of(contact_text, any_text))
def test_contact_quick_tests_change_no_website_or_location(text):
    assert contact._website(text) == plain_website(text)
    assert contact._location(text) == plain_location(text)
