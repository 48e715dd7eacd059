"""First-cut section labels from heading detection.

A line is a heading when it is short, mostly letters, and its words name a standard
resume section ("Work Experience", "SKILLS", "Education & Training:").  Every line
after a heading carries that heading's section until the next heading.  Layout cues
(bold, larger font, capitals) make a heading more likely but are not required, so
plain text and DOCX without styles get the same labels.
"""

from __future__ import annotations

import re

from resume_checker.documents.model import Section

# Words that name a section when they make up (most of) a short line.
_HEADINGS: dict[Section, tuple[str, ...]] = {
    Section.SUMMARY: (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "overview",
        "personal statement",
        "highlights",
        "summary of qualifications",
        "qualifications summary",
        "career highlights",
    ),
    Section.EXPERIENCE: (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "industry experience",
        "research experience",
        "experience and employment",
        "professional background",
        "positions",
        "appointments",
        "internships",
        "teaching experience",
        "leadership experience",
    ),
    Section.EDUCATION: (
        "education",
        "academic background",
        "education and training",
        "academics",
        "academic qualifications",
        "qualifications",
        "degrees",
        "education & training",
        "educational background",
        "training",
    ),
    Section.SKILLS: (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "skills & expertise",
        "skills and expertise",
        "competencies",
        "core competencies",
        "technologies",
        "technical expertise",
        "expertise",
        "tools",
        "tools and technologies",
        "programming languages",
        "languages",
        "skill highlights",
        "areas of expertise",
        "technical proficiencies",
        "proficiencies",
        "strengths",
    ),
    Section.CERTIFICATIONS: (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "accreditations",
        "courses",
        "courses and certifications",
        "professional development",
        "training and certifications",
    ),
    Section.PROJECTS: (
        "projects",
        "selected projects",
        "personal projects",
        "key projects",
        "side projects",
        "open source",
        "open-source contributions",
        "portfolio",
        "research projects",
    ),
    Section.PUBLICATIONS: (
        "publications",
        "selected publications",
        "papers",
        "research",
        "patents",
        "talks",
        "presentations",
        "publications and patents",
        "conference papers",
    ),
    Section.OTHER: (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "interests",
        "hobbies",
        "activities",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "references",
        "additional information",
        "affiliations",
        "memberships",
        "accomplishments",
        "achievements",
        "extracurricular activities",
        "contact",
        "contact information",
        "personal information",
        "personal details",
        "languages spoken",
    ),
}

#: every standard heading phrase, in heading_key form, and the section it names
HEADING_PHRASES: dict[str, Section] = {
    phrase: section for section, phrases in _HEADINGS.items() for phrase in phrases
}
_CLEAN = re.compile(r"[^a-z& ]+")
_MAX_HEADING_CHARS = 48


def heading_key(text: str) -> str:
    """The comparable form of a candidate heading: lower case, letters, '&' and single spaces."""
    cleaned = _CLEAN.sub(" ", text.lower().replace("&", " & "))
    return " ".join(cleaned.split())


def classify_heading(text: str) -> Section | None:
    """The section a line names when it is a heading, else None."""
    stripped = text.strip().rstrip(":").strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS:
        return None
    if any(map(str.isdigit, stripped)):
        return None
    key = heading_key(stripped)
    if not key:
        return None
    if key in HEADING_PHRASES:
        return HEADING_PHRASES[key]
    key = key.replace(" & ", " and ")
    return HEADING_PHRASES.get(key)


def label_sections(texts: list[str]) -> list[tuple[Section, bool]]:
    """For each line, its section and whether it is itself a heading.

    Lines before the first heading (name, contact details) are labelled OTHER.
    """
    current = Section.OTHER
    labels: list[tuple[Section, bool]] = []
    for text in texts:
        section = classify_heading(text)
        if section is not None:
            current = section
            labels.append((section, True))
        else:
            labels.append((current, False))
    return labels
