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
# # 04 · Churn and retention (客户流失与客户保持)
#
# **Time:** about 120 minutes.
#
# **After this notebook you will be able to**
# 1. define churn, and compute churn and retention rates with the right denominator;
# 2. name the four bases for identifying churn (customer, market, financial, competitiveness);
# 3. read a cohort table and a survival curve, and test "old customers churn less" on data we did not simulate;
# 4. compute expected lifetime and customer lifetime value with one stated timing convention;
# 5. say where the "5 % more retention, 25–85 % more profit" figure comes from;
# 6. classify lost customers by type and churn factor, and decide win-back effort by value tier;
# 7. describe how loyalty is measured, its four types (Dick and Basu, 1994), what drives it,
#    and the effects of loyal customers.

# %% [markdown] tags=["zh-CN"]
# # 04 · 客户流失与客户保持
#
# **时长：** 约 120 分钟。
#
# **学完本笔记本，你将能够**
# 1. 说清什么是客户流失，并用正确的分母计算客户流失率和客户保持率；
# 2. 说出客户流失定量识别的四个基础（以客户为基础、以市场为基础、以企业财务指标为基础、以企业竞争力为基础）；
# 3. 读懂同期群表和生存曲线，并用一份不是我们模拟出来的数据检验“老客户的流失率小于新客户”；
# 4. 按一个事先讲明的计时约定，计算客户的预期寿命和客户终身价值；
# 5. 说出“客户保持率提高 5%，利润增加 25%–85%”这个数字从何而来；
# 6. 按类型和流失因素给流失客户归类，并按客户价值等级决定挽回的力度；
# 7. 说明客户忠诚怎样测量、分为哪四类（Dick 与 Basu，1994）、由哪些因素决定，以及忠诚客户能带来哪些效应。

# %%
# %matplotlib inline
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def shown(table, kinds=None):
    """The table as displayed: numbers formatted by kind, headers, row labels and codes in the notebook's language.

    kinds: column -> kind for cl.i18n.format_table ("share", "money" ...), or one kind for every
    column. A word is looked up in the label catalog as course.04.<word> (lower case, other
    characters as "_", "%" as "percent"); a word without a label (ids, dates, numbers) is shown as it is.
    """
    if isinstance(kinds, str):
        kinds = dict.fromkeys(table.columns, kinds)
    table = table.apply(lambda column: column.dt.strftime("%Y-%m-%d").fillna("–")
                        if pd.api.types.is_datetime64_any_dtype(column) else column)
    table = cl.i18n.format_table(table, kinds)

    def word(text):
        if isinstance(text, (bool, np.bool_)):
            text = str(text)
        if not isinstance(text, str):
            return text
        key = "course.04." + re.sub(r"[^0-9a-z]+", "_", text.lower().replace("%", " percent ")).strip("_")
        try:
            return cl.label(key)
        except KeyError:
            return text

    table = table.rename(index=word, columns=word).map(word)
    table.index.names = [word(name) for name in table.index.names]
    table.columns.names = [word(name) for name in table.columns.names]
    return table

# %% [markdown]
# ## What churn is (客户流失)
# *(5 min)*
#
# **Churn (客户流失)** is customers switching to another firm's products, for whatever reason.
# It applies to every kind of customer: new one-time buyers, long-standing customers,
# intermediaries (agents, distributors, wholesalers, retailers) and end customers. The handout
# states two regularities: **old customers churn less than new ones**, and **intermediaries
# churn less than end customers** (switching a distributor is costly for both sides). It gives
# no data for either. The first can be tested on real customers, and we do so in the survival
# section below, on the IBM telco table.
#
# The methods in this notebook are first shown on `telecom_subscribers`, a **simulated**
# operator that csat_lab's simulator built with stated true values (its data card lists them).
# A simulated dataset shows that a method recovers what was put in; it is never evidence about
# real customers.

# %% [markdown] tags=["zh-CN"]
# ## 什么是客户流失
# *（5 分钟）*
#
# 客户出于种种原因，不再买本企业的，转而购买其他企业的产品或服务，这就是**客户流失**。任何一类客户都可能流失：只和企业做过一次交易的新客户、长期往来的老客户、中间客户（代理商、经销商、批发商、零售商），以及最终客户。教材给出两条规律：**老客户的流失率小于新客户**，**中间客户的流失率小于最终客户**（换一家经销商，对双方来说代价都不小）。不过，教材没有为这两条规律给出任何数据。第一条可以拿真实客户来检验，本笔记本在后面“生存曲线”一节里，就用 IBM 的电信客户表来检验它。
#
# 本笔记本的各种方法，先在 `telecom_subscribers` 上演示。这是一家**模拟的**电信运营商，由 `csat_lab` 的模拟器按事先写明的真实参数生成（数据卡列出了这些参数）。模拟数据只能说明一个方法能把放进去的东西找回来，永远不能当作关于真实客户的证据。

# %%
telecom = cl.datasets.load("telecom_subscribers")
shown(telecom[["subscriber_id", "start_date", "end_date", "tenure_months", "contract", "churned",
               "value_tier"]].head())

# %% [markdown]
# ## Churn and retention rates: mind the denominator
# *(20 min)*
#
# The customer-based formulas are simple:
#
# $$\text{churn rate} = \frac{\text{lost customers}}{\text{customers who bought}} \times 100\%,
# \qquad \text{retention rate} = \frac{\text{retained customers}}{\text{customers who bought}}
# \times 100\% = 1 - \text{churn rate}.$$
#
# The hard part is the denominator. "Customers who bought" in which period? Do customers who
# joined during the period count? Two teams using different denominators report different
# churn for the same business. `cl.churn.churn_rate` states its denominator in the result.
#
# A worked example: a shop had 500 customers who bought last year; 45 of them did not come
# back this year. `.percent` gives the rate in percent.

# %% [markdown] tags=["zh-CN"]
# ## 客户流失率与客户保持率：先看分母
# *（20 分钟）*
#
# 以客户为基础的两个公式很简单：
#
# $$\text{客户流失率} = \frac{\text{客户流失数}}{\text{消费人数}} \times 100\%,
# \qquad \text{客户保持率} = \frac{\text{客户保持数}}{\text{消费人数}}
# \times 100\% = 1 - \text{客户流失率}.$$
#
# 难就难在分母。“消费人数”指的是哪一段时间的消费人数？这段时间里新来的客户算不算？两个团队各用各的分母，同一门生意就会报出两个不同的流失率。`cl.churn.churn_rate` 会在结果里写明它用的是哪个分母。
#
# 看一个例题：一家店去年有 500 位客户来消费过，其中 45 位今年再也没来。`.percent` 给出用百分数表示的流失率。

# %%
example = cl.churn.churn_rate(lost=45, customers=500)
example

# %%
example.percent

# %% [markdown]
# **Exercise 04.churn_rate.** 1,200 customers bought from a firm last year; 150 of them did
# not buy again this year. What is the churn rate, in percent? Fill in the blanks the way the
# worked example does.

# %% [markdown] tags=["zh-CN"]
# **练习 04.churn_rate。** 某企业去年有 1200 位客户购买过，其中 150 位今年没有再买。客户流失率是百分之多少？仿照上面的例题填空：把每个 `___` 换成一个数字，再删掉下一行开头的 `# `。

# %%
answer = None
# Replace each ___ with a number, then delete the "# " in front of the next line:
# answer = cl.churn.churn_rate(lost=___, customers=___).percent

# %% tags=["solution"]
answer = cl.churn.churn_rate(lost=150, customers=1200).percent

# %%
cl.check("04.churn_rate", answer)

# %% [markdown]
# Monthly and annual rates do not convert by multiplying by 12: a customer stays the year only
# by staying every month, so annual retention = (monthly retention)¹², and annual churn is one
# minus that. A worked example with a monthly churn of 3 %, by hand and with the package:

