"""Versioned prompt templates (``prompts/<version>/system.md`` and ``user.md``) and the messages they make.

A template may start with a ``---`` front-matter block (``version: v1``, notes); it is
not sent. The user template is a :class:`string.Template` with ``$doc_id``, ``$title``
and ``$tables``. The *prompt hash* (of both templates as sent) goes into cache keys,
so an edited template never reuses answers made with the old text.

The model is given the title lines and the table text (表二 … 表四, found by the form's
headings, :mod:`llm_extract.form`) rather than the whole narrative: from the first table
heading to the numbers after the 表四 heading, or, in a text without line breaks (a
crawler's dump on one line), the characters around the headings; when no heading is
found, the whole document. The template may hold ``$rows``, ``$table2_rows``,
``$table3_columns``, ``$table4_groups`` and ``$table4_columns``: rendered from the form.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

from .._exceptions import ModelConfigError
from ..form import FORM
from ..ingest import Document

__all__ = ["PromptSet", "load_prompts", "default_prompts_dir", "build_messages", "document_excerpt"]

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE_LINES = 5


@dataclass(frozen=True)
class PromptSet:
    version: str
    system: str
    user: str
    hash: str            # sha256 of the templates as sent (first 12 hex digits)

    @property
    def label(self) -> str:
        """``v1+3f2a…``: the version with the template hash, as records show it."""
        return f"{self.version}+{self.hash}"


def default_prompts_dir() -> Path:
    """The ``prompts/`` directory: ``llm_extract/prompts`` is a link to the repository's
    ``prompts/`` and is packaged with the wheel, so installed copies find their templates."""
    return Path(__file__).parents[1] / "prompts"


def _body(text: str) -> tuple[str, dict[str, str]]:
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip()
        text = text[m.end():]
    return text.strip() + "\n", meta


@lru_cache(maxsize=16)
def _load(directory: str, version: str) -> PromptSet:
    folder = Path(directory) / version
    try:
        system, smeta = _body((folder / "system.md").read_text(encoding="utf-8"))
        user, umeta = _body((folder / "user.md").read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelConfigError(f"prompt version {version!r} not found in {directory}: {exc}") from exc
    for meta, name in ((smeta, "system.md"), (umeta, "user.md")):
        if meta.get("version", version) != version:
            raise ModelConfigError(f"{folder / name} says version {meta['version']!r}, its folder {version!r}")
    system = Template(system).safe_substitute(form_variables())
    digest = hashlib.sha256(f"{system}\x00{user}".encode("utf-8")).hexdigest()[:12]
    return PromptSet(version=version, system=system, user=user, hash=digest)


def load_prompts(version: str = "v1", directory: str | Path | None = None) -> PromptSet:
    """The templates of one prompt version."""
    return _load(str(directory or default_prompts_dir()), version)


def _title(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if len(text) > 80:         # a text without line breaks: its title is where it starts
            if not out:
                end = text.find("报告", 0, 120)
                out.append(text[:end + 2] if end >= 0 else text[:80])
            break
        out.append(text)
        if "报告" in text or len(out) >= _TITLE_LINES:
            break
    return "\n".join(out)


_SECTION_AFTER = re.compile(r"^\s*[五六七八]\s*[、.．]")
_T4_NUMBERS_LINES = 24        # lines after the 表四 heading that may hold its header and numbers
_ONE_LINE_AFTER_T4 = 600      # characters after the 表四 heading in a text without line breaks
_MAX_LINE = 2000


def _heading_lines(lines: list[str]) -> dict[str, int]:
    """The first line (0-based) each table heading is printed on, in table order: 表二, then 表三 after it, …"""
    out: dict[str, int] = {}
    at = 0
    for name, pattern in FORM.headings.items():
        for i in range(at, len(lines)):
            if pattern.search("".join(lines[i].split())):
                out[name] = at = i
                break
    return out


def _one_line(text: str) -> str:
    """The table text of a long line: from the first heading to a stretch after the 表四 heading."""
    flat = "".join(text.split())
    starts = [m.start() for p in FORM.headings.values() if (m := p.search(flat))]
    t4 = FORM.headings["表四"].search(flat)
    if not starts:
        return text
    end = t4.end() + _ONE_LINE_AFTER_T4 if t4 else len(flat)
    # keep the original spacing: map the flat offsets back onto the text
    keep, n = [], 0
    for ch in text:
        if not ch.isspace():
            n += 1
        if min(starts) < n <= end:
            keep.append(ch)
    return "".join(keep).strip()


def document_excerpt(doc: Document) -> tuple[str, str, dict[str, list[int]]]:
    """``(title, tables, headings)``: the title lines, the text the model is shown, and the
    1-based line each table heading was found on.

    Empty lines are dropped (a line holding only a tab is a blank cell and is kept).
    """
    lines = doc.lines
    found = _heading_lines(lines)
    spans = {name: [i + 1, i + 1] for name, i in found.items()}
    if found:
        start = min(found.values())
        end = len(lines)
        if "表四" in found:
            t4 = found["表四"]
            end = min(len(lines), t4 + _T4_NUMBERS_LINES)
            end = next((i for i in range(t4 + 1, end) if _SECTION_AFTER.match(lines[i])), end)
        chosen = lines[start:end]
    else:
        chosen = lines
    chosen = [_one_line(line) if len(line) > _MAX_LINE else line for line in chosen]
    tables = "\n".join(line.rstrip(" ") for line in chosen if line != "" and line.strip(" ") != "")
    return _title(lines), tables, spans


def form_variables() -> dict[str, str]:
    """The form's rows and columns as the templates print them (``$rows`` …)."""
    rows = "\n".join(f"- {r.key}: {r.group + ' ' if r.group else ''}{r.label}" for r in FORM.table3_rows)
    t2 = "\n".join(f"- {r.path.split('.', 1)[1]} {r.label}: " + "、".join(
        f"{c.key + ' ' if c.key else ''}{c.label}" for c in r.columns) for r in FORM.table2)
    return {"rows": rows, "table2_rows": t2,
            "table3_columns": ", ".join(f"{c.key} {c.label}" for c in FORM.table3_columns),
            "table4_groups": "、".join(f"{g.key} {g.label}" for g in FORM.table4_groups),
            "table4_columns": ", ".join(f"{c.key} {c.label}" for c in FORM.table4_columns)}


def build_messages(doc: Document, prompts: PromptSet) -> list[dict[str, str]]:
    """The chat messages for one document."""
    title, tables, _ = document_excerpt(doc)
    user = Template(prompts.user).safe_substitute(doc_id=doc.doc_id, title=title, tables=tables)
    return [{"role": "system", "content": prompts.system}, {"role": "user", "content": user}]
