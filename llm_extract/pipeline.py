"""The pipeline: files → verified records, review queue and summary in an output directory.

Usable from Python without the CLI::

    from llm_extract import run_batch
    summary = run_batch(["golden/"], "out/")

A document that fails (empty, binary, not a report, ...) is recorded in
``OUT/failed/`` and in the summary; the batch goes on. Each record is written
atomically as soon as its document is done; the combined files are rebuilt
from the record files at the end, so a killed run resumes (documents whose
record was made from the same file bytes are skipped) without duplicates.
"""

from __future__ import annotations

import hashlib
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from ._exceptions import DocumentError
from .batchgc import batch_gc
from .decisions import decisions_for, load_decisions
from .evidence import Extraction, Record
from .ingest import (SUPPORTED_SUFFIXES, Document, InputLimits, file_hash, load_bytes, read_as_text, read_capped,
                     scan_inputs)
from .outputs import FAILED_DIR, RECORDS_DIR, read_json, write_json
from .review import review_items
from .multireport import split_from, split_reports
from .rebuild import RebuildError, rebuild_combined
from .renamed import remove_parts, remove_renamed
from .runlock import remove_stale_temp_files, run_lock
from .workers import map_ordered, worker_count
from .settling import read_document
from verify.settle import apply_decisions

if TYPE_CHECKING:  # the model stage (openai, instructor) is imported only by runs that use it
    from .model.config import ModelSettings
    from .model.stage import BatchModelStage

__all__ = ["process_document", "run_batch", "rebuild_outputs", "resolve_item", "RunSummary", "DocumentOutcome",
           "LLM_MODES"]

LLM_MODES = ("never", "auto", "always")
MAX_LISTED_FAILURES = 1000
#: the documents listed in the summary as the slowest read (path, seconds, ok): where a batch's time went
SLOWEST_LISTED = 10
#: an id's most UTF-8 bytes: its files' names (``<id>-k.json``, written through ``.<name>.XXXXXXXX.tmp``)
#: stay within the 255 bytes a file name may have (a report's title as its file name, 85 Chinese characters)
_MAX_ID_BYTES = 200


#: the error type of a document whose reading hit a bug in the program (the batch goes on without it)
INTERNAL_ERROR = "InternalError"
#: the error type of a document whose reading killed the worker process reading it (out of memory, a crash)
PROCESS_DIED = "ProcessDied"


class DocumentOutcome(BaseModel):
    doc_id: str
    path: str
    ok: bool
    resumed: bool = False
    error: str | None = None
    error_type: str | None = None
    seconds: float = 0.0
    status_counts: dict[str, int] = Field(default_factory=dict)


class RunSummary(BaseModel):
    out_dir: str
    documents: int = 0
    ok: int = 0
    failed: int = 0
    resumed: int = 0
    fields: dict[str, int] = Field(default_factory=dict)     # status → count over ok documents
    queued: int = 0                                          # review-queue items
    decisions: int = 0                                       # reviewer decisions on file
    rules: dict[str, int] = Field(default_factory=dict)      # rule code → findings (error/warning)
    llm: dict[str, Any] = Field(default_factory=dict)        # mode and why; calls, tokens
    seconds: float = 0.0
    failures: list[dict[str, str]] = Field(default_factory=list)   # the first MAX_LISTED_FAILURES (all in OUT/failed/)
    skipped: list[dict[str, str]] = Field(default_factory=list)    # files under input folders that are no documents
    slowest: list[dict[str, Any]] = Field(default_factory=list)    # the SLOWEST_LISTED documents read the longest
    rebuild_error: str | None = None       # why the combined outputs were not rebuilt (left as they were)


def process_document(doc: Document) -> Record:
    """Extract and verify one document (the deterministic path, settled by :func:`verify.settle.settle`)."""
    return read_document(doc).record()


