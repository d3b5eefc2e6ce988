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
# # 01 · Satisfaction theory (客户满意理论)
#
# **Time:** about 90 minutes (each section gives its share).
#
# **After this notebook you will be able to**
# 1. say who the customer is, in the words of the service credo and in the narrow and wide
#    definitions; tell internal from external customers, and consumers from customers;
# 2. explain satisfaction as the gap between expectation and experience, and name the five
#    satisfaction levels in English and Chinese;
# 3. draw the chain from service standards to loyalty, and explain why a "satisfied" customer
#    is not yet a loyal one;
# 4. put a number on what a customer is worth over a lifetime, and on the 80/20 rule;
# 5. sort product features with the Kano model and service quality with SERVQUAL gaps.

# %%
# %matplotlib inline
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
pd.set_option("display.precision", 3)
cl.set_language("en")

# %% [markdown]
# ## Who is the customer, really? (客户到底是谁?)
# *(5 min)*
#
# The satisfaction chapter of the training materials does not open with a definition but with
# a credo: a handful of statements that service staff are meant to carry to the counter.
# In our words:
#
# 1. The customer is **the most important person in the business**, whether they come in,
#    call or write.
# 2. The customer is **not dependent on us; we are dependent on them**.
# 3. The customer is **not an interruption of our work but its purpose**: the work exists
#    because the customer does.
# 4. The customer is not someone to argue with or outwit: the moment we win the argument is the
#    moment we lose the customer.
# 5. The customer comes to get something they want and, in doing so, brings us what we want.
# 6. The customer brings us their needs; our job is to meet them in a way that leaves the
#    customer better off.
#
# The same page adds a string of slogans: the customer is "God" (上帝),
# the one who feeds and clothes us (衣食父母), our president (总裁), the reason the company
# exists and the source of its profit. Versions of the credo circulate on posters, sometimes
# credited to famous people; no reliable source backs those credits, so present it as a
# service credo, not as a quotation.
#
# Statement 4 comes back as the first principle of complaint handling (notebook 06), and
# statement 3 is the one most often broken: the customer who walks up while staff are doing
# paperwork.
#
# *In class:* ask each participant to pick the statement that is hardest to live by on a busy
# day, and to rewrite it as a behaviour an observer could see (for statement 3: "when a
# customer approaches, I stop the paperwork and greet them within ten seconds"). Collect the
# behaviours on the board; they are the seeds of the service standards later in this notebook.

# %% [markdown]
# ## Who the customer is (客户的含义)
# *(10 min)*
#
# In the narrow sense a customer is **the person who buys our goods or receives our service**.
# Training materials widen this on purpose: a customer is **anyone we deal with** in our work.
#
# - **External customers (外部客户)** are buyers and users outside the organisation.
# - **Internal customers (内部客户)** are colleagues served by colleagues: the warehouse is the
#   customer of the order desk, the front line is the customer of the IT help desk. A team that
#   is badly served inside the firm passes the problem on, so raising internal satisfaction is one
#   of the surest ways to raise external satisfaction.
#
# A **consumer (消费者)** is anyone who uses a product category: everybody who drinks coffee. A
# consumer becomes **our customer (客户)** only by coming to *us*. The difference matters for
# measurement: a satisfaction survey reaches customers; market research reaches consumers,
# including the ones who never chose us.
#
# **Exercise 01.internal_customer.** Which of these is an *internal* customer of a hotel's
# housekeeping team?
# (a) a guest who asks for extra towels; (b) the front-desk clerk who needs rooms released
# on time; (c) the laundry company that washes the sheets; (d) a travel agent booking rooms.

# %%
answer = None  # a letter, e.g. "a"

# %% tags=["solution"]
answer = "b"  # a colleague who depends on housekeeping's work; (c) is a supplier, (a) and (d) external

# %%
cl.check("01.internal_customer", answer)

# %% [markdown]
# ## Satisfaction as expectation–disconfirmation (客户满意度)
# *(15 min)*
#
# **Customer satisfaction (客户满意度)** is the attitude a customer forms by comparing what they
# expected before the purchase (事前期待, 客户期望) with what they perceived afterwards
# (实际感受). Researchers call this the *expectation–disconfirmation* model (Oliver, 1980):
#
# - perceived result **above** expectation → delighted (expectations exceeded);
# - perceived result **equal** to expectation → satisfied;
# - perceived result **below** expectation → dissatisfied.
#
# The stated goal of service work follows directly: what the customer gets afterwards should be
# more than what they expected beforehand (事后获得 > 事先期望). Note the two levers: you can
# raise performance, and you can avoid promising more than you deliver.
#
# `cl.survey.disconfirmation` turns pairs of expectation and perception ratings (both on the
# same 5-point scale) into the gap and the satisfaction level it implies.

