"""``python -m csat_lab.simulate --all --out datasets``: rewrite the shipped synthetic files."""

from .shipped import main

if __name__ == "__main__":
    raise SystemExit(main())
