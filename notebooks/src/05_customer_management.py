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
# # 05 · Customer management (客户管理)
#
# **Time:** about 90 minutes.
#
# **After this notebook you will be able to**
# 1. define customer management and state its four principles; explain what CRM is (a way of
#    running the business, not only software), its core ideas, and how it arose (the 1990s
#    reversal of the supplier's "hunter" role; the start, development and maturity of CRM
#    tools);
# 2. run a 7P analysis of a customer base;
# 3. place people on the sales path (consumer → potential customer → prospect → transacted
#    customer) and measure the funnel;
# 4. segment customers with RFM, value tiers and the Pareto curve, tell value from customer
#    quality, and decide which are key accounts;
# 5. describe the three stages of customer management, saying which parts the source states
#    and which are reconstructed;
# 6. audit a customer-care and satisfaction management policy, write a missing article, and
#    pick the care action for a described customer;
# 7. run the customer-data cycle (collect → clean → analyse → apply) while protecting privacy.

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
# ## What customer management is (客户管理)
# *(5 min)*
#
# **Customer management (客户管理)** is the deep analysis of detailed customer data in order to
# raise customer satisfaction and the firm's competitiveness. One handout lists what it is for
# (客户管理的作用): shorter sales cycles and lower selling costs, more revenue, new markets and
# channels, and higher customer value, won through customers who are satisfied and stay
# loyal. Its means is accurate customer information: knowing which classes of customer are
# valuable or growing, and keeping them. The same list ends with the staff: they should share
# fully in the rewards that transacted and potential customers bring.
#
# The paper on customer management gives four principles (原则):
#
# 1. **It is dynamic**: customers change, so records must be kept current; a database that is
#    a year out of date misleads. (The copy of the paper in the materials has been garbled by
#    machine conversion and prints 静态, "static"; its own reason, that customers keep changing
#    and their records must keep being updated, shows that 动态, "dynamic", is meant.)
# 2. **Focus on key accounts**: give important customers and key accounts priority and enough
#    resources; a minority of customers brings most of the value (80/20).
# 3. **Use the data actively**: information that sits in a drawer serves nobody; the database
#    should help keep existing customers and find new ones.
# 4. **Give each customer a dedicated owner**: someone who knows the history and answers for
#    the relationship.
#
# This notebook uses the supermarket's member transactions: 5,000 members, two and a half
# years of purchases, with refunds as negative amounts.

# %%
members = cl.datasets.load("supermarket_members")
members.head()

