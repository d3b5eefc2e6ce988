"""The wheel carries the package data, and datasets load from it (not only from the clone)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_data_and_loads_datasets(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    wheel = next(tmp_path.glob("csat_lab-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "csat_lab/_data/telco_churn.csv" in names
    assert "csat_lab/_data/telco_churn.schema.json" in names
    assert "csat_lab/i18n/labels/core.json" in names
    # our licence and the third-party data notices travel with the wheel
    assert any(n.endswith("licenses/NOTICE") for n in names) and any(n.endswith("licenses/LICENSE") for n in names)
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    # Run from an empty folder with only the unpacked wheel on the path, so the clone cannot help.
    code = (
        "import csat_lab, sys\n"
        "assert 'site' in csat_lab.__file__, csat_lab.__file__\n"
        "df = csat_lab.datasets.load('telco_churn')\n"
        "print(df.shape, csat_lab.label('scale.satisfaction5.5', language='zh-CN'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r}); " + code.replace("\n", "; ").rstrip("; ")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(7043, 21) 很满意"
