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
# **Time:** about 120 minutes (each section gives its share; the trainer guide says what to cut for 90).
#
# **After this notebook you will be able to**
# 1. say who the customer is, in the words of the service credo and in the narrow and wide
#    definitions; tell internal from external customers, and consumers from customers;
# 2. explain satisfaction as the gap between expectation and experience, add the direct effect
#    of performance itself, and name the five satisfaction levels in English and Chinese;
# 3. draw the chain from service standards to loyalty, say where expectations come from, and
#    decide for a given firm whether to lower a promise or raise its performance;
# 4. put a number on what a customer is worth (discounted margin, not revenue) and say where
#    the course's folklore figures come from and how far they can be trusted;
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
# a credo: six statements that service staff are meant to carry to the counter. In our words:
#
# 1. The customer is **the most important person in the business**, whether they come in
#    person or write to us.
# 2. The customer is **not dependent on us; we are dependent on them**: they can live without
#    us, we cannot do without them.
# 3. The customer is **not an interruption of our work but its purpose**: not a nuisance
#    (讨厌鬼) who disturbs us, but the reason we make the effort at all.
# 4. The customer is not someone to argue with or outwit: the moment we win the argument is the
#    moment we lose the customer.
# 5. The customer comes to get something they want and, in doing so, brings us what we want.
# 6. The customer is the one who brings us their needs; satisfying them and making sure they
#    gain from dealing with us is our job.
#
# The same page adds a string of slogans: the customer is "God" (上帝),
# the one who feeds and clothes us (衣食父母), our president (总裁), the foundation the company
# stands on and the source of its profit. (A note of ours, not the handout's: versions of the
# credo circulate on posters, sometimes credited to famous people; no reliable source backs
# those credits, so present it as a service credo, not as a quotation.)
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
# The handout gives the customer two meanings. In the narrow sense a customer is **the person
# who buys our goods or receives our service** (购买商品或接受服务的人). In the wide sense a
# customer is **anyone we deal with** in our work (与之打交道的人). Then it turns to the reader:
# by this definition, who are *your* customers? (谁是您的客户?) Ask the class the same question
# before reading on.
#
# - **External customers (外部客户)** are buyers and users outside the organisation.
# - **Internal customers (内部客户)** are colleagues served by colleagues. The handout speaks to
#   a car dealer's sales consultants and service specialists: they too have internal customers,
#   the dealer's own staff, and these matter as much as the external ones. Treating colleagues
#   as customers raises internal satisfaction, and raising internal satisfaction raises
#   external satisfaction too: the workshop that gets the right parts on time serves the car
#   owner better.
#
# A **consumer (消费者)** is anyone who uses a product category: everybody who drinks coffee,
# everybody who drives a car. A consumer becomes **our customer (客户)** only by coming to *us*;
# from then on they also help the firm sell and earn. Turning consumers into our customers is
# the first step of customer management (notebook 05). The difference matters for measurement:
# a satisfaction survey reaches customers; market research reaches consumers, including the
# ones who never chose us.
#
# **Exercise 01.internal_customer.** A car dealer's IT help desk keeps the computers, the order
# system and the parts database running. Which **two** of these people are the help desk's
# *internal* customers?
# (a) a sales consultant whose laptop cannot reach the order system;
# (b) a car buyer who phones to ask when her new car will be delivered;
# (c) the workshop foreman who needs the parts database working before 8 a.m.;
# (d) the software firm that supplies and updates the dealer's CRM system;
# (e) a visitor who cannot connect to the showroom's guest Wi-Fi.

# %%
answer = None  # two letters in quotes, such as "d, e"