# %% [markdown]
# ## What CRM is (客户关系管理)
# *(15 min)*
#
# **Customer relationship management (客户关系管理, CRM)** is often taken to mean a software
# package. The handouts say plainly that it is **not only software** or a set of procedures:
# it is first a **customer-centred** way of running the business (以客户为中心的经营理念).
# Two of them define it:
#
# - **The supermarket CRM deck**: CRM is a customer-centred business strategy
#   (以客户为中心的经营策略). The firm collects and analyses customer data and uses them to
#   improve every interaction it has with its customers; satisfaction and loyalty rise, and
#   profit grows with them.
# - **The paper on customer management**: a strategy for the whole firm (企业总体战略) that
#   reaches every department and every step of operations. Information technology gathers
#   what the firm learns about each customer's needs and habits; that knowledge is pooled and
#   shared instead of staying in one salesperson's head; and it is used to tailor products and
#   services and to build loyalty over years. The aim is a balance between the greatest value
#   for the customer and the greatest return for the firm.
#
# **Why it matters (重要性).** The deck argues that where competition is fierce, good customer
# relationships are an asset in their own right: CRM helps the firm understand what customers
# need, raise their satisfaction, lower the churn rate (客户流失率, notebook 04) and raise each
# customer's lifetime value (客户生命周期价值), and so makes the firm more competitive.
#
# The deck names four **core ideas (核心理念)**:
#
# - **customer-centred (以客户为中心)**: the customer is the firm's most important asset, and
#   meeting their needs and expectations is what raises satisfaction and loyalty;
# - **data-driven (数据驱动)**: customer data are collected, analysed and used for decisions
#   (the rest of this notebook);
# - **better interactions everywhere (优化客户互动)**: not only the sale, but service,
#   marketing and after-sales support;
# - **flexibility (灵活性)**: the strategy follows changes in the market and in customers'
#   needs, and the firm adjusts quickly.
#
# **Where it came from (发展历程).** Two handouts tell the story from two sides: the paper
# from the supplier's attitude, the deck from the tools. The paper defines a customer as any
# person or organisation that receives a service, dates the idea to the early twentieth
# century, and remarks that business people needed nearly a hundred years to grasp what it
# means.
#
# | period | the supplier's attitude (the paper) | the tools (the deck's three stages) |
# |---|---|---|
# | before the 1990s | the supplier acts as a **hunter (猎人)**: the manufacturer decides which products customers need, and customers are prey to be caught | **start (起步阶段)**, from the early 1980s: the first simple automation tools for customer records and sales leads |
# | the 1990s | **the reversal (逆转)**: customers are no longer prey but are given individual attention and developed (培育). Relationship marketing (关系营销) puts the customer relationship at the centre of strategy and marketing, and customer management becomes a concept of its own | **development (发展阶段)**: better computers and widespread databases let CRM systems join sales, marketing and service support |
# | from 2000 | (the paper says nothing of this period) | **maturity (成熟阶段)**: the internet and e-commerce make interactions and analysis smarter; social media and mobile devices bring new opportunities and new risks |
#
# (The paper dates relationship marketing to the 1990s. The term itself is older: it is usually
# credited to Berry, L. L. (1983), "Relationship marketing", in *Emerging Perspectives on
# Services Marketing*, American Marketing Association. The 1990s are when it spread.)
#
# Behind the table is a shift from product orientation (产品导向) to customer orientation
# (客户导向). The paper adds that traditional customer management concentrated on marketing
# and paid too little attention to the customers themselves, and that well-run customer
# management is often a competitive advantage in itself. One handout notes a double meaning:
# in everyday speech "customer management" is the software that automates the analysis
# (sales, marketing, service and support applications); for the firm it is the strategy of
# choosing and managing customers so that their long-term value is as high as possible, which
# works only with a customer-centred culture and leadership behind it. In this notebook
# "customer management" is the analytical core of CRM: the data work that makes the
# customer-centred strategy possible.

# %% [markdown]
# **Exercise 05.hunter_practices.** Five practices seen in firms today. Which **two** show the
# "hunter" thinking that the paper places before the 1990s? Answer with two letters, e.g.
# `"b, e"`.
#
# (a) The product team fixes next year's range on its own; marketing then looks for buyers.
# (b) A member whose visits have dropped gets a call asking what changed.
# (c) The service desk sees each caller's purchase and complaint history before answering.
# (d) A call campaign offers last quarter's surplus stock to every number on a bought list.
# (e) Each key account has a dedicated owner who reviews the relationship with it every
# quarter.

# %%
answer = None  # two letters, e.g. "b, e"

# %% tags=["solution"]
answer = "a, d"

# %%
cl.check("05.hunter_practices", answer)

# %% [markdown]
# *In class:* a sixth practice: a firm buys a CRM system, but nobody's job changes. Hunter or
# relationship? Neither: the tool of the development stage without the way of working of the
# reversal. It is the most common failure of CRM (notebook 07 has a supermarket case), and the
# reason the handouts insist that CRM is not only software. Ask which of the six practices
# your own organisation follows.

# %% [markdown]
# ## The 7P analysis
# *(10 min)*
#
# The 7P analysis looks at the customer base from seven angles:
#
# | P | question | example measure |
# |---|---|---|
# | **Profiling** | who are they: level, risk, hobbies, habits? | age band, preferred store, coupon use |
# | **Persistency** | how loyal, for how long, and is it changing? | tenure, retention by cohort (notebook 04) |
# | **Profitability** | what marginal, total and net profit does each customer bring? | net spend and margin per member |
# | **Performance** | how do sales split by product type, channel and location? | sales by store |
# | **Prospecting** | how many and which customers will we have, and how do we win them? | joiners per month, conversion funnel |
# | **Product** | design, relatedness of products, supply chain | baskets that combine categories |
# | **Promotion** | advertising and publicity, and what they achieve | coupon redemption, programme effects |
#
# Two of them from the member data: **Performance** by store, and **Profiling** by coupon use.

