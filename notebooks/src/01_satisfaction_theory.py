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

# %% [markdown] tags=["zh-CN"]
# # 01 · 客户满意理论
#
# **时长：** 约 120 分钟（每节标有各自的用时；只有 90 分钟时删减哪些内容，见培训师指南）。
#
# **学完本笔记本，你将能够**
# 1. 用服务信条里的话，以及“客户”的两层含义，说清楚客户到底是谁；分清内部客户和外部客户，分清消费者和客户；
# 2. 把客户满意度解释为事前期望与实际感受之间的差距，再加上服务表现本身的直接作用，并用中英文说出五级满意度；
# 3. 画出从服务标准到客户忠诚的链条，说出客户期望从哪里来，并针对具体的企业判断：该降低承诺，还是该提高表现；
# 4. 估算一位客户值多少钱（按折现后的毛利算，不按营业收入算），并说出课上那些流传很广的数字出自哪里、可信到什么程度；
# 5. 用卡诺模型给产品和服务的功能分类，用服务质量差距模型（SERVQUAL）找出服务质量的差距。

# %%
# %matplotlib inline
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """A table built in this notebook, as displayed: numbers formatted by kind (column -> kind for
    cl.i18n.format_table: "share", "money" ...), column names in the notebook's language (labels course.01.<name>)."""
    return cl.i18n.format_table(table, kinds).rename(columns=lambda column: cl.label(f"course.01.{column}"))

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

# %% [markdown] tags=["zh-CN"]
# ## 客户到底是谁？
# *（5 分钟）*
#
# 讲义里“客户满意度”这一章，开头不是下定义，而是六句服务信条，是要服务人员记在心里、带到柜台前的话。用我们自己的话来说：
#
# 1. 客户是**公司里最重要的人**，不管他是亲自上门，还是写信来。
# 2. **客户不靠我们而活，我们却离不开客户**。
# 3. 客户**不是来打扰我们工作的，他正是我们工作的目的**：他不是添乱的“讨厌鬼”，而是我们之所以努力的原因。
# 4. 客户不是我们争辩、斗智的对象：嘴上占了上风的那一刻，也就是失去这位客户的那一刻。
# 5. 客户上门，是为了得到他想要的东西，同时也把我们想要的东西带来了。
# 6. 客户把需求带到我们面前；让他满意、让他得利，就是我们的职责。
#
# 同一页还列了一串口号：客户是“上帝”，是我们的衣食父母，是我们的总裁，是公司存在的基础，是公司利润的来源。（下面这句是本课程补充的，讲义里没有：这套信条有好几个版本印在海报上，有时还署上某位名人的名字，但这些署名都找不到可靠的出处，所以上课时把它当作服务信条来讲，不要说成是某人的名言。）
#
# 第 4 句到笔记本 06 还会出现，它是处理客户抱怨的第一条原则；第 3 句则是平时最容易做不到的：员工正埋头填表，客户走到了柜台前。
#
# *课堂活动：* 请每位学员挑出一句在最忙的日子里最难做到的话，把它改写成旁人看得见的行为（比如第 3 句可以写成：“客户走近时，我放下手头的表格，十秒钟之内跟他打招呼”）。把大家写的行为记在白板上，它们就是本笔记本后面要讲的服务标准的雏形。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户的含义
# *（10 分钟）*
#
# 讲义给“客户”下了两层含义。第一层是狭义的：**购买商品或接受服务的人**；第二层是广义的：工作中**与之打交道的人**。接着讲义反问读者：照这个定义，谁是您的客户？往下读之前，先把这个问题抛给全班。
#
# - **外部客户**：公司外部购买和使用我们产品或服务的人。
# - **内部客户**：接受同事服务的同事。讲义是对汽车经销商的销售顾问和服务专员说的：你们同样有内部客户，就是经销商的内部职工，而且内部客户与外部客户同等重要。把同事当作客户来对待，内部客户满意会提高，外部客户满意也会随之提高：车间按时拿到对的零件，车主得到的服务就更好。
#
# **消费者**是使用某一类产品的所有人：所有喝咖啡的人，所有开车的人。消费者只有光临了*我们*，才成为**我们的客户**；从那以后，他还在帮企业销售产品、为企业挣钱。把消费者转化为我们的客户，是客户管理的第一步（笔记本 05）。这个区别对测量很要紧：满意度调查问到的是客户，市场调研问到的是消费者，其中也包括那些从来没有选过我们的人。
#
# **练习 01.internal_customer。** 某汽车经销商的电脑服务台负责让电脑、订单系统和零件数据库正常运转。下面哪**两**个人是这个服务台的*内部*客户？
# (a) 一位销售顾问，他的笔记本电脑连不上订单系统；
# (b) 一位购车客户，她打电话来问新车什么时候交车；
# (c) 车间主管，他需要零件数据库在早上 8 点前能用；
# (d) 为经销商提供并升级客户关系管理系统的软件公司；
# (e) 一位来访者，他连不上展厅的访客无线网络。
#
# 答题方法：在下面的代码格里，把 `None` 换成两个字母，放在英文引号里，比如 `"d, e"`，然后运行检查那一格。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户满意度：期望与实际感受的比较
# *（15 分钟）*
#
# **客户满意度**是客户把购买前的期待（事前期望，也就是客户期望）和购买后的实际感受相比较，由两者之间的差距形成的态度。研究者把这叫作“期望不一致”模型（Oliver，1980）：
#
# - 实际感受**高于**期望 → 惊喜（超出期望）；
# - 实际感受**等于**期望 → 满意；
# - 实际感受**低于**期望 → 不满意。
#
# 服务工作的目标由此而来：客户事后得到的，要多于他事先期望的（事后获得 > 事先期望）。注意这里有两个着力点：一是提高服务表现，二是不承诺做不到的事。
#
# **服务表现本身也起作用。** 差距并不能说明一切。有一项实验把两种作用放在一起检验（Churchill & Surprenant，1982，《Journal of Marketing Research》），用了两种产品：一盆植物（非耐用品）和一台影碟机（耐用品）。对植物来说，期望、表现和期望不一致都影响满意度；对影碟机来说，只有表现起作用。一位客户本来就没指望服务有多好，结果服务果然很差，他没有遇到什么意外，但这并不等于他满意了。
#
# 所以 `cl.survey.disconfirmation` 把两部分合在一起，两部分都落在五个等级上：
#
# - **差距部分** D：只看差距时对应的等级（超出期望为 5，符合期望为 4，每差一分依次为 3、2、1）；
# - **表现部分** Q：实际感受本身。
#
# **满意度得分 = 0.6 × D + 0.4 × Q**，再四舍五入到最近的等级。表现的权重 0.4 是教学用的默认值，不是测出来的：正如上面那项实验所发现的，合适的权重因产品而异。取这个权重，差距仍占大头（符合上面的定义），而用很差的服务去满足很低的期望，也不再算作“满意”。算一个例子：期望 1，感受 1。差距为 0，所以 D = 4（符合期望）；Q = 1；得分 0.6 × 4 + 0.4 × 1 = 2.8，四舍五入为第 3 级（基本满意），而不是第 4 级。期望在 3 分及以上时（不设容忍区间），只看差距和加上表现这两种算法，得出的等级一样；只有期望偏低时，两者才会分开。`performance_weight=0` 表示只看差距，`performance_weight=1` 表示只看表现。

