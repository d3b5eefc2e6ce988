# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Complaint handling and service recovery (客户抱怨管理)
#
# **Time:** about 90 minutes.
#
# **After this notebook you will be able to**
# 1. state the principles of complaint handling and explain why complaints are valuable;
# 2. recite the eight-step handling process and the eleven "a bit more" techniques;
# 3. compute complaint KPIs (rate, time to acknowledge and resolve, reopen rate, handling
#    satisfaction) with confidence intervals;
# 4. measure the effect of service recovery on repurchase, and which steps matter most.

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
# dominate a mean. The three complaints still open are left out of the resolution time and
# reported as such, rather than silently counted as resolved or dropped.
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
# ## Summary
#
# - Never argue; emotions first; follow a written process; escalate fast; record everything.
# - Complaints are valuable: they are the customers who still talk to you.
# - Eight steps: listen, feelings, cause, requirement, solution, thank, follow up, review;
#   eleven techniques of "a bit more".
# - Track complaint rate, time to acknowledge and resolve, reopen rate and handling
#   satisfaction, each with an interval.
# - Recovered complainers can be as loyal as, or more loyal than, customers without problems;
#   unrecovered ones leave.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("06")
