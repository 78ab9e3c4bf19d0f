"""The tokens of a fixed-width line (extract/columns.spans) are the line's whitespace-separated words,
exactly what ``str.split()`` gives (both split at every character ``str.isspace`` names: the ideographic
space U+3000, a no-break space, form feeds): blankcols counts a line's cells with the cheap split and
places them with the display columns of spans."""

from __future__ import annotations

from hypothesis import given, strategies as st

from llm_extract.extract.columns import spans

_CHARS = st.sampled_from(list("0123 \t\u3000\xa0\f\x1c\x85一二（）-—") + ["１２", "合计"])


@given(st.lists(_CHARS, max_size=30).map("".join) | st.text(max_size=30))
def test_the_tokens_of_spans_are_the_words_of_split(line: str) -> None:
    assert [t for t, _, _ in spans(line)] == line.split()


def test_columns_of_a_short_row() -> None:
    assert spans("一、本年新收\u3000 110   5") == [("一、本年新收", 0.0, 12.0), ("110", 15.0, 18.0), ("5", 21.0, 22.0)]
