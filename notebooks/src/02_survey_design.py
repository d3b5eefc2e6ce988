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
# # 02 · Measuring satisfaction: the survey cycle (满意度调查)
#
# **Time:** about 120 minutes.
#
# **After this notebook you will be able to**
# 1. walk through the twelve steps of a satisfaction measurement cycle, choose indicators, and
#    choose survey methods by cost, speed, depth, response and the customer's convenience;
# 2. tell a good survey question from a bad one, and pick a scale;
# 3. compute CSAT, top-box, NPS and CES with confidence intervals;
# 4. decide how many responses a survey needs, and how precise a given sample is;
# 5. read real exports (Qualtrics, SPSS, a Chinese GBK CSV), clean them with a report of every
#    change, and check a scale's reliability;
# 6. fill in a survey summary report, and place it in the outline of ISO 10004;
# 7. say why a bonus tied to a complaint rate or a survey score invites gaming, and what to
#    reward instead.

# %%
# %matplotlib inline
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
pd.set_option("display.precision", 3)
cl.set_language("en")

# %% [markdown]
# ## The twelve-step measurement cycle
# *(10 min)*
#
# A satisfaction survey is not an event but a cycle. The training materials give twelve steps:
#
# 1. **Define the indicators**: product quality, price, delivery speed, customer service,
#    after-sales service.
# 2. **Design the questionnaire**: short, targeted, easy to tabulate.
# 3. **Collect data through several channels** (online, phone, face to face), so that no
#    single channel's bias dominates and the result is objective.
# 4. **Analyse**: scores, strengths and weaknesses, and the reasons behind comments.
# 5. **Plan improvements** from the weak points.
# 6. **Implement them, and survey again** to see whether they worked.
# 7. **Evaluate regularly**: quarterly or half-yearly, so trends become visible.
# 8. **Train staff** on what the results say.
# 9. **Tie incentives** to the targets (建立激励机制); read the claim check below before you
#    teach this step.
# 10. **Keep feedback channels open** between surveys.
# 11. **Prevent problems before they happen**, using what complaints and comments reveal.
# 12. **Use analytics tools**, which is what the rest of this course does.
#
# Steps 1–4 and 7 are measurement; the others turn measurement into management. A survey that
# stops at step 4 has cost money and changed nothing.
#
# > **Claim check: targets tied to bonuses**
# >
# > - **Where it comes from:** management advice in the handouts, not a study: bind staff
# >   appraisal to satisfaction results (把满意度考核和激励绑定), for example a bonus when a
# >   service hotline's complaint rate (投诉率) stays below 10 %. No source or data are given for
# >   the 10 %. The warning against such schemes is older than the advice: Campbell (1979,
# >   "Assessing the impact of planned social change", *Evaluation and Program Planning* 2(1))
# >   argued that the more a number is used to make decisions about people, the more it is
# >   corrupted, and the more it distorts the work it was meant to describe (Campbell's law);
# >   Goodhart (1975, *Papers in Monetary Economics*, Reserve Bank of Australia) observed the
# >   same of monetary targets.
# > - **What it measured:** nothing: the 10 % is an illustration, and no firm or result is
# >   named. Campbell and Goodhart generalised from social programmes and monetary policy, not
# >   from customer service.
# > - **What later evidence says:** targets change behaviour, not always the intended one.
# >   Bevan and Hood (2006, *Public Administration* 84(3)) documented gaming of the English
# >   NHS targets: in 2004/05 hospitals officially reported 96 % of emergency patients spending
# >   under four hours in A&E, while a national patient survey put it at 77 %. Kerr (1975,
# >   "On the folly of rewarding A, while hoping for B", *Academy of Management Journal* 18(4))
# >   collects cases of organisations that pay for one behaviour while hoping for another.
# >   The seed's own example shows how: a bonus for a low complaint rate rewards fewer
# >   *recorded* complaints, so staff can discourage customers from complaining, leave
# >   complaints unlogged or file them as "enquiries"; a bonus for survey scores invites
# >   cherry-picking who gets surveyed and coaching customers to give top scores ("anything
# >   below 5 counts as a fail for me"). The number improves, the service does not, and the
# >   complaints that notebook 06 treats as the firm's best source of improvement disappear.
# > - **How to present it:** keep the aim (staff should care whether customers are satisfied),
# >   not the mechanism. Reward improvement actions (a root cause fixed, every complaint called
# >   back within the promised time) and measures that are audited; count complaints from
# >   several channels (hotline, e-mail, online reviews, stores) and never pay for a falling
# >   complaint count on its own; keep survey sampling and sending out of staff hands (the
# >   system draws the customers at random); and watch for the signs of gaming: logged
# >   complaints that fall suddenly, scores that pile up at the top box, one team with far
# >   fewer low scores than the others.

