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
#    running the business, not only software) and how it arose;
# 2. run a 7P analysis of a customer base;
# 3. place people on the sales path (consumer → potential customer → prospect → transacted
#    customer) and measure the funnel;
# 4. segment customers with RFM, value tiers and the Pareto curve, and decide which are key
#    accounts;
# 5. describe the three stages of customer management, and audit a customer-care and
#    satisfaction management policy;
# 6. run the customer-data cycle (collect → clean → analyse → apply) while protecting privacy.

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
# *(10 min)*
#
# **Customer management (客户管理)** is the deep analysis of detailed customer data in order to
# raise customer satisfaction and the firm's competitiveness. Four principles go with it:
#
# 1. **It is dynamic**: customers change, so records must be kept current; a database that is
#    a year out of date misleads.
# 2. **Focus on key accounts**: a minority of customers brings most of the value (80/20).
# 3. **Use the data actively**: information that sits in a drawer serves nobody.
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
# *(10 min)*
#
# **Customer relationship management (客户关系管理, CRM)** is often taken to mean a software
# package. The training materials insist that it is **not only software** or a set of
# procedures: it is first a **customer-centred** way of running the business
# (以客户为中心的经营理念), a strategy for the whole firm that reaches every department and
# every step of operations. In the paper on customer management it is a firm-wide strategy
# built on customer knowledge: information technology gathers what the firm learns about each
# customer, the knowledge is shared instead of staying in one salesperson's head, and it is
# used to tailor offers and build loyalty over years. The paper frames the aim as a balance
# between the value the customer gets and the return the firm earns.
#
# The supermarket CRM deck names four **core ideas**:
#
# - **customer-centred**: the customer is the firm's most important asset, and meeting their
#   needs and expectations is what raises satisfaction and loyalty;
# - **data-driven**: customer data are collected, analysed and used for decisions (the rest of
#   this notebook);
# - **better interactions everywhere**: not only the sale, but service, marketing and
#   after-sales support;
# - **flexibility**: the strategy follows changes in the market and in customers' needs.
#
# **Where it came from.** The paper on customer management dates the idea of the customer to
# the early twentieth century and remarks that firms needed most of a century to grasp it.
#
# | period | the supplier's role and the tools |
# |---|---|
# | before the 1990s | the supplier acts as a **hunter** (猎人): the manufacturer decides what the customer needs, and the customer is prey to be caught. In the 1980s the first simple tools automate customer records and sales leads. |
# | the 1990s | **the reversal**: the customer is no longer prey but someone to be looked after and developed (培育). Relationship marketing (关系营销) spreads and puts the customer relationship at the centre of strategy; customer management becomes a concept of its own. Cheaper computers and databases let CRM systems join sales, marketing and service. |
# | the 2000s on | the internet and e-commerce, then social media and mobile phones, give more channels and more data, and more ways to get the relationship wrong. |
#
# Behind the table is a shift from product orientation (产品导向) to customer orientation
# (客户导向). Earlier customer management concentrated on selling and paid little attention to
# the customer as such; the paper treats well-run customer management as a competitive
# advantage in itself. The word "customer management" in this notebook is the
# analytical core of CRM: the data work that makes the customer-centred strategy possible.
#
# *In class:* sort these practices into "hunter" and "relationship" thinking, then ask which
# your own organisation does. (1) A call campaign pushes last quarter's surplus stock to every
# number on the list. (2) A member whose visits have dropped gets a call asking what changed.
# (3) Sales targets count new contracts only. (4) The service desk sees the customer's history
# before answering. (5) A CRM system is bought, but nobody's job changes. Point (5) is the most
# common failure: software without the way of working (notebook 07 has a supermarket case).

# %% [markdown]
# ## The 7P analysis
# *(15 min)*
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
answer = None

# %% tags=["solution"]
answer = "c"

# %%
cl.check("05.seven_p", answer)

# %% [markdown]
# ## The classification path
# *(15 min)*
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
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("05.sales_path", answer)

# %% [markdown]
# ## RFM and value tiers
# *(20 min)*
#
# Customers are also classified by **value**: high, medium and low. The most used scoring is
# **RFM** (Hughes, 1994): **recency** (days since the last purchase), **frequency** (number of
# purchases) and **monetary** value (net spending), each scored 1–5 by quintile. Frequency and
# amount are two of the customer quality indicators of notebook 01.

# %%
scored = cl.segments.rfm(members, customer="member_id", date="date", amount="amount")
scored.table.sort_values("score", ascending=False).head()

