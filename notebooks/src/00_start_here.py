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
# # 00 · Start here: how this course works (课程导读)
#
# **Time:** about 15 minutes.
#
# **After this notebook you will be able to**
# 1. say which notebooks suit your role (trainer, self-study staff member, analyst);
# 2. run a cell, move a widget and check an exercise answer with `cl.check`;
# 3. switch every label, table and chart to Chinese with `cl.set_language("zh-CN")`;
# 4. open one of the course datasets, read its data card, and load a file of your own.

# %% [markdown] tags=["zh-CN"]
# # 00 · 课程导读：这门课怎么用
#
# **时长：** 约 15 分钟。
#
# **学完本笔记本，你能够**
# 1. 说出哪些笔记本适合你的角色（培训师、自学的员工、分析人员）；
# 2. 运行单元格，拖动交互控件，并用 `cl.check` 检查练习答案；
# 3. 用 `cl.set_language("zh-CN")` 把所有标签、表格和图表切换成中文，并知道中文版笔记本放在哪里；
# 4. 打开一个课程数据集，读懂它的数据说明卡，并读入你自己的文件。

# %% [markdown]
# ## Who this course is for
# *(2 min)*
#
# The course teaches customer satisfaction (客户满意), loyalty (客户忠诚) and churn (客户流失) as
# they are taught in customer-service training, and then shows how to measure them properly.
# Three kinds of reader use the same notebooks:
#
# | you are | you want | start with |
# |---|---|---|
# | a **trainer** running a class | a clear story to project, widgets for "what if" questions, exercises with solutions kept apart | this notebook, then `TRAINERS.md` (session plans, timings, discussion questions) and the trainer editions in `notebooks/trainer/` |
# | a **staff member** studying alone | short explanations, self-checks that tell right from wrong without giving the answer, a bilingual glossary | 01 → 06 → 07, then 04 |
# | an **analyst** preparing a study | correct statistics with confidence intervals, clear messages about messy data, charts for a report | 02 → 03 → 04 → 08, keeping 01 for the vocabulary |
#
# You need no programming experience to follow the story: every computation is one call to the
# `csat_lab` package, and the text says what it does and why.

# %% [markdown] tags=["zh-CN"]
# ## 这门课适合谁
# *（2 分钟）*
#
# 这门课先讲客户服务培训里常讲的客户满意、客户忠诚和客户流失，再教你怎样把它们测准、算对。三类读者用的是同一套笔记本：
#
# | 你是 | 你需要 | 从这里开始 |
# |---|---|---|
# | 带班上课的**培训师** | 一条能投影讲下去的清楚思路；能当场回答“如果……会怎样”的交互控件；参考答案另外存放的练习 | 先看本笔记本，再看培训师指南 `TRAINERS.zh-CN.md`（授课安排、各节用时、讨论题）和 `notebooks/zh-CN/trainer/` 里的培训师版 |
# | 自学的**一线员工** | 简短的讲解；能判断对错、又不直接给出答案的自我检查；中英对照的术语表 | 01 → 06 → 07，然后 04 |
# | 准备做调查研究的**分析人员** | 带置信区间的正确统计方法；数据有问题时说得清清楚楚的提示；能放进报告的图表 | 02 → 03 → 04 → 08，01 留着查术语 |
#
# 不会编程也能跟上：每一步计算都只是调用一次 `csat_lab` 工具包里的函数，文字会说明它做了什么、为什么这样做。

