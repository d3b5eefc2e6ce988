# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python (csat_lab)
#     language: python
#     name: csat_lab
# ---

# %% [markdown]
# # 08 · Study template: an end-to-end satisfaction study on your own file
#
# **Time:** about 60 minutes the first time; minutes once your parameters are set.
#
# **After this notebook you will be able to**
# 1. run a complete satisfaction study (load → clean → score → reliability → compare groups →
#    drivers → report) on your own survey file by changing one cell;
# 2. run the same study unattended, for example every quarter, with papermill;
# 3. report every headline number with its confidence interval, its *n* and what was removed.
#
# **How to use it.** Everything that depends on your data is in the **parameters** cell below.
# As shipped it analyses the course's `csat_tracker` dataset, which is simulated: its numbers
# show what the study produces, not findings about any real customers. For your own file, set
# `PATH` to it (a CSV in UTF-8 or GBK, an Excel sheet, an SPSS `.sav` file, or a 问卷星, 腾讯问卷 or
# Qualtrics export) and the column names to yours. Declare the answer scale of your items
# (`SCALE = (1, 7)` for a 7-point scale, `(0, 10)` for 11 points) and the negatively worded
# ones in `REVERSED`; give population shares in `TARGETS` to weight the sample. The study ends
# with a report in four formats (Excel, PowerPoint, HTML, PDF) in the folder `OUTPUT`. To run it
# unattended, papermill injects new values after the cell tagged `parameters`, e.g.
# `papermill 08_study_template.ipynb q3_study.ipynb -p PATH q3_export.csv`.

# %% [markdown] tags=["zh-CN"]
# # 08 · 研究模板：在你自己的文件上做一次完整的满意度研究
#
# **时长：** 约 60 分钟（第一次）；参数设好以后，再跑一遍只要几分钟。
#
# **学完本笔记本，你能够**
# 1. 只改一个单元格，就在你自己的调查文件上做完一次完整的满意度研究（读入 → 清洗 → 计分 → 信度 → 分组比较 → 驱动因素 → 报告）；
# 2. 让同一套研究无人值守地自动运行，比如每个季度一次，用的工具是 `papermill`；
# 3. 报告每一个主要数字时，都给出它的置信区间、样本量 *n* 以及剔除了什么。
#
# **怎么用。** 凡是取决于你的数据的东西，都集中在下面的**参数**单元格里。按原样运行时，它分析的是课程的 `csat_tracker` 数据集，这是模拟数据：这些数字只演示这项研究会产出什么，不是关于任何真实客户的发现。要分析你自己的文件，把 `PATH` 设成文件路径，再把各个列名改成你文件里的列名：
#
# | 参数 | 含义 |
# |---|---|
# | `DATASET` | 课程数据集的名称，`PATH` 为 `None` 时使用 |
# | `PATH` | 你的数据文件，例如 `"exports/q3_survey.csv"`：CSV（UTF-8 或 GBK 编码都可以）、Excel、SPSS 的 `.sav`、问卷星、腾讯问卷或 Qualtrics 的导出文件 |
# | `READER` | 用哪个读取函数：`"auto"` 按文件扩展名自动选；问卷星、腾讯问卷、Qualtrics 的导出文件要写明 `"wjx"`、`"tencent"`、`"qualtrics"` |
# | `LABELS` | 问卷星、腾讯问卷“按文本”下载的那份答卷（用来取选项文字），没有就写 `None` |
# | `LANGUAGE` | 报告的语言：`None` 表示沿用本笔记本的语言（中文版就是中文），也可以写 `"en"` 或 `"zh-CN"` |
# | `ID` | 答卷编号所在的列（据此删除重复答卷），没有就写 `None` |
# | `DURATION` | 答卷用时（秒）所在的列（据此删除答题过快者），没有就写 `None` |
# | `WEIGHT` | 调查权重所在的列，没有就写 `None` |
# | `GROUP` | 分组比较所依据的列（波次、区域、门店……），不比较就写 `None` |
# | `CSAT` | 总体满意度（1–5）所在的列 |
# | `NPS` | 推荐可能性（0–10）所在的列，没有就写 `None` |
# | `CES` | 客户费力度（1–7）所在的列，没有就写 `None` |
# | `ITEMS` | 同一个量表里的各道同意程度题，没有就写 `[]` |
# | `SCALE` | 这些题的最低分和最高分：5 级量表写 `(1, 5)`，7 级写 `(1, 7)`，11 级写 `(0, 10)` |
# | `REVERSED` | `ITEMS` 中反向表述的题目，按（最低分 + 最高分）− 原始分反转 |
# | `TARGETS` | 加权用的总体构成，例如 `{"region": {"east": 0.4, "north": 0.6}}`，给出时用 `cl.survey.rake` 加权；不加权就写 `None` |
# | `OUTPUT` | 报告文件写到哪个文件夹（没有就新建） |
# | `BOOTSTRAP` | 驱动因素区间的自助抽样次数（为了速度，取小一些） |
#
# 研究的最后一步，会在 `OUTPUT` 文件夹里写出四种格式的报告：Excel、PowerPoint、网页（HTML）和 PDF。
#
# 要无人值守地运行，`papermill` 会把新的参数值插在标有 `parameters` 标签的单元格后面，例如 `papermill 08_study_template.ipynb q3_study.ipynb -p PATH q3_export.csv`。拿中文版（`notebooks/zh-CN/` 里的这一本）来运行，得到的报告就是中文的。