# %% [markdown]
# ## Choosing indicators
# *(5 min)*
#
# Beyond the survey itself, service management watches several **measurement indicators of
# satisfaction**: survey feedback scores; complaint handling efficiency (how fast complaints are
# answered, notebook 06); the **renewal rate (客户续约率)** of contracts; loyalty (repurchase and
# recommendation, notebook 03); and public reviews. Each has blind spots: surveys hear only
# those who answer, complaints only those who bother, renewals only contract customers. Use
# more than one.
#
# For the questionnaire, each indicator becomes one or more questions. The course's tracking
# survey, `csat_tracker`, asks an overall satisfaction question (CSAT), the recommendation
# question (NPS), the effort question (CES) and six service items.

# %%
cl.datasets.describe("csat_tracker").columns

# %% [markdown]
# ## Survey methods and their trade-offs
# *(15 min)*
#
# Step 3 of the cycle says "several channels". The training materials name four ways of
# hearing from customers: **regular interviews (定期面谈)**, **phone surveys (电话调查)**,
# **online questionnaires (在线问卷)** and **complaint feedback (客户投诉反馈)**. Interviews
# and phone calls both talk to the customer directly; interviews give the fullest picture of
# one customer, phone surveys gather many answers quickly; online questionnaires have become
# the most convenient way to collect opinions on products, service and after-sales support now
# that almost everyone is online; complaints arrive unasked and are a valuable source, but only
# if they are handled promptly and used to improve the product. No method is best in general:
# the materials say to choose by **the firm's resources and the customer's convenience**, to fit
# the method to the firm and its industry, and to read survey results next to other data such
# as sales and complaints. Their survey report template (the last section of this notebook)
# does exactly that: online questionnaires sent through the website, social media and e-mail
# for the broad picture, and phone or face-to-face interviews (电话访谈、面对面访谈) with
# selected important and representative customers, each counted separately.
#
# The table is a rule of thumb for that choice, not a measurement; fill it in for your own
# customers.
#
# | method | cost per answer | speed | depth | response | convenience for the customer | use it for |
# |---|---|---|---|---|---|---|
# | regular interviews (定期面谈) | high: staff time, travel | slow | deep: follow-up questions, examples, the customer's own words | high once an appointment is agreed | low: it takes their time | key accounts, business customers, finding out *why* |
# | phone surveys (电话调查) | medium | fast | medium: short follow-ups are possible | often low: many people ignore unknown numbers | medium: it interrupts them | many customers soon after a visit or repair |
# | online questionnaires (在线问卷) | low | fast | shallow: fixed questions and short comments | often low, and those who answer choose themselves | high: any time, any device | large customer bases, tracking waves |
# | complaint feedback (客户投诉反馈) | almost none | continuous | deep, but only on failures | not a sample: only those who complain | high if the channel is easy to find | finding what goes wrong; never a satisfaction score |
#
# Two cautions. **Mixing methods changes the answers**: people tend to give a friendlier rating
# to a person than to a form. In a satisfaction survey of 8,999 US households, Dillman et al.
# (2009, *Social Science Research* 38(1)) found that those answering by telephone or by an
# automated voice system gave the most positive answer more often than those answering by mail
# or on the web. So compare waves only within one method, or report each method separately
# (the summary report template below also counts questionnaires and interviews separately).
# And **cheap answers are not free of error**: a budget buys very different sample sizes by
# method. With invented prices, say the same money pays for 50
# interviews, 300 phone interviews or 1,500 online answers:

# %%
pd.DataFrame(
    {
        "method": ["regular interviews", "phone survey", "online questionnaire"],
        "answers for the same budget (illustrative)": [50, 300, 1500],
        "margin of error (points)": [100 * cl.survey.margin_of_error(n) for n in [50, 300, 1500]],
    }
)

# %% [markdown]
# The online survey wins on the margin of error, but that margin covers sampling error only.
# If one customer in ten answers and the answers come mostly from the very pleased and the very
# angry, the bias can be larger than the whole margin (the sampling section below returns to
# response rates). The 50 interviews are not a precise percentage at all; they are worth doing
# for the reasons behind the numbers.
#
# *In class:* in small groups, choose a mix of methods for each case and justify it by
# resources and the customer's convenience: (1) a car dealer that sells 600 cars a year and
# has one service manager to run the survey; (2) a software supplier with 40 business
# customers; (3) a supermarket chain with 5,000 loyalty members, most with an e-mail address
# on file. Which numbers would each report, and which method would they never use for a
# satisfaction score?
#
# **Exercise 02.survey_method.** A county bus company runs 12 routes and carries about 3,000
# passengers a day, many of them elderly villagers who pay cash on board and do not use
# smartphones. It keeps no list of passengers' phone numbers or e-mail addresses and has no
# call centre; its two ticket inspectors ride the routes every day, and the office can spare a
# few hours a week. The manager wants a satisfaction score for every route twice a year, and
# wants to hear what passengers would change. Which main method fits the company's resources
# and its passengers' convenience best? Answer with a letter.
#
# (a) an online questionnaire behind a QR code posted at every stop and inside every bus;
# (b) a phone survey of passengers, run by the office staff;
# (c) short face-to-face interviews on board by the two inspectors, with a printed card of
#     five questions, on trips that the office draws at random for every route;
# (d) the number of complaints about each route received at the depot.