def _record_json(record: Record, lines: list[str]) -> dict[str, Any]:
    data = record.to_json_dict()
    data["review"] = [item.model_dump(mode="json") for item in review_items(record, lines)]
    return data


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """The file stem, made unique with a short hash of its real path (the same however the path is spelt:
    relative or absolute, through a link) when two inputs share a stem (a file of a type
    that is not read never takes the plain stem from a report beside it: ``001.txt`` stays ``001``
    next to ``001.zip``), or when the stem is one a report split from another input would take
    (``multi-2.txt`` beside ``multi.txt``, which may hold several reports: ``multi-1``, ``multi-2``, …).
    A stem longer than an id may be is cut, and the hash added."""
    readable = Counter(f.stem for f in files if f.suffix.lower() in SUPPORTED_SUFFIXES)
    stems = Counter(f.stem for f in files)

    def taken(f: Path) -> bool:
        return (readable if f.suffix.lower() in SUPPORTED_SUFFIXES else stems)[f.stem] > 1 or \
            split_from(f.stem) in readable

    def hashed(f: Path) -> str:
        stem = f.stem.encode()[:_MAX_ID_BYTES - 7].decode("utf-8", "ignore")
        return f"{stem}-{hashlib.sha256(os.path.realpath(f).encode()).hexdigest()[:6]}"

    return {f: hashed(f) if taken(f) or len(f.stem.encode()) > _MAX_ID_BYTES else f.stem for f in files}


def _resumable(record_path: Path, data: bytes) -> dict[str, Any] | None:
    """The record made from exactly these file bytes (its ``source.file_hash``), else None: a resumed
    document costs a file read, a hash and the record's read, never a decode or a parse."""
    try:
        record = read_json(record_path)
    except (OSError, ValueError):
        return None
    source = record.get("source") if isinstance(record, dict) else None
    return record if isinstance(source, dict) and source.get("file_hash") == file_hash(data) else None


def run_batch(inputs: list[str | Path], out_dir: str | Path, *, resume: bool = True,
              progress: Callable[[DocumentOutcome], None] | None = None,
              llm: str | None = None, model: "ModelSettings | None" = None,
              cache_dir: str | Path | None = None, use_cache: bool = True,
              workers: int | None = None, limits: InputLimits | None = None) -> RunSummary:
    """Process files and directories into ``out_dir``; see the module docstring.

    ``limits``: the size of one document (:mod:`llm_extract.ingest.limits`; default: the environment's, else
    10 MB of text and 500 PDF pages); a document over them fails by name, unparsed.

    Without a model stage, documents are processed on ``workers`` processes (default: every
    core, ``$LLM_EXTRACT_WORKERS``); records, outputs and progress are in input order all the same.

    The run holds ``out_dir``'s lock (:mod:`llm_extract.runlock`): a second run on the same
    directory raises :class:`~llm_extract.runlock.OutputLockedError`.

    ``llm`` routes documents to the model stage: ``never``, ``auto`` (only documents the
    deterministic path did not fully prove) or ``always``; by default auto when a model is
    configured (``model``, else the environment) and never otherwise. Model answers are
    cached in ``cache_dir`` (default ``llm_extract.model.default_cache_dir()``) unless
    ``use_cache`` is false. Raises :class:`ModelConfigError` for unusable model settings.
    """
    with run_lock(out_dir), batch_gc():        # (the collector skips what was loaded before the batch)
        return _run_batch(inputs, Path(out_dir), resume=resume, progress=progress, llm=llm, model=model,
                          cache_dir=cache_dir, use_cache=use_cache, workers=workers,
                          limits=limits or InputLimits.from_env())


