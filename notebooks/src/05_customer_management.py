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

# %% [markdown] tags=["zh-CN"]
# # 05 · 客户管理
#
# **时长：** 约 90 分钟。
#
# **学完本笔记本，你将能够：**
# 1. 说出什么是客户管理，以及客户管理的四条原则；讲清客户关系管理是什么（它首先是一种经营方式，而不仅仅是一套软件）、有哪些核心理念、是怎样发展起来的（20 世纪 90 年代供应商“猎人”角色的逆转；客户关系管理工具的起步、发展和成熟三个阶段）；
# 2. 对一个客户群做7P分析；
# 3. 把每个人放到销售路径上（消费者 → 潜在客户 → 准客户 → 成交客户），并测算这个漏斗每一步的转化；
# 4. 用RFM模型、客户价值等级和帕累托曲线给客户分类，分清客户价值和客户质量，判断哪些客户应当作为大客户；
# 5. 讲出客户管理的三个阶段，并说明哪些是原文写明的、哪些是本课程推断的；
# 6. 审查一份客户关怀和客户满意度管理制度，补写其中缺少的条款，并为一位具体的客户选定关怀措施；
# 7. 走一遍客户数据的循环（收集 → 整理 → 分析 → 应用），同时保护好客户隐私。

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """The table as displayed: numbers formatted by kind (column -> kind for cl.i18n.format_table,
    "share", "money" ...), names and codes in the notebook's language (labels `course.05.<name>`)."""
    return cl.i18n.labelled_table(cl.i18n.format_table(table, kinds), "course.05")

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

# %% [markdown] tags=["zh-CN"]
# ## 什么是客户管理
# *（5 分钟）*
#
# **客户管理**是通过对客户详细资料的深入分析，来提高客户满意度、进而提高企业竞争力的一种手段。讲义列出了客户管理的作用：缩短销售周期、降低销售成本，增加收入，找到扩展业务所需的新市场和新渠道，从而提高客户价值，赢得客户满意和客户忠诚。它的手段是准确的客户信息：知道哪几类客户有价值、有增长的势头，并把他们留住。这份清单的最后一条落在员工身上：要让员工充分分享成交客户和潜在客户带来的回报。
#
# 《论“客户管理”三阶段》一文提出，客户管理必须遵循四条原则：
#
# 1. **客户管理是一个动态的过程**：客户的情况在不断变化，客户资料也要随时更新；一年没有更新的资料库只会误导人。（培训材料里的这篇论文经过机器转换，文字有错乱，这一条印成了“静态的进程”；可它自己给出的理由恰恰是客户情况不断变化、资料要不断更新，可见原意是“动态”。）
# 2. **突出重点**：对重点客户和大客户要优先考虑，配置足够的资源；少数客户带来了大部分价值（80/20法则）。
# 3. **灵活有效地运用客户资料**：锁在抽屉里的资料对谁都没有用；资料库要用来留住老客户，并不断开发新客户。
# 4. **由专人负责**：每位客户都有专人负责，这个人了解来龙去脉，随时掌握客户的最新情况，并对这段关系负责。
#
# 本笔记本使用超市的会员交易记录：5,000 名会员两年半的消费，退款记为金额为负的一行。

# %%
members = cl.datasets.load("supermarket_members")
labelled(members.head(), {"amount": "money:2"})

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

