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
# # Customer satisfaction explorers
#
# Move a slider and the number and chart follow. Every explorer calls a function of `csat_lab` that you can also call yourself (`csat_lab.widgets.models`). Switch the language at the top.

# %% [markdown] tags=["zh-CN"]
# # 客户满意度交互探索
#
# 拖动滑块，数值和图表随之更新。每个探索工具调用的都是 `csat_lab` 里你也可以直接使用的函数（`csat_lab.widgets.models`）。页面顶部可以切换语言。

# %%
import csat_lab as cl
import csat_lab.widgets as cw

cl.set_language("en")

# %% tags=["nbval-ignore-output"]
cw.app()