# %%
answer = None  # a letter, in quotes

# %% tags=["solution"]
answer = "c"

# %% [markdown] tags=["solution"]
# **Trainer note, 02.survey_method.** Model answer: (c). Walk through the options by the two
# criteria the materials give. *Resources:* the inspectors are already on the buses, so the
# interviews cost a few minutes per trip; the office's few hours go into drawing the trips at
# random and typing in the cards. *Convenience:* passengers are seated with time to spare and
# need no phone, no internet and no skill with forms. (a) is cheap but leaves out the elderly
# who do not use smartphones, and those who do scan the code choose themselves; (b) has no
# numbers to call; (d) is worth reading for *what* goes wrong, but it is not a sample and gives
# no score per route. Give credit to learners who also name the weak points of (c): passengers
# may rate more kindly to a person in uniform, so the card should be read out neutrally, and
# the inspectors must not choose whom to ask (every third passenger, say, on the drawn trips);
# and the complaint log is still read beside the interviews, as the materials advise.

# %%
cl.check("02.survey_method", answer)

# %% [markdown]
# ## Writing questions: good and bad examples
# *(15 min)*
#
# | bad question | what is wrong | better |
# |---|---|---|
# | "How satisfied were you with our friendly and fast staff?" | leading (assumes friendly) and double-barrelled (friendly *and* fast) | two questions: "How satisfied were you with the staff's courtesy?", "...with the speed of service?" |
# | "Don't you agree our prices are fair?" | leading; invites "yes" | "How do you rate our prices for what you get?" (very poor … very good) |
# | "How often do you use our product?" (never / sometimes / often) | vague categories mean different things to different people | "In the last 30 days, how many times did you use it?" (0, 1–2, 3–5, 6+) |
# | "Rate the CRM touchpoint efficacy" | jargon | "How easy was it to reach the right person?" |
# | "How satisfied are you?" with options 1–4 only | no neutral point, so undecided respondents are forced | use a 5-level scale with a labelled middle |
#
# Rules of thumb: one idea per question; words the customer uses; a time frame; a balanced
# scale with every point labelled; the overall question before the detailed ones (so details
# do not colour the overall judgement); and as short as possible.
#
# **Exercise 02.double_barrelled.** A restaurant chain's draft questionnaire has these four
# questions. Which one is double-barrelled? Answer with a letter.
#
# (a) "How satisfied are you with the time between ordering and delivery?";
# (b) "Don't you agree that our delivery is fast?";
# (c) "In the last month, how many times did you call our service line?";
# (d) "How satisfied are you with the price and quality of the meals?"

# %%
answer = None  # a letter, in quotes

# %% tags=["solution"]
answer = "d"  # price and quality are two judgements in one question

# %%
cl.check("02.double_barrelled", answer)

# %% [markdown]
# **Exercise 02.rewrite_question.** A hotel's guest survey asks:
#
# > "Don't you agree our friendly staff and fast check-in made your stay excellent?"
# >
# > （中文版：“您难道不认为我们友好的员工和快速的入住手续让您的住宿非常棒吗？”）
#
# Name to yourself everything that is wrong with it, then rewrite it as a fair question that
# the hotel can use, in English or in Chinese. If it needs more than one question, write them
# one after the other, each ending with a question mark. You may add the answer scale in
# brackets after the question.

# %%
answer = None  # your question, between quotes: "..."

# %% tags=["solution"]
answer = ("How satisfied or dissatisfied were you with the speed of check-in? "
          "(very dissatisfied / dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied)")

# %% [markdown] tags=["solution"]
# **Trainer note, 02.rewrite_question.** The original has four faults: it is *leading* ("Don't
# you agree" pushes towards yes), *loaded* (it praises what it asks about: friendly, fast,
# excellent), *double-barrelled*, in fact triple (staff, check-in and the stay as a whole in
# one question), and it offers no scale (a yes/no to a compliment).
#
# Model answers (any one of them, or a set of them, is fine):
#
# - "How satisfied or dissatisfied were you with the speed of check-in? (very dissatisfied /
#   dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied)"
# - "How would you rate the courtesy of the reception staff? (very poor, poor, fair, good, very
#   good)" followed by "How long did you wait at check-in? (under 5 minutes, 5–10 minutes, more
#   than 10 minutes)"
# - "总体而言，您对本次住宿的满意程度如何？（非常不满意、不满意、一般、满意、非常满意）"
# - "您对办理入住手续所用的时间满意吗？（1 = 非常不满意 … 5 = 非常满意）"
#
# Rubric (the check tests all six points, in this order, and shows the first one missed):
# 1. still about the guest's stay (staff, check-in or the stay as a whole);
# 2. a question, or a request to rate;
# 3. one topic per question: no "and", "和", "与", "及" joining two aspects;
# 4. no leading wording ("don't you", "Wasn't…?", "…, right?", "难道", "不觉得", "……吧");
# 5. no loaded words praising the object (friendly, fast, excellent, 友好, 快速, 棒);
# 6. a graded answer, given or implied ("How satisfied…", 1–5, very poor … very good).
#
# The check reads words, not meaning: it cannot tell whether the scale is balanced (as many
# negative as positive points, a labelled middle) or whether the question asks what the hotel
# needs to know. Read a few answers aloud and discuss those two points. Ask also which of the
# three topics the hotel should keep if it may add only one question: the one it can act on.