# %%
# %matplotlib inline
from pathlib import Path

import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """A table as displayed: numbers formatted by kind (column -> kind for cl.i18n.format_table:
    "share", "pvalue" ...), column names in the notebook's language (labels course.08.column.<name>)."""
    return cl.i18n.format_table(table, kinds).rename(columns=lambda column: cl.label(f"course.08.column.{column}"))

# %% tags=["parameters"]
DATASET = "csat_tracker"  # a shipped dataset, used when PATH is None
PATH = None  # your file: .csv (UTF-8 or GBK), .xlsx, .sav, or a wjx / Tencent / Qualtrics export
READER = "auto"  # "auto" (by file ending: csv, xlsx, sav), or "wjx", "tencent", "qualtrics"
LABELS = None  # wjx / Tencent: the text download of the same answers (answer labels), or None
LANGUAGE = None  # None keeps the notebook's language; "en" or "zh-CN" to choose
ID = "response_id"  # respondent ID column (duplicates are removed), or None
DURATION = "duration_sec"  # completion time in seconds (speeders are removed), or None
WEIGHT = "weight"  # survey weight column, or None
GROUP = "wave"  # column to compare groups by (wave, region, store ...), or None
CSAT = "csat"  # overall satisfaction, 1-5
NPS = "nps"  # likelihood to recommend, 0-10, or None
CES = "ces"  # effort, 1-7, or None
ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6"]  # agreement items of one scale, or []
SCALE = (1, 5)  # lowest and highest answer of the ITEMS: (1, 5), (1, 7), (0, 10) ...
REVERSED = ["q4"]  # negatively worded items among ITEMS, reversed as (lowest + highest) - answer
TARGETS = None  # population shares to weight to, e.g. {"region": {"east": 0.4, "west": 0.6}}, or None
OUTPUT = "study_output"  # folder for the report files (created if missing)
BOOTSTRAP = 100  # resamples for driver intervals (keep small for speed)

# %% [markdown]
# ## 1. Load
# *(5 min)*

# %% [markdown] tags=["zh-CN"]
# ## 1. 读入
# *（5 分钟）*

# %%
if LANGUAGE:
    cl.set_language(LANGUAGE)
if PATH is None:
    raw = cl.datasets.load(DATASET)
    source = cl.label("course.08.source.dataset", name=DATASET)
