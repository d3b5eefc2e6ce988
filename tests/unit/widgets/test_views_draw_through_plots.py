"""Views draw only through the plotting layer (``csat_lab.plots``).

Architecture rule: ``csat_lab/widgets/views/`` are thin ipywidgets views. A
view may make a figure with ``views/base.py``'s ``new_figure`` and split it
into Axes, then hands each Axes to a public function of ``csat_lab.plots``;
it never draws on an Axes or Figure itself and never imports matplotlib
(or seaborn) except inside ``new_figure``.

The check reads the views' source with :mod:`ast`, so it needs no widgets,
no kernel and no drawing.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

VIEWS = Path(__file__).resolve().parents[3] / "csat_lab" / "widgets" / "views"
PACKAGE = ("csat_lab", "widgets", "views")

#: Method names that draw on (or decorate) a matplotlib Axes, Figure or axis.
#: Figure creation and layout (``new_figure``, ``fig.subplots``) are allowed.
DRAWING = frozenset({
    # marks
    "plot", "step", "bar", "barh", "errorbar", "scatter", "fill", "fill_between", "fill_betweenx", "stackplot",
    "hist", "hist2d", "hexbin", "boxplot", "violinplot", "pie", "stem", "eventplot", "imshow", "matshow", "pcolor",
    "pcolormesh", "contour", "contourf", "quiver", "streamplot", "heatmap", "axhline", "axvline", "axline",
    "axhspan", "axvspan", "hlines", "vlines", "text", "annotate", "arrow", "table", "add_patch", "add_artist",
    "add_collection", "add_line", "colorbar", "figimage",
    # titles, labels, legends
    "set_title", "suptitle", "supxlabel", "supylabel", "set_xlabel", "set_ylabel", "legend", "bar_label",
    "clabel",
    # ticks, limits, scales, frame
    "set_xticks", "set_yticks", "set_xticklabels", "set_yticklabels", "tick_params", "set_major_formatter",
    "set_minor_formatter", "set_major_locator", "set_minor_locator", "set_xlim", "set_ylim", "set_xscale",
    "set_yscale", "invert_xaxis", "invert_yaxis", "set_axis_off", "set_axis_on", "grid", "margins",
    "set_aspect", "axis",
})

#: Drawing libraries a view must not import (matplotlib only inside ``new_figure``).
DRAWING_LIBRARIES = ("matplotlib", "seaborn", "pylab")
FIGURE_HELPER = ("base.py", "new_figure")
#: The non-chart names views take from the plotting layer: its font set-up, run while a chart renders,
#: and the image export (twice the pixels of the displayed size).
PLOT_SETUP_IMPORTS = {("base.py", "csat_lab.plots", "configure_fonts"), ("base.py", "csat_lab.plots", "png_image")}


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} in {self.where}: {self.what}"


def _absolute(module: str | None, level: int) -> str:
    """The absolute name of ``from <level dots><module> import ...`` written in a view module."""
    if level == 0:
        return module or ""
    base = PACKAGE[: len(PACKAGE) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


class _Checker(ast.NodeVisitor):
    def __init__(self, file: str, plot_names: frozenset[str]) -> None:
        self.file = file
        self.plot_names = plot_names
        self.scope: list[str] = []
        self.findings: list[Finding] = []

    def _where(self) -> str:
        return ".".join(self.scope) or "<module>"

    def _add(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.file, getattr(node, "lineno", 0), self._where(), what))

    def _scoped(self, node: ast.AST) -> None:
        self.scope.append(getattr(node, "name", "<lambda>"))
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _scoped

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in DRAWING:
            self._add(node, f"draws directly with .{func.attr}(); move it into a csat_lab.plots function")
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            self._library(node, str(node.args[0].value))
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._library(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = _absolute(node.module, node.level)
        self._library(node, module)
        if module == "csat_lab" and any(a.name == "plots" for a in node.names):
            return  # the package itself: its charts are used by name, which the call check covers
        if module == "csat_lab.plots" or module.startswith("csat_lab.plots."):
            for alias in node.names:
                if (self.file, module, alias.name) in PLOT_SETUP_IMPORTS:
                    continue
                if alias.name.startswith("_") or any(p.startswith("_") for p in module.split(".")[2:]):
                    self._add(node, f"imports the private {module}.{alias.name}; use a public chart")
                elif module == "csat_lab.plots" and alias.name not in self.plot_names:
                    self._add(node, f"imports csat_lab.plots.{alias.name}, which is no public chart")

    def _library(self, node: ast.AST, module: str) -> None:
        top = module.split(".")[0]
        if top in DRAWING_LIBRARIES and (self.file, self.scope[-1] if self.scope else "") != FIGURE_HELPER:
            self._add(node, f"imports {module}; only views/base.py's new_figure may import matplotlib")


def check_source(source: str, file: str, plot_names: frozenset[str] = frozenset()) -> list[Finding]:
    """Every direct drawing call and drawing-library import in one view module's source."""
    checker = _Checker(file, plot_names)
    checker.visit(ast.parse(source, filename=file))
    return checker.findings