# %% [markdown] tags=["zh-CN"]
# 月流失率不能乘以 12 换算成年流失率：客户要每个月都留下来，才算留满一年，所以年保持率等于月保持率的 12 次方，年流失率等于 1 减去年保持率。下面以月流失率 3% 为例，先手算一遍，再用工具包算一遍：

# %%
100 * (1 - (1 - 0.03) ** 12), 100 * cl.churn.monthly_to_annual(0.03)

# %% [markdown]
# The churn explorer converts in both directions and shows the expected lifetime.

# %% [markdown] tags=["zh-CN"]
# 下面的流失率与保持率计算器可以在月流失率和年流失率之间双向换算，还会显示客户的预期寿命。

# %% tags=["nbval-ignore-output"]
cl.widgets.churn_explorer()

# %% [markdown]
# **Exercise 04.annual_churn.** Monthly churn is 2 %. What is the annual churn rate, in percent?

# %% [markdown] tags=["zh-CN"]
# **练习 04.annual_churn。** 月流失率为 2%，年流失率是百分之多少？填好空格，再删掉下一行开头的 `# `。

# %%
answer = None
# Fill in the blanks, then delete the "# " in front of the next line:
# answer = 100 * (1 - (1 - ___) ** ___)

# %% tags=["solution"]
answer = 100 * (1 - (1 - 0.02) ** 12)

# %%
cl.check("04.annual_churn", answer)

# %% [markdown]
# Back to the denominator. With subscription records (a start and an end date for each
# customer), `period_churn` counts the customers active at the start of the period as the
# denominator and reports the joiners separately, so the choice is visible. Here it is on the
# simulated operator's year 2024.

# %% [markdown] tags=["zh-CN"]
# 再回到分母的问题。如果手上有订阅记录（每位客户都有开始日期和结束日期），`period_churn` 就以期初仍在网的客户作分母，期内新加入的客户另外单列，选的是哪个分母一目了然。下面是这家模拟运营商 2024 年的情况。

# %%
cl.churn.period_churn(telecom, "2024-01-01", "2024-12-31", customer="subscriber_id")

# %% [markdown]
# **Exercise 04.denominator.** A gym had 800 members on 1 January. During the year 240 new
# members joined. By 31 December, 96 of the members of 1 January had cancelled, and so had 54
# of the members who joined during the year. The manager's report says "churn 18.8 %: 150
# cancellations out of 800 members". Management wants the churn rate *of the members on the
# books on 1 January*. What is it, in percent?

# %% [markdown] tags=["zh-CN"]
# **练习 04.denominator。** 某健身房 1 月 1 日有会员 800 名，这一年里又新入会 240 名。到 12 月 31 日，1 月 1 日在册的会员中有 96 人退了会，年内新入会的会员中也有 54 人退会。经理的报告写着：“流失率 18.8%：800 名会员中退会 150 人。”管理层要的是 *1 月 1 日在册会员* 的流失率。它是百分之多少？选对数字填空，再删掉下一行开头的 `# `。

# %%
answer = None
# Choose the right numbers, then delete the "# " in front of the next line:
# answer = 100 * ___ / ___

# %% tags=["solution"]
answer = 100 * 96 / 800

# %%
cl.check("04.denominator", answer)

# %% [markdown]
# `telco_churn` is IBM's public sample of 7,043 telecom customers (not made by csat_lab's
# simulator; IBM describes the company as fictional, see its data card). Each row is a customer; `Churn` is True for the
# customers who left. A worked example on another column: the share of customers on a
# month-to-month contract. A True/False comparison averages to the share of True.

# %% [markdown] tags=["zh-CN"]
# `telco_churn` 是 IBM 公开的一份样本，共 7043 位电信客户（不是 `csat_lab` 的模拟器生成的；IBM 说这家公司是虚构的，详见它的数据卡）。每一行是一位客户，离开了的客户在 `Churn` 列里是 `True`。先看一个用另一列做的例子：签按月合约（`"Month-to-month"`）的客户占多大比例。一列 `True`/`False` 的比较结果求平均值，得到的就是 `True` 所占的比例。

# %%
telco = cl.datasets.load("telco_churn")
100 * (telco["Contract"] == "Month-to-month").mean()

# %% [markdown]
# **Exercise 04.telco_churn.** What percentage of the `telco_churn` customers churned?

# %% [markdown] tags=["zh-CN"]
# **练习 04.telco_churn。** `telco_churn` 里的客户，有百分之多少流失了？在空格处填上列名，再删掉下一行开头的 `# `。

# %%
answer = None
# Name the column, then delete the "# " in front of the next line:
# answer = 100 * telco["___"].mean()

# %% tags=["solution"]
answer = 100 * telco["Churn"].mean()

# %%
cl.check("04.telco_churn", answer)

# %% [markdown]
# ## The four bases for identifying churn
# *(5 min)*
#
# Quantitative identification of churn (定量识别) uses four bases:
#
# 1. **Customer based**: the churn and retention rates above.
# 2. **Market based**: a falling market share (市场占有率) while the market holds steady means
#    customers are going to competitors, even if the customer count looks stable.
# 3. **Financial**: revenue lost with departing customers and from customers who buy less.
#    Gross revenue retention counts losses and downgrades; net revenue retention adds upgrades.
# 4. **Competitiveness based**: the firm's position against competitors (prices, service
#    levels, win–loss in head-to-head deals); a weakening position predicts churn before it
#    shows in the counts.

# %% [markdown] tags=["zh-CN"]
# ## 客户流失定量识别的四个基础
# *（5 分钟）*
#
# 定量识别客户流失，有四个基础：
#
# 1. **以客户为基础**：也就是上面的客户流失率和客户保持率。
# 2. **以市场为基础**：整个市场平稳，而本企业的市场占有率下降，说明客户正在流向竞争对手，哪怕客户人数看上去没变。
# 3. **以企业财务指标为基础**：离开的客户带走的收入，加上留下的客户少买造成的收入损失。总收入保持率把流失和降级都算进去；净收入保持率再加上升级带来的增收。
# 4. **以企业竞争力为基础**：企业相对于竞争对手的位置（价格、服务水平、正面竞争时是赢单还是丢单）。竞争地位走弱，往往在客户数字变化之前就预示着流失。

# %%
cl.churn.revenue_retention(start_revenue=100_000, churned=8_000, contraction=2_000, expansion=5_000)

# %% [markdown]
# ## Cohorts
# *(10 min)*
#
# A **cohort (同期群)** is the group of customers who started in the same period. Following
# each cohort shows whether retention is improving, which a single churn rate hides. The
# simulated supermarket's members joined in 2022; here is the share of each quarter's joiners
# still buying in each later quarter.

# %% [markdown] tags=["zh-CN"]
# ## 同期群
# *（10 分钟）*
#
# **同期群**是同一段时间里开始成为客户的一组人。把每个同期群分开追踪，才看得出客户保持是在变好还是变差，单看一个流失率是看不出来的。模拟超市的会员都是 2022 年入会的；下表是每个季度入会的会员，在之后每个季度里还在购物的比例。

# %%
members = cl.datasets.load("supermarket_members")
cohorts = cl.churn.cohort_table(members, customer="member_id", date="date", period="Q")
shown(cohorts.rates, "share")

# %%
cl.plots.cohort_heatmap(cohorts)
plt.show()

# %% [markdown]
# In these simulated members every cohort loses about 30 % after its first quarter, and the
# losses then slow down: a steep early drop, then a slowly declining plateau. Real customers
# show the same shape, and a steeper one. The CDNOW customers (`cdnow`, real purchases of an
# online CD retailer's customers, all of whom first bought in January–March 1997) form a single
# quarterly cohort:

