"""Contact details: e-mail, phone, LinkedIn, GitHub, website and location, and where they sit.

Each kind is looked for in the main text first and in page headers, footers and text boxes
after, so a detail that is only in a margin can be reported as at risk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from resume_checker.checks.model import CheckContext, ContactFacts, Fact, Finding
from resume_checker.documents.model import Document, Line, Origin, Severity

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,5}){1,4}(?![\w/-])"
)
_DIGIT = re.compile(r"\d")
_PHONE_LABEL = re.compile(r"(?i)\b(?:phone|tel|mobile|cell|ph|mob)\b")
_YEARS = re.compile(r"(?:19|20)\d{2}")
_LINKEDIN = re.compile(r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w%-]+/?")
_GITHUB = re.compile(r"(?i)(?:https?://)?(?:www\.)?github\.com/[\w-]+(?:/[\w.-]+)?")
_WEBSITE = re.compile(
    r"(?i)(?<![@\w.])(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[^\s|,]*)?"
    r"|(?<![@\w.])[a-z0-9-]{3,}\.(?:dev|io|me|ai|app|page|site|tech|com|net|org|co|xyz)"
    r"(?:/[^\s|,]*)?(?![\w.])"
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|ON|BC|QC|AB|NSW|VIC"
)
_COUNTRIES = (
    "USA|U\\.S\\.A\\.|United States|UK|U\\.K\\.|United Kingdom|England|Scotland|Ireland|Canada|"
    "Australia|New Zealand|India|Germany|France|Spain|Italy|Netherlands|Belgium|Switzerland|"
    "Austria|Sweden|Norway|Denmark|Finland|Poland|Portugal|Brazil|Mexico|Argentina|Chile|"
    "Colombia|China|Japan|Singapore|Malaysia|Philippines|Indonesia|Vietnam|Pakistan|"
    "Bangladesh|Nigeria|Kenya|South Africa|Egypt|Israel|UAE|United Arab Emirates|Turkey|"
    "Greece|Romania|Ukraine|Czech Republic|Hungary|Korea|South Korea|Taiwan|Hong Kong"
)
_CITY = r"[A-Z][A-Za-z.'\u2019-]+(?:\s[A-Z][A-Za-z.'\u2019-]+){0,3}"
_LOCATION = re.compile(
    rf"(?<![\w@])(?:{_CITY}),\s*(?:(?-i:{_STATES})(?:\s+\d{{5}}(?:-\d{{4}})?)?|{_COUNTRIES})(?![\w@])"
    r"|\bRemote\b"
)
_TOP_LINES = 15
_MAIN_TEXT = frozenset((Origin.BODY, Origin.TABLE))

Finder = tuple[str, re.Pattern[str]]


def _phone(text: str) -> str | None:
    if not _DIGIT.search(text):
        return None
    for m in _PHONE.finditer(text):
        value = m.group(0).strip()
        digits = sum(c.isdigit() for c in value)
        if not 7 <= digits <= 15:
            continue
        if all(_YEARS.fullmatch(g) for g in re.findall(r"\d+", value)):
            continue  # "2018 - 2021"
        labelled = bool(_PHONE_LABEL.search(text))
        if value.startswith("+") or "(" in value or digits >= 10 or labelled:
            return value
    return None


def _first(lines: Iterable[Line], find, needle: str = "") -> Fact | None:
    """The first value `find` reads from a line; `needle` (lower case) skips lines quickly."""
    for line in lines:
        if needle and needle not in line.text.lower():
            continue
        value = find(line.text)
        if value:
            return Fact(value, line.page, line.number)
    return None


def _search(pattern: re.Pattern[str]):
    def find(text: str) -> str | None:
        m = pattern.search(text)
        return m.group(0) if m else None
    return find


# What _LOCATION needs: "Remote", or a comma before the capital of a state or country.  Most
# lines with commas (sentences, lists) fail this quick test and skip the full pattern.
_COMMA_CAPITAL = re.compile(r",\s*[A-Z]")


def _location(text: str) -> str | None:
    if "Remote" not in text and not _COMMA_CAPITAL.search(text):
        return None
    m = _LOCATION.search(text)
    return m.group(0) if m else None


# What _WEBSITE needs: a dot before a letter (of the domain or its ending); a quick test first.
_DOT_LETTER = re.compile(r"\.[a-z]", re.IGNORECASE)


def _website(text: str) -> str | None:
    if not _DOT_LETTER.search(text):
        return None
    for m in _WEBSITE.finditer(text):
        value = m.group(0)
        lower = value.lower()
        if not (value.islower() or lower.startswith(("http", "www."))):
            continue  # "BPMN.IO" is a tool, not a site
        if "linkedin.com" not in lower and "github.com" not in lower:
            return value
    return None


def extract_contact(document: Document) -> ContactFacts:
    """The first e-mail, phone, profile links and location, main text before margins.

    Phone, website and location are looked for only near the top of page 1 and in the
    margins, where a resume puts its own; one further down is usually a reference's.
    """
    lines = document.lines
    body: list[Line] = []
    rest: list[Line] = []
    for ln in lines:
        (body if ln.origin in _MAIN_TEXT else rest).append(ln)
    ordered = body + rest
    first_page = min((ln.page for ln in lines), default=1)
    top = list(islice((ln for ln in body if ln.page == first_page), _TOP_LINES)) + rest
    # a kind whose needle is nowhere in the text is not looked for line by line
    lower = "\n".join(ln.text for ln in lines).lower()
    return ContactFacts(
        email=_first(ordered, _search(_EMAIL), "@") if "@" in lower else None,
        phone=_first(top, _phone),
        linkedin=_first(ordered, _search(_LINKEDIN), "linkedin") if "linkedin" in lower else None,
        github=_first(ordered, _search(_GITHUB), "github") if "github" in lower else None,
        website=_first(top, _website, "."),
        location=_first(top, _location),
    )


_LABELS = {
    "email": "e-mail address", "phone": "phone number", "linkedin": "LinkedIn URL",
    "github": "GitHub URL", "website": "website", "location": "location",
}


def check_contact(ctx: CheckContext) -> Iterator[Finding]:
    """Missing e-mail, phone, location or LinkedIn; contact details only in a margin or text box."""
    contact = ctx.structure.contact
    doc = ctx.document
    if not doc.has_text:
        return
    origin = {(ln.page, ln.number): ln.origin for ln in doc.lines}
    for kind, origins, code, where in (
        ("header", (Origin.HEADER, Origin.FOOTER), "contact_in_header", "page header or footer"),
        ("text box", (Origin.TEXTBOX,), "contact_in_textbox", "a text box"),
    ):
        facts = [
            (name, fact) for name in _LABELS
            if (fact := getattr(contact, name)) is not None
            and origin.get((fact.page, fact.line)) in origins
        ]
        if facts:
            names = " and ".join(_LABELS[name] for name, _ in facts)
            yield Finding(
                code=code,
                severity=Severity.WARNING,
                title=f"Contact details only in {where}",
                explanation=(
                    f"Your {names} appear only in {where}.  Many ATSs drop {kind} text, so "
                    "the recruiter may get a profile with no way to reach you."
                ),
                fix="Put your name and contact details as plain text at the top of the page body.",
                page=facts[0][1].page,
                line=facts[0][1].line,
                evidence=names,
            )
    missing = (
        ("email", Severity.WARNING, "An ATS fills the candidate's e-mail from the resume; "
         "without one the recruiter cannot reply.", "Add your e-mail address at the top."),
        ("phone", Severity.WARNING, "Recruiters usually call first; an ATS fills the phone "
         "field from the resume.", "Add a phone number with country code, e.g. +1 555 123 4567."),
        ("location", Severity.INFO, "Recruiters often filter candidates by location; no city "
         "and region or country was found near the top.", "Add 'City, ST' or 'City, Country' "
         "(or 'Remote') near your name."),
        ("linkedin", Severity.INFO, "Many recruiters look for a LinkedIn profile.",
         "Add your LinkedIn URL (linkedin.com/in/...) if you have one."),
    )
    for name, severity, explanation, fix in missing:
        if getattr(contact, name) is None:
            yield Finding(
                code=f"missing_{name}",
                severity=severity,
                title=f"No {_LABELS[name]} found",
                explanation=explanation,
                fix=fix,
            )