else:
    READERS = {".csv": "csv", ".txt": "csv", ".xlsx": "excel", ".xls": "excel", ".sav": "spss"}
    reader = READER if READER != "auto" else READERS.get(Path(PATH).suffix.lower(), "csv")
    if reader == "spss":  # answers as codes; the other columns (region, store ...) with their labels
        raw, codebook = cl.survey.read_spss(PATH, categorical=False)
        named, _ = cl.survey.read_spss(PATH)
        scored = {CSAT, NPS, CES, *ITEMS} - {None}
        raw = raw.assign(**{column: named[column] for column in raw.columns if column not in scored})
    elif reader in ("wjx", "tencent"):
        raw, codebook = getattr(cl.survey, f"read_{reader}")(PATH, labels=LABELS)
    else:
        raw, codebook = getattr(cl.survey, f"read_{reader}")(PATH)
    source = cl.label("course.08.source.file")
print(cl.label("course.08.loaded", rows=cl.i18n.format_number(len(raw), "count"), columns=raw.shape[1], source=source))

# %% [markdown]
# **Exports of Chinese survey platforms.** The template reads a CSV by default, but
# `cl.survey` has a reader for each common platform, and each returns the table and a codebook
# with the question texts: `read_wjx` for 问卷星 (wjx.cn), `read_tencent` for 腾讯问卷 (Tencent
# Questionnaire), `read_qualtrics` for Qualtrics, `read_surveymonkey` for SurveyMonkey,
# `read_spss` for SPSS `.sav` files, and `read_excel` or `read_csv` for anything else. 腾讯问卷
# can download answers as numbers and as text; given both, `read_tencent` keeps the codes and
# takes the answer labels from the text download. The template picks the reader from `READER`
# (or from the file ending). The table below loads every example file shipped with the
# course, so you can see that each format arrives as rows and columns.

# %% [markdown] tags=["zh-CN"]
# **国内调查平台的导出文件。** 模板默认读 CSV 文件，不过 `cl.survey` 为常用的调查平台各准备了一个读取函数，都返回数据表和一份带题目文字的编码表：问卷星用 `read_wjx`，腾讯问卷用 `read_tencent`，Qualtrics 用 `read_qualtrics`，SurveyMonkey 用 `read_surveymonkey`，SPSS 的 `.sav` 文件用 `read_spss`，其他文件用 `read_excel` 或 `read_csv`。腾讯问卷可以分别下载“按序号”和“按文本”两种答卷；两种都给，`read_tencent` 就保留数字编码，再从文本版里取选项的文字。模板按参数 `READER`（或文件扩展名）选用读取函数。下表把课程附带的每个示例文件都读了一遍，可以看到每种格式读进来都是整齐的行和列。

# %%
example = cl.datasets.example_file
shipped = {
    "csat_tracker_wave4_gbk.csv": ("read_csv", lambda: cl.survey.read_csv(example("csat_tracker_wave4_gbk.csv"))),
    "csat_tracker_wave4_qualtrics.csv": ("read_qualtrics",
                                         lambda: cl.survey.read_qualtrics(example("csat_tracker_wave4_qualtrics.csv"))),
    "wjx_service_survey_number.xlsx": ("read_wjx", lambda: cl.survey.read_wjx(
        example("wjx_service_survey_number.xlsx"), labels=example("wjx_service_survey_text.xlsx"))),
    "tencent_service_survey_number.csv": ("read_tencent", lambda: cl.survey.read_tencent(
        example("tencent_service_survey_number.csv"), labels=example("tencent_service_survey_text.csv"))),
    "study_survey_7point.sav": ("read_spss",
                                lambda: cl.survey.read_spss(example("study_survey_7point.sav"), categorical=False)),
}
loaded = {}
for name, (reader_name, read) in shipped.items():
    table, _ = read()
    loaded[name] = {"reader": reader_name, "rows": len(table), "columns": table.shape[1]}
labelled(pd.DataFrame(loaded).T.rename_axis(index=cl.label("course.08.column.file")), {"rows": "count", "columns": "count"})

# %%
frame, codebook_tencent = cl.survey.read_tencent(
    cl.datasets.example_file("tencent_service_survey_number.xlsx"),
    labels=cl.datasets.example_file("tencent_service_survey_text.xlsx"),
)
cl.i18n.labelled_table(codebook_tencent.loc[["Q1", "Q2", "Q3", "Q4", "Q5", "Q8"], ["question"]], "course.08")

