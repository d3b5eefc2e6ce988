"""cl.survey.read_wjx / read_tencent on the shipped 问卷星 and 腾讯问卷 example downloads.

The independent source is the simulator's own answers (csat_lab.simulate._exports_china.china_survey,
the truth the eight files were written from): every reader, style and file type must give back
those answers, and both styles of the same answers must give the same table.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import fuzz_examples
from hypothesis import given, settings
from hypothesis import strategies as st

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.simulate import _exports_china as china

ROOT = Path(__file__).resolve().parents[3]
READERS = {"wjx": cl.survey.read_wjx, "tencent": cl.survey.read_tencent}
OPTIONS = {"Q1": list(china.SEX), "Q2": list(china.AGE), "Q3": list(china.REGION)}


def example(platform: str, style: str, ext: str) -> Path:
    return cl.datasets.example_file(f"{platform}_service_survey_{style}.{ext}")


@pytest.fixture(scope="module")
def truth() -> pd.DataFrame:
    return china.china_survey()


@pytest.fixture(scope="module")
def frames() -> dict:
    out = {}
    for platform, reader in READERS.items():
        for style in ("text", "number"):
            for ext in ("csv", "xlsx"):
                labels = example(platform, "text", "csv") if style == "number" else None
                out[platform, style, ext] = reader(example(platform, style, ext), labels=labels)
    return out


def test_shipped_examples_are_registered_and_regenerate_byte_for_byte(tmp_path) -> None:
    assert set(china.CHINA_FILES) <= set(cl.datasets.example_files())
    written = cl.simulate.regenerate(tmp_path, ["china_exports"])
    assert sorted(p.name for p in written) == sorted(china.CHINA_FILES)
    for path in written:
        assert path.read_bytes() == (ROOT / "datasets" / "files" / path.name).read_bytes(), path.name


@pytest.mark.parametrize("platform", READERS)
def test_both_styles_and_both_file_types_give_the_same_frame(frames, platform) -> None:
    reference = frames[platform, "text", "xlsx"].data
    for key, export in frames.items():
        if key[0] == platform:
            pd.testing.assert_frame_equal(export.data, reference, obj=str(key))
    assert frames[platform, "text", "csv"].format == f"{platform} (text)"
    assert frames[platform, "number", "xlsx"].format == f"{platform} (number)"


@pytest.mark.parametrize("platform", READERS)
def test_number_style_without_labels_differs_only_in_unlabelled_choices(frames, platform) -> None:
    text = frames[platform, "text", "xlsx"].data
    bare = READERS[platform](example(platform, "number", "xlsx")).data
    differing = [c for c in text.columns if not text[c].equals(bare[c])]
    assert differing == ["Q1", "Q2", "Q3"]  # nominal options: numbers without their texts
    assert bare["Q1"].tolist() == [china.SEX.index(v) + 1 for v in text["Q1"]]
    labelled = READERS[platform](example(platform, "number", "xlsx"), labels=OPTIONS).data
    pd.testing.assert_frame_equal(labelled, text)


@pytest.mark.parametrize("platform", READERS)
def test_answers_match_the_simulated_truth(frames, truth, platform) -> None:
    frame = frames[platform, "number", "csv"].data
    assert frame["response_id"].tolist() == truth["id"].tolist()
    assert frame["Q1"].tolist() == [china.SEX[k - 1] for k in truth["sex"]]
    assert frame["Q4"].tolist() == truth["sat"].tolist()
    assert frame["Q5"].tolist() == truth["nps"].tolist()
    for j in range(1, 6):
        np.testing.assert_array_equal(frame[f"Q6_{j}"].to_numpy(), truth[f"ch_{j}"].to_numpy())
    for j in range(1, 5):
        np.testing.assert_array_equal(frame[f"Q7_{j}"].to_numpy(), truth[f"m_{j}"].to_numpy())
    assert frame["Q8"].isna().tolist() == [not isinstance(c, str) for c in truth["comment"]]
    np.testing.assert_array_equal(frame["duration_sec"].to_numpy(), truth["seconds"].to_numpy(float))
    end = truth["start"] + pd.to_timedelta(truth["seconds"], unit="s")
    assert (frame["submitted_at"] == end).all()


def test_multi_select_split_into_indicators(frames, truth) -> None:
    frame, book = frames["wjx", "text", "xlsx"]
    items = [f"Q6_{j}" for j in range(1, 6)]
    assert book.loc[items, "option"].tolist() == list(china.CHANNELS)  # the questionnaire's order, read from ┋ lists
    assert set(book.loc[items, "kind"]) == {"multiple"}
    answered = frame[items].notna().all(axis=1)
    assert (frame.loc[answered, items].sum(axis=1) >= 1).all()  # everyone who answered chose something
    skipped = truth["ch_1"].isna()
    assert frame.loc[skipped.to_numpy(), items].isna().all().all()
    assert int(book.loc["Q6_1", "n_missing_codes"]) == int(skipped.sum()) > 0


def test_matrix_split_into_items_on_the_detected_scale(frames) -> None:
    for platform in READERS:
        frame, book = frames[platform, "text", "csv"]
        items = [f"Q7_{j}" for j in range(1, 5)]
        assert book.loc[items, "option"].tolist() == list(china.MATRIX_ROWS)
        assert set(book.loc[items, "kind"]) == {"matrix"}
        assert set(book.loc[items, "scale"]) == {"satisfaction5"}  # 非常不满意 ... 非常满意 are its variants
        assert book.loc["Q4", "scale"] == "satisfaction5"
        assert book.loc["Q4", "value_labels"][5] == cl.scales.get("satisfaction5").labels()[4]
        alpha = cl.survey.cronbach_alpha(frame[items].dropna())
        assert 0.6 < alpha.estimate < 1


def test_metadata_kept_and_typed(frames) -> None:
    wjx, book = frames["wjx", "text", "csv"]
    assert str(wjx["submitted_at"].dtype) == "datetime64[ns]" and wjx["duration_sec"].dtype == "float64"
    assert isinstance(wjx["source"].dtype, pd.CategoricalDtype)
    assert wjx["ip"].str.fullmatch(r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}").all()  # documentation ranges
    assert set(wjx["ip_location"].cat.categories) == {"北京-北京", "上海-上海", "广东-深圳", "四川-成都"}
    assert set(book.loc[["response_id", "submitted_at", "duration_sec", "source", "ip"], "kind"]) == {"metadata"}
    assert book.loc["submitted_at", "header"] == "提交答卷时间"
    tencent, tbook = frames["tencent", "text", "csv"]
    assert (tencent["submitted_at"] - tencent["started_at"]).dt.total_seconds().tolist() == \
        tencent["duration_sec"].tolist()
    assert isinstance(tencent["province"].dtype, pd.CategoricalDtype) and tbook.loc["nickname", "kind"] == "metadata"


def test_encodings_of_the_csv_downloads(frames) -> None:
    assert frames["wjx", "text", "csv"].encoding == "gb18030"
    assert frames["tencent", "text", "csv"].encoding == "utf-8-sig"
    assert frames["wjx", "text", "xlsx"].encoding is None


def test_raking_the_example_survey_changes_csat(frames) -> None:
    frame = frames["wjx", "text", "xlsx"].data
    targets = {"Q1": china.CHINA_POPULATION["Q1"], "Q2": china.CHINA_POPULATION["Q2"],
               "Q3": china.CHINA_POPULATION["Q3"]}
    weights = cl.survey.rake(frame, targets)
    before = cl.metrics.csat(frame["Q4"])
    after = cl.metrics.csat(frame["Q4"], weights=weights.weights)
    assert after.estimate < before.estimate  # the young, more satisfied, were over-sampled
    assert weights.margins["difference"].abs().max() < 1e-9


# --- other header spellings and small inputs -------------------------------------------------------

def _csv(text: str) -> io.BytesIO:
    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = "answers.csv"
    return stream


def test_tencent_q_colon_headers_and_duration_text() -> None:
    frame, book = cl.survey.read_tencent(_csv(
        "编号,开始答题时间,结束答题时间,答题时长,Q1:总体满意度,Q2:渠道-电视广告,Q2:渠道-朋友推荐\n"
        "7,2026-10-12 09:00:00,2026-10-12 09:03:05,3分5秒,满意,电视广告,\n"
        "8,2026-10-12 09:10:00,2026-10-12 09:11:00,1分,很满意,,朋友推荐\n"))
    assert frame["Q1"].tolist() == [4, 5] and frame["duration_sec"].tolist() == [185.0, 60.0]
    assert frame[["Q2_1", "Q2_2"]].to_numpy().tolist() == [[1, 0], [0, 1]]
    assert book.loc["Q2_2", "option"] == "朋友推荐" and book.loc["Q2_2", "question"] == "渠道 - 朋友推荐"


def test_declared_scale_for_a_rating_question() -> None:
    raw = "序号,提交答卷时间,1、推荐意愿\n1,2026/10/12 9:00:00,10\n2,2026/10/12 9:05:00,3\n"
    frame, book = cl.survey.read_wjx(_csv(raw), scales={"Q1": "nps11"})
    assert book.loc["Q1", "scale"] == "nps11" and cl.metrics.nps(frame["Q1"]).score == 0.0


# --- errors name the file and the row ---------------------------------------------------------------

WJX_HEAD = "序号,提交答卷时间,所用时间,来自IP,1、性别,2、满意度\n"


@pytest.mark.parametrize("body, match", [
    ("1,2026/10/12 9:00:00,60秒,192.0.2.1,男,满意\n2,昨天,60秒,192.0.2.2,女,满意\n",
     r"answers\.csv: column '提交答卷时间', row 3: '昨天' is not a date and time"),
    ("1,2026/10/12 9:00:00,一分钟,192.0.2.1,男,满意\n",
     r"answers\.csv: column '所用时间', row 2: '一分钟' is not a duration"),
    ("1,2026/10/12 9:00:00,60秒,192.0.2.1,男,满意\n2,2026/10/12 9:00:00,60秒,300.1.1.1(北京),女,满意\n",
     r"answers\.csv: column '来自IP', row 3: '300\.1\.1\.1\(北京\)' is not an IP address"),
    ("1,2026/10/12 9:00:00,60秒,192.0.2.1,男,满意\n1,2026/10/12 9:00:00,60秒,192.0.2.2,女,满意\n",
     r"answers\.csv: column '序号' repeats the answer number 1 \(rows 2, 3\)"),
])
def test_bad_metadata_name_file_and_row(body, match) -> None:
    with pytest.raises(CsatInputError, match=match):
        cl.survey.read_wjx(_csv(WJX_HEAD + body))


def test_not_a_download_of_that_platform() -> None:
    with pytest.raises(CsatInputError, match=r"answers\.csv is not a 问卷星 download: no '序号' column"):
        cl.survey.read_wjx(_csv("id,q1\n1,5\n"))
    with pytest.raises(CsatInputError, match=r"is not a 腾讯问卷 download: no '编号' column"):
        cl.survey.read_tencent(example("wjx", "text", "xlsx"))
    with pytest.raises(CsatInputError, match=r"answers\.csv: no question columns found"):
        cl.survey.read_wjx(_csv("序号,提交答卷时间\n1,2026/10/12 9:00:00\n"))


def test_damaged_header() -> None:
    with pytest.raises(CsatInputError, match=r"columns of question 1 are not next to each other \(column 2 and column 4\)"):
        cl.survey.read_wjx(_csv("序号,1(甲),2、满意度,1(乙)\n1,1,满意,0\n"))
    with pytest.raises(CsatInputError, match=r"column 3 header '备注' has no question number"):
        cl.survey.read_wjx(_csv("序号,1、满意度,备注\n1,满意,x\n"))
    with pytest.raises(CsatInputError, match=r"answers\.csv: line 3 has 2 fields, but the header has 3"):
        cl.survey.read_wjx(_csv("序号,1、满意度,2、性别\n1,满意,男\n2,满意\n"))


def test_labels_errors_name_file_and_row() -> None:
    raw = "序号,1、性别,2(甲),2(乙)\n1,1,1,0\n2,3,0,1\n"
    with pytest.raises(CsatInputError, match=r"answers\.csv: column '1、性别', row 3: option number 3 but the question "
                                             r"has 2 options"):
        cl.survey.read_wjx(_csv(raw), labels={"Q1": ["男", "女"]})
    with pytest.raises(CsatInputError, match=r"labels names question 'Q9', which answers\.csv does not have"):
        cl.survey.read_wjx(_csv(raw), labels={"Q9": ["男", "女"]})
    with pytest.raises(CsatInputError, match=r"labels\['Q1'\] must be a list of option texts"):
        cl.survey.read_wjx(_csv(raw), labels={"Q1": "男,女"})
    text = "序号,1、性别,2、渠道\n1,男,甲\n2,男,乙┋丙\n"
    with pytest.raises(CsatInputError, match=r"column '2、渠道', row 3: option '丙' is not among the options"):
        cl.survey.read_wjx(_csv(text), labels={"Q2": ["甲", "乙"]})


def test_labels_from_a_download_of_other_answers() -> None:
    numbers = _csv("序号,1、性别\n1,1\n2,2\n3,1\n")
    texts = _csv("序号,1、性别\n1,男\n2,女\n3,女\n")
    with pytest.raises(CsatInputError, match=r"option number 1 of Q1 stands for '男' in one row and '女' in answers\.csv "
                                             r"row 4"):
        cl.survey.read_wjx(numbers, labels=texts)
    numbers, other = _csv("序号,1、性别\n1,1\n5,2\n"), _csv("序号,1、性别\n1,男\n2,女\n")
    with pytest.raises(CsatInputError, match=r"answer 5 \(answers\.csv, row 3\) is not in answers\.csv"):
        cl.survey.read_wjx(numbers, labels=other)


def test_declared_scale_errors_name_the_row() -> None:
    raw = "序号,1、推荐意愿\n1,10\n2,12\n"
    with pytest.raises(CsatInputError, match=r"answers\.csv: column Q1, row 3: 12 is outside scale 'nps11'"):
        cl.survey.read_wjx(_csv(raw), scales={"Q1": "nps11"})
    with pytest.raises(CsatInputError, match=r"scales names unknown column 'Q7'"):
        cl.survey.read_wjx(_csv(raw), scales={"Q7": "nps11"})


@settings(max_examples=fuzz_examples(15), deadline=None)
@given(seed=st.integers(0, 2**31), n=st.integers(20, 80))
def test_any_simulated_survey_reads_back_the_same_in_both_styles(seed: int, n: int) -> None:
    # A 问卷星 text download lists only the options someone chose, in questionnaire order; in a small
    # sample an option may never be chosen or never co-occur with another, so the reader is given the
    # option list (labels) to number the indicators as the number download does. Without it, every
    # indicator it does make must still equal the number download's column for the same option.
    survey = china.china_survey(seed, n)
    channels = {"Q6": list(china.CHANNELS)}
    for platform, download in (("wjx", china.wjx_download), ("tencent", china.tencent_download)):
        raw_text = china._csv(download(survey, "text"), "utf-8")
        text = READERS[platform](io.BytesIO(raw_text), labels=channels)
        number = READERS[platform](io.BytesIO(china._csv(download(survey, "number"), "gb18030")), labels=OPTIONS)
        pd.testing.assert_frame_equal(number.data, text.data, obj=platform)
        assert text.data["Q4"].tolist() == survey["sat"].tolist()
        np.testing.assert_array_equal(number.data["Q7_2"].to_numpy(), survey["m_2"].to_numpy())
        bare, book = READERS[platform](io.BytesIO(raw_text))
        by_option = {o: c for c, o in number.codebook["option"].items() if c.startswith("Q6_")}
        for column in (c for c in bare.columns if c.startswith("Q6_")):
            pd.testing.assert_series_equal(bare[column], number.data[by_option[book.loc[column, "option"]]],
                                           check_names=False)


def test_identifiers_keep_their_leading_zeros_and_labels_must_be_a_text_download() -> None:
    frame, _ = cl.survey.read_tencent(_csv("编号,用户标识,1.满意度\n1,007,满意\n2,012,很满意\n"))
    assert frame["user_id"].tolist() == ["007", "012"] and frame["Q1"].tolist() == [4, 5]
    with pytest.raises(CsatInputError, match=r"labels: .* is a download by option number too"):
        cl.survey.read_wjx(example("wjx", "number", "csv"), labels=example("wjx", "number", "xlsx"))
