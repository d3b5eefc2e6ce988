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
# **Time:** about 90 minutes (10–20 minutes per case).
#
# **After this notebook you will be able to**
# 1. retell the cases of the training materials faithfully, and tell what the materials say
#    from what this course adds;
# 2. name what supermarket customers look for (convenience, variety, quality assurance) and
#    say which of it a member log can show;
# 3. measure each case's lesson on data, and say why simulated data built with a stated truth
#    show a method at work but cannot test the lesson;
# 4. read a survey report's findings by stage with confidence intervals, and say what the
#    numbers can and cannot support;
# 5. apply the cases' lessons to a new shop or service.
#
# **How each case runs.** Every case is taught in the same order: **1 · Question** (the story
# stops before its lesson, and you answer first), **2 · Discussion** (in pairs or with the
# class), **3 · What the source says** (the reveal: the lesson as the training materials give
# it), **4 · Data** (what a dataset can and cannot say about it). Where this course adds to a
# story, the text says so: *Added for this course: ...*

# %% [markdown] tags=["zh-CN"]
# # 07 · 案例研究
#
# **时长：** 约 90 分钟（每个案例 10–20 分钟）。
#
# **学完本笔记本，你将能够**
# 1. 忠实地复述培训材料里的案例，并分清哪些是材料原有的、哪些是本课程补充的；
# 2. 说出商超客户看重什么（便利性、多样性、品质保证），以及会员消费记录能反映出其中哪些；
# 3. 用数据衡量每个案例的启示，并说明为什么按事先写明的“真相”生成的模拟数据只能演示方法怎么用，却不能检验案例的启示；
# 4. 读懂满意度调查报告里按环节列出的结果及其置信区间，说清这些数字能支持什么、不能支持什么；
# 5. 把案例的启示用到一家新的门店或一项新的服务上。
#
# **每个案例怎么上。** 每个案例都按同样的顺序进行：**1 · 提问**（故事停在揭晓启示之前，先由你来回答），**2 · 讨论**（两人一组，或者全班一起），**3 · 材料怎么说**（揭晓：培训材料自己给出的启示），**4 · 数据**（数据集对这个启示能说明什么、不能说明什么）。凡是本课程在原故事之外添加的内容，文中都会注明：*本课程补充：……*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """A table built in this notebook, as displayed: numbers formatted by kind (column -> kind for
    cl.i18n.format_table: "share", "money" ...), names in the notebook's language (labels course.07.<name>)."""
    return cl.i18n.labelled_table(cl.i18n.format_table(table, kinds), "course.07")

# %% [markdown]
# ## The carrot juice at a Hong Kong hotel (胡萝卜汁)
# *(20 min)*
#
# **1 · Question.** The paper on the three stages of customer management (论"客户管理"三阶段)
# opens with a guest's own account. Ten years ago he had dinner with the general manager of the
# Regent hotel in Hong Kong (香港丽晶饭店), who asked him what he liked to drink most. Carrot
# juice, he said: once, in answer to a question over dinner. About six months later he stayed
# at the hotel again and, to his surprise, found a large glass of carrot juice in the
# refrigerator of his room. In the ten years since, the juice has been waiting whenever he
# stays there; on his latest trip he was thinking of it before his plane had landed at Kai Tak
# airport. Over the decade the room rate rose more than threefold (涨了3倍多), and he still
# stays at that hotel, because of the carrot juice, he says.
#
# **Exercise 07.carrot_juice.** The general manager heard the remark himself. What would a
# hotel need, above all, to have the juice waiting at *every* stay for ten years, whoever is on
# duty? (a) a larger minibar in every room; (b) a guest record in which the preference is
# written down and read before each arrival; (c) lower room rates for regular guests; (d) the
# general manager checking every one of the guest's bookings himself.

# %% [markdown] tags=["zh-CN"]
# ## 香港丽晶饭店的胡萝卜汁
# *（20 分钟）*
#
# **1 · 提问。** 论文《论“客户管理”三阶段》的引言先抛出一个问题：你相信一杯胡萝卜汁能留住客户吗？接着讲了一位客人的亲身经历。十年前，他和香港丽晶饭店的总经理一起吃饭，总经理问他最喜欢喝什么饮料，他说最喜欢胡萝卜汁。他只是在饭桌上随口答了这么一句。大约六个月后，他又住进丽晶饭店，打开房间里的冰箱，意外地发现里面放着一大杯胡萝卜汁。此后十年，不论什么时候入住丽晶，饭店都为他备好胡萝卜汁。最近一次来香港，飞机还没在启德机场降落，他就想起饭店里那杯为他准备好的胡萝卜汁，馋得直流口水。十年间，饭店的房价涨了三倍多，他还是住这家饭店。他说，就是因为那杯胡萝卜汁。
#
# **练习 07.carrot_juice。** 那句话是总经理亲耳听到的。要让这杯胡萝卜汁在十年里*每一次*入住时都等着客人，而且不管当天谁当班，饭店最需要的是什么？(a) 每个房间都换上更大的迷你吧；(b) 一份客人档案：把偏好写进去，每次客人到店之前有人去看；(c) 给常客降低房价；(d) 总经理亲自检查这位客人的每一笔预订。（在下面的单元格里把字母写在引号中，例如 "a"。）

# %%
answer = None  # a letter between quotes, e.g. "a"

# %% tags=["solution"]
answer = "b"

# %%
cl.check("07.carrot_juice", answer)

# %% [markdown]
# **2 · Discussion.** What is *your* carrot juice: which preference of a regular customer could
# your team record once and honour unasked? Who would write it down, where, and who reads it
# before the customer's next visit?
#
# **3 · What the source says.** One glass of carrot juice turned the guest into a loyal
# customer (忠实客户). The paper calls this the highest level of customer management: to make
# the customer "unable to leave you" (让客户离不开你). It does not say how the hotel remembered.
# It goes on to argue that the first stage of customer management is to collect customer
# information and build a customer database (搜集客户信息,建立客户资料库): "research before
# sales" (销售未动,调查先行). *Added for this course:* our reading of the story is that
# **recorded preferences make personalised service possible**. A remark made once to one
# manager became a standing instruction for every shift, which no one's memory could have done
# for ten years.
#
# **4 · Data.** `hotel_guests` follows 1,000 guests of a Hong Kong hotel over their stays. It is
# **simulated**, built with a stated truth (its data card, `cl.datasets.describe("hotel_guests")`):
# at the first stay half of the guests mention a preference; from the second stay on the hotel
# honours it unasked with probability 0.85 (`personalised`); a personalised stay raises
# satisfaction (by 1.0 on its hidden scale) and, on top of that, the log-odds of coming back
# next year by 1.2; each unit of ln(room rate / 1,200 HKD) lowers those log-odds by 0.3; rates
# rise 14 % a year. Because the effect was put in, these data cannot test the lesson. They show
# how to *measure* such an effect, and whether the measurement gets back what was put in.

# %% [markdown] tags=["zh-CN"]
# **2 · 讨论。** *你们的*“胡萝卜汁”是什么？常客的哪一种偏好，你的团队可以记录一次，以后不等客户开口就每次照办？由谁记下来、记在哪里？客户下次来之前，又由谁去看？
#
# **3 · 材料怎么说。** 一杯胡萝卜汁，就让这位客人成了丽晶饭店的“忠实客户”。论文说，这正是客户管理的最高境界：“让客户离不开你”。至于饭店是怎么记住这件事的，论文没有交代。它接着提出，客户管理的第一阶段就是搜集客户信息、建立客户资料库，所谓“销售未动，调查先行”。*本课程补充：* 我们对这个故事的解读是：**把客户的偏好记录下来，个性化服务才做得到。** 客人只对一位经理说过一次的话，变成了每个班次都照办的固定做法；一连十年，靠哪一个人的记性都做不到。
#
# **4 · 数据。** `hotel_guests` 跟踪了一家香港酒店的 1,000 位客人历年的入住。它是**模拟数据**，按事先写明的“真相”生成（见数据说明卡 `cl.datasets.describe("hotel_guests")`）：第一次入住时，一半的客人会提到自己的某种偏好；从第二次入住起，酒店以 0.85 的概率不等客人开口就照办（`personalised`）；一次个性化的入住会提高满意度（在隐含的量表上提高 1.0），此外还让客人次年再来的对数几率提高 1.2；房价与 1,200 港元之比取自然对数，每增加 1，这个对数几率就降低 0.3；房价每年上涨 14%。效应既然是事先放进去的，这些数据就不能检验案例的启示。它们演示的是怎样*测量*这样一个效应，以及测出来的数能不能还原放进去的数。

# %%
hotel = cl.datasets.load("hotel_guests")
average_rate = hotel.groupby("year")["room_rate"].mean()
labelled(average_rate.rename_axis("year").to_frame("average_room_rate"), {"average_room_rate": "money:0"}).T

# %% [markdown]
# Compare like with like. A first stay cannot be personalised, and a guest with nothing on file
# cannot be either, so keep the stays from the second on where a preference was on file and
# the next year is known. Worked example: the return rate (in %) of business guests minus that
# of leisure guests, among those stays.

