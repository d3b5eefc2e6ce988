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
# 2. apply the eight-step handling process to a new complaint (which step comes next, which one
#    was skipped) and pick the fitting one of the eleven "…一点" techniques;
# 3. use the four communication skills (listening, asking, expressing, feedback) in a role play
#    and in a written reply to a complaint;
# 4. compute complaint KPIs (rate, time to acknowledge and resolve, reopen rate, handling
#    satisfaction) with confidence intervals, and say why a complaint-rate bonus backfires;
# 5. estimate the effect of service recovery on repurchase from a complaint log, and say what
#    the research does and does not support about the "recovery paradox";
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
# *(5 min)*
#
# The training materials set out six principles (客户抱怨处理的原则):
#
# 1. **The right service attitude**: never argue with the customer (不与客户争辩); winning the
#    argument loses the customer.
# 2. **Emotions first, then the matter** (先处理情感，后处理事情): an upset customer cannot
#    discuss solutions until they feel heard.
# 3. **A written process** for complaints, so that every handler has rules to follow
#    (有章可循) and customers are treated alike.
# 4. **Escalate accurately and quickly**: pass customers' complaints on to senior managers
#    accurately and without delay (准确及时向高层主管传达), so that management hears what
#    customers are saying.
# 5. **Handle promptly** (及时处理): the longer the wait, the angrier the customer and the dearer
#    the remedy.
# 6. **Record and analyse every complaint** (记录客户抱怨，留档分析): one complaint is a problem;
#    fifty of the same kind are a process to fix.

# %% [markdown]
# ## Why complaints are valuable
# *(5 min)*
#
# Service training often says that most unhappy customers never complain; they just leave
# (and warn family and friends, notebook 01). The handouts behind this course quote no figure
# for it, and the figures that circulate are folklore: see the box below. Either way, a
# complaint is a gift from a customer who still talks to you. The handouts give five reasons
# why complaints are valuable (客户抱怨处理的意义): a complaint gets management's **attention**
# to a problem, lets the firm **build its reputation** (美誉度) by handling it well, **drives
# progress** in products and processes, works like **medicine** (治病良药: unpleasant, but it
# cures), and is a **chance to lift the brand** of the service. That last reason is sometimes
# stretched into the claim that a customer whose complaint was handled well ends up more loyal
# than one who never had a problem; the box in *Service recovery* below says what the research
# found. The same textbook chapter also lists complaint management among the ways to prevent
# churn (重视客户抱怨管理, notebook 04).
#
# > **Claim check: "most dissatisfied customers never complain"**
# >
# > - **Where it comes from:** usually credited to TARP (Technical Assistance Research
# >   Programs), which studied complaint handling for the US Office of Consumer Affairs:
# >   *Consumer Complaint Handling in America* (final report 1979; update study 1986). The
# >   versions repeated in training ("only 4 % of unhappy customers complain", "for every
# >   complaint, 26 others stay silent") are hard to trace to a table in either report.
# > - **What it measured:** the 1979 study's household survey asked a random national sample
# >   of about 2,500 US households about the consumer problems they had had in the past year
# >   and what they did about them (preliminary findings: Grainer, McEvoy & King, 1979,
# >   Advances in Consumer Research 6). About a third had had a problem. For the *most
# >   serious* problem, the report's own summary runs the other way: about 69 % of the
# >   households with a problem had complained about it. Fewer complain about small problems and cheap
# >   purchases, and the share depends on what counts as a complaint (a word at the counter, a
# >   call to the hotline, a letter to head office).
# > - **What later evidence says:** surveys before and since agree on the direction, not on a
# >   number: many perceived problems are never voiced to the seller, more so when the problem
# >   is small, complaining is costly or the customer expects nothing to change (Best &
# >   Andreasen, 1977, Law & Society Review 11(4); Hirschman, 1970, *Exit, Voice, and Loyalty*,
# >   for leaving versus speaking up). The share differs so much between industries,
# >   countries and channels that no single percentage carries over to your business.
# > - **How to present it:** say "many unhappy customers never tell us, and how many depends on
# >   the business", without a percentage. Then measure your own complaint-to-problem ratio: in
# >   the next satisfaction survey ask whether the customer had a problem with you in the last
# >   six months and, if so, whether they told you. Those who told you ÷ those with a problem,
# >   with its interval (notebook 02), is your figure; the complaint log shows only that part of
# >   the problems.

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
# In words, with the handout's own terms (客户抱怨处理的流程): **listen** to the whole complaint
# without interrupting (聆听客户抱怨); **understand the feelings** and say so (理解客户的感受);
# **analyse the cause** (分析客户抱怨的原因): what actually went wrong, and whose part it was;
# **turn the complaint into a requirement** (转换客户的要求): what does the customer need now?;
# **find a solution and tell the customer promptly** (找出解决问题的方案，及时通知客户);
# **report back and thank** them for telling you (反馈结果并表示感谢); **follow up** on the
# improvement with the customer (对改进的内容进行跟踪回访): did the remedy work?; and
# **review and learn** (检讨处理结果，吸取教训，避免重蹈覆辙) so that it does not recur.
#
# **Exercise 06.next_step.** Which step comes straight after "analyse the cause"?
# (a) listen; (b) report back and thank; (c) find a solution and tell the customer;
# (d) turn the complaint into a requirement.

