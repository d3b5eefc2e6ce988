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
# **Time:** about 130 minutes.
#
# **After this notebook you will be able to**
# 1. walk through the twelve steps of a satisfaction measurement cycle, choose indicators, and
#    choose survey methods by cost, speed, depth, response and the customer's convenience;
# 2. tell a good survey question from a bad one, and pick a scale;
# 3. compute CSAT, top-box, NPS and CES with confidence intervals;
# 4. decide how many responses a survey needs, and how precise a given sample is;
# 5. read real exports (Qualtrics, SPSS, a Chinese GBK CSV), clean them with a report of every
#    change, and check a scale's reliability;
# 6. code open comments by hand with a codebook, then read them with `cl.text` (sentiment,
#    themes, drivers, keywords) and say where the machine goes wrong;
# 7. fill in a survey summary report, and place it in the outline of ISO 10004;
# 8. say why a bonus tied to a complaint rate or a survey score invites gaming, and what to
#    reward instead.

# %% [markdown] tags=["zh-CN"]
# # 02 · 客户满意度测评：满意度调查循环
#
# **时长：** 约 130 分钟。
#
# **学完本节，你将能够**
# 1. 走一遍客户满意度测评的十二个步骤，定好满意度指标，并按成本、速度、深度、回应情况和客户的便利程度选择调查方法；
# 2. 分辨好题和坏题，选定答案量表；
# 3. 计算客户满意度得分（CSAT）、高分框占比、净推荐值（NPS）和客户费力度（CES），并给出置信区间，分清满意度得分和国内报告常用的满意率；
# 4. 判断一次调查需要多少份答卷，以及一定数量的样本能精确到什么程度；
# 5. 读入真实的导出文件（Qualtrics、SPSS、中文版 Excel 存的 GBK 编码 CSV 文件），清洗数据并记录每一处改动，检验量表的信度；
# 6. 先用编码表人工给开放式意见编码，再用 `cl.text` 读意见（情感、主题、驱动因素、关键词），并说出机器会在哪里出错；
# 7. 填写满意度调查总结报告，并把它放到 ISO 10004 的框架里看；
# 8. 说明为什么把奖金和投诉率或调查得分挂钩会诱发“做数字”，以及应该奖励什么。

# %%
# %matplotlib inline
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")


def labelled(table, kinds=None):
    """A table built in this notebook, as displayed: numbers formatted by kind (column -> kind for
    cl.i18n.format_table: "share", "score" ...), missing values as "–", names in the notebook's
    language (labels course.02.<name>)."""
    return cl.i18n.labelled_table(cl.i18n.format_table(table, kinds), "course.02")

# %% [markdown]
# ## The twelve-step measurement cycle
# *(10 min)*
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
# 9. **Tie incentives** to the targets (建立激励机制); read the claim check below before you
#    teach this step.
# 10. **Keep feedback channels open** between surveys.
# 11. **Prevent problems before they happen**, using what complaints and comments reveal.
# 12. **Use analytics tools**, which is what the rest of this course does.
#
# Steps 1–4 and 7 are measurement; the others turn measurement into management. A survey that
# stops at step 4 has cost money and changed nothing.
#
# > **Claim check: targets tied to bonuses**
# >
# > - **Where it comes from:** management advice in the handouts, not a study: bind staff
# >   appraisal to satisfaction results (把满意度考核和激励绑定), for example a bonus when a
# >   service hotline's complaint rate (投诉率) stays below 10 %. No source or data are given for
# >   the 10 %. The warning against such schemes is older than the advice: Campbell (1979,
# >   "Assessing the impact of planned social change", *Evaluation and Program Planning* 2(1))
# >   argued that the more a number is used to make decisions about people, the more it is
# >   corrupted, and the more it distorts the work it was meant to describe (Campbell's law);
# >   Goodhart (1975, *Papers in Monetary Economics*, Reserve Bank of Australia) observed the
# >   same of monetary targets.
# > - **What it measured:** nothing: the 10 % is an illustration, and no firm or result is
# >   named. Campbell and Goodhart generalised from social programmes and monetary policy, not
# >   from customer service.
# > - **What later evidence says:** targets change behaviour, not always the intended one.
# >   Bevan and Hood (2006, *Public Administration* 84(3)) documented gaming of the English
# >   NHS targets: in 2004/05 hospitals officially reported 96 % of emergency patients spending
# >   under four hours in A&E, while a national patient survey put it at 77 %. Kerr (1975,
# >   "On the folly of rewarding A, while hoping for B", *Academy of Management Journal* 18(4))
# >   collects cases of organisations that pay for one behaviour while hoping for another.
# >   The seed's own example shows how: a bonus for a low complaint rate rewards fewer
# >   *recorded* complaints, so staff can discourage customers from complaining, leave
# >   complaints unlogged or file them as "enquiries"; a bonus for survey scores invites
# >   cherry-picking who gets surveyed and coaching customers to give top scores ("anything
# >   below 5 counts as a fail for me"). The number improves, the service does not, and the
# >   complaints that notebook 06 treats as the firm's best source of improvement disappear.
# > - **How to present it:** keep the aim (staff should care whether customers are satisfied),
# >   not the mechanism. Reward improvement actions (a root cause fixed, every complaint called
# >   back within the promised time) and measures that are audited; count complaints from
# >   several channels (hotline, e-mail, online reviews, stores) and never pay for a falling
# >   complaint count on its own; keep survey sampling and sending out of staff hands (the
# >   system draws the customers at random); and watch for the signs of gaming: logged
# >   complaints that fall suddenly, scores that pile up at the top box, one team with far
# >   fewer low scores than the others.

# %% [markdown] tags=["zh-CN"]
# ## 满意度测评的十二个步骤
# *（10 分钟）*
#
# 满意度调查不是做一次就完的活动，而是一个循环。培训讲义把客户满意度评估与管理分成十二个关键步骤：
#
# 1. **定义满意度指标**：产品质量、价格、交付速度、客户服务、售后服务等。
# 2. **设计调查问卷**：简洁明了，问题有针对性，答案易于统计和分析。
# 3. **通过多种渠道收集数据**（在线调查、电话访问、面对面访谈），保证数据来源多样，不让某一个渠道的偏差左右结果，结果才客观。
# 4. **分析数据**：算出满意度评分，找出问题和优势，读懂客户意见背后的原因。
# 5. **制定改进措施**：针对分析出来的薄弱环节。
# 6. **实施改进并再次评估**：改进之后再做一次满意度调查，看效果如何。
# 7. **定期评估与持续改进**：每季度或每半年调查一次，变化趋势才看得出来。
# 8. **培训员工**：让员工明白调查结果说明了什么。
# 9. **建立激励机制**：设立奖励制度，和满意度目标挂钩；讲这一步之前，先读下面的论断核查。
# 10. **建立有效的沟通渠道**：两次调查之间，客户的意见也要有地方提、有人听。
# 11. **预防措施**：从投诉和意见里看出苗头，在问题发生之前就加以预防。
# 12. **使用先进技术**：用数据分析工具，本课程后面各节做的就是这件事。
#
# 第 1–4 步和第 7 步是“测”，其余各步是把测得的结果变成“管”。停在第 4 步的调查，钱花了，什么也没改变。
#
# > **论断核查：与奖金挂钩的考核指标**
# >
# > - **出处：** 讲义里的管理建议，不是研究结论：把满意度考核和激励绑定，也就是把员工的绩效和满意度结果挂钩，例如客户服务热线的客户投诉率低于 10% 的就给予奖励。这个 10% 没有出处，也没有数据支撑。反对这类做法的警告其实比这条建议还早：坎贝尔（Campbell，1979，“Assessing the impact of planned social change”，*Evaluation and Program Planning* 第 2 卷第 1 期）指出，一个数字越是被用来对人做决定，它就越容易失真，也越会扭曲它本来要反映的工作，这就是“坎贝尔定律”；古德哈特（Goodhart，1975，*Papers in Monetary Economics*，澳大利亚储备银行）在货币政策目标上也看到了同样的现象。
# > - **当时测的是什么：** 什么也没测：10% 只是举个例子，没有点出任何企业，也没有任何结果。坎贝尔和古德哈特的结论来自社会项目和货币政策，不是来自客户服务。
# > - **后来的证据：** 考核指标确实会改变行为，但改变的不一定是想要的那种行为。贝文和胡德（Bevan & Hood，2006，*Public Administration* 第 84 卷第 3 期）记录了英国国民医疗服务体系考核指标中的“做数字”现象：2004/05 年度，医院官方上报 96% 的急诊病人在急诊室停留不到四小时，而全国患者调查得出的比例只有 77%。克尔（Kerr，1975，“On the folly of rewarding A, while hoping for B”，*Academy of Management Journal* 第 18 卷第 4 期）收集了许多组织“奖励的是一种行为，盼望的却是另一种行为”的案例。讲义自己举的例子就能说明问题出在哪里：为低投诉率发奖金，奖励的是*登记在案*的投诉少，于是员工可能劝客户别投诉、投诉了也不登记，或者把投诉记成“咨询”；为调查得分发奖金，就会有人挑着选调查对象，或者教客户打满分（“低于 5 分对我来说就算不及格”）。数字好看了，服务却没有变好，而第 06 节视为企业最宝贵的改进来源的投诉，也就从记录里消失了。
# > - **课堂上怎么讲：** 保留目的（员工应当在乎客户满不满意），不要照搬手段。奖励改进行动（找到并消除了一个根本原因，每一条投诉都在承诺的时间内回电）和经过核查的指标；投诉要从多个渠道统计（热线、电子邮件、网上评价、门店），绝不能单凭投诉数量下降就发奖金；调查的抽样和发送不经员工之手（由系统随机抽取客户）；还要留意“做数字”的迹象：登记的投诉突然减少，得分扎堆在最高一档，某个团队的低分比别的团队少得多。

# %% [markdown]
# ## Choosing indicators
# *(5 min)*
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

# %% [markdown] tags=["zh-CN"]
# ## 选择满意度指标
# *（5 分钟）*
#
# 除了调查本身，服务管理还要关注几项**客户满意度的衡量指标**：客户反馈调查的得分；投诉处理效率（对投诉的响应速度和解决问题的效率，见第 06 节）；合同的**客户续约率**；客户忠诚度（再购买和推荐，见第 03 节）；以及客户评价（口碑和网上的评价）。每项指标都有盲区：调查只听得到回答问卷的人，投诉只听得到愿意开口的人，续约率只看得到签了合同的客户。所以要几项一起看。
#
# 设计问卷时，每项指标变成一道或几道题。本课程的追踪调查 `csat_tracker` 问了一道总体满意度题（用来算客户满意度得分）、一道推荐意愿题（算净推荐值）、一道费力度题（算客户费力度），还有六个服务题项。

# %%
labelled(cl.datasets.describe("csat_tracker").columns.reset_index())

# %% [markdown]
# A questionnaire written down once can be reused: for the survey itself, for checking the
# answers, and for a live survey in class. The course's own evaluation questionnaire,
# `course_evaluation`, has one question per indicator: overall satisfaction (CSAT), likelihood
# to recommend (NPS), four items on the course (useful, pace, exercises, trainer) and an open
# comment. In class the trainer serves it with `make classroom` (`python -m csat_lab.classroom
# serve --lan --room TEST42` on the classroom Wi-Fi); learners scan the QR code and answer on
# their phones. Its codebook lists each question with its scale:

# %% [markdown] tags=["zh-CN"]
# 问卷一旦写成文件，就可以反复使用：用来做调查，用来核对答卷，也可以在课堂上做现场调查。本课程自己的课程评价问卷 `course_evaluation` 每个指标对应一道题：总体满意度（算客户满意度得分）、推荐可能性（算净推荐值）、四道关于课程的题目（是否有用、进度、练习、培训师）和一道开放题。上课时培训师用 `make classroom` 把问卷发布出来（在教室的无线网络上用 `python -m csat_lab.classroom serve --lan --room TEST42`），学员扫二维码，在手机上作答。下面是它的编码表，列出每道题和它用的量表：

