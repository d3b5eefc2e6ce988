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
# # 06 · Complaint handling and service recovery (客户抱怨管理)
#
# **Time:** about 90 minutes.
#
# **After this notebook you will be able to**
# 1. state the principles of complaint handling and explain why complaints are valuable;
# 2. recite the eight-step handling process and the eleven "a bit more" techniques;
# 3. use the four communication skills (listening, asking, expressing, feedback) in a role play;
# 4. compute complaint KPIs (rate, time to acknowledge and resolve, reopen rate, handling
#    satisfaction) with confidence intervals;
# 5. measure the effect of service recovery on repurchase, and which steps matter most;
# 6. map, improve and monitor a service process, and prevent complaints instead of only
#    handling them.

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
# ## Principles of complaint handling
# *(10 min)*
#
# The training materials set out six principles:
#
# 1. **The right service attitude**: never argue with the customer; winning the argument loses
#    the customer.
# 2. **Emotions first, then the matter**: an upset customer cannot discuss solutions until they
#    feel heard.
# 3. **A written process**: everyone handles complaints the same way, and nobody improvises
#    with compensation.
# 4. **Escalate accurately and quickly** to senior managers when the case needs it.
# 5. **Handle promptly**: every hour of waiting makes the customer angrier and the remedy dearer.
# 6. **Record and analyse every complaint**: one complaint is a problem; fifty of the same kind
#    are a process to fix.
#
# ## Why complaints are valuable
#
# Most dissatisfied customers never complain; they just leave (and tell others, notebook 01).
# A complaint is therefore a gift. It gets management's **attention** to a problem, lets the
# firm **build its reputation** by handling it well, **drives progress** in products and
# processes, works like **medicine** (unpleasant, but it cures), and is a **chance to lift the
# brand**: a customer whose complaint was handled well often ends up more loyal than one who
# never had a problem. The data at the end of this notebook test that claim.

# %% [markdown]
# ## The eight-step process
# *(15 min)*
#
# The package holds the steps and their labels in both languages.

# %%
pd.DataFrame(
    {
        "English": [cl.label(f"complaints.step.{s}", "en") for s in cl.complaints.HANDLING_STEPS],
        "中文": [cl.label(f"complaints.step.{s}", "zh-CN") for s in cl.complaints.HANDLING_STEPS],
    }
)

# %% [markdown]
# In words: **listen** to the whole story without interrupting; **understand the feelings**
# and say so; **analyse the cause** (what actually went wrong, and whose part it was);
# **turn the complaint into a requirement** (what does the customer need now?); **find a
# solution and tell the customer promptly**; **report back and thank** them for telling you;
# **follow up** that the improvement happened; and **review and learn** so it does not recur.
#
# **Exercise 06.next_step.** Which step comes straight after "analyse the cause"?
# (a) listen; (b) report back and thank; (c) find a solution and tell the customer;
# (d) turn the complaint into a requirement.

# %%
answer = None

# %% tags=["solution"]
answer = "d"

# %%
cl.check("06.next_step", answer)

# %% [markdown]
# ## The eleven techniques ("a bit more")
# *(10 min)*
#
# Alongside the steps, the materials list eleven techniques, each phrased as "a bit more"
# (多一点) of something.

# %%
pd.DataFrame(
    {
        "English": [cl.label(f"complaints.technique.{t}", "en") for t in cl.complaints.TECHNIQUES],
        "中文": [cl.label(f"complaints.technique.{t}", "zh-CN") for t in cl.complaints.TECHNIQUES],
    }
)

# %% [markdown]
# *Role play (trainers):* one participant complains about a late delivery, another handles it.
# Observers tick off which steps and techniques they saw. Compare the lists.

# %% [markdown]
# ## Communication skills for service staff (客户沟通技巧)
# *(10 min)*
#
# The steps and techniques above rest on four communication skills that the supermarket CRM
# deck asks of every service employee, in complaints and in ordinary conversations alike:
#
# | skill | what it means | what to avoid | try saying |
# |---|---|---|---|
# | **listening (倾听)** | full attention on the customer's needs and opinions; let them finish; make sure you have understood all of it | interrupting; preparing your answer while they talk; typing something else | "Let me check I have this right: the car was promised for five and nobody called you." |
# | **asking (提问)** | questions that establish the facts and help the customer say what they need and expect, asked in a tone that does not sound like an interrogation | "Why didn't you read the manual?"; several questions in one breath | open to explore: "What happened when you collected it?"; closed to confirm: "Was that on Tuesday?" |
# | **expressing (表达)** | clear, short sentences in plain words the customer can follow | jargon and internal codes ("the RO is in QC"); long explanations of internal reasons | "Your car will be ready tomorrow at ten; there is nothing more to pay." |
# | **feedback (反馈)** | answer the customer's comments and suggestions promptly and positively; admit a problem when there is one and say what will change | defending the firm; vague promises ("we'll look into it") | "You are right, we should have called. I will call you tomorrow at nine to confirm." |
#
# Listening and asking carry the first four of the eight steps (listen, understand the
# feelings, find the cause, turn the complaint into a requirement); expressing carries the
# solution; feedback is "report back and thank" and the follow-up.
#
# *Role play (trainers):* three participants per group, three minutes per round, then rotate.
# The **customer** collected a car from a service visit an hour late, was not called about the
# delay, and finds an extra charge on the bill. The **service adviser** handles the
# conversation. The **observer** keeps a tally: how often the adviser interrupted; how many open
# and how many closed questions were asked; any jargon; whether the adviser summarised the
# problem back to the customer; and whether they ended with what happens next, by whom and
# when. After each round the observer reports the tally first, and only then the group
# discusses how it felt.

