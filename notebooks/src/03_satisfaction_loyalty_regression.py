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
# they actually came back (`repurchase`).
#
# **These customers are invented.** The course's simulator wrote the data from a truth stated
# in advance (the data card, `cl.datasets.describe("auto_dealer")`, lists it): how much each
# item's gap drives satisfaction, and, for each satisfaction level, the chance of coming back.
# That is what makes them useful here: we know the right answer, so we can see whether a method
# finds it. It is also their limit: whatever this notebook finds in them is a method recovering
# a number someone chose, never evidence about real car buyers.

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
# The recommendation question is also the raw material of the Net Promoter Score (NPS):
# customers answering 9 or 10 are promoters, 0 to 6 detractors, and NPS is the percentage of
# promoters minus the percentage of detractors. Here it is for the dealer's customers, one line
# at a time (`.mean()` of a true/false column is the share of trues):

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

# %%
repurchase = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
repurchase.predicted

# %%
intention = cl.loyalty.loyalty_regression(dealer, satisfaction="overall_satisfaction", loyalty="loyalty_intention",
                                          kind="ordinal")
intention.predicted

# %% [markdown]
# ## The non-linearity and the loyalty zones
# *(20 min)*
#
# The logit table is the picture from notebook 01 in numbers: the repurchase rate creeps up
# from level 1 to level 4, then jumps at level 5. The Harvard service–profit chain authors
# (Heskett et al., 1994; Jones and Sasser, 1995) describe such a curve in three bands,
# **zones**: defection (here levels 1–2), indifference (3–4) and affection (5). Customers in the
# zone of indifference are satisfied but not attached, and any better offer takes them away.

# %%
curve = cl.loyalty.loyalty_curve(dealer, satisfaction="overall_satisfaction", loyalty="repurchase", kind="logit")
curve[["level", "n", "estimate", "ci_low", "ci_high", "zone_label"]]

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

# %%
ratio = cl.loyalty.top_box_loyalty_ratio(dealer, satisfaction="overall_satisfaction", loyalty="repurchase")
ratio

# %% [markdown]
# Now put the estimates next to the truth the simulator was given. `cl.simulate.auto_dealer()`
# with its default seed rebuilds exactly the shipped file and also returns that truth: the
# chance of coming back that was written in for each satisfaction level.

# %%
_, built_in = cl.simulate.auto_dealer()
curve.assign(built_in=curve["level"].map(built_in["repurchase_by_level"]))[
    ["level", "n", "estimate", "ci_low", "ci_high", "built_in"]
]

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

# %% tags=["nbval-ignore-output"]
cl.widgets.loyalty_curve_explorer()

# %% [markdown] tags=["solution"]
# *Trainer note.* The hotel's simulator models the chance of returning as a smooth logit, each
# satisfaction point adding 0.8 to the log-odds (plus personalised service and price), so its
# curve has no special step at the top and its ratio of level 5 to level 4 is about 1.3. The
# dealer's simulator was given the step. Two simulators, two built-in truths: the contrast says
# nothing about hotels against car dealers. Use it to ask the class where the "six times" could
# come from in their own data, and what they would need to measure it.

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
# Two things to read before ranking. First, the intervals: where two drivers' share intervals
# overlap, these answers cannot order them. Second, the truth again. The simulator built
# satisfaction from the *gaps* between performance and expectation, with weights 0.35 for
# promises kept, 0.30 for an on-time repair, 0.25 for the explanation, 0.20 for convenience and
# 0.10 each for the follow-up call and the advice (data card). Importance computed from
# performance ratings alone tracks that order only roughly (an on-time repair, second in the
# simulator, comes fourth here): every performance rating also carries the customer's general
# impression of the dealer, and expectations differ between customers. A driver analysis says which ratings move together with satisfaction in these
# answers; it does not measure what customers weigh, still less what a change would do.

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
# **Exercise 03.ipa_quadrant.** On the dealer's map above, a driver lies above the importance
# crosshair and below the performance crosshair. Which label does the quadrant table give it?
# (a) concentrate here; (b) keep up the good work; (c) low priority; (d) possible overkill.

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
# We simulate 250 respondents answering three items per construct from paths we choose, then
# estimate the model with 50 bootstrap resamples. Knowing the truth lets us see what PLS
# recovers, and what a sample of this size can and cannot tell.

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
#
# ### Glossary (术语表)

# %%
cl.exercises.glossary("03")
