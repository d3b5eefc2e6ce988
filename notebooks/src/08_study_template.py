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
# # 08 · Study template: an end-to-end satisfaction study on your own file
#
# **Time:** about 60 minutes the first time; minutes once your parameters are set.
#
# **After this notebook you will be able to**
# 1. run a complete satisfaction study (load → clean → score → reliability → compare groups →
#    drivers → report) on your own survey file by changing one cell;
# 2. run the same study unattended, for example every quarter, with papermill;
# 3. report every headline number with its confidence interval, its *n* and what was removed.
#
# **How to use it.** Everything that depends on your data is in the **parameters** cell below.
# As shipped it analyses the course's `csat_tracker` dataset, which is simulated: its numbers
# show what the study produces, not findings about any real customers. For your own file, set
# `PATH` to it and the column names to yours. To run it unattended, papermill injects new
# values after the cell tagged `parameters`, e.g.
# `papermill 08_study_template.ipynb q3_study.ipynb -p PATH q3_export.csv`.

# %%
# %matplotlib inline
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
pd.set_option("display.precision", 3)
cl.set_language("en")

# %% tags=["parameters"]
DATASET = "csat_tracker"  # a shipped dataset, used when PATH is None
PATH = None  # your CSV export, e.g. "exports/q3_survey.csv"
LANGUAGE = "en"  # "zh-CN" for Chinese labels
ID = "response_id"  # respondent ID column (duplicates are removed), or None
DURATION = "duration_sec"  # completion time in seconds (speeders are removed), or None
WEIGHT = "weight"  # survey weight column, or None
GROUP = "wave"  # column to compare groups by (wave, region, store ...), or None
CSAT = "csat"  # overall satisfaction, 1-5
NPS = "nps"  # likelihood to recommend, 0-10, or None
CES = "ces"  # effort, 1-7, or None
ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6"]  # agreement items (1-5) of one scale, or []
REVERSED = ["q4"]  # negatively worded items among ITEMS
BOOTSTRAP = 100  # resamples for driver intervals (keep small for speed)

# %% [markdown]
# ## 1. Load
# *(5 min)*

# %%
cl.set_language(LANGUAGE)
if PATH is None:
    raw = cl.datasets.load(DATASET)
    source = f"course dataset {DATASET}"
else:
    raw, codebook = cl.survey.read_csv(PATH)
    source = "file given in PATH"
print(f"{len(raw)} rows, {raw.shape[1]} columns from the {source}")

# %% [markdown]
# ## 2. Clean, with a report
# *(10 min)*
#
# Invalid codes become missing; duplicates, speeders and straight-liners are removed. The
# report accounts for every row.

# %%
answer_scales = {CSAT: "satisfaction5", **dict.fromkeys(ITEMS, "agree5")}
if NPS:
    answer_scales[NPS] = "nps11"
if CES:
    answer_scales[CES] = "effort7"
data, cleaning = cl.survey.clean(
    raw, scales=answer_scales, id=ID, duration=DURATION, straightline=ITEMS if len(ITEMS) >= 3 else None
)
cleaning

# %% [markdown]
# ## 3. Headline scores
# *(10 min)*
#
# CSAT and CES are shares, shown as percentages; NPS is a difference of two percentages, in
# points from −100 to +100. Each comes with its 95% interval and the number of answers used.

# %%
weights = data[WEIGHT] if WEIGHT else None
headline = {"CSAT (% satisfied or very satisfied)": cl.metrics.csat(data[CSAT], weights=weights)}
if NPS:
    headline["NPS"] = cl.metrics.nps(data[NPS], weights=weights)
if CES:
    headline["CES (% finding it easy, 6-7)"] = cl.metrics.top_box(data[CES], scale="effort7", k=2, weights=weights)


def _row(result):
    if isinstance(result, cl.metrics.NPSResult):  # NPS is already in points, -100 to 100
        return result.score, result.ci[0], result.ci[1], result.n
    return 100 * result.estimate, 100 * result.ci[0], 100 * result.ci[1], result.n  # a share, shown as %


scores = pd.DataFrame({name: _row(r) for name, r in headline.items()}, index=["estimate", "ci_low", "ci_high", "n"]).T
scores.round(1).astype({"n": int})

# %% [markdown]
# ## 4. Reliability of the item scale
# *(5 min)*

# %%
if ITEMS:
    items = data[ITEMS].apply(lambda column: pd.to_numeric(column.astype("object")))
    for item in REVERSED:
        items[item] = 6 - items[item]
    reliability = cl.survey.cronbach_alpha(items, items=ITEMS)
    display(reliability)

# %% [markdown]
# ## 5. Compare groups
# *(10 min)*
#
# Each group's score comes with its interval, and each group is compared with the first one:
# `difference` with its own interval and a p-value. A difference whose interval includes zero
# is not a ranking.

# %%
if GROUP:
    comparison = cl.metrics.compare_groups(data, score=CSAT, group=GROUP, metric="csat", weights=WEIGHT)
    display(comparison[["group", "estimate", "ci_low", "ci_high", "n", "difference", "diff_ci_low", "diff_ci_high",
                        "p_value"]])