# %% [markdown] tags=["zh-CN"]
# ## 什么是客户关系管理
# *（15 分钟）*
#
# 很多人一听到**客户关系管理**（CRM），就以为是一套软件。讲义说得很清楚：它**不仅仅是软件**，也不只是一套流程，它首先是一种**以客户为中心的经营理念**。有两份讲义给它下了定义：
#
# - **超市客户关系管理讲义**：客户关系管理是一种以客户为中心的经营策略。企业收集、分析客户数据，用来改进自己与客户之间的每一次互动；客户满意度和忠诚度提高了，企业的盈利也随之增长。
# - **《论“客户管理”三阶段》**：客户管理是一种企业总体战略，贯穿企业的每一个部门和每一个经营环节。企业借助信息技术搜集客户信息，掌握每位客户的需求特征和行为偏好；这些客户知识要积累起来、大家共享，而不是只装在某个销售员的脑子里；再用它有针对性地为客户提供产品和服务，长年培育客户忠诚。目标是在客户价值最大化和企业收益最大化之间取得平衡。
#
# **为什么重要。** 超市讲义认为，在竞争激烈的市场上，良好的客户关系本身就是企业的一项资产：客户关系管理帮助企业更好地了解客户需求，提高客户满意度，降低客户流失率（见笔记本 04），增加客户终身价值，从而提升企业的市场竞争力。
#
# 讲义列出了客户关系管理的四个**核心理念**：
#
# - **以客户为中心**：客户是企业最重要的资产，满足客户的需求和期望，才能提高客户满意度和忠诚度；
# - **数据驱动**：收集、分析并利用客户数据，为决策提供依据（本笔记本后面讲的都是这件事）；
# - **优化客户互动**：不只关注销售过程，还涉及客户服务、市场营销和售后支持等各个环节；
# - **灵活性**：随着市场和客户需求的变化调整策略，企业能迅速作出反应。
#
# **发展历程。** 两份讲义从两个角度讲了这段历史：论文讲供应商的态度，超市讲义讲工具。论文把客户定义为一切接受服务的人或机构，说这个概念诞生于 20 世纪初，但企业家们花了将近一百年才真正体会到它的含义。
#
# | 时期 | 供应商的态度（论文） | 工具（超市讲义的三个阶段） |
# |---|---|---|
# | 20 世纪 90 年代以前 | 供应商扮演**猎人**的角色：厂商决定客户需要什么产品，客户是被猎取的对象 | **起步阶段**：从 20 世纪 80 年代初开始，一些企业用简单的自动化工具管理客户信息和销售线索 |
# | 20 世纪 90 年代 | 买卖双方的角色发生了**逆转**：客户不再是被猎取的对象，而是得到特殊的对待和培育。关系营销观念的提出，第一次把客户关系放到企业战略和营销的中心位置，客户管理的概念应运而生 | **发展阶段**：计算机技术进步、数据库应用普及，客户关系管理系统开始把销售、市场营销和服务支持集成在一起 |
# | 2000 年以后 | （论文没有谈到这一时期） | **成熟阶段**：融入互联网和电子商务技术，客户互动和数据分析更加智能；社交媒体和移动设备的兴起既带来了新的机遇，也带来了新的挑战 |
#
# （本课程补充：论文把关系营销的提出放在 90 年代，其实这个说法出现得更早，一般认为出自贝里的《关系营销》一文（Berry, L. L., 1983, "Relationship marketing", in *Emerging Perspectives on Services Marketing*, American Marketing Association）；90 年代是它普及开来的时候。）
#
# 表格背后是一个转变：从产品导向转向客户导向。论文还指出，传统的客户管理注重营销，对客户本身关注不够；而在很多情况下，高质量的客户管理本身就是一项重要的竞争优势。另一份讲义提醒，“客户管理”有两层意思：平常说的客户管理，往往指用计算机把分析流程自动化的软件系统（涉及销售、市场营销、客户服务和支持等应用）；对企业来说，它是选择和管理客户的业务策略，目的是让客户的长期价值达到最优，而这要有以客户为中心的理念、文化和领导来支撑才行得通。本笔记本所说的“客户管理”，指的是客户关系管理的分析核心：让以客户为中心的战略真正落地的那些数据工作。

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

# %% [markdown] tags=["zh-CN"]
# **练习 05.hunter_practices。** 下面是今天企业里还能见到的五种做法。哪**两种**体现了论文所说的 90 年代以前的“猎人”思维？用两个字母作答，例如 `"b, e"`。
#
# (a) 产品部门自己定下明年的产品线，然后由市场部去找买家。
# (b) 一位会员来店的次数少了，店里打电话问问她最近有什么变化。
# (c) 服务台接电话之前，先看到来电客户的购买记录和投诉记录。
# (d) 一次电话推销活动，把上季度积压的库存推给一份买来的号码清单上的每一个人。
# (e) 每个大客户都有专人负责，负责人每季度把和这个客户的关系全面回顾一次。

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