# %% [markdown] tags=["zh-CN"]
# 在这些模拟会员中，每个同期群在第一个季度之后都会少掉约 30%，之后流失放慢：先是陡降，然后是一个缓缓下行的平台。真实客户也是这个形状，而且降得更陡。CDNOW 的客户（`cdnow`：一家网上唱片零售商的客户的真实购买记录，他们都是在 1997 年 1–3 月第一次购买的）只构成一个季度同期群：

# %%
cdnow = cl.datasets.load("cdnow")
shown(cl.churn.cohort_table(cdnow, customer="customer_id", date="date", period="Q").rates, "share")

# %% [markdown]
# Fewer than a quarter of them bought again in the next quarter; after that the share falls
# slowly. The early months are where customers are won or lost, which is why on-boarding new
# customers well pays.
#
# The cohort explorer redraws the supermarket table for one store or one programme period,
# monthly or quarterly. *What if* we follow only the purchases in one store: is its early drop
# steeper than the others', and is that the store's fault or do members simply shop elsewhere
# too? How much noisier are monthly cohorts than quarterly ones? Then set the programme filter
# to "before" and "after": the cohorts stay the members' real acquisition months, and only the
# cells that fall before or after the July 2023 relaunch are shown. The "after" cells sit at
# older ages (every member joined in 2022), so why is comparing the two heatmaps cell by cell
# not a fair test of the programme? (Notebook 07 returns to this before/after trap.)

# %% [markdown] tags=["zh-CN"]
# 他们当中，下一个季度再来购买的不到四分之一；之后这个比例缓慢下降。客户的去留，主要在最初几个月就定下来了，所以把新客户的头几个月服务好，是值得的。
#
# 同期群探索器可以只看某一家门店，或者只看会员计划的某个时期，按月或按季度重画超市的同期群表。*假如* 只看一家门店的购买记录：它的早期下降是不是比其他门店更陡？这是门店的问题，还是会员本来就也在别处购物？按月划分的同期群，比按季度的波动大多少？然后把会员计划的筛选分别设为“改版前”和“改版后”：同期群仍按会员真实的入会月份划分，只是只显示落在 2023 年 7 月改版之前或之后的格子。“改版后”的格子都处在较长的入会时长上（所有会员都是 2022 年入会的），那么，为什么逐格比较这两张热力图，不能公平地检验会员计划的效果？（笔记本 07 还会再讲这个前后对比的陷阱。）

# %% tags=["nbval-ignore-output"]
cl.widgets.cohort_explorer()

# %% [markdown]
# ## Survival curves
# *(15 min)*
#
# The **Kaplan–Meier survival curve** (Kaplan and Meier, 1958) gives the share of customers
# still active after each length of tenure. It uses customers who are still active correctly:
# they count while observed and drop out of the denominator after ("censoring"), instead of
# being wrongly treated as having stayed forever or as lost.

# %% [markdown] tags=["zh-CN"]
# ## 生存曲线
# *（15 分钟）*
#
# **卡普兰–迈耶生存曲线**（Kaplan 与 Meier，1958）给出客户在网满一定时长之后仍然在网的比例。它能正确对待那些至今仍在网的客户：在被观察到的时间里，他们计入分母，观察结束后就退出分母（这叫“删失”），既不会被错当成永远不走，也不会被错当成已经流失。

# %%
survival = cl.churn.kaplan_meier(telecom, duration="tenure_months", event="churned", group="contract")
survival

# %%
survival.plot()
plt.show()

# %% [markdown]
# The simulator gave month-to-month, one-year and two-year subscribers constant monthly
# hazards of 0.030, 0.012 and 0.006 at average onboarding satisfaction (the data card lists
# them, and how satisfaction shifts them). The curves recover that order,
# and the log-rank test in the summary says the differences are much larger than chance: the
# method finds what was built in. On real data, the same test would not say the contract
# *causes* the difference: customers who expect to stay choose longer contracts.
#
# Because its hazards are constant, this simulated operator's new subscribers are no more
# likely to leave than its old ones: it cannot speak to the handout's first regularity at all.
#
# ### Do old customers churn less than new ones? A test on data we did not make
#
# The IBM telco table records how many months each customer has stayed (`tenure`) and whether
# they churned. It is not a simulation with a truth we chose, though IBM does not say how its
# fictional company's records were made: treat the answer as an illustration, and run the same
# table on your own customers. Group the customers by tenure band and compute each band's churn rate with its
# 95 % interval (`cl.churn.churn_rate` gives the Wilson interval). Month-to-month customers are
# shown separately too, because old customers more often hold long contracts.

# %% [markdown] tags=["zh-CN"]
# 模拟器给按月合约、一年合约和两年合约的用户设定了恒定的月流失风险：在入网满意度处于平均水平时，分别为 0.030、0.012 和 0.006（数据卡列出了这些数值，以及满意度怎样改变它们）。三条曲线找回了这个顺序，摘要里的对数秩检验也表明，差异远远超出偶然波动的范围：方法找到了事先放进去的东西。换成真实数据，同样的检验并不能说明是合约 *造成* 了差异：本来就打算长期留下的客户，才会去签更长的合约。
#
# 由于风险是恒定的，这家模拟运营商的新用户并不比老用户更容易离开：对教材的第一条规律，它根本无从回答。
#
# ### 老客户的流失率真的比新客户低吗？拿一份不是我们做的数据来检验
#
# IBM 的电信客户表记录了每位客户已经留了几个月（`tenure`），以及是否流失。它不是我们设定好真实值的模拟数据，不过 IBM 也没有说明这家虚构公司的记录是怎么来的：请把结果当作示例，并用你们自己的客户做一张同样的表。按在网时长把客户分段，算出每一段的流失率及其 95% 置信区间（`cl.churn.churn_rate` 给出威尔逊区间）。按月合约的客户也单独列出来，因为老客户更常签长期合约。

# %%
bands = pd.cut(telco["tenure"], bins=[-1, 6, 12, 24, 48, 72],
               labels=["0–6 months", "7–12", "13–24", "25–48", "49–72"])


def churn_by_band(customers):
    rows = {}
    for band, group in customers.groupby(bands[customers.index], observed=True):
        rate = cl.churn.churn_rate(lost=int(group["Churn"].sum()), customers=len(group))
        rows[band] = {"customers": rate.customers, "churn %": rate.percent,
                      "95% CI from": 100 * rate.ci[0], "95% CI to": 100 * rate.ci[1]}
    return pd.DataFrame(rows).T


by_tenure = pd.concat({"all customers": churn_by_band(telco),
                       "month-to-month only": churn_by_band(telco[telco["Contract"] == "Month-to-month"])})
shown(by_tenure, {"customers": "count", "churn %": "percent", "95% CI from": "percent",
                  "95% CI to": "percent"})

# %% [markdown]
# Churn falls steadily with tenure: from about 53 % among customers in their first six months
# to under 10 % after four years, and the intervals of the first and last bands are far apart.
# Within month-to-month contracts the fall is smaller (about 55 % to 26 %) but still clear, so
# contracts do not explain it all. In this sample the handout's regularity holds.
#
# What the table does *not* show is why. It is a snapshot: the customers with long tenure are
# the ones who did not leave earlier. If customers simply differ in how likely they are to
# leave, the leavers go early and the stayers remain, and churn falls with tenure even if no
# customer becomes more loyal over time. Telling the two apart needs the same customers
# followed over time.