# %%
pairs = pd.DataFrame({"expectation": [3, 4, 5, 5, 4, 1], "perception": [5, 4, 4, 2, 5, 1]})
result = cl.survey.disconfirmation(pairs["expectation"], pairs["perception"])
table = pairs.assign(gap=result.gap, gap_part=result.gap_part, performance_part=result.performance_part,
                     score=result.score, level=result.label)
labelled(table, {"gap": "score:0", "gap_part": "score:0", "performance_part": "score:0", "score": "score:1"})

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

# %% [markdown] tags=["zh-CN"]
# 逐行看一看：第四位客户期望最高，得到的却是 2 分；差距 −3 把他归到了“很不满意”，而单看 2 分本身只是“不满意”。同样的表现，有人高兴，有人失望，因为各人的期望不同。最后一位客户得到的恰好是他期望的 1 分，结果落在“基本满意”：没有意外，可也谈不上满意。
#
# 用下面的交互控件试一试：设定一个期望和一个感受，读出两个部分和最后的等级。课堂上可以问几个“如果……会怎样”：期望 1、感受 1，再把表现的权重先拉到 0，再拉到 1；期望 4、感受 3，企业能改变的是什么，是客户的感受，还是客户的期望？

# %% tags=["nbval-ignore-output"]
cl.widgets.disconfirmation_explorer()

# %% [markdown]
# **Exercise 01.disconfirmation.** A customer expected a 4 and perceived a 5. Which outcome does
# the model predict? (a) dissatisfied; (b) satisfied; (c) delighted.

# %% [markdown] tags=["zh-CN"]
# **练习 01.disconfirmation。** 一位客户期望 4 分，实际感受 5 分。按这个模型，结果会是什么？(a) 不满意；(b) 满意；(c) 惊喜。
#
# 答题方法：在下面的代码格里填一个字母，放在英文引号里，比如 `"a"`。

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

# %% [markdown] tags=["zh-CN"]
# **练习 01.performance_effect。** 一位上班族对她每天坐的那路公交车不抱什么希望：她给期望打 2 分，坐完车给实际感受也打 2 分。仿照上面的例子，用默认权重算出她的满意度得分。
#
# 答题方法：在下面的代码格里把两个 `___` 换成数字，删掉那一行开头的“# ”，再运行。

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

# %% [markdown] tags=["zh-CN"]
# ## 五级满意度
# *（10 分钟）*
#
# 中文的服务调查通常请客户从五个等级中选一个：很满意、满意、基本满意（有的问卷写作“一般”）、不满意、很不满意，讲义里也是这样分的。工具包把它们存为量表 `satisfaction5`，代码为 1 到 5，所以每张表都可以用中文或英文显示。
#
# （本课程补充：国内的报告里常见“满意率”，它把基本满意也算进去，即第 3 到 5 级；而满意度得分（CSAT）只算第 4、5 级。同一批答卷，两个数字可能差得很远，笔记本 02 会详细讲，工具包里分别用 `cl.metrics.satisfaction_rate` 和 `cl.metrics.csat` 来算。）