# %% [markdown]
# ## The map of the course
# *(2 min)*
#
# | notebook | what you learn | time |
# |---|---|---|
# | 00 Start here | how to use the notebooks, widgets, self-checks and language switch | 15 min |
# | 01 Satisfaction theory (客户满意理论) | who the customer is; expectation–disconfirmation; the five satisfaction levels; standards → expectations → satisfaction → loyalty; lifetime value; 80/20; Kano and SERVQUAL | 120 min |
# | 02 Survey design (满意度调查) | the twelve-step measurement cycle; indicators; good and bad questions; scales; sampling and margin of error; reliability; importing and cleaning real exports; the survey summary report | 120 min |
# | 03 Satisfaction and loyalty (满意与忠诚) | from scatter plot to OLS, logit and ordinal models; the non-linear link and loyalty zones; key drivers and importance–performance analysis; the ACSI/ECSI model; reading results responsibly | 120 min |
# | 04 Churn and retention (客户流失) | churn and retention formulas and their denominators; the four bases; cohorts; survival curves; lifetime value; retention economics; lost-customer types, churn factors, prevention and win-back | 120 min |
# | 05 Customer management (客户管理) | the 7P analysis; the classification path; RFM and value tiers; key accounts; the three stages; customer data privacy | 90 min |
# | 06 Complaint handling (客户抱怨管理) | principles; the eight-step process and eleven techniques; complaint KPIs and service recovery in data | 90 min |
# | 07 Case studies (案例) | the hotel carrot juice, Pearl's phone booth, the supermarket member programme, the convenience store, the dealer survey report, each with a data exercise | 90 min |
# | 08 Study template | an end-to-end study on your own file, with the steps parameterised | 60 min |
# | explorers | every widget of the course on one page (also served by `make app`) | — |
#
# Times include the exercises. A classroom day fits 01 + 06 (theory and complaints) or
# 02 + 03 (measurement); `TRAINERS.md` gives full session plans.

# %% [markdown] tags=["zh-CN"]
# ## 课程地图
# *（2 分钟）*
#
# | 笔记本 | 学什么 | 用时 |
# |---|---|---|
# | 00 课程导读 | 笔记本、交互控件、自我检查和语言切换怎么用 | 15 分钟 |
# | 01 客户满意理论 | 客户到底是谁；期望不一致；满意的五个等级；服务标准 → 客户期望 → 客户满意 → 客户忠诚；客户终身价值；80/20法则；卡诺模型与服务质量模型 | 120 分钟 |
# | 02 满意度调查 | 满意度测评的十二个步骤；测量指标；好题目与坏题目；量表；抽样与误差范围；信度；导入并清洗真实的调查导出文件；满意度调查总结报告 | 120 分钟 |
# | 03 满意与忠诚 | 从散点图到线性回归、逻辑回归和有序回归；满意与忠诚的非线性关系和三个忠诚区；关键驱动因素与重要性-绩效分析；美国和欧洲的客户满意度指数模型；负责任地解读结果 | 120 分钟 |
# | 04 客户流失与客户保持 | 客户流失率、客户保持率的公式和它们的分母；定量识别的四种基础；同期群；生存曲线；客户终身价值；客户保持的经济账；流失客户的类型、流失原因、预防与挽回 | 120 分钟 |
# | 05 客户管理 | 7P分析；客户分类的路径；RFM模型与客户价值等级；大客户；客户管理的三个阶段；客户数据隐私 | 90 分钟 |
# | 06 客户抱怨管理 | 处理原则；八步处理流程和十一个技巧；投诉指标与数据里的服务补救 | 90 分钟 |
# | 07 案例 | 酒店的胡萝卜汁、珍珠的电话亭、超市的会员制度、便利店、汽车经销商的调查报告，每个案例配一道数据练习 | 90 分钟 |
# | 08 研究模板 | 在你自己的文件上从头到尾做一次满意度研究，每一步都由参数控制 | 60 分钟 |
# | 交互控件总览 | 全课的交互控件集中在一页上（也可以用 `make app` 打开） | — |
#
# 用时都包括练习。一天的课可以排 01 + 06（理论和客户抱怨），也可以排 02 + 03（测量）；完整的授课安排见培训师指南。

# %% [markdown]
# ## Running the notebooks
# *(1 min)*
#
# Run a cell with **Shift + Enter**. Run the first code cell of a notebook before any other:
# it loads the package and fixes the random seed, so that every number you see matches the
# text (and matches your neighbour's screen in class).

# %% [markdown] tags=["zh-CN"]
# ## 运行笔记本
# *（1 分钟）*
#
# 同时按 **Shift + Enter** 运行一个单元格。打开任何一个笔记本，都要先运行第一个代码单元格：它载入工具包并固定随机种子，这样你看到的每个数字都和文字里写的一样（上课时也和邻座屏幕上的一样）。

# %%
# %matplotlib inline
import numpy as np
import pandas as pd

import csat_lab as cl

rng = np.random.default_rng(2024)
cl.set_language("en")

