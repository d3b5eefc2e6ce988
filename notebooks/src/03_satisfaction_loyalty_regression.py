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
# # 03 · From satisfaction to loyalty: regression, drivers and the ACSI/ECSI model (满意与忠诚)
#
# **Time:** about 120 minutes.
#
# **After this notebook you will be able to**
# 1. go from a scatter plot to a regression of loyalty on satisfaction, and choose between OLS,
#    logit and ordinal models by the kind of loyalty measure;
# 2. show the non-linear satisfaction–loyalty link, name the loyalty zones and compute the
#    top-box loyalty ratio with its confidence interval;
# 3. tell a method recovering a truth built into simulated data from evidence about real
#    customers, and say what data would test a claim such as "six times as loyal";
# 4. find the key drivers of satisfaction and place them on an importance–performance map;
# 5. estimate an ECSI-type path model and read its paths;
# 6. report results responsibly: intervals, not just points; association, not proof of cause.

# %% [markdown] tags=["zh-CN"]
# # 03 · 从满意到忠诚：回归分析、关键驱动因素与客户满意度指数模型
#
# **时长：** 约 120 分钟。
#
# **学完本笔记本，你能够**
# 1. 从散点图一步步走到“忠诚对满意”的回归，并按忠诚指标的类型，在线性回归、逻辑回归和有序回归之间做出选择；
# 2. 展示满意与忠诚之间的非线性关系，说出三个忠诚区，并算出最高档忠诚度倍数及其置信区间；
# 3. 分清“方法找回了模拟数据里预先设定的真实值”和“关于真实客户的证据”，并说出要检验“忠诚度是六倍”这类说法需要什么数据；
# 4. 找出满意度的关键驱动因素，并把它们放到重要性-绩效分析图上；
# 5. 估计一个欧洲客户满意度指数式的路径模型，并读懂其中的各条路径；
# 6. 负责任地报告结果：给区间，不只给一个点；讲的是相关，不当作因果的证明。

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl
import csat_lab.plots  # the charts; also sets up fonts for Chinese chart labels

rng = np.random.default_rng(2024)
cl.set_language("en")


#: Columns of a predicted or curve table that carry the estimate's kind (a score, a share).
ESTIMATE_COLUMNS = ("observed", "estimate", "se", "ci_low", "ci_high", "built_in")


def labelled(table, kinds=None):
    """A table built in this notebook, as displayed: numbers formatted by kind, column names in the
    notebook's language. kinds: column -> kind for cl.i18n.format_table, or one kind ("score",
    "share") for the estimate columns of a predicted table."""
    if isinstance(kinds, str):
        kinds = {column: kinds for column in table.columns if column in ESTIMATE_COLUMNS}
    table = cl.i18n.format_table(table, kinds)
    return table.rename(columns=lambda column: cl.label(f"course.03.column.{column}"))

# %% [markdown]
# ## The dealer data
# *(5 min)*
#
# `auto_dealer` holds 2,000 customers of a car dealer, surveyed after a sales or a service
# visit. Each rated the expectation lists of notebook 01 twice (what the dealer *should* do
# and what it *did*), gave an overall satisfaction on the five-level scale, an intention to
# come back, and the recommendation question; two years later the dealer recorded whether
# they actually came back (`repurchase`).
#
# **These customers are invented.** The course's simulator wrote the data from a truth stated
# in advance (the data card, `cl.datasets.describe("auto_dealer")`, lists it): how much each
# item's gap drives satisfaction, and, for each satisfaction level, the chance of coming back.
# That is what makes them useful here: we know the right answer, so we can see whether a method
# finds it. It is also their limit: whatever this notebook finds in them is a method recovering
# a number someone chose, never evidence about real car buyers.

# %% [markdown] tags=["zh-CN"]
# ## 汽车经销商的数据
# *（5 分钟）*
#
# `auto_dealer` 是一家汽车经销商的 2,000 位客户，在购车或维修保养之后接受了调查。每位客户把笔记本 01 里的“客户的期望”清单打了两遍分：一遍是经销商*应该*做到什么（事前期望），一遍是它*实际*做到了什么（实际感受）；此外还回答了五级的总体满意度、是否打算再来，以及推荐意愿题。两年以后，经销商记下了他们是否真的回来再次购买（`repurchase`）。
#
# **这些客户是编出来的。** 数据由课程的模拟程序按事先写好的“真实值”生成，数据说明卡（`cl.datasets.describe("auto_dealer")`）里把这些值都列了出来：每一项的期望与感受之差对满意度影响多大，以及每个满意度等级的客户回来的概率。正因为如此，它们在这里才有用：我们知道正确答案，就能看出一种方法找不找得到它。这也正是它们的局限：本笔记本从中发现的任何东西，都只是某种方法找回了一个人为选定的数字，绝不是关于真实购车客户的证据。
#
# 下表的表头是各列的中文名，代码里对应的列名依次是 `visit`（到店环节：`sales` 为购车，`service` 为维修保养）、`overall_satisfaction`、`loyalty_intention`、`recommend` 和 `repurchase`。

# %%
dealer = cl.datasets.load("auto_dealer")
labelled(dealer[["visit", "overall_satisfaction", "loyalty_intention", "recommend", "repurchase"]].head())

# %% [markdown]
# ## From scatter to OLS
# *(15 min)*
#
# Start by looking. Satisfaction and recommendation are both whole numbers, so a plain scatter
# plot would stack thousands of points on 55 spots; a little random jitter (drawn with the
# notebook's seeded `rng`) makes the cloud visible.

