"""Per-word caches of the organisation extractor: a plain dict whose ``__missing__`` computes the value.

A module of its own, kept out of the compiled build (``setup.py``): the cached function is the dict's own
``__getitem__``, a C-level look-up that compiled and interpreted callers share.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
_WORD_CACHES: list[dict] = []


class _WordCache(dict):
    """Results per word type, read with a plain dict look-up. Why not lru_cache: its recency bookkeeping
    made each hit about three times slower, and the extractor makes a dozen look-ups per token. Emptied
    when full, so memory stays flat over a long run."""

    __slots__ = ("fn", "maxsize")
    fn: Callable
    maxsize: int

    def __missing__(self, key: Hashable):  # noqa: ANN204
        if len(self) >= self.maxsize:
            self.clear()
        value = self[key] = self.fn(key)
        return value


def word_cache(maxsize: int) -> Callable[[Callable[[K], T]], Callable[[K], T]]:
    """Cache a one-argument function (of a word, or of another small key); the cached function is the cache's own
    ``__getitem__`` (C speed)."""

    def wrap(fn: Callable[[K], T]) -> Callable[[K], T]:
        cache = _WordCache()
        cache.fn, cache.maxsize = fn, maxsize
        _WORD_CACHES.append(cache)
        return cache.__getitem__

    return wrap


def register_cache(cache: dict) -> None:
    """A per-word table of another shape that ``clear_word_caches`` must empty too."""
    _WORD_CACHES.append(cache)


def clear_word_caches() -> None:
    """Forget every per-word result (after swapping in other weights or lists, in training and evaluation)."""
    for cache in _WORD_CACHES:
        cache.clear()