# %% [markdown]
# ## Complaint KPIs
# *(15 min)*
#
# `complaints_log` has one row per customer served in the first half of 2024, with the
# complaint details for those who complained: channel, severity, times received,
# acknowledged and resolved, which of the eight steps were done, compensation, satisfaction
# with the handling, whether the complaint was reopened, and whether the customer bought again.

# %%
log = cl.datasets.load("complaints_log")
cl.complaints.complaint_kpis(log)

# %% [markdown]
# Each KPI has an interval. Times are medians, because a few complaints that take weeks would
# dominate a mean. The three complaints still open are not dropped from the time to resolve:
# dropping them would keep only the quick cases and make the process look faster than it is.
# They count as "not resolved by today" (censored), and the median comes from a Kaplan-Meier
# curve, the same method notebook 04 uses for customers who have not churned yet. With very
# few complaints a median has no 95% interval at all; the table then says so and shows the
# coverage that is possible.
#
# **Exercise 06.complaint_rate.** What percentage of the customers served complained? Compute
# it from the `complained` column.

# %%
answer = None

# %% tags=["solution"]
answer = 100 * log["complained"].mean()

# %%
cl.check("06.complaint_rate", answer)

# %% [markdown]
# Broken down by channel, the KPIs show where the process is slow.

# %%
by_channel = cl.complaints.complaint_kpis(log, by="channel").table
by_channel[by_channel["kpi"] != "complaint_rate"].pivot(index="group", columns="kpi", values="estimate")

# %% [markdown]
# ## Service recovery
# *(20 min)*
#
# Does good handling pay? Compare repurchase among three groups: customers who did not
# complain, complainers who were satisfied with the handling (recovered), and complainers who
# were not.

# %%
recovery = cl.complaints.recovery_effect(log)
recovery

# %%
cl.plots.recovery_bars(recovery)
plt.show()

# %% [markdown]
# Recovered complainers came back *more* often than customers who never complained, and
# unrecovered ones far less. Researchers call the first finding the **service recovery
# paradox** (McCollough and Bharadwaj, 1992); it does not hold in every study, and it is no
# reason to cause failures, but it shows what handling is worth.
#
# Which steps matter most? `recovery_model` fits two regressions on the complainers: handling
# satisfaction on the eight steps, and repurchase (logit) on the eight steps.

# %%
model = cl.complaints.recovery_model(log)
model

# %% [markdown]
# The fitted model predicts the result of any combination of steps. Compare a complaint where
# only the solution was given with one where every step was done:

# %%
only_solution = {step: step == "step_solution" for step in cl.complaints.STEP_COLUMNS}
every_step = dict.fromkeys(cl.complaints.STEP_COLUMNS, True)
pd.DataFrame({"solution only": model.predict(only_solution), "all eight steps": model.predict(every_step)})

# %% [markdown]
# The complaint simulator does the same for any combination: tick the steps that were taken
# and read the predicted handling satisfaction and repurchase, next to "no step" and "all
# eight steps". *What if* the agent listens and solves the problem but never thanks, follows
# up or reviews: how much repurchase is lost? Which single step, added to "listen" and
# "solution", raises repurchase most? Use it after the role play: tick the steps the observers
# saw, and discuss what the missing ones would have been worth.

# %% tags=["nbval-ignore-output"]
cl.widgets.complaint_simulator()

# %% [markdown]
# **Exercise 06.full_process_gain.** Among the customers who complained, what is the
# repurchase rate (in %) of those whose complaint went through all eight steps, minus the rate
# of those who missed at least one step? Give the difference in percentage points.

# %%
answer = None

# %% tags=["solution"]
complainers = log[log["complained"]]
all_steps = complainers[list(cl.complaints.STEP_COLUMNS)].astype(bool).all(axis=1)
rates = complainers.groupby(all_steps)["repurchased"].mean()
answer = 100 * (rates.loc[True] - rates.loc[False])

