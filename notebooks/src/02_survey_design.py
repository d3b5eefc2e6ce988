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
# 6. fill in a survey summary report, and place it in the outline of ISO 10004.

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
# ## The twelve-step measurement cycle
# *(15 min)*
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
# 9. **Tie incentives** to the targets.
# 10. **Keep feedback channels open** between surveys.
# 11. **Prevent problems before they happen**, using what complaints and comments reveal.
# 12. **Use analytics tools**, which is what the rest of this course does.
#
# Steps 1–4 and 7 are measurement; the others turn measurement into management. A survey that
# stops at step 4 has cost money and changed nothing.

# %% [markdown]
# ## Choosing indicators
# *(10 min)*
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
# *(10 min)*
#
# Step 3 of the cycle says "several channels". The training materials name four ways of
# hearing from customers: **regular interviews (定期面谈)**, **phone surveys (电话调查)**,
# **online questionnaires (在线问卷)** and **complaint feedback (客户投诉反馈)**. Interviews
# give the fullest picture of one customer; phone surveys gather many answers quickly; online
# questionnaires are the easiest to run now that almost everyone is online; complaints arrive
# unasked and are a valuable source if someone acts on them. No method is best in general: the
# materials say to choose by **the firm's resources and the customer's convenience**, to fit
# the method to the industry, and to read survey results next to other data such as sales and
# complaints.
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
# to a person than to a web form, so compare waves only within one method, or report each
# method separately (the summary report template below also counts questionnaires and
# interviews separately). And **cheap answers are not free of error**: a budget buys very
# different sample sizes by method. With invented prices, say the same money pays for 50
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
# **Exercise 02.double_barrelled.** Which question is double-barrelled?
# (a) "How satisfied are you with the delivery time?";
# (b) "In the last month, how many times did you call us?";
# (c) "How satisfied are you with the price and quality of the meals?";
# (d) "How likely are you to recommend us to a friend?"

# %%
answer = None

# %% tags=["solution"]
answer = "c"  # price and quality are two judgements in one question

# %%
cl.check("02.double_barrelled", answer)

# %% [markdown]
# ## Scales and scores
# *(20 min)*
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
# - **CES** = mean of the 7-point "the company made it easy" question (Dixon, Freeman and
#   Toman, 2010).
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
# **Exercise 02.tracker_csat.** In the *raw* `csat_tracker` file (all waves), ignore the codes
# that are not on the 1–5 scale. What percentage of the remaining answers are 4 or 5? Give a
# percentage (e.g. 55.2).

# %%
answer = None

# %% tags=["solution"]
valid = tracker["csat"][tracker["csat"].between(1, 5)]
answer = 100 * valid.isin([4, 5]).mean()

# %%
cl.check("02.tracker_csat", answer)

# %% [markdown]
# ## Kano survey: scoring features
# *(10 min)*
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
# *(20 min)*
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
        "n": [100, 400, 1000, 2500],
        "margin of error (points)": [100 * cl.survey.margin_of_error(n) for n in [100, 400, 1000, 2500]],
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
# **Exercise 02.margin_of_error.** What is the 95% margin of error, in percentage points, of a
# percentage near 50% measured on 400 answers?

# %%
answer = None

# %% tags=["solution"]
answer = 100 * cl.survey.margin_of_error(400)

# %%
cl.check("02.margin_of_error", answer)

# %% [markdown]
# **Exercise 02.sample_size.** How many completed answers does a survey need for a margin of
# ±3 percentage points at 95% confidence, with *p* = 0.5 and a large population?

# %%
answer = None

# %% tags=["solution"]
answer = cl.survey.sample_size(0.03)

# %%
cl.check("02.sample_size", answer)

# %% [markdown]
# ## Importing real exports (Qualtrics, SPSS, GBK CSV)
# *(15 min)*
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
# *(15 min)*
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
# **Exercise 02.export_csat.** Before any cleaning, what percentage of the GBK export's
# overall-satisfaction answers (`总体满意度`) on the 1–5 scale are 4 or 5? Leave out the codes
# that are not on the scale. Give a percentage (e.g. 55.2).

# %%
answer = None

# %% tags=["solution"]
raw_csat = gbk_export["总体满意度"]
on_scale = raw_csat[raw_csat.between(1, 5)]
answer = 100 * on_scale.isin([4, 5]).mean()

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
# *(10 min)*
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
# *(10 min)*
#
# Training materials give a report template with blanks to fill: the number of valid
# questionnaires, the number of interviews, overall satisfaction, product quality and service
# quality, then the findings split by pre-sale, in-sale and after-sale service. Here is the
# tracking survey's version, filled from the cleaned data; notebook 07 fills the dealer's
# version with the pre/in/after-sale split.

# %%
service_quality = (scored[items] >= 4).mean(axis=1).mean()
summary = pd.Series(
    {
        "Interviews (responses received)": report.n_input,
        "Valid questionnaires": report.n_kept,
        "Overall satisfaction (CSAT, % satisfied or very satisfied)": round(100 * cl.metrics.csat(clean["csat"]).estimate, 1),
        "Service quality (% agreeing, mean of six items)": round(100 * service_quality, 1),
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
#
# - Measurement is a twelve-step cycle; the steps after analysis are where it pays.
# - Interviews, phone, online questionnaires and complaints differ in cost, speed, depth,
#   response and convenience; choose by resources and the customer's convenience, and mix
#   methods with care.
# - Good questions ask one thing, in customers' words, on a balanced and labelled scale.
# - CSAT, top box, NPS and CES each answer a different question; all need an interval.
# - The margin of error shrinks with the square root of *n*; response rates matter as much.
# - Read exports with their codebooks, clean with a report, reverse-code negative items and
#   check reliability before you add items up.
# - A survey report states the valid *n*, the headline scores with intervals, and the findings.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("02")