# %% [markdown]
# **Exercise 08.branch_compare.** Two branches of a bakery chain ran the same short survey this
# quarter. Branch A: 27 of 30 valid answers satisfied or very satisfied, 90% (95% interval 74%
# to 97%). Branch B: 52 of 65, 80% (69% to 88%). The difference, A minus B, is 10 points, with
# a 95% interval from −8 to +23 points. The regional manager wants one line for the staff
# newsletter. Which should the report give?
#
# (a) "Branch A beats Branch B by 10 points."
# (b) "Both branches satisfy most customers: A 90% (n = 30), B 80% (n = 65). With samples this
# small the gap could be chance (its interval runs from −8 to +23 points), so we do not rank
# the branches this quarter."
# (c) "Branch B's result is more reliable because more customers answered, so B serves its
# customers better."
# (d) "Branch A: 90% satisfied." (the best number alone, to keep it simple)

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("08.branch_compare", answer)

# %% [markdown] tags=["solution"]
# *Trainer note.* The interval of the difference includes zero, so the survey cannot say which
# branch satisfies more customers; (a) and (d) present a ranking or a best number the data do
# not support, and (d) also hides the sample size. (c) confuses precision with quality: more
# answers make B's estimate *narrower*, not B's service better. Ask the class how many answers
# per branch would be needed to detect a 10-point gap (notebook 02's sample-size explorer), and
# whether a newsletter that ranks branches each quarter would invite staff to chase the score.

# %% [markdown]
# ## 6. What drives overall satisfaction?
# *(5 min)*
#
# Shapley shares of explained variance, with bootstrap intervals. Where two intervals overlap,
# the answers do not rank the two items; and a share describes how the item moves with overall
# satisfaction in these answers, not what a change to it would do.

# %%
if ITEMS:
    drivers_data = items.assign(**{CSAT: pd.to_numeric(data[CSAT].astype("object"))})
    drivers = cl.loyalty.shapley_importance(drivers_data, outcome=CSAT, drivers=ITEMS, n_boot=BOOTSTRAP, seed=rng)
    display(drivers[["share", "share_ci_low", "share_ci_high"]])

# %% [markdown]
# ## 7. The report
# *(10 min)*
#
# The summary report names its sample, its cleaning and the interval of every number; it says
# when the data are simulated, and it does not rank drivers that the intervals cannot tell
# apart.

# %%
lines = [
    f"Responses received: {cleaning.n_input}; valid after cleaning: {cleaning.n_kept} "
    f"({cleaning.n_removed} removed, {cleaning.n_changed} answers set to missing).",
]
for name, row in scores.iterrows():
    lines.append(f"{name}: {row['estimate']:.1f} (95% CI {row['ci_low']:.1f} to {row['ci_high']:.1f}; n = {int(row['n'])}).")
if ITEMS:
    lines.append(f"Item scale reliability: Cronbach's alpha {reliability.alpha:.2f}.")
    top = drivers["share"].idxmax()
    low, high = drivers["share_ci_low"], drivers["share_ci_high"]
    close = [item for item in ITEMS if item != top and high[item] >= low[top]]
    overlap = f"; its interval overlaps those of {', '.join(close)}, so these answers do not rank them." if close else "."
    lines.append(
        f"Largest share of explained satisfaction: {top} ({drivers['share'][top]:.0%}, 95% CI "
        f"{low[top]:.0%} to {high[top]:.0%}){overlap}"
    )
    lines.append("Driver shares describe association in these answers, not the effect of changing an item.")
if PATH is None and DATASET in cl.simulate.SIMULATED:
    lines.append(f"Data: the course dataset {DATASET} is simulated; these numbers show the report's form, not findings.")
print("\n".join(lines))

# %% [markdown]
# **Exercise 08.report_ci.** A manager asks for "just the satisfaction percentage" for the
# board. What should the report give with it? (a) nothing else, to keep it simple; (b) the
# confidence interval and the number of valid responses; (c) the p-value of every item.

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("08.report_ci", answer)

# %% [markdown]
# **Exercise 08.report_line.** A shop manager surveyed her customers: 60 valid answers, of which
# 42 were "satisfied" or "very satisfied". The 95% interval (Wilson) for the share satisfied is
# 57% to 80%. Write the one-sentence headline for her report, in English or in Chinese, as a
# text between quotation marks, e.g. `answer = "..."`.

# %%
answer = None

# %% tags=["solution"]
answer = "CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to 80%)."

# %%
cl.check("08.report_line", answer)

# %% [markdown] tags=["solution"]
# *Trainer note: model answer and rubric.*
#
# - English: "CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to
#   80%)."
# - Chinese: "满意率70%（60份有效问卷中42人满意或很满意；95%置信区间57%至80%）。"
#
# The check looks for three points, in this order: the share as a percentage (42 / 60 = 70%),
# both ends of the interval, and the number of valid answers. It checks numbers, not meaning, so
# read good answers aloud and discuss: "70.0%" claims a precision that 60 answers do not have;
# "up to 80% of customers are satisfied" quotes one end of the interval as if it were the
# estimate; and a headline should say what was counted as satisfied (the top two boxes).

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Put everything that depends on the data in one parameters cell; the steps stay the same.
# - Clean with a report; score with intervals; check reliability before adding items up.
# - Compare groups with intervals and find drivers with Shapley importance.
# - The report states what was received, what was removed and the interval of every number;
#   run it unattended with papermill for each new wave.
# - Say when data are simulated: the shipped dataset shows the study's form, never findings.
#
# ### Glossary (术语表)

# %%
cl.exercises.glossary("08")
