"""表二 given as sentences, no table: what section 二 (主动公开政府信息情况) states of each row.

An agency may write section 二 as prose instead of the table::

    2023年，本机关制发规章0件、废止0件、现行有效0件；制发行政规范性文件5件，废止8件，现行有效74件。
    全年作出行政许可决定47795件，行政处罚决定690件，行政强制决定0件。收取行政事业性收费199万元。

Read only where the document prints no 表二 at all, and only from section 二's lines. A clause (between ``；`` and
``。``) that names 规章 or 行政规范性文件, not both, gives that row's 制发 / 废止 / 现行有效 counts; 行政许可, 行政处罚 and
行政强制 each give the count right after their name (决定 between them at most); 行政事业性收费 its amount in 万元
(an amount in 元 is not converted: left missing). Anything else stays missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cells import parse_cell
from .readings import Readings, reading

__all__ = ["read_table2_sentences", "T2_SENTENCES"]

#: the method of a reading so found
T2_SENTENCES = "t2-sentences"

_SECTION = re.compile(r"^[\s\u3000]*(?:二|2)[、.．]\s*主动公开")
_NEXT_SECTION = re.compile(r"^[\s\u3000]*(?:[三四五六]|[3-6])[、.．]")
_CLAUSE = re.compile(r"[^；;。]+")
_N = r"(\d+)\s*件"
_DOCUMENT_COUNTS = {"issued": re.compile(r"(?:制发|制定|出台|印发|发布)[^\d，,、；。]{0,10}?" + _N),
                    "repealed": re.compile(r"废止[^\d，,、；。]{0,10}?" + _N),
                    "in_force": re.compile(r"现行有效[^\d，,、；。]{0,10}?" + _N)}
_DECISIONS = {"licensing": re.compile(r"行政许可(?:决定)?(?:数量)?" + _N),
              "punishment": re.compile(r"行政处罚(?:决定)?(?:数量)?" + _N),
              "enforcement": re.compile(r"行政强制(?:决定)?(?:数量)?" + _N)}
_FEES = re.compile(r"行政事业性收费(?:金额)?(?:为|共|合计)?(\d+(?:\.\d+)?)\s*万元")


def _section(lines: Sequence[str]) -> list[tuple[int, str]]:
    for i, line in enumerate(lines):
        if _SECTION.match(line):
            out = []
            for n in range(i + 2, len(lines) + 1):
                if _NEXT_SECTION.match(lines[n - 1]):
                    break
                out.append((n, lines[n - 1].replace(" ", "").replace("\u3000", "")))
            return out
    return []


def read_table2_sentences(lines: Sequence[str]) -> Readings:
    """The 表二 cells section 二's sentences state (path → reading); empty when it states none."""
    out: Readings = {}
    for n, text in _section(lines):
        if "\t" in text:
            continue                        # a table's row, not a sentence
        for clause in _CLAUSE.findall(text):
            rows = [p for p, word in (("regulations", "规章"), ("normative_documents", "规范性文件")) if word in clause]
            if len(rows) == 1:
                for column, pattern in _DOCUMENT_COUNTS.items():
                    if (m := pattern.search(clause)) is not None:
                        out.setdefault(f"active_disclosure.{rows[0]}.{column}", _read(m.group(1), n))
            for path, pattern in _DECISIONS.items():
                if (m := pattern.search(clause)) is not None:
                    out.setdefault(f"active_disclosure.{path}", _read(m.group(1), n))
            if (m := _FEES.search(clause)) is not None:
                out.setdefault("active_disclosure.fees_10k_yuan", _read(m.group(1), n))
    return out


def _read(raw: str, n: int):
    return reading(parse_cell(raw), [n], T2_SENTENCES)
