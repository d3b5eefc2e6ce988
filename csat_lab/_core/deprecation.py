"""Old argument names that keep working for one release, with a warning (internal).

:func:`renamed` maps deprecated keyword names to their new names;
:func:`keyword_only` accepts, for one release, columns that used to be passed
by position. Both emit a ``DeprecationWarning`` that names the new spelling,
and :func:`inspect.signature` of the wrapped function shows only the new one.
"""

from __future__ import annotations

import functools
import warnings
from typing import Any, Callable, TypeVar

from ..errors import CsatInputError

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["renamed", "keyword_only"]


def renamed(**old_to_new: str) -> Callable[[F], F]:
    """Accept ``old=`` as a deprecated spelling of ``new=`` (``@renamed(bootstrap="n_boot")``)."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise CsatInputError(f"{func.__name__}: pass {new}= only ({old}= is its deprecated old name)")
                    warnings.warn(f"{func.__name__}: argument {old}= is deprecated, use {new}= "
                                  "(the old name will be removed in the next release)", DeprecationWarning,
                                  stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.__deprecated_arguments__ = dict(getattr(func, "__deprecated_arguments__", {}), **old_to_new)
        return wrapper  # type: ignore[return-value]

    return decorate


def keyword_only(n_positional: int, *names: str) -> Callable[[F], F]:
    """Map positional arguments beyond the first ``n_positional`` onto ``names``, with a warning.

    For functions whose column arguments became keyword-only
    (``compare_groups(data, "sat", "wave")`` -> ``compare_groups(data, score="sat", group="wave")``).
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if len(args) > n_positional:
                extra = args[n_positional:]
                if len(extra) > len(names):
                    raise CsatInputError(f"{func.__name__} takes {n_positional} positional argument(s); "
                                         f"pass {', '.join(names)} by name")
                given = dict(zip(names, extra))
                clash = [k for k in given if k in kwargs]
                if clash:
                    raise CsatInputError(f"{func.__name__}: {clash[0]} given by position and by name")
                warnings.warn(f"{func.__name__}: pass {', '.join(f'{k}=' for k in given)} by name "
                              "(positional columns will stop working in the next release)", DeprecationWarning,
                              stacklevel=2)
                kwargs.update(given)
                args = args[:n_positional]
            return func(*args, **kwargs)

        wrapper.__deprecated_positional__ = names
        return wrapper  # type: ignore[return-value]

    return decorate
