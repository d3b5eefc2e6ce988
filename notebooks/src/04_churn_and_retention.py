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
# 3. read a cohort table and a survival curve;
# 4. compute expected lifetime and customer lifetime value, and the economics of retention;
# 5. classify lost customers by type and churn factor, and decide win-back effort by value tier;
# 6. describe how loyalty is measured, what drives it, and the effects of loyal customers.

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
# *(10 min)*
#
# **Churn (客户流失)** is customers switching to another firm's products, for whatever reason.
# It applies to every kind of customer: new one-time buyers, long-standing customers,
# intermediaries (agents, distributors, wholesalers, retailers) and end customers. Two
# regularities are worth remembering: **old customers churn less than new ones**, and
# **intermediaries churn less than end customers** (switching a distributor is costly for both
# sides). The first is visible in the telecom subscribers: the risk of leaving is highest in
# the first months.

# %%
telecom = cl.datasets.load("telecom_subscribers")
telecom[["subscriber_id", "start_date", "end_date", "tenure_months", "contract", "churned", "value_tier"]].head()

# %% [markdown]
# ## Churn and retention rates: mind the denominator
# *(15 min)*
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

# %%
cl.churn.churn_rate(lost=150, customers=1200)

# %% [markdown]
# With real subscription data, `period_churn` counts the customers active at the start of the
# period as the denominator and reports the joiners separately, so the choice is visible.

# %%
cl.churn.period_churn(telecom, "2024-01-01", "2024-12-31", customer="subscriber_id")

# %% [markdown]
# Monthly and annual rates do not convert by multiplying by 12: a customer stays the year only
# by staying every month, so annual retention = (monthly retention)¹².

# %% tags=["nbval-ignore-output"]
cl.widgets.churn_explorer()

# %% [markdown]
# **Exercise 04.churn_rate.** 1,200 customers bought from a firm last year; 150 of them did
# not buy again this year. What is the churn rate, in percent?

# %%
answer = None

# %% tags=["solution"]
answer = 100 * cl.churn.churn_rate(lost=150, customers=1200).rate

# %%
cl.check("04.churn_rate", answer)

# %% [markdown]
# **Exercise 04.annual_churn.** Monthly churn is 2%. What is the annual churn rate, in percent?

# %%
answer = None

# %% tags=["solution"]
answer = 100 * cl.churn.monthly_to_annual(0.02)

# %%
cl.check("04.annual_churn", answer)

# %% [markdown]
# **Exercise 04.telco_churn.** In the real `telco_churn` dataset, what percentage of customers
# churned?

# %%
answer = None

# %% tags=["solution"]
answer = 100 * cl.datasets.load("telco_churn")["Churn"].mean()

# %%
cl.check("04.telco_churn", answer)

# %% [markdown]
# ## The four bases for identifying churn
# *(10 min)*
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
# supermarket's members joined in 2022; here is the share of each quarter's joiners still
# buying in each later quarter.

# %%
members = cl.datasets.load("supermarket_members")
cohorts = cl.churn.cohort_table(members, customer="member_id", date="date", period="Q")
cohorts.rates

# %%
cl.plots.cohort_heatmap(cohorts)
plt.show()

# %% [markdown]
# Every cohort loses about 30% after its first quarter; the losses then slow down. That
# pattern (a steep early drop, then a slowly declining plateau) is typical, and it is why
# on-boarding new customers well pays.
#
# The cohort explorer redraws the table for one store or one programme period, monthly or
# quarterly. *What if* we follow only the purchases in one store: is its early drop steeper
# than the others', and is that the store's fault or do members simply shop elsewhere too? How
# much noisier are monthly cohorts than quarterly ones? Then set the programme filter to
# "before" and "after": the cohorts stay the members' real acquisition months, and only the cells
# that fall before or after the July 2023 relaunch are shown. The "after" cells sit at older
# ages (every member joined in 2022), so why is comparing the two heatmaps cell by cell not a
# fair test of the programme? (Notebook 07 returns to this before/after trap.)

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
# Month-to-month customers leave far faster; the log-rank test in the summary says the
# difference is much larger than chance. It does not say the contract *causes* the
# difference: customers who expect to stay choose longer contracts.