# %%
levels = cl.scales.get("satisfaction5")
pd.DataFrame({cl.label("course.01.code"): levels.values,
              cl.label("course.01.english"): levels.labels("en"),
              cl.label("course.01.chinese"): levels.labels("zh-CN")})

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

# %% [markdown] tags=["zh-CN"]
# **练习 01.two_guests。** 两位客人在同一家酒店吃同一份早餐。客人甲订房前看了评论，评论说这是“全城最好的早餐”，所以期望 5 分；客人乙听同事说这里的早餐很差，只期望 2 分。两人吃下来都觉得不错：4 分。按上面的模型（默认权重），他们各落在哪个等级？
# (a) 两人等级相同，因为早餐是同一份；
# (b) 甲很满意，乙基本满意；
# (c) 甲不满意，乙满意；
# (d) 甲基本满意，乙很满意。
#
# *做完再讨论：* 两位客人的期望分别从哪里来？其中哪些来源是酒店能够影响的？
#
# 答题方法：在下面的代码格里填一个字母，放在英文引号里。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户满意的特点
# *（5 分钟）*
#
# - **主观性：** 满意存在于客户心里，同一次服务，两位客户的评价可以不一样。
# - **动态性：** 每一次好的体验、竞争对手的每一项新服务，都会抬高客户的期望；昨天的惊喜，就是今天的标准。
# - **多维性：** 客户会分别评价产品质量、员工态度、价格和交货速度，一个方面做得差，可能把其他做得好的方面一起拖累。
# - **重要性：** 它带动客户忠诚和口碑推荐，也会引来投诉，本课程后面会一一讲到。
#
# 由此得出两点实际的结论。两次调查之间有小幅波动是正常的（笔记本 02 会说明，在一定的样本量下波动有多大），满意度也不可能做到 100 分。目标不是十全十美，而是建立一种*机制*：让大多数客户保持在“满意”或“很满意”的水平，即使出了小问题，也能很快补救。

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

# %% [markdown] tags=["zh-CN"]
# ## 服务标准 → 客户期望 → 客户满意 → 客户忠诚
# *（15 分钟）*
#
# 讲义描述了这样一条链：
#
# **服务标准 → 客户期望 → 客户满意 → 客户忠诚**。
#
# **服务标准**是确定下来的工作程序，用来提高企业产品或服务的质量；员工照着标准做，就能更好地满足客户的期望，而这决定了客户是买我们经销商的产品，还是去买竞争对手的。承诺和以往的经历塑造了客户期望；服务与期望一比，就产生了客户满意。讲义说，客户满意是一种心理活动，是需求得到满足后的愉悦感；要做到客户满意，就得全身心投入，每一次都做到，而不是只在自己偶尔心情好的时候才做到。一次又一次的满意，才换来客户忠诚。**客户忠诚才是核心目标**：光有满意还不够，因为仅仅满意的客户还在货比三家，遇到更好的就会走。讲义给的目标是：任何时候都达到服务标准，并始终设法超过服务标准和客户的期望。讲义接着列出满足并超过客户期望的益处：赢得客户的完全满意和忠诚；有助于你和经销商的长期发展及收益；始终如一地提供高质量的产品和服务；在竞争中占据优势。
#
# ### 汽车经销商的客户期望什么
#
# 期望一旦写下来，就具体了。讲义为汽车经销商列出了两类客户期望，一类关于销售，一类关于维修服务：
#
# | 购车时 | 维修保养时 |
# |---|---|
# | 一进门就受到尊重，得到应有的关注 | 在经销商修车方便快捷 |
# | 销售人员很专业，能帮我做出选择 | 对我的售后承诺说到做到（时间、价格、所做项目） |
# | 给我足够的时间考虑，不催促我 | 事先把维修项目讲清楚、讲详细，并预估费用 |
# | 我犹豫或有疑问时，主动上门答疑 | 按时、专业地修好车 |
# | 商定最终价格时让我感到轻松愉快 | 修完后打电话问我对维修结果是否满意 |
# | 交车后打电话问我是否完全满意 | 告诉我车辆今后需要哪些维护保养 |
#
# 每一行都可以变成一道调查题、一条服务标准和一个培训主题。笔记本 03 会分析其中哪几项对总体满意度的影响最大，笔记本 07 则写出这家经销商的调查报告。
#
# ### 期望值的产生
#
# 讲义问读者：你走进一家汽车经销商的展厅准备买车，会有什么期望？这些期望是从哪里来的、怎么产生的？买好车以后，你还会有哪些期望？客户在选车、用车的过程中，会经历许多小小的时刻，每一刻都给他留下一点小小的印象，让他做出一个小小的决定，这些小决定积累起来，就成了期望。讲义把答案留给了课堂；关于服务期望的研究（Zeithaml, Berry & Parasuraman，1993，《Journal of the Academy of Marketing Science》）列出了通常的几种来源：
#
# - 企业自己的承诺：广告、网站、销售人员说的话；
# - 客户自己过去的经历，在本企业的，也有在别家的；
# - 别人的说法：亲友、同事、网上的评论；
# - 竞争对手的服务，它成了客户心里的那把尺子；
# - 客户自己的需要和处境（比如明天还要开车上班的车主）。
#
# 只有第一种来源完全掌握在企业手里，也最容易说过头。
#
# ### 降低承诺，还是提高表现？
#
# 差距可以从两头缩小：要么提高表现，要么只做企业兑现得了的承诺。两种做法都不是在任何情况下都对。
#
# **练习 01.promise_or_performance。** 两家企业，两次落空的期望。
# *企业甲是一家快递公司*，广告词是“全国次日达”。实际上它 70% 的包裹次日送到，99% 两天内送到；竞争对手承诺的都是两天送达。要让偏远地址也次日送到，需要的车队花的钱比这些件挣的钱还多。
# *企业乙是一家牙科诊所*，它对病人说“到了预约时间就给您看”。可病人平均要等 40 分钟，因为前台在很多时段都约了两个病人，这个习惯她明天就能改，一分钱也不用花；等候时间长是诊所被投诉最多的问题。两家企业各该从哪一头着手？
# (a) 甲：降低承诺；乙：降低承诺。
# (b) 甲：降低承诺；乙：提高表现。
# (c) 甲：提高表现；乙：降低承诺。
# (d) 甲：提高表现；乙：提高表现。
#
# 答题方法：在下面的代码格里填一个字母，放在英文引号里。

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