# %% [markdown] tags=["zh-CN"]
# 比较要同类相比。第一次入住不可能是个性化的，档案里没有偏好记录的客人也不可能，所以只保留第二次及以后、档案里有偏好记录、而且次年是否再来已经知道的那些入住。示例：在这些入住中，商务客人的回头率（%）减去休闲客人的回头率。

# %%
like = hotel[(hotel["stay_number"] >= 2) & hotel["preference_recorded"] & hotel["returned_next_year"].notna()]
by_type = like.groupby("guest_type", observed=True)["returned_next_year"].mean()
100 * (by_type.loc["business"] - by_type.loc["leisure"])

# %% [markdown]
# **Exercise 07.hotel_return_gap.** Among the same stays, what is the return rate (in %) of
# personalised stays minus that of the other stays, in percentage points? Copy the worked
# example: group by the column that says whether the stay was personalised (its values are
# `True` and `False`).

# %% [markdown] tags=["zh-CN"]
# **练习 07.hotel_return_gap。** 还是这些入住，个性化入住的回头率（%）减去其他入住的回头率，相差多少个百分点？照着示例做：按表示这次入住是否个性化的那一列分组（它的取值是 `True` 和 `False`）。填好空格，再删掉下面两行开头的“# ”。

# %%
answer = None
# Fill in the blank, then delete the "# " in front of the next two lines:
# rates = like.groupby(___)["returned_next_year"].mean()
# answer = 100 * (rates.loc[True] - rates.loc[False])

# %% tags=["solution"]
rates = like.groupby("personalised")["returned_next_year"].mean()
answer = 100 * (rates.loc[True] - rates.loc[False])

# %%
cl.check("07.hotel_return_gap", answer)

# %% [markdown]
# That gap is the *total* difference: personalised stays also raise satisfaction, which brings
# guests back too. To get back the 1.2 of the stated truth itself, fit the model the data card
# names, a logit of coming back on satisfaction, personalisation and the log of the room rate
# (notebook 03 explains the logit). The `personalised_stay` row should lie near 1.2,
# `satisfaction_code` near 0.8 and `log_rate` near −0.3, each within its interval. The stays of
# one guest are not independent, so the intervals are somewhat too narrow.

# %% [markdown] tags=["zh-CN"]
# 这个差距是*总*差别：个性化入住还会提高满意度，而满意度本身也会让客人再来。要还原既定真相里的那个 1.2，就得拟合数据说明卡里写的那个模型：以次年是否再来为因变量，以满意度、是否个性化和房价的对数为自变量的逻辑回归（笔记本 03 讲过逻辑回归）。表中“本次入住个性化”一行（代码里的 `personalised_stay`）应在 1.2 附近，“满意度等级”一行（`satisfaction_code`）在 0.8 附近，“房价对数”一行（`log_rate`）在 −0.3 附近，而且都落在各自的区间之内。同一位客人的几次入住并不相互独立，所以这些区间会偏窄一些。

# %%
known = hotel[hotel["returned_next_year"].notna()].assign(
    satisfaction_code=lambda d: d["satisfaction"].astype(int),
    personalised_stay=lambda d: d["personalised"].astype(int),
    log_rate=lambda d: np.log(d["room_rate"] / 1200),
    came_back=lambda d: d["returned_next_year"].astype(bool),
)
return_model = cl.loyalty.loyalty_regression(
    known, satisfaction="satisfaction_code", loyalty="came_back", kind="logit", as_levels=False,
    controls=["personalised_stay", "log_rate"],
)
# the rows and columns as they are shown, in the notebook's language
names = ["Intercept", "satisfaction_code", "personalised_stay", "log_rate", "coef", "se", "p_value", "ci_low", "ci_high"]
shown = {name: cl.label(f"course.07.{name.lower()}") for name in names}
coefficient_kinds = {"coef": "coef:2", "se": "coef:2", "p_value": "pvalue", "ci_low": "coef:2", "ci_high": "coef:2"}
cl.i18n.format_table(return_model.coefficients, coefficient_kinds).rename(index=shown, columns=shown)

# %% [markdown]
# The hotel data also carry the SERVQUAL questions of notebook 01: expectations and perceptions
# on the five dimensions. `cl.survey.gap_scores` gives the average gaps with paired intervals;
# the simulator set perceptions below expectations most on reliability, responsiveness and
# empathy, slightly on assurance, and above them on tangibles (its data card lists the means);
# the chart shows how clearly a sample of this size finds those built-in gaps.

# %% [markdown] tags=["zh-CN"]
# 酒店数据里还有笔记本 01 讲过的服务质量差距模型的问题：五个维度上的事前期望和实际感受。`cl.survey.gap_scores` 给出每个维度的平均差距以及配对的置信区间。模拟器是这样设定的：可靠性、响应性和移情性上，实际感受比期望低得最多；保证性略低一点；有形性则高于期望（各项均值见数据说明卡）。下图显示，这么大的样本能把这些事先设定的差距看得多清楚。

# %%
dimensions = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
shown_dimensions = [cl.label(f"course.07.{d}") for d in dimensions]
expected = hotel[[f"exp_{d}" for d in dimensions]].set_axis(shown_dimensions, axis=1)
perceived = hotel[[f"per_{d}" for d in dimensions]].set_axis(shown_dimensions, axis=1)
servqual = cl.survey.gap_scores(expected, perceived, scale="agree7")
cl.plots.gap_chart(servqual)
plt.show()

# %% [markdown]
# ## Pearl's phone booth (珍珠的电话亭)
# *(10 min)*
#
# **1 · Question.** The textbook chapter on satisfaction and loyalty opens its section on
# customer loyalty with this case. In Chongqing a young woman called Pearl (珍珠), out of work,
# rents a 6 m² public telephone booth on a quiet side street to start a small business. She
# sees that callers find it uncomfortable to stand while they talk, so she brings a chair with
# a backrest. She sees them fumbling when they need to note something down, so she puts a
# small box with paper and pens (slips of paper, ballpoint pens) beside the phone. The street
# has several phone booths, yet callers start to gather at hers, and she installs two more
# phones. Later she notices that people waiting for a line ask whether she has cigarettes or
# something to drink, and she stocks cigarettes and drinks at once; she notices that when
# couples come to call, the girlfriend waiting beside the phone keeps clamouring, and she adds
# snacks. Her customers grow in number and most of them are repeat customers. Six months later
# the little booth has become a retail shop with a decent income.
#
# The chapter's question: **what was her secret?**
#
# **Exercise 07.phone_booth.** Choose the *two* best answers: (a) she watched what her
# customers lacked while they called and waited, and supplied it; (b) she undercut the other
# booths' prices; (c) small attentions made people come back, again and again; (d) she
# advertised in the newspaper.

# %% [markdown] tags=["zh-CN"]
# ## 珍珠的电话亭
# *（10 分钟）*
#
# **1 · 提问。** 讲客户满意与客户忠诚的那一章教材，在“客户忠诚”一节的开头用的就是这个案例。重庆有个叫珍珠的姑娘，失业以后在一条冷清的小街上租了一个 6 平方米的公用电话亭，想做点小本生意。起初，她发现来打电话的人站着打不舒服，就搬来一把带靠背的椅子；又发现打电话的人要记点东西时总是手忙脚乱，就在电话机旁放了个小纸盒，里面备好小方纸和圆珠笔。这样一来，尽管这条小街上有好几个电话亭，人却渐渐都往她这里来，她又加装了两部电话。后来，她发现有人在等电话时问有没有香烟、饮料，马上就进了货；又发现情侣一起来打电话时，在旁边等着的女伴总是嚷个不停，她又赶紧进了些小零食。珍珠的客户越来越多，而且大多是回头客。半年后，小小的电话亭变成了一家收入不错的零售店。
#
# 教材提的问题是：**珍珠成功的诀窍是什么？**
#
# **练习 07.phone_booth。** 选出*两个*最好的答案：(a) 她留意客户在打电话、等电话时缺什么，然后补上；(b) 她把价格压得比别的电话亭低；(c) 一个个小小的贴心之处，让人一次又一次地回来；(d) 她在报纸上登了广告。（把两个字母写在引号中，例如 "a, b"。）

# %%
answer = None  # two letters between quotes, e.g. "a, b"

# %% tags=["solution"]
answer = "a, c"

# %%
cl.check("07.phone_booth", answer)

# %% [markdown]
# **2 · Discussion.** What do *your* customers do while they wait: in the queue, on hold, in the
# showroom? What do they lack at that moment, and what would it cost to supply it?
#
# **3 · What the source says.** The chapter asks the question and leaves the answer to the
# class; the case's own title is "Pearl's loyal customers" (珍珠的忠诚客户), and it leads into
# the section on customer loyalty (客户忠诚). *Added for this course:* the reading we teach is
# that Pearl **observed unmet needs** and answered each with a **small attention**, and that
# repeat customers followed. Nothing in the story is about price or promotion.
#
# **4 · Data.** The case has no figures and Pearl kept no records. *Added for this course (not in
# the textbook, invented numbers):* suppose she had kept a tally for two weeks of what waiting
# callers asked for or visibly did without. Observation becomes data the moment it is counted,
# and counting tells you what to add first.

