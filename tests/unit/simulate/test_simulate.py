"""csat_lab.simulate: byte-for-byte regeneration, the export samples, privacy, determinism and bad input."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import simulate
from csat_lab.simulate._common import write_csv

ROOT = Path(__file__).resolve().parents[3]
DATASETS = ROOT / "datasets"
REFERENCE = ROOT.parent / "shared" / "reference-data"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("regen")
    return out, simulate.regenerate(out)


def test_regenerate_reproduces_every_shipped_file_byte_for_byte(regenerated):
    out, written = regenerated
    names = sorted(p.relative_to(out).as_posix() for p in written)
    assert names == sorted(
        [spec.file for spec in simulate.SIMULATED.values()] + ["files/csat_tracker_wave4_gbk.csv", "files/csat_tracker_wave4_qualtrics.csv"]
    )
    for path in written:
        shipped = DATASETS / path.relative_to(out)
        assert path.read_bytes() == shipped.read_bytes(), f"{shipped.name} differs from its regeneration"


def test_command_line_writes_named_dataset(tmp_path, capsys):
    assert simulate.main(["kano_features", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "kano_features.csv").read_bytes() == (DATASETS / "kano_features.csv").read_bytes()
    assert "kano_features.csv" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        simulate.main([])


def test_cdnow_conversion_reproduces_shipped_file(tmp_path):
    source = REFERENCE / "cdnow" / "CDNOW_master.txt"
    if not source.exists():
        pytest.skip("../shared/reference-data/cdnow/CDNOW_master.txt is not available in this checkout")
    assert simulate.write_cdnow(source, tmp_path).read_bytes() == (DATASETS / "cdnow.csv").read_bytes()
    # Independent read of the source: totals agree with the shipped data.
    raw = pd.read_csv(source, sep=r"\s+")
    shipped = cl.datasets.load("cdnow")
    assert len(shipped) == len(raw) == 69659
    assert shipped["customer_id"].nunique() == 23570
    assert shipped["amount"].sum() == pytest.approx(raw["dollar_value"].sum())
    assert shipped["quantity"].sum() == raw["number_of_cds"].sum()


def test_cdnow_bad_file_is_reported(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("a b\n1 2\n")
    with pytest.raises(cl.CsatInputError, match="expected"):
        simulate.write_cdnow(bad, tmp_path)
    with pytest.raises(cl.CsatInputError, match="cannot read the CDNOW master file"):
        simulate.write_cdnow(tmp_path / "missing.txt", tmp_path)


def test_writer_formats_values_exactly(tmp_path):
    frame = pd.DataFrame(
        {
            "x": [1.5, np.nan],
            "n": pd.array([3, pd.NA], dtype="Int64"),
            "flag": pd.array([True, pd.NA], dtype="boolean"),
            "day": pd.to_datetime(["2024-01-02", None]),
            "at": pd.to_datetime(["2024-01-02 03:04:05", None]),
            "text": ["a,b", None],
        }
    )
    path = write_csv(frame, tmp_path / "t.csv.gz", {"x": 3}, ("at",))
    data = path.read_bytes()
    assert data[4:8] == b"\x00\x00\x00\x00"  # gzip header mtime = 0 keeps the file deterministic
    assert gzip.decompress(data).decode() == 'x,n,flag,day,at,text\n1.500,3,True,2024-01-02,2024-01-02 03:04:05,"a,b"\n,,,,,\n'


@pytest.mark.parametrize("name", sorted(simulate.SIMULATED))
def test_same_seed_same_data_other_seed_other_data(name):
    function = simulate.SIMULATED[name].function
    small = {"csat_tracker": 40, "supermarket_members": 30}.get(name, 60)
    a, truth_a = function(seed=5, n=small)
    b, truth_b = function(seed=5, n=small)
    c, _ = function(seed=6, n=small)
    pd.testing.assert_frame_equal(a, b)
    assert truth_a == truth_b
    assert not a.equals(c)
    gen_a, _ = function(seed=np.random.default_rng(5), n=small)
    pd.testing.assert_frame_equal(a, gen_a)


@pytest.mark.parametrize("name", sorted(simulate.SIMULATED))
@pytest.mark.parametrize("seed, n, match", [("abc", 100, "seed must be a whole number"), (1.5, 100, "seed must be a whole number"), (1, 0, "n must be a whole number"), (1, "many", "n must be a whole number")])
def test_bad_seed_or_size_is_rejected(name, seed, n, match):
    with pytest.raises(cl.CsatInputError, match=match):
        simulate.SIMULATED[name].function(seed=seed, n=n)


def test_structural_default_seed_is_fixed_and_reported():
    paths = {("QUAL", "SAT"): 0.5, ("SAT", "LOY"): 0.4}
    a, truth_a = simulate.simulate_structural(paths, n=50)
    b, _ = simulate.simulate_structural(paths, n=50)
    pd.testing.assert_frame_equal(a, b)
    assert truth_a["seed"] == 20240901
    explicit, _ = simulate.simulate_structural(paths, n=50, seed=20240901)
    pd.testing.assert_frame_equal(a, explicit)
    other, truth_o = simulate.simulate_structural(paths, n=50, seed=1)
    assert truth_o["seed"] == 1 and not a.equals(other)
    fresh, truth_f = simulate.simulate_structural(paths, n=50, seed=None)
    again, _ = simulate.simulate_structural(paths, n=50, seed=None)
    assert truth_f["seed"] is None and not fresh.equals(again)
    # the implied R^2 by hand: SAT 0.5^2 = 0.25, LOY 0.4^2 = 0.16
    assert truth_a["r2"] == pytest.approx({"SAT": 0.25, "LOY": 0.16})


def test_bad_waves_and_unknown_dataset_are_rejected(tmp_path):
    with pytest.raises(cl.CsatInputError, match="waves must be from 1 to 4"):
        simulate.csat_tracker(waves=5)
    with pytest.raises(cl.CsatInputError, match="synthetic datasets are: csat_tracker"):
        simulate.regenerate(tmp_path, ["csat_trackr"])


# --- export samples ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wave4():
    frame = cl.datasets.load("csat_tracker")
    return frame[frame["wave"] == 4].reset_index(drop=True)


def test_gbk_export_is_gbk_with_chinese_headers(wave4):
    data = (DATASETS / "files" / "csat_tracker_wave4_gbk.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    frame = pd.read_csv(io.BytesIO(data), encoding="gbk")
    assert b"\r\n" in data
    assert list(frame.columns[:3]) == ["答卷编号", "波次", "填答日期"]
    assert len(frame) == len(wave4)
    assert frame["总体满意度"].tolist() == wave4["csat"].tolist()
    assert set(frame["客户类型"]) == {"个人客户", "中小企业", "企业客户"}
    assert frame["填答日期"].str.fullmatch(r"2024/\d\d/\d\d").all()


def test_qualtrics_export_has_three_header_rows(wave4):
    path = DATASETS / "files" / "csat_tracker_wave4_qualtrics.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    head = pd.read_csv(path, encoding="utf-8-sig", nrows=2, header=None, skiprows=1, dtype=str)
    ids = pd.read_csv(path, encoding="utf-8-sig", nrows=0).columns
    assert {"ResponseId", "Q1", "Q2", "Q2_NPS_GROUP", "Q3", "Q4_4", "Q5"} <= set(ids)
    assert head.iloc[0, list(ids).index("Q1")] == "Overall, how satisfied are you with our service?"
    imports = [json.loads(cell)["ImportId"] for cell in head.iloc[1]]
    assert imports[list(ids).index("ResponseId")] == "_recordId"
    body = pd.read_csv(path, encoding="utf-8-sig", skiprows=[1, 2])
    assert len(body) == len(wave4)
    assert body["Q1"].tolist() == wave4["csat"].tolist()
    assert body["ExternalReference"].tolist() == wave4["response_id"].tolist()
    nps = body["Q2"]
    # Qualtrics NPS groups: 1 detractor (0-6), 2 passive (7-8), 3 promoter (9-10).
    expected = np.where(nps >= 9, 3, np.where(nps >= 7, 2, 1))
    assert (body["Q2_NPS_GROUP"][nps.notna()] == expected[nps.notna()]).all()
    assert body.loc[nps.isna(), "Q2_NPS_GROUP"].isna().all()
    # Duplicated submissions keep one ResponseId, distinct responses get distinct ones.
    assert body["ResponseId"].nunique() == body["ExternalReference"].nunique()


def test_personal_data_is_obviously_fake():
    body = pd.read_csv(DATASETS / "files" / "csat_tracker_wave4_qualtrics.csv", encoding="utf-8-sig", skiprows=[1, 2], dtype=str)
    assert body["RecipientEmail"].str.fullmatch(r"respondent\.\d{4}@example\.com").all()
    assert body["Phone"].str.fullmatch(r"555-01\d\d").all()
    assert body["IPAddress"].str.fullmatch(r"(203\.0\.113|198\.51\.100)\.\d{1,3}").all()
    assert (body["RecipientLastName"] == "Example").all()
    email = re.compile(rb"[\w.]+@[\w.]+")
    for path in sorted(DATASETS.glob("*.csv")) + sorted(DATASETS.glob("files/*.csv")):
        found = {m.decode() for m in email.findall(path.read_bytes())}
        assert all(a.endswith("@example.com") for a in found), path.name