# %% tags=["solution"]
answer = "a, c"  # colleagues who need the help desk's work; (b) and (e) are external customers, (d) a supplier

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
# **Performance counts on its own, too.** The gap is not the whole story. Churchill and
# Surprenant (1982, *Journal of Marketing Research*) tested both in an experiment with a
# plant (a non-durable product) and a video disc player (a durable one). For the plant,
# expectations, performance and disconfirmation all shaped satisfaction; for the video disc
# player, performance alone did. A customer who expected a poor service and got one had no
# unpleasant surprise, but that does not make them satisfied.
#
# `cl.survey.disconfirmation` therefore combines two parts, both on the five levels:
#
# - the **gap part** D: the level the gap alone implies (5 exceeded, 4 met, then 3, 2, 1 for
#   each point short);
# - the **performance part** Q: the perception itself.
#
# **satisfaction score = 0.6 × D + 0.4 × Q**, rounded to the nearest level. The weight of
# performance, 0.4, is a teaching default, not a measured value: the right weight depends on
# the product, as Churchill and Surprenant found. With this weight the gap keeps the larger
# share (the definition above), and meeting a low expectation with a poor service no longer
# reads as "satisfied". Worked example: expected 1, perceived 1. The gap is 0, so D = 4
# (expectations met); Q = 1; the score is 0.6 × 4 + 0.4 × 1 = 2.8, which rounds to level 3
# (neutral), not 4. For expectations of 3 or more (with no tolerance zone) the two readings
# agree; they part where expectations were low. `performance_weight=0` gives the gap alone, `performance_weight=1`
# performance alone.

# %%
pairs = pd.DataFrame({"expectation": [3, 4, 5, 5, 4, 1], "perception": [5, 4, 4, 2, 5, 1]})
result = cl.survey.disconfirmation(pairs["expectation"], pairs["perception"])
pairs.assign(gap=result.gap, gap_part=result.gap_part, performance_part=result.performance_part,
             score=result.score, level=result.label)

# %% [markdown]
# Read the rows: the fourth customer expected the best and got a 2; the gap of −3 puts them at
# "very dissatisfied" even though a 2 would be "dissatisfied" on its own. The same
# performance pleases one customer and disappoints another, because their expectations differ.
# The last customer got exactly what they expected, a 1, and ends at neutral: no surprise, but
# no satisfaction either.
#
# Try it with the explorer: set an expectation and a perception and read both parts and the
# level. *What if* questions for the class: expected 1 and perceived 1, then slide the weight of
# performance to 0 and to 1; expected 4 and perceived 3: what could the firm change, the
# perception or the expectation?

# %% tags=["nbval-ignore-output"]
cl.widgets.disconfirmation_explorer()

# %% [markdown]
# **Exercise 01.disconfirmation.** A customer expected a 4 and perceived a 5. Which outcome does
# the model predict? (a) dissatisfied; (b) satisfied; (c) delighted.

# %%
answer = None  # a letter in quotes

# %% tags=["solution"]
answer = "c"  # perceived above expected: expectations exceeded

# %%
cl.check("01.disconfirmation", answer)

# %% [markdown]
# **Exercise 01.performance_effect.** A commuter expects little of her bus line: she rates her
# expectation 2 and, after the ride, her perception 2. Work out her satisfaction score with the
# default weight, as in the worked example above.

# %%
answer = None  # fill in the blanks, then delete the "# " in front of the next line and run the cell
# answer = 0.6 * ___ + 0.4 * ___

# %% tags=["solution"]
answer = 0.6 * 4 + 0.4 * 2  # gap 0: expectations met, gap part 4; performance part 2

# %%
cl.check("01.performance_effect", answer)

# %% [markdown]
# ## The five satisfaction levels (五级满意度)
# *(10 min)*
#
# Service surveys in Chinese usually ask for one of five verbal levels (五级): 很满意
# *very satisfied*, 满意 *satisfied*, 基本满意 or 一般 *basically satisfied / neutral*,
# 不满意 *dissatisfied*, 很不满意 *very dissatisfied*. The package stores them as the scale
# `satisfaction5` with codes 1 to 5, so that every table can show either language.

# %%
levels = cl.scales.get("satisfaction5")
pd.DataFrame({"code": levels.values, "English": levels.labels("en"), "中文": levels.labels("zh-CN")})

# %% [markdown]
# **Exercise 01.two_guests.** Two guests eat the same hotel breakfast. Guest A booked after
# reading reviews that called it "the best breakfast in town" and expected a 5. Guest B had been
# told by a colleague that the breakfast was poor and expected a 2. Both find it good: a 4.
# With the model above (default weight), at which levels do they end up?
# (a) both at the same level, because the breakfast is the same;
# (b) A very satisfied, B neutral (basically satisfied);
# (c) A dissatisfied, B satisfied;
# (d) A neutral (basically satisfied), B very satisfied.
#
# *Then discuss:* where did each guest's expectation come from, and which of those sources
# could the hotel influence?