# %% [markdown] tags=["zh-CN"]
# **2 · 讨论。** *你们的*客户在等待的时候都在做什么：排队时、在电话里等着转接时、在展厅里？那一刻他们缺什么？补上它要花多少钱？
#
# **3 · 材料怎么说。** 教材只提出问题，答案留给课堂；案例本身的标题叫“珍珠的忠诚客户”，由它引出“客户忠诚”这一节。*本课程补充：* 我们讲授的解读是：珍珠**观察到了客户没被满足的需要**，每发现一个，就用一个**小小的贴心服务**去回应，回头客也就跟着来了。整个故事里，没有一句话讲到价格或促销。
#
# **4 · 数据。** 这个案例没有任何数字，珍珠也没有做记录。*本课程补充（教材里没有，数字是编的）：* 假设她用两周时间记下了等电话的人开口要过什么、或者明显缺什么。观察一旦被计了数，就成了数据；计数能告诉你先补什么。

# %%
tally = pd.Series(
    {
        cl.label("course.07.wanted_free_line"): 45,
        cl.label("course.07.wanted_seat"): 38,
        cl.label("course.07.wanted_cold_drink"): 31,
        cl.label("course.07.wanted_paper_pen"): 27,
        cl.label("course.07.wanted_cigarettes"): 22,
        cl.label("course.07.wanted_for_companion"): 16,
        cl.label("course.07.wanted_change"): 9,
    },
    name=cl.label("course.07.times_in_two_weeks"),
)
callers = 14 * 60  # about 60 callers a day
tally_table = tally.to_frame()
tally_table["per_100_callers"] = 100 * tally / callers
labelled(tally_table, {"per_100_callers": "number:1"})

# %% [markdown]
# *Discussion:* with this tally, what would you add first, and what would you check two weeks
# later to see whether it worked? (Hint: the same tally, and how many callers came back.)

# %% [markdown] tags=["zh-CN"]
# *讨论：* 有了这张计数表，你会先补什么？两周以后，你会看什么来判断它有没有用？（提示：还是这张计数表，再加上有多少来电者又回来了。）

# %% [markdown]
# ## Supermarket customers: convenience, variety, quality assurance (便利性、多样性、品质保证)
# *(5 min)*
#
# **Question.** Before reading on: when you choose where to do your weekly shopping, what three
# things matter most to you?
#
# The supermarket CRM deck (客户关系管理, 商超) answers with three traits of supermarket
# customers and their needs:
#
# - **Convenience (便利性)**: shoppers want shopping to be easy; they want to find what they came
#   for quickly and to get a quick, convenient experience. *(Examples added for this course: a
#   store nearby, a layout that makes sense, a short queue at the till.)*
# - **Variety (多样性)**: the customers themselves are varied (every age, sex, occupation and
#   income) and so are their needs, so they expect a wide range of goods to choose from.
# - **Quality assurance (品质保证)**: as people seek a better quality of life they ask more of
#   what they buy, and they lean towards brands and retailers whose quality is reliable and
#   whose reputation is good.
#
# Each trait is an expectation in the sense of notebook 01. *Added for this course:* each can
# become a service standard with a figure to watch.
#
# | trait | what the store does | a figure to watch | data it needs |
# |---|---|---|---|
# | convenience (便利性) | location, clear layout, enough tills, opening hours | waiting time at the till; share of purchases at the nearest store | till timestamps, store of each purchase |
# | variety (多样性) | a broad assortment, local and seasonal products | categories per basket; "could not find it" comments | the lines of each basket, by category |
# | quality assurance (品质保证) | supplier checks, fresh-food rotation, easy returns | refund rate; quality complaints | refunds, the complaint log |
#
# The member log used in the cases below (`supermarket_members`, simulated) holds one row per
# basket: member, date, amount, store, coupon. Here is what it can say about the three traits.

# %% [markdown] tags=["zh-CN"]
# ## 商超客户：便利性、多样性、品质保证
# *（5 分钟）*
#
# **提问。** 先别往下读：你决定每周去哪里采购的时候，最看重的三件事是什么？
#
# 讲商超客户关系管理的那份幻灯片，给出的答案是商超客户的三个特点和相应的需求：
#
# - **便利性**：客户追求购物方便，希望很快找到要买的商品，享受快捷、方便的购物体验。*（本课程补充的例子：门店离家近，货架布局合理，收银台前不用排长队。）*
# - **多样性**：客户本身就多种多样，来自不同年龄、性别、职业和收入水平的群体，需求也各不相同，所以他们希望商超提供丰富多样的商品可选。
# - **品质保证**：随着人们对生活品质的追求，客户对商品品质的要求也越来越高，更愿意选择品质可靠、信誉良好的品牌和商家。
#
# 每个特点都是笔记本 01 所说的客户期望。*本课程补充：* 每个特点都可以变成一条服务标准，再配上一个要盯住的数字。
#
# | 特点 | 门店做什么 | 要盯住的数字 | 需要的数据 |
# |---|---|---|---|
# | 便利性 | 选址、清晰的布局、足够的收银台、营业时间 | 收银排队时间；在离家最近的门店完成的购买占比 | 收银时间记录、每笔购买所在的门店 |
# | 多样性 | 品类齐全，有本地商品和应季商品 | 每个购物篮里的品类数；“没找到想买的”这类意见 | 每个购物篮的商品明细（按品类） |
# | 品质保证 | 审核供应商、生鲜及时轮换、退货方便 | 退款率；质量投诉 | 退款记录、投诉记录 |
#
# 下面几个案例用到的会员消费记录（`supermarket_members`，模拟数据）每个购物篮占一行：会员、日期、金额、门店、是否用券。来看看它对这三个特点能说明什么。

# %%
shoppers = cl.datasets.load("supermarket_members")
bought = shoppers[shoppers["amount"] > 0]
visits = bought.groupby("member_id")["store"].agg(
    purchases="size", at_most_used_store=lambda stores: stores.value_counts().iloc[0]
)
regulars = visits[visits["purchases"] >= 5]
pd.Series(
    {
        cl.label("course.07.members_5_plus"): cl.i18n.format_number(len(regulars), "count"),
        cl.label("course.07.share_at_most_used_store"): cl.i18n.format_number(
            regulars["at_most_used_store"].sum() / regulars["purchases"].sum(), "share"
        ),
        cl.label("course.07.refund_share"): cl.i18n.format_number((shoppers["amount"] < 0).mean(), "share"),
    },
    dtype=object,
).to_frame(cl.label("course.07.value"))

# %% [markdown]
# Regular members make most of their purchases at one store. That is how to *measure* the
# footprint of convenience; it is not evidence that shoppers value it, because the simulator
# gave every member a home store where 85 % of their purchases happen (its data card), and the
# measure gets that back. Refunds hint at quality but mix faulty goods with changed minds (the
# simulator refunds 1.5 % of purchases at random). **Variety cannot be seen at all**: the log
# has basket totals, not the products in them. Knowing which question your data can answer is
# the first defence against the failure case in the next section.
#
# *Discussion:* a discount supermarket and a premium one weigh the three traits differently.
# How? Which trait would you ask about in the members' satisfaction survey because the till data
# cannot answer it?

# %% [markdown] tags=["zh-CN"]
# 常来的会员，大部分购买都在同一家门店完成。这是*测量*便利性留下的痕迹的办法，却不是客户看重便利性的证据：模拟器给每位会员都设定了一家“常去门店”，85% 的购买在那里发生（见数据说明卡），测出来的只是把这个设定还原了出来。退款能透露一点品质方面的情况，但把商品有毛病和客户改了主意混在了一起（模拟器随机把 1.5% 的购买设为退款）。**多样性则完全看不出来**：记录里只有每个购物篮的总金额，没有篮子里装了什么。先弄清你的数据能回答哪个问题，是避免重蹈下一节失败案例覆辙的第一道防线。
#
# *讨论：* 折扣超市和高端超市对这三个特点的看重程度不一样。怎么不一样？收银数据回答不了的是哪一个特点？你会不会因此在会员满意度调查里专门问它？