# %% [markdown] tags=["zh-CN"]
# ## 从散点图到线性回归
# *（15 分钟）*
#
# 先看图。满意度和推荐意愿都是整数，直接画散点图，几千个点会叠在 55 个位置上；给每个点加一点随机抖动（用笔记本里固定了种子的 `rng` 生成），点云的样子就看得出来了。

# %%
sat = pd.to_numeric(dealer["overall_satisfaction"].astype("object"))
rec = pd.to_numeric(dealer["recommend"].astype("object"))
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(sat + rng.uniform(-0.2, 0.2, len(sat)), rec + rng.uniform(-0.3, 0.3, len(rec)), s=4, alpha=0.3)
ax.set_xlabel(cl.label("scale.satisfaction5.title"))
ax.set_ylabel(cl.label("scale.nps11.title"))
plt.show()

# %% [markdown]
# An ordinary least-squares (OLS) line summarises the cloud with a slope: how much the
# recommendation score rises per satisfaction level. `as_levels=False` fits a straight line;
# the table gives the fitted value at each level with its 95% interval, next to the observed
# mean.

# %% [markdown] tags=["zh-CN"]
# 普通最小二乘（OLS）直线用一个斜率来概括这团点云：满意度每高一级，推荐分平均高多少。`as_levels=False` 拟合的是一条直线；下表给出每个满意度等级上的拟合值及其 95% 置信区间，旁边是实际观察到的平均值。

# %%
straight = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="recommend", kind="ols",
                                         as_levels=False)
labelled(straight.predicted, "score")

# %% [markdown]
# The straight line misses the top: the observed mean at level 5 lies outside the interval of
# the line. Letting each level have its own mean (`as_levels=True`, the default, the model
# `recommend ~ C(satisfaction)`) fits the steps as they are.

# %% [markdown] tags=["zh-CN"]
# 直线在最高处没跟上：第 5 级实际的平均值落在直线的区间之外。让每个等级有自己的平均值（`as_levels=True`，这是默认做法，相当于模型 `recommend ~ C(satisfaction)`），就能照实拟合出每一级台阶。

# %%
stepwise = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="recommend", kind="ols")
labelled(stepwise.predicted, "score")

# %% [markdown]
# The recommendation question is also the raw material of the Net Promoter Score (NPS):
# customers answering 9 or 10 are promoters, 0 to 6 detractors, and NPS is the percentage of
# promoters minus the percentage of detractors. Here it is for the dealer's customers, one line
# at a time (`.mean()` of a true/false column is the share of trues):

# %% [markdown] tags=["zh-CN"]
# 推荐意愿题也是净推荐值（NPS）的原料：回答 9 或 10 分的客户是推荐者，0 到 6 分的是贬损者，净推荐值等于推荐者的百分比减去贬损者的百分比。下面一行一行地算出经销商客户的净推荐值（对一列“是/否”值求 `.mean()`，得到的就是“是”所占的比例）：

# %%
dealer_scores = pd.to_numeric(dealer["recommend"].astype("object")).dropna()
promoters = (dealer_scores >= 9).mean()  # share answering 9 or 10
detractors = (dealer_scores <= 6).mean()  # share answering 0 to 6
100 * (promoters - detractors)

# %% [markdown]
# **Exercise 03.tracker_nps.** Now the same for the tracking survey of notebook 02: what is the
# NPS of all raw `csat_tracker` answers to the recommendation question (missing answers left
# out)? The first line below loads the answers. Complete the second line: replace each `___`
# with a number, delete the `#` at its start, and run the cell. (Analysts: compare your result
# with `cl.metrics.nps`.)

# %% [markdown] tags=["zh-CN"]
# **练习 03.tracker_nps。** 再对笔记本 02 的跟踪调查做同样的计算：`csat_tracker` 里推荐意愿题的全部原始回答（缺答的不算），净推荐值是多少？下面第一行已经读入了这些回答。请补全第二行：把每个 `___` 换成一个数，删掉行首的 `#`，然后运行。（分析人员可以拿结果和 `cl.metrics.nps` 对照一下。）

# %%
scores = pd.to_numeric(cl.datasets.load("csat_tracker")["nps"].astype("object")).dropna()
answer = None
# answer = 100 * ((scores >= ___).mean() - (scores <= ___).mean())

# %% tags=["solution"]
answer = 100 * ((scores >= 9).mean() - (scores <= 6).mean())

# %%
cl.check("03.tracker_nps", answer)

# %% [markdown]
# ## Logit and ordinal models
# *(10 min)*
#
# OLS suits a loyalty measure that behaves like a number. Two others are common:
#
# - **a yes/no outcome** such as `repurchase` → **logistic regression (logit)**: it models the
#   probability of coming back, which stays between 0 and 1;
# - **an ordered answer** such as the 5-point `loyalty_intention` → **ordinal (proportional
#   odds) regression**: it respects that "agree" is above "neutral" without pretending the
#   steps are equal.
#
# (Answers with no order, such as "which branch do you use most", need neither: they call for a
# multinomial model, not taught here.)

# %% [markdown] tags=["zh-CN"]
# ## 逻辑回归与有序回归
# *（10 分钟）*
#
# 普通最小二乘适合“像数字一样”的忠诚指标。另外两种指标也很常见：
#
# - **是或否的结果**，比如 `repurchase`（是否再次购买）→ **逻辑回归**：它为“回来的概率”建模，概率始终落在 0 和 1 之间；
# - **有先后顺序的回答**，比如五级的 `loyalty_intention`（忠诚意向）→ **有序回归**（比例优势模型）：它承认“同意”高于“既不同意也不反对”，却不假定相邻两档之间的距离都相等。
#
# （没有顺序的回答，比如“你最常去哪家分店”，这两种都不适用，要用多项模型，本课不讲。）