# %%
questionnaire = cl.survey.load_questionnaire("course_evaluation")
labelled(questionnaire.codebook()[["question", "scale", "reverse"]])

# %% [markdown]
# After class the answers are read back from the server's file. The recorded example class of
# 20 learners ships with the package (after your own class:
# `cl.classroom.responses("class.sqlite3")`). `validate` checks every answer against the
# questionnaire: a code outside its scale would stop here with a message naming the column.

# %% [markdown] tags=["zh-CN"]
# 下课以后，从服务器保存的文件里把答卷读回来。工具包自带一次课堂的记录，共 20 位学员（你自己上完课就写 `cl.classroom.responses("class.sqlite3")`）。`validate` 对照问卷逐一核对每个回答：如果有哪个编码超出了量表的范围，就会在这里停下，并指出是哪一列。

# %%
answers = cl.classroom.responses("example")
checked = questionnaire.validate(answers)
{cl.label("course.02.n"): len(checked)}

# %% [markdown]
# To run a class survey with questions of your own, save a questionnaire to a file and serve
# that file: `python -m csat_lab.classroom serve --questionnaire my_questionnaire.json`. The
# cell writes the file into a temporary folder; in practice you would keep it next to your
# course material.

# %% [markdown] tags=["zh-CN"]
# 想在课堂上用自己的题目做调查，就把问卷存成文件，再发布这个文件：`python -m csat_lab.classroom serve --questionnaire my_questionnaire.json`。下面一格把文件写进一个临时文件夹；实际使用时，把它和你的课程材料放在一起就行。

# %%
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
questionnaire.to_json(folder / "my_questionnaire.json").name

# %% [markdown]
# ## Survey methods and their trade-offs
# *(15 min)*
#
# Step 3 of the cycle says "several channels". The training materials name four ways of
# hearing from customers: **regular interviews (定期面谈)**, **phone surveys (电话调查)**,
# **online questionnaires (在线问卷)** and **complaint feedback (客户投诉反馈)**. Interviews
# and phone calls both talk to the customer directly; interviews give the fullest picture of
# one customer, phone surveys gather many answers quickly; online questionnaires have become
# the most convenient way to collect opinions on products, service and after-sales support now
# that almost everyone is online; complaints arrive unasked and are a valuable source, but only
# if they are handled promptly and used to improve the product. No method is best in general:
# the materials say to choose by **the firm's resources and the customer's convenience**, to fit
# the method to the firm and its industry, and to read survey results next to other data such
# as sales and complaints. Their survey report template (the last section of this notebook)
# does exactly that: online questionnaires sent through the website, social media and e-mail
# for the broad picture, and phone or face-to-face interviews (电话访谈、面对面访谈) with
# selected important and representative customers, each counted separately.
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
# to a person than to a form. In a satisfaction survey of 8,999 US households, Dillman et al.
# (2009, *Social Science Research* 38(1)) found that those answering by telephone or by an
# automated voice system gave the most positive answer more often than those answering by mail
# or on the web. So compare waves only within one method, or report each method separately
# (the summary report template below also counts questionnaires and interviews separately).
# And **cheap answers are not free of error**: a budget buys very different sample sizes by
# method. With invented prices, say the same money pays for 50
# interviews, 300 phone interviews or 1,500 online answers:

# %% [markdown] tags=["zh-CN"]
# ## 调查方法及其取舍
# *（15 分钟）*
#
# 循环的第 3 步要求“通过多种渠道”收集数据。培训讲义列出了四种听取客户意见的评估方法：**定期面谈**、**电话调查**、**在线问卷**和**客户投诉反馈**。定期面谈和电话调查都是直接和客户沟通：定期面谈对一位客户了解得最全面，电话调查能更快地获取大量客户反馈；随着互联网的普及，在线问卷已经成为收集客户对产品、服务、售后支持等方面意见最便捷的方式；客户投诉反馈不请自来，是宝贵的信息源，但前提是企业积极对待、及时处理，并用来改进产品和服务。没有哪种方法在任何情况下都最好：讲义说，选择测量方法要考虑**企业的资源和客户的便利性**，要根据企业特点和行业要求来选，还要把调查结果和销售数据、客户投诉等其他数据结合起来综合评估。讲义里的调查总结报告模板（本节最后一部分）正是这样做的：线上问卷通过企业官网、社交媒体平台和电子邮件等渠道发放，用来了解整体情况；电话访谈和面对面访谈则针对部分重要客户和具有代表性的客户进行；两类数字分开统计。
#
# 下表是做选择时的经验法则，不是测量结果；请按你自己的客户情况把它填一遍。
#
# | 方法 | 每份答卷的成本 | 速度 | 深度 | 回应情况 | 对客户是否方便 | 适用场合 |
# |---|---|---|---|---|---|---|
# | 定期面谈 | 高：人力、差旅 | 慢 | 深：可以追问、请客户举例，听到客户自己的话 | 约好时间后回应率高 | 低：要占用客户的时间 | 大客户、企业客户，想弄清*为什么* |
# | 电话调查 | 中 | 快 | 中：可以简短追问 | 往往偏低：很多人不接陌生号码 | 中：会打扰客户 | 客户到店或维修后不久，访问大量客户 |
# | 在线问卷 | 低 | 快 | 浅：固定题目加简短留言 | 往往偏低，而且作答的人是自己选择来答的 | 高：随时可答，用什么设备都行 | 客户基数大、需要多轮追踪 |
# | 客户投诉反馈 | 几乎为零 | 持续不断 | 深，但只涉及出了问题的地方 | 不是样本：只有投诉的人 | 投诉渠道好找的话就高 | 发现哪里出了问题；绝不能当满意度得分用 |
#
# 有两点要注意。**混用调查方法会改变答案**：人们对着一个人回答时，往往比填表时打分更客气。迪尔曼等人（Dillman et al.，2009，*Social Science Research* 第 38 卷第 1 期）对 8999 户美国家庭做满意度调查，发现通过电话或自动语音系统作答的人，选最正面答案的比例高于通过邮寄问卷或网上作答的人。所以，各轮调查只能在同一种方法内部比较，或者按方法分开报告（下面的总结报告模板也把问卷和访谈分开统计）。另外，**便宜的答卷并不就没有误差**：同样的预算，用不同的方法能换来的样本量相差很大。用假设的价格举个例子：同一笔钱可以做 50 次面谈、300 次电话访问，或者收回 1500 份在线答卷：

# %%
labelled(pd.DataFrame({
    "method": [cl.label(f"course.02.method.{m}") for m in ["interviews", "phone", "online"]],
    "answers_for_budget": [50, 300, 1500],
    "margin_points": [100 * cl.survey.margin_of_error(n) for n in [50, 300, 1500]],
}), {"margin_points": "number:1"})

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
#
# **Exercise 02.survey_method.** A county bus company runs 12 routes and carries about 3,000
# passengers a day, many of them elderly villagers who pay cash on board and do not use
# smartphones. It keeps no list of passengers' phone numbers or e-mail addresses and has no
# call centre; its two ticket inspectors ride the routes every day, and the office can spare a
# few hours a week. The manager wants a satisfaction score for every route twice a year, and
# wants to hear what passengers would change. Which main method fits the company's resources
# and its passengers' convenience best? Answer with a letter.
#
# (a) an online questionnaire behind a QR code posted at every stop and inside every bus;
# (b) a phone survey of passengers, run by the office staff;
# (c) short face-to-face interviews on board by the two inspectors, with a printed card of
#     five questions, on trips that the office draws at random for every route;
# (d) the number of complaints about each route received at the depot.

# %% [markdown] tags=["zh-CN"]
# 在线调查在误差范围上胜出，但这个误差范围只包括抽样误差。如果十位客户里只有一位作答，而作答的又多是特别满意和特别生气的人，偏差可能比整个误差范围还大（后面抽样一节还会讲到回复率）。50 次面谈根本给不出一个精确的百分比；做面谈，是为了弄清数字背后的原因。
#
# *课堂活动：* 分小组，为下面每种情况选一套方法组合，并从资源和客户便利性两方面说明理由：(1) 一家每年卖 600 辆车的汽车经销商，只有一位服务经理负责做调查；(2) 一家有 40 个企业客户的软件供应商；(3) 一家有 5000 名会员的连锁超市，大多数会员登记了电子邮箱。每家各应报告哪些数字？哪种方法绝不能用来算满意度得分？
#
# **练习 02.survey_method。** 一家县城公交公司经营 12 条线路，每天载客约 3000 人次，其中许多是上车投币付现金、不用智能手机的农村老人。公司手里没有乘客的电话号码或电子邮箱，也没有呼叫中心；两名查票员每天都在各条线路上跟车，办公室每周能抽出几个小时。经理希望每条线路每年有两次满意度得分，也想听听乘客希望改些什么。哪种主要方法最符合这家公司的资源和乘客的便利？用字母作答（写在下面代码格里，字母要加引号）。
#
# (a) 在每个站牌和每辆车内张贴二维码，请乘客扫码填写在线问卷；
# (b) 由办公室人员给乘客打电话做调查；
# (c) 由两名查票员在车上做简短的面对面访谈，用一张印着五道题的卡片，访谈的班次由办公室为每条线路随机抽取；
# (d) 统计车队收到的每条线路的投诉数量。

# %%
answer = None  # a letter, in quotes

# %% tags=["solution"]
answer = "c"

# %% [markdown] tags=["solution"]
# **Trainer note, 02.survey_method.** Model answer: (c). Walk through the options by the two
# criteria the materials give. *Resources:* the inspectors are already on the buses, so the
# interviews cost a few minutes per trip; the office's few hours go into drawing the trips at
# random and typing in the cards. *Convenience:* passengers are seated with time to spare and
# need no phone, no internet and no skill with forms. (a) is cheap but leaves out the elderly
# who do not use smartphones, and those who do scan the code choose themselves; (b) has no
# numbers to call; (d) is worth reading for *what* goes wrong, but it is not a sample and gives
# no score per route. Give credit to learners who also name the weak points of (c): passengers
# may rate more kindly to a person in uniform, so the card should be read out neutrally, and
# the inspectors must not choose whom to ask (every third passenger, say, on the drawn trips);
# and the complaint log is still read beside the interviews, as the materials advise.

# %% [markdown] tags=["solution", "zh-CN"]
# **讲师备注 02.survey_method。** 参考答案：(c)。按讲义给出的两条标准逐项分析。*资源：* 查票员本来就在车上，每趟车只多花几分钟做访谈；办公室那几个小时用来随机抽取班次、录入卡片。*便利性：* 乘客坐在车上，有时间，不需要手机、不需要上网，也不需要会填表。(a) 成本低，但漏掉了不用智能手机的老人，而且扫码作答的人是自己选择来答的；(b) 没有号码可打；(d) 值得看，能看出*哪里*出了问题，但它不是样本，给不出每条线路的得分。学员如果还能指出 (c) 的弱点，也应给分：乘客面对穿制服的人可能打分更客气，所以卡片上的题要用中性的语气念出来；查票员不能自己挑人问（比如在抽中的班次上每三位乘客问一位）；投诉记录仍然要和访谈结果对照着看，正如讲义所建议的。

# %%
cl.check("02.survey_method", answer)

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
# **Exercise 02.double_barrelled.** A restaurant chain's draft questionnaire has these four
# questions. Which one is double-barrelled? Answer with a letter.
#
# (a) "How satisfied are you with the time between ordering and delivery?";
# (b) "Don't you agree that our delivery is fast?";
# (c) "In the last month, how many times did you call our service line?";
# (d) "How satisfied are you with the price and quality of the meals?"