# %% [markdown]
# ## The supermarket member programme: success and failure
# *(15 min)*
#
# **1 · Question.** A supermarket chain signed up 5,000 members in 2022. On 1 July 2023 it
# relaunched its programme with personalised coupons and 1.5 instead of 1 point per yuan. A
# year later the marketing team reports that far more purchases now use a coupon, and calls the
# relaunch a success. Is it? What would you want to see before you agree? *(Added for this
# course: this chain is invented, the story of the simulated `supermarket_members` data; the
# deck's own cases follow in step 3.)*
#
# **2 · Discussion.** What else changed between the year before and the year after? Which
# members are still buying at all? What would the year after have looked like *without* the
# relaunch?
#
# **3 · What the source says.** The CRM deck gives a **success**: a large supermarket built a
# complete member system, raised loyalty with points, coupons, member events (专享活动), and
# analysed its members' purchases to make personalised recommendations and offers (in short,
# data-driven personal offers), which raised repurchase and satisfaction. And a **failure**: a
# supermarket whose CRM went wrong, with one lesson named: it lacked effective data analysis
# (缺乏有效数据分析). *Added for this course:* in practice that looks like cards issued and data
# piling up while nobody analysed the data, so nothing changed for the customer.
#
# The deck names four key elements of supermarket CRM (商超客户关系管理的关键要素): collecting and
# analysing customer data, the quality of customer service, personalised marketing, and
# customer feedback that leads to improvement. It also lists what supermarket CRM covers:
# segmentation and positioning; loyalty programmes (points, coupons, member pricing), which
# must then be carried out so that members really receive the promised benefits (客户忠诚度实施);
# satisfaction surveys; customer care; crisis handling. It names the usual causes of losing retail customers (poor quality, unreasonable
# prices, weak customer service, the pull of competitors) and their counter-measures: better
# product and service quality, a reasonable pricing strategy, stronger customer service, and
# higher satisfaction and loyalty.
#
# **4 · Data.** `supermarket_members` (simulated) is that chain's member log. Worked example:
# by how many percentage points did the share of purchases made at the central store change
# after the relaunch? Refunds (negative amounts) are left out.

# %% [markdown] tags=["zh-CN"]
# ## 超市会员制度：成功与失败
# *（15 分钟）*
#
# **1 · 提问。** 一家连锁超市 2022 年发展了 5,000 名会员。2023 年 7 月 1 日，它给会员制度改了版：发放个性化优惠券，积分从每元 1 分提高到每元 1.5 分。一年后，市场部报告说，现在用券的交易多了很多，称改版大获成功。真是这样吗？你同意之前，想先看到什么？*（本课程补充：这家连锁超市是编的，是模拟数据 `supermarket_members` 背后的故事；幻灯片原有的案例在第 3 步。）*
#
# **2 · 讨论。** 改版前一年和改版后一年之间，还有什么变了？哪些会员还在买东西？如果*没有*改版，改版后那一年会是什么样子？
#
# **3 · 材料怎么说。** 幻灯片讲了一个**成功案例**：某大型超市建立了完善的会员制度，用积分、优惠券、会员专享活动等多种办法提升客户忠诚度；同时分析会员的消费行为，据此提供个性化的推荐和优惠（一句话：用数据驱动的个性化优惠），有效提高了客户的再购买率和满意度。还讲了一个**失败案例**：某超市的客户关系管理出了差错，幻灯片点出的教训只有一条：缺乏有效数据分析。*本课程补充：* 落到实际中，往往就是卡发出去了、数据越积越多，却没有人分析，客户那一头什么也没有改变。
#
# 幻灯片列出了商超客户关系管理的四个关键要素：客户数据收集与分析、客户服务质量、个性化营销、客户反馈与改进。它还列出了商超客户关系管理要做的事：客户细分与定位；客户忠诚度计划（积分、优惠券、会员价），而且计划定了就要切实执行，确保会员真正拿到承诺的好处和回报（客户忠诚度实施）；满意度调查；客户关怀；危机处理。它也列出了零售客户流失的常见原因（产品或服务质量不佳、价格不合理、缺乏有效的客户服务、竞争对手的吸引）以及对策：提高产品和服务质量、制定合理的价格策略、加强客户服务、提高客户满意度和忠诚度。
#
# **4 · 数据。** `supermarket_members`（模拟数据）就是这家连锁超市的会员消费记录。示例：改版后，在中心店完成的购买占比变化了多少个百分点？退款（负金额）不计在内。

# %%
members = cl.datasets.load("supermarket_members")
purchases = members[members["amount"] > 0]
central_share = purchases.assign(central=purchases["store"] == "central").groupby("programme", observed=True)["central"].mean()
100 * (central_share.loc["after"] - central_share.loc["before"])

# %% [markdown]
# **Exercise 07.coupon_uplift.** By how many percentage points did the share of purchases made
# with a coupon (column `coupon_used`) change after the relaunch? Copy the worked example.

# %% [markdown] tags=["zh-CN"]
# **练习 07.coupon_uplift。** 改版后，用了优惠券的购买（列 `coupon_used`）占比变化了多少个百分点？照着示例做：填好空格，再删掉下面两行开头的“# ”。

# %%
answer = None
# Fill in the blanks, then delete the "# " in front of the next two lines:
# coupon_share = purchases.groupby("programme", observed=True)[___].mean()
# answer = 100 * (coupon_share.loc[___] - coupon_share.loc[___])

# %% tags=["solution"]
coupon_share = purchases.groupby("programme", observed=True)["coupon_used"].mean()
answer = 100 * (coupon_share.loc["after"] - coupon_share.loc["before"])

# %%
cl.check("07.coupon_uplift", answer)

# %% [markdown]
# Coupon use tripled, but that measures activity, not effect. The data card states the truth
# the simulator was built with: after the relaunch, members still buying buy **15 % more often**
# and fill baskets **6 % larger**; coupons are used on 30 % instead of 10 % of purchases and
# do not change the amount. A naive before/after comparison of sales cannot find the 15 %: the
# members joined in 2022 and some stop buying over time, so "after" has fewer active members
# whatever the programme does. This is the failure case in miniature.

# %% [markdown] tags=["zh-CN"]
# 用券率翻了三倍，但它衡量的是活动量，不是效果。数据说明卡写明了模拟器设定的真相：改版后，仍在购买的会员购买频率提高 **15%**，每个购物篮的金额提高 **6%**；用券的购买从 10% 升到 30%，而用不用券并不改变消费金额。拿改版前后的销售额简单一比，是找不到这 15% 的：会员都是 2022 年入会的，随着时间推移总有人不再来买，所以不管会员制度做了什么，“改版后”的活跃会员都会少一些。这正是失败案例的缩影。

# %%
monthly = members.assign(month=members["date"].dt.to_period("M").astype(str)).groupby("month").agg(
    active_members=("member_id", "nunique"), sales=("amount", "sum")
)
monthly["sales per active member"] = monthly["sales"] / monthly["active_members"]
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
monthly["sales"].plot(ax=axes[0], title=cl.label("course.07.total_sales"))
monthly["sales per active member"].plot(ax=axes[1], title=cl.label("course.07.sales_per_active_member"))
for ax in axes:
    ax.axvline(list(monthly.index).index("2023-07"), color="grey", ls=":")
    ax.set_xlabel(cl.label("course.07.month"))
plt.show()

# %% [markdown]
# A fair comparison asks what the year after would have looked like without the relaunch. One
# way: fit the BG/NBD model of notebook 04 to the purchases *before* the relaunch, let it
# forecast each member's purchases in the year after, and compare with what members actually
# bought. The ratio should come out near the stated 1.15. Two honest caveats: here the forecast
# fits by construction, because the simulator draws purchases from this very model; and on real
# data a control group (stores that relaunch later, or members drawn at random to wait) is the
# stronger design.

# %% [markdown] tags=["zh-CN"]
# 公平的比较要问：假如没有改版，改版后那一年会是什么样子？一种做法是：用改版*之前*的购买记录拟合笔记本 04 讲过的 BG/NBD 模型，让它预测每位会员在改版后一年里会买多少次，再和会员实际的购买次数比较。两者之比应该在设定的 1.15 附近。有两点要老实说明：这里预测之所以吻合，是因为模拟器本来就是用这个模型生成购买记录的；而在真实数据上，设置对照组（晚一些改版的门店，或者随机抽出一批会员暂缓参加）是更有说服力的设计。

# %%
before = purchases[purchases["date"] < "2023-07-01"]
history = cl.churn.summary_from_transactions(
    before, customer="member_id", date="date", now="2023-06-30", period="W"
).table
bgnbd = cl.churn.fit_bgnbd(history["frequency"], history["recency"], history["T"])
weeks_after = (pd.Timestamp("2024-06-30") - pd.Timestamp("2023-06-30")).days / 7
forecast = bgnbd.expected_purchases(weeks_after, history["frequency"], history["recency"], history["T"]).sum()
actual = int((purchases["date"] >= "2023-07-01").sum())
pd.Series(
    {
        cl.label("course.07.forecast_without_relaunch"): cl.i18n.format_number(round(forecast), "count"),
        cl.label("course.07.actual_after"): cl.i18n.format_number(actual, "count"),
        cl.label("course.07.actual_over_forecast"): cl.i18n.format_number(actual / forecast, "ratio:3"),
    },
    dtype=object,
).to_frame(cl.label("course.07.value"))