# %% [markdown]
# Every notebook begins with these lines. `cl` is the short name of the package; everything
# the course computes is a function you can also call on your own data.

# %% [markdown] tags=["zh-CN"]
# 每个笔记本都以这几行开头。`cl` 是工具包的简称；课程里算的每一样东西都是一个函数，你也可以拿它来算自己的数据。最后一行设定显示语言：中文版写的是 `cl.set_language("zh-CN")`，英文版写的是 `cl.set_language("en")`，除此之外两个版本的代码完全一样。

# %% [markdown]
# ## Exercises and self-checks
# *(3 min)*
#
# Exercises look like the cell below: you replace `None` with your answer and run the cell.
# `cl.check` then tells you whether the answer is right, or gives a hint. It never prints the
# answer itself, and it says exactly what it compared, so "correct" always means something was
# checked. Numeric answers are compared with a value recomputed from the exercise data, within
# a small tolerance; choice answers are compared with a fingerprint of the right letter;
# written answers (a rewritten survey question, a reply to a customer) are compared with a short
# list of points they must make. A correct answer also says in a sentence or two *why* it is
# right.
#
# Exercises come in three kinds: **recall** (the answer is in the text you just read),
# **compute** (a calculation) and **transfer** (a new situation, such as a business that is not
# in the course data). Compute exercises for readers who do not program show a worked example
# first and then give you a line to complete: replace each `___` with the right value, delete
# the `#` at the start of the line, and run the cell.
#
# **Exercise 00.scale_points.** The course's standard satisfaction question uses a verbal scale
# from "very dissatisfied" to "very satisfied". Its answer labels are shown below. How many
# answer points does it have? Count them, or practise the fill-in convention: in the answer
# cell, replace `___` with `values` (the scale's list of answer codes), delete the `#` at the
# start of that line, and run the cell.

# %% [markdown] tags=["zh-CN"]
# ## 练习与自我检查
# *（3 分钟）*
#
# 练习就像下面这几格：把 `None` 换成你的答案，然后运行。`cl.check` 会告诉你答得对不对，答错了就给一条提示。它从不把答案打印出来，而且会写明它核对了什么，所以“正确”背后一定真的检查过。数值答案和用练习数据重新算出的值比较，允许很小的误差；选择题的答案和正确选项字母的“指纹”比较；文字作答（比如改写一道调查题目、写一段给客户的回复）则看有没有讲到几个必须讲到的要点。答对以后，它还会用一两句话说明*为什么*对。
#
# 练习分三类：**回顾**（答案就在刚读过的文字里）、**计算**（要动手算）和**迁移应用**（换一个新情境，比如课程数据里没有的一家企业）。给不编程的读者准备的计算题，会先给一个算好的示例，再留一行让你补全：把每个 `___` 换成正确的值，删掉行首的 `#`，然后运行。
#
# **练习 00.scale_points。** 课程的标准满意度题目用的是文字量表，从“很不满意”到“很满意”，下面一格列出了它的选项标签。这个量表一共有几个选项？可以直接数，也可以顺便练一练补全的做法：在答题格里把 `___` 换成 `values`（量表的选项编码列表），删掉那一行开头的 `#`，再运行。

# %%
cl.scales.get("satisfaction5").labels()

# %%
answer = None  # replace None with your answer, or complete the next line
# answer = len(cl.scales.get("satisfaction5").___)

# %% tags=["solution"]
answer = len(cl.scales.get("satisfaction5").values)

# %%
cl.check("00.scale_points", answer)

# %% [markdown]
# If you run the check with `None` it tells you there is nothing to check yet; with text where
# a number is expected it says it could not check. Try a wrong number to see a hint.
# `cl.exercises.list_exercises()` lists every exercise of the course, and
# `cl.exercises.hint("04.churn_rate")` repeats a hint.

# %% [markdown] tags=["zh-CN"]
# 答案还是 `None` 就去检查，它会告诉你还没有可检查的答案；该填数字的地方填了文字，它会说无法检查。不妨故意填一个错的数字，看看提示是什么样子。`cl.exercises.list_exercises()` 列出全课的练习，`cl.exercises.hint("04.churn_rate")` 可以再看一遍某道题的提示。

# %%
cl.exercises.list_exercises("01")

