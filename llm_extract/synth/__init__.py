"""Synthetic documents for tests and benchmarks: render golden records into report text."""

from .render import LAYOUTS, render

__all__ = ["render", "LAYOUTS"]