# %%
answer = None  # a letter in quotes

# %% tags=["solution"]
answer = "d"  # A: 0.6 x 3 + 0.4 x 4 = 3.4 -> 3; B: 0.6 x 5 + 0.4 x 4 = 4.6 -> 5

# %%
cl.check("01.two_guests", answer)

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
# *(15 min)*
#
# The training materials describe a chain:
#
# **service standards (服务标准) → customer expectations (客户期望) → satisfaction (客户满意) →
# loyalty (客户忠诚)**.
#
# A **service standard** is a fixed work procedure that raises the quality of the product or the
# service; following it helps staff meet what customers expect, and that decides whether the
# customer buys from us or from a competitor. Promises and past experience shape expectations;
# delivery against expectations produces satisfaction, which the handout calls a state of
# mind: the pleasure of having one's needs met, earned every time and not only on the days
# when staff happen to be in a good mood. Repeated satisfaction produces loyalty.
# **Loyalty is the core goal**: satisfaction alone is not enough, because a merely satisfied
# customer still compares offers and still leaves for a better one. The aim the handout sets is
# to meet the standards at all times and to try to exceed both the standards and the
# customer's expectations. Meeting and exceeding expectations pays, the handout goes on
# (满足并超过客户期望的益处): it wins customers' complete satisfaction and loyalty
# (赢得客户的完全满意和忠诚), supports the dealer's long-term growth and income
# (有助于您和经销商的长期发展及收益), means delivering consistently high quality
# (始终如一地提供高质量的产品和服务) and gives an edge over competitors (在竞争中占据优势).
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
#
# ### Where expectations come from (期望值的产生)
#
# The handout asks the reader: when you walk into a dealer's showroom to buy a car, what do you
# expect, where does that expectation come from, and what will you expect once you have bought?
# Many small moments, each leaving a small impression, add up. The handout leaves the answer
# to the class; research on service expectations (Zeithaml, Berry & Parasuraman, 1993,
# *Journal of the Academy of Marketing Science*) names the usual sources:
#
# - what the firm itself promises: advertising, the website, what the salesperson says;
# - the customer's own past experience, with this firm and with others;
# - what others say: friends, colleagues, online reviews;
# - what competitors offer, which becomes the yardstick;
# - the customer's own needs and situation (a driver whose car is needed for work tomorrow).
#
# Only the first source is fully in the firm's hands, and it is the easiest one to overdo.
#
# ### Promise or performance?
#
# A gap can be closed from either side: raise the performance, or make a promise the firm can
# keep. Neither is always right.
#
# **Exercise 01.promise_or_performance.** Two firms, two broken expectations.
# *Firm A, a courier,* advertises "next day, everywhere". It delivers 70% of parcels the next
# day and 99% within two days; its rivals promise two days. Next-day delivery to remote
# addresses would need a fleet that costs more than those deliveries earn.
# *Firm B, a dental clinic,* tells patients "you will be seen at your appointment time".
# Patients wait 40 minutes on average, because the receptionist books two patients into many
# slots, a habit she could stop tomorrow at no cost; waiting is the clinic's most frequent
# complaint. Which lever should each firm pull?
# (a) A: lower the promise; B: lower the promise.
# (b) A: lower the promise; B: raise performance.
# (c) A: raise performance; B: lower the promise.
# (d) A: raise performance; B: raise performance.

# %%
answer = None  # a letter in quotes

# %% tags=["solution"]
answer = "b"  # A cannot afford the promise; B can fix the performance for free, and punctuality is taken for granted

# %%
cl.check("01.promise_or_performance", answer)

# %% [markdown]
# **Exercise 01.promise_rewrite.** A written answer, in English or Chinese. A dealer's
# workshop has a sign over the reception desk: *"We fix any car in one hour, guaranteed!"*
# (任何车一小时修好，保证！). The facts: a routine service (oil, filters, checks) takes 60 to 90
# minutes; a repair starts with a check of the car, after which the workshop can say what is
# needed, what it costs and how long it will take, usually within two hours; parts that are
# not in stock take one to three days to arrive. Rewrite the promise in one or two sentences so
# that it sets an expectation the workshop can meet. (Look again at what the dealer's repair
# customers expect in the table above.)

