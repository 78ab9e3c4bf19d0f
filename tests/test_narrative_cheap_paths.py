"""The narrative's reader skips work that cannot change what it reads (bench/cli_parts.py: the narrative's figures
0.41 → 0.26 ms a real report): a report's sentences are cut by one match per sentence, not a look-behind tried at
every character; a row of tab-separated cells without a 。 is passed over unsplit; a sentence's times and bodies
(narrative_scope) are found only when a figure gets as far as asking. Each gives what the slower way gave."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from llm_extract.extract import narrative
from llm_extract.extract.narrative import read_narrative
from llm_extract.extract.prose import prose_lines

_CHARS = st.sampled_from(list("。！？；!?;，,年件 \t0129") + ["收到申请", "办结", "2021年", "上年", "各部门"])


@given(st.lists(_CHARS, max_size=40).map("".join) | st.text(max_size=40))
def test_the_sentences_are_the_pieces_a_cut_after_every_end_mark_gives(text: str) -> None:
    # (the empty piece a cut after a last mark leaves says nothing: no figure, no context)
    assert narrative._SENTENCE.findall(text) == [p for p in re.split(r"(?<=[。！？；!?;])", text) if p]


def test_a_row_of_cells_in_a_table_is_no_prose_and_a_sentence_among_its_cells_is() -> None:
    lines = ["三、收到和处理政府信息公开申请情况", "（一）予以公开\t3\t0\t0\t0\t0\t0\t3",
             "标题\t本年共收到政府信息公开申请6件，均已按时办结。\t4"]
    assert prose_lines(lines, {"表三": (2, 4)}) == [(1, "三、收到和处理政府信息公开申请情况", ""),
                                                   (3, "本年共收到政府信息公开申请6件，均已按时办结。", "")]


def test_a_figure_after_another_years_or_other_bodies_words_is_still_left_unread() -> None:
    lines = ["2021年，本机关收到政府信息公开申请6件，办结6件。", "全区各部门共收到政府信息公开申请500件。",
             "近三年共收到政府信息公开申请30件。", "2020年收到政府信息公开申请9件，办结9件。"]
    figures = read_narrative(lines, 2021)
    assert [(f.code, f.figure, f.line) for f in figures] == [("NARR.NEW_RECEIVED", 6, 1), ("NARR.PROCESSED", 6, 1)]