# %% [markdown] tags=["zh-CN"]
# *课堂讨论：* 再加第六种做法：企业买了一套客户关系管理系统，可谁的工作方式都没有变。这算“猎人”还是“关系”？都不是：它有了发展阶段的工具，却没有角色逆转之后的工作方式。这是客户关系管理最常见的失败（笔记本 07 里有一个超市的案例），也正是讲义一再强调客户关系管理不仅仅是软件的原因。请学员说一说，自己单位采用的是这六种做法中的哪几种。

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

# %% [markdown] tags=["zh-CN"]
# ## 7P分析
# *（10 分钟）*
#
# 7P分析从七个方面来看一个客户群（讲义给的七个英文名称都以字母 P 开头，所以叫 7P）：
#
# | 方面 | 问题 | 指标举例 |
# |---|---|---|
# | **客户概况分析**（Profiling） | 客户是谁：层次、风险、爱好、习惯？ | 年龄段、常去的门店、是否使用优惠券 |
# | **客户忠诚度分析**（Persistency） | 客户有多忠诚、能保持多久、有没有变化？ | 入会时长、各同期群的客户保持率（笔记本 04） |
# | **客户利润分析**（Profitability） | 每位客户带来多少边际利润、总利润和净利润？ | 每位会员的净消费额和毛利 |
# | **客户性能分析**（Performance） | 销售额按产品种类、渠道、销售地点怎样分布？ | 各门店的销售额 |
# | **客户未来分析**（Prospecting） | 将来会有多少客户、哪些客户，用什么手段争取他们？ | 每月新入会人数、转化漏斗 |
# | **客户产品分析**（Product） | 产品设计、产品之间的关联性、供应链 | 同时买了几个品类的购物篮 |
# | **客户促销分析**（Promotion） | 广告、宣传等促销活动，以及它们的效果 | 优惠券使用率、会员计划的效果 |
#
# 下面用会员数据做其中两项：按门店做**客户性能分析**，按优惠券使用情况做**客户概况分析**。

# %%
by_store = members.groupby("store", observed=True)["amount"]
labelled(by_store.agg(transactions="size", sales="sum", average_basket="mean"),
         {"transactions": "count", "sales": "money", "average_basket": "money:2"})

# %%
coupon_use = members.groupby("member_id")["coupon_used"].mean().describe()  # per member: share of purchases with a coupon
labelled(coupon_use.to_frame().T, {"count": "count"} | dict.fromkeys(coupon_use.index.drop("count"), "share"))

# %% [markdown]
# **Exercise 05.seven_p.** An analyst computes the net profit each customer brought last
# year. Which P is that? (a) Profiling; (b) Persistency; (c) Profitability; (d) Performance.

# %% [markdown] tags=["zh-CN"]
# **练习 05.seven_p。** 一位分析员算出了每位客户去年带来的净利润。这属于 7P 中的哪一项？(a) 客户概况分析；(b) 客户忠诚度分析；(c) 客户利润分析；(d) 客户性能分析。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户分类路径
# *（5 分钟）*
#
# 沿着销售路径，一个人要依次经过四个阶段：
#
# **消费者 → 潜在客户 → 准客户 → 成交客户**
#
# *潜在客户*具备两个要素：买得起、用得着；*准客户*是购买意向很强的潜在客户，介于潜在客户和成交客户之间；*成交客户*是已经完成交易的客户。销售力量首先投向准客户。下面是一份在展销会上收集的 400 条销售线索（用本笔记本设定了种子的随机数生成器模拟），先给它们分类，再做成漏斗。

# %%
leads = pd.DataFrame({"can_afford": rng.random(400) < 0.6, "needs_it": rng.random(400) < 0.55})
leads["intends"] = leads["can_afford"] & leads["needs_it"] & (rng.random(400) < 0.45)
leads["bought"] = leads["intends"] & (rng.random(400) < 0.5)
leads["stage"] = cl.segments.classify_path(
    leads, can_afford="can_afford", needs="needs_it", intends="intends", purchased="bought"
)
labelled(cl.segments.path_funnel(leads["stage"]), {"reached": "count", "at_stage": "count", "conversion": "share"})

# %% [markdown]
# **Exercise 05.sales_path.** A shop owner can afford a new till system and needs one, but has
# no plans to buy this year. Where is she on the path? (a) consumer; (b) potential customer;
# (c) prospect; (d) transacted customer.