# %% [markdown]
# **Quizzes.** Every notebook also has a short quiz of about ten questions, to take twice: before
# you start the notebook and again at its end, where `cl.quiz("NN")` shows the questions (never
# the answers). `q = cl.quiz("NN")`, then `q.check("question id", answer)` checks an answer the
# way `cl.check` does, and `q.compare(pre, post)` sets your two attempts side by side, so you
# see what you learned rather than a mark.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 每个笔记本还配有一份十道题左右的小测验，要做两遍：开始学之前做一遍，学完再做一遍。笔记本最后用 `cl.quiz("NN")` 列出题目（从不列出答案）。写 `q = cl.quiz("NN")`，再用 `q.check("题目编号", answer)` 检查答案，用法和 `cl.check` 一样；`q.compare(pre, post)` 把前后两次的结果并排列出，让你看到自己学会了什么，而不只是一个分数。

# %% [markdown] tags=["solution"]
# **For trainers.** Cells like this one appear only in the trainer editions. For every
# notebook, `cl.course.facilitation_notes("NN")` holds the timing, an opening question and the
# model answers for the discussion questions and role plays; `cl.course.facilitation_notes()`
# gives them for the whole course.

# %% [markdown] tags=["solution", "zh-CN"]
# **培训师请看。** 像这样的单元格只出现在培训师版里。每个笔记本的授课提示都可以用 `cl.course.facilitation_notes("NN")` 调出来：各环节用时、开场提问，以及讨论题和角色扮演的参考答案；不带参数调用 `cl.course.facilitation_notes()`，得到的是全课的提示。

# %% [markdown]
# ## Labels in Chinese (中文标签)
# *(1 min)*
#
# Every label the package shows (scale anchors, table headings, chart titles, widget captions)
# comes from one bilingual catalog. One call switches all of them; widgets already on screen
# re-label themselves.

# %% [markdown] tags=["zh-CN"]
# ## 中文标签与中文版笔记本
# *（1 分钟）*
#
# 工具包显示的每一个标签（量表选项、表头、图表标题、交互控件上的文字）都来自同一份中英双语标签库。调用一次函数就能把它们全部切换过去，屏幕上已经显示的交互控件也会自动换成新的语言。
#
# 在中文版里，下面两格显示的都是中文，因为中文版本来就是中文：第一格切换到中文；第二格是本笔记本的语言行，英文版里它切回英文，中文版里它就是 `cl.set_language("zh-CN")`。想亲眼看看切换的效果，可以把第一格里的 `"zh-CN"` 改成 `"en"` 再运行，标签就变成英文；然后运行第二格，又回到中文。

# %%
cl.set_language("zh-CN")
cl.scales.get("satisfaction5").labels()

# %%
cl.set_language("en")
cl.scales.get("satisfaction5").labels()

# %% [markdown]
# You can also ask for one label in a given language without switching:
# `cl.label("scale.satisfaction5.5", language="zh-CN")`.
#
# **The Chinese editions.** Every notebook also exists in Simplified Chinese, with Chinese
# text, exercises, hints and feedback: the learner editions are in `notebooks/zh-CN/`, the
# trainer editions in `notebooks/zh-CN/trainer/`, and they start with
# `cl.set_language("zh-CN")`. `make lab` opens them when your computer's language is Chinese;
# `COURSE_LANGUAGE=zh-CN make lab` opens them on any computer. The trainer guide in Chinese is
# `notebooks/TRAINERS.zh-CN.md`.

# %% [markdown] tags=["zh-CN"]
# 不切换整体语言，也可以单独取某个标签在某种语言下的文字：`cl.label("scale.satisfaction5.5", language="en")`。
#
# **怎样打开中文版。** 全课每个笔记本都有简体中文版，讲解、练习、提示和反馈都是中文：学员版在 `notebooks/zh-CN/` 文件夹，带参考答案的培训师版在 `notebooks/zh-CN/trainer/`，第一个代码单元格里已经写好了 `cl.set_language("zh-CN")`。电脑的系统语言是中文时，`make lab` 会直接打开中文版的课程导读；系统语言不是中文，就运行 `COURSE_LANGUAGE=zh-CN make lab`（反过来，`COURSE_LANGUAGE=en make lab` 打开英文版）。JupyterLab 启动以后，也可以在左边的文件浏览器里进入 `notebooks` 下的 `zh-CN` 文件夹，双击打开任意一本。培训师指南的中文版是 `notebooks/TRAINERS.zh-CN.md`，课程说明的中文版是 `README.zh-CN.md`。

