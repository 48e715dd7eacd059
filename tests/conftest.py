"""Every test folder imports the shared fixture builders (pdf_fixtures, docx_fixtures, ...) and
the repository's locations from here, whatever folder pytest starts in."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