# %%
members.groupby("store", observed=True)["amount"].agg(transactions="size", sales="sum", average_basket="mean").round(1)

# %%
members.groupby("member_id")["coupon_used"].mean().describe()

# %% [markdown]
# **Exercise 05.seven_p.** An analyst computes the net profit each customer brought last
# year. Which P is that? (a) Profiling; (b) Persistency; (c) Profitability; (d) Performance.

# %%
answer = None  # one letter

# %% tags=["solution"]
answer = "c"

# %%
cl.check("05.seven_p", answer)

# %% [markdown]
# ## The classification path
# *(5 min)*
#
# Along the sales path people move through four stages:
#
# **consumer (消费者) → potential customer (潜在客户) → prospect (准客户) → transacted customer
# (成交客户)**
#
# A *potential customer* can afford the product and needs it; a *prospect* is a potential
# customer with a strong intention to buy; a *transacted customer* has bought. Sales effort
# goes to prospects first. Here is a list of 400 leads from a trade fair (simulated with the
# notebook's seeded generator), classified and turned into a funnel.

# %%
leads = pd.DataFrame({"can_afford": rng.random(400) < 0.6, "needs_it": rng.random(400) < 0.55})
leads["intends"] = leads["can_afford"] & leads["needs_it"] & (rng.random(400) < 0.45)
leads["bought"] = leads["intends"] & (rng.random(400) < 0.5)
leads["stage"] = cl.segments.classify_path(
    leads, can_afford="can_afford", needs="needs_it", intends="intends", purchased="bought"
)
cl.segments.path_funnel(leads["stage"])

# %% [markdown]
# **Exercise 05.sales_path.** A shop owner can afford a new till system and needs one, but has
# no plans to buy this year. Where is she on the path? (a) consumer; (b) potential customer;
# (c) prospect; (d) transacted customer.

# %%
answer = None  # one letter

# %% tags=["solution"]
answer = "b"

# %%
cl.check("05.sales_path", answer)

# %% [markdown]
# ## RFM and value tiers
# *(15 min)*
#
# Customers are also classified by **value**: high, medium and low. The most used scoring is
# **RFM** (Hughes, 1994): **recency** (days since the last purchase), **frequency** (number of
# purchases) and **monetary** value (net spending), each scored 1–5 by quintile.

# %%
scored = cl.segments.rfm(members, customer="member_id", date="date", amount="amount")
scored.table.sort_values("score", ascending=False).head()

# %% [markdown]
# **Value is not the whole of customer quality.** The article on customer quality indicators
# (客户质量指标, notebook 01) defines them as a set of measures of customers' satisfaction and
# loyalty, and names two kinds:
#
# | kind | indicator | where it comes from |
# |---|---|---|
# | what customers **do** | purchase frequency (购买频率) and purchase amount (购买金额), each over a stated period | the till: the F and M of RFM above |
# | what customers **think** | satisfaction (客户满意度); loyalty, measured by the repurchase rate (再购买率) and the referral rate (推荐率); brand favourability (品牌好感度) | surveys (notebooks 02 and 03) |
#
# The article gives them three uses: to see the firm's image in its customers' eyes, to find
# where to improve, and to compare the firm with its competitors. The member data hold only
# the first kind. A value tier ranks members by what they have spent, not by how satisfied
# they are; a high spender who is quietly unhappy looks excellent until the day they leave.
# Recency is the till's earliest warning.
#
# The **Pareto curve** (Lorenz curve) shows how concentrated the value is; the Gini
# coefficient summarises it (0 = everyone spends the same, 1 = one member spends everything).
# Here the table reports the share of spending that comes from the **top 10%** of members
# (`top=0.1`); the exercise below asks for another cut.

# %%
spend = members.groupby("member_id")["amount"].sum()
concentration = cl.segments.pareto(spend, top=0.1)
concentration

# %%
cl.plots.lorenz_curve(concentration)
plt.show()

# %% [markdown]
# **Worked example.** The same share by hand, in three lines: sort the members' net spending
# from the largest, count how many members make the top 10% (rounding up), and divide their
# spending by everyone's. It gives the same number as the table's top share.

