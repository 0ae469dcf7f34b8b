"""The import graph points down: no module imports one from a layer above it.

The layers are those of docs/architecture.md, bottom first.  A new module must be given a
layer here, so the test fails until someone decides where it belongs.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "translit_service"

LAYERS: list[set[str]] = [
    {"errors"},
    {"options", "tables", "codepage", "locales"},
    {"fileio", "settings", "lexicon", "glossary"},
    {"spans", "markup", "diacritics"},
    {"engine"},
    {"entries", "documents", "frontmatter", "mdprose", "datafiles", "yamlvalues", "tomlvalues"},
    {"catalogs"},
    {"articles", "batch", "treewalk"},
    {"web", "app"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _top(module: Path) -> str:
    return module.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    """The translit_service top-level modules ``path`` imports."""
    tree = ast.parse(path.read_text("utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1  # 0 for translit_service/x.py
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                parts = (node.module or "").split(".")
                if parts[0] == "translit_service" and len(parts) > 1:
                    found.add(parts[1])
                continue
            if node.level - 1 > depth:
                continue
            if node.level - 1 < depth and node.level == 1:  # stays inside its subpackage
                continue
            base = (node.module or "").split(".")[0]
            if node.level - 1 == depth:
                if base:
                    found.add(base)
                else:
                    found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "translit_service" and len(parts) > 1:
                    found.add(parts[1])
    return found - {"__version__", "__init__"}


def test_every_module_has_a_layer() -> None:
    tops = {_top(p) for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert tops <= set(RANK), sorted(tops - set(RANK))


def test_imports_point_down() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        here = _top(path)
        if here == "__init__":
            continue
        for name in _imports(path):
            if name in RANK and RANK[name] > RANK[here]:
                upward.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not upward, upward


def test_only_catalogs_import_polib_and_babel_messages() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if _top(path) == "catalogs":
            continue
        text = path.read_text("utf-8")
        if "import polib" in text or "babel.messages" in text:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders
