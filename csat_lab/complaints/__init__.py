"""Complaint handling: the course's 8-step process, KPIs, and the service-recovery effect.

* :mod:`.process`: the 8 handling steps (:data:`HANDLING_STEPS`) and the eleven
  "a bit more" techniques (:data:`TECHNIQUES`)
* :mod:`.kpis`: ISO 10002 handling stages that can be timed (receipt ->
  acknowledgement -> resolution), resolution and reopen rates, handling satisfaction
* :mod:`.recovery`: whether recovered complainants buy again as often as customers
  who never complained, and the step -> outcome model behind the simulator

The log's columns are those of the ``complaints_log`` dataset (``step_<code>``
for each step).

Examples
--------
>>> import csat_lab as cl
>>> len(cl.complaints.HANDLING_STEPS), len(cl.complaints.TECHNIQUES)
(8, 11)
"""

from __future__ import annotations

from .kpis import ComplaintKPIs, complaint_kpis
from .process import HANDLING_STEPS, STEP_COLUMNS, TECHNIQUES
from .recovery import RecoveryEffect, RecoveryModel, recovery_effect, recovery_model

__all__ = ["HANDLING_STEPS", "TECHNIQUES", "STEP_COLUMNS", "ComplaintKPIs", "RecoveryEffect", "RecoveryModel",
           "complaint_kpis", "recovery_effect", "recovery_model"]