# %% [markdown] tags=["zh-CN"]
# ## 怎样出题：好题与坏题
# *（15 分钟）*
#
# | 坏题 | 毛病在哪里 | 改进后 |
# |---|---|---|
# | “您对我们友好又快捷的员工满意吗？” | 诱导性（先认定员工友好），而且一题多问（友好*和*快捷） | 拆成两题：“您对员工礼貌程度的满意程度如何？”“……对服务速度的满意程度如何？” |
# | “您难道不同意我们的价格很公道吗？” | 诱导性；引人回答“是” | “就您得到的产品和服务而言，您如何评价我们的价格？”（很差……很好） |
# | “您多久用一次我们的产品？”（从不 / 有时 / 经常） | 选项含糊，每个人理解不同 | “过去 30 天里，您用了几次？”（0 次、1–2 次、3–5 次、6 次及以上） |
# | “请评价客户关系管理触点的效能” | 满是行话 | “找到能帮您解决问题的人容不容易？” |
# | “您满意吗？”，只有 1–4 四个选项 | 没有中间一档，拿不定主意的人被迫选边 | 用五级量表，中间一档要有文字标签 |
#
# 经验法则：一道题只问一件事；用客户自己的说法；给出时间范围；量表要平衡，每一档都有文字标签；先问总体题，再问细项（免得细项影响对总体的判断）；题目越短越好。
#
# **练习 02.double_barrelled。** 一家连锁餐厅的问卷初稿有下面四道题。哪一道是一题多问？用字母作答。
#
# (a) “您对从下单到送达的时间满意程度如何？”；
# (b) “您难道不同意我们送餐很快吗？”；
# (c) “上个月您给我们的服务热线打过几次电话？”；
# (d) “您对餐品的价格和质量满意程度如何？”

# %%
answer = None  # a letter, in quotes

# %% tags=["solution"]
answer = "d"  # price and quality are two judgements in one question

# %%
cl.check("02.double_barrelled", answer)

# %% [markdown]
# **Exercise 02.rewrite_question.** A hotel's guest survey asks:
#
# > "Don't you agree our friendly staff and fast check-in made your stay excellent?"
# >
# > （中文版：“您难道不认为我们友好的员工和快速的入住手续让您的住宿非常棒吗？”）
#
# Name to yourself everything that is wrong with it, then rewrite it as a fair question that
# the hotel can use, in English or in Chinese. If it needs more than one question, write them
# one after the other, each ending with a question mark. You may add the answer scale in
# brackets after the question.

# %% [markdown] tags=["zh-CN"]
# **练习 02.rewrite_question。** 一家酒店的客人问卷里有这样一道题：
#
# > “您难道不认为我们友好的员工和快速的入住手续让您的住宿非常棒吗？”
#
# 先自己说一说这道题有哪些毛病，再把它改写成酒店可以用的公平的问题，中文、英文都可以。如果不止一道题，就一道接一道写下来，每道题以问号结尾。可以在问题后面用括号注明答案量表。答案写在下面代码格里，放在引号之间。

# %%
answer = None  # your question, between quotes: "..."

# %% tags=["solution"]
answer = ("How satisfied or dissatisfied were you with the speed of check-in? "
          "(very dissatisfied / dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied)")

# %% [markdown] tags=["solution"]
# **Trainer note, 02.rewrite_question.** The original has four faults: it is *leading* ("Don't
# you agree" pushes towards yes), *loaded* (it praises what it asks about: friendly, fast,
# excellent), *double-barrelled*, in fact triple (staff, check-in and the stay as a whole in
# one question), and it offers no scale (a yes/no to a compliment).
#
# Model answers (any one of them, or a set of them, is fine):
#
# - "How satisfied or dissatisfied were you with the speed of check-in? (very dissatisfied /
#   dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied)"
# - "How would you rate the courtesy of the reception staff? (very poor, poor, fair, good, very
#   good)" followed by "How long did you wait at check-in? (under 5 minutes, 5–10 minutes, more
#   than 10 minutes)"
# - "总体而言，您对本次住宿的满意程度如何？（非常不满意、不满意、一般、满意、非常满意）"
# - "您对办理入住手续所用的时间满意吗？（1 = 非常不满意 … 5 = 非常满意）"
#
# Rubric (the check tests all six points, in this order, and shows the first one missed):
# 1. still about the guest's stay (staff, check-in or the stay as a whole);
# 2. a question, or a request to rate;
# 3. one topic per question: no "and", "和", "与", "及" joining two aspects;
# 4. no leading wording ("don't you", "Wasn't…?", "…, right?", "难道", "不觉得", "……吧");
# 5. no loaded words praising the object (friendly, fast, excellent, 友好, 快速, 棒);
# 6. a graded answer, given or implied ("How satisfied…", 1–5, very poor … very good).
#
# The check reads words, not meaning: it cannot tell whether the scale is balanced (as many
# negative as positive points, a labelled middle) or whether the question asks what the hotel
# needs to know. Read a few answers aloud and discuss those two points. Ask also which of the
# three topics the hotel should keep if it may add only one question: the one it can act on.

# %% [markdown] tags=["solution", "zh-CN"]
# **讲师备注 02.rewrite_question。** 原题有四个毛病：*诱导性*（“难道不认为”把人往“是”上推）；*带倾向的措辞*（夸了它要问的对象：友好、快速、非常棒）；*一题多问*，其实是一题三问（员工、入住手续和整体住宿挤在一道题里）；而且没有量表（等于请客人对一句恭维回答是或否）。
#
# 参考答案（写出其中任何一个，或几个合起来，都可以）：
#
# - “您对办理入住的速度满意程度如何？（很不满意 / 不满意 / 基本满意 / 满意 / 很满意）”
# - “您如何评价前台员工的礼貌？（很差、差、一般、好、很好）”，接着问“您办理入住时等了多久？（不到 5 分钟、5–10 分钟、超过 10 分钟）”
# - “总体而言，您对本次住宿的满意程度如何？（非常不满意、不满意、一般、满意、非常满意）”
# - “您对办理入住手续所用的时间满意吗？（1 = 非常不满意 … 5 = 非常满意）”
# - 英文答案也可以，例如代码格里的参考答案。
#
# 评分要点（检查程序按这个顺序检查全部六点，并指出第一个没做到的）：
# 1. 仍然围绕客人的住宿（员工、入住手续或整体住宿）；
# 2. 是一个问句，或是请客人评分；
# 3. 每道题只问一件事：不用“和”“与”“及”（英文的 `and`）把两个方面连在一起；
# 4. 没有诱导性措辞（“难道”“不觉得”“……吧”，英文的 `don't you`、`Wasn't…?`、`…, right?`）；
# 5. 没有夸所问对象的词（友好、快速、棒，英文的 `friendly`、`fast`、`excellent`）；
# 6. 答案有等级，给出或隐含一个量表（“满意程度如何”、1–5 分、很差……很好）。
#
# 检查程序只看字词，不懂含义：它判断不了量表是否平衡（正负两边档数相同，中间一档有标签），也判断不了这道题问的是不是酒店需要知道的。挑几份答案念出来，讨论这两点；用讲义的五级（很不满意……很满意）时还可以问一句：“基本满意”算不算真正的中间一档？再问大家：如果酒店只能加一道题，三个话题里该保留哪一个？——保留酒店能据此采取行动的那一个。

# %%
cl.check("02.rewrite_question", answer)

# %% [markdown]
# ## Scales and scores
# *(10 min)*
#
# The package knows the course's answer scales. Each declares its codes, its labels in both
# languages, and which codes count as the "top box".

# %% [markdown] tags=["zh-CN"]
# ## 量表与得分
# *（10 分钟）*
#
# `csat_lab` 内置了本课程用到的各种答案量表。每个量表都规定了自己的编码、中英文两种标签，以及哪些编码算作“高分框”。

# %%
pd.DataFrame(
    {cl.label(f"course.02.scale.{name}"):
         [cl.scales.get(name).low, cl.scales.get(name).high, cl.scales.get(name).labels()[-1]]
     for name in ["satisfaction5", "agree5", "agree7", "nps11", "effort7"]},
    index=[cl.label("course.02.lowest_code"), cl.label("course.02.highest_code"), cl.label("course.02.top_label")],
).T

# %% [markdown]
# Four scores come from these scales:
#
# - **CSAT** = share answering 4 or 5 on the satisfaction scale ("satisfied or very satisfied").
# - **Top box** = share answering the highest code only (or the top *k* codes). Notebook 01
#   explained why the top box matters: loyalty is concentrated among the very satisfied.
# - **NPS** (Reichheld, 2003) = % promoters (9–10) − % detractors (0–6) on the 0–10
#   recommendation question, from −100 to +100.
# - **CES** (customer effort score) = mean of the 7-point agreement item "The company made it
#   easy for me to handle my issue". This is CEB's **CES 2.0** (2013), described in Dixon,
#   Toman and DeLisi, *The Effortless Experience* (2013). The first version, introduced by
#   Dixon, Freeman and Toman (2010, "Stop trying to delight your customers", *Harvard Business
#   Review* 88(7/8)), was a different question on a 5-point scale: how much effort did you
#   personally have to put forth to handle your request? There a *low* score was good; in
#   CES 2.0 a high one is. The course's `effort7` scale, used by the tracker, labels its seven
#   points from very difficult to very easy rather than from disagree to agree; 7 is the best
#   answer either way.
#
# Every score comes with a confidence interval, because a survey is a sample.

# %% [markdown] tags=["zh-CN"]
# 这些量表可以算出四种得分：
#
# - **客户满意度得分（CSAT）** = 在满意度量表上回答 4 或 5（满意或很满意）的比例。
# - **高分框占比** = 只回答最高一档（或最高 *k* 档）的比例。第 01 节讲过它为什么重要：忠诚的客户集中在很满意的那部分人里。
# - **净推荐值（NPS）**（Reichheld，2003）= 在 0–10 分的推荐意愿题上，推荐者（9–10 分）的百分比减去贬损者（0–6 分）的百分比，取值从 −100 到 +100。
# - **客户费力度（CES）** = 7 级同意程度题“公司让我办事很容易”的平均分。这是美国企业执行委员会 2013 年推出的第 2.0 版（Dixon、Toman 和 DeLisi，2013，*The Effortless Experience*）。第一版（Dixon、Freeman 和 Toman，2010，“Stop trying to delight your customers”，*Harvard Business Review* 第 88 卷第 7/8 期）是另一道题，用 5 级量表问：为了办成这件事，您本人花了多大力气？在第一版里*低*分是好事；到了 2.0 版，高分才是好事。本课程追踪调查用的 `effort7` 量表，七档标签从“非常困难”到“非常容易”，而不是从“不同意”到“同意”；不管哪种标法，7 都是最好的回答。
#
# **满意度得分不等于满意率。** 国内的满意度报告更常见的是“满意率”。讲义把客户的感受分为很满意、满意、基本满意、不满意、很不满意五种；满意率把中间的“基本满意”也算作满意，统计的是 3–5 级的占比，而满意度得分只算 4、5 两级。同一批答卷，满意率只会比满意度得分高、不会低，高出多少取决于有多少人选了“基本满意”：本课程第 4 轮追踪调查清洗后的答卷里，大约七个回答中有一个是 3 分，两个数相差约 14 个百分点（后面清洗一节用 `cl.metrics.satisfaction_rate` 和 `cl.metrics.csat` 把两者并排算出来）。两种口径都不算错，但报告里必须写明用的是哪一种，也不能拿一种口径去比另一种口径，比如拿今年的满意率去比去年的满意度得分，好像满意度一下子涨了十几个百分点。
#
# 每个得分都要附上置信区间，因为调查是抽样。

