"""Where the tests find the repository's files and the optional corpus beside the checkout."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SAMPLES = REPO / "samples"
KEYWORD_SETS = REPO / "keyword_sets"
FIXTURES = TESTS / "fixtures"
SHARED = REPO.parent / "shared"
LIVECAREER = SHARED / "corpus" / "resumes-livecareer"