# %% [markdown] tags=["zh-CN"]
# 流失率随在网时长稳步下降：从入网头六个月的约 53%，降到四年以上客户的不到 10%，第一段和最后一段的置信区间相隔很远。只看按月合约的客户，降幅小一些（大约从 55% 降到 26%），但仍然明显，可见合约并不能解释全部差异。在这份样本里，教材的规律是成立的。
#
# 这张表 *说明不了* 的是原因。它是一张截面快照：在网时间长的客户，正是那些没有早早离开的客户。假如客户本来就有的容易走、有的不容易走，容易走的早早就走了，留下来的都是不容易走的；那么即使没有哪一位客户随着时间变得更忠诚，流失率也会随在网时长下降。要分清这两种解释，得对同一批客户做长期追踪。

# %% [markdown]
# ## Lifetime and customer lifetime value
# *(15 min)*
#
# With a constant churn rate *c* per year, the **expected lifetime** is 1/*c* years
# (a 20 % annual churn means five years on average).
#
# **Customer lifetime value (客户终身价值)** adds up the margins a customer brings while they
# stay, discounted to today. The course uses **one timing convention** everywhere (the text,
# the formulas, the exercises, and notebook 01's Ford exercise):
#
# - the margin *m* of year *t* arrives at the end of that year, and is discounted at rate *d*;
# - the first year's margin is certain: the customer has just bought or signed;
# - each later year, the customer stays with probability *r* (the retention rate), so they are
#   still there in year *t* with probability r^(t−1).
#
# $$\text{CLV}_T = \sum_{t=1}^{T} \frac{m\, r^{t-1}}{(1+d)^{t}},
# \qquad \text{CLV}_\infty = \frac{m}{1+d-r}\ \text{(no horizon)}.$$
#
# The undiscounted expected number of years paid is 1 + r + r² + … = 1/(1 − r) = 1/*c*: the
# expected lifetime above. A worked example, year by year, with m = 100, r = 0.8, d = 10 % and a
# five-year horizon:

# %% [markdown] tags=["zh-CN"]
# ## 客户寿命与客户终身价值
# *（15 分钟）*
#
# 如果每年的流失率恒定为 *c*，客户的**预期寿命**就是 1/*c* 年（年流失率 20%，意味着客户平均留五年）。
#
# **客户终身价值**把客户在保持关系期间带来的利润逐年加起来，并折算成今天的钱。本课程处处只用**一个计时约定**（正文、公式、练习，以及笔记本 01 里的福特练习都一样）：
#
# - 第 *t* 年的利润 *m* 在当年年末到账，按折现率 *d* 折现；
# - 第一年的利润是确定的：客户刚刚购买或刚刚签约；
# - 之后每一年，客户以概率 *r*（客户保持率）留下来，所以到第 *t* 年还是客户的概率是 $r^{t-1}$。
#
# $$\text{CLV}_T = \sum_{t=1}^{T} \frac{m\, r^{t-1}}{(1+d)^{t}},
# \qquad \text{CLV}_\infty = \frac{m}{1+d-r}\ \text{（不设期限）}.$$
#
# 不折现时，预期付费的年数是 $1 + r + r^2 + \dots = 1/(1 - r) = 1/c$，正是上面的预期寿命。例题：$m = 100$，$r = 0.8$，$d = 10\%$，计算期五年，逐年列出：

# %%
m, r, d = 100, 0.8, 0.10
years = np.arange(1, 6)
ledger = pd.DataFrame({"still a customer r^(t-1)": r ** (years - 1),
                       "expected margin": m * r ** (years - 1),
                       "discount factor 1/(1+d)^t": 1 / (1 + d) ** years}, index=pd.Index(years, name="year"))
ledger["present value"] = ledger["expected margin"] * ledger["discount factor 1/(1+d)^t"]
shown(ledger, {"still a customer r^(t-1)": "coef", "expected margin": "money:2",
               "discount factor 1/(1+d)^t": "coef", "present value": "money:2"})

# %%
ledger["present value"].sum()

# %% [markdown]
# **In the package.** `cl.churn.customer_lifetime_value` (short name `cl.churn.clv`) and
# `cl.churn.clv_sensitivity` take `first_margin="certain"` for the course's convention. Their
# default, `first_margin="retained"`, is the other convention you will meet in the literature
# (Gupta and Lehmann, 2003): the first margin, too, arrives only if the customer is retained
# through the first year, so year *t* counts m·r^t and every term is *r* times the course's:
#
# | | course (`first_margin="certain"`) | Gupta and Lehmann (`first_margin="retained"`) |
# |---|---|---|
# | year *t* | m·r^(t−1)/(1+d)^t | m·r^t/(1+d)^t |
# | no horizon | m/(1+d−r) | m·r/(1+d−r) |
#
# When you read a CLV figure in a report, ask which of the two it uses. An acquisition cost,
# when you give one, is subtracted once after the sum. The same inputs in both:

# %% [markdown] tags=["zh-CN"]
# **工具包里的做法。** `cl.churn.customer_lifetime_value`（简写 `cl.churn.clv`）和 `cl.churn.clv_sensitivity` 用 `first_margin="certain"` 表示本课程的约定。它们的默认值 `first_margin="retained"` 是文献中会遇到的另一种约定（Gupta 与 Lehmann，2003）：第一年的利润也要客户在第一年里留下来才能拿到，所以第 *t* 年计入 $m r^t$，每一项都是本课程对应项的 *r* 倍：
#
# | | 本课程（`first_margin="certain"`） | 文献约定（Gupta 与 Lehmann，2003；`first_margin="retained"`） |
# |---|---|---|
# | 第 *t* 年 | $m r^{t-1}/(1+d)^t$ | $m r^t/(1+d)^t$ |
# | 不设期限 | $m/(1+d-r)$ | $m r/(1+d-r)$ |
#
# 在报告里看到一个客户终身价值的数字，先问一句：它用的是哪一种约定？如果另给了获客成本，就在加总之后一次性减掉。下面用同样的输入，把两种约定放在一起比：

# %%
comparison = {}
for retention in (0.6, 0.8, 0.9):
    course = cl.churn.customer_lifetime_value(margin=100.0, retention=retention, discount=0.10, first_margin="certain")
    other = cl.churn.customer_lifetime_value(margin=100.0, retention=retention, discount=0.10, first_margin="retained")
    comparison[retention] = {
        "course, 5 years": float(np.sum(100 * retention ** (years - 1) / 1.10**years)),
        "course, no horizon": course.value,
        "Gupta & Lehmann, no horizon": other.value,
        "ratio": other.value / course.value,
    }
shown(pd.DataFrame(comparison).T.rename_axis("retention"),
      {"course, 5 years": "money:2", "course, no horizon": "money:2", "Gupta & Lehmann, no horizon": "money:2",
       "ratio": "ratio"})

# %% [markdown]
# The ratio is the retention rate itself: the two conventions differ only by whether the first
# year's margin is at risk. The sensitivity table, in the course's convention:

# %% [markdown] tags=["zh-CN"]
# 两者之比正好等于保持率：两种约定的差别，只在于第一年的利润有没有风险。下面是按本课程约定算的敏感性分析表：

# %%
course_grid = cl.churn.clv_sensitivity(100.0, first_margin="certain")
shown(course_grid, "money:1")

# %% [markdown]
# Read the table down a column: at 5 % discount, raising retention from 0.8 to 0.9 raises
# lifetime value by two thirds, from 400 to about 667. Small retention gains are worth a lot.
#
# The CLV explorer uses the course's convention too, and subtracts the acquisition cost. Try
# it: what is a five-point retention gain worth per customer?

# %% [markdown] tags=["zh-CN"]
# 沿着一列往下看：折现率为 5% 时，保持率从 0.8 提高到 0.9，终身价值提高三分之二，从 400 升到约 667。保持率哪怕只提高一点，价值也很大。
#
# 客户终身价值探索器同样用本课程的约定，并扣除获客成本。试一试：保持率提高五个百分点，每位客户值多少钱？

# %% tags=["nbval-ignore-output"]
cl.widgets.clv_explorer()

