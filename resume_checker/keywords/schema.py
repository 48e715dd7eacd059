"""The JSON Schema of keyword-set files, generated from the pydantic model.

Editors use it to check YAML as people type (``# yaml-language-server: $schema=...``).
Regenerate the checked-in copy with::

    python -m resume_checker.keywords.schema > keyword_sets/keyword-set.schema.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

from resume_checker.keywords.model import KeywordSet

SCHEMA_FILE_NAME = "keyword-set.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def keyword_set_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a keyword-set file."""
    schema = KeywordSet.model_json_schema()
    return {"$schema": DIALECT, **schema}


def schema_text() -> str:
    """The schema as the checked-in file holds it: indented JSON ending in a newline."""
    return json.dumps(keyword_set_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    sys.stdout.write(schema_text())


if __name__ == "__main__":
    main()
