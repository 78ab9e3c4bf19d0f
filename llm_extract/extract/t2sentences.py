"""表二 given as sentences, no table: what section 二 (主动公开政府信息情况) states of each row.

An agency may write section 二 as prose instead of the table::

    2023年，本机关制发规章0件、废止0件、现行有效0件；制发行政规范性文件5件，废止8件，现行有效74件。
    全年作出行政许可决定47795件，行政处罚决定690件，行政强制决定0件。收取行政事业性收费199万元。

Read only where the document prints no 表二 at all, and only from section 二's lines. A clause (between ``；`` and
``。``) that names 规章 or 行政规范性文件, not both, gives that row's 制发 / 废止 / 现行有效 counts stated after its name
(``本年制发各类文件120件，其中规章0件``: the 120 is all documents', no count of 规章's; a count's unit may give way to a note in brackets,
``现行有效47（含部门规范性文件43件）``; an empty cell's mark, ``制发规章无、废止-、现行有效/``, is an empty cell); 行政许可, 行政处罚 and
行政强制 each give the count right after their name (决定, or the column's 本年处理决定, between them at most);
行政事业性收费 its amount in 万元 (an amount in 元 is not converted: left missing). Section 二's heading may stand
behind a Markdown heading's marks or an article's pictograph bullet (``## 👉二、主动公开政府信息情况``), and may be
numbered by the report's own count (``一、主动公开政府信息情况``, ``（二）主动公开政府信息情况``: its full name, the
section's end the next number of that count). Anything else stays missing. A clause that begins with another
time (``上年度制发…``, ``近三年…``, ``2019年以来…``) states no cell of this report; a cell two clauses state
differently (``2021年制发行政规范性文件12件…；2022年…制发行政规范性文件9件``: which is the report's year is not
the sentence's to say) stays missing too: no identity checks 表二, so a wrong pick would be proven.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import Reading
from .cells import PICTOGRAPHS, parse_cell
from .readings import Readings, reading

__all__ = ["read_table2_sentences", "T2_SENTENCES"]

#: the method of a reading so found
T2_SENTENCES = "t2-sentences"

#: what may stand before a section's number: spaces, a Markdown heading's marks, an article's pictograph bullets
_LEAD = rf"^[\s\u3000#*{PICTOGRAPHS}]*"
_SECTION = re.compile(_LEAD + r"(?:二|2)[、.．]\s*主动公开")
_NEXT_SECTION = re.compile(_LEAD + r"(?:[三四五六]|[3-6])[、.．]")
#: the section numbered otherwise, by the report's own count (``一、主动公开政府信息情况``: its tables' sections
#: counted from 一; ``（二）主动公开政府信息情况``): its full name, and the section after it by the same count
_OTHER_NUMBERS = ((re.compile(_LEAD + r"(?:一|1)[、.．]\s*主动公开政府信息情况"),
                   re.compile(_LEAD + r"(?:[二三四五六]|[2-6])[、.．]")),
                  (re.compile(_LEAD + r"[（(]二[)）]\s*主动公开政府信息情况"),
                   re.compile(_LEAD + r"(?:[（(][三四五六][)）]|(?:[三四五六]|[3-6])[、.．])")))
_CLAUSE = re.compile(r"[^；;。]+")
#: a count (thousands separators in it, ``34,128件``): its unit after it, or a note in brackets closing its part of the clause (``23（其中修订10件）、``)
_N = r"(\d{1,3}(?:[,，]\d{3})+|\d+)\s*(?:件|(?=[（(][^（()）]*[)）]\s*(?:[，,、]|$)))"
#: a document row's cell: its count, or an empty cell's mark closing its part of the clause (``制发规章无、废止无``)
_DOC_CELL = rf"(?:{_N}|([-—－/／]+|无)(?=\s*(?:[，,、]|$)))"
_DOCUMENT_COUNTS = {"issued": re.compile(r"(?:制发|制定|出台|印发|发布)[^\d，,、；。]{0,10}?" + _DOC_CELL),
                    "repealed": re.compile(r"废止[^\d，,、；。]{0,10}?" + _DOC_CELL),
                    "in_force": re.compile(r"现行有效[^\d，,、；。]{0,10}?" + _DOC_CELL)}
_DECIDED = r"(?:本年)?(?:处理)?(?:决定)?(?:数量)?"       # (行政许可本年处理决定0件: the column's name between)
_DECISIONS = {"licensing": re.compile(r"行政许可" + _DECIDED + _N),
              "punishment": re.compile(r"行政处罚" + _DECIDED + _N),
              "enforcement": re.compile(r"行政强制" + _DECIDED + _N)}
_FEES = re.compile(r"行政事业性收费(?:金额)?(?:为|共|合计)?(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元")
#: another time than the report's year, named before a clause's first count (a comparison, 较上年, is none)
_OTHER_TIME = re.compile(r"(?<![较比与])(?:上一?年|去年)|近[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年(?:来|间)"
                         r"|以来|历年")
_FIRST_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:件|万元)")


def _section(lines: Sequence[str]) -> list[tuple[int, str]]:
    for section, after in ((_SECTION, _NEXT_SECTION),) + _OTHER_NUMBERS:
        for i, line in enumerate(lines):
            if section.match(line):
                out = []
                for n in range(i + 2, len(lines) + 1):
                    if after.match(lines[n - 1]):
                        break
                    out.append((n, lines[n - 1].replace(" ", "").replace("\u3000", "")))
                return out
    return []


def read_table2_sentences(lines: Sequence[str]) -> Readings:
    """The 表二 cells section 二's sentences state (path → reading); empty when it states none."""
    stated: dict[str, list[Reading]] = {}
    for n, text in _section(lines):
        if "\t" in text:
            continue                        # a table's row, not a sentence
        for clause in _CLAUSE.findall(text):
            first = _FIRST_COUNT.search(clause)
            if first is not None and _OTHER_TIME.search(clause[:first.start()]):
                continue                    # 上年度制发…: another year's counts
            rows = [(p, word) for p, word in (("regulations", "规章"), ("normative_documents", "规范性文件"))
                    if word in clause]
            if len(rows) == 1:
                row, word = rows[0]
                for column, pattern in _DOCUMENT_COUNTS.items():
                    # the row named before the count: 制发各类文件120件，其中规章0件 states no count of 规章's 120
                    if (m := pattern.search(clause)) is not None \
                            and clause.find(word) < m.start(1 if m.group(1) is not None else 2):
                        stated.setdefault(f"active_disclosure.{row}.{column}", []).append(
                            _read(m.group(1) or m.group(2), n))
            for path, pattern in _DECISIONS.items():
                if (m := pattern.search(clause)) is not None:
                    stated.setdefault(f"active_disclosure.{path}", []).append(_read(m.group(1), n))
            if (m := _FEES.search(clause)) is not None:
                stated.setdefault("active_disclosure.fees_10k_yuan", []).append(_read(m.group(1), n))
    # (a cell stated twice alike is read from its first statement; stated otherwise, from none)
    return {path: found[0] for path, found in stated.items() if len({r.value for r in found}) == 1}


def _read(raw: str, n: int):
    return reading(parse_cell(raw), [n], T2_SENTENCES)