# %%
ranked = spend.sort_values(ascending=False)  # each member's net spend, largest first
top_10 = int(np.ceil(0.10 * len(ranked)))  # how many members are the top 10%
share_10 = 100 * ranked.iloc[:top_10].sum() / ranked.sum()  # their spend as a % of all spend
pd.Series({"members in the top 10%": top_10, "their % of net spending": round(share_10, 1)}, dtype=object)

# %% [markdown]
# **Exercise 05.top20_share.** What percentage of the members' total net spending comes from
# the top **20%** of members? Copy the worked example: fill in the two blanks `___` in the cell
# below, then delete the `# ` at the start of its last two lines and run it.

# %%
answer = None  # a percentage, e.g. 55.2
# top_20 = int(np.ceil(___ * len(ranked)))
# answer = 100 * ranked.iloc[:___].sum() / ranked.sum()

# %% tags=["solution"]
top_20 = int(np.ceil(0.2 * len(ranked)))
answer = 100 * ranked.iloc[:top_20].sum() / ranked.sum()

# %%
cl.check("05.top20_share", answer)

# %% [markdown]
# The **value tiers** cut the same ranking into three: high value is the top 20% of members,
# medium the next 30%, low the rest. Compare the high tier's spending with your answer above.

# %%
tiers = cl.segments.value_tiers(spend)
spend.groupby(tiers, observed=True).agg(members="size", total_spend="sum").round(0)

# %%
cl.plots.value_tier_bars(spend, tiers)
plt.show()

# %% [markdown]
# The 80/20 explorer moves the cut-off along the same curves (Lorenz on the left, the Pareto
# view from the largest customer down on the right). *What if* the rule were 70/30 or 90/10:
# what share of spending does the top 10% bring, and the top 30%? Switch to the real CDNOW
# music-store customers (`cdnow`): is their value more or less concentrated than the
# supermarket's, and what does that mean for a key-account programme?

# %% tags=["nbval-ignore-output"]
cl.widgets.pareto_explorer()

# %% [markdown]
# ## Key-account management (大客户管理)
# *(10 min)*
#
# **Key accounts (大客户)** get priority resources: a dedicated owner, faster service, tailored
# offers, and regular reviews of the relationship. The ABC analysis picks them: class A is the
# smallest group of customers that together make 80% of value, B the next 15%, C the rest.
#
# *Value* here means what a customer earns the firm. The member data carry only spending, so
# net spend stands in for it. Where margins are known, rank by margin (the Profitability of the
# 7P): a large buyer on thin margins can earn the firm less than a smaller one, and a
# key-account programme built on turnover spends its best people on the wrong customers.

# %%
abc = cl.segments.abc_classes(spend)
abc.groupby("class", observed=True)["value"].agg(members="size", spend="sum").round(0)

# %% [markdown]
# *Discussion:* the A class is about a third of the members here, not a fifth. How many
# accounts can one key-account manager look after, and what would you offer the A class that
# the others do not get?
#
# **Exercise 05.key_accounts.** A maker of food packaging (食品包装) sells to six business
# customers. Last year's figures, in millions of yuan:
#
# | customer | revenue | gross margin |
# |---|---|---|
# | (a) a drinks bottler | 6.2 | 0.10 |
# | (b) a dairy | 3.0 | 0.96 |
# | (c) a bakery chain | 2.6 | 0.68 |
# | (d) a cosmetics maker | 0.8 | 0.16 |
# | (e) a florists' chain | 0.3 | 0.06 |
# | (f) a printer | 0.2 | 0.04 |
#
# The firm has one key-account manager and will follow the ABC rule of this section. Which
# customers become its key accounts (大客户)? Answer with letters, e.g. `"a, e"`.

# %%
answer = None  # letters, e.g. "a, e"

# %% tags=["solution"]
answer = "b, c"

# %%
cl.check("05.key_accounts", answer)

# %% [markdown] tags=["solution"]
# *Trainer note (05.key_accounts).* By margin (total 2.00): the dairy 0.96 (48%), plus the
# bakery chain 0.68 (82%): class A is the dairy and the bakery chain. By revenue (total 13.1)
# the bottler alone is 47% and would join them, yet its margin is the fourth largest. Ask the
# group what the bottler should get instead (a B-class service level, and a talk about price
# or cost to serve), and whether either A account is growing or shrinking: the ABC rule looks
# backwards, like the value tiers.