# %%
answer = None  # a letter, e.g. "a"

# %% tags=["solution"]
answer = "d"

# %%
cl.check("06.next_step", answer)

# %% [markdown]
# Real complaints do not come labelled with step numbers. The next two exercises describe new
# cases: decide where each one stands.
#
# **Exercise 06.gym_next_step.** A fitness-club member complains at the front desk that the
# swimming pool was closed without notice three times this month. The manager takes him to a
# quiet table and lets him tell the whole story. She says she understands how annoying it is to
# plan a swim around work and find the door locked. She checks and finds that the maintenance
# schedule was never posted anywhere members could see it. Together they agree that what he
# needs is to hear about any closure at least 48 hours ahead. Which step should the manager
# take now?
# (a) analyse the cause; (b) find a solution and tell the customer promptly;
# (c) follow up on the improvement; (d) report back and thank.

# %%
answer = None  # a letter

# %% tags=["solution"]
answer = "b"

# %%
cl.check("06.gym_next_step", answer)

# %% [markdown]
# **Exercise 06.skipped_step.** An online shop receives an email: a customer's vase, a birthday
# gift, arrived broken. The agent reads the whole message and writes back: "I am sorry; a broken
# gift on the day is upsetting." The courier's scans show the box was dropped at the depot. The
# agent asks whether she would like a replacement or a refund; she wants a replacement before
# Friday. One is sent that afternoon, with the tracking number in an email that also thanks her
# for letting the shop know. The case is closed when the parcel leaves. The next week the shop
# changes its packaging for glass items. The replacement arrives on Thursday. Which step was
# skipped?
# (a) understand the feelings; (b) analyse the cause; (c) follow up on the improvement;
# (d) review and learn.

# %%
answer = None  # a letter

# %% tags=["solution"]
answer = "c"

# %%
cl.check("06.skipped_step", answer)

# %% [markdown] tags=["solution"]
# **Trainer notes (06.gym_next_step, 06.skipped_step).** The club: listening (the quiet table,
# the whole story), feelings ("annoying to plan a swim around work"), cause (the schedule was
# never posted) and requirement (48 hours' notice) are steps 1–4, so the next step is 5: a
# solution, told to him promptly. Ask the group for one: closures posted on the app and at the
# desk two days ahead, a text message to members who swim. "Report back and thank" (d) comes
# after the solution, not before. The vase: every step has evidence in the story except step 7;
# closing the case when the parcel leaves means nobody checks that the replacement arrived
# whole. Point out that the shop *did* review (the new packaging), which learners often confuse
# with follow-up: review improves the process for the next customer, follow-up checks with this
# customer.

