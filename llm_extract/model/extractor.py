"""The model extractor: a Document → an :class:`~llm_extract.evidence.Extraction` (extractor ``"model"``).

    extract_model(doc, settings) -> Extraction

``meta`` says what produced the values: ``model``, ``prompt_version`` (with the
template hash), ``mode``, ``cached``, and the usage (``calls``, ``input_tokens``,
``output_tokens``, ``reasks``, ``transport_retries``). A failure raises
:class:`~llm_extract.model.client.ModelFailure` carrying the same usage; the caller
keeps the document's deterministic record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..evidence import Extraction
from ..ingest import Document
from .answer import ANSWER_SCHEMA_VERSION, ModelAnswer, to_extraction
from .cache import ModelCache, cache_key
from .client import ModelClient
from .config import ModelSettings
from .prompts import PromptSet, build_messages, load_prompts

__all__ = ["extract_model", "model_meta"]


def model_meta(settings: ModelSettings, prompts: PromptSet) -> dict[str, Any]:
    """Who made a model value: written into every record that holds one."""
    return {"model": settings.model, "prompt_version": prompts.version, "prompt_hash": prompts.hash,
            "mode": settings.mode, "base_url": settings.public_base_url, "answer_schema": ANSWER_SCHEMA_VERSION}


def extract_model(doc: Document, settings: ModelSettings, *, client: ModelClient | None = None,
                  cache: ModelCache | None = None, cache_dir: str | Path | None = None,
                  prompts: PromptSet | None = None) -> Extraction:
    """Ask the model for one document's values (or take them from the cache).

    ``cache`` (or ``cache_dir``) enables the on-disk cache; with neither, every call goes out.
    """
    prompts = prompts or load_prompts(settings.prompt_version, settings.prompts_dir)
    if cache is None and cache_dir is not None:
        cache = ModelCache(cache_dir)
    meta = model_meta(settings, prompts)
    key = cache_key(content_hash=doc.content_hash, prompt_version=prompts.version, prompt_hash=prompts.hash,
                    model=settings.model or "", mode=settings.mode)
    if cache is not None and (entry := cache.get(key)) is not None:
        answer = ModelAnswer.model_validate(entry.answer)
        usage = {"calls": 0, "input_tokens": 0, "output_tokens": 0, "reasks": 0, "transport_retries": 0}
        return to_extraction(answer, doc.doc_id, meta | usage | {"cached": True, "cached_usage": entry.usage})
    own_client = client is None
    client = client or ModelClient(settings)
    try:
        answer, calls = client.ask(build_messages(doc, prompts), ModelAnswer, doc_id=doc.doc_id)
    finally:
        if own_client:
            client.close()
    assert isinstance(answer, ModelAnswer)
    usage = calls.usage()
    if cache is not None:
        cache.put(key, answer.model_dump(mode="json"), usage, about=meta | {"doc_id": doc.doc_id})
    return to_extraction(answer, doc.doc_id, meta | usage | {"cached": False, "usage_reported": calls.usage_reported,
                                                             "seconds": round(calls.seconds, 3)})