# %% [markdown] tags=["zh-CN"]
# **练习 01.promise_rewrite。** 这道题要写一段话，用中文或英文都可以。某经销商的维修车间在接待台上方挂了一块牌子：*“任何车一小时修好，保证！”* 实际情况是：常规保养（换机油、换滤清器、例行检查）要 60 到 90 分钟；修车要先检查，检查完车间才说得清要修什么、花多少钱、要多久，通常两小时内能给答复；库里没有的零件要一到三天才能到货。请把这句承诺改写成一两句话，让它设定的期望是车间做得到的。（可以回头看看上面表格里维修客户的期望。）
#
# 答题方法：在下面的代码格里把你的承诺写在英文引号里，比如 `answer = "常规保养……"`，然后运行检查那一格。

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

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师：01.promise_rewrite 的参考答案与评分要点。**
#
# - 中文参考答案：*“常规保养约 60 到 90 分钟，您可以在休息区等候；需要维修的车，我们先检查，2 小时内给您打电话，告知维修项目、费用和完工时间。”*
# - 英文参考答案就是上面培训师代码格里的那两句，意思相同。
#
# 自动检查按下面的顺序看三点（三点都要满足）：
#
# 1. **没有一刀切的承诺**：不出现“任何”“保证”“无论”“一律”“绝对”“所有车”，英文答案里也不出现 `any`、`always`、`guarantee(d)`、`no matter`、`whatever`、`every car`、`all cars`。原来那块牌子在这一点上就过不了关。
# 2. **有具体的时间和单位**：一个数字加上分钟、小时或天（英文 `minutes`、`hours`、`days`）。
# 3. **让客户知情**：打电话、告知、说明、报价或费用（英文如 `call`、`explain`、`estimate`、`price`）。
#
# 检查只认字词，不懂意思；好的答案请当众读出来，大家一起讨论。可以拿来讨论的几种答案：“我们保证 2 小时内给您打电话”是实话，却过不了第 1 点（问问学员：“保证”两个字给了客户什么他能核实的东西？）；“大多数车一小时修好，并打电话告诉您价格”三点都满足，但对修车来说仍然承诺过头；最好的答案把常规保养和维修分开说，因为客户对这两件事的期望不一样。

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

# %% [markdown] tags=["zh-CN"]
# ## 满意与忠诚不是直线关系
# *（10 分钟）*
#
# 讲义说，在竞争性行业里，忠诚度随五级满意度的变化是强烈非线性的。它引用“研究表明”：**完全满意客户的忠诚度是满意客户的 6 倍**；它的图上，再购买的大跳跃出现在 4 分和 5 分之间，而不是 2 分和 3 分之间。不同等级的客户，行为也不同：
#
# - **忠诚（很满意）的客户**会到你这里买他需要的全部产品和服务；
# - **满意的客户**得到了自己应得的东西，但还可能到别家买一部分；
# - **不满意的客户**会告诉家人和朋友别去你那里。
#
# > **论断核查：“忠诚度是 6 倍”**
# >
# > - **出处：** 讲义没有注明来源。这个数字与琼斯和萨瑟的文章相符（Jones & Sasser，1995，“Why satisfied customers defect”，《哈佛商业评论》第 73 卷第 6 期）。
# > - **当时测的是什么：** 只有一家企业：施乐公司。它的企业客户中，自评“完全满意”（5 级量表的 5 分）的，在随后 18 个月里再买施乐设备的可能性，是“满意”（4 分）客户的 6 倍。一家公司，一个市场（办公设备），18 个月内的再购买。
# > - **后来的证据：** 琼斯和萨瑟自己就指出，这条曲线的形状取决于竞争：客户选择多、换一家很容易的行业，曲线很陡；选择少的行业，曲线平缓。一项对汽车车主的研究发现，同样的满意度评分，在不同的客户群体里对应着不同的再购买率（Mittal & Kamakura，2001，《Journal of Marketing Research》第 38 卷第 1 期）。在竞争激烈的市场里最高一档最要紧，这一点有充分的证据；“6 倍”这个倍数却只属于施乐。
# > - **课堂上怎么讲：** “据琼斯和萨瑟 1995 年的报告，在施乐公司，完全满意的客户再次购买的可能性是满意客户的 6 倍。在你们的市场上，这个倍数可能是 2，也可能是 10，要拿自己的客户来测”（笔记本 03 教你怎么测）。千万不要只说“研究表明”，却不说是哪家企业。本课程的真实数据集都没有记录满意度，所以没法检验这个数字；模拟的 `auto_dealer` 数据是把它预先设定进去的。
#
# 只要曲线是这个形状，实际的结论就是：把客户从“满意”提到“很满意”，比从“不满意”提到“基本满意”更划算；一份只报告“满意及以上”比例的报告，会把这个差别掩盖掉。
#
# 这家汽车经销商的客户（数据集 `auto_dealer`，笔记本 03 还会用到）是**模拟**出来的。它的数据说明卡（`cl.datasets.describe("auto_dealer")`）写明了模拟程序设定的真值：第 4 级的客户有 12%、第 5 级的客户有 72% 在两年内再次购买，内置的倍数是 0.72 / 0.12 = 6。所以这份数据说明不了任何地方的真实客户是不是“忠诚 6 倍”；它只是让我们在答案已知的数据上练习计算，看看 2000 位客户的样本离这个答案有多近。下表按总体满意度的每个等级，列出再次购买的比例：

