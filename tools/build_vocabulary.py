"""Derive the packaged O*NET and ESCO vocabularies from their published files, reproducibly.

Usage:
    python tools/build_vocabulary.py [--out DIR] [ONET_TECHNOLOGY_SKILLS_TXT [ESCO_SKILLS_EN_CSV]]

Defaults: /work/shared/corpus/onet/"Technology Skills.txt" and
/work/shared/corpus/esco/skills_en.csv. Writes, in resume_checker/tuning/data/:

- onet_vocabulary.tsv (name, category, aliases, occupations, flags): every O*NET example
  named for 2+ occupations or flagged Hot / In Demand, whatever its commodity title, under
  the name people write ("Autodesk AutoCAD" -> AutoCAD, the vendor form an alias); generic
  descriptions ("Word processing software") dropped.
- esco_vocabulary.tsv (name, category, aliases): a selection of ESCO knowledge items and hard
  skills ("civil engineering", "labour law", "HACCP"), with alternative labels that are real
  synonyms or spellings as aliases; activity sentences and soft skills left out.

O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration
(USDOL/ETA), used under the CC BY 4.0 licence. ESCO classification v1.1.1, (c) European Union,
2017-2024, used under the CC BY 4.0 licence. Both outputs are modified, filtered extracts.
The same inputs always give byte-identical outputs (every choice is sorted or ordered).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from resume_checker.tuning.vocabulary import (  # noqa: E402  (needs the path above)
    general_words,
    generic_terms,
    key,
    usable_onet_spelling,
)

DATA = REPO / "resume_checker/tuning/data"
ONET_OUT = DATA / "onet_vocabulary.tsv"
ESCO_OUT = DATA / "esco_vocabulary.tsv"
DEFAULT_ONET = "/work/shared/corpus/onet/Technology Skills.txt"
DEFAULT_ESCO = "/work/shared/corpus/esco/skills_en.csv"

ONET_HEADER = (
    "# Derived from O*NET 29.2 Technology Skills (USDOL/ETA), CC BY 4.0; see ATTRIBUTION.md.\n"
    "# Filtered and modified by tools/build_vocabulary.py: generic descriptions dropped,\n"
    "# vendor prefixes and acronyms made aliases, commodity titles mapped to categories.\n"
    "# name\tcategory\taliases (=Alias: case-sensitive)\toccupations\t"
    "flags (hot = Hot Technology or In Demand; cs = case-sensitive)\n"
)
ESCO_HEADER = (
    "# Derived from ESCO v1.1.1 skills (c) European Union, 2017-2024, CC BY 4.0;"
    " see ATTRIBUTION.md.\n"
    "# Selected and modified by tools/build_vocabulary.py: knowledge items and hard skills\n"
    "# kept, activity sentences and soft skills dropped, synonym labels made aliases,\n"
    "# categories assigned by the project.\n"
    "# name\tcategory\taliases\t(unused)\tflags (cs = case-sensitive)\n"
)
MIN_OCCUPATIONS = 2  # keep products named for at least this many occupations, or flagged hot

# --- O*NET ---------------------------------------------------------------------------------

#: O*NET commodity titles -> coarse categories; the first pattern that matches wins
CATEGORY_RULES: tuple[tuple[str, str], ...] = (
    (r"Medical", "medical"),
    (r"security|virus|Authentication", "security"),
    (r"Cloud-based", "cloud"),
    (r"Accounting software|Financial|Tax preparation|Audit", "finance"),
    (r"Human resources|Time accounting", "hr"),
    (r"Customer relationship|Sales and marketing|Point of sale|Contact center|Helpdesk",
     "sales"),
    (r"Legal", "legal"),
    (r"Enterprise resource planning|Materials requirements|Inventory|Procurement|"
     r"Project management|Facilities|Compliance|Procedure management|Process mapping|"
     r"Mailing and shipping|Bar coding|Label making", "business"),
    (r"Computer aided design|Computer aided manufacturing|Pattern design", "design"),
    (r"Graphics or photo|Computer imaging|Desktop publishing|Video creation|Music|"
     r"Web page creation|Action games|Presentation", "media"),
    (r"Industrial control|Manufacturing execution|Flight control|Aviation", "industrial"),
    (r"Geographic information|Map creation|Route navigation|Mobile location", "gis"),
    (r"Computer based training|educational|Library|Dictionary|Foreign language", "education"),
    (r"Object or component|Development environment|Web platform|Program testing|Compiler|"
     r"Graphical user interface|Requirements analysis|File versioning", "programming"),
    (r"Data base|Data mining|Metadata|Business intelligence|Information retrieval|"
     r"Categorization|Data compression|Data conversion|Risk management data|Charting", "data"),
    (r"Analytical or scientific|Expert system", "scientific"),
    (r"Word processing|Spreadsheet|Office suite|Electronic mail|Calendar|Document management|"
     r"Desktop communications|Instant messaging|conferencing|Fax|Spell|Content workflow|"
     r"Internet browser|Voice recognition|Voice synthesizer|Text to speech|Optical character",
     "office"),
    (r"Operating system|Network|server|Configuration management|Enterprise application|"
     r"Enterprise system|Backup|Storage|Filesystem|Clustering|driver|Platform|Internet|"
     r"LAN|WAN|Switch|Gateway|Wireless|Mobile|Software defined|License|Interactive voice|"
     r"Administration|Portal", "infrastructure"),
)
#: vendor prefixes (longest first): the product is written without them ("MATLAB"); the
#: vendor form stays an alias. Apache products keep the prefix, which is part of their name.
VENDORS = (
    "The MathWorks", "MathWorks", "Dassault Systemes", "Autodesk", "Microsoft", "Google",
    "Oracle", "IBM", "Amazon", "Adobe", "SAP", "Intuit", "Salesforce.com", "Salesforce",
    "Atlassian", "Apple", "Siemens", "ESRI", "Bentley Systems", "Bentley", "Cadence",
    "Corel", "Cisco Systems", "Cisco", "Trimble", "Symantec", "PTC", "Avid Technology", "Avid",
    "Mentor Graphics", "Synopsys", "National Instruments", "Thomson Reuters", "Hewlett-Packard",
    "Hewlett Packard", "Red Hat", "SAS Institute", "Unity Technologies", "Epic Systems",
    "GE Healthcare", "McKesson", "Infor", "Sage", "Elite Software", "RockWare", "LexisNexis",
    "Wolters Kluwer", "Blackbaud", "Sun Microsystems", "VMware", "Citrix",
)
KEEP_PREFIX = ("Apache",)
#: vendors whose own name is what ads write for their product ("Salesforce software")
PRODUCT_VENDORS = {"Salesforce", "SAP", "LexisNexis"}


def category_of(title: str) -> str:
    for pattern, category in CATEGORY_RULES:
        if re.search(pattern, title, re.IGNORECASE):
            return category
    return "tools"


def split_example(example: str) -> tuple[str, list[str]] | None:
    """(name, aliases) for an O*NET example as written, or None for a generic description."""
    name = example.strip()
    aliases: list[str] = []
    paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if paren:
        name, inner = paren.group(1).strip(), paren.group(2).strip()
        if re.fullmatch(r"[A-Z][A-Za-z0-9.+#/&-]{1,12}", inner):
            aliases.append(inner)
    words = name.split()
    if words and words[-1] == "software":
        words = words[:-1]
        while words and words[-1].islower():
            words.pop()
    if not words:
        return None
    has_capital = any(ch.isupper() for w in words[1:] + [words[0][1:]] for ch in w)
    if not has_capital and (len(words) > 1 or words[0].islower() or len(words[0]) < 2):
        return None  # "web browser software", "spreadsheet software"
    trailing_acronym = re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", words[-1]) is not None
    vendor_only = " ".join(words[:-1]) in VENDORS  # "The MathWorks MATLAB" is MATLAB
    if len(words) > 1 and trailing_acronym and not words[-2].isupper() and not vendor_only:
        aliases.append(words[-1])  # "Oracle JavaServer Pages JSP"
        words = words[:-1]
    return " ".join(words), aliases


def english_words(esco_path: str) -> set[str]:
    """Lower-case words of ESCO's English labels plus the background corpus: a plain-English
    lexicon, so "Microsoft Outlook" is not shortened to "Outlook" (a word of its own)."""
    words = set(general_words())
    with open(esco_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for label in (row["preferredLabel"], *row["altLabels"].split("\n")):
                words.update(w for w in re.findall(r"[A-Za-z]+", label) if w.islower())
    return words


def strip_vendor(
    name: str, plain: set[str], generic: set[str], english: set[str]
) -> tuple[str, list[str]]:
    """("AutoCAD", ["Autodesk AutoCAD"]) when the rest is a product name on its own;
    ("Microsoft Outlook", ["=Outlook"]) when the rest is also an English word, so that only
    the capitalised form counts."""
    for vendor in (*KEEP_PREFIX, *VENDORS):
        if not name.startswith(vendor + " "):
            continue
        rest = name[len(vendor) + 1 :].strip()
        distinctive = (
            usable_onet_spelling(rest)
            and not all(w in plain for w in key(rest))
            and rest.upper() not in generic
            and not re.fullmatch(r"[A-Z][a-z]{0,2}", rest)
            and not rest[0].isdigit()  # "Sage 50 Accounting" is not "50 Accounting"
        )
        if not distinctive:
            return name, []
        word = re.fullmatch(r"[A-Z][a-z]+", rest) is not None and rest.lower() in english
        if vendor in KEEP_PREFIX or word:
            return name, ["=" + rest if word else rest]
        if vendor.startswith(rest):  # "Salesforce.com Salesforce": the vendor form adds nothing
            return rest, [vendor]
        return rest, [name]
    return name, []


def descriptive_words(examples: set[str], titles: set[str]) -> set[str]:
    """Words O*NET uses to describe kinds of software ("molecular modeling software"):
    a product name made only of them ("Molecular", "Market") is not a product."""
    words = {w.lower() for t in titles for w in re.findall(r"[A-Za-z]+", t)}
    for example in examples:
        parts = example.split()
        if len(parts) >= 3 and parts[-1] == "software" and all(w.islower() for w in parts[1:]):
            named = re.search(r".[A-Z]|\d", parts[0]) or parts[0].isupper()
            words.update(w.lower() for w in (parts[1:] if named else parts))
    return words - {v.lower() for v in VENDORS}


def build_onet(
    path: str, english: set[str]
) -> dict[str, tuple[str, str, tuple[str, ...], int, str]]:
    """Lower-case name -> (name, category, aliases, occupations, flags)."""
    occupations: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    hot: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            example = row["Example"]
            occupations[example].add(row["O*NET-SOC Code"])
            titles[example][row["Commodity Title"]] += 1
            if row["Hot Technology"] == "Y" or row.get("In Demand") == "Y":
                hot.add(example)
    all_titles = {t for c in titles.values() for t in c}
    plain = descriptive_words(set(occupations), all_titles)
    # acronyms of kinds of software: in a commodity title ("ERP", "CAD") or the trailing
    # acronym of several different products ("EMR")
    generic = {w for t in all_titles for w in re.findall(r"\b[A-Z]{2,5}\b", t)}
    trailing = Counter(
        split[1][-1] for e in occupations if (split := split_example(e)) and split[1]
    )
    generic |= {a for a, n in trailing.items() if n >= 2 and a.isupper() and len(a) <= 4}

    merged: dict[str, tuple[str, list[str], set[str], Counter[str], bool]] = {}
    for example in sorted(occupations):
        if len(occupations[example]) < MIN_OCCUPATIONS and example not in hot:
            continue
        split = split_example(example)
        if split is None:
            continue
        name, aliases = split
        if all(w in plain for w in key(name)):
            continue
        if (name in VENDORS and name not in PRODUCT_VENDORS) or re.fullmatch(
            r"[A-Z][a-z]{0,2}", name
        ):
            continue  # a bare vendor or a short capitalised word ("Win") is not a product
        name, vendor_aliases = strip_vendor(name, plain, generic, english)
        aliases = [a for a in (*vendor_aliases, *aliases) if a.upper() not in generic]
        spellings = [s for s in (name, *aliases) if usable_onet_spelling(s.removeprefix("="))]
        if not spellings:
            continue
        name, aliases = spellings[0], spellings[1:]
        k = " ".join(key(name))
        prev = merged.get(k)
        if prev is None:
            merged[k] = (name, aliases, set(occupations[example]), Counter(titles[example]),
                         example in hot)
        else:  # "Salesforce software" and "Salesforce.com": one product
            p_name, p_aliases, p_occ, p_titles, p_hot = prev
            better = len(occupations[example]) > len(p_occ)
            merged[k] = (name if better else p_name, [*p_aliases, *aliases],
                         p_occ | occupations[example], p_titles + titles[example],
                         p_hot or example in hot)
    out: dict[str, tuple[str, str, tuple[str, ...], int, str]] = {}
    for k, (name, aliases, occ, title_counts, is_hot) in merged.items():
        category = category_of(max(sorted(title_counts), key=lambda t: title_counts[t]))
        own = {key(name)}
        kept: list[str] = []
        for alias in aliases:
            if key(alias.removeprefix("=")) not in own:
                own.add(key(alias.removeprefix("=")))
                kept.append(alias)
        # a one-word name that is also an English word ("Notes", "Blink"): as written only
        word = re.fullmatch(r"[A-Z][a-z]+", name) is not None and name.lower() in english
        flags = " ".join(f for f, on in (("hot", is_hot), ("cs", word)) if on)
        out[k] = (name, category, tuple(kept), len(occ), flags)
    return out


# --- ESCO ----------------------------------------------------------------------------------

_QUALIFIER = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_DROP_START = re.compile(
    r"^(?:types|principles|characteristics|features|components|methods|techniques|procedures|"
    r"processes|functions|properties|range|categories|kinds|uses|parts|sources|stages|"
    r"theories|standards|requirements|regulations|specifications|quality|history|"
    r"classification|production|use|operation)\s+(?:of|for|in|on)\b",
    re.I,
)
_DROP_INSIDE = re.compile(r"\b(?:related to|used in|applied to|for|the|and|or|with|by)\b")
#: soft skills and attitudes: never terms, however ESCO files them
SOFT = {
    "communication", "teamwork", "leadership", "creativity", "flexibility", "empathy",
    "motivation", "ethics", "critical thinking", "time management", "self-management",
    "problem solving", "interpersonal skills", "work ethic", "negotiation", "diplomacy",
    "assertiveness", "patience", "resilience", "adaptability", "customer service",
}
#: last words that only say "kinds of" ("printing techniques", "food safety principles")
GENERIC_TAIL = {
    "techniques", "technique", "methods", "method", "procedures", "procedure", "principles",
    "principle", "processes", "process", "types", "standards", "practices", "practice",
    "characteristics", "products", "equipment", "materials", "policies", "sector", "industry",
    "strategy", "strategies", "theory", "theories", "concepts", "tools", "features",
}
#: one-word ESCO labels that ads use as plain words ("test", "water", "documentation"), and
#: pastimes that appear in ads as perks more often than as skills
ESCO_PLAIN = {
    "test", "typology", "legislation", "construction", "cleaning", "transportation", "water",
    "assessment", "speech", "cargo", "documentation", "wood", "survey", "database", "hardware",
    "shipping", "casting", "drying", "household", "skin", "court", "claims", "tracking", "funding",
    "pricing", "consultation", "cameras", "last", "screw", "protein", "logic", "grammar",
    "spelling", "prayer", "morality", "politics", "pregnancy", "obesity", "vocal", "tuning",
    "migration", "projection", "entertainment", "emission", "reflexion", "similitude", "vigilance",
    "interfacing", "proofing", "dies", "pellet", "primer", "opaque", "frisk", "dialect",
    "microphone", "scanner", "projector", "sensors", "bristles", "beeswax", "relaxation",
    "breathing", "singing", "betting", "lottery", "football", "tennis", "golf", "boxing",
    "snowboard", "climbing", "fishing", "diving", "casino", "auction", "composite", "crafting",
    "fabric", "coining", "compaction", "excavation", "securities", "packaging", "printing",
    "publishing", "imaging", "advertising", "manufacturing", "electricity", "conservation",
    "literature", "philosophy", "acting", "broadcast", "tanning", "lasers", "laser", "radars",
    "kiln", "furnace", "microscope", "pulper", "headbox", "imagesetter", "grappler", "scaler",
    "sander", "spreader", "grader", "crusher", "smelter", "handbrake", "lensometer", "tribometer",
    "dragline", "terminology",
}
#: adjective endings: "advanced", "mechanical", "musical" are no terms on their own
_ADJECTIVE = re.compile(r"(?:al|ic|ary|ous|ive|ced)$")
#: light verbs of ESCO activity labels whose object is itself the skill ("apply HACCP")
_LIGHT = re.compile(
    r"^(?:apply|administer|perform|conduct|practise|practice|operate|use|utilise|employ|"
    r"implement|undertake|carry out)\s+(.+)$"
)
_PROCEDURE = re.compile(
    r"(?:scopy|therapy|tomy|graphy|puncture|plasty|metry|sound|sonography|lysis|ectomy|otomy)$"
)
ESCO_CATEGORY_RULES: tuple[tuple[str, str], ...] = (
    (r"\bcomputer programming\b|\bprogramming\b", "programming"),
    (r"\b\w*(?:medic|clinic|nurs|surg|therap|patholog|anatom|physiolog|disease|pharma|dental|"
     r"dentist|radiolog|oncolog|cardi|paediatr|pediatr|obstetr|psychiatr|health|scopy|ectomy|"
     r"otomy|venepuncture|phlebotomy|midwifery|immunolog|epidemiolog|puncture|ultrasound|"
     r"haematolog|hematolog|toxicolog|patient|hygiene|gynaecolog|gynecolog|urolog|neurolog|"
     r"dermatolog|ophthalm|orthop|chiropod|podiatr|optometr|audiolog|geriatr|anaesthe|"
     r"anesthe|obstetric|paramedic|emergency care|first aid)\w*\b", "medical"),
    (r"\b(?:law|laws|legal|legislation|jurisprudence|litigation|contract|court|criminal|"
     r"procedure law|conveyancing)\b", "legal"),
    (r"\b(?:account\w*|tax\w*|financ\w*|audit\w*|bank\w*|insurance|invest\w*|actuar\w*|"
     r"budget\w*|econom\w*|bookkeeping|payroll|credit|securities|stock|ifrs|gaap)\b",
     "finance"),
    (r"\b(?:software|ICT|computer|network\w*|database|data|cloud|cyber\w*|web|internet|"
     r"programming|algorithms?|operating systems?|digital)\b", "technology"),
    (r"\b(?:engineering|mechanic\w*|electric\w*|electron\w*|hydraul\w*|pneumat\w*|"
     r"thermodynam\w*|weld\w*|machin\w*|automation|robotic\w*|materials?|CAD|CAE|HVAC)\b",
     "engineering"),
    (r"\b(?:food|beverages?|cooking|culinary|hospitality|wine|HACCP|GMP|catering)\b",
     "hospitality"),
)


#: spoken languages whose ESCO entry has no "competent in ..." label to tell them by
LANGUAGES = {"Spanish", "Dutch", "Portuguese", "Sanskrit"}


def esco_category(label: str, alternatives: list[str]) -> str:
    if label in LANGUAGES or any(a.lower().startswith("competent in ") for a in alternatives):
        return "languages"
    for pattern, category in ESCO_CATEGORY_RULES:
        if re.search(pattern, label, re.I):
            return category
    return "knowledge"


_SPELLING = (("isation", "ization"), ("ise", "ize"), ("our", "or"), ("tre", "ter"),
             ("ae", "e"), ("oe", "e"), ("ll", "l"))


def _folded(text: str) -> str:
    folded = re.sub(r"[^a-z0-9]", "", text.lower())
    for british, american in _SPELLING:
        folded = folded.replace(british, american)
    return folded.removesuffix("s")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in {"of", "and", "for", "the", "in"})


def synonym_aliases(name: str, alternatives: list[str]) -> list[str]:
    """Alternative labels that are the same term: another spelling ("haematology" /
    "hematology"), an acronym of it ("HACCP"), the term it abbreviates, or a versioned name
    of a programming language. Broader or narrower labels ("agile" under "ICT project
    management methodologies") and sentences ("competent in German") are left out."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    kept: list[str] = []
    for alt in alternatives:
        alt = " ".join(alt.split())
        alt_words = re.findall(r"[A-Za-z0-9]+", alt)
        if not alt_words or len(alt_words) > 5 or alt.lower() == name.lower():
            continue
        same = _folded(alt) == _folded(name)
        acronym = (
            re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}", alt) is not None
            and len(words) > 1
            and _initials(words).upper() == alt.replace("&", "")
        )
        expands = (
            re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}", name) is not None
            and len(alt_words) > 1
            and _initials(alt_words).upper() == name.replace("&", "")
        )
        if same or acronym or expands:
            kept.append(alt)
    return kept


