"""The structure of a job ad: its parts (requirements, preferred, duties, benefits, company,
legal) and the sentences under each, with the requirement level each sentence states.

Headings come as their own lines ("Requirements", "WHAT YOU'LL DO"), as "Heading:" at the
start of a line, or inline in one long pasted paragraph ("... our mission. Nice to have: Go").
Pure functions over text; :mod:`resume_checker.tuning.builder` drafts terms only from the parts
that ask for skills, so benefits ("free breakfast"), company blurbs and legal boilerplate never
become terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from resume_checker.tuning.cues import Level


class Part(StrEnum):
    """What a part of an ad is for."""

    REQUIRED = "requirements"
    PREFERRED = "preferred"
    DUTIES = "responsibilities"
    BENEFITS = "benefits"
    COMPANY = "company"
    LEGAL = "legal"
    OTHER = "other"         # the ad's opening lines, or an unlabelled part


#: parts whose words are never terms on their own (a skill named there counts only when a
#: requirements, duties or unlabelled part names it too)
BOILERPLATE = frozenset({Part.BENEFITS, Part.COMPANY, Part.LEGAL})

_YOU = r"(?:you(?:'ll| will)?|you(?:'d| would))"
#: (part, states a minimum, heading phrase); the first match wins, so specific phrases lead
_HEADINGS: tuple[tuple[Part, bool, str], ...] = (
    (Part.PREFERRED, False,
     r"preferred(?: qualifications?| skills?| experience| requirements?)?|"
     r"nice[- ]to[- ]haves?|bonus(?: points)?|desirable(?: skills| qualifications)?|pluses|"
     r"good to (?:have|know)|extra credit|additional (?:qualifications|skills)|it would be great|"
     r"(?:would be|is) a plus|desired(?: qualifications| requirements)?"),
    (Part.REQUIRED, True,
     r"minimum (?:qualifications?|requirements?)|basic qualifications?|must[- ]haves?|"
     r"required (?:qualifications?|skills?|experience|competencies)|required|mandatory|"
     r"essential (?:criteria|skills|requirements|qualifications)"),
    (Part.REQUIRED, True,
     r"(?:job |key |the |your )?requirements?|(?:key |your |required )?qualifications?"
     rf"(?: required)?|what {_YOU} (?:need|bring)|what we(?:'re| are) looking for|"
     rf"who we(?:'re| are) looking for|{_YOU} (?:have|bring)|your profile"),
    (Part.REQUIRED, False,
     r"who you are|about you|"
     r"(?:required |key |your |core |technical )?skills?(?: (?:and|&) (?:experience|"
     r"qualifications|requirements|abilities|knowledge))?|experience (?:and|&) skills|"
     r"(?:the )?ideal candidate|candidate profile|desired skills(?: and experience)?|"
     r"skills required|what it takes|competencies|knowledge(?: and skills)?|"
     r"education(?: and experience)?|experience"),
    (Part.DUTIES, False,
     r"(?:key |main |primary )?(?:responsibilities|duties)|"
     rf"what {_YOU} (?:do|be doing)|(?:your|the) role|role description|"
     r"(?:the )?job description|day[- ]to[- ]day|in this role(?: you will)?|"
     r"your (?:tasks|mission|impact|responsibilities)|tasks|accountabilities|the job|"
     r"about the (?:role|job|position)|job summary|position summary|the opportunity"),
    (Part.BENEFITS, False,
     r"(?:our |the |employee |job )?(?:benefits|perks)(?: (?:and|&) (?:benefits|perks))?|"
     r"what we offer|"
     rf"we offer|our offer|what {_YOU} get|why (?:join|work (?:with|for)) us|why us|"
     r"compensation(?: (?:and|&) benefits)?|salary(?: (?:and|&) benefits)?|what's in it for you|"
     r"(?:the )?package"),
    (Part.LEGAL, False,
     r"equal (?:employment )?opportunit(?:y|ies)(?: employer)?|eeo(?: statement)?|"
     r"diversity(?: (?:and|&) inclusion)?|how to apply|to apply|application process|"
     r"disclaimer|legal|privacy(?: notice)?|additional information"),
    (Part.COMPANY, False,
     r"about (?:us|the (?:company|team|employer|organi[sz]ation))|who we are|"
     r"our (?:company|story|mission|culture|team|values)|company (?:description|overview|"
     r"profile)|the company"),
)
_HEADING_RE = [(part, strict, re.compile(rf"(?:{p})", re.I)) for part, strict, p in _HEADINGS]
_ANY_HEADING = re.compile(
    r"(?<![\w'])(" + "|".join(p for _, _, p in _HEADINGS) + r")(?![\w'])", re.I
)
#: single heading words strong enough to start a part inline without a colon
_STRONG = frozenset({"requirements", "qualifications", "responsibilities", "duties", "benefits",
                     "perks", "skills", "tasks"})
#: sub-headings inside a requirements part that keep its part ("Technical skills", "Education")
_NEUTRAL = re.compile(r"^(?:[\w ]*skills?|technical\b.*|education.*|experience|knowledge.*|"
                      r"competencies)$", re.I)
#: "Key:" inside a line, for metadata ("Job type: Full-time") that ends a benefits part
_KEY = re.compile(r"(?<![\w'])([A-Z][A-Za-z]+(?: [A-Za-z]+){0,2}):(?=\s)")
_BULLET = r"[\s\-*\u2022\u00b7\u25aa\u25cf\u2013\u2014#>]*"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u2022])|\s+[\u2022\u00b7\u25aa\u25cf]\s*")

_STATED = re.compile(r"\b(must|required|requires?|mandatory|essential|minimum)\b", re.I)
_PREFERRED_CUE = re.compile(
    r"\b(preferred|nice to have|bonus|a plus|is a plus|are a plus|desirable|ideally|"
    r"advantage|advantageous|familiarity|familiar with|exposure to|would be great)\b",
    re.I,
)
#: sentences of an unlabelled part that are boilerplate by what they say
_BENEFIT_CUE = re.compile(
    r"\b(we offer|benefits?|perks?|free (?:breakfast|lunch|snacks|coffee|fruits?)|"
    r"gym membership|(?:private )?health ?care|health insurance|dental|pension|401\(?k|"
    r"paid time off|pto|vacation|holidays?|parental leave|christmas party|"
    r"stock options|equity|wellness|fresh fruits?|coffee|team events|salary|compensation)\b",
    re.I,
)
_LEGAL_CUE = re.compile(
    r"\b(equal (?:employment )?opportunit|without regard to|applicable (?:law|laws)|"
    r"discriminat|reasonable accommodation|protected (?:veteran|characteristic|status)|"
    r"national origin|sexual orientation|gender identity|e-?verify|privacy (?:policy|notice)|"
    r"recruitment agenc|(?:send|upload|attach|submit|enclose|include|email) (?:us )?(?:your |a )?"
    r"(?:cv|resume|application)|apply (?:now|today|online|here|via|through|by|before)|"
    r"cover letter|motivation letter|curriculum vitae|application deadline|your application|"
    r"deadline for applications|(?:cv|resume) and (?:diplomas|references|certificates)|"
    r"(?:the |your )?applications? (?:must|should|will) (?:be|contain|include)|"
    r"(?:pdf|docx?)[.-]*(?: |-)?(?:files?|format)|contact (?:person|details)|"
    r"for further information|"
    r"for more information|questions about the (?:position|job|role))",
    re.I,
)
#: a sentence that opens by offering something: benefits wherever it stands
_OFFER = re.compile(r"\W*(?:we offer|we provide|in return|you(?:'ll| will) (?:get|enjoy|receive)|"
                    r"(?:our |the )?(?:benefits|perks) include)\b", re.I)
_COMPANY_CUE = re.compile(
    r"\b(founded in|our mission|our customers|we are (?:a|an|the) (?:leading|global|fast|"
    r"growing|world)|headquartered|our clients include|is a leading|market leader)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the ad: what it is for, its heading as written, and where its text lies."""

    part: Part
    heading: str
    start: int          # character offsets of the section's text (after its heading)
    end: int
    stated: bool = False  # the heading states a minimum ("Minimum qualifications", "Must have")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or list item) of the ad, with the part it sits in and what it asks."""

    text: str
    start: int          # character offset in the ad
    part: Part
    level: Level        # REQUIRED under a requirements part or a "must"; PREFERRED; NONE
    stated: bool        # the heading or the sentence says minimum / must / required
    said: bool = False  # the sentence itself says must / required / minimum

    @property
    def boilerplate(self) -> bool:
        return self.part in BOILERPLATE


