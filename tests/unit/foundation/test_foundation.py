"""Foundation: errors, labels, scales, light imports, packaging and environment files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import scales
from csat_lab.errors import CsatConvergenceError, CsatInputError, CsatLabError

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("statsmodels", "seaborn", "scipy.stats", "ipywidgets", "matplotlib.pyplot")


def test_import_is_light() -> None:
    code = (
        "import sys, csat_lab\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import csat_lab pulled in: {out.stdout.strip()}"


def test_lazy_module_access_and_unknown_attribute() -> None:
    assert "metrics" in dir(cl)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        cl.nonsense  # noqa: B018


def test_error_family() -> None:
    assert issubclass(CsatInputError, ValueError) and issubclass(CsatInputError, CsatLabError)
    assert issubclass(CsatConvergenceError, CsatLabError)
    assert cl.CsatInputError is CsatInputError


class TestLabels:
    def test_every_entry_has_both_languages(self) -> None:
        catalog = cl.i18n.catalog()
        assert len(catalog) > 50
        for key, texts in catalog.items():
            assert texts["en"].strip() and texts["zh-CN"].strip(), key

    def test_label_files_do_not_repeat_keys(self) -> None:
        seen: dict[str, str] = {}
        for path in sorted((ROOT / "csat_lab" / "i18n" / "labels").glob("*.json")):
            for key in json.loads(path.read_text(encoding="utf-8")):
                assert key not in seen, f"{key} in {path.name} and {seen[key]}"
                seen[key] = path.name

    def test_switching_language(self) -> None:
        try:
            cl.set_language("zh-CN")
            assert cl.get_language() == "zh-CN"
            assert scales.get("satisfaction5").labels() == ["很不满意", "不满意", "基本满意", "满意", "很满意"]
        finally:
            cl.set_language("en")
        assert scales.get("satisfaction5").labels()[0] == "Very dissatisfied"

    def test_unknown_language_lists_supported(self) -> None:
        with pytest.raises(CsatInputError, match="supported languages are: en, zh-CN"):
            cl.set_language("fr")

    def test_unknown_key_is_a_key_error(self) -> None:
        with pytest.raises(KeyError, match="no label 'scale.nope'"):
            cl.label("scale.nope")


class TestScales:
    @pytest.mark.parametrize(
        ("name", "low", "high"),
        [("satisfaction5", 1, 5), ("agree5", 1, 5), ("agree7", 1, 7), ("nps11", 0, 10), ("effort7", 1, 7)],
    )
    def test_builtin_ranges_and_labels(self, name: str, low: int, high: int) -> None:
        s = scales.get(name)
        assert (s.low, s.high) == (low, high)
        assert len(s.labels("en")) == len(s.labels("zh-CN")) == high - low + 1

    def test_boxes_and_reverse(self) -> None:
        s = scales.get("agree7")
        assert s.top_box(2) == (6, 7) and s.bottom_box(3) == (1, 2, 3)
        # reverse coding on 1..7: x' = 8 - x
        assert list(s.reverse(pd.Series([1, 4, 7]))) == [7, 4, 1]

    def test_validate_rejects_off_scale_and_text(self) -> None:
        s = scales.get("satisfaction5")
        assert s.validate(pd.Series([1, None, 5])).isna().sum() == 1
        with pytest.raises(CsatInputError, match=r"'q1': 1 answers outside scale 'satisfaction5'.*rows \[2\]"):
            s.validate(pd.Series([1, 2, 6], name="q1"))
        with pytest.raises(CsatInputError, match=r"non-numeric answers at rows \[1\]"):
            s.validate(pd.Series([1, "good", 3], name="q1"))
        with pytest.raises(CsatInputError, match="whole numbers"):
            s.validate(pd.Series([2.5]))

    def test_bad_k_and_unknown_scale(self) -> None:
        with pytest.raises(CsatInputError, match="k must be a whole number from 1 to 4"):
            scales.get("satisfaction5").top_box(5)
        with pytest.raises(CsatInputError, match="scales are: satisfaction5"):
            scales.get("satisfaction7")

    def test_register_does_not_silently_replace_a_scale(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(scales, "_REGISTRY", dict(scales._REGISTRY))  # leave the session's registry alone
        with pytest.raises(CsatInputError, match="'satisfaction5' is already registered.*replace=True"):
            scales.register(scales.Scale("satisfaction5", 0, 4))
        assert scales.get("satisfaction5") is scales.SATISFACTION5
        ten = scales.register(scales.Scale("ten_test", 1, 10, labelled=False))
        assert scales.register(scales.Scale("ten_test", 1, 10, labelled=False)) == ten  # the same definition again
        with pytest.raises(CsatInputError, match="'ten_test' is already registered"):
            scales.register(scales.Scale("ten_test", 0, 10, labelled=False))
        zero_based = scales.register(scales.Scale("satisfaction5", 0, 4, labelled=False), replace=True)
        assert scales.get("satisfaction5") is zero_based and scales.get("satisfaction5").values == (0, 1, 2, 3, 4)
        with pytest.raises(CsatInputError, match="needs a Scale"):
            scales.register("satisfaction5")  # type: ignore[arg-type]

    def test_dtype_is_ordered_codes_and_labels_follow_language(self) -> None:
        s = scales.get("satisfaction5")
        codes = pd.Series([5, 1, np.nan]).astype("Int64").astype(s.dtype())
        assert codes.cat.ordered and list(codes.cat.categories) == [1, 2, 3, 4, 5]
        assert list(s.to_labels(pd.Series([5, 1]), language="zh-CN")) == ["很满意", "很不满意"]


class TestDatasets:
    def test_telco_matches_raw_file(self) -> None:
        df = cl.datasets.load("telco_churn")
        raw = pd.read_csv(ROOT / "datasets" / "telco_churn.csv", dtype=str, keep_default_na=False)
        assert df.shape == raw.shape == (7043, 21)
        # IBM's sample has 1,869 churners (26.5%), counted here straight from the text file.
        assert int(df["Churn"].sum()) == int((raw["Churn"] == "Yes").sum()) == 1869
        assert df["tenure"].dtype == np.int64 and df["Contract"].dtype == "category"
        assert df["TotalCharges"].isna().sum() == (raw["TotalCharges"].str.strip() == "").sum() == 11

    def test_unknown_dataset_lists_names(self) -> None:
        with pytest.raises(CsatInputError, match="datasets are: .*telco_churn"):
            cl.datasets.load("telco")

    def test_describe_and_list(self) -> None:
        card = cl.datasets.describe("telco_churn")
        assert card.license == "Apache-2.0" and "Churn" in card.columns.index
        assert "## Story" in card._repr_markdown_()
        assert "telco_churn" in set(cl.datasets.list_datasets().iloc[:, 0])


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "csat_lab").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"


def _requirement_names(reqs: list[str]) -> dict[str, str]:
    out = {}
    for req in reqs:
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", req)
        out[m.group(1).lower().replace("_", "-")] = m.group(2).replace(" ", "")
    return out


def test_environment_yml_lists_the_same_packages_as_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_side = _requirement_names(config["dependencies"])
    for extra in config["optional-dependencies"].values():
        # "csat_lab[report,...]" pulls in the project's own extras, listed on their own
        pip_side.update(_requirement_names([r for r in extra if not r.startswith("csat_lab[")]))
    text = (ROOT / "environment.yml").read_text()
    deps = text.split("dependencies:", 1)[1]
    conda_lines = [line.strip()[2:] for line in deps.splitlines() if re.match(r"^  - [A-Za-z]", line)]
    # Packages conda-forge lacks are listed under "pip:" (six spaces deep), installed from PyPI.
    pip_lines = [line.strip()[2:].split("#")[0].strip() for line in deps.splitlines()
                 if re.match(r"^      - [A-Za-z]", line)]
    conda_side = _requirement_names(conda_lines + pip_lines)
    conda_side.pop("python", None)
    conda_side.pop("pip", None)
    assert conda_side == pip_side


def test_output_sensitive_packages_are_pinned_exactly() -> None:
    pins = _requirement_names(
        [line for line in (ROOT / "constraints.txt").read_text().splitlines() if line and not line.startswith("#")]
    )
    for name in ("pandas", "numpy", "statsmodels", "seaborn", "matplotlib", "scipy"):
        assert pins.get(name, "").startswith("=="), f"{name} is not pinned with == in constraints.txt"
    import matplotlib, numpy, seaborn, statsmodels  # noqa: E401

    for module in (pd, numpy, statsmodels, seaborn, matplotlib):
        assert pins[module.__name__] == f"=={module.__version__}", f"{module.__name__} differs from constraints.txt"


def test_ci_script_calls_make_test_and_readme_names_both_commands() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab:", "test:", "app:", "bench:"):
        assert re.search(rf"^{target}", makefile, re.M), target


def test_stored_notebooks_have_no_errors_or_widget_state() -> None:
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert any(nb.name == "00_start_here.ipynb" for nb in notebooks)
    for nb in notebooks:
        if ".ipynb_checkpoints" in nb.parts:
            continue
        data = json.loads(nb.read_text(encoding="utf-8"))
        assert "widgets" not in data.get("metadata", {}), f"{nb.name} stores widget state"
        for i, cell in enumerate(data["cells"]):
            for output in cell.get("outputs", []):
                assert output.get("output_type") != "error", f"{nb.name} cell {i} stores an error"
                assert "application/vnd.jupyter.widget-state+json" not in output.get("data", {}), nb.name


def test_one_term_one_translation_for_the_core_vocabulary() -> None:
    # The same English term must not appear with two Chinese renderings across the catalog.
    core = {"passives (7-8)", "promoters (9-10)", "detractors (0-6)", "customer satisfaction",
            "customer loyalty", "retention rate", "churn rate", "repurchase rate", "net promoter score"}
    seen: dict[str, set[str]] = {}
    for texts in cl.i18n.catalog().values():
        en = texts["en"].strip().lower()
        if en in core:
            seen.setdefault(en, set()).add(texts["zh-CN"])
    clashes = {en: zh for en, zh in seen.items() if len(zh) > 1}
    assert not clashes, clashes