# %% [markdown] tags=["zh-CN"]
# **练习 05.sales_path。** 一位店主买得起一套新的收银系统，店里也需要，但她今年没有购买的打算。她处在路径上的哪个阶段？(a) 消费者；(b) 潜在客户；(c) 准客户；(d) 成交客户。

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

# %% [markdown] tags=["zh-CN"]
# ## RFM模型与客户价值等级
# *（15 分钟）*
#
# 客户还可以按**价值**分类：高价值客户、中等价值客户和低价值客户。最常用的打分方法是 **RFM模型**（Hughes，1994），三个字母分别代表：**最近一次购买**（R，距上次购买的天数）、**购买频率**（F，购买次数）和**消费金额**（M，净消费额）。每一项按五分位数打 1–5 分。

# %%
scored = cl.segments.rfm(members, customer="member_id", date="date", amount="amount")
labelled(scored.table.sort_values("score", ascending=False).head(), {"monetary": "money"})

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

# %% [markdown] tags=["zh-CN"]
# **客户价值并不是客户质量的全部。** 《客户质量指标》一文（见笔记本 01）把客户质量指标定义为衡量客户满意度和忠诚度的一套指标体系，里面有两类指标：
#
# | 类别 | 指标 | 数据从哪里来 |
# |---|---|---|
# | 客户**做了什么** | 购买频率和购买金额，都按一定时间计算 | 收银台：就是上面 RFM 里的 F 和 M |
# | 客户**怎么想** | 客户满意度；客户忠诚度，用客户再购买率和推荐率来衡量；品牌好感度 | 调查（笔记本 02 和 03） |
#
# 文章说这些指标有三个用处：看清企业在客户心目中的形象，找到改进的方向，以及同竞争对手作比较。会员数据里只有第一类。客户价值等级是按会员花了多少钱来排的，而不是按他们满意不满意；一位花钱很多、心里却暗暗不满的客户，在离开的那一天之前看上去一直都很好。最近一次购买是收银台能给出的最早预警。
#
# **帕累托曲线**（即洛伦兹曲线）显示价值集中到什么程度，基尼系数把它概括成一个数（0 表示每位会员花得一样多，1 表示全部的钱都是一位会员花的）。下表给出的是消费最多的**前 10%** 会员贡献的消费占比（`top=0.1`）；后面的练习要你换一个切分点。

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

# %% [markdown] tags=["zh-CN"]
# **示例。** 同样的占比，用三行代码手算：把会员的净消费额从高到低排序，数一数前 10% 是多少位会员（向上取整），再用他们的消费额除以全体会员的消费额。结果和上表中“头部客户贡献的价值占比”是同一个数。

# %%
ranked = spend.sort_values(ascending=False)  # each member's net spend, largest first
top_10 = int(np.ceil(0.10 * len(ranked)))  # how many members are the top 10%
share_10 = 100 * ranked.iloc[:top_10].sum() / ranked.sum()  # their spend as a % of all spend
pd.Series({cl.label("course.05.top10_members"): top_10, cl.label("course.05.top10_share"): cl.i18n.format_number(share_10, "percent")}, dtype=object)

# %% [markdown]
# **Exercise 05.top20_share.** What percentage of the members' total net spending comes from
# the top **20%** of members? Copy the worked example: fill in the two blanks `___` in the cell
# below, then delete the `# ` at the start of its last two lines and run it.

# %% [markdown] tags=["zh-CN"]
# **练习 05.top20_share。** 消费最多的前 **20%** 会员，贡献了全体会员净消费的百分之几？照着上面的示例做：填上下面单元格里的两个空 `___`，删掉最后两行开头的 `# `，然后运行。

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

# %% [markdown] tags=["zh-CN"]
# **客户价值等级**把同一个排名切成三段：前 20% 的会员是高价值客户，接下来的 30% 是中价值客户，其余的是低价值客户。把高价值客户的消费额和你上面的答案比一比。

# %%
tiers = cl.segments.value_tiers(spend)
labelled(spend.groupby(tiers, observed=True).agg(members="size", total_spend="sum"),
         {"members": "count", "total_spend": "money"})

# %%
cl.plots.value_tier_bars(spend, tiers)
plt.show()

