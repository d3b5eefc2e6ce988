"""Example answer downloads of 问卷星 and 腾讯问卷: one synthetic service survey, four files per platform.

``china_survey`` draws the answers of a short customer-service questionnaire (sex, age band,
region, overall satisfaction, likelihood to recommend, channels - a multi-select question -,
a four-row satisfaction matrix, a comment) from a seeded process; the sample has too many
young and northern customers, and the young are more satisfied, so weighting to the
population shares (``CHINA_POPULATION``) lowers the CSAT: the raking lesson has something
to show. ``wjx_download`` and ``tencent_download`` lay the same answers out as each
platform's download, by option text (按选项文本) or option number (按选项序号), as CSV or
.xlsx. Respondent metadata are invented: IP addresses come from the documentation ranges
192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24, nicknames are 示例用户N.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ..errors import CsatInputError

__all__ = ["china_survey", "wjx_download", "tencent_download", "write_china_exports", "CHINA_FILES",
           "CHINA_POPULATION"]

SEX = ("男", "女")
AGE = ("18-29岁", "30-49岁", "50岁及以上")
REGION = ("北区", "东区", "南区", "西区")
SATISFACTION = ("很不满意", "不满意", "一般", "满意", "很满意")
MATRIX_OPTIONS = ("非常不满意", "比较不满意", "一般", "比较满意", "非常满意")
MATRIX_ROWS = ("服务态度", "响应速度", "问题解决", "价格合理")
CHANNELS = ("电视广告", "朋友推荐", "社交媒体", "营业厅", "其他")
QUESTIONS = {
    1: "您的性别：", 2: "您的年龄段：", 3: "您所在的地区：", 4: "总体而言，您对我们的服务满意吗？",
    5: "您向亲友推荐我们的可能性有多大？（0-10分）", 6: "您是通过哪些渠道了解我们的？（多选）",
    7: "请评价我们以下各方面的表现：", 8: "您还有什么意见或建议？",
}
#: Population shares to weight the sample to (the raking lesson's known margins).
CHINA_POPULATION = {
    "Q1": {"男": 0.49, "女": 0.51},
    "Q2": {"18-29岁": 0.30, "30-49岁": 0.40, "50岁及以上": 0.30},
    "Q3": {"北区": 0.25, "东区": 0.35, "南区": 0.25, "西区": 0.15},
}
_SAMPLE_AGE = np.array([0.55, 0.30, 0.15])
_SAMPLE_REGION = np.array([0.40, 0.30, 0.20, 0.10])
_AGE_MU = np.array([0.8, 0.1, -0.5])
_REGION_MU = np.array([0.2, 0.0, -0.1, -0.3])
_CUTS = np.array([-2.0, -1.0, 0.2, 1.5])
_CHANNEL_P = np.array([0.35, 0.45, 0.40, 0.30, 0.10])
_COMMENT_START = ("总的来说，", "上次办理业务时，", "说实话，", "整体感觉", "这次", "希望以后")
_COMMENT_END = ("服务很好，继续保持。", "等待时间太长了。", "价格可以再优惠一些。", "工作人员很耐心。",
                "问题解决得很快。", "电话总是占线。")
_PLACES = (("192.0.2", "北京-北京", "北京", "北京"), ("198.51.100", "上海-上海", "上海", "上海"),
           ("203.0.113", "广东-深圳", "广东", "深圳"), ("192.0.2", "四川-成都", "四川", "成都"))
_START = pd.Timestamp("2026-10-12 08:30:00")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)

CHINA_FILES = tuple(f"{platform}_service_survey_{style}.{ext}" for platform in ("wjx", "tencent")
                    for style in ("text", "number") for ext in ("csv", "xlsx"))


def china_survey(seed: int = 2026, n: int = 300) -> pd.DataFrame:
    """Answers of the synthetic service survey, one row per respondent (platform-neutral).

    Parameters
    ----------
    seed : int, default 2026
        Seed of the draws.
    n : int, default 300
        Respondents, 20 to 100,000.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``sex``, ``age``, ``region`` (option positions from 1), ``sat``
        (1-5), ``nps`` (0-10), ``ch_1`` .. ``ch_5`` (0/1; all missing when the
        question was skipped), ``m_1`` .. ``m_4`` (1-5, missing when skipped),
        ``comment`` (text or None), ``start``, ``seconds``, ``place``, ``host``,
        ``source`` (0-2).

    Examples
    --------
    >>> frame = china_survey(seed=1, n=50)
    >>> frame.shape[0], sorted(frame["sat"].unique().tolist())[0] >= 1
    (50, True)
    """
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or not 20 <= n <= 100_000:
        raise CsatInputError(f"n must be a whole number of respondents from 20 to 100,000, got {n!r}")
    rng = rng_from(seed)
    sex = rng.choice(2, n, p=[0.45, 0.55]) + 1
    age = rng.choice(3, n, p=_SAMPLE_AGE) + 1
    region = rng.choice(4, n, p=_SAMPLE_REGION) + 1
    latent = _AGE_MU[age - 1] + _REGION_MU[region - 1] + rng.normal(0, 1, n)
    sat = np.searchsorted(_CUTS, latent) + 1
    nps = np.clip(np.rint(7.4 + 1.5 * latent + rng.normal(0, 1.2, n)), 0, 10).astype(int)
    channels = (rng.random((n, len(CHANNELS))) < _CHANNEL_P).astype(float)
    none = channels.sum(axis=1) == 0
    channels[none, rng.integers(0, len(CHANNELS), int(none.sum()))] = 1
    skip_channels = rng.random(n) < 0.04
    channels[skip_channels] = np.nan
    items = np.searchsorted(_CUTS, latent[:, None] * 0.8 + rng.normal(0, 0.6, (n, len(MATRIX_ROWS)))) + 1
    items = items.astype(float)
    skip_matrix = rng.random(n) < 0.05
    items[skip_matrix] = np.nan
    said = rng.random(n) < 0.35
    parts = zip(rng.integers(0, len(_COMMENT_START), n), rng.integers(0, len(_COMMENT_END), n), said)
    comment = [(_COMMENT_START[int(a)] + _COMMENT_END[int(b)] if s else None) for a, b, s in parts]
    gaps = rng.exponential(900, n).cumsum()
    frame = pd.DataFrame({"id": np.arange(1, n + 1), "sex": sex, "age": age, "region": region, "sat": sat, "nps": nps})
    for j in range(len(CHANNELS)):
        frame[f"ch_{j + 1}"] = channels[:, j]
    for j in range(len(MATRIX_ROWS)):
        frame[f"m_{j + 1}"] = items[:, j]
    frame["comment"] = comment
    frame["start"] = _START + pd.to_timedelta(np.rint(gaps), unit="s")
    frame["seconds"] = np.rint(60 + rng.gamma(4, 40, n)).astype(int)
    frame["place"] = rng.integers(0, len(_PLACES), n)
    frame["host"] = rng.integers(1, 255, n)
    frame["source"] = rng.integers(0, 3, n)
    return frame


def _duration_text(seconds: int) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}分{rest}秒" if minutes else f"{rest}秒"


def _stamp(ts: pd.Timestamp, slash: bool) -> str:
    if slash:  # 问卷星 writes 2026/10/12 9:05:33
        return f"{ts.year}/{ts.month}/{ts.day} {ts.hour}:{ts.minute:02d}:{ts.second:02d}"
    return ts.strftime("%Y-%m-%d %H:%M:%S")


def wjx_download(survey: pd.DataFrame, style: str) -> pd.DataFrame:
    """The survey as a 问卷星 download table (header = column names), by option ``"text"`` or ``"number"``.

    Examples
    --------
    >>> table = wjx_download(china_survey(seed=1, n=30), "text")
    >>> list(table.columns[:6])
    ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP']
    """
    if style not in ("text", "number"):
        raise CsatInputError(f"style must be 'text' or 'number', got {style!r}")
    text = style == "text"
    end = survey["start"] + pd.to_timedelta(survey["seconds"], unit="s")
    out = {
        "序号": survey["id"].tolist(),
        "提交答卷时间": [_stamp(t, True) for t in end],
        "所用时间": [f"{s}秒" for s in survey["seconds"]],
        "来源": [("手机提交", "微信", "链接")[k] for k in survey["source"]],
        "来源详情": [("直接访问", "N/A", "直接访问")[k] for k in survey["source"]],
        "来自IP": [f"{_PLACES[p][0]}.{h}({_PLACES[p][1]})" for p, h in zip(survey["place"], survey["host"])],
    }
    for number, column, options in ((1, "sex", SEX), (2, "age", AGE), (3, "region", REGION), (4, "sat", SATISFACTION)):
        out[f"{number}、{QUESTIONS[number]}"] = [options[k - 1] if text else int(k) for k in survey[column]]
    out[f"5、{QUESTIONS[5]}"] = survey["nps"].astype(int).tolist()
    ch = survey[[f"ch_{j + 1}" for j in range(len(CHANNELS))]].to_numpy()
    if text:
        out[f"6、{QUESTIONS[6]}"] = ["(跳过)" if np.isnan(row).all() else "┋".join(
            c for c, x in zip(CHANNELS, row) if x == 1) for row in ch]
    else:
        for j, option in enumerate(CHANNELS):
            out[f"6({option})"] = [-3 if np.isnan(x) else int(x) for x in ch[:, j]]
    for j, row_name in enumerate(MATRIX_ROWS):
        values = survey[f"m_{j + 1}"]
        out[f"7({row_name})"] = [("(跳过)" if text else -3) if np.isnan(x) else
                                 (MATRIX_OPTIONS[int(x) - 1] if text else int(x)) for x in values]
    out[f"8、{QUESTIONS[8]}"] = [c if isinstance(c, str) else "(空)" for c in survey["comment"]]
    return pd.DataFrame(out)


def tencent_download(survey: pd.DataFrame, style: str) -> pd.DataFrame:
    """The survey as a 腾讯问卷 download table, by option ``"text"`` or ``"number"``.

    Examples
    --------
    >>> table = tencent_download(china_survey(seed=1, n=30), "number")
    >>> list(table.columns[:4])
    ['编号', '开始答题时间', '结束答题时间', '答题时长']
    """
    if style not in ("text", "number"):
        raise CsatInputError(f"style must be 'text' or 'number', got {style!r}")
    text = style == "text"
    end = survey["start"] + pd.to_timedelta(survey["seconds"], unit="s")
    out = {
        "编号": survey["id"].tolist(),
        "开始答题时间": [_stamp(t, False) for t in survey["start"]],
        "结束答题时间": [_stamp(t, False) for t in end],
        "答题时长": [_duration_text(s) for s in survey["seconds"]],
        "IP": [f"{_PLACES[p][0]}.{h}" for p, h in zip(survey["place"], survey["host"])],
        "地理位置国家和地区": ["中国"] * len(survey),
        "地理位置省": [_PLACES[p][2] for p in survey["place"]],
        "地理位置市": [_PLACES[p][3] for p in survey["place"]],
        "用户类型": [("微信用户", "QQ用户", "匿名用户")[k] for k in survey["source"]],
        "昵称": [f"示例用户{k}" for k in survey["id"]],
    }
    for number, column, options in ((1, "sex", SEX), (2, "age", AGE), (3, "region", REGION), (4, "sat", SATISFACTION)):
        out[f"{number}.{QUESTIONS[number]}"] = [options[k - 1] if text else int(k) for k in survey[column]]
    out[f"5.{QUESTIONS[5]}"] = survey["nps"].astype(int).tolist()
    ch = survey[[f"ch_{j + 1}" for j in range(len(CHANNELS))]].to_numpy()
    for j, option in enumerate(CHANNELS):
        out[f"6.{QUESTIONS[6]}({option})"] = [None if np.isnan(x) else (option if x == 1 else None) if text
                                              else int(x) for x in ch[:, j]]
    for j, row_name in enumerate(MATRIX_ROWS):
        values = survey[f"m_{j + 1}"]
        out[f"7.{QUESTIONS[7]}({row_name})"] = [None if np.isnan(x) else (MATRIX_OPTIONS[int(x) - 1] if text
                                                                           else int(x)) for x in values]
    out[f"8.{QUESTIONS[8]}"] = [c if isinstance(c, str) else None for c in survey["comment"]]
    return pd.DataFrame(out)


def _csv(table: pd.DataFrame, encoding: str) -> bytes:
    body = table.astype(object).where(table.notna(), "").to_csv(index=False, lineterminator="\r\n")
    return body.encode(encoding)


def _xlsx(table: pd.DataFrame) -> bytes:
    """The table as an .xlsx workbook whose bytes depend on nothing but the table."""
    import datetime

    import openpyxl
    from openpyxl.writer.excel import ExcelWriter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(list(table.columns))
    for row in table.itertuples(index=False):
        sheet.append([None if (v is None or (isinstance(v, float) and np.isnan(v))) else
                      (int(v) if isinstance(v, (np.integer,)) else v) for v in row])
    fixed = datetime.datetime(2026, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "csat_lab"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    # Rewrite with fixed entry times so that the bytes never depend on the clock.
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_china_exports(folder: Path, seed: int = 2026, n: int = 300) -> list[Path]:
    """Write the eight example downloads (问卷星 and 腾讯问卷, text and number, CSV and .xlsx) into ``folder``.

    The 问卷星 CSV files are GB18030 (GBK) text, the 腾讯问卷 ones UTF-8 with a byte-order mark;
    all use CRLF line ends.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_china_exports(Path(tmp), n=30)][:2]
    ['wjx_service_survey_text.csv', 'wjx_service_survey_text.xlsx']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    survey = china_survey(seed, n)
    written = []
    for name in CHINA_FILES:
        platform, _, _, style_ext = name.split("_", 3)
        style, ext = style_ext.split(".")
        table = (wjx_download if platform == "wjx" else tencent_download)(survey, style)
        if ext == "csv":
            data = _csv(table, "gb18030") if platform == "wjx" else b"\xef\xbb\xbf" + _csv(table, "utf-8")
        else:
            data = _xlsx(table)
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written