# %%
cl.check("02.rewrite_question", answer)

# %% [markdown]
# ## Scales and scores
# *(10 min)*
#
# The package knows the course's answer scales. Each declares its codes, its labels in both
# languages, and which codes count as the "top box".

# %%
pd.DataFrame(
    {name: [cl.scales.get(name).low, cl.scales.get(name).high, cl.scales.get(name).labels()[-1]]
     for name in ["satisfaction5", "agree5", "agree7", "nps11", "effort7"]},
    index=["lowest code", "highest code", "top label"],
).T

# %% [markdown]
# Four scores come from these scales:
#
# - **CSAT** = share answering 4 or 5 on the satisfaction scale ("satisfied or very satisfied").
# - **Top box** = share answering the highest code only (or the top *k* codes). Notebook 01
#   explained why the top box matters: loyalty is concentrated among the very satisfied.
# - **NPS** (Reichheld, 2003) = % promoters (9–10) − % detractors (0–6) on the 0–10
#   recommendation question, from −100 to +100.
# - **CES** (customer effort score) = mean of the 7-point agreement item "The company made it
#   easy for me to handle my issue". This is CEB's **CES 2.0** (2013), described in Dixon,
#   Toman and DeLisi, *The Effortless Experience* (2013). The first version, introduced by
#   Dixon, Freeman and Toman (2010, "Stop trying to delight your customers", *Harvard Business
#   Review* 88(7/8)), was a different question on a 5-point scale: how much effort did you
#   personally have to put forth to handle your request? There a *low* score was good; in
#   CES 2.0 a high one is. The course's `effort7` scale, used by the tracker, labels its seven
#   points from very difficult to very easy rather than from disagree to agree; 7 is the best
#   answer either way.
#
# Every score comes with a confidence interval, because a survey is a sample.

# %%
tracker = cl.datasets.load("csat_tracker")
wave4 = tracker[tracker["wave"] == 4]
cl.metrics.nps(wave4["nps"])

# %%
cl.metrics.top_box(wave4["ces"], scale="effort7", k=2)

# %% [markdown]
# The NPS widget lets you move promoters, passives and detractors and watch the score and its
# interval. Note how the interval narrows only slowly as the sample grows.

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_explorer()

# %% [markdown]
# *Worked example.* The raw file still holds codes that are not on the 1–5 scale (0, 6, 9 and
# 99, which the cleaning section deals with). Here is the share of **wave 1**'s answers that
# are 5 (very satisfied), leaving those codes out:

# %%
wave1_codes = tracker[tracker["wave"] == 1]["csat"]
wave1_valid = wave1_codes[wave1_codes.between(1, 5)]  # keep only the codes 1 to 5
share_5 = 100 * wave1_valid.isin([5]).mean()  # % of them that are 5
print(f"{share_5:.1f} % of wave 1's valid answers are 5")

# %% [markdown]
# **Exercise 02.tracker_csat.** In the *raw* `csat_tracker` file (all waves, not only wave 1),
# ignore the codes that are not on the 1–5 scale. What percentage of the remaining answers are
# 4 or 5 (the CSAT)? Give a percentage (e.g. 55.2).

# %%
answer = None  # a percentage
# Fill in the blanks (___), then delete the "# " in front of the two lines and run the cell:
# valid = tracker["csat"][tracker["csat"].between(___, ___)]
# answer = 100 * valid.isin([___, ___]).mean()

# %% tags=["solution"]
valid = tracker["csat"][tracker["csat"].between(1, 5)]
answer = 100 * valid.isin([4, 5]).mean()

# %%
cl.check("02.tracker_csat", answer)

# %% [markdown]
# ## Kano survey: scoring features
# *(5 min)*
#
# Notebook 01 introduced the Kano model. `kano_features` holds 300 hotel guests' answers to the
# paired questions for eight features. `kano_table` classifies each answer pair with Kano's
# evaluation table, takes the most frequent category per feature, and computes Berger et al.'s
# (1993) coefficients: **Better** = (A + O) / (A + O + M + I), how much the feature can
# delight, and **Worse** = −(O + M) / (A + O + M + I), how much its absence hurts.