# %% [markdown]
# ## 2. Clean, with a report
# *(10 min)*
#
# Invalid codes become missing; duplicates, speeders and straight-liners are removed. The
# report accounts for every row.

# %% [markdown] tags=["zh-CN"]
# ## 2. 清洗，并出具清洗报告
# *（10 分钟）*
#
# 无效的编码改为缺失；重复提交的答卷、答题过快者和直线作答者（一组题全选同一个答案的人）被删除。清洗报告对每一行数据的去向都有交代。

# %%
low, high = SCALE
item_scale = "agree5" if SCALE == (1, 5) else cl.scales.Scale(f"items_{low}_{high}", low, high, labelled=False)
answer_scales = {CSAT: "satisfaction5", **dict.fromkeys(ITEMS, item_scale)}
if NPS:
    answer_scales[NPS] = "nps11"
if CES:
    answer_scales[CES] = "effort7"
data, cleaning = cl.survey.clean(
    raw, scales=answer_scales, id=ID, duration=DURATION, straightline=ITEMS if len(ITEMS) >= 3 else None
)
cleaning

# %% [markdown]
# ## 3. Headline scores
# *(10 min)*
#
# First the weights: with `TARGETS` the sample is raked to the population shares you gave
# (`cl.survey.rake`, weights kept between 0.3 and 3 times the mean), else the `WEIGHT` column is
# used, else every answer counts once; the line printed says which. CSAT and CES are shares,
# shown as percentages; NPS is a difference of two percentages, in points from −100 to +100.
# Each comes with its 95% interval and the number of answers used, weighted when there are
# weights.

# %% [markdown] tags=["zh-CN"]
# ## 3. 主要指标
# *（10 分钟）*
#
# 先定权重：给了 `TARGETS`，就用 `cl.survey.rake` 把样本加权到你给的总体构成（权重限制在平均值的 0.3 到 3 倍之间）；没给就用 `WEIGHT` 列；两样都没有，每份回答各算一次。打印出来的那一行会说明用的是哪一种。满意度（CSAT）和客户费力度是比例，用百分比表示；净推荐值是两个百分比之差，单位是百分点，范围从 −100 到 +100。每个指标都附有 95% 置信区间和所用的回答数，有权重时按加权计算。
#
# 这里的满意度只数“满意”和“很满意”两档。如果上级要的是国内报告常见的**满意率**（把“基本满意”也算作满意），就用 `cl.metrics.satisfaction_rate(data[CSAT], weights=weights)` 另算一行，并在报告里写明口径：同一批回答，满意率总是不低于这里的满意度。

# %%
if TARGETS:
    raking = cl.survey.rake(data, TARGETS, weight=WEIGHT, trim=(0.3, 3.0))
    weights = pd.Series(raking.weights, index=data.index, name="study_weight")
    weighting = cl.label("course.08.weighting.raked", variables=", ".join(TARGETS),
                         n_eff=cl.i18n.format_number(raking.n_effective, "count"))
elif WEIGHT:
    weights = data[WEIGHT].rename("study_weight")
    weighting = cl.label("course.08.weighting.column", column=WEIGHT)
else:
    weights = None
    weighting = cl.label("course.08.weighting.none")
data = data.assign(study_weight=weights if weights is not None else 1.0)
print(weighting)

# %%
headline = {"csat": cl.metrics.csat(data[CSAT], weights=weights)}
if NPS:
    headline["nps"] = cl.metrics.nps(data[NPS], weights=weights)
if CES:
    headline["ces"] = cl.metrics.top_box(data[CES], scale="effort7", k=2, weights=weights)


def _row(result):
    if isinstance(result, cl.metrics.NPSResult):  # NPS is already in points, -100 to 100
        return result.score, result.ci[0], result.ci[1], result.n
    return 100 * result.estimate, 100 * result.ci[0], 100 * result.ci[1], result.n  # a share, shown as %