# %% [markdown]
# ## The convenience store
# *(10 min)*
#
# **1 · Question.** A small convenience store cannot match the supermarket's range or prices.
# It has a member card that records every purchase. How could it keep its regulars coming back?
#
# **2 · Discussion.** What would you want to know about *whom* the store serves? What in the
# purchase records would tell you that a regular needs attention?
#
# **3 · What the source says.** The CRM deck's second success case, summed up as precise market
# positioning, considerate personalised service and efficient communication: the store offers
# goods and services that fit its target customers (**precise positioning**, 精准的市场定位);
# its member system keeps **member purchase records** of each customer's shopping habits and the
# store makes **proactive recommendations** of related goods (主动推荐); and it talks with its
# customers, collects their feedback promptly and improves the service. *Added for this course
# (the deck gives no examples):* a proactive recommendation could be suggesting a new yoghurt
# to the member who buys yoghurt most mornings; proactive contact could be calling the regular
# who has not been in for a month, the win-back of notebook 04.
#
# **4 · Data.** Proactive contact pays most for *lapsing regulars*: members who used to buy
# often but have not been seen lately. The supermarket log shows how to find them. Worked
# example: members with at least 10 purchases whose last purchase was more than 180 days
# before 1 July 2024.

# %% [markdown] tags=["zh-CN"]
# ## 便利店
# *（10 分钟）*
#
# **1 · 提问。** 一家小便利店，商品品种和价格都比不过超市。它有一张会员卡，每一笔购买都有记录。它怎样才能让常客一直回来？
#
# **2 · 讨论。** 关于这家店服务的是*哪些人*，你想知道什么？购买记录里的什么迹象会提醒你：某位常客需要关注了？
#
# **3 · 材料怎么说。** 这是幻灯片里的第二个成功案例，总结成三句话：精准的市场定位、贴心的个性化服务、高效的客户沟通。这家便利店针对自己的目标客户群体，提供符合他们需求的商品和服务（**精准的市场定位**）；通过会员系统记下每位客户的购物习惯（**会员购买记录**），**主动推荐**相关商品；它还注重和客户互动沟通，及时收集反馈，不断改进服务体验。*本课程补充（幻灯片没有举例）：* 主动推荐，可以是向几乎每天早上都来买酸奶的会员推荐一款新上的酸奶；主动联系，可以是给一个月没来的常客打个电话，也就是笔记本 04 讲的流失客户的挽回。
#
# **4 · 数据。** 主动联系最值得花在*渐渐不来的常客*身上：以前常来买、最近却不见人影的会员。超市的消费记录可以演示怎样把他们找出来。示例：购买至少 10 次、而且最后一次购买距 2024 年 7 月 1 日已超过 180 天的会员。

# %%
per_member = purchases.groupby("member_id").agg(purchases=("date", "size"), last_purchase=("date", "max"))
days_away = (pd.Timestamp("2024-07-01") - per_member["last_purchase"]).dt.days
int(((per_member["purchases"] >= 10) & (days_away > 180)).sum())

# %% [markdown]
# **Exercise 07.lapsing_regulars.** Count the members who made at least 20 purchases (positive
# amounts) and whose last purchase was more than 90 days before 1 July 2024.

# %% [markdown] tags=["zh-CN"]
# **练习 07.lapsing_regulars。** 数一数：购买（正金额）至少 20 次、而且最后一次购买距 2024 年 7 月 1 日已超过 90 天的会员有多少位？填好空格，再删掉下面那行开头的“# ”。

# %%
answer = None
# Fill in the blanks, then delete the "# " in front of the next line:
# answer = int(((per_member["purchases"] >= ___) & (days_away > ___)).sum())

# %% tags=["solution"]
answer = int(((per_member["purchases"] >= 20) & (days_away > 90)).sum())

# %%
cl.check("07.lapsing_regulars", answer)

# %% [markdown]
# RFM (notebook 05) finds the same group systematically: a high frequency score with a low
# recency score.
#
# **Exercise 07.proactive_contact.** A convenience store's records show a member who bought
# milk and bread on most weekday mornings for a year. She has not been in for five weeks. Which
# action follows the convenience-store case best? (a) add her to this month's text message
# offering every member 10 % off; (b) wait: after a year of mornings she will come back by
# herself; (c) have a staff member who knows her get in touch personally, ask whether something
# put her off, and mention her usual breakfast items; (d) credit her card with double points
# automatically, without contacting her.

# %% [markdown] tags=["zh-CN"]
# 笔记本 05 的 RFM 模型能系统地找出同一群人：购买频率得分高、最近一次购买得分低。
#
# **练习 07.proactive_contact。** 一家便利店的记录显示，有位会员一年来工作日的早上大多会来买牛奶和面包。她已经五个星期没来了。哪种做法最符合便利店案例的思路？(a) 把她加进本月发给全体会员的九折短信名单；(b) 等着：一年的早餐习惯，她自己会回来的；(c) 请一位认识她的店员亲自联系她，问问是不是有什么让她不满意，顺便提一下她常买的早餐；(d) 不联系她，自动给她的会员卡加双倍积分。

# %%
answer = None  # a letter between quotes

# %% tags=["solution"]
answer = "c"

# %%
cl.check("07.proactive_contact", answer)

# %% [markdown] tags=["solution"]
# **Trainer note, 07.proactive_contact.** (c) uses what the records say about *her* (her
# breakfast habit), contacts her proactively and asks for the reason first: the first win-back
# step of notebook 04 is to find out why (调查原因,缓解不满). (a) and (d) treat her like any
# member and learn nothing; (b) gives up on a customer of proven value. Ask the class what the
# store should do if she answers that the milk was often sold out by 8 o'clock (a process fix,
# not a discount).

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师提示：07.proactive_contact。** (c) 用上了记录里关于*她本人*的信息（早餐习惯），是主动联系，而且先问原因：笔记本 04 讲的流失客户的挽回，第一步就是“调查原因，缓解不满”。(a) 和 (d) 把她当成随便哪一位会员，什么也没了解到；(b) 放弃了一位已经证明有价值的客户。可以接着问全班：如果她回答说牛奶常常不到 8 点就卖完了，店里该怎么办？（这要改流程，而不是打折。）

# %% [markdown]
# ## The dealer survey report
# *(20 min)*
#
# **1 · Question.** A car dealer surveyed 2,000 customers after a sales visit or a service
# visit. Last year's report said that one stage of the customer's journey was clearly the
# weakest. Before you copy that sentence into this year's report, or write a new "weakest
# stage" in its place, what would you need to see? *(Added for this course: the dealer, its
# survey and last year's report are invented; the survey's items come from the handouts'
# expectation lists for a car dealer, and the report template below is the handouts' own.)*
#
# **2 · Discussion.** Which customers answered about which stage: the same people or different
# ones? How many? How large must a difference between two stages be before it is more than the
# luck of who happened to answer?
#
# **3 · What the source says.** The handouts include a company's **survey summary report**
# (客户满意度调查与分析工作总结), written as a template with blanks. Its stated purposes
# (调查背景与目的): the overall level of satisfaction, the problems and dissatisfaction customers
# meet when buying and using, their opinions and suggestions, and an evaluation of how well the
# firm manages customer relationships. Its method and scope: online questionnaires plus phone
# and face-to-face interviews (访谈) with some key and typical customers, covering consumers,
# business customers and partners. Its blanks: the number of valid questionnaires, the number of customers
# interviewed, overall satisfaction %, and satisfaction with product quality and with service
# quality % (product versus service). Its findings are split by pre-sale, in-sale and
# after-sale service, and they are *already written* before any blank is filled: overall
# satisfaction is "above average, with room to improve"; customers praised the products'
# performance and functions but wanted better design and packaging and faster model updates;
# pre-sale consultation and after-sale service were rated fairly high, and in-sale service was
# the weakest: slow order handling, late delivery (物流配送不及时) and staff whose expertise
# needs improving.
#
# **4 · Data.** `auto_dealer` (simulated) is the dealer's survey. First the template's blanks.
# Worked example: the CSAT (share answering 4 or 5 on overall satisfaction, in %) of the
# customers surveyed after a *service* visit.