# %% [markdown]
# ## The course datasets
# *(2 min)*
#
# The exercises use datasets shipped with the package, of two kinds:
#
# - **simulated** (`auto_dealer`, `hotel_guests`, `complaints_log`, `csat_tracker`,
#   `supermarket_members`, `telecom_subscribers`, `kano_features`): written by the course's own
#   simulator from a truth stated in advance on the data card. They show whether a method
#   recovers that truth; they are never evidence about real customers.
# - **not simulated by the course**: `cdnow`, the real purchase records of the customers who
#   first bought at the online music shop CDNOW in early 1997, followed to mid-1998 (the
#   standard dataset of repeat-purchase models, Fader, Hardie and Lee, 2005); and `telco_churn`,
#   IBM's public telecom churn sample, the most widely used churn table. IBM describes it as
#   sample data about a fictional telecom company, so read it as realistic practice data
#   rather than as the records of one real firm.
#
# Each comes with a data card: where it comes from, what every column means, its licence and
# its deliberate quirks. The title of each dataset in the list below says which kind it is.

# %% [markdown] tags=["zh-CN"]
# ## 课程数据集
# *（2 分钟）*
#
# 练习用的是工具包自带的数据集，分两类：
#
# - **模拟数据**（`auto_dealer`、`hotel_guests`、`complaints_log`、`csat_tracker`、`supermarket_members`、`telecom_subscribers`、`kano_features`）：由课程自己的模拟程序生成，生成时依据的“真实值”事先写在数据说明卡上。它们能说明一种方法找不找得回这个真实值，但永远不能当作关于真实客户的证据。
# - **不是课程模拟的数据**：`cdnow` 是在线音乐商店的真实购买记录，对象是 1997 年初第一次在那里购物的客户，一直跟踪到 1998 年年中，是研究重复购买模型的标准数据集（Fader、Hardie 和 Lee，2005）；`telco_churn` 是 IBM 公开的电信客户流失样本，也是用得最广的客户流失数据表。IBM 自己说明，这是一家虚构电信公司的样本数据，所以应把它当作贴近实际的练习数据，而不是某家真实企业的记录。
#
# 每个数据集都配有一张数据说明卡：数据从哪里来，每一列是什么意思，用的是什么许可，以及故意留在里面的数据问题。下面列表里每个数据集的标题都注明了它属于哪一类。

# %%
cl.datasets.list_datasets()

# %%
tracker = cl.datasets.load("csat_tracker")
cl.i18n.format_table(tracker.head()).rename(columns=lambda column: cl.label(f"course.00.column.{column}"))

# %% [markdown]
# `cl.datasets.describe("csat_tracker")` shows the full card with the column descriptions in
# English and Chinese. Loaded data already has proper types: answer scales become ordered
# categories, dates become dates. The table above shows the columns by their names for people
# and its numbers formatted for reading (`cl.i18n.format_table`); in code you refer to a column
# by its identifier, such as `csat` for overall satisfaction or `nps` for likelihood to
# recommend, and the data card lists them all.

# %% [markdown] tags=["zh-CN"]
# `cl.datasets.describe("csat_tracker")` 显示完整的数据说明卡，每一列都有中英文说明。读进来的数据已经设好了类型：量表题的回答成为有先后顺序的类别，日期就是日期。上表的表头显示的是各列的中文名，数字也按阅读习惯排好了格式（`cl.i18n.format_table`）；在代码里引用某一列时要用它的英文列名，比如总体满意度是 `csat`，推荐可能性是 `nps`，完整的对照就在数据说明卡里。

# %% [markdown]
# ## Widgets
# *(2 min)*
#
# Widgets are sliders and menus that recompute a result as you move them. They answer the
# "what if" questions of a class: what if one more customer in ten became a promoter? A widget
# always calls the same function an analyst would call, so it never shows a number the package
# could not reproduce. Each notebook puts its widgets next to the idea they illustrate, and
# `explorers.ipynb` gathers them all. Widgets need a live notebook: run the cell to see one.
# The saved notebooks keep no widget output, so a static view (a web page or a PDF) shows
# nothing under a widget cell.
#
# Try the NPS calculator: move the sliders for promoters, passives and detractors.