# %% [markdown]
# ## Lifetime and customer lifetime value
# *(15 min)*
#
# With a constant churn rate *c* per period, the **expected lifetime** is 1/*c* periods
# (a 20% annual churn means five years on average). **Customer lifetime value (客户终身价值)**
# adds up the margins a customer brings while they stay, discounted to today. With margin *m*
# per year, retention *r* and discount rate *d* over an unlimited horizon, margins received at
# the end of each year by those still there (Gupta and Lehmann, 2003):
#
# $$\text{CLV} = \sum_{t=1}^{\infty} \frac{m\, r^{t}}{(1+d)^{t}} \;=\; \frac{m\,r}{1+d-r}.$$
#
# The package subtracts an acquisition cost when you give one.

# %%
cl.churn.customer_lifetime_value(margin=100.0, retention=0.8, discount=0.10, acquisition_cost=50.0)

# %%
cl.churn.clv_sensitivity(100.0)

# %% [markdown]
# Read the table down a column: raising retention from 0.8 to 0.9 nearly doubles lifetime
# value at 5% discount. Small retention gains are worth a lot. The widget lets you try it.

# %% tags=["nbval-ignore-output"]
cl.widgets.clv_explorer()

# %% [markdown]
# **Exercise 04.clv.** Use a five-year horizon and count the first year's margin in full:
# CLV = Σₜ₌₁⁵ m·r^(t−1)/(1+d)^t with margin m = 100 per year, retention r = 0.8 and discount
# d = 10%. What is the CLV?

# %%
answer = None

# %% tags=["solution"]
years = np.arange(1, 6)
answer = float(np.sum(100 * 0.8 ** (years - 1) / 1.10**years))

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
cdnow = cl.datasets.load("cdnow")
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
# Notebook 01 quoted the figures: acquiring a customer costs 4–6 times as much as keeping
# one, and loyal customers are far more profitable. `retention_economics` shows what a
# five-point gain in retention does to a base of 1,000 customers over five years.

# %%
cl.churn.retention_economics(customers=1000, retention=0.80, margin=100.0, gain=0.05, years=5)

# %% [markdown]
# ## Types of lost customers and churn factors
# *(10 min)*
#
# The materials classify lost customers into **six types**: those the firm dropped on purpose;
# those who left of their own accord; those poached by competitors; those attracted away by
# competitors; those forced to leave; and other. They list **eight churn factors**: core
# service failure, salesperson failure, price, inconvenience, the response to failures,
# competition, ethical problems, and involuntary churn (moving away, death, business closure).
# The telecom operator records both for every lost subscriber.

# %%
lost = telecom[telecom["churned"]]
cl.segments.lost_customer_summary(lost, type="churn_type", value="monthly_fee")

# %%
pd.crosstab(lost["churn_reason"], lost["value_tier"])

# %% [markdown]
# Price and competition dominate; but note the core-service and failure-response rows: those
# are the losses the firm could have prevented by itself.

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
# dissatisfaction, then a **targeted remedy**. The effort depends on the customer's class:
#
# | customer | effort |
# |---|---|
# | important value (high tier) | fight hard to win them back |
# | ordinary customers, and near-unavoidable losses | case by case |
# | small customers | basically give up |
# | customers who cost more than they bring, or behave unethically | give up completely |

# %%
actions = cl.segments.winback_priority(lost, tier="value_tier", reason="churn_reason")
lost[["subscriber_id", "churn_reason"]].join(actions).sort_values(["priority", "subscriber_id"]).head(8)

# %% [markdown]
# **Exercise 04.winback.** A high-value subscriber left after a salesperson failure. What does
# the win-back rule recommend? (a) fight hard to win them back; (b) decide case by case;
# (c) let them go.

# %%
answer = None

# %% tags=["solution"]
answer = "a"

# %%
cl.check("04.winback", answer)

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
# **Classification of loyalty**: combining high/low attitude with high/low repeat buying gives
# four kinds: true loyalty (both high), latent loyalty (attitude without buying, e.g. a fan who
# cannot afford it), spurious loyalty (buying without attitude) and no loyalty.

# %% [markdown]
# ## Summary
#
# - Churn rate = lost ÷ customers who bought; always state the period and the denominator;
#   retention = 1 − churn; annual rates compound from monthly ones.
# - Identify churn on four bases: customers, market share, revenue, competitive position.
# - Cohorts and survival curves show *when* customers leave; censoring must be handled.
# - Lifetime = 1/churn; CLV = m·r/(1+d−r) under constant rates; small retention gains are
#   worth a lot.
# - Classify losses by type and factor; prevent with quality, complaints, staff and
#   organisation; win back by value tier.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("04")