# %% [markdown] tags=["zh-CN"]
# ## 汽车经销商的满意度调查报告
# *（20 分钟）*
#
# **1 · 提问。** 一家汽车经销商在客户购车或者来店维修保养之后，调查了 2,000 位客户。去年的报告说，客户经历的各个环节中有一个明显最弱。在你把这句话抄进今年的报告，或者换上一个新的“最弱环节”之前，你需要看到什么？*（本课程补充：这家经销商、它的调查和去年的报告都是编的；调查题目取自培训材料中汽车经销商的“客户的期望”清单，下面的报告模板则是材料原有的。）*
#
# **2 · 讨论。** 哪些客户回答了哪个环节：是同一批人，还是不同的人？各有多少人？两个环节之间的差别要有多大，才不只是“碰巧是谁来答了题”的运气？
#
# **3 · 材料怎么说。** 培训材料里收了一家公司的**满意度调查总结报告**（《客户满意度调查与分析工作总结》），写成了一份留着空格待填的模板：
#
# - **调查背景与目的**：了解客户对产品和服务的整体满意度水平；找出客户在购买和使用过程中遇到的问题和不满；收集客户的意见和建议，为企业改进和创新指明方向；评估企业在客户关系管理方面做得怎么样，发现可以改进的地方。
# - **调查方法与范围**：线上问卷（通过企业官网、社交媒体平台和电子邮件发放），再对部分重要客户和有代表性的客户做电话访谈和面对面访谈；调查对象涵盖个人消费者、企业客户和合作伙伴。
# - **待填的空格**：共收集有效问卷＿＿＿份；共访谈客户＿＿＿位；整体满意度＿＿＿%，其中产品质量满意度＿＿＿%、服务质量满意度＿＿＿%（产品和服务分开算）。
# - **调查结果**：按产品以及售前、售中、售后服务分开写，而且在任何一个空格填上之前就*已经写好了*：整体满意度“处于中等偏上，但仍有提升空间”；客户对产品的性能和功能评价较高，但对外观设计和包装提了改进意见，也有客户反映产品更新换代太慢，跟不上市场的需求；售前咨询和售后服务的满意度相对较高，售中服务的满意度较低，是最弱的一环，问题集中在订单处理慢、物流配送不及时、服务人员的专业素养有待提高。
#
# **4 · 数据。** `auto_dealer`（模拟数据）就是这家经销商的调查。先填模板里的空格。示例：来店*维修保养*之后接受调查的客户中，满意度（CSAT，即总体满意度打 4 分或 5 分的客户所占的比例，%）是多少。

# %%
dealer = cl.datasets.load("auto_dealer")
100 * cl.metrics.csat(dealer.loc[dealer["visit"] == "service", "overall_satisfaction"]).estimate

# %% [markdown]
# **Exercise 07.dealer_sales_csat.** Fill in the next blank of the template: what percentage of
# the customers surveyed after a *sales* visit gave an overall satisfaction of 4 or 5?

# %% [markdown] tags=["zh-CN"]
# **练习 07.dealer_sales_csat。** 填模板的下一个空格：*购车*之后接受调查的客户中，总体满意度打 4 分或 5 分的占百分之几？填好空格，再删掉下面那行开头的“# ”。

# %%
answer = None
# Fill in the blank, then delete the "# " in front of the next line:
# answer = 100 * cl.metrics.csat(dealer.loc[dealer["visit"] == ___, "overall_satisfaction"]).estimate

# %% tags=["solution"]
answer = 100 * cl.metrics.csat(dealer.loc[dealer["visit"] == "sales", "overall_satisfaction"]).estimate

# %%
cl.check("07.dealer_sales_csat", answer)

# %% [markdown]
# The template filled from the dealer's data. Two blanks stay empty, and the report should say
# so rather than fill them from habit: the dealer asked no product-quality question, and held
# no interviews.

# %% [markdown] tags=["zh-CN"]
# 下面是用经销商的数据填好的模板。有两个空格仍然空着，报告应当照实说明，而不是凭习惯填上：这家经销商没有问产品质量方面的问题，也没有做访谈。
#
# *本课程补充：* 国内的报告里写“满意度＿＿＿%”时，常常给的是满意率，把“基本满意”（3 分）也算作满意；本课程的满意度只算 4 分和 5 分。同一批答卷，两种算法可能相差几十个百分点，所以填模板时要写明用的是哪一种（满意率可以用 `cl.metrics.satisfaction_rate` 计算）。

# %%
def csat_shown(satisfaction):
    """CSAT (the share answering 4 or 5) as the report shows it, e.g. "51.2%"."""
    return cl.i18n.format_number(cl.metrics.csat(satisfaction).estimate, "share")


pd.Series(
    {
        cl.label("course.07.valid_questionnaires"): cl.i18n.format_number(len(dealer), "count"),
        cl.label("course.07.customers_interviewed"): cl.label("course.07.no_interviews"),
        cl.label("course.07.overall_satisfaction_all"): csat_shown(dealer["overall_satisfaction"]),
        cl.label("course.07.service_satisfaction_sales"): csat_shown(
            dealer.loc[dealer["visit"] == "sales", "overall_satisfaction"]),
        cl.label("course.07.service_satisfaction_service"): csat_shown(
            dealer.loc[dealer["visit"] == "service", "overall_satisfaction"]),
        cl.label("course.07.product_quality_satisfaction"): cl.label("course.07.not_asked"),
    },
    dtype=object,
).to_frame(cl.label("course.07.entry"))

# %% [markdown]
# **Findings by stage.** The dealer's twelve expectation items map onto the stages. Respect,
# expertise and time to think happen **before the sale**; follow-up when hesitant, the price
# talk and the call after delivery **during the sale** (the source report, too, counts delivery
# among the in-sale problems); the six repair and maintenance items are **after-sale** service.
# Note who answered: pre-sale and in-sale were rated by the same 848 buyers, after-sale by the
# 1,152 *other* customers who came for a service visit.
#
# For each stage, each customer's gap is the mean of their item gaps (performance minus
# expectation, on the 1–7 scale). `cl.survey.gap_scores` gives the stage's mean gap with a
# 95 % confidence interval (a paired t interval over the customers who answered).

# %% [markdown] tags=["zh-CN"]
# **按环节看调查结果。** 经销商的十二项期望分别对应到各个环节。受到尊重、销售人员专业、有足够的时间考虑，发生在**售前**；犹豫时主动拜访解疑、商定价格、交车后回访电话，发生在**售中**（原报告同样把配送算作售中的问题）；六项维修保养方面的期望属于**售后**服务。注意是谁回答的：售前和售中由同样的 848 位购车客户评价，售后则由另外 1,152 位来店维修保养的客户评价。
#
# 对每个环节，每位客户的差距是他在这个环节各项上差距的平均值（实际表现减去期望，1–7 分量表）。`cl.survey.gap_scores` 给出每个环节的平均差距和 95% 置信区间（在回答了这些题目的客户中计算的配对 t 区间）。

# %%
stages = {
    "pre-sale": ["sales_respect", "sales_expertise", "sales_time_to_think"],
    "in-sale": ["sales_follow_up", "sales_price_talk", "sales_delivery_call"],
    "after-sale": ["repair_convenience", "repair_promises", "repair_explanation",
                   "repair_on_time", "repair_follow_up_call", "repair_advice"],
}
asked_after = {"pre-sale": "sales", "in-sale": "sales", "after-sale": "service"}
stage_name = {stage: cl.label(f"course.07.{stage}") for stage in stages}  # how each stage is shown


def stage_answers(stage, data=dealer):
    """Expectations and performance ratings on one stage's items, from the customers asked about it."""
    items = stages[stage]
    answered = data[data["visit"] == asked_after[stage]]
    expected = answered[[f"exp_{i}" for i in items]].set_axis(items, axis=1)
    performed = answered[[f"perf_{i}" for i in items]].set_axis(items, axis=1)
    return expected, performed


rows = []
for stage in stages:
    result = cl.survey.gap_scores(*stage_answers(stage), scale="agree7")
    answered_by = cl.label(f"course.07.{asked_after[stage]}_customers")
    rows.append({"stage": stage_name[stage], "answered_by": answered_by, "n": result.n, "mean_gap": result.gap,
                 "ci_low": result.ci[0], "ci_high": result.ci[1]})
stage_table = pd.DataFrame(rows).set_index("stage")
labelled(stage_table, {"n": "count", "mean_gap": "coef", "ci_low": "coef", "ci_high": "coef"})

# %% [markdown]
# Every stage falls short of expectations: all three intervals lie well below 0. The ranking of
# the point estimates (after-sale lowest, in-sale highest) is another matter. To compare two
# stages we need an interval for their **difference**. After-sale was rated by different
# customers from the other two stages, so the difference is one between **independent groups**:
# Welch's interval (Welch, 1947), which does not assume the two groups vary equally:
# `difference ± t × √(s_a²/n_a + s_b²/n_b)`, with `s` each group's standard deviation, `n` its
# number of customers, and the t quantile at the Welch–Satterthwaite degrees of freedom.
#
# Pre-sale and in-sale were rated by the *same* buyers, so their difference is a **paired** one:
# each buyer's in-sale gap minus their pre-sale gap, and a t interval of those differences.
# `cl.metrics.compare_means` does both: give it two lists of numbers (each customer's mean gap),
# with `paired=True` when the same customers are in both.

# %% [markdown] tags=["zh-CN"]
# 每个环节都没有达到客户的期望：三个区间都明显在 0 以下。至于点估计的排名（售后最低、售中最高），那是另一回事。要比较两个环节，需要的是它们**差值**的区间。售后和另外两个环节由不同的客户评价，所以差值是**两组独立样本**之间的差，用 Welch 区间（Welch，1947），它不假定两组的离散程度一样：`difference ± t × √(s_a²/n_a + s_b²/n_b)`，其中 `s` 是各组的标准差，`n` 是各组的客户数，t 分位数按 Welch–Satterthwaite 自由度取。
#
# 售前和售中是由*同一批*购车客户评价的，所以两者的差值是**配对**的：取每位购车客户的售中差距减去他的售前差距，再对这些差值求 t 区间。`cl.metrics.compare_means` 两种情况都能算：给它两列数字（每位客户的平均差距），两边是同一批客户时加上 `paired=True`。

