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
# # 05 · Customer management (客户管理)
#
# **Time:** about 90 minutes.
#
# **After this notebook you will be able to**
# 1. define customer management and state its four principles;
# 2. run a 7P analysis of a customer base;
# 3. place people on the sales path (consumer → potential customer → prospect → transacted
#    customer) and measure the funnel;
# 4. segment customers with RFM, value tiers and the Pareto curve, and decide which are key
#    accounts;
# 5. describe the three stages of customer management;
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
# - Customer management analyses detailed customer data; it is dynamic, focused on key
#   accounts, data-driven and personally owned.
# - The 7P analysis covers who customers are, how long they stay, what they earn us, where
#   sales come from, who comes next, what we sell and how we promote it.
# - The sales path runs consumer → potential → prospect → transacted; the funnel shows where
#   people drop out.
# - RFM, value tiers, ABC classes and the Pareto curve find the key accounts.
# - Three stages: research and database; management and key accounts; complaints and praise.
# - Data flow from collection to application, protected for confidentiality, integrity and
#   availability.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("05")
