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
# 3. find the key drivers of satisfaction and place them on an importance–performance map;
# 4. estimate an ECSI-type path model and read its paths;
# 5. report results responsibly: intervals, not just points; association, not proof of cause.

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
# ## The dealer data
# *(5 min)*
#
# `auto_dealer` holds 2,000 customers of a car dealer, surveyed after a sales or a service
# visit. Each rated the expectation lists of notebook 01 twice (what the dealer *should* do
# and what it *did*), gave an overall satisfaction on the five-level scale, an intention to
# come back, and the recommendation question; two years later the dealer recorded whether
# they actually came back (`repurchase`). The data are simulated with a known truth, so we can
# see whether the methods recover it.

# %%
dealer = cl.datasets.load("auto_dealer")
dealer[["visit", "overall_satisfaction", "loyalty_intention", "recommend", "repurchase"]].head()

# %% [markdown]
# ## From scatter to OLS
# *(15 min)*
#
# Start by looking. Satisfaction and recommendation are both whole numbers, so a plain scatter
# plot would stack thousands of points on 55 spots; a little random jitter (drawn with the
# notebook's seeded `rng`) makes the cloud visible.

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

# %%
straight = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="recommend", kind="ols",
                                         as_levels=False)
straight.predicted

# %% [markdown]
# The straight line misses the top: the observed mean at level 5 lies outside the interval of
# the line. Letting each level have its own mean (`as_levels=True`, the default, the model
# `recommend ~ C(satisfaction)`) fits the steps as they are.

# %%
stepwise = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="recommend", kind="ols")
stepwise.predicted

# %% [markdown]
# ## Logit and ordinal models
# *(15 min)*
#
# OLS suits a loyalty measure that behaves like a number. Two others are common:
#
# - **a yes/no outcome** such as `repurchase` → **logistic regression (logit)**: it models the
#   probability of coming back, which stays between 0 and 1;
# - **an ordered answer** such as the 5-point `loyalty_intention` → **ordinal (proportional
#   odds) regression**: it respects that "agree" is above "neutral" without pretending the
#   steps are equal.

# %%
repurchase = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
repurchase.predicted

# %%
intention = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="loyalty_intention",
                                          kind="ordinal")
intention.predicted

# %% [markdown]
# ## The non-linearity and the loyalty zones
# *(15 min)*
#
# The logit table is the picture from notebook 01 in numbers: the repurchase rate creeps up
# from level 1 to level 4, then jumps at level 5. Jones and Sasser (1995) named the bands
# **zones**: defection (1–2), indifference (3–4) and affection (5). Customers in the zone of
# indifference are satisfied but not attached, and any better offer takes them away.