# %% [markdown]
# ## The three stages of customer management (客户管理三阶段)
# *(5 min)*
#
# The paper on customer management (论“客户管理”三阶段) proposes that customer management
# proceed in three stages (not to be confused with the deck's three stages of CRM tools in the
# CRM section).
#
# > **What the source says, and what is reconstructed.** The copy of the paper in the training
# > materials is a web extract that breaks off early, and its abstract has been garbled by
# > machine conversion. The body names and describes only the **first** stage before it stops
# > in mid-sentence. The abstract says that the paper proposes three stages, analyses
# > key-account management (大客户管理), and deals with the proper handling of customers'
# > complaints and praise (客户抱怨及赞扬); it does not say that these are the second and third
# > stages. The names of stages 2 and 3 below are **our reconstruction** from the abstract: a
# > plausible reading, not the author's words.
#
# 1. **Collect customer information and build the customer database** (搜集客户信息，建立客户资料库).
#    *Stated in the source.* "Research before sales" (销售未动，调查先行): the paper holds
#    that detailed records of every customer are essential, and that without good customer
#    records there can be no customer management.
# 2. **The management and key-account stage** (*reconstructed*): classify customers, look
#    after each class, give key accounts priority (the sections above).
# 3. **Complaint and praise handling** (*reconstructed*): respond to what customers say, fix
#    what went wrong and learn from what went right (notebook 06).
#
# The paper introduces the stages with two figures already met in notebook 01, presented as
# research findings without a source: winning a new customer costs "4–6 times" as much as
# keeping one, and brand-loyal customers bring "9 times" the profit of others. Notebook 01's
# claim-check box **"4–6 times" and "9 times"** gives their status: origin not traceable.
# Quote them as the handout's claim, never as a research result.

# %% [markdown]
# ## The customer-care and satisfaction management policy (客户关怀和客户满意度管理制度)
# *(15 min)*
#
# Caring for customers stays a slogan until someone writes down who does what. The training
# materials include a model **policy (制度)** that does this. Its parts:
#
# - **Purpose (目的)**: to set common rules for how the firm cares for customers and manages
#   their satisfaction, so that satisfaction rises, relationships stay good and the firm
#   becomes more competitive.
# - **Principles (基本原则)**: all staff take part (全员参与); continuous improvement (持续改进);
#   the customer first (客户至上); service innovation (服务创新); transparency and fairness
#   (透明公正); procedures that can actually be followed (程序可行); and effective execution
#   (有效执行).
# - **Scope and responsibilities**: the policy binds every employee and the firm's partners,
#   and names sales, customer service, R&D, production and quality control; it covers every
#   contact with customers. Care is therefore not the service desk's job alone: a production
#   delay or a quality lapse is a care failure too.
# - **Definitions**: "customer" includes existing *and* potential customers; "care" means
#   attending to customers' needs, opinions and feedback on the firm's own initiative
#   (主动关怀) and keeping in touch actively; "satisfaction" covers product quality, on-time
#   delivery and service quality; "management" means running care and satisfaction as an
#   organised, systematic activity.
#
# The care articles (客户关怀管理) then say what the firm does:
#
# 1. **Analyse and classify customers (客户分析和分类)**: research the needs, preferences and
#    purchasing power of potential customers in the market, classify customers, and give
#    each class its own care strategy, with regular contact and personalised service (the
#    value tiers and key accounts of this notebook).
# 2. **Communication and feedback (客户沟通和反馈)**: a hotline, e-mail and social media, quick
#    replies to questions, suggestions and complaints, and regular satisfaction surveys whose
#    results lead to improvements (notebook 02).
# 3. **Customer education (客户教育) and training (客户培训)**: information and guidance so
#    that customers use and maintain the product correctly, and training sessions that share
#    technical know-how. A customer who cannot use a product properly blames the product, so
#    education raises satisfaction as surely as a better product does.
# 4. **Customer events (客户活动) and gifts (礼品赠送)**: regular events such as customer forums
#    (座谈会) and product experience days, where staff meet customers face to face; and giving
#    gifts (赠送礼品) on suitable occasions to thank customers for their long support and trust.
#
# Two other handouts add to this. Care is an investment (投资客户关怀): gifts and preferential
# prices, but also a service so systematic that every detail takes the customer's feelings
# into account. And care counts most at certain moments: just after the purchase, when the
# product reaches the end of its service life, and when the customer's situation of use
# changes; a timely thank-you, reminder or question then does more than at any other time
# (notebook 01).
#
# **Building and maintaining the relationship (客户关系的建立与维护).** The supermarket deck
# separates two jobs. *Building* it (客户关系建立) means earning trust and cooperation through
# effective communication, interaction and service. *Maintaining* it (客户关系维护) means
# following customers' changing needs, offering personalised service and care, and solving
# their problems promptly. A handout on the elements of CRM calls the second job customer
# maintenance (客户维护) and asks the firm to follow each customer through the whole life
# cycle: first contact, communication, maintenance, development and service. A care policy is
# the maintenance job written down.
#
# The satisfaction-management chapter of the policy starts with managing customers' needs
# (客户需求管理) through market research and customer interviews; the text in the materials
# breaks off there, and notebooks 02 (measurement) and 06 (complaints) cover the rest.

