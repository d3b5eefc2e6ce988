"""The README's runnable examples work as written and print exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: A python block, optionally followed (after one line of prose) by the ```text block of what it prints.
BLOCK = re.compile(r"```python\n(.*?)```\n(?:\n[^\n`]*\n\n```text\n(.*?)```)?", re.S)


def run_readme(path: Path, tmp_path: Path) -> list[tuple[str, str, str | None]]:
    """Run every python block of ``path`` in order; return (code, printed, shown) per block."""
    runs = []
    namespace: dict = {}
    with contextlib.chdir(tmp_path):
        for code, shown in BLOCK.findall(path.read_text(encoding="utf-8")):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, path.name, "exec"), namespace)  # noqa: S102 - our own README, not user data
            runs.append((code, out.getvalue(), shown or None))
    return runs


def test_readme_examples_run(tmp_path: Path) -> None:
    runs = run_readme(ROOT / "README.md", tmp_path)
    assert len(runs) >= 2, "README lost its python examples"
    text = "".join(printed for _, printed, _ in runs)
    # IBM Telco: 1,869 churners of 7,043 customers; 1869 / 7043 = 0.26537 -> 26.5%, by hand.
    assert "1,869" in text and "7,043" in text and f"{100 * 1869 / 7043:.1f}%" in text
    assert "很不满意" in text
    assert "Net Promoter Score" in text and "Rows removed" in text
    assert (tmp_path / "clean.csv").exists()


def test_readme_shows_what_the_code_prints(tmp_path: Path) -> None:
    runs = run_readme(ROOT / "README.md", tmp_path)
    shown = [(printed, expected) for _, printed, expected in runs if expected is not None]
    assert len(shown) >= 2, "every README example that prints should show its output in a ```text block"
    for printed, expected in shown:
        assert printed == expected, f"README shows:\n{expected}\nbut the code prints:\n{printed}"