# %%
tracker = cl.datasets.load("csat_tracker")
wave4 = tracker[tracker["wave"] == 4]
cl.metrics.nps(wave4["nps"])

# %%
cl.metrics.top_box(wave4["ces"], scale="effort7", k=2)

# %% [markdown]
# The NPS widget lets you move promoters, passives and detractors and watch the score and its
# interval. Note how the interval narrows only slowly as the sample grows.

# %% [markdown] tags=["zh-CN"]
# 用净推荐值小工具可以调整推荐者、中立者和贬损者的人数，看得分和它的置信区间怎样变化。注意：样本增大时，置信区间收窄得很慢。

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_explorer()

# %% [markdown]
# *Worked example.* The raw file still holds codes that are not on the 1–5 scale (0, 6, 9 and
# 99, which the cleaning section deals with). Here is the share of **wave 1**'s answers that
# are 5 (very satisfied), leaving those codes out:

# %% [markdown] tags=["zh-CN"]
# *示例。* 原始文件里还有不在 1–5 量表上的编码（0、6、9 和 99，清洗一节会处理）。下面计算**第 1 轮**的回答中选 5 分（很满意）的比例，这些编码不算在内：

# %%
wave1_codes = tracker[tracker["wave"] == 1]["csat"]
wave1_valid = wave1_codes[wave1_codes.between(1, 5)]  # keep only the codes 1 to 5
share_5 = 100 * wave1_valid.isin([5]).mean()  # % of them that are 5
print(cl.label("course.02.share_5", share=cl.i18n.format_number(share_5, "percent")))

# %% [markdown]
# **Exercise 02.tracker_csat.** In the *raw* `csat_tracker` file (all waves, not only wave 1),
# ignore the codes that are not on the 1–5 scale. What percentage of the remaining answers are
# 4 or 5 (the CSAT)? Give a percentage (e.g. 55.2).

# %% [markdown] tags=["zh-CN"]
# **练习 02.tracker_csat。** 在*原始的* `csat_tracker` 文件里（全部各轮，不只是第 1 轮），把不在 1–5 量表上的编码去掉。剩下的回答中，回答 4 或 5 的占百分之多少（即满意度得分）？用百分数作答（例如 55.2）。
#
# 做法：在下面的代码格里把空白处 `___` 填好，删掉两行代码前面的 `# `，再运行。

# %%
answer = None  # a percentage
# Fill in the blanks (___), then delete the "# " in front of the two lines and run the cell:
# valid = tracker["csat"][tracker["csat"].between(___, ___)]
# answer = 100 * valid.isin([___, ___]).mean()

# %% tags=["solution"]
valid = tracker["csat"][tracker["csat"].between(1, 5)]
answer = 100 * valid.isin([4, 5]).mean()

# %%
cl.check("02.tracker_csat", answer)

# %% [markdown]
# ## Kano survey: scoring features
# *(5 min)*
#
# Notebook 01 introduced the Kano model. `kano_features` holds 300 hotel guests' answers to the
# paired questions for eight features. `kano_table` classifies each answer pair with Kano's
# evaluation table, takes the most frequent category per feature, and computes Berger et al.'s
# (1993) coefficients: **Better** = (A + O) / (A + O + M + I), how much the feature can
# delight, and **Worse** = −(O + M) / (A + O + M + I), how much its absence hurts.

# %% [markdown] tags=["zh-CN"]
# ## 卡诺调查：给功能打分
# *（5 分钟）*
#
# 第 01 节介绍过卡诺模型。`kano_features` 里是 300 位酒店客人对八项功能成对问题的回答。`kano_table` 用卡诺评价表给每一对回答归类，取每项功能出现最多的类别，并计算伯杰等人的两个系数（Berger et al.，1993）：**满意系数** $\text{Better} = (A + O) / (A + O + M + I)$，表示这项功能能带来多大惊喜；**不满意系数** $\text{Worse} = -(O + M) / (A + O + M + I)$，表示缺了它会让客户多不满。其中 A 是魅力属性，O 是期望属性，M 是必备属性，I 是无差异属性。

# %%
kano = cl.datasets.load("kano_features")
kano_scores = cl.survey.kano_table(kano, feature="feature", functional="functional", dysfunctional="dysfunctional")
shown = cl.datasets.display_table(kano_scores[["category_label", "better", "worse"]], "kano_features")
shown["category_label"] = shown["category_label"].map(str, na_action="ignore")  # each label in the current language
cl.i18n.format_table(shown, {"better": "coef", "worse": "coef"}).rename(columns={
    "category_label": cl.label("course.02.kano_category"), "better": cl.label("course.02.kano_better"),
    "worse": cl.label("course.02.kano_worse")})

# %%
cl.plots.kano_chart(kano_scores)
plt.show()

# %% [markdown]
# Free Wi-Fi and daily room cleaning are must-be (large Worse, small Better): providing them
# earns no praise, missing them causes anger. Remembered preferences are attractive: the
# carrot juice of notebook 07.

# %% [markdown] tags=["zh-CN"]
# 免费无线网络和每日客房清洁属于必备属性（不满意系数的绝对值大，满意系数小）：提供了没人夸，没提供就惹人生气。记住客人的偏好属于魅力属性，也就是第 07 节的胡萝卜汁。

# %% [markdown]
# ## Sampling and the margin of error
# *(15 min)*
#
# A survey measures a sample to learn about all customers. With a simple random sample of
# *n* answers, a percentage *p* is uncertain by about
#
# $$\text{margin of error} = z \sqrt{\frac{p(1-p)}{n}}, \qquad z = 1.96 \text{ for 95\%},$$
#
# largest at *p* = 0.5. Solving for *n* gives the sample size for a wanted margin. For small
# populations (a dealer with 600 customers) a finite-population correction reduces *n*.

# %% [markdown] tags=["zh-CN"]
# ## 抽样与误差范围
# *（15 分钟）*
#
# 调查测的是样本，想了解的却是全体客户。用简单随机抽样得到 *n* 份答卷，一个百分比 *p* 的不确定程度大约是
#
# $$\text{误差范围} = z \sqrt{\frac{p(1-p)}{n}}, \qquad \text{置信水平 95\% 时 } z = 1.96,$$
#
# 在 *p* = 0.5 时最大。反过来解出 *n*，就得到想要的误差范围所需的样本量。总体较小时（比如一家只有 600 位客户的经销商），做有限总体校正可以减少 *n*。

# %%
labelled(pd.DataFrame({
    "n": [100, 250, 1000, 2500],
    "margin_points": [100 * cl.survey.margin_of_error(n) for n in [100, 250, 1000, 2500]],
}), {"n": "count", "margin_points": "number:1"})

# %%
{
    cl.label("course.02.pm5"): cl.survey.sample_size(0.05),
    cl.label("course.02.pm5_600"): cl.survey.sample_size(0.05, population=600),
}

# %% [markdown]
# The sample-size explorer answers the planning questions in class. *What if* we accept ±5
# points instead of ±3? What if the client base is only 600 customers (type it in the
# population box)? What if last wave's result was 80% rather than 50%? And, with the last
# slider: how likely are two waves of this size to detect a real change of 5 points?

# %% [markdown] tags=["zh-CN"]
# 样本量小工具可以在课堂上回答做计划时的各种问题。*如果*接受 ±5 个百分点而不是 ±3 个百分点呢？如果客户总共只有 600 位呢（在总体一栏里填上）？如果上一轮的结果是 80% 而不是 50% 呢？再用最后一个滑块看看：两轮这样规模的调查，有多大把握发现 5 个百分点的真实变化？

# %% tags=["nbval-ignore-output"]
cl.widgets.sample_size_explorer()

# %% [markdown]
# Quadrupling the sample only halves the margin. NPS needs more answers than a percentage,
# because it is a difference of two percentages: `cl.survey.sample_size_nps` gives the number.
# And the formula covers *sampling* error only: a 10% response rate can bias the result far more
# than any margin of error, so report response rates too.

# %% [markdown] tags=["zh-CN"]
# 样本量翻两番，误差范围只减半。净推荐值比单个百分比需要更多答卷，因为它是两个百分比之差：所需答卷数用 `cl.survey.sample_size_nps` 计算。而且公式只管*抽样*误差：10% 的回复率给结果带来的偏差，可能远远超过任何误差范围，所以回复率也要一并报告。

# %%
cl.survey.response_rates(invited=5000, started=900, completed=640)

# %% [markdown]
# *Worked example.* The margin of error by the formula, for a percentage near 50 % measured on
# 1,000 answers: 1.96 × √(0.5 × 0.5 / 1,000), times 100 for percentage points.

# %% [markdown] tags=["zh-CN"]
# *示例。* 用公式计算误差范围：一个接近 50% 的百分比，在 1000 份答卷上测得，误差范围是 1.96 × √(0.5 × 0.5 / 1000)，再乘以 100 换算成百分点。

# %%
100 * 1.96 * math.sqrt(0.5 * 0.5 / 1000)

# %% [markdown]
# **Exercise 02.margin_of_error.** What is the 95% margin of error, in percentage points, of a
# percentage near 50% measured on 400 answers?

# %% [markdown] tags=["zh-CN"]
# **练习 02.margin_of_error。** 在 400 份答卷上测得一个接近 50% 的百分比，它在 95% 置信水平下的误差范围是多少个百分点？
#
# 做法：把空白处 `___` 填好，删掉下一行代码前面的 `# `，再运行。

# %%
answer = None  # a number of percentage points
# Fill in the blank (___), then delete the "# " in front of the next line and run the cell:
# answer = 100 * 1.96 * math.sqrt(0.5 * 0.5 / ___)

# %% tags=["solution"]
answer = 100 * 1.96 * math.sqrt(0.5 * 0.5 / 400)

# %%
cl.check("02.margin_of_error", answer)

# %% [markdown]
# *Worked example.* Solving the formula for *n*: the answers needed for a margin of ±5 points
# (0.05) with *p* = 0.5 are 1.96² × 0.5 × 0.5 / 0.05², rounded up (`math.ceil`), the 385 that
# `cl.survey.sample_size(0.05)` gave above.

# %% [markdown] tags=["zh-CN"]
# *示例。* 把公式反过来解出 *n*：*p* = 0.5、误差范围 ±5 个百分点（0.05）时，需要的答卷数是 1.96² × 0.5 × 0.5 / 0.05²，向上取整（`math.ceil`），就是上面 `cl.survey.sample_size(0.05)` 给出的 385 份。

# %%
math.ceil(1.96**2 * 0.5 * 0.5 / 0.05**2)

# %% [markdown]
# **Exercise 02.sample_size.** How many completed answers does a survey need for a margin of
# ±3 percentage points at 95% confidence, with *p* = 0.5 and a large population?

# %% [markdown] tags=["zh-CN"]
# **练习 02.sample_size。** *p* = 0.5、总体很大时，要在 95% 置信水平下把误差范围控制在 ±3 个百分点，一次调查需要多少份完整答卷？
#
# 做法：把空白处 `___` 填好，删掉下一行代码前面的 `# `，再运行。

# %%
answer = None  # a whole number of answers
# Fill in the blank (___), then delete the "# " in front of the next line and run the cell:
# answer = math.ceil(1.96**2 * 0.5 * 0.5 / ___**2)

# %% tags=["solution"]
answer = math.ceil(1.96**2 * 0.5 * 0.5 / 0.03**2)

# %%
cl.check("02.sample_size", answer)

# %% [markdown]
# A real survey plan starts from a situation, not from a formula, and the completed answers are
# not the invitations: only some of those invited answer. *Worked example:* a car dealer with
# 600 customers wants its share of satisfied customers within ±5 points; it has no earlier
# result, so it plans on the safe *p* = 0.5; and in its last survey one invited customer in
# four completed the questionnaire.

