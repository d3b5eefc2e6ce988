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
# # 07 · Case studies (案例)
#
# **Time:** about 90 minutes (15–20 minutes per case).
#
# **After this notebook you will be able to**
# 1. tell the five cases of the training materials and draw the lesson of each;
# 2. name what supermarket customers look for (convenience, variety, quality assurance) and
#    say which of it a member log can show;
# 3. test each lesson on data: personalised service and return visits, small attentions and
#    repeat customers, a member programme before and after, targeting lapsing regulars, and a
#    dealer's survey report;
# 4. say what the data can and cannot show about each lesson.

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
# ## The carrot juice at a Hong Kong hotel (胡萝卜汁)
# *(20 min)*
#
# A businessman staying at a Hong Kong hotel mentions at dinner, once and in passing, that
# carrot juice is his favourite drink. Six months later he returns, and a glass of carrot juice
# is waiting in his room. It is there at every stay for the next ten years. Over that decade
# the room rate rises more than threefold, and he stays loyal to the hotel.
#
# The lesson: **recorded preferences make personalised service possible**, and personalised
# service makes the customer "unable to leave you". Nobody remembers a remark for ten years;
# a guest profile does.
#
# **Exercise 07.carrot_juice.** What did the hotel need, above all, to repeat the gesture for
# ten years? (a) a larger minibar; (b) a guest profile in which staff record preferences and
# read them before each stay; (c) lower room rates; (d) a loyalty points scheme.

# %%
answer = None

# %% tags=["solution"]
answer = "b"

# %%
cl.check("07.carrot_juice", answer)

# %% [markdown]
# **Data exercise.** `hotel_guests` follows 1,000 guests over their stays. At the first stay
# about half mention a preference; on later stays the hotel usually has it ready without being
# asked (`personalised`). Did personalised stays bring guests back more often, even as rates
# rose?

# %%
hotel = cl.datasets.load("hotel_guests")
hotel.groupby("year")["room_rate"].mean().round(0).to_frame("average room rate (HKD)").T

# %% [markdown]
# **Exercise 07.hotel_return_gap.** Compare like with like: keep the stays from the second
# stay on, where a preference was on file and the next year is known. What is the return rate
# (in %) of personalised stays minus that of the other stays, in percentage points?

# %%
answer = None

# %% tags=["solution"]
like = hotel[(hotel["stay_number"] >= 2) & hotel["preference_recorded"] & hotel["returned_next_year"].notna()]
rates = like.groupby("personalised")["returned_next_year"].mean()
answer = 100 * (rates.loc[True] - rates.loc[False])

# %%
cl.check("07.hotel_return_gap", answer)

# %% [markdown]
# The hotel data also carry the SERVQUAL questions of notebook 01: expectations and
# perceptions on the five dimensions. The average gaps, with intervals, show where the hotel
# falls short.

# %%
dimensions = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
expected = hotel[[f"exp_{d}" for d in dimensions]].set_axis(dimensions, axis=1)
perceived = hotel[[f"per_{d}" for d in dimensions]].set_axis(dimensions, axis=1)
servqual = cl.survey.gap_scores(expected, perceived, scale="agree7")
servqual

# %%
cl.plots.gap_chart(servqual)
plt.show()

# %% [markdown]
# ## Pearl's phone booth (珍珠的电话亭)
# *(15 min)*
#
# In Chongqing a young woman called Pearl, out of work, rents a 6 m² telephone kiosk on a quiet
# street. She notices callers standing while they wait, and puts out a chair. She notices
# people searching their pockets for something to write a number on, and adds a box of paper
# and pens. Queues form, so she installs two more phones. Waiting customers want a smoke or a
# drink, so she stocks cigarettes and drinks; young couples linger, so she adds snacks. Within
# six months the kiosk is a small, profitable shop living on repeat customers.
#
# Question for the class: **what was her secret?**
#
# **Exercise 07.phone_booth.** Choose the *two* best answers: (a) she watched what her waiting
# customers lacked and supplied it; (b) she undercut the other kiosks' prices; (c) small
# attentions made people come back and bring others; (d) she advertised in the newspaper.

# %%
answer = None

# %% tags=["solution"]
answer = "a, c"

# %%
cl.check("07.phone_booth", answer)

# %% [markdown]
# **Data exercise.** The case gives no figures, so here is an illustration (invented numbers,
# not data from the case): daily customers in the month after each addition. Compute the growth
# from each step to the next, and discuss which additions responded to a need you could have
# observed.

# %%
kiosk = pd.DataFrame(
    {
        "month": [1, 2, 3, 4, 5, 6],
        "addition": ["phone only", "a chair", "paper and pens", "two more phones", "cigarettes and drinks", "snacks"],
        "daily customers": [40, 52, 61, 95, 118, 134],
    }
)
kiosk.assign(growth=kiosk["daily customers"].pct_change().round(2))