# %%
answer = None  # your promise as text in quotes, e.g. answer = "..."

# %% tags=["solution"]
answer = ("A routine service takes 60 to 90 minutes while you wait. For a repair we first check the car "
          "and call you within 2 hours with the work needed, the price and when it will be ready.")

# %%
cl.check("01.promise_rewrite", answer)

# %% [markdown] tags=["solution"]
# **Trainer: model answers and rubric for 01.promise_rewrite.**
#
# - English: *"A routine service takes 60 to 90 minutes while you wait. For a repair we first
#   check the car and call you within 2 hours with the work needed, the price and when it will
#   be ready."*
# - 中文：*"常规保养约60到90分钟，您可以在休息区等候；需要维修的车，我们先检查，2小时内给您打电话，
#   告知维修项目、费用和完工时间。"*
#
# The check looks for three points, in this order (all must be met):
#
# 1. **No blanket promise**: none of "any", "always", "guarantee(d)", "no matter", "whatever",
#    "every car", "all cars" / 任何, 保证, 无论, 一律, 绝对, 所有车. The original sign fails here.
# 2. **A concrete time with its unit**: a number and minutes, hours or days (分钟、小时、天).
# 3. **The customer is kept informed**: a call, an explanation, an estimate or a price
#    (电话、告知、说明、报价、费用).
#
# The check reads words, not meaning; read good answers aloud and discuss. Points to raise:
# an answer such as "we guarantee a call within 2 hours" is honest but fails point 1 (ask
# whether the word adds anything the customer can check); "we fix most cars in one hour and
# call you with the price" meets all three points but still over-promises for repairs; the best
# answers separate routine service from repairs, because the two carry different expectations.

# %% [markdown]
# ## Satisfaction and loyalty are not linear
# *(10 min)*
#
# In competitive industries, the handout says, the loyalty curve over the five satisfaction
# levels is strongly non-linear. It quotes "research" (研究表明) finding that **completely
# satisfied customers are six times as loyal as merely satisfied ones**, and its chart puts the
# big step in repurchase between a 4 and a 5, not between a 2 and a 3. Behaviour differs by
# level:
#
# - **loyal (very satisfied) customers** buy everything of that kind from you;
# - **satisfied customers** still buy some of it elsewhere;
# - **dissatisfied customers** warn family and friends away.
#
# > **Claim check: "six times as loyal"**
# >
# > - **Where it comes from:** the handout names no source. The figure matches Jones, T. O. &
# >   Sasser, W. E. (1995), "Why satisfied customers defect", *Harvard Business Review* 73(6).
# > - **What it measured:** one firm, Xerox. Its business customers who rated themselves
# >   "totally satisfied" (5 on a 5-point scale) were six times as likely to buy Xerox equipment
# >   again over the next 18 months as those who were "satisfied" (4). One company, one market
# >   (office equipment), repurchase over 18 months.
# > - **What later evidence says:** Jones and Sasser themselves showed that the shape of the
# >   curve depends on competition: steep where customers have many alternatives and switching
# >   is easy, flat where they have few. Mittal & Kamakura (2001), *Journal of Marketing
# >   Research* 38(1), found among car owners that the same satisfaction rating went with
# >   different repurchase rates in different groups of customers. That the top box matters most
# >   in competitive markets is well supported; the multiple six belongs to Xerox.
# > - **How to present it:** "At Xerox, as Jones and Sasser reported in 1995, totally satisfied
# >   customers were six times as likely to buy again as satisfied ones. In your market the ratio
# >   may be 2 or 10: measure it on your own customers" (notebook 03 shows how). Never say
# >   "research shows" without naming the firm. None of the course's real datasets records
# >   satisfaction, so the course cannot test the figure; the simulated `auto_dealer` data have
# >   it built in.
#
# The practical lesson, wherever the curve has this shape: moving customers from "satisfied"
# to "very satisfied" pays more than moving them from "dissatisfied" to "neutral", and a report
# that only gives the share "satisfied or better" hides the difference.
#
# The car dealer's customers (dataset `auto_dealer`, used again in notebook 03) are
# **simulated**. Its data card (`cl.datasets.describe("auto_dealer")`) states the truth the
# simulator was given: 12% of customers at level 4 and 72% at level 5 come back within two
# years, a built-in ratio of 0.72 / 0.12 = 6. The data therefore say nothing about whether
# real customers anywhere are six times as loyal; they let us practise the calculation on
# data whose answer we know, and see how close a sample of 2,000 customers comes to it. For
# each overall satisfaction level, the share who came back:

# %%
dealer = cl.datasets.load("auto_dealer")
dealer.groupby("overall_satisfaction", observed=True)["repurchase"].agg(["size", "mean"]).rename(
    columns={"size": "customers", "mean": "share who came back"}
)

# %% [markdown]
# **Exercise 01.loyalty_ratio.** The simulator was built with a ratio of 6. What ratio does this
# sample of 2,000 customers show? Divide the share who came back among customers who scored 5 by
# the share among those who scored 4 (the table above gives both; three decimals are enough).

# %%
answer = None  # fill in the two shares from the table, delete the "# " in front of the next line, run
# answer = ___ / ___

# %% tags=["solution"]
share = dealer.groupby("overall_satisfaction", observed=True)["repurchase"].mean()
answer = share.loc[5] / share.loc[4]

# %%
cl.check("01.loyalty_ratio", answer)

# %% [markdown]
# The sample's ratio differs from the 6 that was put in only by sampling noise; notebook 03
# puts a confidence interval on it and models the whole curve. That is all this exercise
# shows: the calculation recovers a ratio the simulator was given.

# %% [markdown]
# ## Customer lifetime value (终身价值)
# *(15 min)*
#
# An old joke from the handout: a young lawyer, fresh from a famous American law school, wins
# his first case within days and boasts to his father, also a lawyer, who has worked on a case
# for four years without closing it. The father replies: "Son, where do you think your
# expensive tuition came from?" Behind the joke is the idea of **customer lifetime value
# (终身价值)**: a customer is not one sale but the whole stream of business they bring while
# they stay.
#
# The handout adds that Ford estimated that a customer, from the first car they choose, brings
# **at least USD 300,000** of value.
#
# > **Claim check: Ford's USD 300,000**
# >
# > - **Where it comes from:** origin not traceable. The handout says only that Ford
# >   "estimated" it (福特汽车公司估计); the figure circulates in sales training without a Ford
# >   publication or study behind it that we could find.
# > - **What it measured:** unknown. As quoted it reads as revenue: everything one buyer
# >   spends on cars, service and parts over a lifetime, across the whole brand, with nobody
# >   leaving early and no discounting of money that arrives decades later.
# > - **What later evidence says:** customer-lifetime-value research values a customer as the
# >   discounted *margin* they are expected to bring, allowing for the chance that they leave
# >   (Gupta & Lehmann, 2003, *Journal of Interactive Marketing* 17(1)). On those terms one
# >   buyer is worth far less to one dealer, as the exercise below shows with invented numbers.
# > - **How to present it:** as a memorable way to say "a customer is a stream of business, not
# >   one sale", then work out a discounted margin. Never multiply a lifetime figure by the
# >   customers lost in a year and call the result an annual loss: it is the value that leaves
# >   with that year's lost customers, spread over the years they would have stayed.
#
# The course uses **one timing convention** for lifetime value (notebook 04 uses the same):
# margin *m* is earned at the end of each year *t* = 1, 2, …, *T*; the first year's margin is
# certain, and each later year's only if the customer is still there, which happens with
# probability *r*^(*t*−1) when a share *r* stays each year (the retention rate); a discount
# rate *d* turns money received in year *t* into today's money by dividing by (1 + *d*)^*t*:
#
# $$\text{CLV} = \sum_{t=1}^{T} \frac{m\, r^{t-1}}{(1+d)^{t}}.$$
#
# Worked example, on numbers that are not the exercise's: margin 1,000 a year, retention 0.7,
# discount 10%, three years.

# %%
margin, retention, discount, years = 1000, 0.7, 0.10, 3
example = pd.DataFrame({"year": range(1, years + 1)})
example["chance still a customer"] = retention ** (example["year"] - 1)
example["value today of 1 paid that year"] = 1 / (1 + discount) ** example["year"]
example["expected margin, valued today"] = (
    margin * example["chance still a customer"] * example["value today of 1 paid that year"]
)
example.round(3)