# %%
spend = members.groupby("member_id")["amount"].sum()
tiers = cl.segments.value_tiers(spend)
spend.groupby(tiers, observed=True).agg(members="size", total_spend="sum").round(0)

# %%
cl.plots.value_tier_bars(spend, tiers)
plt.show()

# %% [markdown]
# The **Pareto curve** (Lorenz curve) shows how concentrated the value is; the Gini
# coefficient summarises it (0 = everyone spends the same, 1 = one member spends everything).

# %%
concentration = cl.segments.pareto(spend)
concentration

# %%
cl.plots.lorenz_curve(concentration)
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
# **Exercise 05.top20_share.** What percentage of the members' total net spending comes from
# the top 20% of members? Sum each member's amounts, sort from the largest, take the top 20%
# of members (rounding the count up) and divide.

# %%
answer = None

# %% tags=["solution"]
ranked = spend.sort_values(ascending=False)
top = int(np.ceil(0.2 * len(ranked)))
answer = 100 * ranked.iloc[:top].sum() / ranked.sum()

# %%
cl.check("05.top20_share", answer)

# %% [markdown]
# ## Key-account management (大客户管理)
# *(10 min)*
#
# **Key accounts (大客户)** get priority resources: a dedicated owner, faster service, tailored
# offers, and regular reviews of the relationship. The ABC analysis picks them: class A is the
# smallest group of customers that together make 80% of value, B the next 15%, C the rest.

# %%
abc = cl.segments.abc_classes(spend)
abc.groupby("class", observed=True)["value"].agg(members="size", spend="sum").round(0)

# %% [markdown]
# *Discussion:* the A class is about a third of the members here, not a fifth. How many
# accounts can one key-account manager look after, and what would you offer the A class that
# the others do not get?

# %% [markdown]
# ## The three stages of customer management (客户管理三阶段)
# *(10 min)*
#
# The paper on customer management describes three stages:
#
# 1. **Collect customer information and build the customer database** ("research before
#    sales"): know who the customers are before selling to them.
# 2. **The management and key-account stage**: classify customers, look after each class, give
#    key accounts priority.
# 3. **Complaint and praise handling**: respond to what customers say, fix what went wrong
#    and learn from what went right (notebook 06).
#
# It quotes the research figures already met in notebook 01: winning a new customer costs 4–6
# times as much as keeping one, and a loyal customer brings about 9 times the profit.

# %% [markdown]
# ## The customer-care and satisfaction management policy (客户关怀和客户满意度管理制度)
# *(10 min)*
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
#   delivery and service quality.
#
# The care articles then say what the firm does:
#
# 1. **Analyse and classify customers**, with a care strategy for each class, regular contact
#    and personalised service (the value tiers and key accounts of this notebook).
# 2. **Communication and feedback**: a hotline, e-mail and social media, quick replies to
#    questions, suggestions and complaints, and regular satisfaction surveys (notebook 02).
# 3. **Customer education (客户教育)**: information and guidance so that customers use and
#    maintain the product correctly, and training sessions that share technical know-how. A
#    customer who cannot use a product properly blames the product, so education raises
#    satisfaction as surely as a better product does.
# 4. **Customer events (客户活动) and gifts (礼品赠送)**: regular events such as customer forums
#    (座谈会) and product experience days, where staff meet customers face to face; and gifts on
#    suitable occasions to thank customers for their long support and trust.
#
# The satisfaction-management chapter that follows starts with managing customers' needs
# through market research and interviews; the text in the materials breaks off there, and
# notebooks 02 (measurement) and 06 (complaints) cover the rest.
#
# *In class:* audit your own organisation against the model with this checklist. For each row
# write who is responsible and one piece of evidence that it happens.
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
# *(10 min)*
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
#
# - CRM is a customer-centred way of running the whole business, not only software; in the
#   1990s the supplier stopped being the hunter who decides what the customer needs.
# - Customer management analyses detailed customer data; it is dynamic, focused on key
#   accounts, data-driven and personally owned.
# - The 7P analysis covers who customers are, how long they stay, what they earn us, where
#   sales come from, who comes next, what we sell and how we promote it.
# - The sales path runs consumer → potential → prospect → transacted; the funnel shows where
#   people drop out.
# - RFM, value tiers, ABC classes and the Pareto curve find the key accounts.
# - Three stages: research and database; management and key accounts; complaints and praise.
# - A care and satisfaction policy states purpose, principles and responsibilities, and commits
#   the firm to classification, communication, customer education, events and gifts.
# - Data flow from collection to application, protected for confidentiality, integrity and
#   availability.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("05")