# %%
cl.check("06.full_process_gain", answer)

# %% [markdown]
# The raw difference is much smaller than the model's contrast between "all eight steps" and
# "solution only", for two reasons. Most complaints that missed a step still had most of the
# others, so the raw comparison is "all" against "almost all". And the groups differ in other
# ways: here, complaints that went through every step were more often of medium severity. A
# raw difference mixes the effect of the steps with the effect of the case. *Discussion:* how would you find out whether training staff in steps 6–8 really
# raises repurchase?

# %% [markdown]
# ## Optimising service processes and preventing complaints (流程梳理、优化、监控)
# *(10 min)*
#
# Principle 6 says that fifty complaints of the same kind are a process to fix. The
# supermarket CRM deck describes how, in four steps:
#
# 1. **Map the process (流程梳理)**: walk through the whole service process as it runs today
#    and find its problems and bottlenecks; this is the evidence for everything after.
# 2. **Improve it (流程优化, 流程改进)**: concrete changes aimed at those bottlenecks, to make the
#    service faster and the process simpler.
# 3. **Monitor and evaluate (流程监控与评估)**: measure the changed process as it runs, to check
#    that it is followed and that it works.
# 4. **Improve continuously (持续改进)**: feed what monitoring shows back into the next round.
#
# Monitoring needs numbers over time. The complaint log gives them month by month: how many
# complaints arrived, how fast they were acknowledged and resolved, and how many were reopened.

# %%
complaints = log[log["complained"]]
waited = {
    stage: (complaints[f"{stage}_at"] - complaints["received_at"]).dt.total_seconds() / 3600
    for stage in ["acknowledged", "resolved"]
}
monitor = complaints.assign(
    month=complaints["received_at"].dt.to_period("M").astype(str),
    hours_to_acknowledge=waited["acknowledged"],
    hours_to_resolve=waited["resolved"],
    reopened=complaints["reopened"].astype(float),
)
monitor.groupby("month").agg(
    complaints=("customer_id", "size"),
    median_hours_to_acknowledge=("hours_to_acknowledge", "median"),
    median_hours_to_resolve=("hours_to_resolve", "median"),
    reopen_rate=("reopened", "mean"),
).round(2)

# %% [markdown]
# Month to month the figures move: the reopen rate between about 5% and 14%, the median time
# to resolve between about 14 and 22 hours. With about a hundred complaints a month, a reopen
# rate near 10% is uncertain by roughly ±6 percentage points (the margin of error of notebook
# 02), so most of this movement is noise. Monitoring a process change therefore means deciding
# beforehand which figure should move and by how much, and comparing several months before and
# after; one good month proves nothing.
#
# **Handling and preventing.** The deck sums up *handling* in four moves: respond promptly,
# listen carefully, solve the problem, and report back; the eight steps above spell them out.
# *Prevention* works before the complaint exists:
#
# - raise the quality of the product and the level of service, so that there is less to
#   complain about;
# - communicate with customers before problems arise: say when a delivery will be late before
#   the customer has to ask;
# - give complaints an easy channel and a mechanism behind it, so that small problems are
#   heard while they are small;
# - anticipate (step 11 of the measurement cycle in notebook 02): look for the problems that
#   could make customers unhappy and act first. The training materials' example is a supply
#   chain that may be interrupted: stock the critical parts in advance.
#
# A falling complaint count is not proof of prevention. Most unhappy customers never complain,
# so fewer complaints can also mean a channel that has become harder to find; read the count
# next to satisfaction and churn.
#
# *In class:* a pre-mortem. Pick one process the group knows (a car repair from booking to
# collection works well) and map it on the board as the customer lives it: each step, each
# hand-over, each wait. Mark the two places where a complaint is most likely next month, then
# write one preventive action and one monitoring figure for each. Checklist for the map:
#
# - Where does the customer wait without being told how long?
# - Where must they repeat information they have already given?
# - Which hand-over between people or departments has no owner?
# - Which promise (time, price, work done) is made by one person and kept by another?
# - Which figure would show, month by month, that the fix works?

# %% [markdown]
# ## Summary
#
# - Never argue; emotions first; follow a written process; escalate fast; record everything.
# - Listen, ask, express clearly, give feedback: the four communication skills behind every step.
# - Complaints are valuable: they are the customers who still talk to you.
# - Eight steps: listen, feelings, cause, requirement, solution, thank, follow up, review;
#   eleven techniques of "a bit more".
# - Track complaint rate, time to acknowledge and resolve, reopen rate and handling
#   satisfaction, each with an interval.
# - Recovered complainers can be as loyal as, or more loyal than, customers without problems;
#   unrecovered ones leave.
# - Map, improve and monitor the service process; prevent complaints by quality, early
#   communication, easy channels and anticipation.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("06")