# %% [markdown]
# Adding the last column gives the lifetime value. The same sum in one line of Python, where
# `range(1, years + 1)` runs through the years 1, 2 and 3:

# %%
column_total = example["expected margin, valued today"].sum()
one_line = sum(margin * retention ** (t - 1) / (1 + discount) ** t for t in range(1, years + 1))
pd.Series({"sum of the last column": column_total, "the same in one line": one_line}, name="CLV")

# %% [markdown]
# **Exercise 01.ford_lifetime.** What is one new car buyer worth to a dealer today? The numbers
# are invented but plausible: the buyer brings the dealer about USD 6,000 of revenue a year
# (servicing, parts, accessories and a share of the next car), of which the dealer keeps a
# margin of USD 1,500; 80% of buyers are still customers a year later; money is discounted at
# 8% a year; count at most 10 years. Use the course's convention above.

# %%
answer = None  # fill in the blanks, delete the "# " in front of both lines below, and run the cell
# margin, retention, discount, years = ___, ___, ___, ___
# answer = sum(margin * retention ** (t - 1) / (1 + discount) ** t for t in range(1, years + 1))

# %% tags=["solution"]
margin, retention, discount, years = 1500, 0.8, 0.08, 10  # the margin, not the USD 6,000 of revenue
answer = sum(margin * retention ** (t - 1) / (1 + discount) ** t for t in range(1, years + 1))

# %%
cl.check("01.ford_lifetime", answer)

# %% [markdown]
# Compare your answer with USD 300,000. Three things shrink it: margin instead of revenue, the
# buyers who leave, and discounting. If poor service loses 12 such buyers this year, the dealer
# gives up 12 times your answer: the value that leaves with this year's lost buyers, spread over
# the ten years they might have stayed, not a loss per year. Notebook 04 computes lifetime
# value from data, with the chance of leaving estimated rather than assumed.

# %% [markdown]
# ## The 80/20 rule (80/20法则)
# *(5 min)*
#
# The 80/20 rule says that about **80% of sales come from about 20% of customers**: the loyal
# core. Lose that core and you lose most of the business, which is why the course keeps coming
# back to loyalty rather than to average satisfaction. The exact split differs by business; the
# telecom customers of IBM's public sample (`telco_churn`, a fictional company) show how
# concentrated revenue can be.

# %%
telco = cl.datasets.load("telco_churn")
revenue = telco["TotalCharges"].dropna().sort_values(ascending=False)
top_fifth = revenue.iloc[: int(np.ceil(0.2 * len(revenue)))]
pd.Series({"share of total charges from the top 20% of customers": f"{top_fifth.sum() / revenue.sum():.1%}"})

# %% [markdown]
# Here the top fifth brings far less than 80%: a subscription business with similar monthly
# fees is less concentrated than a retailer with a few big buyers. The rule is a warning to
# look, not a law; notebook 05 draws the full Lorenz curve and computes the Gini coefficient.

# %% [markdown]
# ## Keeping customers costs less than winning them
# *(5 min)*
#
# Two figures are repeated in the training materials (the paper on the three stages of
# customer management introduces them with "research shows", 研讨说明):
#
# - acquiring a new customer costs **4–6 times** as much as keeping an existing one;
# - the profit from brand-loyal customers is about **9 times** that from non-loyal ones.
#
# > **Claim check: "4–6 times" and "9 times"**
# >
# > - **Where it comes from:** origin not traceable. The handout gives no source, and both
# >   figures circulate widely in marketing writing without a study that can be checked.
# > - **What it measured:** unknown: no industry, firm or period is named, nor what counts as a
# >   cost of winning or keeping a customer (advertising, sales time, discounts?) or who counts
# >   as "brand-loyal".
# > - **What later evidence says:** the ratio of acquisition to retention cost depends on the
# >   business and on what is counted, so there is no general multiple. On profit, Reinartz &
# >   Kumar (2002), "The mismanagement of customer loyalty", *Harvard Business Review* 80(7),
# >   found in the four firms they studied that long-standing customers were not reliably the
# >   most profitable: some loyal customers cost more than they bring. (Retention and profit:
# >   notebook 04's box on Reichheld & Sasser, 1990.)
# > - **How to present it:** "Winning a customer usually costs more than keeping one; how much
# >   more is something to measure in your own accounts." Do the arithmetic of the exercise
# >   below with your own figures rather than with the multiples.
#
# Worked example, on other numbers: a gym spends 40 a year to keep a member and 120 to win a
# new one. Losing 10 members and replacing each of them costs 10 × (120 − 40) = 800 more than
# keeping them would have.
#
# **Exercise 01.replacement_cost.** Suppose a shop's own accounts show that keeping a customer
# costs 50 a year and winning a new one costs 5 times as much (invented numbers). The shop loses
# 200 customers and replaces each with a new one. How much more does replacing them cost than
# keeping them would have?

