"""Versioned prompt templates (``prompts/<version>/system.md`` and ``user.md``) and the messages they make.

A template may start with a ``---`` front-matter block (``version: v1``, notes); it is
not sent. The user template is a :class:`string.Template` with ``$doc_id``, ``$title``
and ``$tables``. The *prompt hash* (of both templates as sent) goes into cache keys,
so an edited template never reuses answers made with the old text.

The model is given the title lines and the table regions (表二 … 表四) rather than
the whole narrative; when a table's heading cannot be found, the whole document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

from .._exceptions import ModelConfigError
from ..extract.layout import find_regions
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
        if len(text) > 80:
            break
        out.append(text)
        if "报告" in text or len(out) >= _TITLE_LINES:
            break
    return "\n".join(out)


def document_excerpt(doc: Document) -> tuple[str, str, dict[str, list[int]]]:
    """``(title, tables, regions)``: the title lines and the text the model is shown.

    ``tables`` runs from the first table heading to the end of the last table; empty
    lines are dropped (a line holding only a tab is a blank cell and is kept).
    """
    lines = doc.lines
    regions = find_regions(lines)
    spans = {name: [r.start, r.end] for name, r in regions.items()}
    if len(regions) == 3:
        start = min(r.start for r in regions.values())
        end = max(r.end for r in regions.values())
        chosen = lines[start - 1:end - 1]
    else:
        chosen = lines
    tables = "\n".join(line.rstrip(" ") for line in chosen if line != "" and line.strip(" ") != "")
    return _title(lines), tables, spans


def build_messages(doc: Document, prompts: PromptSet) -> list[dict[str, str]]:
    """The chat messages for one document."""
    title, tables, _ = document_excerpt(doc)
    user = Template(prompts.user).safe_substitute(doc_id=doc.doc_id, title=title, tables=tables)
    return [{"role": "system", "content": prompts.system}, {"role": "user", "content": user}]