# %%
pairs = pd.DataFrame({"expectation": [3, 4, 5, 5, 4], "perception": [5, 4, 4, 2, 5]})
result = cl.survey.disconfirmation(pairs["expectation"], pairs["perception"])
pairs.assign(gap=result.gap, level=result.level, label=result.label)

# %% [markdown]
# Read the rows: the fourth customer expected the best and got a 2; the gap of −3 puts them at
# "very dissatisfied" even though a 2 would be "dissatisfied" on its own. The same
# performance pleases one customer and disappoints another, because their expectations differ.
#
# Try it with the explorer: set an expectation and a perception and read the level. Then ask
# the class what the firm could change: the perception, or the expectation?

# %% tags=["nbval-ignore-output"]
cl.widgets.disconfirmation_explorer()

# %% [markdown]
# **Exercise 01.disconfirmation.** A customer expected a 4 and perceived a 5. Which outcome does
# the model predict? (a) dissatisfied; (b) satisfied; (c) delighted.

# %%
answer = None

# %% tags=["solution"]
answer = "c"  # perceived above expected: expectations exceeded

# %%
cl.check("01.disconfirmation", answer)

# %% [markdown]
# ## The five satisfaction levels (五级满意度)
# *(5 min)*
#
# Service surveys in Chinese usually ask for one of five verbal levels (五级): 很满意
# *very satisfied*, 满意 *satisfied*, 基本满意 or 一般 *basically satisfied / neutral*,
# 不满意 *dissatisfied*, 很不满意 *very dissatisfied*. The package stores them as the scale
# `satisfaction5` with codes 1 to 5, so that every table can show either language.

# %%
levels = cl.scales.get("satisfaction5")
pd.DataFrame({"code": levels.values, "English": levels.labels("en"), "中文": levels.labels("zh-CN")})

# %% [markdown]
# ## What satisfaction is like
# *(5 min)*
#
# - **Subjective:** it lives in the customer's head, so two customers rate the same visit
#   differently.
# - **Dynamic:** expectations rise with every good experience and with every competitor's
#   offer; yesterday's delight is today's standard.
# - **Multi-dimensional:** customers judge product quality, staff attitude, price and delivery
#   speed separately, and a weak dimension can spoil a strong one.
# - **Important:** it drives loyalty, referrals and complaints, as the rest of the course shows.
#
# Two practical consequences. Small fluctuations from survey to survey are normal (notebook 02
# shows how large they are for a given sample), and a score of 100% is not reachable. The aim is
# not perfection but a *mechanism*: one that keeps most customers at "satisfied" or "very
# satisfied" and recovers quickly when something goes wrong.

# %% [markdown]
# ## From service standards to loyalty (服务标准 → 客户期望 → 客户满意 → 客户忠诚)
# *(10 min)*
#
# The training materials describe a chain:
#
# **service standards (服务标准) → customer expectations (客户期望) → satisfaction (客户满意) →
# loyalty (客户忠诚)**.
#
# Standards set what the firm promises and what staff deliver; promises and past experience
# shape expectations; delivery against expectations produces satisfaction; repeated satisfaction
# produces loyalty. **Loyalty is the core goal**: satisfaction alone is not enough, because a
# merely satisfied customer still compares offers and still leaves for a better one.
#
# ### What customers of a car dealer expect
#
# Expectations become concrete when written down. For an automobile dealer the lists are:
#
# | at the sale | at repair and service |
# |---|---|
# | respect and attention from the moment they arrive | quick and convenient service |
# | professional help in choosing | promises kept (time, price, work done) |
# | time to think, without pressure | a clear, itemised explanation and a cost estimate beforehand |
# | proactive follow-up when they hesitate | repair done on time and professionally |
# | a relaxed price negotiation | a follow-up call after the repair |
# | a call after delivery asking whether they are fully satisfied | advice on maintenance |
#
# Each line can become a survey item, a service standard and a training topic. Notebook 03 asks
# which of them drive overall satisfaction most, and notebook 07 writes up the dealer's survey.

# %% [markdown]
# ## Satisfaction and loyalty are not linear
# *(15 min)*
#
# In competitive industries the loyalty curve over the five satisfaction levels is strongly
# non-linear. A much-quoted finding is that **completely satisfied customers are six times as
# loyal as merely satisfied ones**: the big step in repurchase is between a 4 and a 5, not
# between a 2 and a 3. Behaviour differs by level:
#
# - **loyal (very satisfied) customers** buy everything of that kind from you;
# - **satisfied customers** still buy some of it elsewhere;
# - **dissatisfied customers** warn family and friends away.
#
# The practical lesson: moving customers from "satisfied" to "very satisfied" pays more than
# moving them from "dissatisfied" to "neutral", and a report that only gives the share
# "satisfied or better" hides the difference.
#
# The car dealer's customers (dataset `auto_dealer`, used again in notebook 03) show the
# pattern: for each overall satisfaction level, the share who came back to the dealer within
# two years.

