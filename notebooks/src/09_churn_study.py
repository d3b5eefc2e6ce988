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
# # 09 · Churn study template: from a transaction log to a report
#
# **Time:** about 60 minutes the first time; minutes once your settings are made.
#
# **After this notebook you will be able to**
# 1. run a complete churn study on your own transaction log (check → churn and retention →
#    cohorts → survival → RFM → lifetime value → value tiers → report) by changing one cell;
# 2. state every churn and retention rate with its denominator: customers at the start, lost,
#    new;
# 3. hand the results on as an Excel workbook, a PowerPoint deck, an HTML page and a PDF.
#
# **How to use it.** Everything that depends on your data is in the **settings** cell below. As
# shipped it analyses `cdnow`, the purchases of a CD retailer's customers in 1997–98 (a public
# data set, real but old: read its numbers as an example, not as a benchmark). For your own log
# set `PATH` to a CSV or Parquet file with one row per purchase, and name its customer, date and
# amount columns. Run it unattended with papermill, which injects new values after the cell
# tagged `parameters`: `papermill 09_churn_study.ipynb q3_churn.ipynb -p PATH sales_q3.csv`.

# %% [markdown] tags=["zh-CN"]
# # 09 · 客户流失研究模板：从交易记录到报告
#
# **时长：** 约 60 分钟（第一次）；设置好以后，再跑一遍只要几分钟。
#
# **学完本笔记本，你能够**
# 1. 只改一个单元格，就在你自己的交易记录上做完一次完整的客户流失研究（检查数据 → 流失率与保持率 → 同期群 → 生存曲线 → RFM → 客户终身价值 → 客户价值等级 → 报告）；
# 2. 报告每一个流失率和保持率时都写明分母：期初有多少客户、流失了多少、新来了多少；
# 3. 把结果整理成 Excel 工作簿、PowerPoint 演示文稿、网页（HTML）和 PDF，交给别人使用。
#
# **怎么用。** 凡是取决于你的数据的东西，都集中在下面的**设置**单元格里。按原样运行时，它分析的是 `cdnow`：一家唱片零售商的客户在 1997–98 年间的购买记录（公开数据，真实但年代久远：把其中的数字当作示例，不要当作行业标杆）。要分析你自己的交易记录，把 `PATH` 设成一个 CSV 或 Parquet 文件（每次购买一行），再写明客户编号、日期和金额各在哪一列：
#
# | 设置 | 含义 |
# |---|---|
# | `DATASET` | 课程数据集的名称，`PATH` 为 `None` 时使用（也可以用 `"supermarket_members"`，客户列是 `member_id`） |
# | `PATH` | 你的交易记录文件：`.csv` 或 `.parquet`，每次购买一行 |
# | `CUSTOMER`、`DATE`、`AMOUNT` | 客户编号、购买日期、消费金额所在的列 |
# | `NOW` | 观察截止日；`None` 表示取记录里最后一天 |
# | `PERIOD_START`、`PERIOD_END` | 计算流失率和保持率的那一段时间 |
# | `INACTIVITY` | 多久没有购买就算流失，例如 `"180D"` 表示 180 天 |
# | `COHORT_PERIOD` | 同期群按什么时间划分：`"M"` 按月，`"Q"` 按季度 |
# | `HORIZON`、`DISCOUNT`、`MARGIN` | 客户终身价值往后算几个月、月折现率、消费额中利润所占的比例 |
# | `LANGUAGE` | 报告的语言：`None` 表示沿用本笔记本的语言（中文版就是中文） |
# | `OUTPUT` | 报告文件写到哪个文件夹（没有就新建） |
#
# 要无人值守地运行，`papermill` 会把新的设置值插在标有 `parameters` 标签的单元格后面，例如 `papermill 09_churn_study.ipynb q3_churn.ipynb -p PATH sales_q3.csv`。

# %%
# %matplotlib inline
from pathlib import Path

import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """A table as displayed: numbers formatted by kind (column -> kind for cl.i18n.format_table),
    column names in the notebook's language (labels course.09.column.<name>)."""
    return cl.i18n.format_table(table, kinds).rename(columns=lambda column: cl.label(f"course.09.column.{column}"))

