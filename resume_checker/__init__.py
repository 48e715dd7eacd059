"""resume-checker: local-first resume keyword screening with explained scores."""

__version__ = "0.1.0"
