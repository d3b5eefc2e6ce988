"""Make datasets/files/study_survey_7point.sav: a synthetic SPSS survey (seed 2024), no personal data.

Run from anywhere: python tools/make_study_survey.py. The answers are the same on every run; the
file header carries the time it was written, so the bytes differ.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat

OUT = Path(__file__).resolve().parents[1] / "datasets" / "files" / "study_survey_7point.sav"
rng = np.random.default_rng(2024)
n = 240
region = rng.choice([1, 2, 3, 4], size=n, p=[0.4, 0.25, 0.2, 0.15])
attitude = rng.normal(0, 1, n)
def item(load, reverse=False):
    x = np.clip(np.round(4 + 1.3 * (load * attitude + rng.normal(0, 0.8, n))), 1, 7)
    return 8 - x if reverse else x
df = pd.DataFrame({
    "resp_id": np.arange(1, n + 1, dtype=float),
    "region": region.astype(float),
    "seconds": np.round(rng.gamma(6, 40, n)),
    "overall": np.clip(np.round(3.6 + 0.9 * attitude + rng.normal(0, 0.6, n)), 1, 5),
    "recommend": np.clip(np.round(7 + 1.8 * attitude + rng.normal(0, 1.2, n)), 0, 10),
    "s1": item(0.9), "s2": item(0.8), "s3": item(0.7, reverse=True), "s4": item(0.85), "s5": item(0.6),
})
df.loc[[5, 77], "overall"] = 9  # "don't know" coded 9, declared user-missing
labels = {
    "resp_id": "Respondent number", "region": "Region", "seconds": "Time to complete (seconds)",
    "overall": "Overall, how satisfied are you with our service?",
    "recommend": "How likely are you to recommend us to a friend? (0-10)",
    "s1": "Staff were friendly", "s2": "My request was handled quickly", "s3": "I had to explain my problem more than once",
    "s4": "The answer solved my problem", "s5": "The opening hours suit me",
}
agree = {1: "Strongly disagree", 2: "Disagree", 3: "Somewhat disagree", 4: "Neither", 5: "Somewhat agree", 6: "Agree", 7: "Strongly agree"}
values = {"region": {1: "east", 2: "north", 3: "south", 4: "west"},
          "overall": {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neutral", 4: "Satisfied", 5: "Very satisfied", 9: "Don't know"},
          **{f"s{i}": agree for i in range(1, 6)}}
pyreadstat.write_sav(df, str(OUT), column_labels=labels,
                     variable_value_labels=values, missing_ranges={"overall": [9]})
