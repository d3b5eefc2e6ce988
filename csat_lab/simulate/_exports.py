"""Survey-export samples made from ``csat_tracker``: a GBK Chinese-header CSV and a Qualtrics-style CSV.

They give the import lesson realistic files: the first as a Chinese spreadsheet would save it
(GBK, Chinese headers and labels, slash dates, CRLF), the second with the three header rows of
a Qualtrics export (column ids, question texts, ``{"ImportId": ...}``) and its metadata columns.
Names, e-mails, phones and IP addresses in it are fake (example.com, 555-01xx, documentation
IP ranges) so the privacy lesson has something to remove.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ._common import format_frame
from .tracker import TRACKER_ITEMS

__all__ = ["gbk_export", "qualtrics_export", "write_exports", "GBK_FILE", "QUALTRICS_FILE"]

GBK_FILE = "csat_tracker_wave4_gbk.csv"
QUALTRICS_FILE = "csat_tracker_wave4_qualtrics.csv"
EXPORT_WAVE = 4
_SEGMENT_ZH = {"consumer": "个人客户", "small_business": "中小企业", "enterprise": "企业客户"}
_REGION_ZH = {"north": "北区", "east": "东区", "south": "南区", "west": "西区"}
_QUESTIONS = {
    "Q1": ("Overall, how satisfied are you with our service?", "QID1"),
    "Q2": ("How likely are you to recommend us to a friend or colleague?", "QID2"),
    "Q2_NPS_GROUP": ("How likely are you to recommend us to a friend or colleague? - Group", "QID2_NPS_GROUP"),
    "Q3": ("To what extent do you agree: the company made it easy for me to handle my issue.", "QID3"),
    **{f"Q4_{k[1]}": (f"How much do you agree with each statement? - {v[0]}", f"QID4_{k[1]}") for k, v in TRACKER_ITEMS.items()},
    "Q5": ("Is there anything else you would like to tell us?", "QID5_TEXT"),
}
_FIRST_NAMES = ("Alex", "Sam", "Chris", "Jordan", "Taylor", "Casey", "Robin", "Kim")


def _wave(tracker: pd.DataFrame) -> pd.DataFrame:
    return tracker[tracker["wave"] == EXPORT_WAVE].reset_index(drop=True)


def gbk_export(tracker: pd.DataFrame) -> bytes:
    """Wave 4 of ``csat_tracker`` as a Chinese spreadsheet export: GBK bytes, Chinese headers, CRLF.

    Examples
    --------
    >>> from csat_lab.simulate import csat_tracker
    >>> data = gbk_export(csat_tracker(seed=1, n=20)[0])
    >>> data.decode("gbk").split(",")[:3]
    ['答卷编号', '波次', '填答日期']
    """
    wave = _wave(tracker)
    text = format_frame(wave, {"weight": 4})
    frame = pd.DataFrame(
        {
            "答卷编号": text["response_id"],
            "波次": text["wave"],
            "填答日期": wave["date"].dt.strftime("%Y/%m/%d"),
            "客户类型": wave["segment"].map(_SEGMENT_ZH),
            "地区": wave["region"].map(_REGION_ZH),
            "权重": text["weight"],
            "答题时长(秒)": text["duration_sec"],
            "总体满意度": text["csat"],
            "推荐意愿(0-10)": text["nps"],
            "费力度(1-7)": text["ces"],
            **{f"题{j}": text[f"q{j}"] for j in range(1, 7)},
            "意见": text["comment"],
        }
    )
    return frame.to_csv(index=False, lineterminator="\r\n").encode("gbk")


def qualtrics_export(tracker: pd.DataFrame, seed: int = 4) -> bytes:
    """Wave 4 of ``csat_tracker`` laid out like a Qualtrics CSV export (UTF-8 with BOM, 3 header rows).

    Examples
    --------
    >>> from csat_lab.simulate import csat_tracker
    >>> lines = qualtrics_export(csat_tracker(seed=1, n=20)[0]).decode("utf-8-sig").split("\\r\\n")
    >>> lines[0].split(",")[:2], lines[2].split(",")[0]
    (['StartDate', 'EndDate'], '"{""ImportId"":""startDate""')
    """
    rng = rng_from(seed)
    wave = _wave(tracker)
    text = format_frame(wave, {"weight": 4})
    n = len(wave)
    ids = pd.Series(wave["response_id"].unique())
    alphabet = np.array(list("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
    codes = {rid: "R_" + "".join(rng.choice(alphabet, 15)) for rid in ids}
    number = wave["response_id"].str.slice(3).astype(int)
    start = wave["date"] + pd.to_timedelta(rng.integers(8 * 3600, 22 * 3600, n), unit="s")
    end = start + pd.to_timedelta(wave["duration_sec"], unit="s")
    # Qualtrics codes the NPS group 1 = detractor (0-6), 2 = passive (7-8), 3 = promoter (9-10).
    nps = wave["nps"].astype("float64").to_numpy()
    group = pd.Series(np.select([nps >= 9, nps >= 7], ["3", "2"], "1"), index=wave.index).where(~np.isnan(nps), "")
    stamp = "%Y-%m-%d %H:%M:%S"
    frame = pd.DataFrame(
        {
            "StartDate": start.dt.strftime(stamp),
            "EndDate": end.dt.strftime(stamp),
            "Status": "0",
            "IPAddress": [f"203.0.113.{k % 250 + 1}" if k % 2 else f"198.51.100.{k % 250 + 1}" for k in number],
            "Progress": "100",
            "Duration (in seconds)": text["duration_sec"],
            "Finished": "1",
            "RecordedDate": end.dt.strftime(stamp),
            "ResponseId": wave["response_id"].map(codes),
            "RecipientLastName": "Example",
            "RecipientFirstName": [_FIRST_NAMES[k % len(_FIRST_NAMES)] for k in number],
            "RecipientEmail": [f"respondent.{k:04d}@example.com" for k in number],
            "ExternalReference": text["response_id"],
            "LocationLatitude": "",
            "LocationLongitude": "",
            "DistributionChannel": "email",
            "UserLanguage": wave["language"].map({"en": "EN", "zh-CN": "ZH-S"}),
            "Q1": text["csat"],
            "Q2": text["nps"],
            "Q2_NPS_GROUP": group,
            "Q3": text["ces"],
            **{f"Q4_{j}": text[f"q{j}"] for j in range(1, 7)},
            "Q5": text["comment"],
            "Phone": [f"555-01{k % 100:02d}" for k in number],
            "segment": text["segment"],
            "region": text["region"],
            "weight": text["weight"],
        }
    )
    meta = {
        "StartDate": ("Start Date", {"ImportId": "startDate", "timeZone": "Asia/Shanghai"}),
        "EndDate": ("End Date", {"ImportId": "endDate", "timeZone": "Asia/Shanghai"}),
        "Status": ("Response Type", {"ImportId": "status"}),
        "IPAddress": ("IP Address", {"ImportId": "ipAddress"}),
        "Progress": ("Progress", {"ImportId": "progress"}),
        "Duration (in seconds)": ("Duration (in seconds)", {"ImportId": "duration"}),
        "Finished": ("Finished", {"ImportId": "finished"}),
        "RecordedDate": ("Recorded Date", {"ImportId": "recordedDate", "timeZone": "Asia/Shanghai"}),
        "ResponseId": ("Response ID", {"ImportId": "_recordId"}),
        "RecipientLastName": ("Recipient Last Name", {"ImportId": "recipientLastName"}),
        "RecipientFirstName": ("Recipient First Name", {"ImportId": "recipientFirstName"}),
        "RecipientEmail": ("Recipient Email", {"ImportId": "recipientEmail"}),
        "ExternalReference": ("External Data Reference", {"ImportId": "externalDataReference"}),
        "LocationLatitude": ("Location Latitude", {"ImportId": "locationLatitude"}),
        "LocationLongitude": ("Location Longitude", {"ImportId": "locationLongitude"}),
        "DistributionChannel": ("Distribution Channel", {"ImportId": "distributionChannel"}),
        "UserLanguage": ("User Language", {"ImportId": "userLanguage"}),
        **{col: (question, {"ImportId": qid}) for col, (question, qid) in _QUESTIONS.items()},
        **{col: (col, {"ImportId": col}) for col in ("Phone", "segment", "region", "weight")},
    }
    header = pd.DataFrame([[meta[c][0] for c in frame.columns], [json.dumps(meta[c][1], separators=(",", ":")) for c in frame.columns]], columns=frame.columns)
    body = pd.concat([header, frame], ignore_index=True)
    return ("\ufeff" + body.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def write_exports(tracker: pd.DataFrame, folder: Path) -> list[Path]:
    """Write both export samples of ``tracker`` into ``folder`` and return their paths.

    Examples
    --------
    >>> import tempfile
    >>> from csat_lab.simulate import csat_tracker
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_exports(csat_tracker(seed=1, n=20)[0], Path(tmp))]
    ['csat_tracker_wave4_gbk.csv', 'csat_tracker_wave4_qualtrics.csv']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    gbk, qualtrics = folder / GBK_FILE, folder / QUALTRICS_FILE
    gbk.write_bytes(gbk_export(tracker))
    qualtrics.write_bytes(qualtrics_export(tracker))
    return [gbk, qualtrics]