# %% [markdown]
# **Exercise 04.clv.** A gym member brings a margin of 500 a year, renews each year with
# probability 0.7, and the gym discounts at 8 % a year. With the course's convention and a
# five-year horizon, what is the member's CLV? Fill in the blanks; the line below them is the
# worked example's formula.

# %% [markdown] tags=["zh-CN"]
# **练习 04.clv。** 一位健身会员每年带来 500 的利润，每年续约的概率是 0.7，健身房的年折现率是 8%。按本课程的约定、计算期五年，这位会员的客户终身价值是多少？填好利润、保持率和折现率，再删掉那两行开头的 `# `；下面一行就是例题里用的公式。

# %%
answer = None
# Fill in margin, retention and discount, then delete the "# " in front of the two lines:
# m, r, d = ___, ___, ___
# answer = float(np.sum(m * r ** (years - 1) / (1 + d) ** years))

# %% tags=["solution"]
m, r, d = 500, 0.7, 0.08
answer = float(np.sum(m * r ** (years - 1) / (1 + d) ** years))

# %%
cl.check("04.clv", answer)

# %% [markdown]
# ### When nobody tells you they left: BG/NBD
#
# A subscriber cancels; a shopper just stops coming. For non-contractual customers the
# **BG/NBD model** (Fader, Hardie and Lee, 2005) estimates from each customer's number of
# repeat purchases, the time of the last one and the time observed, both how often they buy
# while "alive" and the chance that they have quietly left. `cdnow` holds real purchases of a
# CD retailer's customers, 1997–98.

# %% [markdown] tags=["zh-CN"]
# ### 客户不告而别的时候：BG/NBD 模型
#
# 订阅用户会来办退订；购物的客户却只是不再来了。对这类非合同制的客户，**BG/NBD 模型**（Fader、Hardie 与 Lee，2005）根据每位客户的重复购买次数、最后一次购买的时间和被观察的时长，同时估计两件事：客户还“活着”时多久买一次，以及他已经悄悄离开的可能性有多大。`cdnow` 收录了一家唱片零售商的客户在 1997–98 年间的真实购买记录。

# %%
history = cl.churn.summary_from_transactions(
    cdnow, customer="customer_id", date="date", amount="amount", now="1998-06-30", period="W"
).table
bgnbd = cl.churn.fit_bgnbd(history["frequency"], history["recency"], history["T"])
pd.Series(bgnbd.params).round(3)

# %%
examples = history.head(5)
shown(examples.assign(
    p_alive=bgnbd.p_alive(examples["frequency"], examples["recency"], examples["T"]),
    next_52_weeks=bgnbd.expected_purchases(52, examples["frequency"], examples["recency"], examples["T"]),
)[["frequency", "recency", "T", "p_alive", "next_52_weeks"]],
      {"frequency": "count", "recency": "number:1", "T": "number:1", "p_alive": "share", "next_52_weeks": "number:2"})

# %% [markdown]
# A customer who bought often but not for a long time has a low probability of being alive:
# a churn warning nobody sent. Multiplying expected purchases by a margin gives a
# customer-level lifetime value. `cl.churn.probabilistic_clv` does this month by month for the
# next year, with each customer's expected spend per purchase from a Gamma-Gamma model and a 1%
# monthly discount (Fader, Hardie and Lee, 2005):

# %% [markdown] tags=["zh-CN"]
# 买得很勤、却很久没再来的客户，仍然活跃的概率很低：这是一个没人发出的流失警报。把预期购买次数乘以利润，就得到单个客户的终身价值。`cl.churn.probabilistic_clv` 逐月计算未来一年的价值：每位客户每次购买的预期消费额来自伽马–伽马模型，月折现率为 1%（Fader、Hardie 与 Lee，2005）：

# %%
repeat_buyers = history[history["monetary_value"] > 0]  # spend is modelled on paid repeat purchases
spend = cl.churn.fit_gamma_gamma(repeat_buyers["frequency"], repeat_buyers["monetary_value"])
value = cl.churn.probabilistic_clv(
    bgnbd, spend, history["frequency"], history["recency"], history["T"], history["monetary_value"],
    horizon=12, period_length=4.345, discount=0.01,
)
shown(value.table.join(history[["frequency", "recency", "T"]]).nlargest(5, "clv"),
      {"expected_purchases": "number:1", "expected_spend": "money:2", "clv": "money", "frequency": "count",
       "recency": "number:1", "T": "number:1"})

# %% [markdown]
# ## Retention economics
# *(10 min)*
#
# The handouts add two cost figures: acquiring a customer costs "4–6 times" as much as keeping
# one, and loyal customers bring "9 times" the profit. Their origin cannot be traced; see
# notebook 01's claim-check box `"4–6 times" and "9 times"` before quoting them. The better
# habit is to put your own costs into `retention_economics` (`acquisition_cost=` and
# `retention_cost=`).
#
# The figure most often quoted with them has a known source:
#
# > **Claim check: "5 % more retention, 25–85 % more profit"**
# >
# > - **Where it comes from:** Reichheld, F. F. & Sasser, W. E. (1990), "Zero defections:
# >   quality comes to services", Harvard Business Review 68(5), 105–111. Reichheld worked at
# >   the consultancy Bain & Company, whose client work the figures come from.
# > - **What it measured:** a cost and profit analysis, not an observed change in profits. For
# >   each of several service businesses studied by Bain, the authors worked out what a customer
# >   is worth over the relationship, with profit per customer rising with the years of the
# >   relationship (lower costs to serve, more purchases, referrals, a price premium), and
# >   recomputed it with a defection rate five points lower. The gain ranged from about 25 % to
# >   85 % by business: 85 % in one bank's branch system, 50 % in an insurance brokerage, 30 %
# >   in an auto-service chain.
# > - **What later evidence says:** the direction holds up better than the size. Gupta,
# >   Lehmann and Stuart (2004, Journal of Marketing Research, "Valuing customers") valued the
# >   customer bases of five firms and found that a 1 % gain in retention raised firm value by
# >   about 5 %, far more than a 1 % gain in margin; a large lever, but with each firm's own
# >   multiplier, not a fixed 25–85 %. Reinartz and Kumar (2000, Journal of Marketing; 2002,
# >   Harvard Business Review, "The mismanagement of customer loyalty") followed real customers
# >   and found that long-lived customers were not reliably the profitable ones, so the
# >   assumption that profit per customer rises with tenure has to be checked, not assumed.
# > - **How to present it:** "In the service firms Bain analysed in 1990, their models said a
# >   five-point cut in defections was worth 25 to 85 % more profit. How much it is worth to
# >   us depends on our margins, our costs and whether our customers become more profitable
# >   as they stay: let us compute it with our numbers." Then run `retention_economics` on the
# >   participants' own figures.
#
# `retention_economics` shows what a five-point gain in retention does to a base of 1,000
# customers over five years, with a constant margin. It counts a year's margin from the
# customers still there at the end of that year (year 1 has r × 1,000 customers), as in
# Gupta and Lehmann's convention.