# %%
repurchase = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
labelled(repurchase.predicted, "share")

# %%
intention = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="loyalty_intention",
                                          kind="ordinal")
labelled(intention.predicted, "score")

# %% [markdown]
# ## The non-linearity and the loyalty zones
# *(20 min)*
#
# The logit table is the picture from notebook 01 in numbers: the repurchase rate creeps up
# from level 1 to level 4, then jumps at level 5. The Harvard service–profit chain authors
# (Heskett et al., 1994; Jones and Sasser, 1995) describe such a curve in three bands,
# **zones**: defection (here levels 1–2), indifference (3–4) and affection (5). Customers in the
# zone of indifference are satisfied but not attached, and any better offer takes them away.

# %% [markdown] tags=["zh-CN"]
# ## 非线性关系与忠诚区
# *（20 分钟）*
#
# 逻辑回归的这张表，就是培训讲义里“客户满意与客户忠诚的关系（竞争性行业）”那张图（笔记本 01 画过）的数字版：从第 1 级到第 4 级，再购买率慢慢往上爬，到第 5 级突然一跳。提出“服务利润链”的几位哈佛学者（Heskett 等，1994；Jones 和 Sasser，1995）把这样的曲线分成三段，叫作**忠诚区**：背离区（这里是第 1–2 级）、冷漠区（第 3–4 级）和喜爱区（第 5 级）。冷漠区的客户是满意的，但谈不上依恋，别家给出更好的条件，他们就会被拉走。