# %%
def customer_gaps(stage, data=dealer):
    """Each customer's mean gap (performance - expectation) over the stage's items."""
    expected, performed = stage_answers(stage, data)
    return (performed.astype(float) - expected.astype(float)).mean(axis=1)


gaps_by_stage = {stage: customer_gaps(stage) for stage in stages}
after_vs_in = cl.metrics.compare_means(gaps_by_stage["after-sale"], gaps_by_stage["in-sale"])
after_vs_in.difference, after_vs_in.ci

# %% [markdown]
# That is the worked example: after-sale minus in-sale, two independent groups.
#
# **Exercise 07.dealer_stage_ci.** Now compare after-sale with **pre-sale**. What is the
# *upper* end of the 95 % interval of after-sale minus pre-sale (in points of the 1–7 scale)?
# Copy the worked example.

# %% [markdown] tags=["zh-CN"]
# 这就是示例：售后减售中，两组独立样本。
#
# **练习 07.dealer_stage_ci。** 现在拿售后和**售前**比较。售后减售前的 95% 区间，*上限*是多少（单位是 1–7 分量表上的分值）？照着示例做：填好空格，再删掉下面那行开头的“# ”（`ci[1]` 就是上限）。

# %%
answer = None
# Fill in the blank, then delete the "# " in front of the next line (ci[1] is the upper end):
# answer = cl.metrics.compare_means(gaps_by_stage["after-sale"], gaps_by_stage[___]).ci[1]

# %% tags=["solution"]
answer = cl.metrics.compare_means(gaps_by_stage["after-sale"], gaps_by_stage["pre-sale"]).ci[1]

# %%
cl.check("07.dealer_stage_ci", answer)

# %% [markdown]
# All three comparisons together, at 95 % and at the stricter level 1 − 0.05/3 ≈ 98.3 % that
# keeps the chance of *any* false alarm among three comparisons at 5 % (Bonferroni).

# %% [markdown] tags=["zh-CN"]
# 把三组比较放在一起，既给出 95% 的区间，也给出更严格的 1 − 0.05/3 ≈ 98.3% 的区间：后者让三次比较中*任何一次*误报的概率都不超过 5%（邦费罗尼校正）。

# %%
strict = 1 - 0.05 / 3
pairs = {
    cl.label("course.07.after_minus_in"): ("after-sale", "in-sale", False),
    cl.label("course.07.after_minus_pre"): ("after-sale", "pre-sale", False),
    cl.label("course.07.pre_minus_in"): ("pre-sale", "in-sale", True),
}
rows = {}
for name, (a, b, same) in pairs.items():
    at_95 = cl.metrics.compare_means(gaps_by_stage[a], gaps_by_stage[b], paired=same)
    at_strict = cl.metrics.compare_means(gaps_by_stage[a], gaps_by_stage[b], paired=same, ci=strict)
    rows[name] = {"difference": at_95.difference, "ci_low": at_95.ci[0], "ci_high": at_95.ci[1], "n_a": at_95.n_a,
                  "n_b": at_95.n_b, "ci_low_strict": at_strict.ci[0], "ci_high_strict": at_strict.ci[1]}
comparisons = pd.DataFrame(rows).T
labelled(comparisons, {"n_a": "count", "n_b": "count"} | dict.fromkeys(
    ["difference", "ci_low", "ci_high", "ci_low_strict", "ci_high_strict"], "coef"))

# %% [markdown]
# **What the report can say.** Every stage falls short of what customers expected, by about a
# fifth to a third of a point on the 1–7 scale. **What it cannot say** is which stage falls
# furthest short. After-sale versus pre-sale and pre-sale versus in-sale: the intervals include
# 0. After-sale versus in-sale: the 95 % interval only just excludes 0, and at the level that
# allows for three comparisons it includes 0. A difference of a tenth of a point might be real
# or might be the luck of who answered, and the stages were rated by different customers with
# different expectations. An honest sentence: "All three stages fall short of expectations;
# this survey cannot tell which falls furthest short." A second wave, or a larger sample, would
# settle it. Last year's "in-sale was the weakest" should not be copied either: it is a
# conclusion to re-test, not a fact.
#
# **The stated truth.** This dataset is simulated, and its simulator draws every item's
# performance 0.3 points below the expectation on its hidden scale, the same for every stage
# (`cl.datasets.describe("auto_dealer")`; the source is `csat_lab/simulate/auto.py`). So there
# *is* no weakest stage here, and the ranking above is chance. The truth can be measured: simulate
# the same survey with 200,000 customers, where chance has almost no room, and the three stage
# gaps come out within a few hundredths of each other.

# %% [markdown] tags=["zh-CN"]
# **报告能说什么。** 每个环节都没有达到客户的期望，差距大约是 1–7 分量表上的五分之一到三分之一分。**报告不能说的**，是哪个环节差得最多。售后对售前、售前对售中：区间都包含 0。售后对售中：95% 的区间刚好不包含 0，但按考虑了三次比较的水平，区间就包含 0 了。差零点一分，可能是真的，也可能只是碰巧谁来答题的运气；何况各环节是由期望各不相同的不同客户评价的。诚实的写法是：“三个环节都没有达到客户的期望；这次调查分不出哪个环节差得最多。”再做一轮调查或者扩大样本，才能弄清楚。去年那句“售中最弱”也不该照抄：它是一个有待重新检验的结论，不是事实。
#
# **既定的真相。** 这个数据集是模拟的：模拟器让每一项的表现在隐含的量表上都比期望低 0.3 分，所有环节都一样（见 `cl.datasets.describe("auto_dealer")`；源代码在 `csat_lab/simulate/auto.py`）。所以这里*根本没有*最弱的环节，上面的排名纯属偶然。这个真相是测得出来的：用 200,000 位客户模拟同样的调查，偶然几乎没有发挥的余地，三个环节的差距彼此只差零点零几分。

# %%
large, _ = cl.simulate.auto_dealer(seed=1, n=200_000)
large_gaps = pd.Series({stage_name[stage]: customer_gaps(stage, large).mean() for stage in stages},
                       name=cl.label("course.07.mean_gap_large"))
cl.i18n.format_table(large_gaps.to_frame(), {large_gaps.name: "coef"})

# %% [markdown]
# **Exercise 07.report_claim.** A hotel group's guest survey asked about three departments;
# each department was rated by *different* guests. Mean gaps (perception − expectation, 1–7
# scale) with 95 % intervals: front desk −0.62 (−0.78 to −0.46; 150 guests), restaurant −0.30
# (−0.47 to −0.13; 140 guests), housekeeping −0.28 (−0.43 to −0.13; 160 guests). Differences with
# Welch 95 % intervals: front desk − restaurant −0.32 (−0.55 to −0.09); front desk −
# housekeeping −0.34 (−0.56 to −0.12); restaurant − housekeeping −0.02 (−0.25 to +0.21). Which
# sentence may the report print? (a) "All three departments fall short, and no department can be
# said to fall shorter than another."; (b) "The front desk falls shortest, then the restaurant,
# then housekeeping."; (c) "Housekeeping meets guests' expectations."; (d) "The front desk falls
# furthest short; the restaurant and housekeeping cannot be told apart."

# %% [markdown] tags=["zh-CN"]
# **练习 07.report_claim。** 一家酒店集团的客人调查问到三个部门，每个部门由*不同的*客人评价。平均差距（实际感受 − 期望，1–7 分量表）及 95% 区间：前台 −0.62（−0.78 至 −0.46；150 位客人），餐厅 −0.30（−0.47 至 −0.13；140 位客人），客房 −0.28（−0.43 至 −0.13；160 位客人）。差值及 Welch 95% 区间：前台 − 餐厅 −0.32（−0.55 至 −0.09）；前台 − 客房 −0.34（−0.56 至 −0.12）；餐厅 − 客房 −0.02（−0.25 至 +0.21）。报告可以印上哪一句？(a)“三个部门都没有达到期望，不能说哪个部门比另一个差得更多。”(b)“前台差得最多，其次是餐厅，再次是客房。”(c)“客房达到了客人的期望。”(d)“前台差得最多；餐厅和客房分不出高下。”

# %%
answer = None  # a letter between quotes

# %% tags=["solution"]
answer = "d"

# %%
cl.check("07.report_claim", answer)

# %% [markdown] tags=["solution"]
# **Trainer note, 07.report_claim.** (d) is right. Both front-desk differences lie wholly below
# 0; with three comparisons, the stricter 98.3 % intervals (half-widths about 0.29 and 0.27)
# still exclude 0. The restaurant–housekeeping interval is centred near 0 and includes it.
# (a) ignores the two clear differences; (b) ranks two departments that cannot be told apart;
# (c) confuses "the smallest gap" with "no gap" (its own interval lies below 0). Ask the class
# what they would check next at the front desk, and remind them that a gap compares each
# group with its *own* expectations.

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师提示：07.report_claim。** (d) 是对的。和前台有关的两个差值区间都完全在 0 以下；考虑到做了三次比较，用更严格的 98.3% 区间（半宽约 0.29 和 0.27），也仍然不包含 0。餐厅和客房的区间以接近 0 的地方为中心，包含 0。(a) 忽略了两个明确的差别；(b) 给两个分不出高下的部门排了名次；(c) 把“差距最小”当成了“没有差距”（客房自己的区间就在 0 以下）。可以问全班：接下来要到前台去核查什么？并提醒大家：差距是拿每一组客人和他们*自己*的期望相比。