# %% [markdown]
# ## The eleven techniques ("a bit more")
# *(10 min)*
#
# Alongside the steps, the materials list eleven techniques (客户抱怨处理的技巧), each a short
# phrase ending in "一点": a bit more of something, or a bit better. The handout gives only the
# names; the right-hand column is this course's reading of them.
#
# | | the handout's words | in English | what it can look like |
# |---|---|---|---|
# | 1 | 耐心多一点 | a bit more patience | let the customer finish, even when the story comes round a second time |
# | 2 | 同理心多一点 | a bit more empathy | picture the situation from the customer's side, and say so |
# | 3 | 态度好一点 | a better attitude | calm and courteous, never defensive |
# | 4 | 理解多一点 | a bit more understanding | accept that the customer's reaction makes sense from where they stand |
# | 5 | 动作快一点 | act a bit faster | acknowledge at once, fix quickly, keep the customer posted |
# | 6 | 语言得体一点 | more fitting language | words suited to the person and the moment: no jargon, no blame |
# | 7 | 补偿多一点 | a bit more compensation | make up for the loss, in proportion to it |
# | 8 | 层次高一点 | a higher level | a more senior person takes the case when it is serious or stuck |
# | 9 | 办法多一点 | more options | offer more than one way to put it right, and let the customer choose |
# | 10 | 应变多一点 | more flexibility | adapt when the standard remedy does not fit the case |
# | 11 | 时机好一点 | better timing | pick the moment: calm the emotions before proposing a solution; call back when it suits the customer |
#
# The package keeps them in this order as codes, with labels in both languages, for the
# role-play checklists:

# %%
cl.complaints.TECHNIQUES

# %% [markdown]
# **Exercise 06.which_technique.** A customer's suit comes back from the dry cleaner's with a
# scorch mark, the day before his daughter's wedding. He has explained it twice at the counter
# and once on the phone. Each time the counter staff listened, apologised and offered the
# standard refund of the cleaning fee, which he turned down: he does not want money, he wants
# the suit repaired overnight by an invisible mender, which counter staff are not allowed to
# authorise. He says: "Nobody here seems able to do anything." Which technique fits this moment
# best?
# (a) 层次高一点, a higher level; (b) 语言得体一点, more fitting language; (c) 耐心多一点, a bit more
# patience; (d) 补偿多一点, a bit more compensation.

# %%
answer = None  # a letter

# %% tags=["solution"]
answer = "a"

# %%
cl.check("06.which_technique", answer)

# %% [markdown] tags=["solution"]
# **Trainer note (06.which_technique).** What blocks the case is authority, not words,
# patience or money: the staff have listened three times and apologised, and he has refused
# the refund. A manager who can approve the repair, and who calls him in person, is what 层次高一点
# means. Push the discussion on: once a senior person takes over, which other techniques
# matter? (动作快一点, since the wedding is tomorrow; 办法多一点, if the mender cannot do it
# overnight: a loan suit, a rush replacement.)

# %% [markdown]
# *Role play (trainers):* one participant complains about a late delivery, another handles it.
# Observers tick off which steps and techniques they saw. Compare the lists.

# %% [markdown]
# ## Communication skills for service staff (客户沟通技巧)
# *(15 min)*
#
# The steps and techniques rest on four skills that the supermarket CRM deck lists as customer
# communication skills (客户沟通技巧). They apply in complaints and in ordinary conversations
# alike. The last column gives this course's own examples.
#
# | skill | what it means | what to avoid | try saying (our examples) |
# |---|---|---|---|
# | **listening (倾听)** | full attention on the customer's needs and opinions; let them finish; make sure you have understood all of it | interrupting; preparing your answer while they talk; typing something else | "Let me check I have this right: the car was promised for five and nobody called you." |
# | **asking (提问)** | questions that establish the facts and help the customer say what they need and expect, asked in a manner and tone that do not sound like an interrogation | "Why didn't you read the manual?"; several questions in one breath | open to explore: "What happened when you collected it?"; closed to confirm: "Was that on Tuesday?" |
# | **expressing (表达)** | clear, short sentences in plain words the customer can follow | jargon and internal codes ("the RO is in QC"); long explanations of internal reasons | "Your car will be ready tomorrow at ten; there is nothing more to pay." |
# | **feedback (反馈)** | answer the customer's comments and suggestions promptly and positively; admit a problem when there is one and improve | defending the firm; vague promises ("we'll look into it") | "You are right, we should have called. I will call you tomorrow at nine to confirm." |
#
# In this course's reading, listening and asking carry the first four of the eight steps
# (listen, understand the feelings, find the cause, turn the complaint into a requirement);
# expressing carries the solution; feedback is "report back and thank" and the follow-up.
#
# **Exercise 06.complaint_reply.** Put the steps and the skills together in writing. Mrs Wang
# (王女士) writes to a supermarket's online shop:
#
# > "My grocery order was promised for 10–12 this morning and arrived at 3 pm. The frozen
# > dumplings and the ice cream had thawed. I called your hotline and waited 25 minutes on hold
# > before I gave up. I don't think I'll order from you again."
#
# You lead the shop's customer service and may refund, replace and redeliver. Write a reply of
# three to six sentences, in English or in Chinese. The check reads your reply for five points
# and names the first one it misses; it reads keywords, not tone, so compare your reply with a
# partner's as well.

