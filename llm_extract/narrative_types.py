"""The figures a report's narrative states, as plain data.

Shared by the reader (:mod:`llm_extract.extract.narrative`, which finds them in
the text) and the check (:mod:`verify.narrative`, which compares them with the
tables). This module imports pydantic only, so ``verify/`` can use it without
loading the extractor.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["NarrativeFigure", "Figure"]

#: A stated figure: a count, an amount (yuan), or ``"none"`` (未收取 / 无: nothing was charged).
Figure = int | Decimal | Literal["none"]


class NarrativeFigure(BaseModel):
    """One figure the narrative states, and the table cells it may be about.

    ``meanings[i]`` is one plausible reading of the wording: a list of field
    paths whose *sum* the figure should equal (``收到申请6件`` may mean
    ``[new_received.total]`` or ``[new_received.total, carried_over.total]``).
    ``labels[i]`` names that reading for people. An empty ``meanings`` says the
    figure has no comparable table cell (the 信息处理费).
    """

    model_config = ConfigDict(extra="forbid")

    code: str                                   # rule code, e.g. "NARR.NEW_RECEIVED"
    figure: Figure
    unit: str = ""                              # 件, 条, 起, 元, ...
    sentence: str                               # the sentence as printed
    phrase: str = ""                            # the words that state the figure
    line: int                                   # 1-based line number in the document
    meanings: list[list[str]] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _labels_match_meanings(self) -> "NarrativeFigure":
        if not self.labels:
            self.labels = [" + ".join(p.split(".", 1)[-1] for p in m) for m in self.meanings]
        if len(self.labels) != len(self.meanings):
            raise ValueError("labels and meanings differ in length")
        return self