# %% [markdown]
# The 80/20 explorer moves the cut-off along the same curves (Lorenz on the left, the Pareto
# view from the largest customer down on the right). *What if* the rule were 70/30 or 90/10:
# what share of spending does the top 10% bring, and the top 30%? Switch to the real CDNOW
# music-store customers (`cdnow`): is their value more or less concentrated than the
# supermarket's, and what does that mean for a key-account programme?

# %% [markdown] tags=["zh-CN"]
# 80/20 探索控件在同一组曲线上移动切分点（左边是洛伦兹曲线，右边是从最大的客户往下排的帕累托图）。*如果*规则是 70/30 或 90/10 呢？前 10% 的客户贡献多少消费，前 30% 呢？再换成真实的 CDNOW 音乐网店客户（`cdnow`）：他们的价值比超市会员更集中还是更分散？这对大客户计划意味着什么？

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

# %% [markdown] tags=["zh-CN"]
# ## 大客户管理
# *（10 分钟）*
#
# **大客户**享有优先配置的资源：专人负责、更快的服务、量身定制的方案，以及定期的关系回顾。用 ABC 分类法来挑出大客户：A 类是合计贡献 80% 价值的、人数最少的那一批客户，B 类贡献接下来的 15%，其余的是 C 类。
#
# 这里的*价值*指客户给企业带来的收益。会员数据里只有消费额，所以先用净消费额代替。如果知道毛利，就按毛利排序（即 7P 中的客户利润分析）：一个买得多、毛利薄的客户，给企业赚的钱可能还不如一个买得少的客户；按营业额建立的大客户计划，会把最好的人手花在不该花的客户身上。

# %%
abc = cl.segments.abc_classes(spend)
labelled(abc.groupby("class", observed=True)["value"].agg(members="size", spend="sum"),
         {"members": "count", "spend": "money"})

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

