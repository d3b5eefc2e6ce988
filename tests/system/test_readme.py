"""The README's runnable example works as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_examples_run(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 2, "README lost its python examples"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(tmp_path):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README, not user data
    text = out.getvalue()
    assert f"{1869 / 7043:.4f}" in text  # IBM Telco: 1,869 churners of 7,043 customers
    assert "很不满意" in text
    assert "Net Promoter Score" in text and "Rows removed" in text
    assert (tmp_path / "clean.csv").exists()
