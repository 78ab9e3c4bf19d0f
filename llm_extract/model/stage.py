"""The model stage of a batch: routing, bounded calls, failures kept as data. An extractor only:
what its answers are worth is settled in ``verify`` (:func:`verify.settle.settle`), never here.

    routing = resolve_routing(requested, settings)        # never | auto | always, and why
    results = run_model_stage(items, settings, routing.mode, cache_dir)
    summary = summarise_stage(results, routing, settings)

``items`` are ``(Document, context, deterministic Record)`` (the context is the caller's,
untouched). Each result is ``(Extraction | None, stage_info)``: the model's extraction when it
answered; ``None`` with ``stage_info["status"]`` ``"failed"`` (and the ``failure`` to record)
or ``"skipped"`` (and the ``reason``) otherwise.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal


from .._exceptions import ModelConfigError
from ..evidence import TRUSTED_STATUSES, Extraction, Record
from ..ingest import Document
from ..schema import ALL_PATHS
from .breaker import CircuitBreaker
from .cache import ModelCache
from .client import ModelClient
from .config import ModelSettings
from .extractor import extract_model
from .prompts import load_prompts
from .runner import Outcome, run_bounded

__all__ = ["LLMMode", "Routing", "resolve_routing", "needs_model", "run_model_stage", "summarise_stage", "BatchModelStage",
           "StageResult"]

LLMMode = Literal["never", "auto", "always"]
StageResult = tuple[Extraction | None, dict[str, Any]]
_MODES = ("never", "auto", "always")


@dataclass(frozen=True)
class Routing:
    mode: LLMMode
    reason: str

    def describe(self) -> str:
        return f"--llm {self.mode} ({self.reason})"


def resolve_routing(requested: str | None, settings: ModelSettings) -> Routing:
    """The routing mode: ``--llm`` as given, or auto when a model is configured and never otherwise.

    Raises :class:`ModelConfigError` for ``auto``/``always`` without a usable model.
    """
    if requested is not None and requested not in _MODES:
        raise ModelConfigError(f"--llm must be one of {', '.join(_MODES)}, not {requested!r}")
    if requested is None:
        if settings.is_configured:
            return Routing("auto", f"default: model {settings.model} is configured")
        return Routing("never", "default: no model configured (set LLM_EXTRACT_MODEL and OPENAI_BASE_URL "
                                "or OPENAI_API_KEY)")
    if requested != "never" and not settings.is_configured:
        raise ModelConfigError(f"--llm {requested} needs a model: give --model (or LLM_EXTRACT_MODEL) and "
                               "OPENAI_BASE_URL or OPENAI_API_KEY")
    return Routing(requested, "as requested")  # type: ignore[arg-type]


def needs_model(record: Record) -> bool:
    """True unless the deterministic path settled every field (proven, or pinned by identities of proven cells)."""
    return any((record.provenance.get(p) is None or record.provenance[p].status not in TRUSTED_STATUSES)
               for p in ALL_PATHS)


def _skipped(record: Record, reason: str) -> StageResult:
    return None, {"status": "skipped", "reason": reason, "called": False}


def _usage_info(meta: dict[str, Any]) -> dict[str, Any]:
    keys = ("calls", "input_tokens", "output_tokens", "reasks", "transport_retries")
    return {k: int(meta.get(k, 0) or 0) for k in keys}


def _report(doc_id: str, result: StageResult, progress: Callable[[str, dict[str, Any]], None] | None,
            on_result: Callable[[str, Extraction | None, dict[str, Any]], None] | None) -> None:
    if on_result is not None:
        on_result(doc_id, result[0], result[1])
    if progress is not None:
        progress(doc_id, result[1])


def run_model_stage(items: Iterable[tuple[Document, Extraction | None, Record]], settings: ModelSettings,
                    mode: LLMMode, cache_dir: str | Path | None, *, use_cache: bool = True,
                    progress: Callable[[str, dict[str, Any]], None] | None = None,
                    on_result: Callable[[str, Extraction | None, dict[str, Any]], None] | None = None,
                    client: ModelClient | None = None,
                    breaker: CircuitBreaker | None = None) -> dict[str, StageResult]:
    """Route and call (at most ``settings.concurrency`` in flight); one result per document.

    ``progress(doc_id, info)`` and ``on_result(doc_id, extraction, info)`` are called in the calling
    thread as each document is done (skipped documents first). Documents with the same content
    are asked once (the others share the answer, ``shared_with``); each answer is in the cache
    before its documents are reported. ``breaker`` (by default a new
    :class:`~llm_extract.model.breaker.CircuitBreaker`) stops the calls on an authentication
    error or a run of transport failures: the documents not yet asked fail as ``stopped``.
    """
    items = list(items)
    results: dict[str, StageResult] = {}
    routed: list[tuple[Document, Extraction | None, Record]] = []
    for doc, regex, record in items:
        if mode == "never":
            results[doc.doc_id] = _skipped(record, "--llm never")
        elif mode == "auto" and not needs_model(record):
            results[doc.doc_id] = _skipped(record, "the deterministic record is fully proven")
        else:
            routed.append((doc, regex, record))
        if doc.doc_id in results:
            _report(doc.doc_id, results[doc.doc_id], progress, on_result)
    if not routed:
        return results
    prompts = load_prompts(settings.prompt_version, settings.prompts_dir)
    cache = ModelCache(cache_dir, enabled=use_cache) if cache_dir is not None else None
    own_client = client is None
    client = client or ModelClient(settings)
    breaker = breaker if breaker is not None else CircuitBreaker(settings.breaker_failures)
    same: dict[str, list[tuple[Document, Extraction | None, Record]]] = {}
    for item in routed:                          # identical documents are asked once
        same.setdefault(item[0].content_hash, []).append(item)

    def work(item: tuple[Document, Extraction | None, Record]) -> Extraction:
        breaker.check(item[0].doc_id)
        try:
            answer = extract_model(item[0], settings, client=client, cache=cache, prompts=prompts)
        except Exception as exc:
            breaker.record(item[0].doc_id, exc)
            raise
        breaker.record(item[0].doc_id, None)
        return answer

    def finish(doc: Document, regex: Extraction | None, record: Record, model: Extraction | None,
               err: BaseException | None, shared_with: str | None) -> None:
        shared = {"shared_with": shared_with} if shared_with else {}
        if model is not None:
            meta = model.meta if not shared_with else {}          # the call's cost is counted once
            model = model.model_copy(update={"doc_id": doc.doc_id}) if shared_with else model
            info = {"status": "ok", "called": not shared_with, "cached": bool(model.meta.get("cached"))} | \
                _usage_info(meta) | shared
            if meta.get("usage_reported") is False:          # the endpoint sent no token counts: 0 is not the cost
                info["usage_reported"] = False
            results[doc.doc_id] = (model, info)
        else:
            usage = dict(getattr(err, "usage", {}) or {}) if not shared_with else {}
            failure = {"error": str(err) or type(err).__name__, "kind": getattr(err, "kind", "error"),
                       "model": settings.model, "prompt_version": prompts.version,
                       "raw": getattr(err, "raw", None)} | _usage_info(usage) | shared
            results[doc.doc_id] = (None, {"status": "failed", "called": not shared_with, "cached": False,
                                          "error": failure["error"], "kind": failure["kind"], "failure": failure}
                                   | _usage_info(usage) | shared)
        _report(doc.doc_id, results[doc.doc_id], progress, on_result)

    def done(outcome: Outcome[tuple[Document, Extraction | None, Record], Extraction]) -> None:
        first = outcome.job[0]
        model = outcome.result if outcome.ok else None
        for doc, regex, record in same[first.content_hash]:
            finish(doc, regex, record, model, outcome.error, None if doc is first else first.doc_id)

    try:
        run_bounded([group[0] for group in same.values()], work, concurrency=settings.concurrency, on_done=done)
    finally:
        if own_client:
            client.close()
    return {doc.doc_id: results[doc.doc_id] for doc, _, _ in items}


def summarise_stage(results: Mapping[str, StageResult | dict[str, Any]], routing: Routing,
                    settings: ModelSettings) -> dict[str, Any]:
    """The model stage's part of a run summary: routing, calls, tokens, cache hits, failures.

    ``results`` maps doc ids to ``(record, info)`` pairs or to the ``info`` dicts alone.
    """
    doc_ids = list(results)
    pairs = [r[1] if isinstance(r, tuple) else r for r in results.values()]
    out: dict[str, Any] = {
        "mode": routing.mode, "reason": routing.reason,
        "model": settings.describe() if routing.mode != "never" else None,
        "documents": len(pairs),
        "routed_to_model": sum(1 for i in pairs if i.get("called")),
        "skipped": sum(1 for i in pairs if i.get("status") == "skipped"),
        "answered": sum(1 for i in pairs if i.get("status") == "ok"),
        "cache_hits": sum(1 for i in pairs if i.get("cached")),
        "calls": sum(int(i.get("calls", 0)) for i in pairs),
        "input_tokens": sum(int(i.get("input_tokens", 0)) for i in pairs),
        "output_tokens": sum(int(i.get("output_tokens", 0)) for i in pairs),
        "reasks": sum(int(i.get("reasks", 0)) for i in pairs),
        "transport_retries": sum(int(i.get("transport_retries", 0)) for i in pairs),
        "failed": [{"doc_id": d, "kind": i.get("kind"), "error": i.get("error")}
                   for d, i in zip(doc_ids, pairs) if i.get("status") == "failed"],
        "shared": sum(1 for i in pairs if i.get("shared_with")),
        "usage_unreported": sum(1 for i in pairs if i.get("usage_reported") is False),
    }
    xc: dict[str, int] = {}
    for i in pairs:
        for k, v in (i.get("crosscheck") or {}).items():
            xc[k] = xc.get(k, 0) + int(v)
    out["crosscheck"] = xc
    return out


class BatchModelStage:
    """The model stage inside a batch run (``llm_extract.pipeline.run_batch``).

    The pipeline :meth:`offer` s each deterministic record; routed ones are held (in chunks,
    so memory stays bounded) and :meth:`run` calls the model for them, cross-checks, and
    hands every result back through a callback. :meth:`summary` is the run summary's
    ``llm`` part: routing and why, calls, tokens, cache hits, failures.
    """

    def __init__(self, settings: ModelSettings, routing: Routing, cache_dir: str | Path | None,
                 *, use_cache: bool = True, chunk: int | None = None) -> None:
        self.settings = settings
        self.routing = routing
        # without the cache, this run's answers still go to a directory of its own: identical documents held
        # in different chunks are asked once, and no answer of an earlier run is read (removed with the stage)
        self._scratch = None if use_cache else tempfile.TemporaryDirectory(prefix="llm-extract-answers-")
        self.cache_dir = cache_dir if use_cache else self._scratch.name       # type: ignore[union-attr]
        self.use_cache = True
        self.chunk = chunk or max(64, settings.concurrency * 8)
        self._pending: list[tuple[Document, Extraction | None, Record, Any]] = []
        self._infos: dict[str, dict[str, Any]] = {}
        self.breaker = CircuitBreaker(settings.breaker_failures)     # shared by every chunk of the run

    @classmethod
    def create(cls, llm: str | None, settings: ModelSettings | None = None, cache_dir: str | Path | None = None,
               *, use_cache: bool = True) -> "BatchModelStage":
        """Settings from the environment when not given; routing as :func:`resolve_routing` says."""
        from .cache import default_cache_dir
        from .config import load_settings

        settings = settings if settings is not None else load_settings()
        return cls(settings, resolve_routing(llm, settings), cache_dir or default_cache_dir(), use_cache=use_cache)

    def wants(self, record: Record) -> bool:
        mode = self.routing.mode
        return mode == "always" or (mode == "auto" and needs_model(record))

    def redo(self, record_json: dict[str, Any]) -> bool:
        """Should a record kept from an earlier run go to the model now (it never got an answer)?"""
        model = (record_json.get("stages") or {}).get("model") or {}
        if model.get("status") == "ok" or self.routing.mode == "never":
            return False
        return self.routing.mode == "always" or any(
            (p or {}).get("status") not in TRUSTED_STATUSES for p in (record_json.get("provenance") or {}).values())

    def offer(self, doc: Document, record: Record, context: Any = None) -> bool:
        """Hold the document for the model if it is routed there (True); else note it as skipped (False)."""
        if not self.wants(record):
            reason = "--llm never" if self.routing.mode == "never" else "the deterministic record is fully proven"
            self._infos[doc.doc_id] = {"status": "skipped", "reason": reason, "called": False}
            return False
        self._pending.append((doc, None, record, context))
        return True

    @property
    def full(self) -> bool:
        return len(self._pending) >= self.chunk

    def run(self, on_result: Callable[[Document, Extraction | None, dict[str, Any], Any], None],
            progress: Callable[[str, dict[str, Any]], None] | None = None) -> None:
        """Call the model for the held documents; ``on_result(doc, extraction, info, context)`` for each
        (the caller settles it with the deterministic reading)."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        by_id = {doc.doc_id: (doc, ctx) for doc, _, _, ctx in pending}

        def done(doc_id: str, extraction: Extraction | None, info: dict[str, Any]) -> None:
            self._infos[doc_id] = info
            doc, ctx = by_id[doc_id]
            on_result(doc, extraction, info, ctx)

        run_model_stage([(d, x, r) for d, x, r, _ in pending], self.settings, "always", self.cache_dir,
                        use_cache=self.use_cache, progress=progress, on_result=done, breaker=self.breaker)

    def summary(self) -> dict[str, Any]:
        out = summarise_stage(self._infos, self.routing, self.settings)
        if self.breaker.open:
            out["stopped"] = self.breaker.reason
        return out
