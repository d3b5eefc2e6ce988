"""The package's shape, checked from the source with the standard library's ``ast``.

* no import cycle between modules (imports under ``if TYPE_CHECKING:`` do not
  count; imports inside functions do);
* a private module (a name part starting with ``_``) is imported only from inside
  its own top-level package, except ``csat_lab._core``, the shared foundation;
* each module imports only from its own layer or the layers below it
  (docs/architecture.md): foundations -> computation -> data -> presentation -> course;
  the one way up is a result's ``plot`` method, which imports ``csat_lab.plots`` when called;
* plots import only the foundations (errors, i18n, _core, scales): they draw results, they
  never compute them;
* ``_core`` imports nothing of csat_lab but ``errors`` and ``i18n``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "csat_lab"

#: Layer of each top-level part of csat_lab; a module may import its own layer and those below.
LAYERS = {
    "errors": 0,
    "i18n": 1,
    "_core": 2, "scales": 2,
    "export": 3, "metrics": 3, "survey": 3, "loyalty": 3, "churn": 3, "segments": 3, "complaints": 3,
    "text": 3,
    "datasets": 4, "simulate": 4,
    "plots": 5,
    "widgets": 6, "classroom": 6, "report": 6,
    "course": 7,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """ids of import nodes inside ``if TYPE_CHECKING:`` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
            if name == "TYPE_CHECKING":
                skipped |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skipped


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _inside_plot_methods(tree: ast.AST) -> set[int]:
    """ids of nodes inside functions named ``plot`` (a result's chart method)."""
    return {id(n) for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name == "plot" for n in ast.walk(node)}


def imports_of(name: str, *, plot_methods: bool = True) -> set[str]:
    """csat_lab modules that ``name`` imports (a ``from pkg import sub`` counts as the submodule).

    ``plot_methods=False`` leaves out imports made inside ``plot`` methods.
    """
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_blocks(tree) | (set() if plot_methods else _inside_plot_methods(tree))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("csat_lab")}
        elif isinstance(node, ast.ImportFrom):
            target = (_resolve(name, path.name == "__init__.py", node.level, node.module) if node.level
                      else node.module or "")
            if not target.startswith("csat_lab"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}
#: The same graph without the imports inside results' ``plot`` methods.
STATIC = {name: imports_of(name, plot_methods=False) for name in MODULES}
FOUNDATIONS = {"errors", "i18n", "_core", "scales"}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan 1972)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_checker_sees_imports_and_cycles() -> None:
    assert "csat_lab._core.results" in GRAPH["csat_lab.metrics.scores"]
    assert "csat_lab.metrics.scores" in GRAPH["csat_lab.metrics"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import csat_lab.x\n")
    assert len(_type_checking_blocks(tree)) > 0


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []


def test_private_modules_stay_inside_their_package() -> None:
    offences = []
    for importer, targets in GRAPH.items():
        for target in targets:
            parts = target.split(".")
            private = any(p.startswith("_") and p != "__init__" for p in parts[1:])
            if private and _part(target) != "_core" and _part(target) != _part(importer):
                offences.append(f"{importer} imports {target}")
    assert not offences


@pytest.mark.parametrize("importer", sorted(n for n in MODULES if _part(n)), ids=str)
def test_modules_import_only_their_layer_or_below(importer: str) -> None:
    part = _part(importer)
    assert part in LAYERS, f"{importer}: add its top-level part to LAYERS and docs/architecture.md"
    above = sorted(t for t in STATIC[importer] if _part(t) and LAYERS[_part(t)] > LAYERS[part])
    assert not above, f"{importer} (layer {LAYERS[part]}) imports from a higher layer: {above}"
    # Inside a result's plot method, the only way up is to the plots.
    lifted = sorted(t for t in GRAPH[importer] - STATIC[importer]
                    if _part(t) and LAYERS[_part(t)] > LAYERS[part] and _part(t) != "plots")
    assert not lifted, f"{importer}: a plot method imports {lifted}"


def test_plots_import_only_the_foundations() -> None:
    for name in (n for n in MODULES if _part(n) == "plots"):
        outside = sorted(t for t in GRAPH[name] if _part(t) not in FOUNDATIONS | {"plots"})
        assert not outside, f"{name} imports {outside}: plot functions draw results, they do not compute them"


def test_plot_methods_are_recognised() -> None:
    tree = ast.parse("class R:\n    def plot(self, ax=None):\n        from ..plots import x\n")
    assert len(_inside_plot_methods(tree)) > 0


def test_core_imports_only_errors_and_i18n() -> None:
    for name in (n for n in MODULES if _part(n) == "_core"):
        outside = {t for t in GRAPH[name] if _part(t) not in ("_core", "errors", "i18n")}
        assert not outside, f"{name} imports {outside}"