# %% tags=["parameters"]
DATASET = "cdnow"  # a shipped transaction log, used when PATH is None
PATH = None  # your log: a .csv or .parquet file, one row per purchase
CUSTOMER = "customer_id"  # customer ID column
DATE = "date"  # purchase date column
AMOUNT = "amount"  # amount spent column (refunds as negative amounts)
NOW = "1998-06-30"  # end of observation; None takes the last date in the log
PERIOD_START = "1997-07-01"  # the period for churn and retention ...
PERIOD_END = "1997-12-31"  # ... and its last day (included)
INACTIVITY = "180D"  # no purchase for this long counts as lost
COHORT_PERIOD = "M"  # cohorts by "M" (month) or "Q" (quarter)
HORIZON = 12  # months of future value in the lifetime value
DISCOUNT = 0.01  # monthly discount rate
MARGIN = 1.0  # share of spend that is profit (1.0: value in spend, not profit)
LANGUAGE = None  # None keeps the notebook's language; "en" or "zh-CN" to choose
OUTPUT = "churn_output"  # folder for the report files (created if missing)

# %% [markdown]
# ## 1. Load and check the log
# *(10 min)*
#
# The check counts what will be used and what will not: rows without a date or customer, dates
# after `NOW`, exact duplicate rows and refunds. Look at "Dropped" first: if it is more than a
# few per cent, find out why before going on. Duplicates are kept (two identical purchases on one
# day can be real); refunds are netted within each customer's period.

# %% [markdown] tags=["zh-CN"]
# ## 1. 读入并检查交易记录
# *（10 分钟）*
#
# 检查会清点哪些行能用、哪些不能用：缺日期或缺客户编号的行、晚于 `NOW` 的日期、完全重复的行，以及退款。先看“剔除”一栏：如果超过百分之几，先查清原因再往下做。重复行会保留（同一天买两件一样的东西是可能的）；退款在每位客户的同一期内相抵。

# %%
if LANGUAGE:
    cl.set_language(LANGUAGE)
if PATH is None:
    log = cl.datasets.load(DATASET)
    source = cl.label("course.09.source.dataset", name=DATASET)
elif Path(PATH).suffix.lower() == ".parquet":
    log = pd.read_parquet(PATH)
    source = cl.label("course.09.source.file")
else:
    log = pd.read_csv(PATH)
    source = cl.label("course.09.source.file")
log[DATE] = pd.to_datetime(log[DATE])
now = pd.Timestamp(NOW) if NOW else log[DATE].max()
check = cl.churn.validate_transactions(log, customer=CUSTOMER, date=DATE, amount=AMOUNT, now=now, on_invalid="drop")
print(cl.label("course.09.loaded", rows=cl.i18n.format_number(len(log), "count"), source=source,
               customers=cl.i18n.format_number(log[CUSTOMER].nunique(), "count"),
               first=log[DATE].min().date().isoformat(), last=now.date().isoformat()))
check

# %% [markdown]
# ## 2. Churn and retention, with their denominators
# *(10 min)*
#
# A churn rate is only as clear as its denominator. Here the customers are those who bought in
# the `INACTIVITY` window before the period starts; a customer is lost when they make no
# purchase in the `INACTIVITY` window before the period ends. Customers who joined during the
# period, or came back after a longer silence, are counted separately and kept out of the rate,
# so that a busy quarter of new customers cannot make churn look lower. In the table, lost +
# retained = customers at the start.

# %% [markdown] tags=["zh-CN"]
# ## 2. 客户流失率与客户保持率，连同分母
# *（10 分钟）*
#
# 流失率说得清不清楚，全看分母。这里的客户是期初之前 `INACTIVITY` 这段时间里买过东西的人；期末之前 `INACTIVITY` 这段时间里一次都没买，就算流失。期间新来的客户，以及沉寂了更久又回来的客户，都单独列出，不算进流失率，免得一个季度新客户多，就把流失率拉低。表里的“流失客户”加“保持的客户”，正好等于“期初客户数”。

# %%
period_end = pd.Timestamp(PERIOD_END) + pd.Timedelta(days=1)  # the function excludes its end date
period = cl.churn.period_churn(log, PERIOD_START, period_end, kind="non-contractual", customer=CUSTOMER, date=DATE,
                               inactivity=INACTIVITY)
