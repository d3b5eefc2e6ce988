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
# # 00 · Start here: how this course works (课程导读)
#
# **Time:** about 15 minutes.
#
# **After this notebook you will be able to**
# 1. say which notebooks suit your role (trainer, self-study staff member, analyst);
# 2. run a cell, move a widget and check an exercise answer with `cl.check`;
# 3. switch every label, table and chart to Chinese with `cl.set_language("zh-CN")`;
# 4. open one of the course datasets, read its data card, and load a file of your own.

# %% [markdown]
# ## Who this course is for
# *(2 min)*
#
# The course teaches customer satisfaction (客户满意), loyalty (客户忠诚) and churn (客户流失) as
# they are taught in customer-service training, and then shows how to measure them properly.
# Three kinds of reader use the same notebooks:
#
# | you are | you want | start with |
# |---|---|---|
# | a **trainer** running a class | a clear story to project, widgets for "what if" questions, exercises with solutions kept apart | this notebook, then `TRAINERS.md` (session plans, timings, discussion questions) and the trainer editions in `notebooks/trainer/` |
# | a **staff member** studying alone | short explanations, self-checks that tell right from wrong without giving the answer, a bilingual glossary | 01 → 06 → 07, then 04 |
# | an **analyst** preparing a study | correct statistics with confidence intervals, clear messages about messy data, charts for a report | 02 → 03 → 04 → 08, keeping 01 for the vocabulary |
#
# You need no programming experience to follow the story: every computation is one call to the
# `csat_lab` package, and the text says what it does and why.

# %% [markdown]
# ## The map of the course
# *(2 min)*
#
# | notebook | what you learn | time |
# |---|---|---|
# | 00 Start here | how to use the notebooks, widgets, self-checks and language switch | 15 min |
# | 01 Satisfaction theory (客户满意理论) | who the customer is; expectation–disconfirmation; the five satisfaction levels; standards → expectations → satisfaction → loyalty; lifetime value; 80/20; Kano and SERVQUAL | 90 min |
# | 02 Survey design (满意度调查) | the twelve-step measurement cycle; indicators; good and bad questions; scales; sampling and margin of error; reliability; importing and cleaning real exports; the survey summary report | 120 min |
# | 03 Satisfaction and loyalty (满意与忠诚) | from scatter plot to OLS, logit and ordinal models; the non-linear link and loyalty zones; key drivers and importance–performance analysis; the ACSI/ECSI model; reading results responsibly | 120 min |
# | 04 Churn and retention (客户流失) | churn and retention formulas and their denominators; the four bases; cohorts; survival curves; lifetime value; retention economics; lost-customer types, churn factors, prevention and win-back | 120 min |
# | 05 Customer management (客户管理) | the 7P analysis; the classification path; RFM and value tiers; key accounts; the three stages; customer data privacy | 90 min |
# | 06 Complaint handling (客户抱怨管理) | principles; the eight-step process and eleven techniques; complaint KPIs and service recovery in data | 90 min |
# | 07 Case studies (案例) | the hotel carrot juice, Pearl's phone booth, the supermarket member programme, the convenience store, the dealer survey report, each with a data exercise | 90 min |
# | 08 Study template | an end-to-end study on your own file, with the steps parameterised | 60 min |
# | explorers | every widget of the course on one page (also served by `make app`) | — |
#
# Times include the exercises. A classroom day fits 01 + 06 (theory and complaints) or
# 02 + 03 (measurement); `TRAINERS.md` gives full session plans.

# %% [markdown]
# ## Running the notebooks
# *(1 min)*
#
# Run a cell with **Shift + Enter**. Run the first code cell of a notebook before any other:
# it loads the package and fixes the random seed, so that every number you see matches the
# text (and matches your neighbour's screen in class).

# %%
# %matplotlib inline
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
pd.set_option("display.precision", 3)
cl.set_language("en")

# %% [markdown]
# Every notebook begins with these lines. `cl` is the short name of the package; everything
# the course computes is a function you can also call on your own data.

# %% [markdown]
# ## Exercises and self-checks
# *(3 min)*
#
# Exercises look like the cell below: you replace `None` with your answer and run the cell.
# `cl.check` then tells you whether the answer is right, or gives a hint. It never prints the
# answer itself, and it says exactly what it compared, so "correct" always means something was
# checked. Numeric answers are compared with a value recomputed from the exercise data, within
# a small tolerance; choice answers are compared with a fingerprint of the right letter;
# written answers (a rewritten survey question, a reply to a customer) are compared with a short
# list of points they must make. A correct answer also says in a sentence or two *why* it is
# right.
#
# Exercises come in three kinds: **recall** (the answer is in the text you just read),
# **compute** (a calculation) and **transfer** (a new situation, such as a business that is not
# in the course data). Compute exercises for readers who do not program show a worked example
# first and then give you a line to complete: replace each `___` with the right value, delete
# the `#` at the start of the line, and run the cell.
#
# **Exercise 00.scale_points.** The course's standard satisfaction question uses a verbal scale
# from "very dissatisfied" to "very satisfied". Its answer labels are shown below. How many
# answer points does it have? Count them, or practise the fill-in convention: in the answer
# cell, replace `___` with `values` (the scale's list of answer codes), delete the `#` at the
# start of that line, and run the cell.

