"""Defaults more than one interface names, written once: the CLI, the web and the Python API.

A plain module at the bottom of the road (no imports), so a shell can read a default without
paying for the library (``resume-checker --help`` imports no parser, no FastAPI).
"""

from __future__ import annotations

#: the bundled keyword set a check uses when none is named
DEFAULT_SET = "neural-network-architect"

#: the environment variable that holds the web app's access token (`serve --token`)
TOKEN_ENV = "RESUME_CHECKER_TOKEN"