# %% [markdown] tags=["zh-CN"]
# ## 交互控件
# *（2 分钟）*
#
# 交互控件就是滑块和下拉菜单，一拖动、一选择，结果就马上重算。课堂上那些“如果……会怎样”的问题，用它来回答最直观：如果每十位客户里多一位成为推荐者，会怎样？交互控件调用的始终是分析人员自己也会调用的同一个函数，所以它显示的每个数字，工具包都能原样算出来。每个笔记本都把交互控件放在它所说明的概念旁边，`explorers.ipynb` 则把它们集中在一页上。交互控件要在运行着的笔记本里才显示，运行那一格就能看到；保存下来的笔记本不保留交互控件的输出，所以静态查看（网页或 PDF）时，交互控件那一格下面是空的。
#
# 试试净推荐值计算器：拖动推荐者、中立者和贬损者的滑块。

# %% tags=["nbval-ignore-output"]
cl.widgets.nps_explorer()

# %% [markdown]
# **A live survey in class.** The NPS on the slider can come from the room itself. The trainer
# runs `make classroom` (on a classroom Wi-Fi: `python -m csat_lab.classroom serve --lan --room
# TEST42`) and projects the QR code it shows; learners scan it with their phones and answer the
# course evaluation questionnaire (overall satisfaction, likelihood to recommend, four course
# items and a comment), while a dashboard fills up on the screen. Afterwards the answers are
# read back as a table, ready for the same functions as any survey. The cell below reads a
# recorded class of 20 learners that ships with the package, so it runs without a server; after
# your own class you would write `cl.classroom.responses("class.sqlite3")`.

# %% [markdown] tags=["zh-CN"]
# **课堂上的现场调查。** 滑块上的净推荐值，也可以直接来自教室里的学员。培训师运行 `make classroom`（在教室的无线网络上用 `python -m csat_lab.classroom serve --lan --room TEST42`），把屏幕上出现的二维码投影出来；学员用手机扫码，填写课程评价问卷（总体满意度、推荐可能性、四道关于课程的题目和一条意见），大屏幕上的看板随之实时更新。下课以后，把答卷读回来就是一张表，和任何一次调查一样，可以交给同样的函数去算。下面一格读的是工具包自带的一次课堂记录，共 20 位学员，不用开服务器也能运行；你自己上完课，就写 `cl.classroom.responses("class.sqlite3")`。

# %%
answers = cl.classroom.responses("example")  # after class: cl.classroom.responses("class.sqlite3")
cl.i18n.labelled_table(cl.i18n.format_table(answers.head()), "course.00.column")

# %%
cl.metrics.nps(answers["nps"])

# %%
cl.metrics.csat(answers["overall"])

# %% [markdown]
# Twenty answers give an NPS with an interval about 55 points wide: a class's own survey is
# good for discussing what the class thought, not for ranking trainers. Notebook 02 checks the
# same answers against the questionnaire and asks whether its four course items measure one
# thing.

# %% [markdown] tags=["zh-CN"]
# 只有二十份答卷，净推荐值的置信区间宽达约 55 分：一个班自己做的调查，适合用来讨论这个班的想法，不适合拿来给培训师排名次。笔记本 02 会把同样的答卷和问卷逐项核对，并检验那四道课程题目测的是不是同一件事。

# %% [markdown]
# ## Loading your own data
# *(1 min)*
#
# Your own survey export is just another table. Read it with pandas (or with the
# `cl.survey.read_*` functions for Qualtrics, SurveyMonkey, SPSS and Excel exports, taught in
# notebook 02), tell the package which scale each column uses, and call the same functions.
# The cell below builds a small file in memory so that the notebook runs anywhere; with a real
# file you would write `pd.read_csv("my_survey.csv")`.

