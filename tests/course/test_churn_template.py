"""The churn study template (09): its numbers, by independent routes, and its report files.

The shipped run's churn line is recomputed with plain pandas from the cdnow log (active in
the inactivity window before the period = the denominator; lost = no purchase in the window
before the period's end). A run on a small hand-built log (papermill-style parameters) must
report the hand-counted churn and write the four report files with those numbers in them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import csat_lab as cl

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "notebooks" / "09_churn_study.ipynb"
SOURCE = ROOT / "notebooks" / "src" / "09_churn_study.py"


def _printed(notebook: Path) -> str:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return "".join("".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code"
                   for o in c.get("outputs", []))


def _parameters_index(nb) -> int:
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    return tagged[0]


def _by_hand(log: pd.DataFrame, start: str, last_day: str, window: str) -> dict[str, int]:
    """Counts of a non-contractual period, with pandas only."""
    start_, end_, w = pd.Timestamp(start), pd.Timestamp(last_day) + pd.Timedelta(days=1), pd.Timedelta(window)
    bought = lambda a, b: set(log.loc[(log["date"] >= a) & (log["date"] < b), "customer_id"])  # noqa: E731
    first = log.groupby("customer_id")["date"].min()
    at_start = bought(start_ - w, start_)
    active_end = bought(end_ - w, end_)
    joiners = bought(start_, end_) - at_start  # new, or back after a longer silence
    return {"at_start": len(at_start), "lost": len(at_start - active_end), "joiners": len(joiners),
            "joiners_lost": len(joiners - active_end)}


def test_settings_cell_names_every_setting() -> None:
    nb = nbformat.read(TEMPLATE, as_version=4)
    source = nb.cells[_parameters_index(nb)].source
    for name in ("DATASET", "PATH", "CUSTOMER", "DATE", "AMOUNT", "NOW", "PERIOD_START", "PERIOD_END", "INACTIVITY",
                 "COHORT_PERIOD", "HORIZON", "DISCOUNT", "MARGIN", "LANGUAGE", "OUTPUT"):
        assert f"{name} = " in source


def test_shipped_churn_line_matches_a_pandas_count_of_cdnow() -> None:
    log = cl.datasets.load("cdnow")
    counts = _by_hand(log, "1997-07-01", "1997-12-31", "180D")
    printed = _printed(TEMPLATE)
    match = re.search(r"^Churn 1997-07-01 to 1997-12-31: ([\d.]+)% \(95% CI ([\d.]+)% to ([\d.]+)%\): ([\d,]+) of the "
                      r"([\d,]+) customers at the start were lost; the ([\d,]+) new or returning customers of the period \(([\d,]+) ",
                      printed, re.MULTILINE)
    assert match, printed[:2000]
    rate, low, high = (float(match.group(i)) for i in (1, 2, 3))
    lost, at_start, joiners, joiners_lost = (int(match.group(i).replace(",", "")) for i in (4, 5, 6, 7))
    assert (at_start, lost, joiners, joiners_lost) == (counts["at_start"], counts["lost"], counts["joiners"],
                                                       counts["joiners_lost"])
    p = counts["lost"] / counts["at_start"]
    assert rate == pytest.approx(100 * p, abs=0.05)
    # Wilson (1927) score interval, written out
    n, z = counts["at_start"], 1.959963984540054
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert (low, high) == pytest.approx((100 * (centre - half), 100 * (centre + half)), abs=0.05)


def test_shipped_run_wrote_no_paths_and_lists_four_files() -> None:
    printed = _printed(TEMPLATE)
    nb = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] if c["cell_type"] == "code"
                   for o in c.get("outputs", []))
    for suffix in ("xlsx", "pptx", "html", "pdf"):
        assert f"churn_output/churn_study.{suffix}" in html
    assert "/tmp/" not in printed and "/work/" not in printed


def _hand_log() -> pd.DataFrame:
    """Eight customers counted by hand, plus older customers who only make the models fit.

    Window 60 days, period 2024-04-01 .. 2024-06-30: active at the start = bought 2024-02-01 ..
    2024-03-31; lost = no purchase 2024-05-02 .. 2024-06-30.
    A retained (06-10), B lost, C lost, G retained (05-20): at the start 4, lost 2; D never comes
    back; E (retained) and F (lost) are new, H comes back after a long silence: 3 new or returning
    customers, 1 of them (F) lost, all kept out of the rate.
    """
    rows = [("A", "2024-03-10", 20), ("A", "2024-06-10", 30), ("B", "2024-03-01", 15), ("C", "2024-02-15", 40),
            ("C", "2024-03-20", 10), ("D", "2023-11-01", 25), ("E", "2024-04-10", 35), ("E", "2024-06-20", 20),
            ("F", "2024-04-15", 50), ("G", "2024-03-25", 12), ("G", "2024-05-20", 18), ("H", "2023-12-01", 22),
            ("H", "2024-06-01", 28)]
    rng = np.random.default_rng(7)
    for i in range(300):  # older customers: all their purchases in 2022-01 .. 2023-10
        first = pd.Timestamp("2022-01-01") + pd.Timedelta(days=int(rng.integers(0, 500)))
        span = (pd.Timestamp("2023-10-31") - first).days
        for d in np.sort(rng.integers(0, span + 1, size=int(rng.integers(1, 6)))):
            date = first + pd.Timedelta(days=int(d))
            rows.append((f"K{i:03d}", date.date().isoformat(), round(float(rng.gamma(2.0, 15.0)), 2)))
    return pd.DataFrame(rows, columns=["client", "day", "paid"])


def test_hand_log_counts() -> None:
    log = _hand_log().rename(columns={"client": "customer_id", "day": "date"})
    log["date"] = pd.to_datetime(log["date"])
    assert _by_hand(log, "2024-04-01", "2024-06-30", "60D") == {"at_start": 4, "lost": 2, "joiners": 3,
                                                                 "joiners_lost": 1}


@pytest.mark.slow
def test_template_on_an_own_log_writes_the_report_with_its_numbers(tmp_path: Path) -> None:
    import openpyxl
    from nbclient import NotebookClient
    from pptx import Presentation

    own = tmp_path / "sales.parquet"
    _hand_log().to_parquet(own)
    nb = nbformat.read(TEMPLATE, as_version=4)
    nb.cells.insert(_parameters_index(nb) + 1, nbformat.v4.new_code_cell("\n".join([
        f"PATH = {str(own)!r}", 'CUSTOMER = "client"', 'DATE = "day"', 'AMOUNT = "paid"', 'NOW = "2024-12-31"',
        'PERIOD_START = "2024-04-01"', 'PERIOD_END = "2024-06-30"', 'INACTIVITY = "60D"', 'COHORT_PERIOD = "Q"',
        'OUTPUT = "out"'])))
    NotebookClient(nb, kernel_name="csat_lab", timeout=600, allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, [f"{e.ename}: {e.evalue}" for e in errors]
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    line = "2 of the 4 customers at the start were lost; the 3 new or returning customers of the period (1 of them lost)"
    assert "Churn 2024-04-01 to 2024-06-30: 50.0%" in printed and line in printed
    assert "from the file given in PATH" in printed
    folder = tmp_path / "out"
    assert sorted(p.name for p in folder.iterdir()) == ["churn_study.html", "churn_study.pdf", "churn_study.pptx",
                                                       "churn_study.xlsx"]
    workbook = openpyxl.load_workbook(folder / "churn_study.xlsx")
    cells = [v for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any(isinstance(v, str) and line in v for v in cells)
    assert any(isinstance(v, float) and v == pytest.approx(0.5) for v in cells)
    deck = Presentation(str(folder / "churn_study.pptx"))
    slides = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "50.0%" in slides and "Customer churn and value study" in slides
