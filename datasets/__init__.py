"""Data files of csat_lab, importable as the package ``csat_lab._data``.

This folder is mapped to ``csat_lab._data`` in pyproject.toml so that
``csat_lab.datasets`` reads the files through importlib.resources from a clone,
an editable install or a wheel alike. It contains no code.
"""