# %% [markdown] tags=["zh-CN"]
# 真正的抽样计划从实际情况出发，而不是从公式出发；而且完整答卷数不等于邀请数：被邀请的人里只有一部分会作答。*示例：* 一家有 600 位客户的汽车经销商，想把满意客户占比的误差控制在 ±5 个百分点以内；它没有以前的结果可参考，所以按最稳妥的 *p* = 0.5 来计划；上次调查中，每四位被邀请的客户有一位填完了问卷。

# %%
completed = cl.survey.sample_size(0.05, p=0.5, population=600)  # answers needed
invitations = math.ceil(completed / 0.25)  # one invited customer in four answers
{cl.label("course.02.completed_needed"): completed, cl.label("course.02.to_invite"): invitations}

# %% [markdown]
# **Exercise 02.sample_plan.** A 120-room hotel had about 2,000 guests last quarter and expects
# as many this quarter; it will survey this quarter's guests by e-mail. The manager wants the
# share of satisfied guests to within ±4 percentage points at 95 % confidence. Last year's
# survey found 80 % of guests satisfied, and the manager wants to plan on that figure. In the
# hotel's past e-mail surveys, one invited guest in five completed the questionnaire. How many
# guests must the hotel invite? Give a whole number.

# %% [markdown] tags=["zh-CN"]
# **练习 02.sample_plan。** 一家有 120 间客房的酒店，上季度接待了约 2000 位客人，预计本季度也差不多；酒店准备通过电子邮件调查本季度的客人。经理希望满意客人占比的误差在 95% 置信水平下不超过 ±4 个百分点。去年的调查显示 80% 的客人满意，经理想按这个数来做计划。酒店以往的电子邮件调查中，每五位被邀请的客人有一位填完问卷。酒店需要邀请多少位客人？用整数作答。
#
# 做法：根据题目里的情况填好空白处 `___`，删掉两行代码前面的 `# `，再运行。

# %%
answer = None  # a whole number of invitations
# Fill in the blanks (___) from the story, then delete the "# " in front of the two lines:
# completed = cl.survey.sample_size(___, p=___, population=___)
# answer = math.ceil(completed / ___)

# %% tags=["solution"]
completed = cl.survey.sample_size(0.04, p=0.8, population=2000)
answer = math.ceil(completed / 0.2)

# %% [markdown] tags=["solution"]
# **Trainer note, 02.sample_plan.** Model answer: 1,615 invitations. The story holds three
# decisions: the margin is 0.04; the planning value is last year's 0.8 (not 0.5), which needs
# fewer answers; the population of 2,000 guests is small enough for the finite-population
# correction to matter: 384.1 / (1 + 383.1 / 2,000) ≈ 322.4, rounded up to 323 completed
# answers; and at one in five, 323 × 5 = 1,615 invitations. Common slips and what they give:
# *p* = 0.5 → 462 answers and 2,310 invitations (safe, but more than the hotel needs if the
# share is still near 80 %); no correction → 385 answers and 1,925 invitations; forgetting the
# response rate → 323 (the hotel would end up with about 65 answers). Then ask the group: 1,615
# invitations means writing to four guests in five. Who are the guests who never answer, and
# could the 20 % who do be the most pleased or the most annoyed? The margin of ±4 points says
# nothing about that bias.

# %% [markdown] tags=["solution", "zh-CN"]
# **讲师备注 02.sample_plan。** 参考答案：1615 份邀请。题目里藏着三个决定：误差范围是 0.04；计划用的比例取去年的 0.8（而不是 0.5），需要的答卷更少；2000 位客人的总体小到足以让有限总体校正起作用：384.1 / (1 + 383.1 / 2000) ≈ 322.4，向上取整为 323 份完整答卷；再按五人中一人作答，323 × 5 = 1615 份邀请。常见失误及其结果：取 *p* = 0.5 → 462 份答卷、2310 份邀请（稳妥，但如果满意比例仍在 80% 左右，就超出了酒店的需要）；不做校正 → 385 份答卷、1925 份邀请；忘了回复率 → 323（酒店最后只能收回约 65 份答卷）。然后问大家：1615 份邀请，意味着每五位客人要给其中四位发邮件。从不回复的是哪些客人？作答的那 20% 会不会正好是最满意或最恼火的人？±4 个百分点的误差范围对这种偏差只字未提。

# %%
cl.check("02.sample_plan", answer)

# %% [markdown]
# **Weighting a sample to known margins.** A sample can be unbalanced even when it is large
# enough: young customers answer online surveys more readily, some districts are easier to
# reach. When the true shares of a few groups are known (from the customer database or a
# census), each answer can be **weighted** so that the sample matches them. Raking adjusts the
# weights one variable at a time until every margin fits; trimming keeps any weight between 0.3
# and 3 times the mean, so that no single answer counts too much. The example is a 问卷星 (wjx)
# export of 300 answers, with gender (Q1), age group (Q2) and district (Q3):

# %% [markdown] tags=["zh-CN"]
# **按已知结构给样本加权。** 样本量够了，结构也可能失衡：年轻客户更愿意填网上问卷，有些城区的客户更容易联系上。如果知道几个群体在全体客户中的真实占比（来自客户数据库或人口普查），就可以给每份答卷一个**权重**，让样本的结构和它们一致。迭代加权（raking）每次调整一个变量的权重，直到每个变量的占比都对上为止；截尾把每个权重限制在平均权重的 0.3 到 3 倍之间，免得某一份答卷分量太重。下面的例子是一份问卷星导出的文件，共 300 份答卷，题目里有性别（Q1）、年龄段（Q2）和所在地区（Q3）：

# %%
frame, book = cl.survey.read_wjx(cl.datasets.example_file("wjx_service_survey_text.xlsx"))
targets = {"Q1": {"男": 0.49, "女": 0.51}, "Q2": {"18-29岁": 0.30, "30-49岁": 0.40, "50岁及以上": 0.30},
           "Q3": {"北区": 0.25, "东区": 0.35, "南区": 0.25, "西区": 0.15}}
raked = cl.survey.rake(frame, targets, trim=(0.3, 3.0))
raked

# %%
labelled(raked.margins.reset_index(level="category")[["category", "n", "sample", "target", "achieved"]],
         {"n": "count", "sample": "share", "target": "share", "achieved": "share"})

# %% [markdown]
# The sample has 55 % under 30 where the customers have 30 %, and only 15 % aged 50 and over
# where they have 30 %. After raking, every margin matches its target. The price is precision:
# unequal weights make 300 weighted answers worth about as much as 221 unweighted ones, the
# **effective sample size** (Kish's *n*<sub>eff</sub>); their ratio, 1.36, is the **design
# effect** of weighting, by which the variance of an estimate grows.

# %% [markdown] tags=["zh-CN"]
# 样本里 30 岁以下的占 55%，而全体客户里只占 30%；50 岁及以上的在样本里只占 15%，在客户里却占 30%。迭代加权之后，每个变量的占比都和目标一致。代价是精度：权重有大有小，300 份加权答卷的信息量只相当于约 221 份不加权的答卷，这就是**有效样本量**（Kish 的 *n*<sub>eff</sub>）；两者之比 1.36 是加权的**设计效应**，估计值的方差要按这个倍数放大。

# %%
cl.metrics.csat(frame["Q4"])

# %%
cl.metrics.csat(frame["Q4"], weights=raked.weights)

# %% [markdown]
# Weighted, CSAT falls from 54.0 % to 41.3 %: the young customers, over-represented in the
# sample, were the more satisfied ones. The interval is computed with the effective sample size,
# so it is wider (about 12.8 points instead of 11.3): weighting removes a known imbalance but
# cannot add information. It corrects only for the variables weighted on; customers who never
# answer may still differ in ways no margin shows.

# %% [markdown] tags=["zh-CN"]
# 加权以后，客户满意度得分从 54.0% 降到 41.3%：在样本里占比过高的年轻客户恰好更满意。置信区间按有效样本量计算，所以变宽了（约 12.8 个百分点，不加权时是 11.3 个百分点）：加权能纠正已知的结构失衡，却不能凭空增加信息。它也只能纠正参与加权的那几个变量；从不作答的客户，仍可能在任何结构数字都看不出来的方面与作答者不同。

# %% [markdown]
# ## Importing real exports (Qualtrics, SPSS, GBK CSV)
# *(10 min)*
#
# Real data arrives as survey-tool exports. Each reader returns the table and a **codebook**
# (question text, scale, value labels, missing codes). The course ships wave 4 of the tracking
# survey (639 responses) exactly as two tools deliver it; with your own file you pass its path
# instead of `cl.datasets.example_file(...)`.

# %% [markdown] tags=["zh-CN"]
# ## 读入真实的导出文件（Qualtrics、SPSS、GBK 编码的 CSV）
# *（10 分钟）*
#
# 真实的数据都是从调查工具里导出来的。每个读取函数都返回数据表和一份**编码手册**（题目文字、量表、取值标签、缺失值编码）。本课程附带了追踪调查第 4 轮（639 份答卷）的两种导出文件，和两个工具交付时一模一样；用你自己的文件时，把 `cl.datasets.example_file(...)` 换成文件路径就行。

# %%
cl.datasets.example_files()

# %% [markdown]
# **Qualtrics** puts three header rows on top: column names (`Q1`, `Q4_1`, ...), question texts
# and import tags. `cl.survey.read_qualtrics` keeps the question text and tag in the codebook,
# so a column called `Q4_4` can still be read as the question it was.

# %% [markdown] tags=["zh-CN"]
# **Qualtrics** 的导出文件顶上有三行表头：列名（`Q1`、`Q4_1`……）、题目文字和导入标记。`cl.survey.read_qualtrics` 把题目文字和导入标记保存在编码手册里，所以即使一列叫 `Q4_4`，也查得到它原来是哪道题。

# %%
qualtrics_file = cl.datasets.example_file("csat_tracker_wave4_qualtrics.csv")
export, export_book = cl.survey.read_qualtrics(qualtrics_file)
print(cl.label("course.02.file_shape", name=qualtrics_file.name, rows=export.shape[0], columns=export.shape[1]))
labelled(export_book.loc[["ResponseId", "Duration (in seconds)", "Q1", "Q2", "Q3", "Q4_1", "Q4_4"],
                         ["question", "import_id"]])

# %% [markdown]
# The export also holds what the tool records by itself: start and end times, IP address,
# location, and, when the survey was sent to a contact list, names, e-mails and phone numbers
# (fake ones here). Keep only the columns the analysis needs before a file leaves the team
# (notebook 05, customer data and privacy).
#
# **A CSV saved by Chinese Excel** is usually encoded in GBK, not UTF-8; opened naively the
# Chinese headers turn into mojibake, as the first bytes of the shipped file show when decoded
# as UTF-8. `cl.survey.read_csv` detects the encoding and says which one it used.

# %% [markdown] tags=["zh-CN"]
# 导出文件里还有调查工具自己记录下来的内容：开始和结束时间、网络地址、所在位置；如果问卷是按联系人名单发出的，还有姓名、电子邮箱和电话号码（这里都是虚构的）。文件交出团队之前，只保留分析要用的列（见第 05 节，客户数据与隐私）。
#
# **中文版 Excel 存的 CSV 文件**通常是 GBK 编码，而不是 UTF-8；直接打开，中文表头就会变成乱码。把附带文件的开头几个字节当作 UTF-8 解码，就能看到这种情况。`cl.survey.read_csv` 会自动识别编码，并告诉你用的是哪一种。

