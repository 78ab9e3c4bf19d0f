"""The record a file left under a document id it no longer has: removed before the file is read again.

A document id is the file's stem, made unique with a hash of the file's real path when two inputs share
a stem (``pipeline._doc_ids``). A file's id therefore changes when a file of the same name joins the
batch (``a/report.txt``: ``report`` → ``report-1a2b3c``). Its record (or failure) under the old id would
stay in OUT beside the new one, and every combined output (records.jsonl, the workbook, the roll-ups by
agency and year) would hold the report twice. So before a run reads its files, the record and failure
files of this batch's files under any other id are removed. Reviewer decisions made under the old id stay
in ``decisions.jsonl`` and follow the file (``REVIEW.RENAMED``).

Likewise a file that held several reports (records ``<id>-1``, ``<id>-2``, ...; ``llm_extract.multireport``)
and holds one now, or fails, or holds fewer: before it is read again, the records of its old parts go.

Only files whose name could be such an id of a file of the batch (its stem, with a path hash or a split
report's number after it) are opened: a rerun under the same ids reads nothing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from .decisions import load_decisions
from .multireport import split_from
from .outputs import FAILED_DIR, RECORDS_DIR, read_json

__all__ = ["remove_renamed", "remove_parts", "orphan_decision_notes"]

#: what an id adds to a file's stem: a path hash (two inputs of one stem), a split report's number
_ID_TAIL = re.compile(r"(?:-[0-9a-f]{6})?(?:-\d+)?$")


def _source_path(data: object) -> str | None:
    if isinstance(data, dict):
        source = data.get("source")
        path = source.get("path") if isinstance(source, dict) else data.get("path")
        return path if isinstance(path, str) else None
    return None


def remove_renamed(out: Path, ids: dict[Path, str]) -> list[str]:
    """Remove from ``out`` the record and failure files of the files of ``ids`` under ids other than
    theirs (or their split reports' ``<id>-k``); returns the removed files' names."""
    current = set(ids.values())
    stems = {f.stem for f in ids}
    files = {os.path.realpath(f) for f in ids}
    removed = []
    for folder in (RECORDS_DIR, FAILED_DIR):
        try:
            names = os.listdir(out / folder)
        except OSError:
            continue
        for name in names:
            doc_id = name[:-5]
            if (not name.endswith(".json") or doc_id in current or _ID_TAIL.sub("", doc_id) not in stems
                    or split_from(doc_id) in current):
                continue
            try:
                path = _source_path(read_json(out / folder / name))
            except (OSError, ValueError):
                continue
            if path is not None and os.path.realpath(path) in files:
                (out / folder / name).unlink(missing_ok=True)
                removed.append(f"{folder}/{name}")
    return removed


def _of(path: Path, f: Path) -> bool:
    try:
        source = _source_path(read_json(path))
    except (OSError, ValueError):
        return False
    return source is not None and os.path.realpath(source) == os.path.realpath(f)


def remove_parts(out: Path, doc_id: str, f: Path) -> None:
    """Remove the records (and failures) ``<doc_id>-1``, ``<doc_id>-2``, … that file ``f`` left when it
    held several reports (a file of such a name of its own is kept)."""
    for folder in (RECORDS_DIR, FAILED_DIR):
        k = 1
        while (part := out / folder / f"{doc_id}-{k}.json").exists():
            if _of(part, f):
                part.unlink(missing_ok=True)
            k += 1


def orphan_decision_notes(out: Path) -> list[str]:
    """Decisions on file that name a document not in OUT: those that follow a renamed document (same source
    file under another id) and those kept but not applied."""
    ids = {p.stem for p in (out / RECORDS_DIR).glob("*.json")}
    orphans = [d for (doc_id, _), d in load_decisions(out).items() if doc_id not in ids]
    if not orphans:
        return []
    by_source = {}
    for p in (out / RECORDS_DIR).glob("*.json"):
        src = (read_json(p).get("source") or {}).get("path")
        if src:
            by_source[src] = p.stem
    notes = []
    for doc_id, n in sorted(Counter(d.doc_id for d in orphans).items()):
        source = next((d.source_path for d in orphans if d.doc_id == doc_id and d.source_path), None)
        if source in by_source:
            notes.append(f"{n} decision(s) recorded for {doc_id or '(unreadable line)'} now apply to "
                         f"{by_source[source]} (same source file {source}; the document id was renamed)")
        else:
            notes.append(f"{n} decision(s) name {doc_id or '(unreadable line)'}, which is not in {out}"
                         + (f" (source {source})" if source else "") + ": kept, not applied")
    return notes
