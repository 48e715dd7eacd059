"""The package's imports point one way, down the road, as a layering linter would check.

Every ``import`` in ``resume_checker`` (module level, inside functions and under
``TYPE_CHECKING`` alike) is read from the source.  A module may import its own package and the
layers below it, never one above; no two modules import each other, however far round; and no
module takes a private name (``_name``) from another package.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest
from locations import REPO

PACKAGE = REPO / "resume_checker"

#: the road, lowest first; a unit is a top-level module or package of resume_checker
LAYERS: tuple[frozenset[str], ...] = tuple(frozenset(units.split()) for units in (
    "errors limits version defaults",   # plain facts every layer may name
    "sandbox",                          # child processes under time and memory limits
    "documents",                        # bytes -> Document
    "keywords",                         # the keyword-set model: data only
    "matching",                         # Document x set -> matches with evidence
    "checks",                           # ATS findings and structure facts
    "scoring",                          # matches + facts -> Score
    "report ranking",                   # the models of one report and of a batch's rows
    "render",                           # pure renderers of those models
    "analysis",                         # the road put together for one document
    "batch",                            # many documents in worker processes, with a cache
    "tuning",                           # building and tuning sets (reads pools through batch)
    "api",                              # the public Python API
    "web",                              # a shell
    "cli",                              # a shell
    "__init__",                         # the package's lazy facade
))
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports() -> dict[str, set[tuple[str, str, int]]]:
    """module -> {(imported module, imported name or '', line)} for every resume_checker import."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    found: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("resume_checker"):
                        found[module].add((alias.name, "", node.lineno))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("resume_checker"):
                    continue
                for alias in node.names:
                    submodule = f"{target}.{alias.name}"
                    if submodule in modules:
                        found[module].add((submodule, "", node.lineno))
                    else:
                        found[module].add((target, alias.name, node.lineno))
    return found


IMPORTS = _imports()


def test_every_unit_has_a_layer() -> None:
    units = {_unit(m) for m in IMPORTS} | {_unit(t) for e in IMPORTS.values() for t, _, _ in e}
    assert units - RANK.keys() == set(), "give each new package a place in LAYERS"


def test_no_import_points_up_the_road() -> None:
    upward = [
        f"{module} (line {line}) imports {target}: {_unit(module)} is below {_unit(target)}"
        for module, edges in sorted(IMPORTS.items())
        for target, _, line in sorted(edges)
        if RANK[_unit(target)] > RANK[_unit(module)]
    ]
    assert not upward, "\n".join(upward)


def test_no_import_circle() -> None:
    graph = {m: {t for t, _, _ in edges if t != m} for m, edges in IMPORTS.items()}
    for target in {t for edges in graph.values() for t in edges}:
        graph.setdefault(target, set())
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, "\n".join(" -> ".join(c) for c in circles)


def test_no_private_name_crosses_a_package() -> None:
    crossing = [
        f"{module} (line {line}) imports {name} from {target}"
        for module, edges in sorted(IMPORTS.items())
        for target, name, line in sorted(edges)
        if name.startswith("_") and not name.startswith("__")
        and target.rpartition(".")[0] != module.rpartition(".")[0]
        and _unit(target) != _unit(module)
    ]
    assert not crossing, "\n".join(crossing)


@pytest.mark.parametrize("rank", range(len(LAYERS)))
def test_layers_are_disjoint(rank: int) -> None:
    assert all(not (LAYERS[rank] & other) for i, other in enumerate(LAYERS) if i != rank)
