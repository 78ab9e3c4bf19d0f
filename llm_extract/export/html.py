"""OUT/report.html: one self-contained page (no server, no network, no external asset).

Rendered with Jinja2 templates (``templates/``), autoescape on: a document whose text
holds ``<script>`` shows it as text. The page holds the run summary, the indicators
(charts by document and by year as inline SVG, roll-up tables), and per document its
three tables with every cell coloured by status, the source line of each row, and
the findings. Document sections are rendered as the records stream by and spooled to
a temporary file, so memory does not grow with the batch.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..analysis import DEFINITIONS, Indicator, Rollup
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from ..outputs import staging_file
from .charts import bar_chart, stacked_chart
from .fields import COLUMN_LABELS, ROW_LABELS, STATUS_COLOURS, FieldRow

__all__ = ["HtmlReport", "CHART_DOCUMENTS", "document_section"]

#: Documents drawn in the by-document charts (the rest are in the tables and records.sqlite).
CHART_DOCUMENTS = 40
_MESSAGE_CHARS = 240
_OUTCOMES = ("granted_rate", "partially_granted_rate", "denied_rate", "unavailable_rate", "rejected_rate")
_RATES = [d for d in DEFINITIONS if d.denominator is not None]


def _fmt(ind: Indicator) -> str:
    """A count as a number, a rate as a percentage, an unknown as a dash."""
    if ind.value is None:
        return "–"
    return f"{ind.value:,.0f}" if ind.denominator is None else f"{ind.value:.1%}"


@cache
def _env() -> Environment:
    """The templates' environment, once per process (the report and worker processes rendering sections)."""
    env = Environment(loader=PackageLoader("llm_extract.export", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["fmt"] = _fmt
    return env


#: The characters markupsafe's escape() replaces.
_SPECIAL = re.compile(r"[&<>'\"]")


def _esc(text: Any) -> str:
    """``escape(text)`` as text; a string without a character to replace (the most common) as it is, without
    building a Markup."""
    if type(text) is str and _SPECIAL.search(text) is None:
        return text
    return str(escape(text))


def _cell(f: FieldRow) -> str:
    """One value cell: coloured by status; unless proven, its status, source, rules and lines as a tooltip.
    Every piece from the record is escaped here (the table rows are made in code, not in the template)."""
    if type(f.value) is int:
        text = f.text                        # digits: nothing to escape
    else:
        text = "–" if f.text is None else escape(f.text)
    if f.status == "proven":
        return f'<td class="s-proven">{text}</td>'
    status = _esc(f.status)
    title = [status]
    if f.source:
        title.append(f" · {_esc(f.source)}")
    if f.rules:
        title.append(f" · {_esc(' '.join(map(str, f.rules)))}")
    if f.lines:
        title.append(f" · line {_esc(', '.join(map(str, f.lines)))}")
    return f'<td class="s-{status}" title="{"".join(title)}">{text}</td>'


def _table(name: str, rows: list[tuple[str, list[str | None]]], columns: list[str],
           by_path: dict[str, FieldRow]) -> dict[str, Any]:
    html = []
    for label, paths in rows:
        cells, lines = [], []
        for p in paths:
            if p is None:
                cells.append("<td></td>")
                continue
            f = by_path[p]
            if f.lines:
                lines += f.lines
            cells.append(f'<td class="s-proven">{f.text}</td>' if f.status == "proven" and type(f.value) is int
                         else _cell(f))
        spans = _esc(_spans(lines)) if lines else ""
        html.append(f'<tr><th class="l">{label}</th>{"".join(cells)}<td class="l ln">{spans}</td></tr>\n')
    return {"name": name, "columns": columns, "rows": Markup("".join(html))}


def _table_specs() -> list[tuple[str, list[tuple[str, list[str | None]]], list[str]]]:
    """Each table: its name, its rows (the label, escaped once, and the field path of each cell), its columns."""
    stock = [(ROW_LABELS[g], [f"active_disclosure.{g}.{c}" for c in ("issued", "repealed", "in_force")])
             for g in ("regulations", "normative_documents")]
    single: list[tuple[str, list[str | None]]] = [
        (ROW_LABELS[k], [f"active_disclosure.{k}", None, None])
        for k in ("licensing", "punishment", "enforcement", "fees_10k_yuan")]
    tables = [
        ("表二", stock + single, ["本年制发 / 本年数", "本年废止", "现行有效"]),
        ("表三", [(ROW_LABELS[r], [f"applications.{r}.{c}" for c in APPLICANT_COLUMNS]) for r in APPLICATION_ROWS],
         [COLUMN_LABELS[c] for c in APPLICANT_COLUMNS]),
        ("表四", [(ROW_LABELS[g], [f"review_litigation.{g}.{c}" for c in REVIEW_COLUMNS]) for g in REVIEW_GROUPS],
         [COLUMN_LABELS[c] for c in REVIEW_COLUMNS]),
    ]
    return [(name, [(str(escape(label)), paths) for label, paths in rows], columns)  # type: ignore[misc]
            for name, rows, columns in tables]


_TABLE_SPECS = _table_specs()


def _tables(by_path: dict[str, FieldRow]) -> list[dict[str, Any]]:
    return [_table(name, rows, columns, by_path) for name, rows, columns in _TABLE_SPECS]


def _spans(lines: list[int]) -> str:
    """Line numbers as ranges: ``L75–82, L90``."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(lines)):
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return ", ".join(f"L{a}" if a == b else f"L{a}–{b}" for a, b in out)


def _finding(f: dict[str, Any]) -> dict[str, Any]:
    message = str(f.get("message", ""))
    lines = (f.get("detail") or {}).get("lines", [])
    return {"code": f.get("code"), "severity": f.get("severity", "error"), "lines": lines,
            "message": message if len(message) <= _MESSAGE_CHARS else message[:_MESSAGE_CHARS] + "…"}


def document_section(rec: dict[str, Any], rows: list[FieldRow], review: list[dict[str, Any]],
                     indicators: list[Indicator]) -> str:
    """One document's section of the page, rendered (autoescaped; made in a worker process)."""
    source = {"path": "", "format": "", "encoding": ""} | dict(rec.get("source") or {})
    uri = Path(source["path"]).resolve().as_uri() if source["path"] else None
    counts = {s: n for s, n in (rec.get("status_counts") or {}).items() if n}
    findings = rec.get("findings", [])
    # the agency and the year are fields too: coloured by status, an OCR'd (unverified) name not shown as trusted
    meta = {r.path: r.status for r in rows if r.table == "meta"}
    return _env().get_template("document.html.j2").render(
        doc_id=str(rec.get("doc_id")), agency=rec.get("agency"), year=rec.get("year"), meta=meta, source=source,
        source_uri=uri, counts=counts, review_count=len(review), indicators=indicators,
        tables=_tables({r.path: r for r in rows}),
        findings=[_finding(f) for f in findings if f.get("severity", "error") in ("error", "warning")],
        info=[_finding(f) for f in findings if f.get("severity", "error") not in ("error", "warning")])


class HtmlReport:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.env = _env()
        self.spool = tempfile.TemporaryFile("w+b", dir=path.parent)
        self.charted: list[tuple[str, list[Indicator]]] = []

    def add_section(self, doc_id: str, section: bytes, indicators: list[Indicator]) -> None:
        """A document's section made by :func:`document_section`, UTF-8 encoded."""
        self.spool.write(section)
        if len(self.charted) < CHART_DOCUMENTS:
            self.charted.append((doc_id, indicators))

    def _documents(self) -> Iterator[Markup]:
        self.spool.seek(0)
        text = io.TextIOWrapper(self.spool, encoding="utf-8")     # (universal newlines, as it always read)
        while chunk := text.read(1 << 16):
            yield Markup(chunk)   # rendered by the autoescaping document template

    def _charts_by_document(self) -> list[Markup]:
        names = [next(d.name for d in DEFINITIONS if d.code == c) for c in _OUTCOMES] + ["其他处理"]
        stacks = []
        for doc_id, inds in self.charted:
            by = {i.code: i for i in inds}
            known = [by[c] for c in _OUTCOMES if by[c].value is not None]
            if len(known) < len(_OUTCOMES):
                reason = next((by[c].reason for c in _OUTCOMES if by[c].reason), "") or ""
                stacks.append((doc_id, None, f"n/a: {reason}"[:90]))
                continue
            shares = [float(i.value or 0) for i in known]
            stacks.append((doc_id, shares + [max(0.0, 1 - sum(shares))], ""))
        totals = [(doc_id, float(by.value) if (by := next(i for i in inds if i.code == "applications_total")).value
                   is not None else None, _fmt(by) if by.value is not None else "n/a") for doc_id, inds in self.charted]
        return [stacked_chart("办理结果构成 by document (share of 总计)", names, stacks),
                bar_chart("申请总数 by document", totals)]

    def _charts_by_year(self, rollups: list[Rollup]) -> list[Markup]:
        years = [r for r in rollups if r.by == "year"]
        charts = []
        for d in DEFINITIONS:
            bars = [(r.key, r.value, _fmt(r) if r.value is not None else "n/a") for r in years if r.code == d.code]
            if bars:
                charts.append(bar_chart(f"{d.name} by year", bars, scale=1.0 if d.denominator is not None else None))
        return charts

    def stage(self, summary: dict[str, Any], failures: list[dict[str, Any]], rollups: list[Rollup]) -> Path:
        """Write the page to a temporary file beside ``path`` (renamed by the caller)."""
        grouped: dict[str, dict[str, list[Rollup]]] = {}
        for r in rollups:
            grouped.setdefault(r.by, {}).setdefault(r.key, []).append(r)
        page = self.env.get_template("report.html.j2")
        fd, tmp = staging_file(self.path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for piece in page.generate(
                        summary=summary, failures=failures, colours=STATUS_COLOURS, definitions=DEFINITIONS,
                        rollups=grouped, charts_by_document=self._charts_by_document(),
                        charts_by_year=self._charts_by_year(rollups), documents=self._documents()):
                    fh.write(piece)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        finally:
            self.spool.close()
        return tmp

    def abort(self) -> None:
        self.spool.close()