def _normal(text: str) -> str:
    """Typographic apostrophes and quotes folded (same length, so offsets stay valid)."""
    return text.translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})


def classify_heading(heading: str) -> tuple[Part, bool] | None:
    """The part a heading starts and whether it states a minimum; None for other headings."""
    cleaned = " ".join(_normal(heading).strip(" \t:-*#\u2022").split())
    for part, strict, pattern in _HEADING_RE:
        if pattern.fullmatch(cleaned):
            return part, strict
    return None


def _is_heading_line(line: str) -> bool:
    stripped = line.strip().rstrip(":").strip(" \t*#")
    return (
        0 < len(stripped) <= 60
        and not stripped.endswith(".")
        and not line.lstrip().startswith(("-", "*", "\u2022", "\u00b7"))
        and (line.strip().endswith(":") or len(stripped.split()) <= 6)
        and not any(ch in stripped for ch in "|,;")
    )


def _title_case(words: str) -> bool:
    small = {"to", "a", "an", "the", "and", "or", "of", "for", "in", "on", "with", "we", "you"}
    parts = [w for w in re.split(r"[\s-]+", words) if w]
    return bool(parts) and parts[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in parts
    )


def _headings(text: str) -> list[tuple[int, int, Part, bool, str]]:
    """(start, end, part, stated, heading) for every heading, in order; end is where the
    part's text begins."""
    norm = _normal(text)
    found: list[tuple[int, int, Part, bool, str]] = []
    offset = 0
    for line in norm.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(re.sub(rf"^{_BULLET}", "", body))
        whole = body[lead:].strip()
        prefix = re.match(r"([^:.!?]{1,60}):\s*", whole)
        floor = 0
        if prefix and whole[prefix.end():]:  # "Requirements: 5+ years of Python"
            known = classify_heading(prefix.group(1))
            if known is not None:
                cut = body.index(prefix.group(0)) + prefix.end()
                found.append((offset + lead, offset + cut, *known, prefix.group(1).strip()))
                floor = cut
        elif _is_heading_line(body):
            known = classify_heading(whole)
            if known is None and re.match(r"about\b", whole, re.I) and _title_case(whole):
                known = (Part.COMPANY, False)  # "About Acme"
            if known is not None:
                found.append((offset + lead, offset + len(line), *known, whole.strip(" :")))
            elif not _NEUTRAL.match(whole.strip(" :")) and (
                whole.endswith(":") or (whole.isupper() and " " in whole)
            ):  # another heading ("Location:", "OUR TEAM"): ends the part it follows
                found.append((offset + lead, offset + lead, Part.OTHER, False, whole))
            offset += len(line)
            continue
        for m in _ANY_HEADING.finditer(body):
            phrase = m.group(1)
            if m.start() < floor:
                continue
            after = body[m.end():]
            before = body[: m.start()]
            colon = re.match(r"\s*[:\uff1a]|\s+[-\u2013\u2014]\s", after) is not None
            boundary = not before.strip(" \t*#\u2022\u00b7-") or re.search(
                r"[.!?;|\u2022\u00b7)]\s*$|\s{2,}$", before) is not None
            caps = phrase.isupper() and sum(c.isalpha() for c in phrase) >= 4
            titled = _title_case(phrase)
            single = phrase.lower() in _STRONG
            flattened = (  # "... specifications Requirements Completed studies ...": lines lost
                single and phrase[:1].isupper() and re.search(r"[a-z]\s+$", before) is not None
                and re.match(r"\s+[A-Z]", after) is not None
            )
            if not (flattened or
                (colon and (boundary or phrase[:1].isupper()))
                or (caps and (boundary or colon or re.match(r"\s+[A-Z]", after)))
                or (boundary and titled and (" " in phrase or single) and not colon
                    and re.match(r"\s+[A-Z0-9\u2022\-*]", after) is not None)
            ):
                continue
            known = classify_heading(phrase)
            if known is None:
                continue
            end = m.end() + (len(after) - len(after.lstrip(" \t:\uff1a")) if colon else 0)
            found.append((offset + m.start(1), offset + end, *known, phrase))
        taken = {start for start, *_ in found}
        for m in _KEY.finditer(body):  # "Job type: Full-time", "Industry: AI": ends a blurb
            if m.start() >= floor and offset + m.start() not in taken and (
                classify_heading(m.group(1)) is None
            ):
                at = offset + m.start()  # zero width: "DevOps: CI/CD" keeps its words
                found.append((at, at, Part.OTHER, False, m.group(1)))
        found.sort()
        offset += len(line)
    return found


