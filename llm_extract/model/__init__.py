"""The model stage: a language model fills the same schema as the deterministic extractor.

    settings = load_settings({"model": "qwen-plus"})          # env, config file, overrides
    extraction = extract_model(doc, settings, cache_dir=".llm-extract-cache")
    record = verify.settle.settle(regex_extraction, extraction, figures, decisions, doc.lines)

or, for a batch, :func:`run_model_stage` (routing never|auto|always, bounded concurrency,
cache, failures returned as data). An extractor only: it imports neither ``verify`` nor the
deterministic reader (a test pins that); what its values are worth is settled in ``verify``.

Names are imported on first use: ``llm_extract.model.config`` (settings, routing
decisions) loads without ``openai`` and ``instructor``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {
    "ANSWER_SCHEMA_VERSION": ".answer", "ModelAnswer": ".answer", "to_extraction": ".answer",
    "answer_from_report": ".answer",
    "ModelCache": ".cache", "cache_key": ".cache", "default_cache_dir": ".cache",
    "CallLog": ".client", "ModelClient": ".client", "ModelFailure": ".client",
    "ModelSettings": ".config", "load_settings": ".config",
    "extract_model": ".extractor", "model_meta": ".extractor",
    "PromptSet": ".prompts", "build_messages": ".prompts", "document_excerpt": ".prompts", "load_prompts": ".prompts",
    "run_bounded": ".runner",
    "BatchModelStage": ".stage", "Routing": ".stage", "needs_model": ".stage", "resolve_routing": ".stage",
    "run_model_stage": ".stage", "summarise_stage": ".stage",
}

if TYPE_CHECKING:  # pragma: no cover
    from .answer import ANSWER_SCHEMA_VERSION, ModelAnswer, answer_from_report, to_extraction
    from .cache import ModelCache, cache_key, default_cache_dir
    from .client import CallLog, ModelClient, ModelFailure
    from .config import ModelSettings, load_settings
    from .extractor import extract_model, model_meta
    from .prompts import PromptSet, build_messages, document_excerpt, load_prompts
    from .runner import run_bounded
    from .stage import BatchModelStage, Routing, needs_model, resolve_routing, run_model_stage, summarise_stage

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'llm_extract.model' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