# %% [markdown]
# ## New cases: which lesson applies?
# *(10 min)*
#
# The cases are stories about particular firms. Their lessons travel; here are two situations
# that are not in the training materials.
#
# **Exercise 07.new_case.** A dental clinic's receptionist notices that parents who bring small
# children struggle to fill in the forms while holding them. She puts a low table with crayons in
# a corner of the waiting room and starts sending the forms by phone the day before. Within
# months, parents book the whole family there and recommend the clinic to friends. Which case's
# lesson does this follow most closely? (a) the carrot juice: one remark, recorded and honoured
# unasked at every visit; (b) the supermarket failure: data collected but never analysed;
# (c) Pearl's phone booth: watching what customers lack while they wait, and supplying it;
# (d) the dealer report: conclusions from this year's data, not from last year's report.

# %% [markdown] tags=["zh-CN"]
# ## 新案例：用得上哪条启示？
# *（10 分钟）*
#
# 案例讲的都是某一家企业的故事，启示却可以搬到别处。下面两个情境不在培训材料里。
#
# **练习 07.new_case。** 一家牙科诊所的前台发现，带着小孩来的家长一边抱孩子一边填表，非常吃力。她在候诊室的一角放了一张矮桌和一些蜡笔，又开始在就诊前一天把表格发到家长手机上。几个月后，家长们全家都在这里预约，还把诊所推荐给朋友。这件事最接近哪个案例的启示？(a) 胡萝卜汁：客户说过一次的话记下来，以后每次来都不等开口就照办；(b) 超市的失败案例：收集了数据却从不分析；(c) 珍珠的电话亭：留意客户等候时缺什么，然后补上；(d) 经销商的报告：结论要来自今年的数据，而不是去年的报告。

# %%
answer = None  # a letter between quotes

# %% tags=["solution"]
answer = "c"

# %%
cl.check("07.new_case", answer)

# %% [markdown]
# **Exercise 07.fair_comparison.** A bakery chain with six shops starts a stamp card (buy nine
# coffees, get the tenth free) in its three city-centre shops on 1 March. In June the manager
# reports: "Coffee sales in the three shops were 12 % higher in March–May than in
# December–February, so the card works." In two or three sentences, in English or Chinese:
# why does this comparison not show that the card works, and what comparison would?

# %% [markdown] tags=["zh-CN"]
# **练习 07.fair_comparison。** 一家有六家门店的面包连锁店，3 月 1 日起在市中心的三家店推出集章卡（买九杯咖啡，第十杯免费）。6 月，店长报告说：“这三家店 3–5 月的咖啡销量比 12–2 月高了 12%，说明集章卡有效。”请用两三句话（中文或英文都可以）回答：为什么这样比较说明不了集章卡有效？什么样的比较才能说明？（把你的句子写在引号中：`answer = "……"`。）

# %%
answer = None  # your sentences between quotes: answer = "..."

# %% tags=["solution"]
answer = (
    "Spring is not winter: the weather, the holidays and the trend of the business change coffee "
    "sales whether or not there is a card. Compare the change in the three card shops with the change "
    "in the three shops without the card over the same months, or with the same months last year."
)

# %%
cl.check("07.fair_comparison", answer)

# %% [markdown] tags=["solution"]
# **Trainer note, 07.fair_comparison.** Model answer (English): *"March–May differs from
# December–February for many reasons besides the card: the season and weather, holidays such as
# the Spring Festival, a general trend in sales. So a rise after the start proves nothing on its
# own. Compare the change in the three card shops with the change over the same months in the
# three shops that did not get the card (or with the same months last year); better still, start
# the card in shops chosen at random."* Model answer (中文): *"三到五月和十二到二月季节不同，
# 天气、春节等节假日和整体趋势都会影响咖啡销量，所以仅凭推出后销量上升说明不了集章卡有效。
# 应该在同一时期，把推出集章卡的三家店的变化和另外三家没有推出的店的变化作比较，或者和去年同期比较；
# 最好随机选择推出的门店。"*
#
# Rubric (the check tests the first two points by key words; read the answers for the rest):
# 1. names something else that changed between the periods (season, weather, holidays, trend);
# 2. proposes a comparison group or period that differs only by the card (the shops without it,
#    over the same months; or the same months last year);
# 3. for full marks: notes that city-centre shops may differ from the others anyway, so compare
#    *changes*, not levels, or choose the card shops at random.
# The manager's own sentence fails point 1. An answer that only says "need more data" fails
# point 1 too: ask *which* data.

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师提示：07.fair_comparison。** 参考答案（中文）：*“三到五月和十二到二月季节不同，天气、春节等节假日和生意的整体趋势都会影响咖啡销量，所以仅凭推出后销量上升，说明不了集章卡有效。应该拿推出集章卡的三家店的变化，和同一时期另外三家没有推出集章卡的店的变化比较，或者和去年同期比较；最好是随机选出推出集章卡的门店。”* 英文参考答案见英文版；学员用哪种语言作答，检查程序都认。
#
# 评分要点（检查程序按关键词检验前两点，其余要点请阅读答案判断）：
# 1. 指出两个时期之间除了集章卡还有别的变化（季节、天气、节假日、整体趋势）；
# 2. 提出一个只在有没有集章卡上不同的比较对象或时期（同一时期没有集章卡的门店；或者去年同期）；
# 3. 满分答案还要指出：市中心的店本来就可能和其他店不一样，所以要比较*变化*而不是比较水平，或者随机选出推出集章卡的门店。
#
# 店长自己那句话不满足第 1 点。只说“需要更多数据”的答案也不满足第 1 点：要追问是*哪些*数据。

# %% [markdown]
# ## Summary
# *(0 min)*
#
# - Every case runs question → discussion → reveal → data; what the course adds to a story is
#   marked as added.
# - Carrot juice: a remark made once and honoured unasked for ten years made the guest "unable
#   to leave"; the paper's first stage of customer management is the customer database, and our
#   reading is that recorded preferences make such service possible. The hotel data show how to
#   measure such an effect; they were built with it.
# - Pearl's phone booth: observe what customers lack while they wait, answer it with small
#   attentions; repeat customers follow. Counting what you observe turns it into data.
# - Supermarket customers look for convenience, variety and quality assurance; a member log
#   shows some of it (store loyalty, refunds) and misses the rest (what is in the basket).
# - Supermarket programmes succeed when the data are analysed and used; coupon use measures
#   activity, a naive before/after comparison misleads, and a fair comparison asks what would
#   have happened without the programme.
# - Convenience store: precise positioning, purchase records, proactive recommendations and
#   contact; find the lapsing regulars and ask them why.
# - A survey report fills a template with the valid *n* and headline scores; its findings by
#   stage need intervals for the *differences*, and "which stage is worst" may be a question
#   the survey cannot answer.
#
# This notebook's exercises by task and answer kind:

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（0 分钟）*
#
# - 每个案例都按“提问 → 讨论 → 揭晓 → 数据”的顺序进行；本课程在故事之外添加的内容，都注明了“本课程补充”。
# - 胡萝卜汁：客人说过一次的话，十年来不等开口就照办，让他“离不开”这家饭店；论文把建立客户资料库作为客户管理的第一阶段，我们的解读是：记录下来的偏好让这样的服务成为可能。酒店数据演示了怎样测量这种效应，而这个效应是生成数据时放进去的。
# - 珍珠的电话亭：观察客户在等待时缺什么，用一个个小小的贴心服务去回应，回头客自然会来。把观察到的事情计下数，就变成了数据。
# - 商超客户看重便利性、多样性和品质保证；会员消费记录能反映其中一部分（常去哪家门店、退款），反映不了另一部分（购物篮里装了什么）。
# - 超市会员制度的成败，在于数据有没有被分析、被用起来；用券率衡量的是活动量，简单比较改版前后会误导人，公平的比较要问“假如没有这个计划会怎样”。
# - 便利店：精准的市场定位、会员购买记录、主动推荐和主动联系；找出渐渐不来的常客，问问他们为什么。
# - 一份调查报告要在模板里填上有效样本量和主要分数；按环节比较时需要的是*差值*的区间，“哪个环节最差”也许是这次调查回答不了的问题。
#
# 本笔记本的练习，按任务类型和作答方式列出如下：

# %%
cl.exercises.list_exercises("07")

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("07")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("07")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("07")

# %% [markdown]
# ## Glossary (术语表)
# *(0 min)*

# %% [markdown] tags=["zh-CN"]
# ## 术语表
# *（0 分钟）*

# %%
cl.exercises.glossary("07", keys=False)
