"""Write the small survey-export fixtures used by tests/unit/survey/test_survey_io.py.

Run ``python tests/unit/survey/data_survey/make_fixtures.py``; the output is deterministic.
The files imitate the layouts of real exports (Qualtrics: three header rows;
SurveyMonkey: two; SPSS .sav with value labels and user-missing codes; a
GBK-encoded Chinese CSV; an Excel workbook). All answers are invented.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat

HERE = Path(__file__).resolve().parent

QUALTRICS = """StartDate,EndDate,Duration (in seconds),ResponseId,Q1,Q2,Q3_1,Q3_2,Q3_3
Start Date,End Date,Duration (in seconds),Response ID,总体而言，您对我们的服务满意吗？,How likely are you to recommend us?,Statements - Staff were polite,Statements - Delivery was fast,Statements - Price was fair
"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""duration""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3_1""}","{""ImportId"":""QID3_2""}","{""ImportId"":""QID3_3""}"
2024-03-01 09:00:00,2024-03-01 09:04:10,250,R_001,5,10,5,4,4
2024-03-01 09:10:00,2024-03-01 09:13:00,180,R_002,4,8,4,4,3
2024-03-01 09:20:00,2024-03-01 09:20:30,30,R_003,3,6,3,3,3
2024-03-01 09:30:00,2024-03-01 09:35:00,300,R_004,2,3,2,1,2
2024-03-01 09:40:00,2024-03-01 09:43:20,200,R_005,,9,5,5,4
"""

QUALTRICS_LABELS = """ResponseId,Q1
Response ID,Overall satisfaction
"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"
R_001,Very satisfied
R_002,Satisfied
R_003,很不满意
R_004,
"""

QUALTRICS_NO_IMPORT_ROW = """ResponseId,Q1
Response ID,Overall satisfaction
R_001,5
R_002,4
"""

SURVEYMONKEY = """Respondent ID,Collector ID,Start Date,End Date,How satisfied are you overall?,How likely are you to recommend us?,Please rate:,,
,,,,Response,Response,Product quality,Price,After-sales service
1001,55,03/01/2024 09:00,03/01/2024 09:05,Very satisfied,9,Agree,Neutral,Strongly agree
1002,55,03/01/2024 10:00,03/01/2024 10:04,Dissatisfied,4,Disagree,Disagree,Neutral
1003,55,03/01/2024 11:00,03/01/2024 11:06,Satisfied,8,Agree,Agree,Agree
"""

GBK = """编号,满意度,推荐意愿,评论
1,很满意,10,服务很好
2,满意,8,送货有点慢
3,一般（基本满意）,7,价格偏高
4,不满意,2,客服态度差
"""


def main() -> None:
    (HERE / "qualtrics.csv").write_bytes(QUALTRICS.encode("utf-8-sig"))
    (HERE / "qualtrics_labels.csv").write_bytes(QUALTRICS_LABELS.encode("utf-8-sig"))
    (HERE / "qualtrics_no_import_row.csv").write_bytes(QUALTRICS_NO_IMPORT_ROW.encode("utf-8"))
    (HERE / "surveymonkey.csv").write_bytes(SURVEYMONKEY.encode("utf-8"))
    (HERE / "gbk.csv").write_bytes(GBK.encode("gbk"))
    sav = pd.DataFrame({"id": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "sat": [5.0, 4.0, 99.0, 2.0, 3.0, 1.0],
                        "rec": [10.0, 9.0, 7.0, 98.0, 99.0, 0.0], "speed": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    pyreadstat.write_sav(
        sav, str(HERE / "survey.sav"),
        column_labels={"id": "Respondent", "sat": "Overall satisfaction", "rec": "Likelihood to recommend",
                       "speed": "Delivery speed"},
        variable_value_labels={"sat": {1.0: "Very dissatisfied", 2.0: "Dissatisfied",
                                       3.0: "Neutral (basically satisfied)", 4.0: "Satisfied",
                                       5.0: "Very satisfied", 99.0: "No answer"},
                               "speed": {1.0: "Very slow", 6.0: "Very fast"}},
        missing_ranges={"sat": [99.0], "rec": [{"lo": 98.0, "hi": 99.0}]},
    )
    xlsx = pd.DataFrame({"id": [1, 2, 3], "sat": [5, 4, None], "region": ["North", "South", "North"]})
    xlsx.to_excel(HERE / "survey.xlsx", index=False, sheet_name="responses")


if __name__ == "__main__":
    main()