# %%
answer = None  # your reply, between triple quotes: answer = """Dear Mrs Wang, ..."""

# %% tags=["solution"]
answer = """Dear Mrs Wang, thank you for telling us, and I am sorry: your order arrived three hours
late, the frozen dumplings and the ice cream had thawed, and you could not get through on our
hotline. I have refunded the whole order today, and a replacement of the frozen items will be
delivered tomorrow between 10:00 and 12:00 at no charge. I will call you tomorrow afternoon to
check that everything arrived in good condition; you can also reach me directly on 400-800-1234."""

# %%
cl.check("06.complaint_reply", answer)

# %% [markdown] tags=["solution"]
# **Trainer: model answers and rubric for 06.complaint_reply.**
#
# *Model answer (English)*: the solution cell above.
#
# *Model answer (中文)*: "王女士您好，非常抱歉：您的订单晚到了三个小时，速冻饺子和冰淇淋都化了，
# 您打热线还等了25分钟，这是我们的问题。我们今天已经为您全额退款，明天上午10点到12点之间为您免费补发
# 冷冻商品。明天下午我会给您打电话，确认商品完好送达。谢谢您告诉我们这些情况。"
#
# *Rubric* (the check tests points 1–5 by keywords, in this order, and names the first one
# missed; point 6 is for the trainer):
#
# 1. **No blame** on the customer and no denial of the firm's part ("nobody was at home", "not
#    our fault", "frozen goods must go in the freezer at once").
# 2. **Thanks or apology** (steps 2 and 6).
# 3. **Shows it understood**: names at least two of the three problems (late, thawed, the wait
#    on the hotline) in the writer's own words (step 1, listening).
# 4. **A concrete action and when**, in one sentence: a refund, replacement or redelivery, and
#    today, tomorrow 10–12, within 24 hours (step 5, expressing).
# 5. **Follow-up offered**: a call or message to check, or a direct contact (step 7, feedback).
# 6. *Trainer:* plain, short sentences; no internal excuses (the driver's route, peak season);
#    compensation in proportion; one named person, not "the team".
#
# *A reply that fails*, although it thanks, restates the problems, promises a voucher today and
# a call next week: "Thank you for your message. Our records show that the driver arrived at
# 3 pm because nobody was at home earlier, so the delay is not our fault. Frozen goods must go
# in the freezer at once. We will send you a voucher for 20 yuan today and will call you next
# week." It argues with the customer (principle 1), so it fails point 1. Read it aloud in class
# and ask how Mrs Wang would hear it.

# %% [markdown]
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
# *(10 min)*
#
# `complaints_log` is a simulated log (its data card: `cl.datasets.describe("complaints_log")`)
# with one row per customer served in the first half of 2024, and the complaint details for
# those who complained: channel, severity, times received, acknowledged and resolved, which of
# the eight steps were done, compensation, satisfaction with the handling, whether the complaint
# was reopened, and whether the customer bought again.

# %%
log = cl.datasets.load("complaints_log")
log[["customer_id", "complained", "channel", "severity", "handling_satisfaction", "repurchased"]].head()

# %% [markdown]
# **Worked example.** In a True/False column, True counts as 1 and False as 0, so the column's
# mean is the share of True values. The percentage of customers served who bought again:

# %%
100 * log["repurchased"].mean()

# %% [markdown]
# **Exercise 06.complaint_rate.** Now the same for complaints: what percentage of the customers
# served complained? In the cell below, remove the `#` at the start of the second line and
# replace `___` with the name of the column that says whether a customer complained.

# %%
answer = None
# answer = 100 * log["___"].mean()

# %% tags=["solution"]
answer = 100 * log["complained"].mean()

# %%
cl.check("06.complaint_rate", answer)

# %% [markdown]
# `complaint_kpis` computes the rate and the other KPIs, each with an interval. The time to
# acknowledge and the time to resolve make precise what the handouts call complaint-handling
# efficiency (投诉处理效率): how fast the firm responds and how efficiently it solves the
# problem.

# %%
cl.complaints.complaint_kpis(log)