# %% [markdown]
# **Exercise 05.care_audit.** A maker of kitchen appliances shows you its care policy:
#
# 1. Customers are put into three classes by what they bought in the last two years; each
#    class has its own contact plan, and the top class has a named contact person.
# 2. The hotline and the e-mail address are answered within one working day; a satisfaction
#    survey goes out every year, and its results go to the management meeting.
# 3. Every spring the firm holds a customer forum (座谈会) and a cooking day where customers
#    try the new models.
# 4. Customers of the top class receive a gift at the Spring Festival, worth at most 200 yuan
#    and entered in a gift register.
# 5. Every department, from design to delivery, is named as responsible for customer care.
#
# Which element of the care articles is missing? (a) classification with a care strategy per
# class; (b) communication and feedback; (c) customer education and training; (d) customer
# events; (e) gifts; (f) none, the policy is complete.

# %%
answer = None  # one letter

# %% tags=["solution"]
answer = "c"

# %%
cl.check("05.care_audit", answer)

# %% [markdown]
# **Exercise 05.education_clause.** Write the article that the appliance maker's policy lacks
# (the one you found in 05.care_audit), in English or Chinese, in one to three sentences. Say
# **what** the firm gives its customers, **when**, and **who** is responsible. Put your text
# between the quotation marks.

# %%
answer = None  # your article as text, e.g. "..."

# %% tags=["solution"]
answer = (
    "When the appliance is delivered, the installer shows the customer how to use and clean it "
    "and leaves a printed quick guide; within a month the customer-service department calls to "
    "answer questions and invites the customer to a free online training session. The "
    "customer-service manager is responsible for this article."
)

# %%
cl.check("05.education_clause", answer)

# %% [markdown] tags=["solution"]
# *Trainer edition: model answer and rubric (05.education_clause).*
#
# Model answer (English): the one in the solution cell above. Model answer (Chinese):
# 「产品送货安装时，由安装师傅当面演示使用和清洁方法，并留下使用指南；购买后一个月内，客服部回访解答疑问，
# 并邀请客户参加免费的线上使用培训。本条由客服部经理负责。」
#
# The check looks for three points, all needed (any language):
#
# | point | what it asks | words the check accepts (examples) |
# |---|---|---|
# | content | what customers receive to use and maintain the product | instructions, guide, demonstration, training, video; 说明、指导、演示、培训、视频 |
# | when | the moment: at delivery, after purchase, within a stated time, regularly | when, after, within, every year; 购买后、安装时、一个月内、定期 |
# | who | a department, role or person who answers for it | department, team, engineer, manager, responsible; 客服部、负责、专人 |
#
# The check reads words, not meaning: read a passing answer aloud and ask whether a new
# employee could carry it out tomorrow (程序可行) and whether an auditor could tell that it
# happened (有效执行). Good answers tie education to the care moments (first use, end of
# service life, a change in use) and leave a record, such as a sign-off at installation.

# %% [markdown]
# **Exercise 05.place_customer.** The supermarket's member Ms Li joined two years ago and
# shopped almost every week. By net spend she ranks 420th of the 5,000 members. Her last
# purchase was fourteen weeks ago, and her RFM recency score has fallen from 5 to 1. Which
# tier is she in, and what should the supermarket do?
#
# (a) Medium tier; add her to the monthly flyer that goes to every member.
# (b) High tier; nothing yet: her total spend still keeps her in the top tier.
# (c) High tier; send her a gift to thank her for two years of support.
# (d) High tier; her dedicated owner contacts her to ask what changed, and acts on the answer.