# %%
kano = cl.datasets.load("kano_features")
kano_scores = cl.survey.kano_table(kano, feature="feature", functional="functional", dysfunctional="dysfunctional")
kano_scores[["category_label", "better", "worse"]]

# %%
cl.plots.kano_chart(kano_scores)
plt.show()

# %% [markdown]
# Free Wi-Fi and daily room cleaning are must-be (large Worse, small Better): providing them
# earns no praise, missing them causes anger. Remembered preferences are attractive: the
# carrot juice of notebook 07.

# %% [markdown]
# ## Sampling and the margin of error
# *(15 min)*
#
# A survey measures a sample to learn about all customers. With a simple random sample of
# *n* answers, a percentage *p* is uncertain by about
#
# $$\text{margin of error} = z \sqrt{\frac{p(1-p)}{n}}, \qquad z = 1.96 \text{ for 95\%},$$
#
# largest at *p* = 0.5. Solving for *n* gives the sample size for a wanted margin. For small
# populations (a dealer with 600 customers) a finite-population correction reduces *n*.

# %%
pd.DataFrame(
    {
        "n": [100, 250, 1000, 2500],
        "margin of error (points)": [100 * cl.survey.margin_of_error(n) for n in [100, 250, 1000, 2500]],
    }
)

# %%
{"±5 points": cl.survey.sample_size(0.05), "±5 points, 600 customers": cl.survey.sample_size(0.05, population=600)}

# %% [markdown]
# The sample-size explorer answers the planning questions in class. *What if* we accept ±5
# points instead of ±3? What if the client base is only 600 customers (type it in the
# population box)? What if last wave's result was 80% rather than 50%? And, with the last
# slider: how likely are two waves of this size to detect a real change of 5 points?

# %% tags=["nbval-ignore-output"]
cl.widgets.sample_size_explorer()

# %% [markdown]
# Quadrupling the sample only halves the margin. NPS needs more answers than a percentage,
# because it is a difference of two percentages: `cl.survey.sample_size_nps` gives the number.
# And the formula covers *sampling* error only: a 10% response rate can bias the result far more
# than any margin of error, so report response rates too.

# %%
cl.survey.response_rates(invited=5000, started=900, completed=640)

# %% [markdown]
# *Worked example.* The margin of error by the formula, for a percentage near 50 % measured on
# 1,000 answers: 1.96 × √(0.5 × 0.5 / 1,000), times 100 for percentage points.

# %%
100 * 1.96 * math.sqrt(0.5 * 0.5 / 1000)

# %% [markdown]
# **Exercise 02.margin_of_error.** What is the 95% margin of error, in percentage points, of a
# percentage near 50% measured on 400 answers?

# %%
answer = None  # a number of percentage points
# Fill in the blank (___), then delete the "# " in front of the next line and run the cell:
# answer = 100 * 1.96 * math.sqrt(0.5 * 0.5 / ___)

# %% tags=["solution"]
answer = 100 * 1.96 * math.sqrt(0.5 * 0.5 / 400)

# %%
cl.check("02.margin_of_error", answer)

# %% [markdown]
# *Worked example.* Solving the formula for *n*: the answers needed for a margin of ±5 points
# (0.05) with *p* = 0.5 are 1.96² × 0.5 × 0.5 / 0.05², rounded up (`math.ceil`), the 385 that
# `cl.survey.sample_size(0.05)` gave above.

# %%
math.ceil(1.96**2 * 0.5 * 0.5 / 0.05**2)

# %% [markdown]
# **Exercise 02.sample_size.** How many completed answers does a survey need for a margin of
# ±3 percentage points at 95% confidence, with *p* = 0.5 and a large population?

# %%
answer = None  # a whole number of answers
# Fill in the blank (___), then delete the "# " in front of the next line and run the cell:
# answer = math.ceil(1.96**2 * 0.5 * 0.5 / ___**2)

# %% tags=["solution"]
answer = math.ceil(1.96**2 * 0.5 * 0.5 / 0.03**2)

# %%
cl.check("02.sample_size", answer)

# %% [markdown]
# A real survey plan starts from a situation, not from a formula, and the completed answers are
# not the invitations: only some of those invited answer. *Worked example:* a car dealer with
# 600 customers wants its share of satisfied customers within ±5 points; it has no earlier
# result, so it plans on the safe *p* = 0.5; and in its last survey one invited customer in
# four completed the questionnaire.

# %%
completed = cl.survey.sample_size(0.05, p=0.5, population=600)  # answers needed
invitations = math.ceil(completed / 0.25)  # one invited customer in four answers
{"completed answers needed": completed, "customers to invite": invitations}