def esco_candidates(path: str) -> list[tuple[str, str, list[str]]]:
    """(name, category, aliases) for the ESCO labels worth drafting, in file order."""
    general = general_words()
    generic = generic_terms()
    out: list[tuple[str, str, list[str]]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    verbs = Counter(
        r["preferredLabel"].split()[0].lower()
        for r in rows if r["skillType"] != "knowledge" and r["preferredLabel"].split()
    )

    def plain_term(name: str) -> bool:
        lowered = name.lower()
        return (
            lowered in generic
            or lowered in SOFT
            or (len(key(name)) == 1 and (key(name)[0] in general or len(name) < 4))
            or (
                re.fullmatch(r"[a-z]+", name) is not None
                and (name in ESCO_PLAIN or _ADJECTIVE.search(name) is not None)
            )
        )

    for row in rows:
        label = row["preferredLabel"].strip()
        alternatives = [a for a in row["altLabels"].split("\n") if a.strip()]
        if row["skillType"] == "knowledge":
            name = label
            qualified = _QUALIFIER.match(label)
            if qualified:  # "Python (computer programming)": the qualifier only disambiguates
                name = qualified.group(1).strip()
            if "(" in name or len(name.split()) > 4 or _DROP_START.match(name):
                continue
            category = esco_category(label, alternatives)
            if _DROP_INSIDE.search(name) or (plain_term(name) and category != "languages"):
                continue  # a spoken language is a requirement, though "English" is plain
            aliases = synonym_aliases(name, alternatives)
            words = name.split()
            if len(words) > 1 and words[-1].lower() in GENERIC_TAIL:
                # "soldering techniques" is written "soldering"; "cleaning" alone says nothing
                core = " ".join(words[:-1])
                if not (len(words) == 2 and plain_term(core)):
                    name, aliases = core, [name, *aliases]
            out.append((name, category, aliases))
            continue
        # a skill: keep the object of a light verb when the object is itself a skill name
        # ("apply HACCP", "perform bronchoscopy", "operate forklift"), and single-word
        # procedure names among the alternatives ("phlebotomy")
        light = _LIGHT.match(label)
        if light:
            obj = light.group(1).strip()
            obj_words = obj.split()
            acronym = any(re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", w) for w in obj_words)
            procedure = _PROCEDURE.search(obj_words[-1]) is not None
            single = (
                label.startswith("operate ")  # a machine: "operate forklift"
                and len(obj_words) == 1 and len(obj) >= 5 and not obj.endswith("s")
                and obj.lower() not in general and obj.lower() not in verbs
            )
            if len(obj_words) <= 3 and (acronym or procedure or single) and not plain_term(obj):
                out.append((obj, esco_category(label + " " + obj, alternatives), []))
        for alt in alternatives:
            alt = alt.strip()
            if (
                re.fullmatch(r"[a-z]{5,}", alt)
                and _PROCEDURE.search(alt)
                and alt not in verbs
                and not plain_term(alt)
            ):
                out.append((alt, esco_category(alt, alternatives), []))
    return out


def build_esco(path: str, taken: set[tuple[str, ...]]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The ESCO selection minus names already in the curated or O*NET vocabulary; an alias
    that two entries claim is dropped from both (it does not say which is meant)."""
    entries: dict[tuple[str, ...], tuple[str, str, list[str]]] = {}
    for name, category, aliases in esco_candidates(path):
        k = key(name)
        if not k or k in taken:
            continue
        if k in entries:
            old = entries[k]
            entries[k] = (old[0], old[1], [*old[2], *aliases])
        else:
            entries[k] = (name, category, aliases)
    claims: Counter[tuple[str, ...]] = Counter()
    for name, _, aliases in entries.values():
        for claimed in {key(a) for a in aliases} - {key(name)}:
            claims[claimed] += 1
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for k in sorted(entries, key=lambda k: (" ".join(k), entries[k][0])):
        name, category, candidates = entries[k]
        seen = {k}
        kept: list[str] = []
        for alias in candidates:
            ak = key(alias)
            if ak and ak not in seen and claims[ak] == 1 and ak not in taken and ak not in entries:
                seen.add(ak)
                kept.append(alias)
        out.append((name, category, tuple(kept)))
    return out


def curated_keys() -> set[tuple[str, ...]]:
    """Every spelling of the curated terms (they win over both derived files)."""
    keys: set[tuple[str, ...]] = set()
    for line in (DATA / "curated_terms.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, rest = line.partition("\t")
            aliases = rest.split("\t")[1] if "\t" in rest else ""
            for s in (name, *aliases.split("|")):
                if s.strip():
                    keys.add(key(s.strip().removeprefix("=")))
    return keys


def main(onet_path: str, esco_path: str, out_dir: Path = DATA) -> None:
    onet_out, esco_out = out_dir / ONET_OUT.name, out_dir / ESCO_OUT.name
    onet = build_onet(onet_path, english_words(esco_path))
    with onet_out.open("w", encoding="utf-8", newline="\n") as out:
        out.write(ONET_HEADER)
        for k in sorted(onet):
            name, category, aliases, count, flags = onet[k]
            out.write(f"{name}\t{category}\t{'|'.join(aliases)}\t{count}\t{flags}\n")
    taken = curated_keys() | {
        key(s.removeprefix("=")) for row in onet.values() for s in (row[0], *row[2])
    }
    esco = build_esco(esco_path, taken)
    with esco_out.open("w", encoding="utf-8", newline="\n") as out:
        out.write(ESCO_HEADER)
        for name, category, aliases in esco:
            # a one-word product name ("Canvas", "Absorb") is also a word: match it as written
            product = re.fullmatch(r"[A-Z][a-z]+", name) and category != "languages"
            out.write(f"{name}\t{category}\t{'|'.join(aliases)}\t\t{'cs' if product else ''}\n")
    print(f"wrote {len(onet)} O*NET terms to {onet_out}")
    print(f"wrote {len(esco)} ESCO terms to {esco_out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    out_dir = DATA
    if "--out" in args:  # write elsewhere (the reproducibility test compares the two)
        at = args.index("--out")
        out_dir = Path(args[at + 1])
        del args[at : at + 2]
    main(args[0] if args else DEFAULT_ONET, args[1] if len(args) > 1 else DEFAULT_ESCO, out_dir)