# %%
dealer = cl.datasets.load("auto_dealer")
by_level = dealer.groupby("overall_satisfaction", observed=True)["repurchase"]
came_back = by_level.agg(customers="size", share_came_back="mean")
labelled(came_back, {"share_came_back": "share"}).rename_axis(cl.label("course.01.overall_satisfaction"))

# %% [markdown]
# **Exercise 01.loyalty_ratio.** The simulator was built with a ratio of 6. What ratio does this
# sample of 2,000 customers show? Divide the share who came back among customers who scored 5 by
# the share among those who scored 4 (the table above gives both as percentages: dividing the two
# percentages gives the same ratio).

# %% [markdown] tags=["zh-CN"]
# **练习 01.loyalty_ratio。** 模拟程序设定的倍数是 6。这 2000 位客户的样本显示的倍数是多少？用评 5 分的客户中再次购买的比例，除以评 4 分的客户中再次购买的比例（两个比例上表都有，以百分数显示；两个百分数直接相除，得到的倍数是一样的）。
#
# 答题方法：在下面的代码格里把两个 `___` 换成表中的比例，删掉那一行开头的“# ”，再运行。

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

# %% [markdown] tags=["zh-CN"]
# 样本的倍数和设定的 6 有出入，原因只是抽样误差；笔记本 03 会给它加上置信区间，并为整条曲线建模。这道练习能说明的也仅此而已：这种算法能找回模拟程序事先设定的倍数。

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

# %% [markdown] tags=["zh-CN"]
# ## 客户终身价值
# *（15 分钟）*
#
# 讲义里有个老笑话：一位毕业于美国名校的年轻律师，刚打完第一场官司，几天就胜诉了，得意洋洋地向同样当律师的父亲炫耀：这种案子我几天就解决了，哪像您，一个案子办了四年还没结案？父亲回答：“儿子，你知道你上大学那么贵的学费是从哪儿来的吗？”笑话背后是**客户终身价值**的概念：客户不是一笔买卖，而是他留在我们这里的那些年里带来的全部生意。讲义说，竞争激烈的服务企业也是同样的道理：想长久地留住客户，观念上就必须重视客户的“终身价值”。
#
# 讲义还说，福特汽车公司估计，一位客户从选购第一辆汽车开始，至少会带来 **30 万美元**的价值。
#
# > **论断核查：福特的 30 万美元**
# >
# > - **出处：** 无从查考。讲义只说是福特汽车公司“估计”的；这个数字在销售培训里流传，我们没有找到福特的任何出版物或研究作为依据。
# > - **当时测的是什么：** 不清楚。照引用的说法，它读起来像营业收入：一位买主一辈子在这个品牌上花在买车、保养和零件上的全部的钱，假定没有人中途离开，几十年后才到手的钱也不折现。
# > - **后来的证据：** 研究客户终身价值的文献，把一位客户的价值算作他预期带来的*毛利*的折现值，并考虑他离开的可能（Gupta & Lehmann，2003，《Journal of Interactive Marketing》第 17 卷第 1 期）。这样算下来，一位买主对一家经销商的价值要小得多，下面的练习会用虚构的数字说明。
# > - **课堂上怎么讲：** 把它当作一个好记的说法，意思是“客户是源源不断的生意，不是一锤子买卖”，然后动手算一算折现后的毛利。千万不要把终身价值乘以一年里流失的客户数，再把结果叫作“每年的损失”：那是随当年流失的客户一起离开的价值，分摊在他们本来会留下的那些年里。
#
# 本课程算终身价值只用**一种时间约定**（笔记本 04 也一样）：毛利 *m* 在每年 *t* = 1, 2, …, *T* 的年末到账；第一年的毛利是确定的，以后每年的毛利要看客户是否还在：如果每年有比例为 *r* 的客户留下（即保持率），客户到第 *t* 年还在的概率是 *r*^(*t*−1)；折现率 *d* 把第 *t* 年收到的钱除以 (1 + *d*)^*t*，折算成今天的钱：
#
# $$\text{CLV} = \sum_{t=1}^{T} \frac{m\, r^{t-1}}{(1+d)^{t}}.$$
#
# 先算一个例子，数字与练习不同：每年毛利 1000，保持率 0.7，折现率 10%，算三年。