# %%
answer = None  # fill in the blanks, delete the "# " in front of the next line, run the cell
# answer = ___ * (___ - ___)

# %% tags=["solution"]
answer = 200 * (5 * 50 - 50)

# %%
cl.check("01.replacement_cost", answer)

# %% [markdown]
# ## How to raise satisfaction
# *(5 min)*
#
# The materials give six ways, from the boardroom to the front line: the satisfaction chapter
# lists the first five, and other handouts in the same collection add the sixth.
#
# 1. **Make it strategy**: satisfaction targets belong in the business plan, not only in the
#    service department, and every step of the work should serve them.
# 2. **Customer-centred thinking**: customers are the firm's resource and lifeline; think as they
#    think, care for them and adapt to what they ask.
# 3. **Build a customer database**: you cannot remember preferences you never recorded (the
#    carrot-juice case in notebook 07 shows what recording makes possible).
# 4. **Communication and care**: thank customers, remind them, and consult them at the moments
#    that matter: right after the purchase, at the end of the product's service life, and
#    when their situation of use changes.
# 5. **Staff service quality**: the customer meets the firm through its people, so the level of
#    satisfaction is set by the level of service staff give.
# 6. **Training and incentives** (培训员工, 激励机制): train staff, and reward them when
#    satisfaction targets are met. One handout's example is a bonus for a service hotline whose
#    complaint rate stays under 10%. A target tied to pay invites gaming (a complaint that is
#    not logged lowers the rate as surely as one that is prevented), so read notebook 02's claim
#    box "targets tied to bonuses" before tying anyone's bonus to a score.
#
# The other handouts, and the article on customer quality, repeat this advice in lists of their
# own and put the product itself first: provide quality products and services
# (提供优质的产品和服务, 优质服务), with quality assured from development through production
# to after-sales (保证产品质量, 提高产品质量); give attentive after-sales service (贴心的售后服务)
# that solves the problem and shows the firm's attitude; offer value-added services (增值服务)
# such as technical advice; and watch the customer's experience (关注客户体验), improving the
# service wherever it disappoints (不断改进服务质量).
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
# *(5 min)*
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
# *(5 min)*
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
# *(5 min)*
#
# - The credo: the customer is the most important person in the business, we depend on them,
#   and they are the purpose of our work, not an interruption of it.
# - A customer is anyone we deal with; internal customers matter as much as external ones,
#   because their service becomes the external customer's service.
# - Satisfaction is the gap between perceived result and prior expectation, plus the direct
#   effect of performance itself (Churchill & Surprenant, 1982): a poor service that was
#   expected is not "satisfied". The goal is 事后获得 > 事先期望, and the five verbal levels run
#   from 很不满意 to 很满意.
# - Standards shape expectations, expectations frame satisfaction, satisfaction builds loyalty,
#   and loyalty is the goal. Expectations come from promises, experience, word of mouth and
#   competitors; a firm can close a gap by raising performance or by promising what it keeps.
# - Where competition is strong, the link from satisfaction to loyalty is steepest at the top;
#   the "six times" is Xerox's figure (Jones & Sasser, 1995), so measure your own.
# - A customer is worth a stream of discounted margins, far less than Ford's untraceable USD
#   300,000 of revenue; winning customers usually costs more than keeping them, by a multiple
#   to measure, not to quote; a minority of customers brings much of the revenue.
# - Kano shows that features please in different ways; SERVQUAL turns expectations and
#   perceptions into measurable gaps.
#
# The exercises of this notebook, by task (recall, compute, transfer to a new situation) and by
# kind of answer:

# %%
cl.exercises.list_exercises("01")

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %%
cl.exercises.glossary("01")