# %% [markdown]
# ## Supermarket customers: convenience, variety, quality assurance (便利性、多样性、品质保证)
# *(10 min)*
#
# Before its cases, the supermarket CRM deck says what supermarket customers look for. Three
# traits stand out:
#
# - **Convenience (便利性)**: shoppers want to find what they came for quickly and to get in and
#   out easily: a store nearby, a layout that makes sense, a short queue at the till.
# - **Variety (多样性)**: the customers themselves are varied (every age, sex, occupation and
#   income) and so are their needs, so they expect a wide range of goods to choose from.
# - **Quality assurance (品质保证)**: as people seek a better quality of life they ask more of
#   what they buy, and they lean towards brands and retailers with a reputation for reliable
#   quality.
#
# Each trait is an expectation in the sense of notebook 01, and each can become a service
# standard with a figure to watch:
#
# | trait | what the store does | a figure to watch | data it needs |
# |---|---|---|---|
# | convenience (便利性) | location, clear layout, enough tills, opening hours | waiting time at the till; share of purchases at the nearest store | till timestamps, store of each purchase |
# | variety (多样性) | a broad assortment, local and seasonal products | categories per basket; "could not find it" comments | the lines of each basket, by category |
# | quality assurance (品质保证) | supplier checks, fresh-food rotation, easy returns | refund rate; quality complaints | refunds, the complaint log |
#
# The member log used in the cases below holds only one row per basket: member, date, amount,
# store, coupon. Here is what it can say about the three traits.

# %%
shoppers = cl.datasets.load("supermarket_members")
bought = shoppers[shoppers["amount"] > 0]
visits = bought.groupby("member_id")["store"].agg(
    purchases="size", at_most_used_store=lambda stores: stores.value_counts().iloc[0]
)
regulars = visits[visits["purchases"] >= 5]
pd.Series(
    {
        "Members with 5 or more purchases": len(regulars),
        "Their purchases made at their most-used store (%)": round(
            100 * regulars["at_most_used_store"].sum() / regulars["purchases"].sum(), 1
        ),
        "Refunds (% of all transactions)": round(100 * (shoppers["amount"] < 0).mean(), 1),
    },
    dtype=object,
).to_frame("value")

# %% [markdown]
# Regular members make about nine in ten purchases at one store, which fits shoppers who value
# a store close to home or work (in this simulated chain each member was given a home store, so
# the figure illustrates the measure rather than proving the point). Refunds hint at quality
# but mix faulty goods with changed minds. **Variety cannot be seen at all**: the log has basket
# totals, not the products in them. Knowing which question your data can answer is the first
# defence against the failure case in the next section.
#
# *Discussion:* a discount supermarket and a premium one weigh the three traits differently.
# How? Which trait would you ask about in the members' satisfaction survey because the till data
# cannot answer it?

# %% [markdown]
# ## The supermarket member programme: success and failure
# *(20 min)*
#
# The CRM deck describes a **success**: a large supermarket's member system with points,
# coupons, member events and data-driven personal offers, which raised repurchase and
# satisfaction. And a **failure**: a supermarket whose CRM system failed because nobody
# analysed the data it collected; the cards were issued, the data piled up, and nothing
# changed for the customer.
#
# The deck also lists what supermarket CRM must cover: segmentation and positioning; loyalty
# programmes (points, coupons, member pricing); satisfaction surveys; customer care; crisis
# handling. It names the usual churn causes in retail (poor quality, unreasonable prices, weak
# service, competitors) and their counter-measures (quality control, price checks against
# competitors, service training, and a member offer that competitors cannot copy easily).
#
# **Data exercise.** `supermarket_members` records the members of a chain that relaunched its
# programme on 1 July 2023 with personalised coupons and 1.5 points per yuan.
#
# **Exercise 07.coupon_uplift.** Leave out refunds (negative amounts). By how many percentage
# points did the share of purchases made with a coupon change after the relaunch?

# %%
answer = None

# %% tags=["solution"]
purchases = cl.datasets.load("supermarket_members").query("amount > 0")
coupon_share = purchases.groupby("programme", observed=True)["coupon_used"].mean()
answer = 100 * (coupon_share.loc["after"] - coupon_share.loc["before"])

# %%
cl.check("07.coupon_uplift", answer)

# %% [markdown]
# Coupon use tripled, but did the programme raise spending? A naive before/after comparison of
# sales cannot say: the members joined in 2022 and some of them stopped buying over time, so
# "after" has fewer active members regardless of the programme. This is the failure case in
# miniature: data without the right analysis mislead. A fair evaluation compares like with
# like, for example purchases per *still active* member, or a control group of stores that
# relaunch later.

# %%
members = cl.datasets.load("supermarket_members")
monthly = members.assign(month=members["date"].dt.to_period("M").astype(str)).groupby("month").agg(
    active_members=("member_id", "nunique"), sales=("amount", "sum")
)
monthly["sales per active member"] = monthly["sales"] / monthly["active_members"]
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
monthly["sales"].plot(ax=axes[0], title="total sales")
monthly["sales per active member"].plot(ax=axes[1], title="sales per active member")
for ax in axes:
    ax.axvline(list(monthly.index).index("2023-07"), color="grey", ls=":")
