"""The switch of one fast path: a library function replaced while the fast path is installed.

Each fast path (:mod:`.pdf_tokens`, :mod:`.pdf_stack`, :mod:`.pdf_interp`, :mod:`.pdf_glyphs`,
:mod:`.pdf_objects`) is installed only on the library release it was checked against, and can be
taken out for a while (:meth:`Patch.stock`) to compare what both read; while such a block is in
force, :meth:`Patch.install` does nothing.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["Patch", "release"]


def release(package: str) -> str:
    """The installed release of ``package`` (its ``__version__``), ``""`` when it is not installed."""
    try:
        return str(importlib.import_module(package).__version__)
    except (ImportError, AttributeError):
        return ""


class Patch:
    """``targets()`` names where the library keeps the function (``[(owner, attribute), ...]``; the first
    holds the original), ``make(original)`` builds the fast path, ``release_matches()`` says whether the
    installed release is the one the fast path was checked against."""

    def __init__(self, targets: Callable[[], list[tuple[Any, str]]], make: Callable[[Any], Any],
                 release_matches: Callable[[], bool]) -> None:
        self.targets, self.make, self.release_matches = targets, make, release_matches
        self.original: Any = None           # the library's own function while the fast path is installed
        self.suspended = 0                  # stock() blocks in force

    def installed(self) -> bool:
        """Whether the fast path is in place."""
        return self.original is not None

    def install(self) -> bool:
        """Put the fast path in place (idempotent); False on another release of the library (which
        then runs as shipped) or inside :meth:`stock`."""
        if self.original is not None:
            return True
        if self.suspended or not self.release_matches():
            return False
        targets = self.targets()
        owner, attribute = targets[0]
        self.original = getattr(owner, attribute)
        fast = self.make(self.original)
        for owner, attribute in targets:
            setattr(owner, attribute, fast)
        return True

    def uninstall(self) -> None:
        """Give the library its own function back."""
        if self.original is None:
            return
        for owner, attribute in self.targets():
            setattr(owner, attribute, self.original)
        self.original = None

    @contextlib.contextmanager
    def stock(self) -> Iterator[None]:
        """The library as shipped, for the duration."""
        was = self.installed()
        self.uninstall()
        self.suspended += 1
        try:
            yield
        finally:
            self.suspended -= 1
            if was:
                self.install()
