"""A PDF whose text layer does not decode on some of its pages proves none of its tables' cells.

A producer that embeds a font as a subset without a usable ToUnicode map leaves text that shows on the page
but reads as glyph codes (``(cid:17)``), private-use characters or what a guessed code map makes of them
(ingest names those pages: the notice ``INGEST.UNDECODABLE_TEXT``, ``llm_extract/ingest/pdf_decode.py``). An
office that sets its tables in such a font and its digits in a Latin font that keeps its map (Word's Times New
Roman beside a CJK subset, printed by LibreOffice or WPS) prints tables whose numbers decode and whose labels do
not: the reader then places the numbers by position alone (表四's fifteen numbers under its heading, 表三's rows
in their order, 表二's cells in the form's order) with no label to say which cell each is, and nothing shows
whether a row or a column of the printed table was left out or moved. What the identities hold (a group's sum)
they would hold as well for a table read one row off.

So in such a document every 表二, 表三 and 表四 value read is ``unverified`` (rule ``READ.UNDECODABLE_TEXT``), its
value kept as read, and ingest's notice says so (it said no number was read from those pages: some were). Values
read under a digit map the identities admit are ``derived`` already (``verify/digitmap.py``) and stay so. A
document whose undecodable pages are not its tables' (a cover or a title set in a decorative font without a
map) is read as it stands: its text prints the words of most of 表三's row labels (:data:`LABELS_READ`), so
the tables' labels decoded and each number stands beside its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from llm_extract.evidence import Extraction, Finding, Record, Status
from llm_extract.form import FORM
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS

from .rules import register

__all__ = ["RULE", "LABELS_READ", "distrust_undecodable"]

RULE = "READ.UNDECODABLE_TEXT"
register(RULE, "PDF 部分页面的文字层无法解码（字体缺少可用的 ToUnicode 映射）：表格的数字无法对照其行列标签，读出的值不予证明，交人工复核",
         "pages of the PDF's text layer do not decode (fonts without a usable ToUnicode map): the tables' numbers "
         "cannot be matched to their labels; the values read are not proven, queued for review")
_NOTICE = "INGEST.UNDECODABLE_TEXT"          # ingest's notice of such pages (llm_extract/ingest/notices.py)
_TABLES = (*DISCLOSURE_PATHS, *TABLE3_PATHS, *TABLE4_PATHS)
#: the share of 表三's rows whose label words the text must print for its tables' labels to count as decoded
LABELS_READ = 0.8
_ROW_WORDS = tuple(r.words for r in FORM.table3_rows if r.words)
_NOTE = ("read from a PDF whose text layer does not decode on some pages (their labels read as glyph codes): "
         "placed by position, no label confirms the cell")


def distrust_undecodable(record: Record, deterministic: Extraction | None, notices: Iterable[Finding],
                         lines: Sequence[str] = ()) -> Record:
    """``record`` with every proven table value ``unverified`` when ingest found pages of the PDF's text layer that
    do not decode and its tables' labels do not read in ``lines`` (see the module docstring); any other record, and
    one read under a digit map, as it is."""
    if not any(n.code == _NOTICE for n in notices) or _labels_decoded(lines):
        return record
    if deterministic is not None and deterministic.meta.get("digit_map"):
        return record
    provenance = dict(record.provenance)
    marked = 0
    for path in _TABLES:
        prov = provenance.get(path)
        if prov is not None and prov.status is Status.PROVEN:
            provenance[path] = prov.model_copy(update={"status": Status.UNVERIFIED, "note": _NOTE,
                                                       "rules": [*prov.rules, RULE]})
            marked += 1
    if not marked:
        return record
    findings = [_reworded(f) for f in record.findings]
    return record.model_copy(update={"provenance": provenance, "findings": findings})


def _labels_decoded(lines: Sequence[str]) -> bool:
    """Does the text print the words of most of 表三's row labels (the tables' labels decoded)?"""
    text = "".join("".join(line.split()) for line in lines)
    return sum(any(w in text for w in words) for words in _ROW_WORDS) >= LABELS_READ * len(_ROW_WORDS)


def _reworded(finding: Finding) -> Finding:
    """Ingest's notice, which says no number was read from those pages: some were, and are queued."""
    if finding.code != _NOTICE or ": no number was read" not in finding.message:
        return finding
    head, _, tail = finding.message.partition(": no number was read from them")
    return finding.model_copy(update={"message": f"{head}: the tables' numbers that decode were read by position, "
                                                 f"their labels not decoded, and queued for review ({RULE}){tail}"})