def _run_batch(inputs: list[str | Path], out: Path, *, resume: bool,
               progress: Callable[[DocumentOutcome], None] | None, llm: str | None,
               model: "ModelSettings | None", cache_dir: str | Path | None, use_cache: bool,
               workers: int | None, limits: InputLimits) -> RunSummary:
    started = time.perf_counter()
    (out / RECORDS_DIR).mkdir(parents=True, exist_ok=True)
    scanned = scan_inputs(list(inputs))
    files = scanned.files
    ids = _doc_ids(files)
    remove_renamed(out, ids)                     # a file's record under an id it had before: never twice in OUT
    decisions = load_decisions(out)
    summary = RunSummary(out_dir=str(out), documents=len(files),
                         llm={"mode": "never", "reason": "no model configured: deterministic path only"},
                         skipped=[s.model_dump() for s in scanned.skipped[:MAX_LISTED_FAILURES]])
    stage = _model_stage(llm, model, cache_dir, use_cache)
    if llm == "never":
        summary.llm = {"mode": "never", "reason": "--llm never: deterministic path only"}
    if stage is None and (n := worker_count(len(files), workers)) > 1:      # documents are independent
        outcomes: Iterator[DocumentOutcome | None] = map_ordered(
            _pooled, [(f, ids[f], out, resume) for f in files], workers=n, initializer=_init_worker,
            initargs=(decisions, limits), died=_died)
    else:
        outcomes = (_one(f, ids[f], out, resume, decisions, stage, limits) for f in files)
    for outcome in outcomes:
        if outcome is None:                      # held for the model stage: written when it answers
            if stage is not None and stage.full:
                _run_model_stage(stage, out, decisions, summary, progress)
            continue
        _tally(summary, outcome)
        if progress:
            progress(outcome)
    # a worker that died took the pool down, and the pool ended its other workers wherever they were: in the middle
    # of writing a record, they left its temp file (every worker has ended by now; serve may be writing in OUT)
    remove_stale_temp_files(out, documents_only=True)
    if stage is not None:
        _run_model_stage(stage, out, decisions, summary, progress)
        summary.llm = stage.summary()
    try:
        _finish(summary, out, {ids[f] for f in files})
    except RebuildError as exc:              # the records are written; the outputs stay as they were
        summary.rebuild_error = str(exc)
    summary.decisions = len(decisions)
    summary.seconds = round(time.perf_counter() - started, 3)
    write_json(out / "summary.json", summary.model_dump(mode="json"))
    return summary


def _one(f: Path, doc_id: str, out: Path, resume: bool, decisions: Any,
         stage: "BatchModelStage | None", limits: InputLimits) -> DocumentOutcome | None:
    """One file: its record (or failure) written; None when the model stage holds it."""
    t0 = time.perf_counter()
    record_path = out / RECORDS_DIR / f"{doc_id}.json"
    failed_path = out / FAILED_DIR / f"{doc_id}.json"
    failure: dict[str, Any] | None = None       # what failed/<doc_id>.json adds to the outcome
    try:
        if f.is_dir():       # a folder the input search could not list (llm_extract.ingest.inputs): why, by name
            with os.scandir(f):
                pass
        data = read_capped(f, limits, as_text=read_as_text(f.suffix))
        if resume and (kept := _resumable(record_path, data)) is not None and not (stage and stage.redo(kept)):
            outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=True, resumed=True)
        else:
            remove_parts(out, doc_id, f)                 # it may have held several reports when last read
            doc = load_bytes(data, doc_id=doc_id, path=str(f), suffix=f.suffix or ".txt", limits=limits)
            if len(parts := split_reports(doc)) > 1:     # several reports in one file: a record each
                return _several(f, out, parts, decisions, t0)
            doc = parts[0]                               # (without the copies of a report printed twice)
            reading = read_document(doc, tolerate_no_table=stage is not None)   # the model may read it
            record = reading.record()
            if stage is not None and stage.offer(doc, record, (f, t0, reading, record)):   # written later
                failed_path.unlink(missing_ok=True)
                return None
            record = apply_decisions(record, decisions_for(decisions, doc_id, doc.path), doc.lines)
            data = _record_json(record, doc.lines)
            write_json(record_path, data)
            outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=True, status_counts=data["status_counts"])
        failed_path.unlink(missing_ok=True)
    except DocumentError as exc:
        outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=False, error=str(exc), error_type=exc.code)
        failure = {}
    except OSError as exc:
        what = ("a folder that cannot be listed: " if f.is_dir()                # (llm_extract.ingest.inputs)
                else "a broken link: " if f.is_symlink() else "")
        outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=False, error=f"{f}: {what}{exc.strerror or exc}",
                                  error_type="OSError")
        failure = {}
    except Exception as exc:            # a bug this document set off: it fails by name, the batch goes on
        outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=False, error_type=INTERNAL_ERROR,
                                  error=f"{f}: internal error while reading it ({type(exc).__name__}: {exc}); "
                                        "this is a bug in llm-extract: please report it with this file")
        failure = {"traceback": traceback.format_exc()}
    outcome.seconds = round(time.perf_counter() - t0, 4)
    if failure is not None:                 # (written with the time it took, as the summary counts it)
        _failed(out, outcome, failure)
    return outcome