plt.show()

# %% [markdown]
# ## The convenience store
# *(15 min)*
#
# A convenience store succeeds with three things: **precise positioning** (it knows whom it
# serves: commuters and nearby residents), **member purchase records**, and **proactive
# recommendations** based on them (it suggests the new yoghurt to the member who buys yoghurt
# every morning, and calls the regular who has not been in for a month).
#
# **Data exercise.** Proactive contact pays most for *lapsing regulars*: members who used to buy
# often but have not been seen lately. In the supermarket data, find them.
#
# **Exercise 07.lapsing_regulars.** Count the members who made at least 20 purchases (positive
# amounts) and whose last purchase was more than 90 days before 1 July 2024.

# %%
answer = None

# %% tags=["solution"]
purchases = members[members["amount"] > 0]
per_member = purchases.groupby("member_id").agg(purchases=("date", "size"), last_purchase=("date", "max"))
days_away = (pd.Timestamp("2024-07-01") - per_member["last_purchase"]).dt.days
answer = int(((per_member["purchases"] >= 20) & (days_away > 90)).sum())

# %%
cl.check("07.lapsing_regulars", answer)

# %% [markdown]
# RFM (notebook 05) finds the same group systematically: a high frequency score with a low
# recency score.

# %% [markdown]
# ## The dealer survey report
# *(20 min)*
#
# The last case is a company's **survey summary report**: the number of valid questionnaires,
# overall satisfaction, product versus service quality, and findings split by pre-sale,
# in-sale and after-sale service. In the source report, in-sale service was the weakest: slow
# order handling, late delivery and staff who lacked expertise.
#
# Here is the template filled from the dealer's survey. The dealer's six sales items map onto
# the stages: respect, expertise and time to think happen **before the sale**; follow-up when
# hesitant and the price talk **during the sale**; the delivery call and the repair items
# **after the sale**.

# %%
dealer = cl.datasets.load("auto_dealer")
stages = {
    "pre-sale": ["sales_respect", "sales_expertise", "sales_time_to_think"],
    "in-sale": ["sales_follow_up", "sales_price_talk"],
    "after-sale": ["sales_delivery_call", "repair_convenience", "repair_promises", "repair_explanation",
                   "repair_on_time", "repair_follow_up_call", "repair_advice"],
}
rows = []
for stage, stage_items in stages.items():
    for item in stage_items:
        result = cl.survey.disconfirmation(dealer[f"exp_{item}"], dealer[f"perf_{item}"], scale="agree7")
        rows.append({"stage": stage, "item": item, "mean gap": result.gap.mean(), "n": result.n})
gaps = pd.DataFrame(rows)
gaps.groupby("stage", sort=False)["mean gap"].mean().to_frame()

# %%
report = pd.Series(
    {
        "Valid questionnaires": len(dealer),
        "Overall satisfaction, sales visits (% 4-5)": round(100 * cl.metrics.csat(dealer.loc[dealer["visit"] == "sales", "overall_satisfaction"]).estimate, 1),
        "Overall satisfaction, service visits (% 4-5)": round(100 * cl.metrics.csat(dealer.loc[dealer["visit"] == "service", "overall_satisfaction"]).estimate, 1),
        "Largest shortfall (item)": gaps.sort_values("mean gap").iloc[0]["item"],
    },
    dtype=object,
)
report.to_frame("value")

# %% [markdown]
# In this dealer's data the pattern differs from the source report: the after-sale repair
# items fall furthest short, not the in-sale ones. That is the point of filling the template
# with your own data rather than copying last year's conclusions.
#
# **Exercise 07.dealer_sales_csat.** What percentage of the customers surveyed after a *sales*
# visit gave an overall satisfaction of 4 or 5?

# %%
answer = None

# %% tags=["solution"]
answer = 100 * cl.metrics.csat(dealer.loc[dealer["visit"] == "sales", "overall_satisfaction"]).estimate

# %%
cl.check("07.dealer_sales_csat", answer)

# %% [markdown]
# ## Summary
#
# - Carrot juice: record preferences, act on them unasked; in the data, personalised stays
#   bring guests back far more often.
# - Pearl's phone booth: observe unmet needs and supply small attentions; repeat customers follow.
# - Supermarket customers look for convenience, variety and quality assurance; a member log
#   shows some of it (store loyalty, refunds) and misses the rest (what is in the basket).
# - Supermarket programmes succeed when the data are analysed and used; a naive before/after
#   comparison misleads.
# - Convenience store: positioning, purchase records and proactive recommendations; find the
#   lapsing regulars.
# - A survey report fills a template with the valid *n*, headline scores and findings by stage,
#   and its conclusions come from the data, not from habit.

# %% [markdown]
# ## Glossary (术语表)

# %%
cl.exercises.glossary("07")