# %%
margin, retention, discount, years = 1000, 0.7, 0.10, 3
year = np.arange(1, years + 1)
chance = retention ** (year - 1)  # the chance that the customer is still there in that year
value_today = 1 / (1 + discount) ** year  # what 1 paid in that year is worth today
expected_margin = margin * chance * value_today
example = pd.DataFrame({"year": year, "chance": chance, "value_today": value_today, "expected_margin": expected_margin})
labelled(example, {"chance": "share", "value_today": "coef", "expected_margin": "money:2"})

# %% [markdown]
# Adding the last column gives the lifetime value. The same sum in one line of Python, where
# `range(1, years + 1)` runs through the years 1, 2 and 3:

# %% [markdown] tags=["zh-CN"]
# 把最后一列加起来，就是终身价值。同样的求和，用 Python 一行就能写完，其中 `range(1, years + 1)` 依次取第 1、2、3 年：

# %%
column_total = expected_margin.sum()  # the last column of the table, added up
one_line = sum(margin * retention ** (t - 1) / (1 + discount) ** t for t in range(1, years + 1))
pd.Series({cl.label("course.01.column_total"): cl.i18n.format_number(column_total, "money:2"),
           cl.label("course.01.one_line"): cl.i18n.format_number(one_line, "money:2")}, name=cl.label("course.01.clv"))

# %% [markdown]
# **Exercise 01.ford_lifetime.** What is one new car buyer worth to a dealer today? The numbers
# are invented but plausible: the buyer brings the dealer about USD 6,000 of revenue a year
# (servicing, parts, accessories and a share of the next car), of which the dealer keeps a
# margin of USD 1,500; 80% of buyers are still customers a year later; money is discounted at
# 8% a year; count at most 10 years. Use the course's convention above.

# %% [markdown] tags=["zh-CN"]
# **练习 01.ford_lifetime。** 一位新车买主，今天对经销商值多少钱？下面的数字是虚构的，但合乎情理：这位买主每年给经销商带来约 6000 美元的营业收入（保养、零件、精品附件，再加上下一辆车的一部分），其中经销商留下的毛利是 1500 美元；一年后仍有 80% 的买主是经销商的客户；折现率每年 8%；最多算 10 年。请按上面本课程的约定来算。
#
# 答题方法：在下面的代码格里把四个 `___` 依次换成毛利、保持率、折现率和年数，删掉两行开头的“# ”，再运行。

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

# %% [markdown] tags=["zh-CN"]
# 把你的答案和 30 万美元比一比。有三样东西让它缩了水：算的是毛利而不是营业收入，买主会离开，还有折现。如果服务不好，今年丢了 12 位这样的买主，经销商放弃的就是你答案的 12 倍：这是随今年流失的买主一起离开的价值，分摊在他们本来可能留下的十年里，不是每年的损失。笔记本 04 会用数据来算客户终身价值，离开的概率是从数据估计出来的，而不是假定的。

# %% [markdown]
# ## The 80/20 rule (80/20法则)
# *(5 min)*
#
# The 80/20 rule says that about **80% of sales come from about 20% of customers**: the loyal
# core. Lose that core and you lose most of the business, which is why the course keeps coming
# back to loyalty rather than to average satisfaction. The exact split differs by business; the
# telecom customers of IBM's public sample (`telco_churn`, a fictional company) show how
# concentrated revenue can be.

# %% [markdown] tags=["zh-CN"]
# ## 80/20法则
# *（5 分钟）*
#
# 80/20法则说：**约 80% 的销售业绩来自约 20% 的客户**，也就是那些长期合作的忠诚客户。丢了这部分客户，就丢了大部分生意，所以本课程总是回到客户忠诚上来，而不是只盯着平均满意度。具体比例因行业而异；IBM 公开的电信客户样本（`telco_churn`，一家虚构的公司）可以让我们看看收入能集中到什么程度。

# %%
telco = cl.datasets.load("telco_churn")
revenue = telco["TotalCharges"].dropna().sort_values(ascending=False)
top_fifth = revenue.iloc[: int(np.ceil(0.2 * len(revenue)))]
pd.Series({cl.label("course.01.top_fifth_share"): cl.i18n.format_number(top_fifth.sum() / revenue.sum(), "share")})

# %% [markdown]
# Here the top fifth brings far less than 80%: a subscription business with similar monthly
# fees is less concentrated than a retailer with a few big buyers. The rule is a warning to
# look, not a law; notebook 05 draws the full Lorenz curve and computes the Gini coefficient.

# %% [markdown] tags=["zh-CN"]
# 在这里，前五分之一的客户贡献的远不到 80%：月费相差不大的订阅型业务，不像有几个大买家的零售商那样集中。这条法则是提醒你去看一看，不是定律；笔记本 05 会画出完整的洛伦兹曲线，并算出基尼系数。

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

