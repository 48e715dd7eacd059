"""Imported once by the web's forkserver, so each parse worker starts with spaCy and the parsers
already imported: the batch's preload, and the text parser beside it.

A web request parses one file per fresh worker, so importing the PDF/DOCX/text parsers (numpy,
pypdfium2, lxml) once instead of per request saves about 0.2 s per upload.  Importing pypdfium2
initialises PDFium in the (single-threaded) forkserver; each worker gets its own copy of that
state by fork and opens no document before it.
"""

from __future__ import annotations

import resume_checker.batch.preload  # noqa: F401 - the import is the point
import resume_checker.documents.docx.reader  # noqa: F401
import resume_checker.documents.pdf.reader  # noqa: F401
import resume_checker.documents.text  # noqa: F401