denominators = pd.DataFrame({"value": {
    "at_start": period.at_start, "lost": period.lost, "retained": period.at_start - period.lost,
    "joiners": period.joiners, "reactivated": period.reactivated, "joiners_lost": period.joiners_lost,
    "at_end": period.at_end,
}}).rename(index=lambda key: cl.label(f"course.09.count.{key}"))
display(labelled(denominators, {"value": "count"}))
rates = pd.DataFrame({
    "estimate": {"churn": period.rate, "retention": period.retention},
    "ci": {"churn": cl.i18n.format_interval(period.ci, "share"),
           "retention": cl.i18n.format_interval((1 - period.ci[1], 1 - period.ci[0]), "share")},
    "denominator": {"churn": period.at_start, "retention": period.at_start},
}).rename(index=lambda key: cl.label(f"course.09.rate.{key}"))
labelled(rates, {"estimate": "share", "denominator": "count"})

# %% [markdown]
# **Exercise 09.period_churn.** A tea shop's log gives, for the third quarter: 400 customers
# active at the start, 90 of them lost by the end, 120 new customers who joined during the
# quarter, 30 of whom were also lost by the end. Using the template's definition (joiners kept
# out of the rate), what is the quarter's churn rate, in per cent? As a worked example on other
# numbers: 250 at the start and 40 lost give 100 × 40 / 250 = 16 %.

# %% [markdown] tags=["zh-CN"]
# **练习 09.period_churn。** 一家茶叶店的交易记录显示，第三季度：期初活跃客户 400 位，到期末流失了其中 90 位；季度内新来了 120 位客户，其中 30 位到期末也流失了。按本模板的口径（新客户不算进流失率），这个季度的流失率是百分之多少？先看一个换了数字的例子：期初 250 位、流失 40 位，流失率就是 100 × 40 / 250 = 16%。

# %%
# answer = 100 * ___ / ___
answer = None

# %% tags=["solution"]
answer = 100 * 90 / 400