# %%
dealer = cl.datasets.load("auto_dealer")
dealer.groupby("overall_satisfaction", observed=True)["repurchase"].agg(["size", "mean"]).rename(
    columns={"size": "customers", "mean": "share who came back"}
)

# %% [markdown]
# **Exercise 01.loyalty_ratio.** How many times as likely to come back are the customers who
# scored 5 as those who scored 4? Divide the two shares in the table (or compute them
# yourself).

# %%
answer = None

# %% tags=["solution"]
share = dealer.groupby("overall_satisfaction", observed=True)["repurchase"].mean()
answer = share.loc[5] / share.loc[4]

# %%
cl.check("01.loyalty_ratio", answer)

# %% [markdown]
# In these data the answer is close to the "six times" of the training materials. Notebook 03
# puts a confidence interval on it and models the whole curve.

# %% [markdown]
# ## Customer lifetime value (终身价值)
# *(10 min)*
#
# An old joke: a young lawyer joins his father's practice and, within days, settles a case his
# father had kept going for years. Proudly he tells his father, who replies: "That case paid for
# your tuition." Behind the joke is the idea of **customer lifetime value (终身价值)**: a
# customer is not one sale but the whole stream of business they bring while they stay.
#
# Ford once estimated that **one car buyer is worth at least USD 300,000** over a lifetime of
# cars, service, parts and financing. Notebook 04 computes lifetime value properly, with the
# chance of leaving and discounting; here the simplest version shows the idea: margin per year,
# the share who stay each year, and an interest rate.

# %%
cl.churn.customer_lifetime_value(margin=500.0, retention=0.85, discount=0.08)

# %% [markdown]
# **Exercise 01.ford_lifetime.** Suppose Ford's figure holds and a dealer loses 12 buyers a year
# through poor service. How much lifetime value, in USD, walks out of the door each year?

# %%
answer = None

# %% tags=["solution"]
answer = 12 * 300_000

# %%
cl.check("01.ford_lifetime", answer)

# %% [markdown]
# ## The 80/20 rule (80/20法则)
# *(10 min)*
#
# The 80/20 rule says that about **80% of sales come from about 20% of customers**: the loyal
# core. Lose that core and you lose most of the business, which is why the course keeps coming
# back to loyalty rather than to average satisfaction. The exact split differs by business; the
# real telecom customers in `telco_churn` show how concentrated revenue is there.

# %%
telco = cl.datasets.load("telco_churn")
revenue = telco["TotalCharges"].dropna().sort_values(ascending=False)
top_fifth = revenue.iloc[: int(np.ceil(0.2 * len(revenue)))]
print(f"Top 20% of customers bring {top_fifth.sum() / revenue.sum():.1%} of total charges")

# %% [markdown]
# Here the top fifth brings far less than 80%: a subscription business with similar monthly
# fees is less concentrated than a retailer with a few big buyers. The rule is a warning to
# look, not a law; notebook 05 draws the full Lorenz curve and computes the Gini coefficient.

# %% [markdown]
# ## Keeping customers costs less than winning them
# *(5 min)*
#
# Two figures are repeated throughout the training materials:
#
# - acquiring a new customer costs **4–6 times** as much as keeping an existing one;
# - the profit from brand-loyal customers is about **9 times** that from non-loyal ones.
#
# The exact multiples vary by industry and by study, but the direction is stable and is the
# economic case for everything in notebooks 04 to 06.
#
# **Exercise 01.replacement_cost.** Keeping a customer costs 50 a year; winning a new one costs
# 5 times as much. A shop loses 200 customers and replaces each with a new one. How much more
# does replacing them cost than keeping them would have?

# %%
answer = None

# %% tags=["solution"]
answer = 200 * (5 * 50 - 50)

# %%
cl.check("01.replacement_cost", answer)

# %% [markdown]
# ## How to raise satisfaction
# *(10 min)*
#
# The materials list six ways, from the boardroom to the front line:
#
# 1. **Make it strategy**: satisfaction targets belong in the business plan, not only in the
#    service department.
# 2. **Customer-centred thinking**: design processes from the customer's side of the counter.
# 3. **Build a customer database**: you cannot remember preferences you never recorded (the
#    carrot-juice case in notebook 07 shows what recording makes possible).
# 4. **Communication and care**: thank customers, remind them, and consult them at the moments
#    that matter: right after the purchase, at the end of the product's service life, and
#    when their situation of use changes.
# 5. **Staff service quality**: the customer meets the firm through its people.
# 6. **Training and incentives** tied to satisfaction targets, so that staff are rewarded for
#    what customers value.
#
# *Discussion:* which of the six does your own organisation do least, and what would the first
# step be?