# %% [markdown] tags=["zh-CN"]
# *课堂讨论：* 这里的 A 类约占会员的三分之一，而不是五分之一。一位大客户经理能照管多少个客户？你会给 A 类客户提供哪些其他客户得不到的东西？
#
# **练习 05.key_accounts。** 一家食品包装生产企业有六个企业客户。去年的数字如下（单位：百万元）：
#
# | 客户 | 营业额 | 毛利 |
# |---|---|---|
# | (a) 一家饮料灌装厂 | 6.2 | 0.10 |
# | (b) 一家乳品厂 | 3.0 | 0.96 |
# | (c) 一家连锁面包店 | 2.6 | 0.68 |
# | (d) 一家化妆品厂 | 0.8 | 0.16 |
# | (e) 一家连锁花店 | 0.3 | 0.06 |
# | (f) 一家印刷厂 | 0.2 | 0.04 |
#
# 企业只有一位大客户经理，要按本节的 ABC 规则来选。哪些客户会成为它的大客户？用字母作答，例如 `"a, e"`。

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

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示（05.key_accounts）。* 按毛利算（合计 2.00）：乳品厂 0.96（48%），加上连锁面包店 0.68（累计 82%），所以 A 类就是乳品厂和连锁面包店。按营业额算（合计 13.1），饮料灌装厂一家就占 47%，会被选进 A 类，可它的毛利只排第四。请学员讨论：饮料灌装厂应该得到什么（B 类的服务水平，再就价格或服务成本谈一谈）？两个 A 类客户各自是在增长还是在萎缩？ABC 规则和客户价值等级一样，看的都是过去。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户管理三阶段
# *（5 分钟）*
#
# 《论“客户管理”三阶段》一文提出，客户管理应当分三个阶段进行（不要和前面“什么是客户关系管理”一节里超市讲义讲的工具发展三个阶段弄混）。
#
# > **哪些是原文写明的，哪些是推断的。** 培训材料里的这篇论文是一份网页摘录，没有载完就断了，摘要也因机器转换而文字错乱。正文只写出并讲解了**第一**阶段，随后就在半句话处中断。摘要说，论文提出了三个阶段，剖析了客户管理中的重要部分“大客户管理”，还讲到如何正确处理客户的抱怨及赞扬；但它并没有说这两项就是第二和第三阶段。下面第 2、3 阶段的名称是**本课程根据摘要推断的**：一种说得通的解读，而不是作者的原话。
#
# 1. **搜集客户信息，建立客户资料库。** *原文写明。* “销售未动，调查先行”：论文认为，掌握每一位客户的详细资料至关重要，没有理想的客户资料，就谈不上客户管理。
# 2. **管理与大客户阶段**（*推断*）：给客户分类，照管好每一类客户，大客户优先（见前面几节）。
# 3. **客户抱怨与赞扬的处理**（*推断*）：回应客户的声音，改正做错的地方，从做对的地方总结经验（笔记本 06）。
#
# 论文在引出三个阶段时，用了笔记本 01 里已经见过的两个数字，说是研究结果，却没有给出处：吸引一个新客户的费用是保持一个现有客户的“4–6 倍”，从品牌忠诚者身上得到的利润是非忠诚者的“9 倍”。笔记本 01 的论断核查框 **“4–6 倍”与“9 倍”** 给出了它们的来历：出处无从查考。引用时只能说这是讲义的说法，决不能当作研究结论。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户关怀和客户满意度管理制度
# *（15 分钟）*
#
# 关怀客户，如果不写明谁来做什么，就永远只是一句口号。培训材料里有一份示范**制度**，把这件事写成了条文。它由以下几部分组成：
#
# - **目的**：规范企业对客户的关怀和满意度管理，提升客户满意度，维护良好的客户关系，进一步巩固企业的市场竞争力。
# - **基本原则**：全员参与、持续改进、客户至上、服务创新、透明公正、程序可行、有效执行。
# - **适用范围和职责**：制度约束企业全体员工和相关合作伙伴，点名了销售、客户服务、研发、生产、质量控制等部门；凡是和客户之间发生的沟通和互动，都在适用范围之内。所以关怀客户不只是服务台的事：生产延误、质量出错，同样是关怀的失败。
# - **定义**：“客户”既包括现有客户，*也*包括潜在客户；“关怀”指企业主动关心、关注客户的需求、意见和反馈（主动关怀），积极主动地和客户保持沟通；“满意度”包括对产品质量、交付是否按时和服务质量的评价；“管理”指把客户关怀和客户满意度当作有组织、成体系的管理活动来做。
#
# 接下来，“客户关怀管理”一章的各条规定了企业要做什么：
#
# 1. **客户分析和分类**：调研市场上潜在客户的需求、偏好和购买力，把客户分类，按类别制定不同的关怀策略，定期与客户互动，提供个性化的服务（即本笔记本讲的客户价值等级和大客户）。
# 2. **客户沟通和反馈**：设立客户服务热线、电子邮件、社交媒体等渠道，及时回复客户的咨询、建议和投诉；定期进行客户满意度调查，并根据结果加以改进（笔记本 02）。
# 3. **客户教育和培训**：向客户提供产品和服务的相关信息和使用指导，帮助客户正确使用和维护产品；开展客户培训活动，提供技术培训、分享专业知识。客户用不好产品，只会怪产品不好，所以客户教育和改进产品一样能提高满意度。
# 4. **客户活动和礼品赠送**：定期组织客户座谈会、产品体验会等活动，让员工和客户面对面交流；在适当的场合向客户赠送礼品，感谢客户长期以来的支持和信任。
#
# 另外两份讲义对此作了补充。一是投资客户关怀：送礼品、给优惠价，更要把服务做得系统、规范，每个工作细节都要考虑到客户的感受。二是关怀要抓住时机：客户刚刚购买时、产品到了使用年限时、客户的使用环境发生变化时，一句及时的感谢、提醒、咨询或征求意见，比任何时候都管用（笔记本 01）。
#
# **客户关系的建立与维护。** 超市讲义把它分成两件事。*建立*客户关系，是通过有效的沟通、互动和服务，赢得客户的信任与合作；*维护*客户关系，是持续关注客户需求的变化，提供个性化的服务和关怀，及时解决客户的问题。一份讲客户关系管理要素的讲义把后一件事叫作客户维护，要求企业在客户的整个生命周期里全程跟进：从客户接触、沟通、维护、发展到服务。一份关怀制度，就是把维护工作落到了纸面上。
#
# 制度中“客户满意度管理”一章从客户需求管理讲起，要求通过市场调研、客户访谈等方式了解客户的需求；材料里的文字到这里就断了，其余内容由笔记本 02（测量）和 06（客户抱怨）来讲。

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