@pytest.fixture(scope="module")
def plot_names() -> frozenset[str]:
    import csat_lab.plots

    return frozenset(dir(csat_lab.plots))


def test_the_views_are_found():
    names = {p.name for p in VIEWS.glob("*.py")}
    assert {"base.py", "survey.py", "churn.py", "complaints.py", "loyalty.py"} <= names


@pytest.mark.parametrize("path", sorted(VIEWS.glob("*.py")), ids=lambda p: p.name)
def test_view_draws_only_through_cl_plots(path: Path, plot_names: frozenset[str]):
    findings = check_source(path.read_text(encoding="utf-8"), path.name, plot_names)
    assert not findings, "\n".join(map(str, findings))


def test_the_views_use_the_plotting_layer():
    # Guards against views that pass the check by drawing nothing at all.
    uses = set()
    for path in VIEWS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and _absolute(node.module, node.level) == "csat_lab.plots":
                uses.update(alias.name for alias in node.names)
    assert {"nps_interval_chart", "retention_curve", "complaint_prediction_bars", "loyalty_curve_plot"} <= uses


BAD_VIEW = textwrap.dedent('''
    import matplotlib.pyplot as plt
    from ...plots import lorenz_curve, _axes
    from ...plots._style import axes

    def _render(r):
        from seaborn import heatmap
        fig = new_figure()
        ax = fig.subplots()
        lorenz_curve(r, ax=ax)
        ax.errorbar([1], [2], yerr=[0.1])
        ax.xaxis.set_major_formatter("{x:.0%}")
        fig.legend(loc="outside upper center")
        return ax
''')


def test_the_checker_catches_direct_drawing_and_imports():
    found = check_source(BAD_VIEW, "survey.py", frozenset({"lorenz_curve"}))
    text = [f.what for f in found]
    assert [f.where for f in found] == ["<module>", "<module>", "<module>", "_render", "_render", "_render",
                                        "_render"]
    assert text[0].startswith("imports matplotlib.pyplot")
    assert "private csat_lab.plots._axes" in text[1] and "private csat_lab.plots._style.axes" in text[2]
    assert text[3].startswith("imports seaborn")
    assert [t.split("(")[0] for t in text[4:]] == [f"draws directly with .{m}"
                                                   for m in ("errorbar", "set_major_formatter", "legend")]


def test_the_checker_allows_the_figure_helper_and_plot_calls():
    ok = textwrap.dedent('''
        from ...plots import lorenz_curve

        def new_figure(width=6.4, height=3.6):
            from matplotlib.figure import Figure
            return Figure(figsize=(width, height), layout="constrained")

        def _render(r):
            fig = new_figure()
            left, right = fig.subplots(1, 2)
            lorenz_curve(r, ax=left)
            return fig
    ''')
    assert check_source(ok, "base.py", frozenset({"lorenz_curve"})) == []
    # The same helper anywhere but base.py is a matplotlib import in a view.
    assert [f.where for f in check_source(ok, "survey.py", frozenset({"lorenz_curve"}))] == ["new_figure"]
    assert check_source("from ...plots import nope\n", "churn.py", frozenset({"lorenz_curve"}))[0].what == (
        "imports csat_lab.plots.nope, which is no public chart")
    setup = "from ...plots import configure_fonts\n"
    assert check_source(setup, "base.py") == [] and len(check_source(setup, "survey.py")) == 1