# %% [markdown]
# ## Customer quality indicators (客户质量指标)
# *(5 min)*
#
# How good is a customer? The article on customer quality proposes six indicators:
# purchase frequency (购买频率), purchase amount (购买金额), satisfaction, repurchase rate
# (再购买率), referral rate (推荐率) and brand favourability (品牌好感度).
# They map onto the tools of this course: frequency and amount are the F and M of RFM
# (notebook 05), satisfaction is CSAT (notebook 02), repurchase is the loyalty outcome of
# notebook 03, and referral is what the Net Promoter Score asks about.

# %% [markdown]
# ## Kano: not every feature pleases the same way
# *(10 min)*
#
# Noriaki Kano (1984) observed that product and service features do not all relate to
# satisfaction in the same way. He asked two questions per feature: how would you feel if it
# were present (functional), and if it were absent (dysfunctional)? The pair of answers sorts
# the feature into a category:
#
# | category | present | absent | example at a hotel |
# |---|---|---|---|
# | must-be (必备) | taken for granted | very dissatisfied | clean sheets |
# | one-dimensional (期望) | more is better | less is worse | speed of check-in |
# | attractive (魅力) | delight | no complaint | your favourite drink waiting in the room |
# | indifferent (无差异) | no effect | no effect | the brand of the lift |
# | reverse (反向) | some dislike it | some prefer it absent | loud lobby music |
#
# The model explains the disconfirmation idea from the feature side: must-be features can
# only cause dissatisfaction, attractive ones can only delight, and today's attractive feature
# becomes tomorrow's must-be. Notebook 02 scores a Kano survey with Better/Worse coefficients.
#
# The Kano explorer classifies one guest's pair of answers with Kano's evaluation table and
# places the chosen feature of the hotel survey on the Better/Worse chart (ringed). *What if*
# questions to try in class: which answer pair makes a feature must-be (try "Must-be" if
# present and "Dislike" if absent)? Which pair makes it attractive ("Like" if present,
# "Neutral" if absent)? Then pick the feature `remembered_preferences` and ask why a hotel
# would invest in something that nobody misses when it is absent.

# %% tags=["nbval-ignore-output"]
cl.widgets.kano_explorer()

# %% [markdown]
# ## SERVQUAL: service quality as a gap
# *(10 min)*
#
# Parasuraman, Zeithaml and Berry (1988) measured service quality as the gap between
# perception and expectation, item by item, on five dimensions: **reliability** (doing what was
# promised), **responsiveness** (willingness and speed), **assurance** (competence and
# courtesy), **empathy** (individual attention) and **tangibles** (premises, equipment,
# appearance). It is the expectation–disconfirmation idea applied to a questionnaire: each
# customer rates both what they expect of an excellent firm and what they found, and a
# negative gap shows where the service falls short. The same function as above scores each
# pair; averaging the gaps by dimension gives the SERVQUAL profile.

# %%
servqual = pd.DataFrame(
    {
        "dimension": ["reliability", "responsiveness", "assurance", "empathy", "tangibles"],
        "expectation": [5, 5, 4, 4, 3],
        "perception": [4, 3, 4, 5, 3],
    }
)
gaps = cl.survey.disconfirmation(servqual["expectation"], servqual["perception"])
servqual.assign(gap=gaps.gap, level=gaps.label)

# %% [markdown]
# In this one customer's answers, responsiveness is where the service falls furthest short,
# while empathy exceeds expectation. With many customers, the averages and their confidence
# intervals (`cl.survey.gap_scores`) show which shortfalls are real and which are noise.

# %% [markdown]
# ## Summary
#
# - The credo: the customer is the most important person in the business, we depend on them,
#   and they are the purpose of our work, not an interruption of it.
# - A customer is anyone we serve; internal customers matter because their service becomes
#   the external customer's service.
# - Satisfaction is the gap between perceived result and prior expectation; the goal is
#   事后获得 > 事先期望, and the five verbal levels run from 很不满意 to 很满意.
# - Standards shape expectations, expectations frame satisfaction, satisfaction builds loyalty,
#   and loyalty is the goal; the link from satisfaction to loyalty is steepest at the top.
# - A customer is worth a lifetime of business; keeping one costs far less than winning one,
#   and a minority of customers brings most of the revenue.
# - Kano shows that features please in different ways; SERVQUAL turns expectations and
#   perceptions into measurable gaps.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("01")