# %% [markdown] tags=["zh-CN"]
# ## 客户保持的经济账
# *（10 分钟）*
#
# 教材还给了两个成本数字：获得一个新客户的成本是保持一个老客户的“4–6 倍”，忠诚客户带来的利润是“9 倍”。这两个数字的出处已无从考证；引用之前，请先看笔记本 01 里关于“4–6 倍”和“9 倍”的论断核查框。更好的做法是把你们自己的成本填进 `retention_economics`（`acquisition_cost=` 和 `retention_cost=`）。
#
# 跟它们一起最常被引用的那个数字，出处倒是清楚的：
#
# > **论断核查：“客户保持率提高 5%，利润增加 25%–85%”**
# >
# > - **出处：** Reichheld 与 Sasser（1990，“Zero defections: quality comes to services”，Harvard Business Review 第 68 卷第 5 期，第 105–111 页）。Reichheld 当时在贝恩咨询公司工作，这些数字来自贝恩为客户做的项目。
# > - **当时测的是什么：** 这是一项成本与利润的测算，并不是实际观察到的利润变化。作者对贝恩研究过的几家服务企业逐一算出一位客户在整个关系期间值多少钱（每位客户的利润随关系年数增加而上升：服务成本降低、购买增多、带来推荐、愿意付溢价），再把客户流失率调低五个百分点重算一遍。增幅因行业而异，约在 25% 到 85% 之间：一家银行的网点体系为 85%，一家保险经纪公司为 50%，一家汽车维修连锁为 30%。
# > - **后来的证据：** 方向比幅度更站得住。Gupta、Lehmann 与 Stuart（2004，Journal of Marketing Research，“Valuing customers”）给五家企业的客户群估值，发现保持率提高 1%，企业价值约提高 5%，远远超过利润率提高 1% 的效果：这是一根很大的杠杆，但各家企业的倍数各不相同，并不是固定的 25%–85%。Reinartz 与 Kumar（2000，Journal of Marketing；2002，Harvard Business Review，“The mismanagement of customer loyalty”）追踪了真实的客户，发现留得久的客户并不一定就是赚钱的客户；所以“每位客户的利润随在网时间上升”这个假设要拿数据检验，不能想当然。
# > - **课堂上怎么讲：** “贝恩在 1990 年分析的那几家服务企业里，他们的模型算出：客户流失率降低五个百分点，利润能增加 25% 到 85%。对我们值多少，要看我们的利润率、我们的成本，以及我们的客户是不是留得越久越赚钱：我们拿自己的数字算一算。”然后用学员自己的数字运行 `retention_economics`。
#
# `retention_economics` 显示：保持率提高五个百分点之后，一个有 1000 位客户的客户群在五年里会怎样变化，每位客户的年利润保持不变。它按每年年末还在的客户计算当年的利润（第 1 年有 $r \times 1000$ 位客户），这和 Gupta 与 Lehmann 的约定相同。

# %%
cl.churn.retention_economics(customers=1000, retention=0.80, margin=100.0, gain=0.05, years=5)

# %% [markdown]
# With a margin that does not grow with tenure, five more points of retention give about 17 %
# more profit over five years: real money, but below Reichheld and Sasser's range, whose larger
# figures come from profit per customer rising the longer a customer stays.

# %% [markdown] tags=["zh-CN"]
# 在利润不随在网时间增长的情况下，保持率提高五个百分点，五年的利润约增加 17%：这是实打实的钱，但低于 Reichheld 与 Sasser 给出的范围；他们那些更大的数字，来自“客户留得越久、每位客户的利润越高”这一点。

# %% [markdown]
# ## Types of lost customers and churn factors
# *(10 min)*
#
# The materials classify lost customers into **six types**: those the firm dropped on purpose
# (企业主动放弃的); those who left of their own accord (自己主动离开的); those attracted away
# by competitors (被竞争对手吸引走的); those poached by competitors (被竞争对手挖走的); those
# forced to leave (被迫离开的); and other (其他原因). The handout names the types without
# defining them. The course reads them as follows (this reading is the course's addition):
#
# | type | who ended the relationship, and why |
# |---|---|
# | dropped on purpose | the firm ended it: the customer cost more than they brought, did not pay, or behaved unethically |
# | left of their own accord | the customer left, unhappy with the firm's product, service or staff, with no competitor's offer behind the decision |
# | attracted away by competitors | the customer went for a competitor's better product or price that is open to everyone; nobody targeted them |
# | poached by competitors | a competitor went after this customer in person: visits, special terms, hiring the staff who served them |
# | forced to leave | circumstances left no choice: the customer moved away, closed down, or can no longer use the service |
# | other | none of these |
#
# They list **eight churn factors**: core service failure, salesperson failure, price,
# inconvenience, the response to failures, competition, ethical problems, and involuntary
# churn (moving away, death, business closure). The simulated operator records both for every
# lost subscriber; the shares below are the ones its simulator was given (data card), so they
# show how to read such a log, not what real operators lose customers to.

# %% [markdown] tags=["zh-CN"]
# ## 流失客户的主要类型与流失因素
# *（10 分钟）*
#
# 从客户价值和客户满意的角度，教材把流失客户分为**六种类型**：企业主动放弃的客户、自己主动离开的客户、被竞争对手吸引走的客户、被竞争对手挖走的客户、被迫离开的客户，以及其他原因离开的客户。教材只列出了这些类型的名称，没有给出定义。本课程按下表来理解它们（这一解读是本课程补充的）：
#
# | 类型 | 是谁结束了关系，为什么 |
# |---|---|
# | 企业主动放弃的客户 | 企业结束了关系：客户带来的不如花掉的多、不付款，或者有违背伦理道德的行为 |
# | 自己主动离开的客户 | 客户自己走了：对企业的产品、服务或员工不满意，背后并没有竞争对手的招揽 |
# | 被竞争对手吸引走的客户 | 客户选择了竞争对手面向所有人的更好产品或更低价格；没有人专门冲着他来 |
# | 被竞争对手挖走的客户 | 竞争对手专门冲着这位客户来：登门拜访、给特殊条件、把为他服务的员工挖走 |
# | 被迫离开的客户 | 形势所迫、别无选择：客户搬走了、关门了，或者已经没法再使用这项服务 |
# | 其他原因离开的客户 | 不属于以上任何一种 |
#
# 教材还列出了**八个流失因素**：核心服务的失误、销售人员的失误、价格因素、不方便因素、对失误的反应、竞争因素、伦理道德问题，以及非自愿的流失（搬迁、死亡、企业关闭）。这家模拟运营商给每一位流失用户都记录了类型和因素；下面的比例是模拟器事先给定的（见数据卡），所以只用来演示怎样读这样一份记录，并不代表真实的运营商因为什么失去客户。

# %%
lost = telecom[telecom["churned"]]
shown(cl.segments.lost_customer_summary(lost, type="churn_type", value="monthly_fee"),
      {"count": "count", "share": "share", "value_lost": "money"})

# %%
shown(pd.crosstab(lost["churn_reason"], lost["value_tier"]))

# %% [markdown]
# In your own log, look first at the core-service and failure-response rows: those are the
# losses the firm could have prevented by itself.
#
# **Exercise 04.lost_type.** A regional distributor had bought from you for six years. A rival's
# sales director visited its owner three times, offered an exclusive territory and a larger
# rebate, and hired the account manager who had served the distributor; the distributor then
# moved its orders to the rival. Which type of lost customer is it?
# (a) dropped on purpose; (b) left of their own accord; (c) attracted away by competitors;
# (d) poached by competitors; (e) forced to leave; (f) other.

# %% [markdown] tags=["zh-CN"]
# 看你们自己的记录时，先看“核心服务的失误”和“对失误的反应”这两行：这些流失，企业靠自己就能避免。
#
# **练习 04.lost_type。** 一家区域经销商从你们这里进货已经六年。竞争对手的销售总监三次登门拜访这家经销商的老板，给出独家经销区域和更高的返利，还把一直服务这家经销商的客户经理挖了过去；随后，这家经销商把订单转给了竞争对手。它属于哪一类流失客户？
# (a) 企业主动放弃的客户；(b) 自己主动离开的客户；(c) 被竞争对手吸引走的客户；(d) 被竞争对手挖走的客户；(e) 被迫离开的客户；(f) 其他原因离开的客户。

# %%
answer = None  # a letter, e.g. answer = "a"

# %% tags=["solution"]
answer = "d"

# %%
cl.check("04.lost_type", answer)