# %%
gbk_file = cl.datasets.example_file("csat_tracker_wave4_gbk.csv")
print(cl.label("course.02.read_as_utf8"), gbk_file.read_bytes()[:30].decode("utf-8", errors="replace"))
gbk = cl.survey.read_csv(gbk_file)
print(cl.label("course.02.detected_encoding"), gbk.encoding)  # the detected encoding
gbk_export, gbk_book = gbk
cl.i18n.format_table(gbk_export.head(3))

# %% [markdown]
# **SPSS** `.sav` files carry value labels and user-missing codes (such as 9 = "no answer").
# The reader keeps the labels and turns missing codes into real missing values, counting them.

# %% [markdown] tags=["zh-CN"]
# **SPSS** 的 `.sav` 文件带有取值标签和用户定义的缺失值编码（比如 9 = “未作答”）。读取函数保留这些标签，把缺失值编码变成真正的缺失值，并统计有多少个。

# %%
import pathlib
import tempfile

import pyreadstat

with tempfile.TemporaryDirectory() as folder:
    sav = pathlib.Path(folder) / "survey.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"q1": [5.0, 4.0, 9.0, 2.0]}),
        str(sav),
        variable_value_labels={"q1": {code: cl.label(f"course.02.spss_label.{code:.0f}")
                                      for code in [1.0, 2.0, 3.0, 4.0, 5.0, 9.0]}},
        missing_ranges={"q1": [9.0]},
    )
    frame, book = cl.survey.read_spss(sav)
labelled(frame.assign(n_missing_codes=int(book.loc["q1", "n_missing_codes"])))

# %% [markdown]
# SurveyMonkey (`read_surveymonkey`) and Excel (`read_excel`) work the same way.

# %% [markdown] tags=["zh-CN"]
# SurveyMonkey 的导出文件（`read_surveymonkey`）和 Excel 文件（`read_excel`）读法也一样。

# %% [markdown]
# ## Cleaning with a report
# *(10 min)*
#
# Exports arrive as the panel vendor delivered them: duplicated submissions, "speeders" who
# clicked through in seconds, "straight-liners" who gave the same answer to every item, and
# invalid codes (0, 6, 9, 99 on a 1–5 question). `cl.survey.clean` removes or repairs them and
# reports every change with its reason, so that the counts add up and nothing disappears
# silently. Here is the Qualtrics export: overall satisfaction `Q1`, recommendation `Q2`,
# effort `Q3`, and the six service items `Q4_1`–`Q4_6`.

# %% [markdown] tags=["zh-CN"]
# ## 带报告的数据清洗
# *（10 分钟）*
#
# 导出文件到手时，就是样本供应商交来时的样子：有重复提交的答卷；有几秒钟就点完的“答题过快者”；有每道题都给同一个答案的“直线作答者”；还有无效编码（1–5 分的题里出现 0、6、9、99）。`cl.survey.clean` 删除或修正这些问题，并把每一处改动连同原因写进报告，这样数目对得上，没有哪份答卷会悄悄消失。下面是 Qualtrics 导出文件：总体满意度 `Q1`、推荐意愿 `Q2`、费力度 `Q3`，以及六个服务题项 `Q4_1`–`Q4_6`。

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

# %% [markdown] tags=["zh-CN"]
# 同一轮数据在 GBK 文件里用的是中文列名；告诉 `clean` 哪一列是哪一列，它找出的问题完全相同。清洗看的是答案本身，与文件格式无关，报告就是证明。

# %%
gbk_clean, gbk_report = cl.survey.clean(
    gbk_export,
    scales={"总体满意度": "satisfaction5", "推荐意愿(0-10)": "nps11", "费力度(1-7)": "effort7"},
    id="答卷编号", duration="答题时长(秒)",
    straightline=[f"题{i}" for i in range(1, 7)],
)
labelled(pd.DataFrame({"qualtrics_export": export_report.by_reason, "gbk_export": gbk_report.by_reason})
         .rename(index=lambda reason: cl.label(f"clean.reason.{reason}")))

# %% [markdown]
# *Worked example.* Before any cleaning, the share of the GBK export's overall-satisfaction
# answers (`总体满意度`) on the 1–5 scale that are 1 or 2 (dissatisfied), in percent:

# %% [markdown] tags=["zh-CN"]
# *示例。* 清洗之前，GBK 导出文件的总体满意度回答（`总体满意度`）中，在 1–5 量表上的回答有百分之多少是 1 或 2（不满意）：

# %%
raw_codes = gbk_export["总体满意度"]
raw_valid = raw_codes[raw_codes.between(1, 5)]  # leave out the codes that are not on the scale
share_1_2 = 100 * raw_valid.isin([1, 2]).mean()
print(cl.label("course.02.share_1_2", share=cl.i18n.format_number(share_1_2, "percent")))

# %% [markdown]
# **Exercise 02.export_csat.** Before any cleaning, what percentage of the GBK export's
# overall-satisfaction answers (`总体满意度`) on the 1–5 scale are 4 or 5? Leave out the codes
# that are not on the scale. Give a percentage (e.g. 55.2).

# %% [markdown] tags=["zh-CN"]
# **练习 02.export_csat。** 清洗之前，GBK 导出文件的总体满意度回答（`总体满意度`）中，在 1–5 量表上的回答有百分之多少是 4 或 5？不在量表上的编码不算。用百分数作答（例如 55.2）。
#
# 做法：把空白处 `___` 填好，删掉下一行代码前面的 `# `，再运行。

# %%
answer = None  # a percentage
# Fill in the blanks (___), then delete the "# " in front of the next line and run the cell:
# answer = 100 * raw_valid.isin([___, ___]).mean()

# %% tags=["solution"]
answer = 100 * raw_valid.isin([4, 5]).mean()

# %%
cl.check("02.export_csat", answer)

# %% [markdown]
# Now compare with the cleaned file. Cleaning moved the headline by about one and a half
# points, because the removed responses were not a random slice: only about half of them said
# 4 or 5, against about three quarters of those kept. Report the cleaned figure with its
# interval, and say in the report what was removed and why.

# %% [markdown] tags=["zh-CN"]
# 现在和清洗后的文件比一比。清洗让这个核心数字变动了约一个半百分点，因为被删掉的答卷并不是随机的一部分：其中只有大约一半回答 4 或 5，而保留下来的答卷约有四分之三回答 4 或 5。报告清洗后的数字和它的置信区间，并在报告里说明删掉了什么、为什么删。

# %%
cl.metrics.csat(export_clean["Q1"])

# %% [markdown]
# Chinese reports more often give the **satisfaction rate (满意率)**, the share answering 3, 4
# or 5. The handouts divide customers' feelings into five levels, 很满意、满意、基本满意、不满意、
# 很不满意 (very satisfied, satisfied, basically satisfied, dissatisfied, very dissatisfied), and
# the satisfaction rate counts the middle one, 基本满意, as satisfied; CSAT counts levels 4 and 5
# only. On the same cleaned answers the two differ by about 14 points, because one answer in
# seven is a 3. `cl.metrics.satisfaction_rate` computes it beside `cl.metrics.csat`. Neither is
# wrong, but a report must say which one it gives (the template's "整体满意度为___%" does not
# say), and the two must never be compared with each other, for example this year's
# satisfaction rate with last year's CSAT.

# %% [markdown] tags=["zh-CN"]
# 国内的报告更常给出**满意率**，也就是回答 3、4、5 分的比例。讲义把客户的感受分为很满意、满意、基本满意、不满意、很不满意五种，满意率把中间的“基本满意”也算作满意；满意度得分只算 4、5 两级。在同一批清洗后的答卷上，两者相差约 14 个百分点，因为大约七个回答里就有一个是 3 分。`cl.metrics.satisfaction_rate` 和 `cl.metrics.csat` 可以并排计算。两种口径都不算错，但报告必须写明给的是哪一种（模板里的“整体满意度为___%”就没有说明），两者也绝不能互相比较，例如拿今年的满意率去比去年的满意度得分。

# %%
rates = {
    cl.label("metrics.csat"): cl.metrics.csat(export_clean["Q1"]),
    cl.label("metrics.satisfaction_rate"): cl.metrics.satisfaction_rate(export_clean["Q1"]),
}
pd.DataFrame(
    {
        cl.label("course.02.levels_counted"): [f"{min(r.box)}–{max(r.box)}" for r in rates.values()],
        cl.label("course.02.percent_of_answers"): [cl.i18n.format_number(r.estimate, "share") for r in rates.values()],
        cl.label("course.02.ci95"): [cl.i18n.format_interval(r.ci, "share") for r in rates.values()],
    },
    index=list(rates),
)

# %% [markdown]
# For reliability and for the trend over time, the rest of this notebook cleans all four waves
# of the tracker (`cl.datasets.load("csat_tracker")`, the same survey with its own column
# names) in the same way.

# %% [markdown] tags=["zh-CN"]
# 为了检验信度、看随时间的变化趋势，本节其余部分用同样的方法清洗追踪调查的全部四轮数据（`cl.datasets.load("csat_tracker")`，同一个调查，列名是它自己的）。

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

# %% [markdown] tags=["zh-CN"]
# 把这份报告当作审计记录来读：输入行数 − 删除行数 = 保留行数，每一份被删掉的答卷都恰好有一个原因。无效编码被设为缺失值，而不是把整份答卷删掉，因为这位受访者的其他回答仍然有效。

# %% [markdown]
# ## Reliability: does the scale measure one thing?
# *(5 min)*
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

# %% [markdown] tags=["zh-CN"]
# ## 信度：量表测的是不是同一件事？
# *（5 分钟）*
#
# 六个服务题项本来要测的是同一个概念：服务质量。**克朗巴赫α系数**（Cronbach，1951）衡量它们测得有多一致：
#
# $$\alpha = \frac{k}{k-1}\left(1 - \frac{\sum_i s_i^2}{s_{\text{total}}^2}\right)$$
#
# 其中 *k* 是题项数，$s_i^2$ 是各题项的方差，分母是总分的方差。做群体之间的比较时，大约 0.8 以上就算好。其中一题 `q4`（“我不得不多次重复自己的信息”）是反向表述的，必须先**反向计分**（6 − 回答）；否则它会拉低α系数，意思也和其他各题正好相反。

# %%
scored = clean[items].apply(lambda column: pd.to_numeric(column.astype("object")))
scored["q4"] = 6 - scored["q4"]
cl.survey.cronbach_alpha(scored, items=items)

# %%
labelled(cl.survey.item_analysis(scored, items=items),
         {"n": "count", "mean": "score", "sd": "score", "item_total_r": "coef", "alpha_if_deleted": "coef"})

# %%
cl.plots.likert_bars(clean, items=items)
plt.show()

# %% [markdown]
# The item–total correlation (`item_total_r` in the table `cl.survey.item_analysis` returns) is
# each item's correlation with the sum of the others; alpha if the item is deleted
# (`alpha_if_deleted`) shows whether dropping the item would help. Here every item belongs.

# %% [markdown] tags=["zh-CN"]
# 题项与总分的相关（`cl.survey.item_analysis` 返回的表里叫 `item_total_r`）是每个题项与其余题项之和的相关系数；删除该题后的α系数（`alpha_if_deleted`）显示去掉这一题后α系数会不会提高。这里每一题都应保留。

# %% [markdown]
# The class survey's four course items (useful, pace, exercises, trainer) give a very different
# picture:

# %% [markdown] tags=["zh-CN"]
# 课堂调查里那四道课程题目（是否有用、进度、练习、培训师）的情况就大不一样：

# %%
cl.survey.cronbach_alpha(answers[["useful", "pace", "exercises", "trainer"]])

# %% [markdown]
# An alpha of 0.40, with an interval from below zero to about 0.74. Two reasons, worth
# discussing in class: with 20 answers alpha is very imprecise; and the four items need not
# measure one thing, since a course can be useful yet too fast, or well taught with weak
# exercises. Report such items one by one rather than adding them up into a score.