# %% [markdown]
# **Exercise 02.sample_plan.** A 120-room hotel had about 2,000 guests last quarter and expects
# as many this quarter; it will survey this quarter's guests by e-mail. The manager wants the
# share of satisfied guests to within ±4 percentage points at 95 % confidence. Last year's
# survey found 80 % of guests satisfied, and the manager wants to plan on that figure. In the
# hotel's past e-mail surveys, one invited guest in five completed the questionnaire. How many
# guests must the hotel invite? Give a whole number.

# %%
answer = None  # a whole number of invitations
# Fill in the blanks (___) from the story, then delete the "# " in front of the two lines:
# completed = cl.survey.sample_size(___, p=___, population=___)
# answer = math.ceil(completed / ___)

# %% tags=["solution"]
completed = cl.survey.sample_size(0.04, p=0.8, population=2000)
answer = math.ceil(completed / 0.2)

# %% [markdown] tags=["solution"]
# **Trainer note, 02.sample_plan.** Model answer: 1,615 invitations. The story holds three
# decisions: the margin is 0.04; the planning value is last year's 0.8 (not 0.5), which needs
# fewer answers; the population of 2,000 guests is small enough for the finite-population
# correction to matter: 384.1 / (1 + 383.1 / 2,000) ≈ 322.4, rounded up to 323 completed
# answers; and at one in five, 323 × 5 = 1,615 invitations. Common slips and what they give:
# *p* = 0.5 → 462 answers and 2,310 invitations (safe, but more than the hotel needs if the
# share is still near 80 %); no correction → 385 answers and 1,925 invitations; forgetting the
# response rate → 323 (the hotel would end up with about 65 answers). Then ask the group: 1,615
# invitations means writing to four guests in five. Who are the guests who never answer, and
# could the 20 % who do be the most pleased or the most annoyed? The margin of ±4 points says
# nothing about that bias.

# %%
cl.check("02.sample_plan", answer)

# %% [markdown]
# ## Importing real exports (Qualtrics, SPSS, GBK CSV)
# *(10 min)*
#
# Real data arrives as survey-tool exports. Each reader returns the table and a **codebook**
# (question text, scale, value labels, missing codes). The course ships wave 4 of the tracking
# survey (639 responses) exactly as two tools deliver it; with your own file you pass its path
# instead of `cl.datasets.example_file(...)`.

# %%
cl.datasets.example_files()

# %% [markdown]
# **Qualtrics** puts three header rows on top: column names (`Q1`, `Q4_1`, ...), question texts
# and import tags. `cl.survey.read_qualtrics` keeps the question text and tag in the codebook,
# so a column called `Q4_4` can still be read as the question it was.

# %%
qualtrics_file = cl.datasets.example_file("csat_tracker_wave4_qualtrics.csv")
export, export_book = cl.survey.read_qualtrics(qualtrics_file)
print(f"{qualtrics_file.name}: {export.shape[0]} responses, {export.shape[1]} columns")
export_book.loc[["ResponseId", "Duration (in seconds)", "Q1", "Q2", "Q3", "Q4_1", "Q4_4"], ["question", "import_id"]]

# %% [markdown]
# The export also holds what the tool records by itself: start and end times, IP address,
# location, and, when the survey was sent to a contact list, names, e-mails and phone numbers
# (fake ones here). Keep only the columns the analysis needs before a file leaves the team
# (notebook 05, customer data and privacy).
#
# **A CSV saved by Chinese Excel** is usually encoded in GBK, not UTF-8; opened naively the
# Chinese headers turn into mojibake, as the first bytes of the shipped file show when decoded
# as UTF-8. `cl.survey.read_csv` detects the encoding and says which one it used.

# %%
gbk_file = cl.datasets.example_file("csat_tracker_wave4_gbk.csv")
print("read as UTF-8:", gbk_file.read_bytes()[:30].decode("utf-8", errors="replace"))
gbk = cl.survey.read_csv(gbk_file)
print("detected encoding:", gbk.encoding)
gbk_export, gbk_book = gbk
gbk_export.head(3)

# %% [markdown]
# **SPSS** `.sav` files carry value labels and user-missing codes (such as 9 = "no answer").
# The reader keeps the labels and turns missing codes into real missing values, counting them.

# %%
import pathlib
import tempfile

import pyreadstat

with tempfile.TemporaryDirectory() as folder:
    sav = pathlib.Path(folder) / "survey.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"q1": [5.0, 4.0, 9.0, 2.0]}),
        str(sav),
        variable_value_labels={"q1": {1.0: "Very dissatisfied", 2.0: "Dissatisfied", 3.0: "Neutral",
                                      4.0: "Satisfied", 5.0: "Very satisfied", 9.0: "No answer"}},
        missing_ranges={"q1": [9.0]},
    )
    frame, book = cl.survey.read_spss(sav)
frame.assign(n_missing_codes=int(book.loc["q1", "n_missing_codes"]))