def _failed(out: Path, outcome: DocumentOutcome, extra: dict[str, Any] | None = None) -> None:
    """A document's failure in ``failed/<doc_id>.json``, and no record of it (a record and a failure of one
    document: the outputs would disagree)."""
    (out / RECORDS_DIR / f"{outcome.doc_id}.json").unlink(missing_ok=True)
    write_json(out / FAILED_DIR / f"{outcome.doc_id}.json", outcome.model_dump(mode="json") | (extra or {}))


def _several(f: Path, out: Path, parts: list[Document], decisions: Any, t0: float) -> DocumentOutcome:
    """A file holding several reports (llm_extract.multireport): one record per report, ids ``<stem>-k``.

    The parts take the deterministic path only, and are redone on every run (no resume)."""
    stem = parts[0].doc_id.rsplit("-", 1)[0]
    (out / RECORDS_DIR / f"{stem}.json").unlink(missing_ok=True)
    (out / FAILED_DIR / f"{stem}.json").unlink(missing_ok=True)
    counts: Counter[str] = Counter()
    errors = []
    for part in parts:
        record_path, failed_path = out / RECORDS_DIR / f"{part.doc_id}.json", out / FAILED_DIR / f"{part.doc_id}.json"
        try:
            record = read_document(part).record(decisions=decisions_for(decisions, part.doc_id, part.path))
        except DocumentError as exc:
            errors.append(f"{part.doc_id}: {exc.detail}")
            _failed(out, DocumentOutcome(doc_id=part.doc_id, path=str(f), ok=False, error=str(exc),
                                         error_type=exc.code))
            continue
        write_json(record_path, _record_json(record, part.lines))
        failed_path.unlink(missing_ok=True)
        counts.update(record.status_counts())
    ok = len(errors) < len(parts)
    note = f"{f}: {len(parts)} reports in one file, split into {parts[0].doc_id} … {parts[-1].doc_id}"
    return DocumentOutcome(doc_id=stem, path=str(f), ok=ok, status_counts=dict(counts),
                           error=note + ("; failed: " + "; ".join(errors) if errors else ""),
                           error_type=None if ok else "MultipleReportsError",
                           seconds=round(time.perf_counter() - t0, 4))


_WORKER_DECISIONS: dict[str, Any] = {}


def _init_worker(decisions: Any, limits: InputLimits) -> None:
    _WORKER_DECISIONS["decisions"], _WORKER_DECISIONS["limits"] = decisions, limits


def _pooled(job: tuple[Path, str, Path, bool]) -> DocumentOutcome | None:
    """:func:`_one` in a worker process (the deterministic path only)."""
    f, doc_id, out, resume = job
    return _one(f, doc_id, out, resume, _WORKER_DECISIONS["decisions"], None, _WORKER_DECISIONS["limits"])