# %%
answer = None  # one letter

# %% tags=["solution"]
answer = "d"

# %%
cl.check("05.place_customer", answer)

# %% [markdown] tags=["solution"]
# *Trainer note (05.place_customer).* 420 of 5,000 is the top 8.4%, inside the top 20%: high
# tier. Total spend looks backwards; recency shows she is leaving. Notebook 04's win-back rule
# (fight hardest for customers of most value, and start by finding the cause) and the care
# articles (communication and feedback; care when the situation of use changes) both point to
# a personal contact. A gift thanks a customer who is staying; sent now, it thanks her without
# asking why she left. Ask: who in your organisation would notice Ms Li's silence, and after
# how many weeks?

# %% [markdown]
# *In class:* audit your own organisation against the model with this checklist (it can also
# be done after class). For each row write who is responsible and one piece of evidence that
# it happens.
#
# | article | question to ask | who is responsible? | evidence |
# |---|---|---|---|
# | purpose and principles | Is there a written policy, and does every department know it applies to them? | | |
# | responsibilities | Which departments are named? Who answers for a care failure caused by production or delivery? | | |
# | classification | Does each class of customer get a different care plan? | | |
# | communication and feedback | How quickly is an e-mail answered? When was the last satisfaction survey? | | |
# | customer education | What does a customer receive after buying: instructions, training, a follow-up call? | | |
# | customer events | When did staff last meet customers outside a sale? | | |
# | gifts | What are the rules: occasions, value limit, a register? | | |
#
# The last row deserves a discussion of its own: to a business customer's employee, a gift can
# break their employer's rules or anti-bribery law. "Suitable occasions" has to be spelled out.

# %% [markdown]
# ## Customer data and privacy
# *(5 min)*
#
# The supermarket CRM deck describes a four-step data cycle:
# **collection** (member registration, till transactions, surveys) → **cleaning**
# (duplicates, refunds, impossible values; notebook 02's cleaning report) → **analysis**
# (data mining, segmentation, trend prediction) → **application** (personalised service and
# precision marketing). The RFM scores above are the analysis step; a coupon sent to
# members whose recency score has dropped is the application step.
#
# Customer data must be protected on three counts, the classic security triad:
#
# - **confidentiality**: only those who need the data can see it;
# - **integrity**: the data are not altered without authority;
# - **availability**: the data are there when the customer or the business needs them.
#
# In practice: collect only what you need, tell customers what you collect and why, restrict
# and log access, pseudonymise data used for analysis (the course datasets use IDs, not
# names), and delete what is no longer needed. China's Personal Information Protection Law
# (2021) and the EU's GDPR (2016) make these duties legal obligations.

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - CRM is a customer-centred way of running the whole business, not only software; its core
#   ideas are customer-centred, data-driven, better interactions everywhere and flexibility.
#   In the 1990s the supplier stopped being the hunter who decides what the customer needs;
#   the tools went through a start (1980s), development (1990s) and maturity (from 2000).
# - Customer management analyses detailed customer data; it is dynamic, focused on key
#   accounts, data-driven and personally owned.
# - The 7P analysis covers who customers are, how long they stay, what they earn us, where
#   sales come from, who comes next, what we sell and how we promote it.
# - The sales path runs consumer → potential → prospect → transacted; the funnel shows where
#   people drop out.
# - RFM, value tiers, ABC classes and the Pareto curve find the key accounts; rank by what a
#   customer earns the firm, and watch recency, because value looks backwards and quality
#   indicators such as satisfaction need asking.
# - Three stages: research and database (stated in the source); management and key accounts,
#   complaints and praise (reconstructed from a garbled abstract).
# - A care and satisfaction policy states purpose, principles and responsibilities, and commits
#   the firm to classification, communication, customer education and training, events and
#   gifts; each article needs a what, a when and a who.
# - Data flow from collection to application, protected for confidentiality, integrity and
#   availability.

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*
#
# For reference after class.

# %%
cl.exercises.glossary("05")
