"""Private foundations shared by every computation (not public API).

* :mod:`.results`: the :class:`Result` base (summary table, ``to_frame``, HTML)
* :mod:`.validate`: input checks that raise :class:`~csat_lab.errors.CsatInputError`
  naming the column, row or argument
* :mod:`.intervals`: z/t quantiles, p-values, Wilson, Wald, Newcombe, percentile bootstrap
* :mod:`.txlog`: a transaction log reduced to checked NumPy arrays

Modules here import nothing of csat_lab but :mod:`csat_lab.errors` and :mod:`csat_lab.i18n`.
"""
