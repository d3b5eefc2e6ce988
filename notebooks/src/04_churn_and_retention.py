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

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
pd.set_option("display.precision", 3)
cl.set_language("en")

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

# %%
telecom = cl.datasets.load("telecom_subscribers")
telecom[["subscriber_id", "start_date", "end_date", "tenure_months", "contract", "churned", "value_tier"]].head()

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

# %%
example = cl.churn.churn_rate(lost=45, customers=500)
example

# %%
example.percent

# %% [markdown]
# **Exercise 04.churn_rate.** 1,200 customers bought from a firm last year; 150 of them did
# not buy again this year. What is the churn rate, in percent? Fill in the blanks the way the
# worked example does.

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

# %%
100 * (1 - (1 - 0.03) ** 12), 100 * cl.churn.monthly_to_annual(0.03)

# %% [markdown]
# The churn explorer converts in both directions and shows the expected lifetime.

# %% tags=["nbval-ignore-output"]
cl.widgets.churn_explorer()

# %% [markdown]
# **Exercise 04.annual_churn.** Monthly churn is 2 %. What is the annual churn rate, in percent?

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

# %%
cl.churn.period_churn(telecom, "2024-01-01", "2024-12-31", customer="subscriber_id")

# %% [markdown]
# **Exercise 04.denominator.** A gym had 800 members on 1 January. During the year 240 new
# members joined. By 31 December, 96 of the members of 1 January had cancelled, and so had 54
# of the members who joined during the year. The manager's report says "churn 18.8 %: 150
# cancellations out of 800 members". Management wants the churn rate *of the members on the
# books on 1 January*. What is it, in percent?

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

# %%
telco = cl.datasets.load("telco_churn")
100 * (telco["Contract"] == "Month-to-month").mean()

# %% [markdown]
# **Exercise 04.telco_churn.** What percentage of the `telco_churn` customers churned?

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

# %%
members = cl.datasets.load("supermarket_members")
cohorts = cl.churn.cohort_table(members, customer="member_id", date="date", period="Q")
cohorts.rates

# %%
cl.plots.cohort_heatmap(cohorts)
plt.show()

# %% [markdown]
# In these simulated members every cohort loses about 30 % after its first quarter, and the
# losses then slow down: a steep early drop, then a slowly declining plateau. Real customers
# show the same shape, and a steeper one. The CDNOW customers (`cdnow`, real purchases of an
# online CD retailer's customers, all of whom first bought in January–March 1997) form a single
# quarterly cohort:

# %%
cdnow = cl.datasets.load("cdnow")
cl.churn.cohort_table(cdnow, customer="customer_id", date="date", period="Q").rates

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
by_tenure.round(1)

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

# %%
m, r, d = 100, 0.8, 0.10
years = np.arange(1, 6)
ledger = pd.DataFrame({"still a customer r^(t-1)": r ** (years - 1),
                       "expected margin": m * r ** (years - 1),
                       "discount factor 1/(1+d)^t": 1 / (1 + d) ** years}, index=pd.Index(years, name="year"))
ledger["present value"] = ledger["expected margin"] * ledger["discount factor 1/(1+d)^t"]
ledger

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
pd.DataFrame(comparison).T.rename_axis("retention")

# %% [markdown]
# The ratio is the retention rate itself: the two conventions differ only by whether the first
# year's margin is at risk. The sensitivity table, in the course's convention:

# %%
course_grid = cl.churn.clv_sensitivity(100.0, first_margin="certain")
course_grid.round(1)

# %% [markdown]
# Read the table down a column: at 5 % discount, raising retention from 0.8 to 0.9 raises
# lifetime value by two thirds, from 400 to about 667. Small retention gains are worth a lot.
#
# The CLV explorer uses the course's convention too, and subtracts the acquisition cost. Try
# it: what is a five-point retention gain worth per customer?

# %% tags=["nbval-ignore-output"]
cl.widgets.clv_explorer()

# %% [markdown]
# **Exercise 04.clv.** A gym member brings a margin of 500 a year, renews each year with
# probability 0.7, and the gym discounts at 8 % a year. With the course's convention and a
# five-year horizon, what is the member's CLV? Fill in the blanks; the line below them is the
# worked example's formula.

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

# %%
history = cl.churn.summary_from_transactions(
    cdnow, customer="customer_id", date="date", amount="amount", now="1998-06-30", period="W"
).table
bgnbd = cl.churn.fit_bgnbd(history["frequency"], history["recency"], history["T"])
pd.Series(bgnbd.params).round(3)

# %%
examples = history.head(5)
examples.assign(
    p_alive=bgnbd.p_alive(examples["frequency"], examples["recency"], examples["T"]),
    next_52_weeks=bgnbd.expected_purchases(52, examples["frequency"], examples["recency"], examples["T"]),
)[["frequency", "recency", "T", "p_alive", "next_52_weeks"]]

# %% [markdown]
# A customer who bought often but not for a long time has a low probability of being alive:
# a churn warning nobody sent. Multiplying expected purchases by a margin gives a
# customer-level lifetime value. `cl.churn.probabilistic_clv` does this month by month for the
# next year, with each customer's expected spend per purchase from a Gamma-Gamma model and a 1%
# monthly discount (Fader, Hardie and Lee, 2005):

# %%
repeat_buyers = history[history["monetary_value"] > 0]  # spend is modelled on paid repeat purchases
spend = cl.churn.fit_gamma_gamma(repeat_buyers["frequency"], repeat_buyers["monetary_value"])
value = cl.churn.probabilistic_clv(
    bgnbd, spend, history["frequency"], history["recency"], history["T"], history["monetary_value"],
    horizon=12, period_length=4.345, discount=0.01,
)
value.table.join(history[["frequency", "recency", "T"]]).nlargest(5, "clv").round(2)

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

# %%
cl.churn.retention_economics(customers=1000, retention=0.80, margin=100.0, gain=0.05, years=5)

# %% [markdown]
# With a margin that does not grow with tenure, five more points of retention give about 17 %
# more profit over five years: real money, but below Reichheld and Sasser's range, whose larger
# figures come from profit per customer rising the longer a customer stays.

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

# %%
lost = telecom[telecom["churned"]]
cl.segments.lost_customer_summary(lost, type="churn_type", value="monthly_fee")

# %%
pd.crosstab(lost["churn_reason"], lost["value_tier"])

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

# %%
actions = cl.segments.winback_priority(lost, tier="value_tier", reason="churn_reason")
lost[["subscriber_id", "churn_type", "churn_reason"]].join(actions).sort_values(["priority", "subscriber_id"]).head(8)

# %% [markdown]
# **Exercise 04.winback.** Which of these lost customers should the firm fight hard to win
# back? Choose all that apply, e.g. `"a, c"`.
# (a) a top-tier corporate account that left after your salesperson promised a delivery date
# the factory could not meet;
# (b) a low-value walk-in customer who now shops at a cheaper store;
# (c) a top-tier customer who moved abroad, where you have no branch;
# (d) a top-tier customer whose account you closed after two fraudulent warranty claims;
# (e) a top-tier customer who switched to a competitor's lower price.

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

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %%
cl.exercises.glossary("04")