def _kind(key):
    """How a headline score is shown: the NPS in points, the others in percent."""
    return "score:1" if key == "nps" else "percent"


scores = pd.DataFrame({key: _row(r) for key, r in headline.items()}, index=["estimate", "ci_low", "ci_high", "n"]).T
labelled(pd.DataFrame({
    key: {"estimate": cl.i18n.format_number(row["estimate"], _kind(key)),
          "ci": cl.i18n.format_interval((row["ci_low"], row["ci_high"]), _kind(key)),
          "n": cl.i18n.format_number(row["n"], "count")}
    for key, row in scores.iterrows()
}).T.rename(index=lambda key: cl.label(f"course.08.score.{key}")))

# %%
charted = [result for result in headline.values() if hasattr(result, "plot")]  # the NPS has a chart
if charted:
    ax = charted[0].plot()

# %% [markdown]
# ## 4. Reliability of the item scale
# *(5 min)*
#
# Cronbach's alpha asks whether the items measure one thing; look at it before adding items
# up. Negatively worded items are reversed first on the declared scale: new = (lowest +
# highest) − answer, so on a 1–7 scale a 7 becomes 1 and on a 0–10 scale a 10 becomes 0. Never
# use a fixed 6 − answer, which is right only for a 1–5 scale.

# %% [markdown] tags=["zh-CN"]
# ## 4. 题项量表的信度
# *（5 分钟）*
#
# 克朗巴赫α系数看的是这几道题是否在测同一件事；把题目得分加总之前，先看它。反向题先按声明的量表反转过来：新分数 =（最低分 + 最高分）− 原始分，7 级量表（1–7）上 7 分变 1 分，11 级量表（0–10）上 10 分变 0 分。千万不要不管量表长短都用 6 − 原始分，那只对 5 级量表成立。

# %%
if ITEMS:
    items = data[ITEMS].apply(lambda column: pd.to_numeric(column.astype("object")))
    low, high = SCALE
    items[REVERSED] = (low + high) - items[REVERSED]  # 1..7: 7 -> 1; 0..10: 10 -> 0; never a fixed 6 - x
    reliability = cl.survey.cronbach_alpha(items, items=ITEMS)
    display(reliability)

# %% [markdown]
# ## 5. Compare groups
# *(10 min)*
#
# Each group's score comes with its interval, and each group is compared with the first one:
# the difference from the first group, with its own interval and a p-value. A difference whose interval includes zero
# is not a ranking.

# %% [markdown] tags=["zh-CN"]
# ## 5. 分组比较
# *（10 分钟）*
#
# 每一组的得分都附有区间，并且每一组都和第一组比较：“与第一组之差”一栏给出差值，后面是这个差值的区间和 p 值。差值的区间包含 0，就不能据此排名次。

# %%
if GROUP:
    comparison = cl.metrics.compare_groups(data, score=CSAT, group=GROUP, metric="csat",
                                           weights="study_weight" if weights is not None else None)
    shown = comparison[["group", "estimate", "ci_low", "ci_high", "n", "difference", "diff_ci_low", "diff_ci_high",
                        "p_value"]]
    display(labelled(shown, {"estimate": "share", "ci_low": "share", "ci_high": "share", "n": "count",
                             "difference": "pp", "diff_ci_low": "pp", "diff_ci_high": "pp", "p_value": "pvalue"}))
    ax = comparison.plot()

# %% [markdown]
# **Exercise 08.branch_compare.** Two branches of a bakery chain ran the same short survey this
# quarter. Branch A: 27 of 30 valid answers satisfied or very satisfied, 90% (95% interval 74%
# to 97%). Branch B: 52 of 65, 80% (69% to 88%). The difference, A minus B, is 10 points, with
# a 95% interval from −8 to +23 points. The regional manager wants one line for the staff
# newsletter. Which should the report give?
#
# (a) "Branch A beats Branch B by 10 points."
# (b) "Both branches satisfy most customers: A 90% (n = 30), B 80% (n = 65). With samples this
# small the gap could be chance (its interval runs from −8 to +23 points), so we do not rank
# the branches this quarter."
# (c) "Branch B's result is more reliable because more customers answered, so B serves its
# customers better."
# (d) "Branch A: 90% satisfied." (the best number alone, to keep it simple)

