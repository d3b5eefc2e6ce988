"""``python -m csat_lab.classroom serve [--port P] [--db F] [--questionnaire Q] [--room CODE] [--lan]``."""

from __future__ import annotations

from .server import main

if __name__ == "__main__":
    raise SystemExit(main())
