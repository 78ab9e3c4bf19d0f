"""Reviewer decisions: append-only, validated, following the document. The log's I/O only:
what a decision does to a record is settled in ``verify`` (:mod:`verify.decided`, through
:mod:`verify.settle`).

A decision says "in document D, field P is V" (``null``: a blank cell), "keep field P as
it stands" (even a printed value that breaks an identity), or "acknowledge finding F" of
document D. Each is one line of ``OUT/decisions.jsonl``, never rewritten; an *undo* is one
more line naming the decision it takes back.

Decisions follow the document, not the file: they are keyed by document id and field,
and carry a hash of the text of the field's table (:func:`verify.decided.table_hashes`), so a changed
narrative sentence does not drop them, while a changed table does: such a decision is
**stale**, kept but not applied, and shown in the queue (``REVIEW.STALE``). A decision
whose document id changed (another file with the same name appeared) follows its source
path and says so (``REVIEW.RENAMED``). A stored line that no longer fits its field (a
hand-edited file, a schema change) becomes a finding (``REVIEW.INVALID_DECISION``), never
a crash.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .decision_values import InvalidDecision, check_value
from .outputs import jsonl_lines
from .schema import ALL_PATHS

__all__ = ["Decision", "DECISIONS_FILE", "append_decision", "append_decisions", "load_decisions", "read_log",
           "DecisionsInForce", "decisions_for", "decision_key"]

DECISIONS_FILE = "decisions.jsonl"


class Decision(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    action: Literal["set", "keep", "undo"] = "set"
    doc_id: str
    path: str = ""                    # the field; "" for a document-level finding
    finding: str | None = None        # the finding key acknowledged (see review.finding_key)
    value: Any = None
    undoes: str | None = None         # for an undo: the id of the decision taken back
    item_id: str | None = None
    table_hash: str | None = None     # hash of the field's table text when decided ("" for document level)
    content_hash: str | None = None
    source_path: str | None = None
    reviewer: str | None = None
    note: str | None = None
    decided_at: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    problem: str | None = Field(default=None, exclude=True)   # why a stored line cannot be applied


def decision_key(d: Decision) -> str:
    return f"finding:{d.finding}" if d.finding else d.path


def append_decisions(out_dir: str | Path, decisions: Iterable[Decision]) -> None:
    """Append decisions, one line each, in one write (flushed and synced: a crash loses nothing written)."""
    text = "".join(d.model_dump_json() + "\n" for d in decisions)
    if not text:
        return
    path = Path(out_dir) / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def append_decision(out_dir: str | Path, decision: Decision) -> None:
    if decision.path and decision.path not in ALL_PATHS:
        raise InvalidDecision(f"unknown field path {decision.path!r}")
    append_decisions(out_dir, [decision])


def _problem(d: Decision) -> str | None:
    if d.action == "undo":
        return None
    if d.finding:
        return None if d.path in ("", *ALL_PATHS) else f"unknown field path {d.path!r}"
    try:
        check_value(d.path, d.value)
    except InvalidDecision as exc:
        return str(exc)
    return None


def read_log(out_dir: str | Path) -> list[Decision]:
    """Every line of the log in order; a line that cannot be read carries its ``problem``.

    A torn last line (a crash while appending) is ignored.
    """
    path = Path(out_dir) / DECISIONS_FILE
    if not path.exists():
        return []
    lines = jsonl_lines(path.read_text(encoding="utf-8"))
    while lines and not lines[-1].strip():
        lines.pop()
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError:
            if n == len(lines):
                continue
            raw = None
        if not isinstance(raw, dict):
            d = Decision(doc_id="")
            d.problem = f"line {n} of {DECISIONS_FILE} is not a decision"
        else:
            try:
                d = Decision.model_validate(raw)
            except ValidationError as exc:
                d = Decision(doc_id=str(raw.get("doc_id") or ""), path=str(raw.get("path") or ""),
                             value=raw.get("value"))
                d.problem = f"line {n}: " + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                                      for e in exc.errors()[:2])
            else:
                d.problem = _problem(d)
        out.append(d)
    return out


class DecisionsInForce(dict[tuple[str, str], Decision]):
    """The decision in force per (document, field or finding key), as :func:`load_decisions` reads
    them; :meth:`about` gives one document's. Read-only once :meth:`about` has been called."""

    _index: tuple[list[Decision], dict[str, list[int]], dict[Path, list[int]]] | None = None

    def about(self, doc_id: str, source_path: str | None) -> list[Decision]:
        """The decisions about one document, in log order: recorded under its id, or under another id
        for the same source file (the same path, or one that resolves to it: the document was renamed).

        Indexed once, so that a run over many documents resolves each path once."""
        if self._index is None:
            by_doc: dict[str, list[int]] = {}
            by_source: dict[Path, list[int]] = {}
            resolved: dict[str, Path] = {}
            for n, ((owner, _), d) in enumerate(self.items()):
                by_doc.setdefault(owner, []).append(n)
                if d.source_path:
                    if d.source_path not in resolved:
                        resolved[d.source_path] = Path(d.source_path).resolve()
                    by_source.setdefault(resolved[d.source_path], []).append(n)
            self._index = (list(self.values()), by_doc, by_source)
        values, by_doc, by_source = self._index
        picked = set(by_doc.get(doc_id, ()))
        if source_path and by_source:
            picked.update(by_source.get(Path(source_path).resolve(), ()))
        return [values[n] for n in sorted(picked)]


def decisions_for(decisions: Mapping[tuple[str, str], Decision], doc_id: str,
                  source_path: str | None) -> list[Decision]:
    """The decisions in force about one document (:meth:`DecisionsInForce.about`); applied by
    :func:`verify.settle.settle`."""
    if not isinstance(decisions, DecisionsInForce):
        decisions = DecisionsInForce(decisions)
    return decisions.about(doc_id, source_path)


def load_decisions(out_dir: str | Path) -> DecisionsInForce:
    """The decision in force per (document, field or finding key): the latest not undone."""
    stacks: dict[tuple[str, str], list[Decision]] = {}
    where: dict[str, tuple[str, str]] = {}
    for d in read_log(out_dir):
        if d.action == "undo":
            key = where.pop(d.undoes or "", None)
            if key is not None:
                stacks[key] = [x for x in stacks[key] if x.id != d.undoes]
            continue
        key = (d.doc_id, decision_key(d))
        stacks.setdefault(key, []).append(d)
        where[d.id] = key
    return DecisionsInForce((k, s[-1]) for k, s in stacks.items() if s)

