"""Imported once by the forkserver, so every worker it forks starts with spaCy already loaded.

Creating the blank English pipeline takes over a second; paying it once per batch instead of once
per worker (and again for every worker replaced after a crash or a timeout) keeps small batches
and recoveries fast.  Only pure-Python state is warmed here: no PDF library is opened before fork.
"""

from __future__ import annotations

# what a check loads: the parsers, named because their packages load the readers on first use
# (a batch whose workers imported numpy and PDFium themselves ran 7-13% slower end to end), the
# set loader, the report model
import resume_checker.documents  # noqa: F401 - the import is the point
import resume_checker.documents.docx.reader  # noqa: F401
import resume_checker.documents.pdf.reader  # noqa: F401
import resume_checker.keywords.loader  # noqa: F401
import resume_checker.report  # noqa: F401
from resume_checker.matching import blank_nlp

blank_nlp()
