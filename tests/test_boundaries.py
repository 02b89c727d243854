"""The layers' boundaries, read from the source: who may import what, and who may touch Whoosh.

``web`` and the command line render what ``search`` returns; ``search`` is the
only reader of the index, through ``SearchEngine`` and the modules under
``search/present``; Whoosh's private internals are used in one module, which
checks them at import. A change that crosses a boundary fails here with the
file and line that crossed it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PUBLIC_SEARCH = ("search.engine", "search.errors", "search.present")
"""What ``web`` and ``bahith`` may import from ``search``: ``plan`` and ``execute`` are its inside."""

SEARCHER_CALLS = {"searcher", "document_number", "stored_fields", "reader"}
"""Whoosh ``Searcher`` methods that only ``search`` calls."""

PRIVATE_ALLOWED = "search/execute/whoosh_private.py"
NAMEDTUPLE_METHODS = {"_replace", "_asdict", "_fields", "_make"}
"""Named tuples' public methods, which start with an underscore."""


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of each import in ``path``, ``from x import y`` giving ``x``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def _under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _crossings(packages: tuple[str, ...], forbidden: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for package in packages
        for path in _sources(package)
        for line, module in _imports(path)
        if _under(module, forbidden) and not any(_under(module, ok) for ok in allowed)
    ]


@pytest.mark.parametrize(
    ("packages", "forbidden", "allowed"),
    [
        (("web", "bahith"), "whoosh", ()),
        (("web", "bahith"), "search", PUBLIC_SEARCH),
        (("indexer",), "search", ()),
        (("indexer", "search"), "web", ()),
        (("indexer", "search"), "bahith", ()),
    ],
)
def test_a_layer_imports_only_what_it_may(
    packages: tuple[str, ...], forbidden: str, allowed: tuple[str, ...]
) -> None:
    assert _crossings(packages, forbidden, allowed) == []


def test_web_and_the_command_line_never_call_a_whoosh_searcher() -> None:
    calls = [
        f"{path.relative_to(ROOT)}:{node.lineno} calls .{node.func.attr}()"
        for package in ("web", "bahith")
        for path in _sources(package)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SEARCHER_CALLS
    ]
    assert calls == []


def _private_uses(path: Path) -> Iterator[str]:
    """Each ``x._name`` in ``path`` where ``x`` is not ``self``/``cls`` (and not a dunder)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in NAMEDTUPLE_METHODS
            and not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"})
        ):
            yield f"{path.relative_to(ROOT)}:{node.lineno} uses .{node.attr}"


def test_whoosh_internals_are_used_in_one_module_only() -> None:
    uses = [
        use
        for path in _sources("search")
        if path.relative_to(ROOT).as_posix() != PRIVATE_ALLOWED
        for use in _private_uses(path)
    ]
    assert uses == []
    assert list(_private_uses(ROOT / PRIVATE_ALLOWED)), "the module of Whoosh internals uses none"


@pytest.mark.parametrize(
    ("owner", "attribute", "named"),
    [
        ("whoosh.codec.whoosh3.W3LeafMatcher", "_next_block", "W3LeafMatcher._next_block"),
        ("whoosh.query.Prefix", "_btexts", "Prefix._btexts"),
        ("whoosh.index.FileIndex", "_read_toc", "FileIndex._read_toc"),
        ("whoosh.query.compound.PreloadedOr", "_matcher", "PreloadedOr._matcher"),
    ],
)
def test_a_whoosh_without_an_internal_used_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, owner: str, attribute: str, named: str
) -> None:
    from search.execute.whoosh_private import WHOOSH_VERSION, check_whoosh

    check_whoosh()  # the installed Whoosh has them all
    module, _, name = owner.rpartition(".")
    for klass in getattr(__import__(module, fromlist=[name]), name).__mro__:
        if attribute in vars(klass):  # wherever Whoosh defines it, as another Whoosh would not
            monkeypatch.delattr(klass, attribute)
    with pytest.raises(ImportError, match=f"{named}.*whoosh=={WHOOSH_VERSION}"):
        check_whoosh()