def sections(text: str) -> tuple[Section, ...]:
    """The ad split into parts by its headings; text before the first heading is OTHER."""
    out: list[Section] = []
    heads = _headings(text)
    start, part, stated, heading = 0, Part.OTHER, False, ""
    for h_start, h_end, h_part, h_stated, h_text in heads:
        if h_start > start or out or heading:
            out.append(Section(part, heading, start, h_start, stated))
        if _NEUTRAL.match(h_text) and part in (Part.REQUIRED, Part.PREFERRED):
            h_part, h_stated = part, stated  # "Technical skills" under "Requirements"
        elif h_part is Part.OTHER and part in (Part.REQUIRED, Part.PREFERRED, Part.DUTIES):
            h_part, h_stated = part, stated  # "Languages:" inside a requirements part
        start, part, stated, heading = h_end, h_part, h_stated, h_text
    out.append(Section(part, heading, start, len(text), stated))
    return tuple(s for s in out if s.end > s.start or s.heading)


def _level(sentence: str, part: Part, stated: bool) -> tuple[Level, bool]:
    if _PREFERRED_CUE.search(sentence):
        return Level.PREFERRED, False
    if _STATED.search(sentence) and part not in BOILERPLATE:
        return Level.REQUIRED, True
    if part is Part.REQUIRED:
        return Level.REQUIRED, stated
    if part is Part.PREFERRED:
        return Level.PREFERRED, False
    return Level.NONE, False


def _boilerplate_part(sentence: str) -> Part | None:
    words = len(sentence.split())
    if len(_LEGAL_CUE.findall(sentence)) * 25 >= words:  # a long line naming skills stays
        return Part.LEGAL
    cues = len(_BENEFIT_CUE.findall(sentence))
    if cues and not _STATED.search(sentence) and (
        words <= 30 or cues * 15 >= words or re.match(r"\W*(?:we offer|benefits|perks)", sentence,
                                                       re.I)
    ):  # a long sentence that names one perk among skills is not a benefits blurb
        return Part.BENEFITS
    if len(_COMPANY_CUE.findall(sentence)) * 25 >= words:
        return Part.COMPANY
    return None


def sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence and list item of the ad, with its part and requirement level.

    A cue in the sentence wins ("Python is a must", "Go is a plus"); otherwise the part's
    heading decides.  In an unlabelled part, a sentence about benefits, the company or the law
    counts as that part ("We offer free breakfast and a gym membership").
    """
    out: list[Sentence] = []
    for section in sections(text):
        chunk = text[section.start : section.end]
        pos = 0
        for line in chunk.splitlines(keepends=True):
            cursor = 0
            for piece in _SENTENCE_END.split(line.rstrip("\r\n")):
                at = line.find(piece, cursor) if piece else cursor
                cursor = at + len(piece)
                clean = piece.strip()
                if not clean:
                    continue
                part = section.part
                if part in (Part.OTHER, Part.DUTIES):
                    part = _boilerplate_part(_normal(clean)) or part
                elif len(_LEGAL_CUE.findall(clean)) * 25 >= len(clean.split()):
                    part = Part.LEGAL  # "Applications must contain a CV": how to apply
                elif _OFFER.match(_normal(clean)):
                    part = Part.BENEFITS  # "We offer a pension plan" after the last list
                level, stated = _level(_normal(clean), part, section.stated)
                said = level is Level.REQUIRED and _STATED.search(_normal(clean)) is not None
                begin = section.start + pos + at + (len(piece) - len(piece.lstrip()))
                out.append(Sentence(clean, begin, part, level, stated, said))
            pos += len(line)
    return tuple(out)


def line_levels(text: str) -> list[tuple[str, Level]]:
    """Each sentence of the ad with the requirement level it sits under (see sentences)."""
    return [(s.text, s.level) for s in sentences(text)]


# --------------------------------------------------------------------------- the title

#: the role nouns of job titles; the words before one name the occupation's field
_ROLE_NOUNS = frozenset({
    "engineer", "engineers", "engineering", "developer", "developers", "programmer", "manager",
    "specialist", "analyst", "assistant", "associate", "officer", "consultant", "coordinator",
    "technician", "technologist", "administrator", "director", "lead", "head", "executive",
    "representative", "rep", "clerk", "paralegal", "lawyer", "attorney", "solicitor", "counsel",
    "accountant", "bookkeeper", "auditor", "architect", "designer", "scientist", "researcher",
    "intern", "trainee", "apprentice", "operator", "supervisor", "advisor", "adviser", "agent",
    "worker", "expert", "professional", "tester", "writer", "editor", "teacher", "tutor",
    "lecturer", "professor", "instructor", "driver", "electrician", "mechanic", "plumber",
    "welder", "carpenter", "machinist", "chef", "cook", "nurse", "therapist", "pharmacist",
    "physician", "doctor", "surgeon", "dentist", "hygienist", "receptionist", "cashier", "planner",
    "buyer", "strategist", "owner", "partner", "recruiter"
})
#: role nouns whose field is named by an activity: "Visual Designer" -> "Visual design"
_ROLE_ACTIVITIES = {
    "designer": "design", "developer": "development", "analyst": "analysis",
    "manager": "management", "consultant": "consulting", "planner": "planning",
}
#: role nouns that name their field themselves
_ROLE_FIELDS = {
    "nurse": "nursing", "accountant": "accounting", "bookkeeper": "bookkeeping",
    "electrician": "electrical", "plumber": "plumbing", "welder": "welding",
    "carpenter": "carpentry", "machinist": "machining", "pharmacist": "pharmacy",
    "paralegal": "paralegal", "lawyer": "law", "attorney": "law", "solicitor": "law",
    "auditor": "audit", "teacher": "teaching", "chef": "culinary", "cook": "cooking",
    "therapist": "therapy", "mechanic": "mechanical", "recruiter": "recruiting",
    "engineer": "engineering", "designer": "design", "consultant": "consulting",
}
#: the fields role nouns name: terms of the title even where a plain ad word is generic
#: ("engineering", "design")
ROLE_FIELDS = frozenset(_ROLE_FIELDS.values())
#: adjectives of titles too broad to name a field alone ("Technical Recruiter")
_BROAD_ADJECTIVES = frozenset({"technical", "digital", "general", "professional", "operational",
                               "commercial", "corporate", "internal", "external", "social",
                               "critical", "special", "central", "principal", "total", "local",
                               "strategic", "tactical", "executive", "physical", "practical"})
#: fields a title's last field word names alone ("Platform Sales Manager": sales manager)
_CORE_FIELDS = frozenset({"sales", "marketing", "product", "project", "program", "account",
                          "payroll", "finance", "staffing", "recruiting", "community", "brand",
                          "content", "communications", "operations", "business", "security",
                          "network", "quality", "supply", "office", "store", "restaurant"})
#: engineering fields a resume names by one word that is not an adjective in -al / -ic
_FIELD_WORDS = frozenset({"civil", "aerospace", "nuclear", "petroleum", "marine", "automotive"})
_TITLE_NOISE = frozenset({
    "senior", "sr", "junior", "jr", "principal", "staff", "lead", "chief", "head", "entry",
    "level", "mid", "mid-level", "i", "ii", "iii", "iv", "v", "graduate", "new", "remote",
    "hybrid", "onsite", "full", "part", "time", "contract", "temporary", "permanent", "freelance",
    "registered", "certified", "licensed", "qualified", "experienced", "global", "regional",
    "national", "international", "area", "district", "the", "a", "an", "of", "and", "for", "to",
    "with", "our", "we", "are", "is", "looking", "hiring", "job", "m", "f", "d", "w", "x"
})


_FUNCTION_WORDS = frozenset({
    "as", "is", "are", "be", "by", "on", "at", "in", "our", "your", "their", "this", "that",
    "who", "which", "you", "will", "join", "position", "role", "vacancy", "seeking", "seeks",
})


def occupation_terms(
    title: str, known: Callable[[str], bool] = lambda word: False
) -> list[tuple[str, tuple[str, ...]]]:
    """The occupation and field words of a job title, as (name, aliases) terms.

    "Senior Mechanical Engineer" -> ("Mechanical engineering", ("mechanical engineer",
    "mechanical")) and ("Engineering", ("engineer",)); "Payroll Specialist" -> ("Payroll",
    ()); "Registered Nurse" -> ("Nursing", ("nurse",)).  A title with no role noun ("We are
    hiring!") gives none; words for which ``known`` is true (skills the vocabulary names:
    "Python Backend Engineer") are left out.
    """
    head = re.split(r"\s[-\u2013\u2014|]\s|[(,:;!?]|\s(?:at|in|for|@)\s", _normal(title))[0]
    words = re.findall(r"[A-Za-z][A-Za-z&.+#-]*", head)
    if not 0 < len(words) <= 8:
        return []
    found: list[tuple[str, tuple[str, ...]]] = []
    for i, word in enumerate(words):
        noun = word.lower()
        if noun not in _ROLE_NOUNS:
            continue
        field = [w for w in words[:i] if w.lower() not in _TITLE_NOISE
                 and w.lower() not in _ROLE_NOUNS and not known(w)][-3:]
        if any(w.lower() in _FUNCTION_WORDS for w in field):
            break  # "A position as senior researcher": a sentence, not a title
        if len(field) == 1 and field[0].lower() in _BROAD_ADJECTIVES:
            field = []  # "Technical Recruiter": the field is the noun's own ("Recruiting")
        phrase = " ".join(w if w.isupper() else w.lower() for w in field)
        first = field[0].lower() if field else ""
        # the field's first word alone ("mechanical") is a spelling of it when it is an
        # adjective a resume writes alone; "process", "test" or "software" alone are not
        lead = (first,) if (re.search(r"(?:al|ic)$", first) or first in _FIELD_WORDS) and (
            first not in _BROAD_ADJECTIVES) else ()
        if phrase and noun.startswith("engineer") and not phrase.endswith("engineering"):
            found.append((f"{phrase} engineering".capitalize(),
                          (f"{phrase} engineer", *(lead if len(field) > 1 else
                                                   (phrase,) if lead else ()))))
        elif phrase and noun in _ROLE_ACTIVITIES and not phrase.endswith(_ROLE_ACTIVITIES[noun]):
            activity = _ROLE_ACTIVITIES[noun]
            name = f"{phrase} {activity}"
            # "Platform Sales Manager": a resume writes "sales manager", "sales management"
            last = field[-1].lower() if len(field) > 1 else ""
            core = (f"{last} {noun}", f"{last} {activity}") if last in _CORE_FIELDS else ()
            found.append((name[:1].upper() + name[1:], (f"{phrase} {noun}", *core)))
        elif phrase:
            found.append((phrase[:1].upper() + phrase[1:], lead if len(field) > 1 else ()))
        if noun in _ROLE_FIELDS and _ROLE_FIELDS[noun] != phrase:
            # the field the role noun names, with the noun as its alias: a resume says
            # "Mechanical Engineer" or "engineering", "Registered Nurse" or "nursing"
            own = _ROLE_FIELDS[noun]
            found.append((own.capitalize(), (noun,) if own != noun else ()))
        break
    return found
