"""The review store: one place where the queue is read and decided, for the CLI and the web page.

::

    store = ReviewStore("out/")
    store.items(doc="002_…", status="derived")            # the queue, filtered
    store.resolve([DecisionRequest(item_id="44378b0d68013266", value="6")], reviewer="wang")
    store.accept(status="derived", doc="002_…")           # the current values, as they stand
    store.undo()                                           # the last decision in force

Every value is checked against its field before anything is written
(:mod:`llm_extract.decision_values`); a batch with one invalid value writes nothing. A
command appends one line per decision to ``decisions.jsonl``, rewrites each touched
record once, and rebuilds the combined outputs once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ._exceptions import DocumentError
from .decision_values import KEEP, InvalidDecision, check_value, parse_value
from .decisions import Decision, append_decisions, decision_key, load_decisions, read_log
from .evidence import Record, Status
from .ingest import load
from .outputs import FAILED_DIR, RECORDS_DIR, iter_jsonl, read_json, write_json
from .rebuild_later import RebuildLater, current_queue
from .renamed import orphan_decision_notes
from .review_counts import QUEUE_FILE, DocumentQueue, count_documents
from .review import ReviewItem
from .review_requests import DecisionRequest, ResolveOutcome, requests_from_csv
from .runlock import SharedLock, run_lock
from verify.settle import apply_decisions, current_table_hash, revert_decision, with_table_hashes

__all__ = ["ReviewStore", "DecisionRequest", "ResolveOutcome", "DocumentQueue", "InvalidDecision", "UnknownFilter",
           "requests_from_csv"]

#: what a table filter takes: a table's name, or T2/T3/T4 for those typed without a Chinese keyboard
_TABLES = {"meta": "meta", "表二": "表二", "表三": "表三", "表四": "表四", "t2": "表二", "t3": "表三", "t4": "表四"}


class UnknownFilter(ValueError):
    """A queue filter naming no status, table or document of the output directory (a typo would show an empty queue)."""



_NOTHING_TO_ACCEPT = ("{item}: the field is missing (nothing was read), so there is no value to keep: "
                      "give its value, or null for a blank cell")


def _nothing_read(item: ReviewItem) -> bool:
    """A field item whose status is missing: its value (None) is no reading a reviewer could accept."""
    return bool(item.path) and not item.finding and item.status == "missing"


def _is_field_target(item: ReviewItem) -> bool:
    """Does ``keep`` on this item keep a field (rather than acknowledge a finding)?"""
    return bool(item.path) and (not item.finding or item.rules[:1] in (["REVIEW.STALE"], ["REVIEW.INVALID_DECISION"]))


class ReviewStore:
    """The review queue of an output directory, and the only writer of its decisions."""

    def __init__(self, out_dir: str | Path, *, rebuild_later: bool = False) -> None:
        """``rebuild_later``: a decision returns once it is written, and the combined outputs are rebuilt on a
        thread when the reviewer pauses (:mod:`llm_extract.rebuild_later`; :meth:`flush` waits for it)."""
        self.out = Path(out_dir)
        if not (self.out / RECORDS_DIR).is_dir():
            raise FileNotFoundError(f"{self.out} is not an extract output directory (no {RECORDS_DIR}/)")
        self._documents: tuple[tuple[Any, ...], list[DocumentQueue], dict[str, list[dict[str, Any]]]] | None = None
        # OUT's lock, shared by this store's blocks: its decisions go on while its own rebuild behind the
        # reviewer holds it; another store or process is kept out
        self._locked = SharedLock(lambda: run_lock(self.out))
        self.later = RebuildLater(self.rebuild_now) if rebuild_later else None

    def flush(self) -> bool:
        """Wait until the combined outputs hold every decision made through this store; False when their rebuild
        failed by RebuildError (``later.error`` says why; it is not tried again until the next decision)."""
        return self.later is None or self.later.flush()

    # reading -----------------------------------------------------------------------------------
    def filters(self, *, doc: str | None = None, status: str | None = None,
                table: str | None = None) -> tuple[str | None, str | None]:
        """The status and the table filters as the queue spells them (``Disputed`` → ``disputed``, ``T4`` → ``表四``);
        raises :class:`UnknownFilter` for a status, table or document that does not exist."""
        statuses = [s.value for s in Status]
        if status is not None and status.strip().lower() not in statuses:
            raise UnknownFilter(f"--status {status!r}: not a status (one of {', '.join(statuses)})")
        if table is not None and table.strip().lower() not in _TABLES:
            raise UnknownFilter(f"--table {table!r}: not a table (one of meta, 表二, 表三, 表四; or T2, T3, T4)")
        if doc is not None and not any((self.out / folder / f"{doc}.json").is_file()
                                       for folder in (RECORDS_DIR, FAILED_DIR)):
            raise UnknownFilter(f"--doc {doc!r}: no such document in {self.out} "
                                f"(`llm-extract review {self.out}` lists the ids)")
        return (status.strip().lower() if status is not None else None,
                _TABLES[table.strip().lower()] if table is not None else None)

    def items(self, *, doc: str | None = None, table: str | None = None, status: str | None = None,
              rule: str | None = None) -> list[ReviewItem]:
        """The queue; ``rule`` matches a rule code or its prefix (``T3.``), or the problem of a decision
        on the item that was not applied (``REVIEW.STALE``: shown on the item beside the field's own rules)."""
        return list(self.iter_items(doc=doc, table=table, status=status, rule=rule))

    def iter_items(self, *, doc: str | None = None, table: str | None = None, status: str | None = None,
                   rule: str | None = None) -> Iterator[ReviewItem]:
        """:meth:`items` one at a time, a document's items together (the queue of a large batch is ~400,000 items)."""
        for item in self._queue(lambda raw: doc is None or raw.get("doc_id") == doc, None if doc is None else [doc]):
            codes = item.rules + ([str(item.decision.get("problem"))] if item.decision else [])
            if ((doc is None or item.doc_id == doc) and (table is None or item.table == table)
                    and (status is None or item.status == status)
                    and (rule is None or any(r == rule or r.startswith(rule) for r in codes))):
                yield item

    def _queue(self, wanted: Callable[[dict[str, Any]], bool], holding: list[str] | None = None) -> Iterator[ReviewItem]:
        """The queue's items whose line is ``wanted``, streamed: the queue of a large batch is hundreds of
        MB, and only the lines asked for become items (one document's page, one decision); ``holding``: the
        ids every wanted line holds (a document's, items'), to pass over the others unparsed. A document decided
        since the last rebuild behind the reviewer has its queue from its record (:meth:`_pending_queue`)."""
        pending: dict[str, list[dict[str, Any]]] = {d: [] for d in self._pending()}
        for raw in iter_jsonl(self.out / QUEUE_FILE, holding=None if holding is None else [*holding, *pending]):
            if raw.get("doc_id") in pending:
                pending[raw["doc_id"]].append(raw)
            elif wanted(raw):
                yield ReviewItem.model_validate(raw)
        for doc_id, combined in pending.items():
            for raw in self._pending_queue(doc_id, combined):
                if wanted(raw):
                    yield ReviewItem.model_validate(raw)

    def _pending(self) -> set[str]:
        return self.later.pending() if self.later is not None else set()

    def _pending_queue(self, doc_id: str, combined: list[dict[str, Any]]) -> list[dict[str, Any]]:
        try:
            return current_queue(self.record(doc_id), combined)
        except KeyError:                       # (no longer in OUT)
            return []

    def record(self, doc_id: str) -> dict[str, Any]:
        path = self.out / RECORDS_DIR / f"{doc_id}.json"
        if "/" in doc_id or "\\" in doc_id or not path.is_file():
            raise KeyError(f"no document {doc_id} in {self.out}")
        return read_json(path)

    def documents(self) -> list[DocumentQueue]:
        """Every document with its queue counts and the decisions in force, in doc id order.

        Kept while the files they are counted from are unchanged (each is replaced or appended
        to, never edited in place): the queue of a large batch is hundreds of MB, and every page
        of the review site shows these counts."""
        stamp = tuple(_stamp(self.out / name) for name in ("records.csv", QUEUE_FILE))
        if self._documents is None or self._documents[0] != stamp:
            self._documents = (stamp, *count_documents(self.out))
        docs = {d.doc_id: d.model_copy() for d in self._documents[1]}
        for doc_id in self._pending():          # decided since the last rebuild: counted from its record
            if doc_id in docs:
                counts = Counter(str(raw.get("status")) for raw in
                                 self._pending_queue(doc_id, self._documents[2].get(doc_id, [])))
                docs[doc_id].queued, docs[doc_id].by_status = sum(counts.values()), dict(counts)
        for (doc_id, _), decision in load_decisions(self.out).items():
            if doc_id in docs and not decision.problem:
                docs[doc_id].decided += 1
        return list(docs.values())

    def notes(self) -> list[str]:
        """What a reviewer must know beyond the queue: decisions about documents not in OUT."""
        return orphan_decision_notes(self.out)

    def _target(self, item_id: str, queue: dict[str, ReviewItem], log: dict[str, Decision]) -> ReviewItem:
        """A queued item, or an item decided earlier (to decide it again)."""
        if item_id in queue:
            return queue[item_id]
        d = log.get(item_id)
        if d is None:
            raise InvalidDecision(f"{item_id}: no such review item in {self.out}")
        rec = Record.from_json_dict(self.record(d.doc_id))
        value = rec.report.get(d.path) if d.path and not d.finding else None
        return ReviewItem(id=item_id, doc_id=d.doc_id, path=d.path, table="", status="reviewed", value=value,
                          finding=d.finding)

    # deciding ----------------------------------------------------------------------------------
    def resolve(self, requests: list[DecisionRequest], *, reviewer: str | None = None) -> ResolveOutcome:
        """Decide items; every value is checked first, and one invalid value writes nothing."""
        asked = {r.item_id.strip() for r in requests}
        queue = {i.id: i for i in self._queue(lambda raw: raw.get("id") in asked, sorted(asked))}
        log = {d.item_id: d for d in read_log(self.out) if d.item_id and d.action != "undo"}
        planned: list[tuple[ReviewItem, Any, str | None]] = []
        errors = []
        for r in requests:
            try:
                item = self._target(r.item_id.strip(), queue, log)
                value = self._parse(item, r.value)
            except (InvalidDecision, KeyError) as exc:
                errors.append(str(exc).strip("'\""))
                continue
            planned.append((item, value, r.note or None))
        if errors:
            raise InvalidDecision("nothing written: " + "; ".join(errors[:20])
                                  + (f"; … {len(errors) - 20} more" if len(errors) > 20 else ""))
        return self._decide(planned, reviewer)

    def resolve_one(self, item_id: str, value: str, *, reviewer: str | None = None,
                    note: str | None = None) -> Record:
        outcome = self.resolve([DecisionRequest(item_id=item_id, value=value, note=note)], reviewer=reviewer)
        return Record.from_json_dict(self.record(outcome.documents[0]))

    def accept(self, *, status: str | None = None, doc: str | None = None, table: str | None = None,
               rule: str | None = None, reviewer: str | None = None, note: str | None = None) -> ResolveOutcome:
        """Accept the current values of the matching items (a finding is acknowledged)."""
        return self.accept_items(self.items(doc=doc, table=table, status=status, rule=rule),
                                 reviewer=reviewer, note=note)

    def accept_items(self, items: list[ReviewItem], *, reviewer: str | None = None,
                     note: str | None = None) -> ResolveOutcome:
        """Accept the items' current values. A missing field is passed over (counted in ``skipped_missing``):
        nothing was read, so accepting it would assert a blank cell no one saw; one asked for alone is refused."""
        planned: list[tuple[ReviewItem, Any, str | None]] = []
        missing = [i for i in items if _nothing_read(i)]
        if missing and len(missing) == len(items):
            raise InvalidDecision(_NOTHING_TO_ACCEPT.format(item=missing[0].id))
        for item in items:
            if _nothing_read(item):
                continue
            # a finding is acknowledged; a finding on a field's decision (REVIEW.STALE) keeps the value the field
            # holds (the item carries no value of its own: None would be a blank cell)
            value = KEEP if item.finding else check_value(item.path, item.value)
            planned.append((item, value, note))
        outcome = self._decide(planned, reviewer)
        outcome.skipped_missing = len(missing)
        return outcome

    @staticmethod
    def _parse(item: ReviewItem, text: str) -> Any:
        if item.path:
            value = parse_value(item.path, text)
            if value == KEEP and _nothing_read(item):
                raise InvalidDecision(_NOTHING_TO_ACCEPT.format(item=item.id))
            return value
        if text.strip().lower() == KEEP:
            return KEEP
        raise InvalidDecision(f"{item.id}: a finding about the whole document ({', '.join(item.rules)}) can only "
                              "be acknowledged: keep")

    def _decide(self, planned: list[tuple[ReviewItem, Any, str | None]], reviewer: str | None) -> ResolveOutcome:
        # never beside an extract run (or another decision) writing OUT; the records are read under the
        # lock too: one read before another reviewer's decision landed would write that decision away
        with self._locked():
            records: dict[str, Record] = {}
            decisions: list[Decision] = []
            lines: dict[str, list[str]] = {}
            for item, value, note in planned:
                rec = records.get(item.doc_id)
                if rec is None:
                    rec = Record.from_json_dict(self.record(item.doc_id))
                    lines[item.doc_id] = _lines(rec)
                    rec = records[item.doc_id] = with_table_hashes(rec, lines[item.doc_id])
                common = {"doc_id": item.doc_id, "item_id": item.id, "reviewer": reviewer, "note": note,
                          "content_hash": rec.source.get("content_hash"), "source_path": rec.source.get("path")}
                if value == KEEP and not _is_field_target(item):
                    d = Decision(action="keep", path=item.path, finding=item.finding, table_hash="", **common)
                elif value == KEEP:
                    d = Decision(action="keep", path=item.path, value=check_value(item.path, rec.report.get(item.path)),
                                 table_hash=current_table_hash(rec, item.path), **common)
                else:
                    d = Decision(path=item.path, value=value, table_hash=current_table_hash(rec, item.path), **common)
                decisions.append(d)
            outcome = ResolveOutcome(decided=len(decisions))
            append_decisions(self.out, decisions)        # the log first: a crash after it is replayed by a re-run
            for doc_id, rec in records.items():     # settled again with the new decisions (verify.settle)
                mine = {decision_key(d): d for d in decisions if d.doc_id == doc_id}     # the last of a field wins
                self._write(apply_decisions(rec, mine.values()), outcome, lines[doc_id])
            self._rebuild(records)
        return outcome

    def undo(self, *, doc: str | None = None, reviewer: str | None = None) -> Decision | None:
        """Take back the last decision in force (of ``doc``, if given); None when there is none."""
        if self._last_in_force(doc) is None:        # nothing to undo: no lock needed
            return None
        with self._locked():        # (the log read again under it: the last decision when the undo is made)
            last = self._last_in_force(doc)
            if last is None:
                return None
            append_decisions(self.out, [Decision(action="undo", doc_id=last.doc_id, path=last.path,
                                                 finding=last.finding, undoes=last.id, reviewer=reviewer)])
            try:
                rec = Record.from_json_dict(self.record(last.doc_id))
            except KeyError:
                return last                 # a document not in OUT: nothing to rewrite
            lines = _lines(rec)
            rec = revert_decision(with_table_hashes(rec, lines), last)
            key = (last.doc_id, decision_key(last))
            earlier = load_decisions(self.out).get(key)
            if earlier is not None:
                rec = apply_decisions(rec, [earlier])
            self._write(rec, ResolveOutcome(), lines)
            self._rebuild([last.doc_id])
        return last

    def _last_in_force(self, doc: str | None) -> Decision | None:
        active: list[Decision] = []
        for d in read_log(self.out):
            if d.action == "undo":
                active = [x for x in active if x.id != d.undoes]
            else:
                active.append(d)
        return next((d for d in reversed(active) if doc is None or d.doc_id == doc), None)

    def _write(self, record: Record, outcome: ResolveOutcome, lines: list[str]) -> None:
        from .pipeline import _record_json

        write_json(self.out / RECORDS_DIR / f"{record.doc_id}.json", _record_json(record, lines))
        outcome.documents.append(record.doc_id)
        outcome.status_counts[record.doc_id] = {k: v for k, v in record.status_counts().items() if v}
        broken = [f"{f.code} {f.message}" for f in record.findings if f.severity == "error"]
        if broken:
            outcome.broken[record.doc_id] = broken

    def _rebuild(self, doc_ids: Iterable[str]) -> None:
        """The combined outputs made again with these documents' new records: now, or behind the reviewer."""
        if self.later is not None:
            self.later.touch(doc_ids)
        else:
            self.rebuild_now()

    def rebuild_now(self) -> None:
        """The combined outputs made again now (under OUT's lock), unless they are current."""
        from .pipeline import rebuild_outputs

        with self._locked():
            rebuild_outputs(self.out)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _lines(record: Record) -> list[str]:
    """The document's lines, read again from its source (for source lines and table hashes)."""
    source = record.source.get("path")
    try:
        return load(source).lines if source else []
    except (DocumentError, OSError):
        return []