# %% [markdown] tags=["zh-CN"]
# **练习 05.care_audit。** 一家厨房电器生产企业给你看它的客户关怀制度：
#
# 1. 按最近两年的购买情况把客户分成三类，每类有自己的联络计划，最高一类有指定的联系人。
# 2. 热线电话和电子邮件在一个工作日内答复；每年做一次满意度调查，结果提交管理层会议。
# 3. 每年春天举办一次客户座谈会和一次烹饪体验日，请客户试用新款产品。
# 4. 最高一类的客户在春节收到一份礼品，价值不超过 200 元，并记入礼品登记簿。
# 5. 从设计到送货，每个部门都写明对客户关怀负有责任。
#
# 这份制度缺了客户关怀中的哪一项？(a) 客户分类，每类有各自的关怀策略；(b) 客户沟通和反馈；(c) 客户教育和培训；(d) 客户活动；(e) 礼品赠送；(f) 都不缺，制度是完整的。

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

# %% [markdown] tags=["zh-CN"]
# **练习 05.education_clause。** 替这家厨房电器企业补写它的制度里缺少的那一条（就是你在 05.care_audit 里找到的那一项），中文英文都可以，写一到三句话。要写明企业给客户**什么**、**什么时候**给、由**谁**负责。把你的条文写在引号中间。

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

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师版：参考答案和评分要点（05.education_clause）。*
#
# 中文参考答案：「产品送货安装时，由安装师傅当面演示使用和清洁方法，并留下使用指南；购买后一个月内，客服部回访解答疑问，并邀请客户参加免费的线上使用培训。本条由客服部经理负责。」英文参考答案见上面的答案单元格。
#
# 检查看三个要点，缺一不可（中文英文都认）：
#
# | 要点 | 要求 | 检查认可的词（举例） |
# |---|---|---|
# | 内容 | 客户得到什么，帮助他们正确使用和保养产品 | 说明、指导、演示、培训、视频；`instructions`、`guide`、`demonstration`、`training`、`video` |
# | 时机 | 什么时候做：送货安装时、购买后、规定时间内、定期 | 购买后、安装时、一个月内、定期；`when`、`after`、`within`、`every year` |
# | 负责人 | 由哪个部门、岗位或人员负责 | 客服部、负责、专人；`department`、`team`、`engineer`、`manager`、`responsible` |
#
# 检查只认词语，不懂意思：把一份通过了检查的答案大声读出来，再问两个问题：新员工明天能照着做吗（程序可行）？审核的人能查出这件事做了没有吗（有效执行）？好的答案会把客户教育和关怀的时机联系起来（第一次使用、到了使用年限、使用情况发生变化），并留下记录，比如安装时请客户签字确认。

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

# %% [markdown] tags=["zh-CN"]
# **练习 05.place_customer。** 超市会员李女士两年前入会，几乎每周都来购物。按净消费额，她在 5,000 名会员中排第 420 名。她最近一次购物是在十四周以前，RFM 中的 R 得分已从 5 分降到了 1 分。她属于哪个价值等级？超市应该怎么做？
#
# (a) 中价值客户；把她加进每月寄给全体会员的促销传单名单。
# (b) 高价值客户；暂时什么都不用做：她的累计消费额仍然让她留在最高一层。
# (c) 高价值客户；送她一份礼品，感谢她两年来的支持。
# (d) 高价值客户；由她的专属负责人主动联系她，问问发生了什么变化，再根据她的回答采取行动。

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

# %% [markdown] tags=["solution", "zh-CN"]
# *培训师提示（05.place_customer）。* 5,000 人中排第 420 名，属于前 8.4%，在前 20% 之内：高价值客户。累计消费额看的是过去，最近一次购买的得分却说明她正在离开。笔记本 04 讲的挽回原则（对最有价值的客户全力挽回，第一步是找出原因）和关怀制度的条款（客户沟通和反馈；使用环境变化时的关怀）都指向同一个做法：由专人亲自联系。礼品是用来感谢留下来的客户的；这时候送礼，只是道了谢，却没有问她为什么走。可以问学员：在你们单位，谁会注意到李女士不再来了？要过几周才会注意到？

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

