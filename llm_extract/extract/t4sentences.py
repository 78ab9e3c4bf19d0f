"""表四 given as sentences, no table: what section 四 states of each group.

An agency with few cases may write section 四 as prose instead of the table::

    本年度因政府信息公开被申请行政复议3件，其中结果维持1件、结果纠正1件、其他结果0件、尚未审结1件；
    未经复议直接提起行政诉讼0件；经复议后提起行政诉讼0件。

    全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。

Each clause (between ``；`` and ``。``) that names one group and states its count gives that group's 总计, and the
results it lists after 其中 their cells; a sentence saying no review and no lawsuit happened gives each group's
总计 as 0. Nothing else is read: a group the text does not state, or a count of lawsuits that does not say which
kind (``行政诉讼2件``), stays missing. A total of 0 leaves its results for the identities to pin (derived); results
stated with their total are checked by the group's sum, as a table's row is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import parse_cell
from .readings import Readings, reading

__all__ = ["read_table4_sentences", "T4_SENTENCES"]

#: the method of a reading so found
T4_SENTENCES = "t4-sentences"

_CLAUSE = re.compile(r"[^；;。]+")
_COUNT = r"(?:案件)?(?:共|合计)?(\d+)\s*(?:件|起|宗)"
#: each group's name before its count, the most specific first (复议后起诉 names 行政复议 too); "litigation": lawsuits
#: not said which kind (a count of 0 is each kind's)
_GROUPS = (
    ("litigation_after_review", re.compile(r"复议后(?:提起|被提起)?(?:行政)?(?:诉讼|起诉)" + _COUNT)),
    ("litigation_direct", re.compile(r"(?:直接|未经(?:行政)?复议)(?:提起|被提起|直接)*(?:行政)?(?:诉讼|起诉)" + _COUNT)),
    ("administrative_review", re.compile(r"行政复议(?!后)" + _COUNT)),
    ("litigation", re.compile(r"行政诉讼" + _COUNT)),
)
_LITIGATION = ("litigation_direct", "litigation_after_review")
_RESULTS = {"upheld": re.compile(r"(?:结果)?维持\s*(\d+)\s*件"), "corrected": re.compile(r"(?:结果)?纠正\s*(\d+)\s*件"),
            "other": re.compile(r"其他(?:结果)?\s*(\d+)\s*件"), "pending": re.compile(r"(?:尚未审结|未审结|审理中)\s*(\d+)\s*件")}
#: no review and no lawsuit at all (未发生…行政复议、…行政诉讼的情况)
_NONE = re.compile(r"(?:未|没有|无)(?:发生|出现|收到|产生)?[^。；;]{0,24}行政复议[^。；;]{0,12}(?:行政诉讼|起诉)"
                   r"|(?:未|没有|无)(?:发生|出现|收到|产生)?[^。；;]{0,24}(?:行政诉讼|起诉)[^。；;]{0,12}行政复议")


def read_table4_sentences(lines: Sequence[str], start: int, end: int) -> Readings | None:
    """The cells section 四 (lines ``start`` … ``end - 1``, 1-based) states in sentences, or None when it states none."""
    out: Readings = {}
    for n in range(max(1, start), min(end, len(lines) + 1)):
        text = lines[n - 1].replace(" ", "").replace("\u3000", "")
        if _NONE.search(text):
            for group in REVIEW_GROUPS:
                out.setdefault(f"review_litigation.{group}.total", _read("0", n))
            continue
        for clause in _CLAUSE.findall(text):
            _read_clause(clause, n, out)
    return out or None


def _mentions(clause: str) -> list[tuple[int, int, str, str]]:
    """(start, end, group, count) of each group the clause states a count of, in order, none inside another."""
    found: list[tuple[int, int, str, str]] = []
    for group, pattern in _GROUPS:
        for m in pattern.finditer(clause):
            if not any(a <= m.start() < b or a < m.end() <= b for a, b, _, _ in found):
                found.append((m.start(), m.end(), group, m.group(1)))
    return sorted(found)


def _read_clause(clause: str, n: int, out: Readings) -> None:
    mentions = _mentions(clause)
    for k, (_, end, group, count) in enumerate(mentions):
        if group == "litigation":
            if int(count) == 0:
                for kind in _LITIGATION:
                    out.setdefault(f"review_litigation.{kind}.total", _read("0", n))
            continue
        out[f"review_litigation.{group}.total"] = _read(count, n)
        rest = clause[end:mentions[k + 1][0] if k + 1 < len(mentions) else len(clause)]
        if not rest.lstrip("，,").startswith("其中"):
            continue
        for column in REVIEW_COLUMNS[:-1]:
            if (r := _RESULTS[column].search(rest)) is not None:
                out[f"review_litigation.{group}.{column}"] = _read(r.group(1), n)


def _read(raw: str, n: int):
    return reading(parse_cell(raw), [n], T4_SENTENCES)
