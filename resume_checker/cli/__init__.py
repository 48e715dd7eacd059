"""The command line: one Typer app (``app``) whose commands are thin shells over the library."""