# %% [markdown] tags=["zh-CN"]
# ## 读入你自己的数据
# *（1 分钟）*
#
# 你自己的调查导出文件也不过是一张表。用 `pandas` 读进来（Qualtrics、SurveyMonkey、SPSS 和 Excel 的导出文件可以用 `cl.survey.read_*` 这一组函数读取，问卷星导出的电子表格和 GBK 编码的中文文件也能读，笔记本 02 会讲），告诉工具包每一列用的是哪种量表，再调用同样的函数就行。下面这一格在内存里造了一个小文件，这样在哪台电脑上都能运行；换成真实文件时，写 `pd.read_csv("my_survey.csv")` 就可以了。

# %%
import io

my_file = io.StringIO(
    "respondent,store,satisfaction\n"
    "1,North,5\n2,North,4\n3,North,3\n4,South,5\n5,South,2\n6,South,4\n7,South,5\n"
)
mine = pd.read_csv(my_file)
cl.metrics.csat(mine["satisfaction"], scale="satisfaction5")

# %% [markdown]
# The result states the estimate, its confidence interval and how it was computed, how many
# answers were used and what, if anything, was dropped and why. With seven answers the interval
# is very wide: that is the honest message of a small sample, and notebook 02 shows how many
# answers a useful estimate needs.

# %% [markdown] tags=["zh-CN"]
# 结果里写明了估计值、它的置信区间和计算方法、用了多少份回答，以及有没有剔除数据、为什么剔除。只有七份回答，区间非常宽：这正是小样本应该如实交代的信息；一个有用的估计需要多少份回答，笔记本 02 会讲。
#
# 还要留意：这里算的客户满意度得分（CSAT）只数“满意”和“很满意”（第 4、5 级），七份里有五份，约 71%。国内报告常用的**满意率**把“基本满意”（第 3 级）也算作满意，同一批回答算出来是七份里六份，约 86%。要算满意率，用 `cl.metrics.satisfaction_rate`；写报告时一定要注明给的是哪一个数。

# %% [markdown]
# ## Summary
# *(1 min)*
#
# - Pick your route through the course by role; trainers also read `TRAINERS.md`.
# - Run the first cell of each notebook first; it fixes the seed.
# - Answer exercises by replacing `None` and running `cl.check`; it gives hints, not answers.
# - `cl.set_language("zh-CN")` switches every label to Chinese, `cl.set_language("en")` back;
#   the Chinese editions of the notebooks are in `notebooks/zh-CN/`.
# - `cl.datasets.list_datasets()`, `describe` and `load` open the course data; your own
#   files go through the same functions. Simulated datasets test methods; only real data test
#   claims about customers.

# %% [markdown] tags=["zh-CN"]
# ## 小结
# *（1 分钟）*
#
# - 按你的角色选学习路线；培训师还要读培训师指南 `TRAINERS.zh-CN.md`。
# - 每个笔记本都先运行第一格，它会固定随机种子。
# - 做练习：把 `None` 换成你的答案，再运行 `cl.check`；它只给提示，不给答案。
# - `cl.set_language("zh-CN")` 把所有标签切换成中文，`cl.set_language("en")` 切回英文；中文版笔记本在 `notebooks/zh-CN/`。
# - `cl.datasets.list_datasets()`、`describe` 和 `load` 用来打开课程数据，你自己的文件也走同样的函数。模拟数据集用来检验方法；关于客户的论断，只有真实数据才能检验。

# %% [markdown]
# **Quiz.** Take this notebook's quiz twice: once before you start, with what you already know,
# and once more here, at the end. The cell below shows the questions without the answers.
# `q = cl.quiz("00")` and then `q.check("question id", answer)` checks one answer;
# `q.score(answers)` counts a whole attempt, and `q.compare(pre, post)` sets your two attempts
# side by side, so you see what the notebook changed.

# %% [markdown] tags=["zh-CN"]
# **小测验。** 本笔记本的小测验要做两遍：开始学习之前凭已有的了解做一遍，学到这里再做一遍。下面一格列出题目，不带答案。先写 `q = cl.quiz("00")`，再用 `q.check("题目编号", answer)` 检查一道题；`q.score(answers)` 给一整次作答计分，`q.compare(pre, post)` 把前后两次的结果并排列出，学完这一节有哪些收获，一目了然。

# %%
cl.quiz("00")

# %% [markdown]
# ### Glossary (术语表)

# %% [markdown] tags=["zh-CN"]
# ### 术语表

# %%
cl.exercises.glossary("00", keys=False)
