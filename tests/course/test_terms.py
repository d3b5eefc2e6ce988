"""One Chinese rendering per concept (csat_lab/i18n/terms.json), in labels, glossary, notebooks and guides.

For each term, the Chinese text is searched for the variants to avoid after the preferred
term itself is taken out (so that 容忍区间 does not count as the avoided 容忍区域's cousin and
再购买率 does not hide 再购率).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.i18n import catalog
from csat_lab.i18n.terms import term_problems as _violations

ROOT = Path(__file__).resolve().parents[2]
TERMS = json.loads((ROOT / "csat_lab" / "i18n" / "terms.json").read_text(encoding="utf-8"))["terms"]
HAN = re.compile(r"[\u4e00-\u9fff]")



def _chinese_cells(path: Path) -> str:
    """Chinese prose of a notebook source: its markdown cells tagged zh-CN."""
    text, keep = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# %%"):
            keep = "[markdown]" in line and "zh-CN" in line
        elif keep:
            text.append(line[2:] if line.startswith("# ") else line)
    return "\n".join(text)


def _documents() -> dict[str, str]:
    docs = {f"label {key}": entry["zh-CN"] for key, entry in catalog().items()}
    for path in sorted((ROOT / "notebooks" / "src").glob("*.py")):
        docs[f"notebook {path.name}"] = _chinese_cells(path)
    for path in [ROOT / "README.zh-CN.md", ROOT / "notebooks" / "TRAINERS.zh-CN.md",
                 *sorted((ROOT / "datasets").glob("*.md"))]:
        if path.exists():
            docs[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return {name: text for name, text in docs.items() if HAN.search(text)}


def test_terms_table_is_well_formed() -> None:
    ids = [t["id"] for t in TERMS]
    assert len(ids) == len(set(ids)) and len(TERMS) >= 30
    for term in TERMS:
        assert term["en"] and HAN.search(term["zh-CN"]) and term["source"]
        assert term["zh-CN"] not in term["avoid"]


def test_chinese_text_uses_the_preferred_terms() -> None:
    problems = [f"{name}: {v}" for name, text in _documents().items() for v in _violations(text)]
    assert not problems, "non-preferred variants:\n" + "\n".join(problems[:60])


def test_the_finder_finds_a_variant_and_spares_the_preferred_term() -> None:
    assert _violations("客户留存率是多少") == ["留存 (use 保持率)"]
    assert _violations("容忍区间与再购买率") == []
    assert _violations("按获客批次的保持率") == ["获客批次 (use 同期群)"]


@pytest.mark.parametrize("key, expected", [
    ("scale.satisfaction5.3", "基本满意"),  # the seeds' level 3 (很满意、满意、基本满意、不满意、很不满意)
    ("data.segment.enterprise", "企业客户"),  # 大客户 is the key account, a different concept
    ("loyalty.zone.affection", "喜爱区"),
])
def test_labels_that_used_to_collide(key: str, expected: str) -> None:
    assert catalog()[key]["zh-CN"] == expected


def test_key_account_is_the_only_big_customer() -> None:
    uses = [k for k, v in catalog().items() if "大客户" in v["zh-CN"]]
    assert all("key_account" in k or "account" in k or k.startswith(("exercise.", "glossary.")) for k in uses), uses
    assert cl.label("data.segment.enterprise") != "大客户"