# %% [markdown] tags=["zh-CN"]
# α系数只有 0.40，置信区间从零以下一直到约 0.74。原因有两个，值得在课上讨论：只有 20 份答卷，α系数本身就很不精确；而且这四道题未必测的是同一件事，一门课可能很有用但进度太快，也可能讲得很清楚而练习偏弱。这样的题目应当逐题报告，不要加总成一个得分。

# %% [markdown]
# ## Tracking over time
# *(5 min)*
#
# A service-improvement programme started after wave 2. Compare the weighted CSAT of each wave
# with wave 1; the weights correct the vendor's over-sampling of business customers.

# %% [markdown] tags=["zh-CN"]
# ## 随时间追踪
# *（5 分钟）*
#
# 第 2 轮之后启动了一项服务改进计划。把每一轮的加权满意度得分和第 1 轮比较；权重用来纠正样本供应商对企业客户的过度抽样。

# %%
by_wave = cl.metrics.compare_groups(clean, score="csat", group="wave", metric="csat", weights="weight")
by_wave

# %%
by_wave.plot()
plt.show()

# %% [markdown]
# Is a change in NPS between two waves real? The explorer compares two waves given as counts
# of promoters, passives and detractors, with the interval of the difference.

# %% [markdown] tags=["zh-CN"]
# 两轮之间净推荐值的变化是真的吗？这个小工具按推荐者、中立者和贬损者的人数比较两轮调查，并给出差值的置信区间。

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_difference_explorer()

# %% [markdown]
# ## What comments add to scores
# *(10 min)*
#
# A score says how satisfied a customer is; a comment says why. Most questionnaires end with an
# open question, and the tracker asks one right after the overall score: "What is the main
# reason for your score?" The vendor delivered every answer in English and in Chinese
# (`comment_en`, `comment_zh`). These comments are simulated from a stated truth: each one was
# generated from a theme and a sentiment that depend on the customer's answers (the data card
# gives the weights; for example, a low answer to "resolved on the first contact" makes a
# complaint about problem resolution likelier), and the file keeps that truth in
# `comment_theme` and `comment_sentiment`. A real file has no such columns. Here they let us
# grade our own reading, and then the machine's.
#
# **Code by hand first.** Take a sample of about twenty answers, read each one, and give it one
# theme from a short, fixed list (a codebook). Hand coding comes first because it is how you
# find the themes that matter in your own business, and because it is the only way to tell
# later whether a program's output makes sense. The course uses six themes:
#
# | code | theme | covers |
# |---|---|---|
# | `wait` | Waiting time and speed (等待时间) | queues, time on hold, slow replies, repair and delivery speed |
# | `attitude` | Staff attitude (服务态度) | politeness, friendliness, patience, rudeness |
# | `resolution` | Problem resolution (问题解决) | solved or not, first-contact resolution, follow-up, repeat calls |
# | `price` | Price and billing (价格与收费) | price level, value for money, wrong bills, hidden fees, refunds |
# | `quality` | Product and facilities (产品与设施) | product faults, network quality, equipment, rooms |
# | `process` | Process and channels (流程与渠道) | app and website, phone menu, forms, transfers between departments |

# %% [markdown] tags=["zh-CN"]
# ## 开放式意见能补充什么
# *（10 分钟）*
#
# 分数告诉我们客户有多满意，意见告诉我们为什么。大多数问卷最后都有一道开放题；跟踪调查在总体满意度题之后紧接着问：“您打这个分数的主要原因是什么？”调查公司把每一条回答都按中英文两种文本交了过来（`comment_en`、`comment_zh`）。这些意见是按事先定好的真实情况模拟出来的：每一条都由一个主题和一种情感倾向生成，而主题和情感又取决于这位客户的其他回答（数据说明卡里写明了权重，比如“第一次联系就解决了问题”这道题打分低的客户，更可能抱怨问题没解决）。文件把这些真实情况保存在 `comment_theme` 和 `comment_sentiment` 两列里。真实的文件不会有这两列；这里有了它们，我们就能给自己的判读打分，再给机器的判读打分。
#
# **先人工编码。** 抽二十条左右的回答，一条一条地读，从一份固定的短清单（编码表）里给每条定一个主题。之所以先人工编码，一是只有这样才能找出对自己的企业真正要紧的主题，二是以后要判断程序给出的结果有没有道理，也只能靠它。本课程用六个主题：
#
# | 代码 | 主题 | 包括 |
# |---|---|---|
# | `wait` | 等待时间 | 排队、电话等待、回复慢、维修和送货的速度 |
# | `attitude` | 服务态度 | 礼貌、热情、耐心、态度粗暴 |
# | `resolution` | 问题解决 | 问题解决了没有、第一次联系就解决、跟进、反复来电 |
# | `price` | 价格与收费 | 价格高低、值不值、账单出错、乱收费、退款 |
# | `quality` | 产品与设施 | 产品故障、网络质量、设备、客房 |
# | `process` | 流程与渠道 | 手机应用和网站、电话语音菜单、表格、在部门之间转来转去 |

# %%
reasons = cl.datasets.load("csat_tracker").drop_duplicates("response_id")
reasons = reasons[reasons["csat"].between(1, 5)]
text_column = "comment_zh" if cl.get_language() == "zh-CN" else "comment_en"
written = reasons[reasons[text_column].notna()]
by_hand = written.sample(20, random_state=23)
with pd.option_context("display.max_colwidth", None):  # show whole comments
    display(labelled(by_hand[["csat", text_column]].reset_index(drop=True)))

# %% [markdown]
# Code the twenty on paper, then compare your tally with the stated truth below. Where you
# disagree, read the comment again: does it praise one thing and complain about another? Is
# the praise meant? Some answers have no theme at all ("No comment").

# %% [markdown] tags=["zh-CN"]
# 先在纸上给这二十条编好码，再把你的统计和下面的真实情况对一对。有出入的地方，把那条意见再读一遍：它是不是夸了一件事、又抱怨了另一件事？那句夸奖是真心的吗？有些回答根本没有主题（比如“没有意见”）。

# %%
labelled(by_hand["comment_theme"].astype(object).fillna("no_theme").value_counts().rename_axis("theme").to_frame("comments"))

# %% [markdown]
# **Exercise 02.code_comments.** Code these five new comments with the codebook above. Answer
# with five codes in order, separated by commas (the Chinese theme names work too).
#
# 1. "I had to call three times before anyone fixed my broadband."
# 2. "Forty minutes on hold before a person answered."
# 3. "The clerk rolled her eyes when I asked a question."
# 4. "I am still paying for a service I cancelled in May."
# 5. "The app sends me round in circles and I cannot find where to change my address."

# %% [markdown] tags=["zh-CN"]
# **练习 02.code_comments。** 用上面的编码表给下面五条新的意见编码。按顺序写出五个主题代码，用逗号隔开（写中文的主题名称也可以）。
#
# 1. “打了三次电话，宽带才有人来修好。”
# 2. “电话等了四十分钟才有人接。”
# 3. “我一提问，营业员就翻白眼。”
# 4. “五月就退订的业务，到现在还在扣钱。”
# 5. “手机应用绕来绕去，找不到改地址的地方。”

# %%
answer = None  # five codes between quotes, e.g. "price, price, price, price, price"

# %% tags=["solution"]
answer = "resolution, wait, attitude, price, process"

# %% [markdown] tags=["solution"]
# **Trainer note, 02.code_comments.** Comment 1 is the one people argue about: three calls take
# time, but what the customer minds is that the first two did not fix anything, and the
# codebook puts repeat calls under resolution. Use the argument: a codebook needs a "covers"
# column, and two coders who disagree should settle it by changing that column, not by
# guessing. If a group codes the twenty sample comments in pairs, have them count how often
# the two agree before they talk.

# %% [markdown] tags=["solution", "zh-CN"]
# **讲师备注 02.code_comments。** 大家最容易争的是第 1 条：打三次电话确实花时间，但客户在意的是前两次什么也没解决，而编码表把反复来电归在“问题解决”下面。可以借这场争论讲一个道理：编码表必须有“包括”这一栏，两个人编得不一样时，要靠修改这一栏来统一，而不是各猜各的。如果让学员两人一组给那二十条样本编码，先让他们数一数两人一致的有几条，再讨论。

# %%
cl.check("02.code_comments", answer)

# %% [markdown]
# **Then the machine.** `cl.text` reads every comment the same way, in either language, offline.
# `sentiment` gives each comment a score from −1 (negative) to +1 (positive) and a label; the
# chart sets it against the satisfaction score. By default it uses a small model trained on a
# few thousand comments labelled by hand, which weighs words and word pairs together with a
# sentiment lexicon; `method="lexicon"` uses the lexicon and its rules alone (negation such as
# "not", degree words such as "very", contrast such as "but"), every step of which you can follow
# by hand.

# %% [markdown] tags=["zh-CN"]
# **再交给机器。** `cl.text` 用同一套方法读每一条意见，中英文都行，而且不用联网。`sentiment` 给每条意见打一个从 −1（负面）到 +1（正面）的情感分，再给一个类别；下图把它和满意度得分放在一起看。默认用的是一个小模型：它先用几千条人工标注过的意见训练过，判断时既看字词和词组，也参考情感词典的打分。换成 `method="lexicon"`，就只用情感词典和几条规则（“不”“没”这样的否定词，“很”“太”这样的程度词，“但是”“不过”这样的转折），每一步都能用手算出来。

# %%
mood = cl.text.sentiment(written[text_column])
mood_by_score = mood.table["score"].groupby(written["csat"]).mean()
labelled(mood_by_score.rename_axis("csat").to_frame("mean_sentiment"), {"mean_sentiment": "number:2"})

# %%
mood.plot(written["csat"])
plt.show()

# %% [markdown]
# `themes` finds groups of comments that use the same words (TF-IDF and non-negative matrix
# factorisation), and lists the top words of each. It does not know the codebook: naming the
# groups is your job, and the cross-table with the stated themes shows how well the groups
# match them.

# %% [markdown] tags=["zh-CN"]
# `themes` 把用词相近的意见归成几组（方法是词频-逆文档频率加非负矩阵分解），并列出每组最有代表性的词。它并不知道编码表：给每一组起名字是你的事。下面的交叉表把找出的分组和真实主题放在一起，看它们对得上多少。

# %%
found = cl.text.themes(written[text_column], k=6, seed=0)
top_terms = found.terms[found.terms["rank"] <= 5].pivot(index="rank", columns="theme", values="term")
labelled(top_terms.add_prefix("#").rename_axis(columns="found_theme"))

# %%
labelled(pd.crosstab(found.assignments.astype("Int64").rename("found_theme"), written["comment_theme"]))

# %% [markdown]
# `drivers_from_text` asks the question a manager cares about: which themes go with low scores?
# For each theme it gives the share of comments, the mean satisfaction of customers whose
# comment is about it and of the others, and the difference with a 95% confidence interval.

# %% [markdown] tags=["zh-CN"]
# `drivers_from_text` 回答管理者最关心的问题：哪些主题和低分连在一起？它对每个主题给出：谈到这个主题的意见占多少，谈到它的客户和其他客户的平均满意度各是多少，以及两者之差和 95% 置信区间。

# %%
text_drivers = cl.text.drivers_from_text(written, text=text_column, score="csat", k=6)
text_drivers

# %%
text_drivers.plot()
plt.show()

# %% [markdown]
# The machine's groups are named by their top words. Had every comment been coded by hand, the
# codes would go in instead (`theme=`); here the stated themes stand in for such codes:

# %% [markdown] tags=["zh-CN"]
# 机器找出的分组，是用组里最有代表性的几个词来命名的。如果每条意见都人工编过码，就可以把编码直接交给它（参数 `theme=`）；这里用设定的真实主题来代替人工编码：