# %%
cl.check("09.period_churn", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* 90 of the 400 customers at the start were lost: 22.5 %. The 120 joiners and
# their 30 losses are reported beside the rate, not inside it; mixing them in (120 lost of 520)
# gives 23.1 % here, and in a quarter of heavy acquisition the mixed rate can move for reasons
# that have nothing to do with keeping customers. Ask the class which denominator their own
# monthly report uses.

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* 期初 400 位客户中流失了 90 位：22.5%。新来的 120 位和其中流失的 30 位写在流失率旁边，不放进流失率里；混在一起算（520 位中流失 120 位）得到 23.1%，而在大力拉新的季度，混合口径的流失率会因为和留住客户毫不相干的原因而变动。可以问学员：你们自己的月报用的是哪个分母？

# %% [markdown]
# ## 3. Cohorts
# *(5 min)*
#
# A cohort is the customers whose first purchase fell in the same period. Each row follows one
# cohort: the share of its customers who bought again 1, 2, 3 … periods later. Read down a
# column to see whether newer cohorts come back more or less than older ones; read along a row
# to see how fast one cohort fades. The last cells of each row cover few periods of observation.
# (All of `cdnow`'s customers made their first purchase in January to March 1997, so it has
# three monthly cohorts; a live business adds a row every period.)

# %% [markdown] tags=["zh-CN"]
# ## 3. 同期群
# *（5 分钟）*
#
# 同期群就是首次购买落在同一时段的那一批客户。每一行跟踪一个同期群：过了 1、2、3……个时段之后，还有多大比例的客户再来购买。竖着看一列，比较新的同期群比老的回来得多还是少；横着看一行，看一个同期群衰减得有多快。每行最后几格观察的时间短，数字不太稳。（`cdnow` 的客户都是在 1997 年 1 月到 3 月首次购买的，所以只有三个按月划分的同期群；正在经营的企业每过一个时段就会多出一行。）

# %%
cohorts = cl.churn.cohort_table(log, customer=CUSTOMER, date=DATE, period=COHORT_PERIOD, now=now, on_invalid="drop")
shown = cohorts.rates.rename(columns=str).rename_axis(index=cl.label("course.09.column.cohort"),
                                                      columns=cl.label("course.09.column.age"))
display(cl.i18n.format_table(shown, dict.fromkeys(shown.columns, "share")))
ax = cohorts.plot()

# %% [markdown]
# ## 4. Survival: how long do customers stay?
# *(10 min)*
#
# Each customer's lifetime runs from the first purchase. A customer with no purchase in the
# `INACTIVITY` window before `NOW` counts as lost at their last purchase; the others are still
# customers, and their lifetime so far is *censored* (we know only that it is at least this
# long). The Kaplan–Meier curve uses both, with a 95 % interval. In a shop log many customers
# buy once and never return, so the curve drops at month 0: that drop is the first-purchase
# loss, usually the biggest churn problem of all.

# %% [markdown] tags=["zh-CN"]
# ## 4. 生存曲线：客户能留多久？
# *（10 分钟）*
#
# 每位客户的生命周期从首次购买算起。在 `NOW` 之前的 `INACTIVITY` 这段时间里一次都没买的客户，算作在最后一次购买时流失；其余的客户还在，他们到目前为止的生命周期是“删失”的（只知道至少有这么长）。卡普兰–迈耶曲线把两类客户都用上，并给出 95% 置信区间。在零售的交易记录里，很多客户只买一次就再也不来了，所以曲线在第 0 个月就大幅下降：这一降就是首次购买后的流失，往往是所有流失问题里最大的一个。

# %%
spans = log[log[DATE] <= now].groupby(CUSTOMER)[DATE].agg(first="min", last="max")
lost = (now - spans["last"]) > pd.Timedelta(INACTIVITY)
lifetime_months = ((spans["last"].where(lost, now) - spans["first"]).dt.days / 30.4375).rename("months")
survival = cl.churn.kaplan_meier(duration=lifetime_months, event=lost.astype(int))
at = [0, 3, 6, 12]
rows = survival.table
points = {}
for month in at:
    row = rows[rows["time"] <= month].iloc[-1]
    points[month] = {"survival": row["survival"], "ci_low": row["ci_low"], "ci_high": row["ci_high"]}
display(labelled(pd.DataFrame(points).T.rename_axis(index=cl.label("course.09.column.months")),
                 {"survival": "share", "ci_low": "share", "ci_high": "share"}))
ax = survival.plot()

# %% [markdown]
# ## 5. RFM and value tiers
# *(5 min)*
#
# RFM scores each customer from 1 to 5 on **r**ecency (days since the last purchase), **f**requency
# (number of purchases) and **m**onetary value (total spend). Value tiers split customers by
# spend: the top 20 % of customers are "high", the next 30 % "medium", the rest "low". The
# Pareto line shows what share of revenue the top 20 % bring: check the 80/20 rule on your own
# log instead of assuming it.

# %% [markdown] tags=["zh-CN"]
# ## 5. RFM 与客户价值等级
# *（5 分钟）*
#
# RFM 按三个方面给每位客户打 1 到 5 分：最近一次购买（距今多少天）、购买频率（买了几次）和购买金额（一共花了多少）。客户价值等级按消费额划分：消费额最高的 20% 客户是“高”，其后 30% 是“中”，其余是“低”。帕累托一行显示前 20% 的客户带来了多大比例的收入：用你自己的交易记录验证一下二八法则，不要想当然。

# %%
scored = cl.segments.rfm(log[log[DATE] <= now], customer=CUSTOMER, date=DATE, amount=AMOUNT, now=now,
                         on_invalid="drop")
spend = log[log[DATE] <= now].groupby(CUSTOMER)[AMOUNT].sum()
tiers = cl.segments.value_tiers(spend)
tier_table = pd.DataFrame({"customers": tiers.value_counts(), "revenue": spend.groupby(tiers, observed=True).sum()})
tier_table["revenue_share"] = tier_table["revenue"] / tier_table["revenue"].sum()
tier_table = tier_table.loc[["high", "medium", "low"]].rename(index=lambda tier: cl.label(f"course.09.tier.{tier}"))
display(labelled(tier_table.rename_axis(index=cl.label("course.09.column.tier")),
                 {"customers": "count", "revenue": "money", "revenue_share": "share"}))
concentration = cl.segments.pareto(spend)
print(cl.label("course.09.pareto", share=cl.i18n.format_number(concentration.top_share, "share:0")))
ax = scored.plot()

# %% [markdown]
# ## 6. Customer lifetime value (BG/NBD and Gamma-Gamma)
# *(5 min)*
#
# Shop customers leave without telling anyone. The BG/NBD model (Fader, Hardie and Lee, 2005)
# estimates from each customer's repeat purchases, the time of the last one and the time
# observed how often they buy while still a customer and how likely they are to have left;
# the Gamma-Gamma model estimates what each spends per purchase. Together they give each
# customer's expected value over the next `HORIZON` months, discounted by `DISCOUNT` a month.
# Look at the total, and at who holds it: a few customers usually carry most of the value.

# %% [markdown] tags=["zh-CN"]
# ## 6. 客户终身价值（BG/NBD 与伽马–伽马模型）
# *（5 分钟）*
#
# 零售客户离开时不会打招呼。BG/NBD 模型（Fader、Hardie 与 Lee，2005）根据每位客户的重复购买次数、最后一次购买的时间和被观察的时长，估计客户还在时多久买一次，以及他已经离开的可能性有多大；伽马–伽马模型估计每位客户每次购买花多少钱。两者合起来，就得到每位客户在未来 `HORIZON` 个月里的预期价值，按每月 `DISCOUNT` 折现。先看总额，再看价值集中在谁身上：通常少数客户撑起了大部分价值。

# %%
history = cl.churn.summary_from_transactions(log, customer=CUSTOMER, date=DATE, amount=AMOUNT, now=now, period="W",
                                             on_invalid="drop").table
bgnbd = cl.churn.fit_bgnbd(history["frequency"], history["recency"], history["T"])
repeat_buyers = history[history["monetary_value"] > 0]  # spend per purchase is modelled on repeat purchases
spend_model = cl.churn.fit_gamma_gamma(repeat_buyers["frequency"], repeat_buyers["monetary_value"])
value = cl.churn.probabilistic_clv(bgnbd, spend_model, history["frequency"], history["recency"], history["T"],
                                   history["monetary_value"], horizon=HORIZON, period_length=4.345, discount=DISCOUNT,
                                   margin=MARGIN)
top = value.table.nlargest(5, "clv").join(history[["frequency"]])
display(labelled(top.rename_axis(index=cl.label("course.09.column.customer")),
                 {"expected_purchases": "number:1", "expected_spend": "money:2", "clv": "money", "frequency": "count"}))
print(cl.label("course.09.report.clv", months=HORIZON, total=cl.i18n.format_number(round(value.total_clv, -3), "money"),
               mean=cl.i18n.format_number(value.mean_clv, "money:1")))

# %% [markdown]
# **Exercise 09.winback_list.** The model gives each customer a probability of still being a
# customer. Marketing has budget for one win-back mailing. Which list should it get?
#
# (a) the customers with the highest total spend so far, whatever their last purchase;
# (b) the customers who bought often and spent well but whose probability of still being a
# customer has fallen, because they have not bought for much longer than their usual gap;
# (c) every customer without a purchase in the last 90 days;
# (d) the newest customers, since they are the least loyal.

# %% [markdown] tags=["zh-CN"]
# **练习 09.winback_list。** 模型给出了每位客户仍然是客户的概率。市场部的预算只够做一次挽回邮寄。应该寄给哪一批客户？
#
# (a) 到目前为止消费总额最高的客户，不管他们最后一次购买是什么时候；
# (b) 过去买得勤、花得也不少，但已经远远超过平常的购买间隔没来、仍是客户的概率明显下降的客户；
# (c) 最近 90 天里没有购买的所有客户；
# (d) 最新的客户，因为他们最不忠诚。

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("09.winback_list", answer)

# %% [markdown]
# ## 7. The report
# *(10 min)*
#
# The report puts every result in front of people who will not open a notebook: an Excel
# workbook (one sheet per result with its interval, denominator and what was dropped), a
# PowerPoint deck (one message per slide, editable charts), one self-contained HTML page and a
# PDF, in the language chosen in `LANGUAGE`. Each headline names its denominator, and the last
# section says where the data come from.

# %% [markdown] tags=["zh-CN"]
# ## 7. 报告
# *（10 分钟）*
#
# 报告把每个结果交到不会打开笔记本的人手里：一个 Excel 工作簿（每个结果一张工作表，带区间、分母和剔除情况）、一份 PowerPoint 演示文稿（每页一句结论，图表可以直接编辑）、一个独立的网页文件（HTML）和一份 PDF，语言按参数 `LANGUAGE` 选定。每一句结论都写明分母，最后一节说明数据来源。

# %%
churn_line = cl.label("course.09.report.churn", start=PERIOD_START, end=PERIOD_END,
                      rate=cl.i18n.format_number(period.rate, "share"),
                      low=cl.i18n.format_number(period.ci[0], "share"), high=cl.i18n.format_number(period.ci[1], "share"),
                      lost=cl.i18n.format_number(period.lost, "count"),
                      at_start=cl.i18n.format_number(period.at_start, "count"),
                      joiners=cl.i18n.format_number(period.joiners, "count"),
                      joiners_lost=cl.i18n.format_number(period.joiners_lost, "count"))
month = points[12]
lines = [
    churn_line,
    cl.label("course.09.report.survival", share=cl.i18n.format_number(month["survival"], "share"),
             low=cl.i18n.format_number(month["ci_low"], "share"), high=cl.i18n.format_number(month["ci_high"], "share")),
    cl.label("course.09.report.pareto", share=cl.i18n.format_number(concentration.top_share, "share:0")),
    cl.label("course.09.report.clv", months=HORIZON, total=cl.i18n.format_number(round(value.total_clv, -3), "money"),
             mean=cl.i18n.format_number(value.mean_clv, "money:1")),
    cl.label("course.09.report.source", source=source),
]
print("\n".join(lines))
study = cl.report.Report(cl.label("course.09.report.title"), language=LANGUAGE or cl.get_language(), subtitle=source)
study.add(check)
study.add(period, headline=churn_line)
study.add(labelled(denominators, {"value": "count"}), title=cl.label("course.09.report.denominators"))
study.add(cohorts)
study.add(survival, headline=lines[1])
study.add(scored)
study.add(concentration, headline=lines[2])
study.add(value, headline=lines[3])
study.add_text("\n\n".join(lines), title=cl.label("course.09.report.summary"))
written = study.save(OUTPUT, stem="churn_study")


def size_band(path):
    """A file's size as a rough band (exact sizes change from run to run)."""
    kilobytes = path.stat().st_size / 1024
    return cl.label("course.09.size.small" if kilobytes < 100 else "course.09.size.medium" if kilobytes < 1024
                    else "course.09.size.large")


labelled(pd.DataFrame({"file": [f"{OUTPUT}/{path.name}" for path in written.values()],
                       "format": [cl.label(f"course.09.format.{kind}") for kind in written],
                       "size": [size_band(path) for path in written.values()]}).set_index("file")
         .rename_axis(index=cl.label("course.09.column.file")))

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Settings first: file, columns, dates, the inactivity that counts as lost; the steps stay
#   the same.
# - Check the log before counting, and look at what was dropped and why.
# - Every churn or retention rate comes with its denominator: customers at the start, lost,
#   new customers kept apart.
# - Cohorts show whether newer customers come back; survival shows how long customers stay,
#   with intervals; RFM, value tiers and the Pareto line show where the value sits.
# - The lifetime value from BG/NBD and Gamma-Gamma is a forecast under stated assumptions;
#   the report names them.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 先做设置：文件、列名、日期，以及多久不买算流失；各个步骤保持不变。
# - 先检查交易记录再计数，看清剔除了什么、为什么剔除。
# - 每一个流失率或保持率都带上分母：期初客户数、流失客户数，新客户单独列出。
# - 同期群看新客户回不回来；生存曲线看客户能留多久，并带区间；RFM、客户价值等级和帕累托一行看价值集中在哪里。
# - 用 BG/NBD 和伽马–伽马模型算出的客户终身价值，是在写明的假设下做出的预测；报告要把这些假设写出来。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("09")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("09")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("09")

# %% [markdown]
# ### Glossary (术语表)

# %% [markdown] tags=["zh-CN"]
# ### 术语表

# %%
cl.exercises.glossary("09", keys=False)