# %% [markdown] tags=["zh-CN"]
# ## 留住老客户比争取新客户省钱
# *（5 分钟）*
#
# 讲义里反复出现两个数字（那篇讲客户管理三阶段的文章用“研讨说明”引出它们）：
#
# - 吸引一位新客户的费用，是保持一位现有客户的 **4～6 倍**；
# - 从品牌忠实者身上得到的利润，约是从非忠实者身上得到的 **9 倍**。
#
# > **论断核查：“4～6 倍”与“9 倍”**
# >
# > - **出处：** 无从查考。讲义没有给出来源，这两个数字在营销文章里广为流传，却找不到一项可以核对的研究。
# > - **当时测的是什么：** 不清楚：既没说是哪个行业、哪家企业、哪段时间，也没说争取或保持客户的成本包括哪些（广告？销售人员的时间？折扣？），更没说什么样的客户算“品牌忠实者”。
# > - **后来的证据：** 争取客户和保持客户的成本之比，取决于行业，也取决于把什么算进成本，所以没有一个通用的倍数。至于利润，有研究在所考察的四家企业里发现，老客户并不一定是最赚钱的：有些忠诚客户花掉的比带来的还多（Reinartz & Kumar，2002，“The mismanagement of customer loyalty”，《哈佛商业评论》第 80 卷第 7 期）。客户保持与利润的关系，见笔记本 04 里的那则论断核查（Reichheld & Sasser，1990）。
# > - **课堂上怎么讲：** “争取一位新客户，通常比留住一位老客户花钱多；多多少，要在你们自己的账上算。”用你们自己的数字去做下面练习里的算术，不要套用这些倍数。
#
# 先看一个例子，用的是别的数字：一家健身房留住一位会员每年花 40，争取一位新会员花 120。流失 10 位会员再一一补上新会员，比留住他们多花 10 × (120 − 40) = 800。
#
# **练习 01.replacement_cost。** 假设一家商店自己的账目显示：留住一位客户每年花 50，争取一位新客户要花它的 5 倍（数字是虚构的）。这家店流失了 200 位客户，每流失一位就补进一位新客户。补进新客户比留住老客户多花多少？
#
# 答题方法：在下面的代码格里把三个 `___` 换成数字，删掉那一行开头的“# ”，再运行。

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

# %% [markdown] tags=["zh-CN"]
# ## 如何提高客户满意度
# *（5 分钟）*
#
# 讲义给出了六条途径，从企业决策层一直到第一线：满意度那一章列了前五条，同一套材料里的其他讲义补上了第六条。
#
# 1. **纳入企业战略**：满意度目标要写进经营计划，不能只是服务部门的事；工作的每一个环节，都要以提高客户满意度为宗旨。
# 2. **树立以客户为中心的思想**：客户是企业的资源，是我们生存的命脉；要想客户所想，关怀客户，随时适应客户的要求。
# 3. **建立客户数据库**：从来没记下来的偏好，谁也记不住（笔记本 07 的胡萝卜汁案例说明了记下来以后能做成什么）。
# 4. **加强客户沟通与客户关怀**：在要紧的时候感谢、提醒、咨询、征求意见：客户刚刚购买时，产品到了使用年限时，使用环境发生变化时。
# 5. **提高员工的服务质量**：客户是通过员工来接触企业的，所以客户满意度的水平，是由员工的服务水平决定的。
# 6. **培训员工，建立激励机制**：培训员工，满意度目标达成时给予奖励。有一份讲义举的例子是：客户服务热线的投诉率低于 10% 就发奖金。可是目标一旦和收入挂钩，就会有人钻空子（一条没登记的投诉，和一条真正预防住的投诉一样能拉低投诉率），所以在把任何人的奖金和分数挂钩之前，先读一读笔记本 02 里讲“与奖金挂钩的目标”的那则论断核查。
#
# 其他几份讲义，还有那篇讲客户质量指标的文章，也各列了一份类似的清单，而且都把产品本身放在第一位：提供优质的产品和服务，从研发、生产到售后都保证产品质量、提高产品质量；提供贴心的售后服务，既为客户解决问题，也向客户传递企业的态度；提供增值服务，比如技术咨询；关注客户体验，哪里让客户失望，就在哪里不断改进服务质量。
#
# *讨论：* 这六条里，你们单位做得最少的是哪一条？第一步该怎么走？

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

# %% [markdown] tags=["zh-CN"]
# ## 客户质量指标
# *（5 分钟）*
#
# 一位客户的“质量”怎么样？讲客户质量指标的那篇文章提出了六项指标：购买频率、购买金额、满意度、再购买率、推荐率和品牌好感度。它们都能对上本课程的工具：购买频率和购买金额就是 RFM 模型里的 F 和 M（笔记本 05），满意度用满意度得分来衡量（笔记本 02），再购买是笔记本 03 里用来衡量忠诚的结果，推荐率正是净推荐值（NPS）那道题问的内容。

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