# %%
cl.scales.get("satisfaction5").labels()

# %%
answer = None  # replace None with your answer, or complete the next line
# answer = len(cl.scales.get("satisfaction5").___)

# %% tags=["solution"]
answer = len(cl.scales.get("satisfaction5").values)

# %%
cl.check("00.scale_points", answer)

# %% [markdown]
# If you run the check with `None` it tells you there is nothing to check yet; with text where
# a number is expected it says it could not check. Try a wrong number to see a hint.
# `cl.exercises.list_exercises()` lists every exercise of the course, and
# `cl.exercises.hint("04.churn_rate")` repeats a hint.

# %%
cl.exercises.list_exercises("01")

# %% [markdown]
# ## Labels in Chinese (中文标签)
# *(1 min)*
#
# Every label the package shows (scale anchors, table headings, chart titles, widget captions)
# comes from one bilingual catalog. One call switches all of them; widgets already on screen
# re-label themselves.

# %%
cl.set_language("zh-CN")
cl.scales.get("satisfaction5").labels()

# %%
cl.set_language("en")
cl.scales.get("satisfaction5").labels()

# %% [markdown]
# You can also ask for one label in a given language without switching:
# `cl.label("scale.satisfaction5.5", language="zh-CN")`. Trainers who teach in Chinese
# put `cl.set_language("zh-CN")` in the first cell of each notebook.

# %% [markdown]
# ## The course datasets
# *(2 min)*
#
# The exercises use datasets shipped with the package, of two kinds:
#
# - **simulated** (`auto_dealer`, `hotel_guests`, `complaints_log`, `csat_tracker`,
#   `supermarket_members`, `telecom_subscribers`, `kano_features`): written by the course's own
#   simulator from a truth stated in advance on the data card. They show whether a method
#   recovers that truth; they are never evidence about real customers.
# - **not simulated by the course**: `cdnow`, the real purchase records of the customers who
#   first bought at the online music shop CDNOW in early 1997, followed to mid-1998 (the
#   standard dataset of repeat-purchase models, Fader, Hardie and Lee, 2005); and `telco_churn`,
#   IBM's public telecom churn sample, the most widely used churn table. IBM describes it as
#   sample data about a fictional telecom company, so read it as realistic practice data
#   rather than as the records of one real firm.
#
# Each comes with a data card: where it comes from, what every column means, its licence and
# its deliberate quirks. The title of each dataset in the list below says which kind it is.

# %%
cl.datasets.list_datasets()

# %%
tracker = cl.datasets.load("csat_tracker")
tracker.head()

# %% [markdown]
# `cl.datasets.describe("csat_tracker")` shows the full card with the column descriptions in
# English and Chinese. Loaded data already has proper types: answer scales become ordered
# categories, dates become dates.

# %% [markdown]
# ## Widgets
# *(2 min)*
#
# Widgets are sliders and menus that recompute a result as you move them. They answer the
# "what if" questions of a class: what if one more customer in ten became a promoter? A widget
# always calls the same function an analyst would call, so it never shows a number the package
# could not reproduce. Each notebook puts its widgets next to the idea they illustrate, and
# `explorers.ipynb` gathers them all. Widgets need a live notebook: run the cell to see one.
# The saved notebooks keep no widget output, so a static view (a web page or a PDF) shows
# nothing under a widget cell.
#
# Try the NPS calculator: move the sliders for promoters, passives and detractors.

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_explorer()

# %% [markdown]
# ## Loading your own data
# *(1 min)*
#
# Your own survey export is just another table. Read it with pandas (or with the
# `cl.survey.read_*` functions for Qualtrics, SurveyMonkey, SPSS and Excel exports, taught in
# notebook 02), tell the package which scale each column uses, and call the same functions.
# The cell below builds a small file in memory so that the notebook runs anywhere; with a real
# file you would write `pd.read_csv("my_survey.csv")`.

# %%
import io

my_file = io.StringIO(
    "respondent,store,satisfaction\n"
    "1,North,5\n2,North,4\n3,North,3\n4,South,5\n5,South,2\n6,South,4\n7,South,5\n"
)
mine = pd.read_csv(my_file)
cl.metrics.csat(mine["satisfaction"], scale="satisfaction5")

# %% [markdown]
# The result states the estimate, its confidence interval and how it was computed, how many
# answers were used and what, if anything, was dropped and why. With seven answers the interval
# is very wide: that is the honest message of a small sample, and notebook 02 shows how many
# answers a useful estimate needs.

# %% [markdown]
# ## Summary
# *(1 min)*
#
# - Pick your route through the course by role; trainers also read `TRAINERS.md`.
# - Run the first cell of each notebook first; it fixes the seed.
# - Answer exercises by replacing `None` and running `cl.check`; it gives hints, not answers.
# - `cl.set_language("zh-CN")` switches every label to Chinese, `cl.set_language("en")` back.
# - `cl.datasets.list_datasets()`, `describe` and `load` open the course data; your own
#   files go through the same functions. Simulated datasets test methods; only real data test
#   claims about customers.
#
# ### Glossary (术语表)

# %%
cl.exercises.glossary("00")