# %% [markdown] tags=["zh-CN"]
# *课堂练习：* 用下面的清单，对照示范制度审查你自己的单位（也可以放到课后做）。每一行写明由谁负责，再举出一条证明这件事确实在做的证据。
#
# | 条款 | 要问的问题 | 谁负责？ | 证据 |
# |---|---|---|---|
# | 目的和基本原则 | 有没有成文的制度？每个部门都知道它也适用于自己吗？ | | |
# | 职责 | 点名了哪些部门？生产或送货造成的关怀失败，由谁负责？ | | |
# | 客户分类 | 不同类别的客户有没有不同的关怀计划？ | | |
# | 客户沟通和反馈 | 一封电子邮件多久能得到答复？最近一次满意度调查是什么时候？ | | |
# | 客户教育 | 客户买了产品以后能得到什么：使用说明、培训、回访电话？ | | |
# | 客户活动 | 员工最近一次在销售之外和客户见面是什么时候？ | | |
# | 礼品赠送 | 规则是什么：哪些场合、价值上限多少、有没有登记？ | | |
#
# 最后一行值得单独讨论：对企业客户的员工来说，收下礼品可能违反其所在单位的规定，甚至触犯反商业贿赂的法律。“适当的场合”必须写得明明白白。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户数据与隐私
# *（5 分钟）*
#
# 超市客户关系管理讲义描述了一个四步的数据循环：**数据收集**（会员登记、收银交易、调查）→ **数据整理**（清理重复记录、退款和不可能出现的数值；见笔记本 02 的清洗报告）→ **数据分析**（数据挖掘、客户细分、趋势预测）→ **数据应用**（个性化服务和精准营销）。上面的 RFM 得分属于分析这一步；给 R 得分下降的会员寄一张优惠券，就是应用这一步。
#
# 客户数据要从三个方面加以保护，也就是经典的信息安全三要素：
#
# - **机密性**：只有需要这些数据的人才能看到；
# - **完整性**：数据不会在未经授权的情况下被改动；
# - **可用性**：客户或业务需要的时候，数据随时可用。
#
# 具体做法：只收集需要的数据；告诉客户收集什么、为什么收集；限制访问权限并留下访问记录；用于分析的数据做假名化处理（课程数据集用的是编号，不是姓名）；不再需要的数据及时删除。中国的《个人信息保护法》（2021）和欧盟的《通用数据保护条例》（GDPR，2016）把这些做法规定成了法律义务。

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

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 客户关系管理是一种以客户为中心、贯穿整个企业的经营方式，而不仅仅是软件；它的核心理念是以客户为中心、数据驱动、优化客户互动和灵活性。20 世纪 90 年代，供应商不再是替客户决定需要什么的“猎人”；工具则经历了起步（80 年代）、发展（90 年代）和成熟（2000 年以后）三个阶段。
# - 客户管理是对客户详细资料的深入分析；它是动态的，突出大客户，靠数据驱动，并由专人负责。
# - 7P分析看七件事：客户是谁，能留多久，给我们带来多少利润，销售额从哪里来，下一批客户在哪里，我们卖什么，以及怎样促销。
# - 销售路径是消费者 → 潜在客户 → 准客户 → 成交客户；漏斗显示人们在哪一步停了下来。
# - RFM模型、客户价值等级、ABC 分类和帕累托曲线帮助找出大客户；要按客户给企业带来的收益排序，并盯住最近一次购买：价值看的是过去，而满意度这样的质量指标要去问客户才知道。
# - 三个阶段：调查并建立资料库（原文写明）；管理与大客户、客户抱怨与赞扬的处理（根据残缺的摘要推断）。
# - 客户关怀和客户满意度管理制度写明目的、原则和职责，要求企业做到客户分类、沟通和反馈、客户教育和培训、客户活动和礼品赠送；每一条都要写清做什么、什么时候做、由谁做。
# - 数据从收集走到应用，全程要保护它的机密性、完整性和可用性。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("05")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("05")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("05")

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*
#
# For reference after class.

# %% [markdown] tags=["zh-CN"]
# ## 术语表
# *（0 分钟）*
#
# 课后查阅用。

# %%
cl.exercises.glossary("05", keys=False)