# %%
coded = written.assign(coded_theme=written["comment_theme"].map(lambda t: cl.label(f"course.02.{t}"), na_action="ignore"))
cl.text.drivers_from_text(coded, text=text_column, score="csat", theme="coded_theme")

# %% [markdown]
# Read both tables with care. A theme holds praise and complaints alike: "problem resolution"
# covers "solved on the first try" as well as "still not solved", and in this survey most
# comments about staff and resolution are praise, so those themes even sit above the average.
# Which problems go with low scores is a question about theme and sentiment together: the mean
# satisfaction by theme (rows) and stated sentiment (columns).

# %% [markdown] tags=["zh-CN"]
# 读这两张表要小心。同一个主题里既有表扬也有抱怨：“问题解决”既包括“一次就解决了”，也包括“到现在还没解决”；在这次调查里，谈员工和问题解决的意见大多是表扬，所以这两个主题的平均分甚至高于整体。哪些问题和低分连在一起，要把主题和情感放在一起看：下表按主题（行）和设定的情感（列）列出平均满意度。

# %%
by_theme_and_tone = written.pivot_table(index="comment_theme", columns="comment_sentiment", values="csat",
                                        aggfunc="mean", observed=True).rename(columns=str)
labelled(by_theme_and_tone, dict.fromkeys(by_theme_and_tone.columns, "number:2"))

# %% [markdown]
# `keywords` lists the words that set one group apart from another. Here: detractors (0–6 on
# the recommendation question) against promoters (9–10).

# %% [markdown] tags=["zh-CN"]
# `keywords` 列出把一组和另一组区分开来的词。这里比较的是贬损者（推荐意愿 0–6 分）和推荐者（9–10 分）。

# %%
recommend = pd.to_numeric(written["nps"].astype("object"))
group = pd.Series(np.where(recommend <= 6, "detractor", np.where(recommend >= 9, "promoter", None)), index=written.index)
ends = group.notna()
distinctive = cl.text.keywords(written.loc[ends, text_column], by=group[ends], top=8)
labelled(distinctive.table.assign(group=distinctive.table["group"].map(lambda g: cl.label(f"course.02.{g}"))), {"score": "number:2"})

# %% [markdown]
# **What the machine gets wrong.** Compare its sentiment labels, from the model and from the
# lexicon alone, with the stated one:

# %% [markdown] tags=["zh-CN"]
# **机器会在哪里出错。** 把机器给的情感类别（模型判的、只用词典判的）和设定的真实情感比一比：

# %%
by_rules = cl.text.sentiment(written[text_column], method="lexicon")
compared = pd.DataFrame({"text": written[text_column], "machine_label": mood.table["label"],
                         "lexicon_label": by_rules.table["label"],
                         "stated": written["comment_sentiment"].astype(object)})
for column in ("machine_label", "lexicon_label"):
    wrong = float((compared[column] != compared["stated"]).mean())
    print(cl.label("course.02.misread_share", method=cl.label(f"course.02.{column}"),
                   share=cl.i18n.format_number(wrong, "share")))
misread = compared[(compared["machine_label"] != compared["stated"]) | (compared["lexicon_label"] != compared["stated"])]
with pd.option_context("display.max_colwidth", None):
    display(labelled(misread.head(6).map(lambda v: cl.label(f"course.02.{v}") if v in ("negative", "neutral", "positive") else v)
                     .reset_index(drop=True)))

# %% [markdown]
# These simulated comments are built from a small set of phrases, so the machine reads almost
# all of them right. Real comments are far more varied: on comments written by hand for
# testing, the model is right about five times in six and the lexicon alone about three times in
# four. The misreadings have causes a person spots at once. Sarcasm: "Great, only forty minutes waiting
# for the hotline" is full of praise words. Mixed comments: "The engineer was friendly, but my
# problem is still not solved" has one positive and one negative clause, and the machine weighs
# them by their words, not by what matters to the customer. So a person still reads a sample of
# comments every wave: to check the machine, to find new themes before a codebook knows them,
# and to quote real words in the report. The machine does the counting over thousands of
# comments; the person keeps it honest.

# %% [markdown] tags=["zh-CN"]
# 这些模拟意见是用为数不多的句式拼出来的，所以机器几乎都能判对。真实的意见五花八门：在专门手写来做测试的意见上，模型大约六条判对五条，只用词典大约四条判对三条。误判的原因，人一眼就能看出来。一是反话：“真不错，客服热线才等了一个多小时”里全是夸奖的字眼。二是褒贬混在一起的意见：“师傅很热情，但是我的问题到现在还没解决”，前半句正面、后半句负面，机器是按字词来算的，分不出哪一半才是客户真正在意的。所以每一轮调查都还要有人读一部分意见：核对机器的判读，在编码表还没收录之前发现新的主题，并在报告里引用客户的原话。成千上万条意见交给机器去数，由人来把关。

# %% [markdown]
# ## The survey summary report
# *(5 min)*
#
# Training materials give a report template with blanks to fill: the number of valid
# questionnaires, the number of interviews, overall satisfaction, product quality and service
# quality, then the findings split by pre-sale, in-sale and after-sale service. The first two
# blanks are two different counts. The valid questionnaires (有效问卷) are the online
# questionnaires collected through the website, social media and e-mail; the interviews
# (访谈, "共访谈了___位客户") are the customers spoken to by phone or face to face, a separate
# and usually much smaller group. A report that puts every response on the interview line tells
# its reader that thousands of customers were interviewed.
#
# Here is the tracking survey's version, filled from the cleaned data. The tracking file has no
# column saying how each answer was collected, its wave-4 exports come from an online survey
# tool, and nothing in it records an interview; so the interview line says "not applicable"
# rather than a number. A blank in a template is not an invitation to invent a count. The same
# holds for product quality: this survey has no product question. Notebook 07 fills the
# dealer's version with the pre/in/after-sale split.

# %% [markdown] tags=["zh-CN"]
# ## 满意度调查总结报告
# *（5 分钟）*
#
# 培训讲义给了一份带空白的报告模板，要填的是：有效问卷数、访谈人数、整体满意度、产品质量满意度和服务质量满意度，然后按售前、售中、售后服务分别写调查发现。前两个空是两个不同的数。有效问卷指通过企业官网、社交媒体平台和电子邮件等渠道收集的线上问卷；访谈（“共访谈了___位客户”）指通过电话或面对面交谈过的客户，这是另外一组人，通常少得多。把所有答卷都填在访谈那一行的报告，等于告诉读者访谈了几千位客户。
#
# 下面是追踪调查的版本，用清洗后的数据填写。追踪文件里没有哪一列说明每份答卷是怎么收集的，第 4 轮的导出文件来自在线调查工具，文件里也没有任何访谈记录；所以访谈那一行写“不适用”，而不是填一个数。模板上留了空，不等于可以编一个数填进去。产品质量也一样：这次调查没有问产品的题目。第 07 节会按售前、售中、售后填写经销商的版本。

# %%
service_quality = (scored[items] >= 4).mean(axis=1).mean()
summary = pd.Series(
    {
        cl.label("course.02.report.received"): cl.i18n.format_number(report.n_input, "count"),
        cl.label("course.02.report.valid"): cl.i18n.format_number(report.n_kept, "count"),
        cl.label("course.02.report.interviewed"): cl.label("course.02.report.no_interviews"),
        cl.label("course.02.report.overall"): cl.i18n.format_number(cl.metrics.csat(clean["csat"]).estimate, "share"),
        cl.label("course.02.report.product"): cl.label("course.02.report.no_product_question"),
        cl.label("course.02.report.service"): cl.i18n.format_number(service_quality, "share"),
        cl.label("metrics.nps"): cl.i18n.format_number(cl.metrics.nps(clean["nps"]).score, "score:1"),
    },
    name=cl.label("course.02.report.value"),
)
summary.to_frame()

# %% [markdown]
# A report should also say how the sample was drawn, the response rate, the confidence interval
# of each headline number, and what was removed in cleaning. Notebook 08 produces such a report
# on any file.

# %% [markdown] tags=["zh-CN"]
# 报告还应说明样本是怎样抽取的、回复率是多少、每个核心数字的置信区间，以及清洗时删掉了什么。第 08 节可以对任何文件生成这样一份报告。

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

# %% [markdown] tags=["zh-CN"]
# ## ISO 10004 的框架
# *（5 分钟）*
#
# ISO 10004 是关于客户满意监视和测量的质量管理指南。它在指导原则之后，把同一个循环组织成四个阶段：
#
# | ISO 10004 的阶段 | 要求什么 | 对应循环中的步骤 |
# |---|---|---|
# | 框架 | 对测量客户满意的承诺、范围和职责 | 1、9 |
# | 策划、设计和开发 | 测什么、向谁测、怎么测、用哪份问卷和哪种样本 | 1–3 |
# | 运行 | 收集、分析和通报数据；据此采取行动 | 3–6、8 |
# | 保持和改进 | 定期审视测量过程本身，并加以改进 | 7、10–12 |
#
# 和它配套的还有 ISO 10001（行为规范）、ISO 10002（投诉处理，见第 06 节）和 ISO 10003（外部争议解决）。

# %% [markdown]
# ## Summary
# *(5 min)*
#
# - Measurement is a twelve-step cycle; the steps after analysis are where it pays. Incentives
#   tied to a number invite gaming of the number (Campbell's law): reward audited improvement,
#   count complaints from several channels, and keep sampling out of staff hands.
# - Interviews, phone, online questionnaires and complaints differ in cost, speed, depth,
#   response and convenience; choose by resources and the customer's convenience, and mix
#   methods with care: the same customer answers a person more kindly than a form.
# - Good questions ask one thing, in customers' words, without leading or loaded wording, on a
#   balanced and labelled scale.
# - CSAT, top box, NPS and CES (CES 2.0: "the company made it easy…", 7 points) each answer a
#   different question; all need an interval.
# - The margin of error shrinks with the square root of *n*; plan the sample from the margin,
#   the expected share and the population, then the invitations from the response rate, which
#   matters as much as the margin.
# - Read exports with their codebooks, clean with a report, reverse-code negative items and
#   check reliability before you add items up.
# - A survey report states the valid questionnaires and the interviews as separate counts (or
#   says that there were none), the headline scores with intervals, and the findings.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（5 分钟）*
#
# - 满意度测评是一个十二步的循环；分析之后的那几步才让它见到回报。和某个数字挂钩的激励，会诱发对这个数字“做文章”（坎贝尔定律）：奖励经过核查的改进，从多个渠道统计投诉，抽样不经员工之手。
# - 定期面谈、电话调查、在线问卷和客户投诉反馈在成本、速度、深度、回应情况和便利程度上各不相同；按企业的资源和客户的便利性来选，混用时要小心：同一位客户对着人回答，比填表时更客气。
# - 好题只问一件事，用客户的话来说，没有诱导性或带倾向的措辞，配上平衡、每档都有标签的量表。
# - 满意度得分、高分框占比、净推荐值和客户费力度（2.0 版：“公司让我办事很容易”，7 级）各自回答不同的问题，都要附上置信区间；满意率把“基本满意”也算进去，报告时要写明口径。
# - 误差范围随 *n* 的平方根缩小；先根据误差范围、预期比例和总体规模定出样本量，再根据回复率定出邀请数，回复率和误差范围同样重要。
# - 读导出文件要配合编码手册，清洗要留报告，反向题先反向计分，把题项加总之前先检验信度。
# - 调查报告要把有效问卷数和访谈人数分开写（没有访谈就写明没有），给出核心得分及其置信区间，再写调查发现。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("02")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("02")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("02")

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
cl.exercises.glossary("02", keys=False)