# %% [markdown] tags=["zh-CN"]
# **练习 08.branch_compare。** 一家连锁面包店的两家分店，本季度做了同一份简短调查。A 店：30 份有效回答中 27 份满意或很满意，占 90%（95% 置信区间 74% 到 97%）。B 店：65 份中 52 份，占 80%（69% 到 88%）。两店之差（A 减 B）是 10 个百分点，95% 置信区间从 −8 到 +23 个百分点。区域经理想在员工通讯上登一句话。报告应该给哪一句？
#
# (a)“A 店比 B 店高 10 个百分点。”
# (b)“两家分店都让大多数客户满意：A 店 90%（n = 30），B 店 80%（n = 65）。样本这么小，两店之间的差距可能只是偶然（差值的区间从 −8 到 +23 个百分点），所以本季度不给两家分店排名。”
# (c)“B 店的结果更可靠，因为回答的客户更多，所以 B 店服务得更好。”
# (d)“A 店：90% 满意。”（只给最好看的那个数，简单明了）

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("08.branch_compare", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* The interval of the difference includes zero, so the survey cannot say which
# branch satisfies more customers; (a) and (d) present a ranking or a best number the data do
# not support, and (d) also hides the sample size. (c) confuses precision with quality: more
# answers make B's estimate *narrower*, not B's service better. Ask the class how many answers
# per branch would be needed to detect a 10-point gap (notebook 02's sample-size explorer), and
# whether a newsletter that ranks branches each quarter would invite staff to chase the score.

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* 差值的区间包含 0，所以这次调查说不出哪家分店让更多客户满意；(a) 和 (d) 给出了数据撑不起的名次或“最好看的数字”，(d) 还把样本量藏了起来。(c) 把精确和质量混为一谈：回答多，只是让 B 店的估计*更窄*，并不说明 B 店服务更好。可以问学员：要测出 10 个百分点的差距，每家分店需要多少份回答（用笔记本 02 的样本量交互控件算一算）？每个季度都在通讯上给分店排名，会不会诱使员工去追分数？

# %% [markdown]
# ## 6. What drives overall satisfaction?
# *(5 min)*
#
# Shapley shares of explained variance, with bootstrap intervals. Where two intervals overlap,
# the answers do not rank the two items; and a share describes how the item moves with overall
# satisfaction in these answers, not what a change to it would do.

# %% [markdown] tags=["zh-CN"]
# ## 6. 什么在推动总体满意度？
# *（5 分钟）*
#
# 用 Shapley 值分解算出各题在被解释的变异中所占的份额，并用自助抽样给出区间。两个区间重叠时，这些回答排不出这两道题的先后；而且份额描述的是，在这些回答里这道题和总体满意度怎样一起变动，而不是改动这道题会带来什么效果。

# %%
if ITEMS:
    drivers_data = items.assign(**{CSAT: pd.to_numeric(data[CSAT].astype("object"))})
    drivers = cl.loyalty.shapley_importance(drivers_data, outcome=CSAT, drivers=ITEMS, n_boot=BOOTSTRAP, seed=rng)
    shown = drivers[["share", "share_ci_low", "share_ci_high"]]
    display(labelled(shown, dict.fromkeys(shown.columns, "share"))
            .rename_axis(index=cl.label("course.08.column.driver")))
    ax = drivers.plot()

# %% [markdown]
# ## 7. The report
# *(10 min)*
#
# The summary report names its sample, its cleaning and the interval of every number; it says
# when the data are simulated, and it does not rank drivers that the intervals cannot tell
# apart.

# %% [markdown] tags=["zh-CN"]
# ## 7. 报告
# *（10 分钟）*
#
# 这份总结报告写明了样本、清洗情况和每个数字的区间；数据是模拟的就明说；区间分不出先后的驱动因素，不排名次。

# %%
lines = [
    cl.label("course.08.report.received", **{key: cl.i18n.format_number(value, "count") for key, value in
                                             {"received": cleaning.n_input, "kept": cleaning.n_kept,
                                              "removed": cleaning.n_removed, "changed": cleaning.n_changed}.items()}),
    weighting,
]
for key, row in scores.iterrows():
    lines.append(cl.label("course.08.report.score", name=cl.label(f"course.08.score.{key}"),
                          estimate=cl.i18n.format_number(row["estimate"], _kind(key)),
                          low=cl.i18n.format_number(row["ci_low"], _kind(key)),
                          high=cl.i18n.format_number(row["ci_high"], _kind(key)),
                          n=cl.i18n.format_number(row["n"], "count")))
if ITEMS:
    lines.append(cl.label("course.08.report.alpha", alpha=cl.i18n.format_number(reliability.alpha, "coef:2")))
    top = drivers["share"].idxmax()
    low, high = drivers["share_ci_low"], drivers["share_ci_high"]
    close = [item for item in ITEMS if item != top and high[item] >= low[top]]
    if close:
        overlap = cl.label("course.08.report.overlap", items=cl.label("course.08.report.separator").join(close))
    else:
        overlap = cl.label("course.08.report.end")
    lines.append(cl.label("course.08.report.top_driver", item=top,
                          share=cl.i18n.format_number(drivers["share"][top], "share:0"),
                          low=cl.i18n.format_number(low[top], "share:0"),
                          high=cl.i18n.format_number(high[top], "share:0"), overlap=overlap))
    lines.append(cl.label("course.08.report.association"))
if PATH is None and DATASET in cl.simulate.SIMULATED:
    lines.append(cl.label("course.08.report.simulated", name=DATASET))
print("\n".join(lines))

# %% [markdown]
# **The report files.** The same results go into a report for people who will never open a
# notebook: an Excel workbook (one sheet per result, with its interval, *n* and what was
# removed), a PowerPoint deck (one message per slide, editable charts), one self-contained HTML
# page and a PDF. `cl.report.Report` writes them in the language chosen in `LANGUAGE`, so the
# Chinese edition writes a Chinese report. The table lists the files written into `OUTPUT`.

# %% [markdown] tags=["zh-CN"]
# **报告文件。** 同样的结果还要写成一份报告，交给那些永远不会打开笔记本的人：一个 Excel 工作簿（每个结果一张工作表，带区间、样本量和剔除情况）、一份 PowerPoint 演示文稿（每页一句结论，图表可以直接编辑）、一个独立的网页文件（HTML）和一份 PDF。`cl.report.Report` 按参数 `LANGUAGE` 选定的语言来写，所以中文版写出的是中文报告。下表列出写进 `OUTPUT` 文件夹的文件。

# %%
study = cl.report.Report(cl.label("course.08.report.title"), language=LANGUAGE or cl.get_language(), subtitle=source)
study.add(cleaning, headline=lines[0])
for key, result in headline.items():
    study.add(result, title=cl.label(f"course.08.score.{key}"))
if ITEMS:
    study.add(reliability)
if GROUP:
    study.add(comparison)
if ITEMS:
    study.add(drivers, note=cl.label("course.08.report.association"))
study.add_text("\n\n".join(lines), title=cl.label("course.08.report.summary"))
written = study.save(OUTPUT, stem="survey_study")


def size_band(path):
    """A file's size as a rough band (exact sizes change from run to run)."""
    kilobytes = path.stat().st_size / 1024
    return cl.label("course.08.size.small" if kilobytes < 100 else "course.08.size.medium" if kilobytes < 1024
                    else "course.08.size.large")


labelled(pd.DataFrame({"file": [f"{OUTPUT}/{path.name}" for path in written.values()],
                       "format": [cl.label(f"course.08.format.{kind}") for kind in written],
                       "size": [size_band(path) for path in written.values()]}).set_index("file")
         .rename_axis(index=cl.label("course.08.column.file")))

# %% [markdown]
# **Exercise 08.report_ci.** A manager asks for "just the satisfaction percentage" for the
# board. What should the report give with it? (a) nothing else, to keep it simple; (b) the
# confidence interval and the number of valid responses; (c) the p-value of every item.

# %% [markdown] tags=["zh-CN"]
# **练习 08.report_ci。** 一位经理要给董事会的材料里“只放满意度百分比”。报告应该连同它一起给出什么？(a) 什么都不用加，越简单越好；(b) 置信区间和有效回答数；(c) 每道题的 p 值。

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("08.report_ci", answer)

# %% [markdown]
# **Exercise 08.report_line.** A shop manager surveyed her customers: 60 valid answers, of which
# 42 were "satisfied" or "very satisfied". The 95% interval (Wilson) for the share satisfied is
# 57% to 80%. Write the one-sentence headline for her report, in English or in Chinese, as a
# text between quotation marks, e.g. `answer = "..."`.

# %% [markdown] tags=["zh-CN"]
# **练习 08.report_line。** 一位店长调查了她的客户：有效回答 60 份，其中 42 份是“满意”或“很满意”。满意比例的 95% 置信区间（威尔逊法）是 57% 到 80%。请为她的报告写一句标题式的结论，中文或英文都可以，写成放在英文引号里的一段文字，例如 `answer = "..."`。

# %%
answer = None

# %% tags=["solution"]
answer = "CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to 80%)."

# %%
cl.check("08.report_line", answer)

# %% [markdown] tags=["solution"]
# *Trainer note: model answer and rubric.*
#
# - English: "CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to
#   80%)."
# - Chinese: "满意度70%（60份有效问卷中42人满意或很满意；95%置信区间57%至80%）。"
#
# The check looks for three points, in this order: the share as a percentage (42 / 60 = 70%),
# both ends of the interval, and the number of valid answers. It checks numbers, not meaning, so
# read good answers aloud and discuss: "70.0%" claims a precision that 60 answers do not have;
# "up to 80% of customers are satisfied" quotes one end of the interval as if it were the
# estimate; and a headline should say what was counted as satisfied (the top two boxes).

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示：参考答案与评分要点。*
#
# - 中文：“满意度 70%（60 份有效问卷中 42 人满意或很满意；95% 置信区间 57% 至 80%）。”
# - 英文：`"CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to 80%)."`
#
# 检查会依次看三点：用百分比写出的比例（42 / 60 = 70%）、区间的上下两端、有效回答数。它只核对数字，不核对意思，所以要把好的答案念出来一起讨论：写成“70.0%”，就声称了 60 份回答撑不起的精确度；“多达 80% 的客户满意”是把区间的一端当成了估计值；标题还应该说明什么算作满意（最高两档）。还有一点是中文报告特有的：不要把这个数叫作“满意率”，因为国内报告里的满意率通常把“基本满意”也算进去，读者会按那个口径去理解。

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Put everything that depends on the data in one parameters cell; the steps stay the same.
# - Clean with a report; score with intervals; check reliability before adding items up.
# - Compare groups with intervals and find drivers with Shapley importance.
# - The report states what was received, what was removed and the interval of every number;
#   run it unattended with papermill for each new wave.
# - Say when data are simulated: the shipped dataset shows the study's form, never findings.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 把所有取决于数据的东西放在一个参数单元格里，各个步骤保持不变。
# - 清洗要出报告；计分要带区间；把题目得分加总之前先检查信度。
# - 分组比较要带区间，用 Shapley 重要性找驱动因素。
# - 报告写明收到多少、剔除了什么，以及每个数字的区间；每来一波新数据，就用 `papermill` 无人值守地再跑一遍。
# - 数据是模拟的就明说：课程附带的数据集只演示研究的格式，永远不是调查结论。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("08")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("08")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("08")

# %% [markdown]
# ### Glossary (术语表)

# %% [markdown] tags=["zh-CN"]
# ### 术语表

# %%
cl.exercises.glossary("08", keys=False)