# %% [markdown]
# SurveyMonkey (`read_surveymonkey`) and Excel (`read_excel`) work the same way.

# %% [markdown]
# ## Cleaning with a report
# *(10 min)*
#
# Exports arrive as the panel vendor delivered them: duplicated submissions, "speeders" who
# clicked through in seconds, "straight-liners" who gave the same answer to every item, and
# invalid codes (0, 6, 9, 99 on a 1–5 question). `cl.survey.clean` removes or repairs them and
# reports every change with its reason, so that the counts add up and nothing disappears
# silently. Here is the Qualtrics export: overall satisfaction `Q1`, recommendation `Q2`,
# effort `Q3`, and the six service items `Q4_1`–`Q4_6`.

# %%
export_clean, export_report = cl.survey.clean(
    export,
    scales={"Q1": "satisfaction5", "Q2": "nps11", "Q3": "effort7"},
    id="ResponseId", duration="Duration (in seconds)",
    straightline=["Q4_1", "Q4_2", "Q4_3", "Q4_4", "Q4_5", "Q4_6"],
)
export_report

# %% [markdown]
# The same wave in the GBK file has Chinese column names; tell `clean` which column is which
# and it finds exactly the same problems. Cleaning depends on the answers, not on the file
# format, and the report proves it.

# %%
gbk_clean, gbk_report = cl.survey.clean(
    gbk_export,
    scales={"总体满意度": "satisfaction5", "推荐意愿(0-10)": "nps11", "费力度(1-7)": "effort7"},
    id="答卷编号", duration="答题时长(秒)",
    straightline=[f"题{i}" for i in range(1, 7)],
)
pd.DataFrame({"Qualtrics export": export_report.by_reason, "GBK export": gbk_report.by_reason})

# %% [markdown]
# *Worked example.* Before any cleaning, the share of the GBK export's overall-satisfaction
# answers (`总体满意度`) on the 1–5 scale that are 1 or 2 (dissatisfied), in percent:

# %%
raw_codes = gbk_export["总体满意度"]
raw_valid = raw_codes[raw_codes.between(1, 5)]  # leave out the codes that are not on the scale
share_1_2 = 100 * raw_valid.isin([1, 2]).mean()
print(f"{share_1_2:.1f} % of the valid answers are 1 or 2")

# %% [markdown]
# **Exercise 02.export_csat.** Before any cleaning, what percentage of the GBK export's
# overall-satisfaction answers (`总体满意度`) on the 1–5 scale are 4 or 5? Leave out the codes
# that are not on the scale. Give a percentage (e.g. 55.2).

# %%
answer = None  # a percentage
# Fill in the blanks (___), then delete the "# " in front of the next line and run the cell:
# answer = 100 * raw_valid.isin([___, ___]).mean()

# %% tags=["solution"]
answer = 100 * raw_valid.isin([4, 5]).mean()

# %%
cl.check("02.export_csat", answer)

# %% [markdown]
# Now compare with the cleaned file. Cleaning moved the headline by about one and a half
# points, because the removed responses were not a random slice: only about half of them said
# 4 or 5, against about three quarters of those kept. Report the cleaned figure with its
# interval, and say in the report what was removed and why.

# %%
cl.metrics.csat(export_clean["Q1"])

# %% [markdown]
# For reliability and for the trend over time, the rest of this notebook cleans all four waves
# of the tracker (`cl.datasets.load("csat_tracker")`, the same survey with its own column
# names) in the same way.

# %%
items = ["q1", "q2", "q3", "q4", "q5", "q6"]
answer_scales = {"csat": "satisfaction5", "nps": "nps11", "ces": "effort7", **dict.fromkeys(items, "agree5")}
clean, report = cl.survey.clean(
    tracker, scales=answer_scales, id="response_id", duration="duration_sec", straightline=items
)
report

# %% [markdown]
# Read the report as an audit trail: rows in − rows removed = rows kept, and every removed row
# has exactly one reason. The invalid codes were set to missing rather than deleting the whole
# response, because the respondent's other answers are still good.

# %% [markdown]
# ## Reliability: does the scale measure one thing?
# *(5 min)*
#
# The six service items are meant to measure one idea, service quality. **Cronbach's alpha**
# (Cronbach, 1951) measures how consistently they do it:
#
# $$\alpha = \frac{k}{k-1}\left(1 - \frac{\sum_i s_i^2}{s_{\text{total}}^2}\right)$$
#
# with *k* items, item variances $s_i^2$ and the variance of the total score. Values above
# about 0.8 are good for group comparisons. One item, q4 ("I had to repeat my details several
# times"), is worded negatively, so it must be **reverse-coded** (6 − answer) first; otherwise
# it lowers alpha and says the opposite of the others.

# %%
scored = clean[items].apply(lambda column: pd.to_numeric(column.astype("object")))
scored["q4"] = 6 - scored["q4"]
cl.survey.cronbach_alpha(scored, items=items)