# %%
curve = cl.loyalty.loyalty_curve(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
curve[["level", "n", "estimate", "ci_low", "ci_high", "zone_label"]]

# %%
curve.plot()
plt.show()

# %% [markdown]
# The **top-box loyalty ratio** compares loyalty in the top box with loyalty in the box below.
# The training materials quote "six times as loyal"; what do these data say, and how sure are
# we?

# %%
cl.loyalty.top_box_loyalty_ratio(dealer, satisfaction="overall_satisfaction", loyalty="repurchase")

# %% [markdown]
# The loyalty-curve explorer redraws the curve, the zones and the ratio with its interval for
# another loyalty measure, model or dataset. *What if* loyalty is measured by the stated
# intention to come back instead of actual repurchase: is the jump at the top as large? Does an
# ordinal model tell the same story as OLS? Do the hotel's guests (`hotel_guests`, return next
# year) show the same step between 4 and 5 as the dealer's customers? Then set *Curve from* to
# *Chosen curve* and move *competition* from 1 (a crowded market, Jones and Sasser's curve where
# the top box is six times as loyal as the second) down to 0 (a protected market with high
# switching costs): the curve flattens, the zone of affection stops being special, and
# "satisfied" customers look loyal. Which of the two markets is your own business in?

# %% tags=["nbval-ignore-output"]
cl.widgets.loyalty_curve_explorer()

# %% [markdown]
# **Exercise 03.tracker_nps.** Back to the tracking survey: what is the NPS of all raw
# `csat_tracker` answers to the recommendation question (missing answers left out)? Compute it
# from the counts of 9–10 and 0–6 answers, not with `cl.metrics.nps`, then compare.

# %%
answer = None

# %% tags=["solution"]
scores = pd.to_numeric(cl.datasets.load("csat_tracker")["nps"].astype("object")).dropna()
answer = 100 * ((scores >= 9).mean() - (scores <= 6).mean())

# %%
cl.check("03.tracker_nps", answer)

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

# %%
service = dealer[dealer["visit"] == "service"]
drivers = [c for c in dealer.columns if c.startswith("perf_repair_")]
cl.loyalty.shapley_importance(service, outcome="overall_satisfaction", drivers=drivers, n_boot=100, seed=rng)

# %% [markdown]
# ## Importance–performance analysis (IPA)
# *(10 min)*
#
# Martilla and James (1977) put each driver on a 2×2 map: importance (here the Shapley share)
# against performance (the mean rating). The quadrants tell management where to act:
#
# | | low performance | high performance |
# |---|---|---|
# | **high importance** | concentrate here | keep up the good work |
# | **low importance** | low priority | possible overkill |

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

# %% tags=["nbval-ignore-output"]
cl.widgets.key_driver_explorer()

# %% [markdown]
# **Exercise 03.ipa_quadrant.** A driver has high importance and low performance. Which
# quadrant is it in? (a) concentrate here; (b) keep up the good work; (c) low priority;
# (d) possible overkill.

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

# %%
ecsi = cl.loyalty.ECSI_MODEL
pd.DataFrame(ecsi.inner, columns=["from", "to"]).T

# %% [markdown]
# We simulate 250 respondents answering three items per construct from known paths, then
# estimate the model with 50 bootstrap resamples. Knowing the truth lets us see what PLS
# recovers.

# %%
true_paths = {
    ("IMAG", "EXPE"): 0.5, ("IMAG", "SAT"): 0.2, ("IMAG", "LOY"): 0.2, ("EXPE", "QUAL"): 0.5,
    ("EXPE", "VAL"): 0.1, ("EXPE", "SAT"): 0.05, ("QUAL", "VAL"): 0.5, ("QUAL", "SAT"): 0.4,
    ("VAL", "SAT"): 0.3, ("SAT", "COM"): 0.5, ("SAT", "LOY"): 0.4, ("COM", "LOY"): 0.1,
}
survey_data, truth = cl.loyalty.simulate_structural(true_paths, n=250, seed=rng)
blocks = {c: [f"{c}{i}" for i in (1, 2, 3)] for c in ecsi.constructs}
fit = ecsi.fit(survey_data, blocks, n_boot=50, seed=rng)
fit.paths.assign(true=[true_paths[(s, t)] for s, t in zip(fit.paths["source"], fit.paths["target"])])

# %% [markdown]
# Compare the `coef` column with `true`. Most estimates fall below the truth: each construct
# is scored from three items that carry measurement error, and that error weakens (attenuates)
# the paths. The three smallest paths have intervals that include zero: with 250 respondents
# the data cannot tell them apart from no effect. `cl.loyalty.power_for_path` tells you how
# many respondents a path of a given size needs.

# %% [markdown]
# `cl.plots.path_model_plot` shows the fitted chain at a glance: every arrow is one path with
# its coefficient (a star when its bootstrap interval excludes zero), arrow width grows with
# the size of the effect, and each explained construct shows its R², the share of its
# variance that the arrows into it explain. Which arrows carry no star?

# %%
cl.plots.path_model_plot(fit)
plt.show()

# %% [markdown]
# ## Reading results responsibly
# *(10 min)*
#
# - **Intervals, not only points.** "Loyalty ratio 5.7" is a headline; "5.7, with a 95% interval
#   of about 4.6 to 7.1" is a finding.
# - **Association is not causation.** These are survey data, not an experiment. Customers who
#   are very satisfied may come back because they are satisfied, or because they live next door
#   (which also makes them satisfied). Only designed changes (a pilot in some branches) show
#   what an intervention does.
# - **Loyalty measures differ.** Intentions overstate behaviour; use repurchase data when you
#   have them.
# - **Small groups are noisy.** Compare groups with their intervals (`cl.metrics.compare_groups`).
#
# **Exercise 03.causation.** Branches with higher satisfaction have higher repurchase. The
# regional manager wants to conclude that raising satisfaction by one level will raise
# repurchase by the same amount everywhere. What is the best reply?
# (a) correct, the regression proves it;
# (b) the data show an association; other differences between branches could explain part of
# it, so test the change in a few branches first;
# (c) wrong, satisfaction has no effect on repurchase.

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("03.causation", answer)

# %% [markdown]
# ## Summary
#
# - Choose the model by the loyalty measure: OLS for scores, logit for yes/no, ordinal for
#   ordered answers; let satisfaction levels have their own effects.
# - The satisfaction–loyalty link is steepest at the top: zones of defection, indifference and
#   affection; the top-box loyalty ratio quantifies it, with an interval.
# - Shapley importance shares explained variance fairly among correlated drivers; IPA turns it
#   into priorities.
# - ACSI/ECSI path models estimate the whole chain; simulate to check what your sample can
#   detect.
# - Report intervals, and do not read survey associations as proof of cause.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("03")