# %% [markdown]
# Times are medians, because a few complaints that take weeks would dominate a mean. The three
# complaints still open are not dropped from the time to resolve: dropping them would keep only
# the quick cases and make the process look faster than it is. They count as "not resolved by
# today" (censored), and the median comes from a Kaplan-Meier curve, the same method notebook 04
# uses for customers who have not churned yet. With very few complaints a median has no 95%
# interval at all; the table then says so and shows the coverage that is possible.
#
# **KPIs and bonuses.** One of the training materials' examples pays a bonus when a hotline's
# complaint rate is under 10 % (客户投诉率低于10%); that rewards complaints left unlogged as
# much as problems prevented. Before any of these figures goes into someone's pay, read the
# claim-check box *targets tied to bonuses* in notebook 02.
#
# Broken down by channel, the KPIs show where the process is slow.

# %%
by_channel = cl.complaints.complaint_kpis(log, by="channel").table
by_channel[by_channel["kpi"] != "complaint_rate"].pivot(index="group", columns="kpi", values="estimate")

# %% [markdown]
# ## Service recovery
# *(15 min)*
#
# Does good handling pay? The research on that question is summed up in the box below; here we
# practise the method on the simulated log. Compare repurchase among three groups: customers
# who did not complain, complainers who were satisfied with the handling (recovered), and
# complainers who were not.

# %%
recovery = cl.complaints.recovery_effect(log)
recovery

# %%
cl.plots.recovery_bars(recovery)
plt.show()

# %% [markdown]
# In this log, recovered complainers bought again more often than customers who never
# complained, and unrecovered ones far less. That first pattern is what researchers call the
# **service recovery paradox**. Here it is there because the simulator was written to produce
# it: read the box before drawing any lesson from it.
#
# > **Claim check: the service-recovery paradox**
# >
# > - **Where it comes from:** McCollough & Bharadwaj (1992), in an American Marketing
# >   Association conference paper, named it: after a failure that is put right well, a
# >   customer may end up more satisfied than if nothing had gone wrong. Hart, Heskett & Sasser
# >   (1990), "The profitable art of service recovery", Harvard Business Review, had made the
# >   business case for recovery two years earlier.
# > - **What it measured:** studies compare customers who had a failure that was then put right
# >   with customers who had no failure, mostly in scenario experiments (respondents read a
# >   described service incident) and some surveys of real customers, on satisfaction and on
# >   what customers intend to do next.
# > - **What later evidence says:** de Matos, Henrique & Rossi (2007), "Service recovery
# >   paradox: a meta-analysis", Journal of Service Research 10(1), pooled these studies. The
# >   paradox holds on average for satisfaction, but not for repurchase intention, word of
# >   mouth or corporate image.
# > - **How to present it:** "Good recovery wins back much of what a failure costs and can leave
# >   the customer more satisfied with the handling; it does not reliably make them more likely
# >   to buy again than if nothing had gone wrong." Never present it as a reason to tolerate
# >   failures. About this notebook's data, say it plainly: `complaints_log` is simulated, and
# >   its simulator was built with the paradox as its stated truth. It gives a customer without
# >   a complaint a repurchase probability of 0.75, a resolved complainer who rated the handling
# >   "satisfied" 0.80 and one who rated it "very satisfied" 0.91; the eight steps act on
# >   repurchase only through handling satisfaction. The analysis above shows that the method
# >   finds a truth that was put into the data; it is not evidence for the paradox, least of
# >   all for repurchase, where the meta-analysis does not find it.
#
# Which steps matter most? `recovery_model` fits two regressions on the complainers: handling
# satisfaction on the eight steps (least squares, in points on the 1–5 scale), and repurchase
# (logit) on the eight steps.

# %%
model = cl.complaints.recovery_model(log)
model.coefficients

# %% [markdown]
# Because the log is simulated, the true weights of the steps on handling satisfaction are
# known (data card): solution 1.2 is the largest and review 0.2 the smallest, on the simulator's
# ordered-logit scale. The fitted coefficients are on another scale (points on 1–5) but should
# rank the steps alike: solution and review come out first and last, and the steps in between
# are within noise of one another. This is a check of the method, not a finding about
# complaint handling; on a real log, the same model tells you which steps go with better
# handling in *your* team, and a trial (train one group of staff, compare) tells you whether
# adding a step causes it.
#
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
# saw, and discuss what the missing ones would have been worth in this simulated world.

# %% tags=["nbval-ignore-output"]
cl.widgets.complaint_simulator()