# %%
cl.survey.item_analysis(scored, items=items)

# %%
cl.plots.likert_bars(clean, items=items)
plt.show()

# %% [markdown]
# `item_total_r` is each item's correlation with the sum of the others; `alpha_if_deleted`
# shows whether dropping the item would help. Here every item belongs.

# %% [markdown]
# ## Tracking over time
# *(5 min)*
#
# A service-improvement programme started after wave 2. Compare the weighted CSAT of each wave
# with wave 1; the weights correct the vendor's over-sampling of business customers.

# %%
by_wave = cl.metrics.compare_groups(clean, score="csat", group="wave", metric="csat", weights="weight")
by_wave

# %%
by_wave.plot()
plt.show()

# %% [markdown]
# Is a change in NPS between two waves real? The explorer compares two waves given as counts
# of promoters, passives and detractors, with the interval of the difference.

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_difference_explorer()

# %% [markdown]
# ## The survey summary report
# *(5 min)*
#
# Training materials give a report template with blanks to fill: the number of valid
# questionnaires, the number of interviews, overall satisfaction, product quality and service
# quality, then the findings split by pre-sale, in-sale and after-sale service. The first two
# blanks are two different counts. The valid questionnaires (有效问卷) are the online
# questionnaires collected through the website, social media and e-mail; the interviews
# (访谈, "共访谈了___位客户") are the customers spoken to by phone or face to face, a separate
# and usually much smaller group. A report that puts every response on the interview line tells
# its reader that thousands of customers were interviewed.
#
# Here is the tracking survey's version, filled from the cleaned data. The tracking file has no
# column saying how each answer was collected, its wave-4 exports come from an online survey
# tool, and nothing in it records an interview; so the interview line says "not applicable"
# rather than a number. A blank in a template is not an invitation to invent a count. The same
# holds for product quality: this survey has no product question. Notebook 07 fills the
# dealer's version with the pre/in/after-sale split.

# %%
service_quality = (scored[items] >= 4).mean(axis=1).mean()
summary = pd.Series(
    {
        "Questionnaires received (incl. duplicates)": report.n_input,
        "Valid questionnaires (有效问卷), after cleaning": report.n_kept,
        "Customers interviewed (访谈), phone or in person": "not applicable: none in this survey",
        "Overall satisfaction (CSAT, % satisfied)": round(100 * cl.metrics.csat(clean["csat"]).estimate, 1),
        "Product quality (% satisfied)": "not measured: no product question",
        "Service quality (% agreeing, six items)": round(100 * service_quality, 1),
        "Net Promoter Score": round(cl.metrics.nps(clean["nps"]).score, 1),
    },
    name="value",
)
summary.to_frame()

# %% [markdown]
# A report should also say how the sample was drawn, the response rate, the confidence interval
# of each headline number, and what was removed in cleaning. Notebook 08 produces such a report
# on any file.

# %% [markdown]
# ## ISO 10004's outline
# *(5 min)*
#
# ISO 10004 (*Quality management — Customer satisfaction — Guidelines for monitoring and
# measuring*) organises the same cycle into four stages after its guiding principles:
#
# | ISO 10004 stage | what it asks | steps of the cycle |
# |---|---|---|
# | framework | commitment, scope and responsibility for measuring satisfaction | 1, 9 |
# | planning, design and development | what to measure, from whom, how, with which questionnaire and sample | 1–3 |
# | operation | collecting, analysing and communicating the data; acting on it | 3–6, 8 |
# | maintenance and improvement | reviewing the process itself regularly and improving it | 7, 10–12 |
#
# Its companions are ISO 10001 (codes of conduct), ISO 10002 (complaints handling, notebook 06)
# and ISO 10003 (external dispute resolution).

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Measurement is a twelve-step cycle; the steps after analysis are where it pays. Incentives
#   tied to a number invite gaming of the number (Campbell's law): reward audited improvement,
#   count complaints from several channels, and keep sampling out of staff hands.
# - Interviews, phone, online questionnaires and complaints differ in cost, speed, depth,
#   response and convenience; choose by resources and the customer's convenience, and mix
#   methods with care: the same customer answers a person more kindly than a form.
# - Good questions ask one thing, in customers' words, without leading or loaded wording, on a
#   balanced and labelled scale.
# - CSAT, top box, NPS and CES (CES 2.0: "the company made it easy…", 7 points) each answer a
#   different question; all need an interval.
# - The margin of error shrinks with the square root of *n*; plan the sample from the margin,
#   the expected share and the population, then the invitations from the response rate, which
#   matters as much as the margin.
# - Read exports with their codebooks, clean with a report, reverse-code negative items and
#   check reliability before you add items up.
# - A survey report states the valid questionnaires and the interviews as separate counts (or
#   says that there were none), the headline scores with intervals, and the findings.

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*
#
# For reference after class.

# %%
cl.exercises.glossary("02")
