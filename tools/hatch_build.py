"""Hatch build hook: compile the optional C speedup of the PDF parser.

``resume_checker/documents/_pdfboxes.c`` reads a page's character boxes in one C loop instead of
one ctypes call per character.  It is optional: when it cannot be compiled (no C compiler or no
Python headers on the machine) the package installs without it, with a warning, and the parser
takes its ctypes path, which gives the same results more slowly.  Set
``RESUME_CHECKER_NO_NATIVE=1`` to install without it on purpose.

An editable install (``pip install -e .``) builds the module next to its source, where the
editable import path finds it; a wheel carries it as a platform-specific file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "resume_checker.documents._pdfboxes"
SOURCE = "resume_checker/documents/_pdfboxes.c"


class NativeSpeedupHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("RESUME_CHECKER_NO_NATIVE"):
            return
        editable = version == "editable"
        root = Path(self.root)
        try:
            built = _compile(root, inplace=editable, work=Path(self.directory) / "native")
        except Exception as exc:  # noqa: BLE001 - any failure leaves the pure-Python path
            self.app.display_warning(
                f"resume-checker: the optional C speedup {SOURCE} was not built "
                f"({type(exc).__name__}: {exc}); PDF parsing uses the slower ctypes path"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if not editable:
            build_data["force_include"][str(built)] = built.relative_to(
                built.parents[2]).as_posix()


def _compile(root: Path, *, inplace: bool, work: Path) -> Path:
    """Compile the module with setuptools' build_ext (the platform's compiler and flags);
    return the path of the built file."""
    from setuptools import Distribution, Extension

    dist = Distribution({"name": "resume-checker", "ext_modules": [Extension(MODULE, [SOURCE])]})
    command = dist.get_command_obj("build_ext")
    command.inplace = inplace
    command.build_temp = str(work / "temp")
    command.build_lib = str(work / "lib")
    with contextlib.chdir(root):
        command.ensure_finalized()
        command.run()
        built = Path(command.get_ext_fullpath(MODULE)).resolve()
    if not built.is_file():
        raise FileNotFoundError(f"build_ext reported {built}, which is not there")
    return built