# %%
curve = cl.loyalty.loyalty_curve(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
labelled(curve[["level", "n", "estimate", "ci_low", "ci_high", "zone_label"]], "share")

# %%
curve.plot()
plt.show()

# %% [markdown]
# The **top-box loyalty ratio** compares loyalty in the top box with loyalty in the box below.
# The training materials say that completely satisfied customers (完全满意) are "six times as
# loyal" as satisfied ones. Before using that figure, read the claim-check box
# **"six times as loyal"** in notebook 01: it comes from one firm's customers (Xerox, reported
# by Jones and Sasser, 1995), and it is not a general law. Here is the dealer's ratio with its
# confidence interval.

# %% [markdown] tags=["zh-CN"]
# **最高档忠诚度倍数**比较的是最高一档客户与次高一档客户的忠诚度。培训讲义上说，完全满意客户的忠诚度是满意客户的“6 倍”。用这个数字之前，先读笔记本 01 里关于“六倍忠诚”的论断核查框：这个数字来自一家企业（施乐公司）的客户，由 Jones 和 Sasser（1995）报告，并不是普遍规律。下面是经销商数据的倍数及其置信区间。

# %%
ratio = cl.loyalty.top_box_loyalty_ratio(dealer, satisfaction="overall_satisfaction", loyalty="repurchase")
ratio

# %% [markdown]
# Now put the estimates next to the truth the simulator was given. `cl.simulate.auto_dealer()`
# with its default seed rebuilds exactly the shipped file and also returns that truth: the
# chance of coming back that was written in for each satisfaction level.

# %% [markdown] tags=["zh-CN"]
# 现在把估计值和模拟程序拿到的真实值放在一起看。`cl.simulate.auto_dealer()` 用默认的种子运行，会原样重建课程附带的这份文件，同时交出当初写进去的真实值：每个满意度等级的客户回来的概率。

# %%
_, built_in = cl.simulate.auto_dealer()
labelled(curve.assign(built_in=curve["level"].map(built_in["repurchase_by_level"]))[
    ["level", "n", "estimate", "ci_low", "ci_high", "built_in"]
], "share")

# %% [markdown]
# Every built-in value lies inside its interval, and the built-in ratio (0.72 / 0.12 = 6) lies
# inside the interval of the estimated ratio. So the logit model and the ratio's interval
# **recover the truth that was put in**; that is what a simulation can show about a method. It
# cannot show anything about customers: the jump at level 5 is in the `auto_dealer` data
# because the simulator was written with it, after the training materials' figure.
#
# **What would test the claim?** Real survey answers linked to what the same customers did
# afterwards. Neither of the course's two datasets that are not simulated can do it: `cdnow`
# has real purchases but no survey, and `telco_churn` (IBM's churn sample) has churn but no
# satisfaction question. For your own firm, join each respondent's answer to their purchases in
# the following year (the CRM record, 客户数据库), then run the curve and ratio cells above on
# that table: report the ratio with its interval and the number of customers in the top two
# boxes, and say which period and which measure of loyalty it refers to.
#
# The loyalty-curve explorer redraws the curve, the zones and the ratio with its interval for
# another loyalty measure, model or dataset. *What if* loyalty is measured by the stated
# intention to come back instead of actual repurchase: is the jump at the top as large? Does an
# ordinal model tell the same story as OLS? Then choose the hotel's guests (`hotel_guests`,
# return next year): is there a step between 4 and 5? Before you conclude anything about hotels
# against car dealers, open `cl.datasets.describe("hotel_guests")` and read which return curve
# its simulator was given. Last, set *Curve from* to *Chosen curve*: this curve comes from
# assumptions you set, not from data (a top-box ratio, six by default, in a fully competitive
# market, and a level of competition). Moving *competition* from 1 (a crowded market) to 0 (a
# protected market with high switching costs) draws Jones and Sasser's argument: where customers
# cannot easily leave, even merely satisfied ones stay, so the curve is flat. It shows the
# argument, not evidence for it. Which of the two markets is your own business in?

# %% [markdown] tags=["zh-CN"]
# 每个设定值都落在各自的区间里，设定的倍数（0.72 / 0.12 = 6）也落在估计倍数的区间里。所以，逻辑回归和倍数的区间**找回了当初放进去的真实值**；关于一种方法，模拟能说明的就是这些。关于客户，它什么也说明不了：`auto_dealer` 数据里第 5 级的那一跳，是因为编写模拟程序时照着培训讲义的数字把它写了进去。
#
# **什么数据才能检验这个说法？** 真实的调查回答，再连上同一批客户后来的实际行为。课程里两份不是模拟的数据集都做不到：`cdnow` 有真实的购买记录，却没有调查；`telco_churn`（IBM 的客户流失样本）有流失记录，却没有满意度题目。在你自己的企业，可以把每位受访者的回答和他随后一年的购买记录（客户数据库里的记录）连起来，再对这张表运行上面画曲线、算倍数的两格：报告倍数及其区间、最高两档各有多少客户，并说明数据对应哪一段时间、用的是哪一种忠诚指标。
#
# 忠诚曲线交互控件可以换一种忠诚指标、模型或数据集，重新画出曲线、忠诚区，以及倍数和它的区间。*如果*忠诚度用“打算再来”的意向来衡量，而不是实际的再次购买，最高处的那一跳还一样大吗？有序回归和普通最小二乘讲的是同一个故事吗？再选酒店的客人（`hotel_guests`，第二年是否再来入住）：第 4 级和第 5 级之间有没有台阶？在对“酒店和汽车经销商有什么不同”下任何结论之前，先打开 `cl.datasets.describe("hotel_guests")`，看看它的模拟程序拿到的是哪一条回头曲线。最后，把“曲线来源”设为“设定曲线”：这条曲线来自你设定的假设，而不是数据（充分竞争时最高档与次高档的忠诚度倍数，默认是六，再加上竞争程度）。把“竞争程度”从 1（竞争激烈的市场）拖到 0（转换成本高、受保护的市场），画出来的就是 Jones 和 Sasser 的论点：客户不容易走的地方，连仅仅“满意”的客户也会留下，曲线就是平的。它演示的是这个论点，而不是支持它的证据。你自己的企业处在哪一种市场？

# %% tags=["nbval-ignore-output"]
cl.widgets.loyalty_curve_explorer()

# %% [markdown] tags=["solution"]
# *Trainer note.* The hotel's simulator models the chance of returning as a smooth logit, each
# satisfaction point adding 0.8 to the log-odds (plus personalised service and price), so its
# curve has no special step at the top and its ratio of level 5 to level 4 is about 1.3. The
# dealer's simulator was given the step. Two simulators, two built-in truths: the contrast says
# nothing about hotels against car dealers. Use it to ask the class where the "six times" could
# come from in their own data, and what they would need to measure it.

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* 酒店的模拟程序把再来入住的概率设成一条平滑的逻辑曲线：满意度每高一分，对数优势加 0.8（另外还受个性化服务和价格影响），所以它的曲线在最高处没有特别的台阶，第 5 级与第 4 级之比约为 1.3。经销商的模拟程序则被设定了这一跳。两个模拟程序，两个设定好的真实值：两者的对比说明不了酒店和汽车经销商有什么不同。可以借此问学员：在他们自己的数据里，“六倍”可能从哪里来？要把它测出来，需要什么数据？

# %% [markdown]
# ## Key drivers
# *(15 min)*
#
# Which parts of a service visit drive overall satisfaction? Regressing satisfaction on the
# six performance items gives unstable coefficients, because the items are correlated
# (a customer who liked one thing tends to like the others). **Shapley value decomposition**
# (Lipovetsky and Conklin, 2001) shares the model's R² fairly among correlated drivers: each
# driver gets its average gain in R² over all orders of entering the model. A small bootstrap
# (100 resamples, seeded) gives intervals.

# %% [markdown] tags=["zh-CN"]
# ## 关键驱动因素
# *（15 分钟）*
#
# 维修保养这一环，哪些方面在推动总体满意度？把满意度对六项实际表现评分做回归，得到的系数并不稳定，因为这几项彼此相关（对某一方面满意的客户，往往对其他方面也满意）。**Shapley 值分解**（Lipovetsky 和 Conklin，2001）把模型的 R² 公平地分给彼此相关的各个驱动因素：每个因素分到的，是在各种进入模型的先后顺序下，它平均带来的 R² 增量。再做一次小规模的自助抽样（重抽 100 次，固定种子），给出区间。
#
# 这六项正是培训讲义里“客户的期望——维修”那张清单：维修时方便快捷（`perf_repair_convenience`）、严格执行售后承诺（`perf_repair_promises`）、清楚说明维修项目并预计费用（`perf_repair_explanation`）、按时并专业地修好车（`perf_repair_on_time`）、维修后一段时间内打电话回访（`perf_repair_follow_up_call`），以及提供今后的保养建议（`perf_repair_advice`）。

# %%
service = dealer[dealer["visit"] == "service"]
drivers = [c for c in dealer.columns if c.startswith("perf_repair_")]
cl.loyalty.shapley_importance(service, outcome="overall_satisfaction", drivers=drivers, n_boot=100, seed=rng)

# %% [markdown]
# Two things to read before ranking. First, the intervals: where two drivers' share intervals
# overlap, these answers cannot order them. Second, the truth again. The simulator built
# satisfaction from the *gaps* between performance and expectation, with weights 0.35 for
# promises kept, 0.30 for an on-time repair, 0.25 for the explanation, 0.20 for convenience and
# 0.10 each for the follow-up call and the advice (data card). Importance computed from
# performance ratings alone tracks that order only roughly (an on-time repair, second in the
# simulator, comes fourth here): every performance rating also carries the customer's general
# impression of the dealer, and expectations differ between customers. A driver analysis says which ratings move together with satisfaction in these
# answers; it does not measure what customers weigh, still less what a change would do.

# %% [markdown] tags=["zh-CN"]
# 排名次之前，先看两件事。第一看区间：两个因素的份额区间重叠时，这些回答排不出它们的先后。第二，再对一次真实值。模拟程序是用实际表现与事前期望之间的*差距*来构造满意度的，权重分别是：严格执行承诺 0.35，按时修好 0.30，说明清楚 0.25，方便快捷 0.20，回访电话和保养建议各 0.10（见数据说明卡）。只用表现评分算出来的重要性，和这个顺序只是大致吻合（按时修好在模拟程序里排第二，这里排第四）：每一项表现评分里都带着客户对这家经销商的总体印象，而且每位客户的期望各不相同。驱动因素分析说明的是，在这些回答里，哪些评分和满意度一起高、一起低；它测不出客户心里看重什么，更说明不了改变某一项会带来什么效果。

# %% [markdown]
# ## Importance–performance analysis (IPA)
# *(10 min)*
#
# Martilla and James (1977) put each driver on a 2×2 map: importance (here the Shapley share)
# against performance (the mean rating). The crosshairs sit at the average importance and the
# average performance over the drivers. The quadrants tell management where to act:
#
# | | low performance | high performance |
# |---|---|---|
# | **high importance** | concentrate here | keep up the good work |
# | **low importance** | low priority | possible overkill |

# %% [markdown] tags=["zh-CN"]
# ## 重要性-绩效分析
# *（10 分钟）*
#
# Martilla 和 James（1977）把每个驱动因素放到一张四象限图上：一个方向是重要性（这里用 Shapley 份额），另一个方向是绩效（平均评分）。两条分界线分别位于各因素重要性的平均值和绩效的平均值。四个象限告诉管理层该在哪里下功夫：
#
# | | 绩效低 | 绩效高 |
# |---|---|---|
# | **重要性高** | 重点改进 | 继续保持 |
# | **重要性低** | 低优先级 | 可能过度投入 |

# %%
ipa = cl.loyalty.ipa(service, outcome="overall_satisfaction", drivers=drivers)
ipa

# %%
ipa.plot()
plt.show()

# %% [markdown]
# The key-driver explorer draws the same map for other outcomes, drivers and importance
# measures. *What if* the outcome is the recommendation score instead of satisfaction: do the
# same drivers land in "concentrate here"? What if you leave out the most important driver:
# how is its share redistributed? Do Shapley shares, relative weights and plain correlations
# rank the drivers the same way? (By default it opens on the hotel's five SERVQUAL
# dimensions; choose `auto_dealer` for the dealer's items.)

# %% [markdown] tags=["zh-CN"]
# 关键驱动因素交互控件可以换别的结果、驱动因素和重要性算法，画出同样的图。*如果*结果换成推荐意愿而不是满意度，落在“重点改进”里的还是那几个因素吗？如果去掉最重要的那个因素，它的份额会怎样重新分给其他因素？Shapley 份额、相对权重和简单相关系数排出的顺序一样吗？（控件默认打开的是酒店的五个服务质量维度；要看经销商的各项，请选 `auto_dealer`。）

# %% tags=["nbval-ignore-output"]
cl.widgets.key_driver_explorer()

# %% [markdown]
# **Exercise 03.ipa_quadrant.** On the dealer's map above, a driver lies above the importance
# crosshair and below the performance crosshair. Which label does the quadrant table give it?
# (a) concentrate here; (b) keep up the good work; (c) low priority; (d) possible overkill.

# %% [markdown] tags=["zh-CN"]
# **练习 03.ipa_quadrant。** 在上面经销商的四象限图上，有一个驱动因素位于重要性分界线之上、绩效分界线之下。按四象限表，它属于哪一个象限？
# (a) 重点改进；(b) 继续保持；(c) 低优先级；(d) 可能过度投入。

# %%
answer = None

# %% tags=["solution"]
answer = "a"

# %%
cl.check("03.ipa_quadrant", answer)

# %% [markdown]
# ## The ACSI/ECSI model on data
# *(15 min)*
#
# National satisfaction indices model satisfaction as part of a chain, estimated with
# partial least squares (PLS) path modelling. The American Customer Satisfaction Index (ACSI;
# Fornell et al., 1996) links expectations, perceived quality and perceived value to
# satisfaction, and satisfaction to complaints and loyalty. The European version (ECSI) adds
# the company's image. It is the chain of notebook 01 (standards → expectations → satisfaction
# → loyalty) made measurable.

# %% [markdown] tags=["zh-CN"]
# ## 客户满意度指数模型的实际估计
# *（15 分钟）*
#
# 各国的客户满意度指数，都把满意度放在一条链的中间来建模，用偏最小二乘路径模型来估计。美国客户满意度指数（ACSI；Fornell 等，1996）把客户期望、感知质量和感知价值连到客户满意度，再把客户满意度连到客户抱怨和客户忠诚。欧洲的版本（欧洲客户满意度指数）又加上了企业形象。这就是笔记本 01 里那条链（服务标准 → 客户期望 → 客户满意 → 客户忠诚）变成了可以测量的模型。
#
# 下表每一列是模型里的一条路径，从哪个构念指向哪个构念；括号里是代码中用的缩写。

# %%
ecsi = cl.loyalty.ECSI_MODEL
construct_names = {code: cl.label(f"course.03.construct.{code}") for code in ecsi.constructs}
labelled(pd.DataFrame(ecsi.inner, columns=["from", "to"]).replace(construct_names)).T

# %% [markdown]
# We simulate 250 respondents answering three items per construct from paths we choose, then
# estimate the model with 50 bootstrap resamples. Knowing the truth lets us see what PLS
# recovers, and what a sample of this size can and cannot tell.

# %% [markdown] tags=["zh-CN"]
# 我们模拟 250 位受访者，每个构念各答三道题，路径的大小由我们自己设定；然后用 50 次自助抽样来估计模型。知道了真实值，就能看出偏最小二乘找回了什么，也能看出这么大的样本能说明什么、不能说明什么。

# %%
true_paths = {
    ("IMAG", "EXPE"): 0.5, ("IMAG", "SAT"): 0.2, ("IMAG", "LOY"): 0.2, ("EXPE", "QUAL"): 0.5,
    ("EXPE", "VAL"): 0.1, ("EXPE", "SAT"): 0.05, ("QUAL", "VAL"): 0.5, ("QUAL", "SAT"): 0.4,
    ("VAL", "SAT"): 0.3, ("SAT", "COM"): 0.5, ("SAT", "LOY"): 0.4, ("COM", "LOY"): 0.1,
}
survey_data, truth = cl.loyalty.simulate_structural(true_paths, n=250, seed=rng)
blocks = {c: [f"{c}{i}" for i in (1, 2, 3)] for c in ecsi.constructs}
fit = ecsi.fit(survey_data, blocks, n_boot=50, seed=rng)
paths = fit.paths.assign(true=[true_paths[(s, t)] for s, t in zip(fit.paths["source"], fit.paths["target"])])
labelled(paths.replace({"source": construct_names, "target": construct_names}),
         {"coef": "coef", "se": "coef", "ci_low": "coef", "ci_high": "coef", "t": "number:2", "true": "coef:2"})

# %% [markdown]
# Compare the `coef` column with `true`. Most estimates fall below the truth: each construct
# is scored from three items that carry measurement error, and that error weakens (attenuates)
# the paths. The three smallest paths have intervals that include zero: with 250 respondents
# the data cannot tell them apart from no effect. `cl.loyalty.power_for_path` tells you how
# many respondents a path of a given size needs.

# %% [markdown] tags=["zh-CN"]
# 比较“路径系数”和“设定的真实值”两列。大多数估计值都低于真实值：每个构念都是用三道带测量误差的题目算出来的，这些误差会把路径削弱（统计上叫“衰减”）。最小的三条路径，区间都包含 0：只有 250 位受访者，数据分不清它们和“没有效果”。一条给定大小的路径需要多少受访者，可以用 `cl.loyalty.power_for_path` 来算。

# %% [markdown]
# `cl.plots.path_model_plot` shows the fitted chain at a glance: every arrow is one path with
# its coefficient (a star when its bootstrap interval excludes zero), arrow width grows with
# the size of the effect, and each explained construct shows its R², the share of its
# variance that the arrows into it explain. Which arrows carry no star?

# %% [markdown] tags=["zh-CN"]
# `cl.plots.path_model_plot` 把拟合出的整条链画在一张图上：每个箭头是一条路径，旁边标着路径系数（自助抽样区间不包含 0 时加一个星号），箭头越粗，效果越大；每个被解释的构念旁边标着它的 R²，也就是指向它的那些箭头一共解释了它多少变异。哪几个箭头没有星号？

# %%
cl.plots.path_model_plot(fit)
plt.show()

# %% [markdown]
# ## Reading results responsibly
# *(10 min)*
#
# - **Intervals, not only points.** "Loyalty ratio 5.7" is a headline; "5.7, with a 95% interval
#   of about 4.6 to 7.1, from 420 and 579 customers in the top two boxes" is a finding (here, a
#   finding about the simulated dealer only).
# - **Association is not causation.** These are survey data, not an experiment. Customers who
#   are very satisfied may come back because they are satisfied, or because they live next door
#   (which also makes them satisfied). Only designed changes (a pilot in some branches) show
#   what an intervention does.
# - **Loyalty measures differ.** Intentions overstate behaviour; use repurchase data when you
#   have them.
# - **Small groups are noisy.** Compare groups with their intervals (`cl.metrics.compare_groups`).
# - **Know where the data come from.** A simulated dataset shows whether a method recovers a
#   truth someone chose; only real customers' answers and behaviour can support a claim about
#   customers.
#
# **Exercise 03.causation.** Branches with higher satisfaction have higher repurchase. The
# regional manager wants to conclude that raising satisfaction by one level will raise
# repurchase by the same amount everywhere. What is the best reply?
# (a) correct, the regression shows it;
# (b) the data show an association; other differences between branches could explain part of
# it, so test the change in a few branches first;
# (c) wrong, satisfaction has no effect on repurchase.

# %% [markdown] tags=["zh-CN"]
# ## 负责任地解读结果
# *（10 分钟）*
#
# - **给区间，不只给一个点。**“忠诚度倍数 5.7”只是个标题；“5.7，95% 置信区间约为 4.6 到 7.1，依据的是最高两档的 420 位和 579 位客户”才是一个发现（这里只是关于模拟经销商的发现）。
# - **相关不等于因果。** 这些是调查数据，不是实验。很满意的客户回来，可能是因为满意，也可能是因为就住在隔壁（住得近也会让他们更满意）。只有有计划的改变（比如先在部分分店试点）才能说明一项措施到底有什么效果。
# - **忠诚指标各不相同。** 意向总会高估实际行为；有实际的再次购买数据，就用它。
# - **小组的数字波动大。** 比较各组时要带着区间（`cl.metrics.compare_groups`）。
# - **弄清数据从哪里来。** 模拟数据集说明的是一种方法能不能找回某人设定的真实值；只有真实客户的回答和行为，才能支撑关于客户的论断。
#
# **练习 03.causation。** 满意度高的分店，再购买率也高。区域经理想据此下结论：把满意度提高一级，各地的再购买率都会提高同样的幅度。最好的回答是哪一个？
# (a) 对，回归分析已经说明了这一点；
# (b) 数据显示的是相关；分店之间的其他差别可能解释了其中一部分，所以先在几家分店试行这项改变；
# (c) 不对，满意度对再购买没有任何影响。

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("03.causation", answer)

# %% [markdown]
# ## Putting it to work: three decisions
# *(15 min)*
#
# The three exercises below describe businesses that are not in the course data. Each asks for
# a decision a manager or an analyst meets in practice. Work alone for a few minutes, then
# compare answers with a neighbour before you run the checks.
#
# **Exercise 03.ipa_priority.** A chain of fitness clubs ran a driver analysis of its members'
# overall satisfaction, with the crosshairs of its IPA map at the average importance and the
# average performance of the five drivers:
#
# | driver | importance (share of R²) | performance (mean rating, 1–7) |
# |---|---|---|
# | (a) cleanliness of the changing rooms | 34% | 6.2 |
# | (b) friendliness of the front desk | 12% | 3.6 |
# | (c) waiting time for machines at peak hours | 31% | 4.1 |
# | (d) music and lighting | 8% | 5.0 |
# | (e) clarity of the fee schedule | 15% | 5.6 |
#
# The club has money for one improvement project. Which driver should it fix first?

# %% [markdown] tags=["zh-CN"]
# ## 学以致用：三个决策
# *（15 分钟）*
#
# 下面三道练习说的都是课程数据里没有的企业，每道题都是经理或分析人员在工作中真会碰到的决策。先自己做几分钟，再和邻座对一对答案，然后运行检查。
#
# **练习 03.ipa_priority。** 一家连锁健身俱乐部对会员的总体满意度做了驱动因素分析，重要性-绩效分析图的两条分界线分别位于五个驱动因素重要性的平均值和绩效的平均值：
#
# | 驱动因素 | 重要性（占 R² 的份额） | 绩效（平均评分，1–7） |
# |---|---|---|
# | (a) 更衣室是否干净 | 34% | 6.2 |
# | (b) 前台是否友好 | 12% | 3.6 |
# | (c) 高峰时段等器械的时间 | 31% | 4.1 |
# | (d) 音乐和灯光 | 8% | 5.0 |
# | (e) 收费标准是否清楚 | 15% | 5.6 |
#
# 俱乐部的钱只够做一个改进项目。应该先改哪一项？

# %%
answer = None

# %% tags=["solution"]
answer = "c"

# %%
cl.check("03.ipa_priority", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* The crosshairs are at 20% importance (100% / 5) and 4.9 performance
# (24.5 / 5). Waiting time is above the first and below the second: "concentrate here". Expect
# two wrong answers and use them: the changing rooms (the most important driver, but already
# performing well: "keep up the good work") and the front desk (the worst rating, but it moves
# satisfaction little in these answers: "low priority"). Then ask what the table does not say:
# importance here is association, so a pilot in a few clubs (more machines at peak hours, or a
# booking system) should show whether satisfaction actually rises.

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* 两条分界线分别在重要性 20%（100% / 5）和绩效 4.9（24.5 / 5）。等器械的时间重要性高于前者、绩效低于后者，属于“重点改进”。预计会有两种错误答案，正好拿来讨论：更衣室（最重要的因素，但已经做得很好：“继续保持”）和前台（评分最低，但在这些回答里对满意度影响不大：“低优先级”）。然后问学员：这张表没有告诉我们什么？这里的重要性说的是相关，所以应该先在几家俱乐部试点（高峰时段增加器械，或者上线预约系统），看满意度是不是真的提高了。

# %% [markdown]
# **Exercise 03.manager_claim.** A software company linked last year's satisfaction survey to
# the contract renewals of its 1,200 business customers. A logit model with the satisfaction
# levels as categories gives: of the customers who answered 4, 58% renewed (95% interval 52% to
# 64%); of those who answered 5, 83% renewed (79% to 87%). The head of customer success asks
# what she can tell the board. Which statement is right?
#
# (a) "Raising a customer from 4 to 5 raises their chance of renewing by 25 points; these are
# real customers, so this is the effect."
# (b) "The difference could be chance, so satisfaction does not matter for renewal."
# (c) "Customers who answered 5 are 25% more loyal, so every account manager should be paid
# for the share of customers answering 5."
# (d) "Customers who answered 5 renewed clearly more often than those who answered 4 (about
# 83% against 58%); how much of that gap a move from 4 to 5 would cause, the survey cannot
# say, because these customers may differ in other ways; a pilot could."

# %% [markdown] tags=["zh-CN"]
# **练习 03.manager_claim。** 一家软件公司把去年的满意度调查和 1,200 家企业客户的续约记录连在了一起。把满意度等级当作类别的逻辑回归给出：回答 4 分的客户中，58% 续了约（95% 置信区间 52% 到 64%）；回答 5 分的客户中，83% 续了约（79% 到 87%）。客户成功部的负责人问，她可以向董事会汇报些什么。下面哪一种说法是对的？
#
# (a)“把一位客户从 4 分提到 5 分，他续约的概率就会提高 25 个百分点；这些是真实客户，所以这就是效果。”
# (b)“这个差别可能是偶然的，所以满意度对续约并不重要。”
# (c)“回答 5 分的客户忠诚度高 25%，所以每位客户经理的报酬都应该和打 5 分的客户比例挂钩。”
# (d)“回答 5 分的客户续约明显多于回答 4 分的客户（约 83% 对 58%）；至于从 4 分提高到 5 分能带来多大的差距，这次调查说不出来，因为这些客户可能在别的方面也不一样；试点可以回答这个问题。”

# %%
answer = None

# %% tags=["solution"]
answer = "d"

# %%
cl.check("03.manager_claim", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* (a) reads an association as an effect: real data are necessary to say
# anything about customers, but they do not make a survey an experiment (larger customers, for
# example, may be both more satisfied and more likely to renew). (b) misreads the intervals:
# 52%–64% and 79%–87% do not overlap, and the difference is far from chance. (c) gets the
# arithmetic wrong (25 *points*, a ratio of about 1.4, not 25%) and ties pay to a survey
# answer, which invites staff to chase the score instead of the service (Campbell's law,
# notebook 02). (d) states what was found, with its size, and what would show the effect.

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* (a) 把相关当成了效果：要对客户下结论，真实数据是必要的，但真实数据并不会把调查变成实验（比如规模大的客户，可能既更满意，又更可能续约）。(b) 看错了区间：52%–64% 和 79%–87% 并不重叠，这个差别远不是偶然。(c) 算错了：差的是 25 个*百分点*，倍数约为 1.4，不是高 25%；而且把报酬和调查分数挂钩，会诱使员工去追分数，而不是改进服务（坎贝尔定律，见笔记本 02）。(d) 说清了发现了什么、差距有多大，以及用什么办法能测出效果。

# %% [markdown]
# **Exercise 03.model_choice.** A chain of gyms wants to relate satisfaction to five loyalty
# outcomes. For which of them is an **ordinal** (proportional-odds) model the right choice?
# Choose all that apply, for example `"a, d"`.
#
# (a) the money a member spends next year, in yuan;
# (b) whether the member renewed (yes or no);
# (c) the answer to "How likely are you to renew?": certainly not, probably not, not sure,
# probably, certainly;
# (d) which of the chain's three clubs the member visits most: north, centre or south;
# (e) the member's verdict on how a complaint ended: not resolved, partly resolved, fully
# resolved.

# %% [markdown] tags=["zh-CN"]
# **练习 03.model_choice。** 一家连锁健身房想研究满意度和五种忠诚结果之间的关系。哪几种结果适合用**有序**回归（比例优势模型）？选出所有符合的，写法如 `"a, d"`。
#
# (a) 会员明年的消费金额，以元计；
# (b) 会员是否续卡（是或否）；
# (c) 对“您续卡的可能性有多大？”的回答：肯定不会、可能不会、说不准、可能会、肯定会；
# (d) 会员最常去连锁店里的哪一家：北区、中心区还是南区；
# (e) 会员对一次投诉最终处理结果的评价：没有解决、部分解决、完全解决。

# %%
answer = None

# %% tags=["solution"]
answer = "c, e"

# %%
cl.check("03.model_choice", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* An ordinal model needs answers with a natural order whose steps are not
# measured distances: (c) and (e). Spending (a) is a number (OLS, perhaps on a log scale);
# renewal (b) is yes/no (logit). The three clubs (d) are categories without an order: an
# ordinal model would invent one (north < centre < south?) and give a different answer for
# each invented order; they need a multinomial model. A useful follow-up question: a 0–10
# recommendation score is ordered too; when is it fair to treat it as a number?

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示。* 有序回归要求回答有自然的先后顺序，而各档之间的距离又不是量出来的：(c) 和 (e)。消费金额 (a) 是数值（用普通最小二乘，也许先取对数）；是否续卡 (b) 是“是或否”（用逻辑回归）。三家店 (d) 是没有顺序的类别：用有序回归就得凭空编一个顺序（北区 < 中心区 < 南区？），而每编一种顺序，得到的答案都不一样；它们需要多项模型。可以再追问一句：0–10 分的推荐意愿也是有顺序的，什么时候可以把它当作数值来处理？

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Choose the model by the loyalty measure: OLS for scores, logit for yes/no, ordinal for
#   ordered answers; let satisfaction levels have their own effects.
# - The satisfaction–loyalty link can be steepest at the top: zones of defection, indifference
#   and affection; the top-box loyalty ratio quantifies it, with an interval.
# - A simulated dataset shows that a method recovers the truth built into it; the dealer's
#   "six times" was built in. A claim about customers needs real answers linked to real
#   behaviour (see the claim-check box "six times as loyal" in notebook 01).
# - Shapley importance shares explained variance fairly among correlated drivers; IPA turns it
#   into priorities; both describe association.
# - ACSI/ECSI path models estimate the whole chain; simulate to check what your sample can
#   detect.
# - Report intervals, and do not read survey associations as proof of cause.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 按忠诚指标选模型：分数用线性回归（普通最小二乘），是或否用逻辑回归，有顺序的回答用有序回归；让每个满意度等级有自己的效果。
# - 满意与忠诚的关系可能在最高处最陡：背离区、冷漠区和喜爱区；最高档忠诚度倍数把这一点量化出来，并且带着区间。
# - 模拟数据集说明的是一种方法能找回其中设定的真实值；经销商数据里的“六倍”就是设定进去的。关于客户的论断，需要真实的回答连上真实的行为（见笔记本 01 里关于“六倍忠诚”的论断核查框）。
# - Shapley 重要性把解释的变异公平地分给彼此相关的驱动因素；重要性-绩效分析把它变成优先次序；两者描述的都是相关。
# - 客户满意度指数的路径模型估计的是整条链；先做模拟，看看你的样本能检测出多大的效果。
# - 报告要给区间，不要把调查里的相关当作因果的证明。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("03")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("03")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("03")

# %% [markdown]
# ### Glossary (术语表)

# %% [markdown] tags=["zh-CN"]
# ### 术语表

# %%
cl.exercises.glossary("03", keys=False)