# %% [markdown]
# ## Prevention
# *(5 min)*
#
# The materials name five instruments for preventing churn:
#
# - **total quality management**, so that core service failures become rare;
# - **complaint management** (notebook 06), so that failures are recovered;
# - an **internal-customer system and employee satisfaction**, because satisfied staff serve
#   better (notebook 01);
# - a **customer-centred organisation**, where someone owns each customer relationship;
# - a **customer-relationship evaluation system** that watches the early warnings: falling
#   satisfaction, fewer purchases, complaints.

# %% [markdown] tags=["zh-CN"]
# ## 客户流失的防范策略
# *（5 分钟）*
#
# 教材列出了防范客户流失的五项措施：
#
# - **实施全面质量管理**，让核心服务少出失误；
# - **重视客户抱怨管理**（笔记本 06），让出了的失误能够得到补救；
# - **建立内部客户体制，提升员工满意度**，因为满意的员工服务得更好（笔记本 01）；
# - **建立以客户为中心的组织机构**，每一段客户关系都有专人负责；
# - **建立客户关系的评价体系**，盯住早期的预警信号：满意度下滑、购买减少、投诉增多。

# %% [markdown]
# ## Win-back by value tier (挽回)
# *(10 min)*
#
# Winning a customer back (挽回) starts with **investigating the cause** and easing the
# dissatisfaction (调查原因，缓解不满), then a **targeted remedy** (对症下药). The effort
# depends on the customer's class (分门别类):
#
# | customer | effort |
# |---|---|
# | important value (high tier) | fight hard to win them back (极力挽回) |
# | ordinary customers, and near-unavoidable losses | case by case (见机行事) |
# | small customers | basically give up (基本放弃) |
# | customers who cost more than they bring, or behave unethically | give up completely (彻底放弃) |
#
# `winback_priority` applies the tier rule to a log of lost customers, and makes the
# involuntary loss of a high-value customer "case by case". It does not know who behaved
# unethically or was dropped on purpose: check those by hand before anyone calls them.

# %% [markdown] tags=["zh-CN"]
# ## 按价值等级挽回流失客户
# *（10 分钟）*
#
# 挽回流失客户，第一步是**调查原因，缓解不满**，然后**对症下药，争取挽回**。投入多大力气，要**分门别类，各个对待**：
#
# | 客户 | 挽回力度 |
# |---|---|
# | 有重要价值的客户（高价值层级） | 极力挽回 |
# | 普通客户的流失，以及非常难避免的流失 | 见机行事 |
# | 小客户 | 基本放弃挽回努力 |
# | 带来的不如花掉的多、或者有违背伦理道德行为的客户 | 必要时彻底放弃 |
#
# `winback_priority` 把这条按价值层级挽回的规则用到一份流失客户记录上，并把高价值客户的非自愿流失定为“见机行事”。它不知道哪些客户有不道德的行为、哪些是企业主动放弃的：在有人去联系这些客户之前，先人工核查一遍。

# %%
actions = cl.segments.winback_priority(lost, tier="value_tier", reason="churn_reason")
shown(lost[["subscriber_id", "churn_type", "churn_reason"]].join(actions)
      .sort_values(["priority", "subscriber_id"]).head(8))

# %% [markdown]
# **Exercise 04.winback.** Which of these lost customers should the firm fight hard to win
# back? Choose all that apply, e.g. `"a, c"`.
# (a) a top-tier corporate account that left after your salesperson promised a delivery date
# the factory could not meet;
# (b) a low-value walk-in customer who now shops at a cheaper store;
# (c) a top-tier customer who moved abroad, where you have no branch;
# (d) a top-tier customer whose account you closed after two fraudulent warranty claims;
# (e) a top-tier customer who switched to a competitor's lower price.

# %% [markdown] tags=["zh-CN"]
# **练习 04.winback。** 下面这些流失客户中，企业应当极力挽回的是哪些？选出所有符合的，例如 `"a, c"`。
#
# - (a) 一家高价值的企业客户：你们的销售员承诺了工厂根本做不到的交货日期，客户因此离开；
# - (b) 一位低价值的散客，现在去了一家更便宜的店；
# - (c) 一位高价值客户搬到了国外，你们在那里没有分支机构；
# - (d) 一位高价值客户，两次虚报保修索赔，被你们注销了账户；
# - (e) 一位高价值客户，转投了价格更低的竞争对手。

# %%
answer = None  # one or more letters, e.g. answer = "a, c"

# %% tags=["solution"]
answer = "a, e"

# %%
cl.check("04.winback", answer)

# %% [markdown]
# **Exercise 04.winback_plan.** Mr Li's company, one of your top-tier customers, had bought
# office equipment from you for eight years. Last quarter two deliveries arrived late and
# damaged, and his complaint was answered with a form letter. In January he signed with a
# competitor. Write two or three sentences for your team (in English or Chinese): how much
# effort should go into winning him back, what you would do first, and what remedy you would
# offer. The check looks for the three points; your trainer reads the rest.

# %% [markdown] tags=["zh-CN"]
# **练习 04.winback_plan。** 李总的公司是你们的高价值客户之一，从你们这里采购办公设备已有八年。上个季度有两批货送晚了，而且有损坏；他投诉之后，收到的只是一封格式化的回信。今年 1 月，他和竞争对手签了约。请给你的团队写两三句话（用中文或英文都可以）：挽回他要投入多大力气，第一步做什么，给出什么补救。把答案写在引号里赋给 `answer`。自动检查只看这三点有没有写到，其余的由培训师来读。

# %%
answer = None  # your answer as text between quotes, e.g. answer = "..."

# %% tags=["solution"]
answer = ("Mr Li is a top-tier customer, so we fight hard to win him back. First his account manager visits "
          "him to ask why he left and to apologise for the form letter. Then we replace the damaged goods, "
          "refund the delivery charges and give him one named contact for every future delivery.")

# %%
cl.check("04.winback_plan", answer)

# %% [markdown] tags=["solution"]
# **Trainer: model answer and rubric for 04.winback_plan**
#
# *Model answer (English).* Mr Li is a top-tier customer, so we fight hard to win him back.
# First his account manager visits him to find out why he left and to apologise for the form
# letter. Then we replace the damaged goods, refund the delivery charges and give him one named
# contact who checks every future delivery.
#
# *Model answer (中文).* 李总是我们的重要价值客户，应当极力挽回。第一步由客户经理登门拜访，
# 了解他离开的真正原因，并为那封格式化回信道歉；然后针对送货延误和货物损坏给予补偿，
# 更换受损设备，并指定专人跟进以后的每一次送货。
#
# *Rubric (one point each; the automatic check looks for words that signal each point, so
# read the answer too):*
# 1. **Effort:** fight hard / 极力挽回, because he is of important value (a "case by case"
#    answer misses that he is top tier).
# 2. **First step:** find out the cause and ease the dissatisfaction (调查原因，缓解不满):
#    call or visit, listen, apologise.
# 3. **Targeted remedy (对症下药):** aimed at what went wrong, the late and damaged deliveries
#    and the form-letter reply; a general discount alone earns half the point.
#
# Discuss: would the answer change if Mr Li had been a small customer, or had left because
# his company closed?

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师：练习 04.winback_plan 的参考答案与评分要点**
#
# *参考答案。* 李总是我们有重要价值的客户，应当极力挽回。第一步由客户经理登门拜访，了解他离开的真正原因，并为那封格式化的回信道歉；然后针对送货延误和货物损坏对症下药：更换受损的设备，退还运费，并指定专人跟进以后的每一次送货。（英文答案同样可以通过检查，英文版笔记本里有英文参考答案。）
#
# *评分要点（每点一分；自动检查只看有没有出现代表各点的词语，所以还要通读答案）：*
# 1. **力度：** 极力挽回，因为他是有重要价值的客户（答“见机行事”，就是没注意到他属于最高的价值层级）。
# 2. **第一步：** 调查原因，缓解不满：打电话或登门拜访，认真倾听，诚恳道歉。
# 3. **对症下药：** 补救要针对出错的地方，即送货延误、货物损坏和那封格式化的回信；只给一个笼统的折扣，只得半分。
#
# 讨论：如果李总只是个小客户，或者是因为公司倒闭才离开的，答案会有什么不同？