# %% [markdown] tags=["zh-CN"]
# ## 卡诺模型：各项功能让人满意的方式不同
# *（5 分钟）*
#
# 日本学者狩野纪昭（Kano，1984）发现，产品和服务的各项功能与满意度的关系并不一样。他对每项功能问两个问题：有这项功能时，你觉得怎么样（正向问题）？没有这项功能时，你又觉得怎么样（反向问题）？根据这一对回答，就能把功能归入某一类：
#
# | 类别 | 具备时 | 不具备时 | 酒店里的例子 |
# |---|---|---|---|
# | 必备属性 | 视为理所当然 | 很不满意 | 干净的床单 |
# | 期望属性 | 越多越好 | 越少越差 | 办理入住的速度 |
# | 魅力属性 | 惊喜 | 不会抱怨 | 房间里已经备好你最爱喝的饮料 |
# | 无差异属性 | 没有影响 | 没有影响 | 电梯的品牌 |
# | 反向属性 | 有人反感 | 有人宁愿没有 | 大堂里很吵的音乐 |
#
# 这个模型从功能这一侧解释了期望不一致的道理：必备属性只会引起不满，魅力属性只会带来惊喜；今天的魅力属性，明天就成了必备属性。笔记本 02 会用 Better 和 Worse 两个系数给卡诺问卷打分。
#
# 卡诺交互控件按卡诺评价表给一位客人的一对回答分类，并把酒店调查里选中的那项功能标在 Better/Worse 图上（用圆圈标出）。课堂上可以试几个“如果……会怎样”：哪一对回答会让一项功能成为必备属性（试试具备时选“理应如此”、不具备时选“不喜欢”）？哪一对会让它成为魅力属性（具备时“喜欢”，不具备时“无所谓”）？然后选中“记住客人偏好”（`remembered_preferences`）这项功能，问问大家：一项没有了也没人惦记的服务，酒店为什么还要花钱去做？

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

# %% [markdown] tags=["zh-CN"]
# ## 服务质量差距模型：服务质量就是差距
# *（5 分钟）*
#
# 三位美国学者（Parasuraman, Zeithaml & Berry，1988）把服务质量看作感受与期望之间的差距，逐题测量，分五个维度：**可靠性**（说到做到）、**响应性**（愿意帮忙、反应迅速）、**保证性**（业务能力和礼貌）、**移情性**（对每位客户的个别关注）和**有形性**（场所、设备、员工仪表）。这就是把期望不一致的思路用在问卷上：每位客户既给一家优秀企业应有的表现打分（期望），也给自己实际遇到的情况打分（感受）；差距为负，说明服务在那里不到位。前面那个函数同样可以给每一对打分；按维度把差距求平均，就得到服务质量差距（SERVQUAL）的全貌。

# %%
dimensions = ["reliability", "responsiveness", "assurance", "empathy", "tangibles"]
servqual = pd.DataFrame(
    {
        "dimension": [cl.label(f"course.01.{d}") for d in dimensions],
        "expectation": [5, 5, 4, 4, 3],
        "perception": [4, 3, 4, 5, 3],
    }
)
gaps = cl.survey.disconfirmation(servqual["expectation"], servqual["perception"])
labelled(servqual.assign(gap=gaps.gap, level=gaps.label), {"gap": "score:0"})

# %% [markdown]
# In this one customer's answers, responsiveness is where the service falls furthest short,
# while empathy exceeds expectation. With many customers, the averages and their confidence
# intervals (`cl.survey.gap_scores`) show which shortfalls are real and which are noise.

# %% [markdown] tags=["zh-CN"]
# 在这位客户的回答里，响应性离期望最远，移情性则超出了期望。客户多的时候，看各维度的平均值和置信区间（`cl.survey.gap_scores`），就能分辨哪些差距是真的，哪些只是随机波动。

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

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 服务信条：客户是公司里最重要的人，我们离不开客户，客户是我们工作的目的，不是来打扰我们工作的。
# - 客户是与我们打交道的人；内部客户和外部客户同等重要，因为对内部客户的服务，最终会变成对外部客户的服务。
# - 客户满意度是实际感受与事前期望之间的差距，再加上服务表现本身的直接作用（Churchill & Surprenant，1982）：很差的服务即使在意料之中，也不算“满意”。目标是事后获得 > 事先期望；五级满意度从很不满意到很满意。
# - 服务标准塑造客户期望，客户期望是衡量满意的尺子，客户满意积累成客户忠诚，而客户忠诚才是目标。客户期望来自承诺、经历、口碑和竞争对手；企业既可以提高表现来缩小差距，也可以只承诺兑现得了的事。
# - 竞争激烈的行业里，从满意到忠诚的曲线在最高一档最陡；“6 倍”是施乐公司的数字（Jones & Sasser，1995），你们的倍数要自己去测。
# - 一位客户的价值是一串折现后的毛利，远低于福特那个无从查考的 30 万美元营业收入；争取新客户通常比留住老客户花钱多，多出的倍数要自己去测，不能照搬；一小部分客户带来了相当大一部分收入。
# - 卡诺模型说明，各项功能让人满意的方式不同；服务质量差距模型把期望和感受变成可以测量的差距。
#
# 本笔记本的练习，按任务类型（回顾、计算、迁移应用，即把学到的用到新情境中）和答案类型列在下面：

# %%
cl.exercises.list_exercises("01")

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("01")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("01")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("01")

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %% [markdown] tags=["zh-CN"]
# ## 术语表
# *（0 分钟）*

# %%
cl.exercises.glossary("01", keys=False)