def _died(job: tuple[Path, str, Path, bool]) -> DocumentOutcome:
    """The failure of a document whose reading killed its process (twice: once among others, once alone)."""
    f, doc_id, out, _ = job
    outcome = DocumentOutcome(doc_id=doc_id, path=str(f), ok=False, error_type=PROCESS_DIED,
                              error=f"{f}: the process reading it died (ended by the system, as the out-of-memory "
                                    "killer does, or by a crash in a library it uses); the batch went on without it")
    _failed(out, outcome)
    return outcome


def _tally(summary: RunSummary, outcome: DocumentOutcome) -> None:
    """Count one outcome into the summary (counts only: memory stays flat over the batch)."""
    if not outcome.resumed:
        slow = summary.slowest
        if len(slow) < SLOWEST_LISTED or outcome.seconds > slow[-1]["seconds"]:
            slow.append({"path": outcome.path, "seconds": outcome.seconds, "ok": outcome.ok})
            slow.sort(key=lambda d: -d["seconds"])
            del slow[SLOWEST_LISTED:]
    if outcome.ok:
        summary.ok += 1
        summary.resumed += outcome.resumed
    else:
        summary.failed += 1
        if len(summary.failures) < MAX_LISTED_FAILURES:
            summary.failures.append({"path": outcome.path, "error": outcome.error or "", "type": outcome.error_type or ""})


def _model_stage(llm: str | None, model: "ModelSettings | None", cache_dir: str | Path | None,
                 use_cache: bool) -> "BatchModelStage | None":
    """The model stage of this run, or None when it routes nothing (never, or no model configured)."""
    if llm == "never":
        return None
    from .model.config import load_settings

    settings = model if model is not None else load_settings()
    if llm is None and not settings.is_configured:
        return None
    from .model.stage import BatchModelStage

    return BatchModelStage.create(llm, settings, cache_dir, use_cache=use_cache)


def _run_model_stage(stage: "BatchModelStage", out: Path, decisions: Any, summary: RunSummary,
                     progress: Callable[[DocumentOutcome], None] | None) -> None:
    """Model answers for the held documents; each settled record is written as it arrives."""
    def done(doc: Document, extraction: Extraction | None, info: dict[str, Any], context: Any) -> None:
        f, t0, reading, deterministic = context
        record = reading.with_model_result(extraction, info, deterministic,
                                           decisions_for(decisions, doc.doc_id, doc.path))
        write_json(out / RECORDS_DIR / f"{doc.doc_id}.json", _record_json(record, doc.lines))
        outcome = DocumentOutcome(doc_id=doc.doc_id, path=str(f), ok=True, status_counts=record.status_counts(),
                                  seconds=round(time.perf_counter() - t0, 4))
        _tally(summary, outcome)
        if progress:
            progress(outcome)

    stage.run(done)


def _finish(summary: RunSummary, out: Path, batch_ids: set[str]) -> None:
    """Rebuild the combined outputs from every record file in ``out`` (this run's and earlier ones),
    streamed and on every core (:func:`llm_extract.rebuild.rebuild_combined`); count this batch's part."""
    totals = rebuild_combined(out, batch_ids)
    summary.fields = {k: v for k, v in totals.fields.items() if v}
    summary.queued = totals.queued
    summary.rules = dict(sorted(totals.rules.items()))


def rebuild_outputs(out_dir: str | Path) -> None:
    """Rewrite the combined outputs (llm_extract.export) from the record files."""
    _finish(RunSummary(out_dir=str(out_dir)), Path(out_dir), set())


def resolve_item(out_dir: str | Path, item_id: str, value: str, *, reviewer: str | None = None,
                 note: str | None = None) -> Record:
    """Decide one queue item (``value`` as a reviewer types it; see :mod:`llm_extract.review_store`)."""
    from .review_store import ReviewStore

    return ReviewStore(out_dir).resolve_one(item_id, value, reviewer=reviewer, note=note)