# %% [markdown]
# ## Loyalty: measures, drivers and effects
# *(10 min)*
#
# Churn is the visible end of weak loyalty. The textbook treats loyalty in five parts:
#
# - **Theory**: loyalty is both behaviour (repeat buying, share of spending) and attitude
#   (preference, willingness to recommend). Customers who repurchase without attachment are
#   "spuriously loyal" and leave when a better offer comes.
# - **Measures**: repurchase rate, share of wallet, tenure, intention to return, the NPS
#   question, and price tolerance.
# - **Determinants**: satisfaction (notebook 03, steepest at the top), switching costs,
#   attractiveness of alternatives, trust, and the relationship with staff.
# - **Effects**: six effects of loyal customers. Reichheld's (1996) version: they save
#   acquisition cost, bring steady base profit, grow their spending, cost less to serve,
#   refer new customers, and accept a price premium.
# - **Methods to raise it**: deliver top-box satisfaction, reward loyalty (member programmes,
#   notebooks 05 and 07), handle complaints well (notebook 06) and build personal relationships.
#
# **Classification of loyalty** (客户忠诚的分类): Dick and Basu (1994, Journal of the Academy of
# Marketing Science, "Customer loyalty: toward an integrated conceptual framework") cross the
# customer's relative attitude to the firm (high or low, compared with the alternatives) with
# repeat patronage (high or low) and get four kinds:
#
# | | repeat buying high | repeat buying low |
# |---|---|---|
# | **attitude high** | true loyalty (忠诚) | latent loyalty (潜在忠诚): e.g. a fan who cannot afford it |
# | **attitude low** | spurious loyalty (虚假忠诚): buys out of habit or lack of choice | no loyalty (不忠诚) |
#
# **Exercise 04.loyalty_type.** Mrs Wang fills her car at the same petrol station every week,
# because it is the only one on her way to work. She finds its staff rude, rated it 2 out of 5
# in the last survey, and says she will switch the day a rival opens nearby. Which kind of
# loyalty is it? (a) true loyalty; (b) latent loyalty; (c) spurious loyalty; (d) no loyalty.

# %% [markdown] tags=["zh-CN"]
# ## 客户忠诚：测量指标、决定因素与效应
# *（10 分钟）*
#
# 客户流失，是客户忠诚薄弱的外在表现。教材分五个部分讲客户忠诚（教材只列出了各部分的标题，下面的内容是本课程补充的）：
#
# - **客户忠诚识别的理论基础**：忠诚既是一种行为（重复购买、钱包份额，即客户在本企业花的钱占他同类支出的比例），也是一种态度（偏爱、愿意推荐）。没有感情上的认同、只是重复购买的客户，属于“虚假忠诚”，一有更好的条件就会离开。
# - **客户忠诚的测量指标**：再购买率、钱包份额、客户关系的持续时间、再次光顾的意愿、净推荐值的那道题，以及对价格的容忍度。
# - **客户忠诚的决定因素**：客户满意（笔记本 03：在满意度最高的一档，曲线最陡）、转换成本、其他选择的吸引力、信任，以及客户与员工之间的关系。
# - **客户忠诚效应**：忠诚客户的六大效应。按 Reichheld（1996）的说法，忠诚客户能节省获客成本、带来稳定的基本利润、花的钱越来越多、服务起来成本更低、推荐新客户，并且愿意接受较高的价格。
# - **提升客户忠诚的方法**：把满意做到最高一档，奖励忠诚（会员计划，见笔记本 05 和 07），处理好客户抱怨（笔记本 06），建立人与人之间的关系。
#
# **客户忠诚的分类**：Dick 与 Basu（1994，Journal of the Academy of Marketing Science，“Customer loyalty: toward an integrated conceptual framework”）把客户对企业的相对态度（与其他选择相比是高还是低）和重复惠顾（多还是少）交叉起来，得到四类：
#
# | | 重复购买多 | 重复购买少 |
# |---|---|---|
# | **相对态度高** | 忠诚 | 潜在忠诚：例如喜欢却买不起的“粉丝” |
# | **相对态度低** | 虚假忠诚：出于习惯或没得选才买 | 不忠诚 |
#
# **练习 04.loyalty_type。** 王女士每周都在同一家加油站加油，因为那是她上班路上唯一的一家。她觉得那里的员工态度粗鲁，在上次调查中只打了 2 分（满分 5 分），还说只要附近开了别家，她当天就换。这属于哪一类忠诚？(a) 忠诚；(b) 潜在忠诚；(c) 虚假忠诚；(d) 不忠诚。

# %%
answer = None  # a letter, e.g. answer = "a"

# %% tags=["solution"]
answer = "c"

# %%
cl.check("04.loyalty_type", answer)

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Churn rate = lost ÷ customers who bought; always state the period and the denominator,
#   and count the losses of the same customers that are in the base; retention = 1 − churn;
#   annual rates compound from monthly ones.
# - Identify churn on four bases: customers, market share, revenue, competitive position.
# - Cohorts and survival curves show *when* customers leave; censoring must be handled. On
#   IBM's telecom sample churn falls with tenure; a snapshot cannot say whether customers
#   grow loyal or the leavers have simply gone.
# - Lifetime = 1/churn. The course's CLV counts the first year's margin in full:
#   CLV = Σ m·r^(t−1)/(1+d)^t, or m/(1+d−r) with no horizon (`first_margin="certain"`);
#   Gupta and Lehmann's convention gives r times that. Small retention gains are worth a lot.
# - "5 % more retention, 25–85 % more profit" is Bain's 1990 analysis of a few service firms,
#   not a law: compute it with your own numbers.
# - Classify losses by type and factor; prevent with quality, complaints, staff and
#   organisation; win back by value tier; give up completely on the unethical.
# - Loyalty has four kinds (Dick and Basu, 1994): true, latent, spurious, none.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 客户流失率 = 客户流失数 ÷ 消费人数；一定要写明期间和分母，而且分子只数分母里那批客户的流失；客户保持率 = 1 − 客户流失率；年率由月率连乘得出。
# - 从四个基础识别客户流失：客户、市场占有率、收入、竞争地位。
# - 同期群和生存曲线显示客户 *什么时候* 离开；必须正确处理删失。在 IBM 的电信样本里，流失率随在网时长下降；但截面快照说不清，是客户变得更忠诚了，还是容易走的客户早已走掉了。
# - 预期寿命 = 1/流失率。本课程的客户终身价值全额计入第一年的利润：$\sum_t m r^{t-1}/(1+d)^t$，不设期限时为 $m/(1+d-r)$（`first_margin="certain"`）；按 Gupta 与 Lehmann 的约定，结果是它的 *r* 倍。保持率哪怕只提高一点，价值也很大。
# - “客户保持率提高 5%，利润增加 25%–85%”是贝恩 1990 年对几家服务企业的测算，不是定律：拿你们自己的数字去算。
# - 按类型和因素给流失客户归类；靠质量、客户抱怨管理、员工和组织来防范流失；按价值等级挽回；对有不道德行为的客户，彻底放弃。
# - 客户忠诚分四类（Dick 与 Basu，1994）：忠诚、潜在忠诚、虚假忠诚、不忠诚。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("04")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("04")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("04")

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %% [markdown] tags=["zh-CN"]
# ## 术语表
# *（0 分钟）*

# %%
cl.exercises.glossary("04", keys=False)