# %% [markdown]
# **Worked example.** Among the customers who complained, compare the repurchase rate when
# step 5 (a solution) was done with the rate when it was not:

# %%
complainers = log[log["complained"]]
rates = complainers.groupby("step_solution")["repurchased"].mean()
rates

# %%
100 * (rates.loc[True] - rates.loc[False])

# %% [markdown]
# **Exercise 06.full_process_gain.** Among the customers who complained, what is the
# repurchase rate (in %) of those whose complaint went through all eight steps, minus the rate
# of those who missed at least one step? Give the difference in percentage points. The first
# line below marks the complaints that went through every step. Remove the `#` signs, and
# replace `___` so that the complainers are grouped by that mark.

# %%
all_steps = complainers[list(cl.complaints.STEP_COLUMNS)].astype(bool).all(axis=1)  # True: all eight done
answer = None
# rates = complainers.groupby(___)["repurchased"].mean()
# answer = 100 * (rates.loc[True] - rates.loc[False])

# %% tags=["solution"]
rates = complainers.groupby(all_steps)["repurchased"].mean()
answer = 100 * (rates.loc[True] - rates.loc[False])

# %%
cl.check("06.full_process_gain", answer)

# %% [markdown]
# How many complaints went through every step?

# %%
all_steps.value_counts()

# %% [markdown]
# Only 15 of the 582 complaints had all eight steps, so the raw difference rests on 15
# customers and its 95% interval is more than 40 points wide. It is also much smaller than the
# model's contrast between "all eight steps" and "solution only", for two more reasons. Most
# complaints that missed a step still had most of the others, so the raw comparison is "all"
# against "almost all". And the groups differ in other ways: in this log, the complaints that
# went through every step were more often of medium severity. A raw difference mixes the
# effect of the steps with the effect of the case. *Discussion:* how would you find out
# whether training staff in steps 6–8 really raises repurchase?

# %% [markdown]
# ## Optimising service processes and preventing complaints (流程梳理、优化、监控)
# *(10 min)*
#
# Principle 6 says that fifty complaints of the same kind are a process to fix. The
# supermarket CRM deck describes how, under service-process optimisation (客户服务流程优化), in
# four steps:
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
# after; one good month shows little.
#
# **Handling and preventing** (客户投诉处理与预防). The deck sums up *handling* in four moves:
# respond promptly, listen carefully, solve the problem, and report back; the eight steps above
# spell them out. *Complaint prevention* (投诉预防) works before the complaint exists:
#
# - raise the quality of the product and the level of service, so that there is less to
#   complain about;
# - communicate with customers more, and before problems arise: for example, say that a
#   delivery will be late before the customer has to ask;
# - give complaints a channel and a mechanism behind it (投诉渠道和机制), so that small problems
#   are heard while they are small;
# - anticipate (step 11 of the measurement cycle in notebook 02): look for the problems that
#   could make customers unhappy and act first. The training materials' example is a supply
#   chain that may be interrupted: stock the critical parts in advance.
#
# A falling complaint count is not evidence of prevention. Many unhappy customers never
# complain (see the claim check above), so fewer complaints can also mean a channel that has
# become harder to find, or complaints that are no longer logged; read the count next to
# satisfaction, churn and your complaint-to-problem ratio.
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
# *(5 min)*
#
# - Never argue; emotions first; follow a written process; pass complaints upward quickly;
#   record and analyse everything.
# - Complaints are valuable: they come from the customers who still talk to you. How many stay
#   silent differs by business; measure your own complaint-to-problem ratio.
# - Eight steps: listen, feelings, cause, requirement, solution, thank, follow up, review; in a
#   real case, find which step comes next and which was skipped. Eleven "…一点" techniques.
# - Listen, ask, express clearly, give feedback: the four communication skills behind every
#   step, in conversation and in a written reply (thank, show you understood, act with a time,
#   follow up, never blame).
# - Track complaint rate, time to acknowledge and resolve, reopen rate and handling
#   satisfaction, each with an interval; do not tie a bonus to a low complaint rate.
# - Good recovery wins back much of the goodwill a failure costs. The recovery paradox holds on
#   average for satisfaction, not for repurchase (de Matos et al., 2007); the simulated log
#   shows the method, not the paradox.
# - Map, improve and monitor the service process; prevent complaints by quality, early
#   communication, an easy channel and anticipation.

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %%
cl.exercises.glossary("06")
