"""The rebuild's fast paths give what the general code they stand for gives: line numbers sorted without
repeats, and HTML escaping that skips text with nothing to replace."""

from __future__ import annotations

import random

from markupsafe import escape

from llm_extract.export.fields import _sorted_lines
from llm_extract.export.html import _esc


def test_line_numbers_are_sorted_without_repeats_whatever_their_count() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        lines = [rng.randrange(1, 6) for _ in range(rng.randrange(1, 5))]
        assert _sorted_lines(lines) == sorted(set(lines))
        assert _sorted_lines(lines) is not lines        # a list of its own, never the record's


def test_escaping_is_markupsafes_for_any_text_and_any_value() -> None:
    rng = random.Random(11)
    alphabet = ["a", "局", "&", "<", ">", "'", '"', " ", "–", "\r", "\n", "&amp;", "\u3000"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6))) for _ in range(2000)]
    for value in [*texts, 17, None, 3.5, ["<x>"], True]:
        assert _esc(value) == str(escape(value))
