"""On-disk cache of model answers.

Keyed by the document's content hash, the prompt version (and template hash), the
model, the instructor mode and the schema versions: change any of them and the
answer is asked again. One JSON file per answer under ``<dir>/<k[:2]>/<k>.json``,
written atomically (temporary file in the same directory, then ``os.replace``), so
a crash or a concurrent run never leaves a half file. Only validated answers are
cached, never failures, and nothing about the endpoint's credentials.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..schema import SCHEMA_VERSION
from .answer import ANSWER_SCHEMA_VERSION

__all__ = ["ModelCache", "cache_key", "CacheEntry", "default_cache_dir"]


def default_cache_dir() -> Path:
    """``$LLM_EXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/llm-extract/model`` (``~/.cache/...``)."""
    if os.environ.get("LLM_EXTRACT_CACHE_DIR"):
        return Path(os.environ["LLM_EXTRACT_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "llm-extract" / "model"


def cache_key(*, content_hash: str, prompt_version: str, prompt_hash: str, model: str, mode: str) -> str:
    """The cache key of one document's answer."""
    parts = {"content": content_hash, "prompt": prompt_version, "prompt_hash": prompt_hash, "model": model,
             "mode": mode, "schema": SCHEMA_VERSION, "answer_schema": ANSWER_SCHEMA_VERSION}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheEntry:
    answer: dict[str, Any]          # the validated ModelAnswer, as JSON
    usage: dict[str, int]           # tokens and calls spent making it
    created: str


class ModelCache:
    """A directory of cached answers. ``enabled=False`` reads nothing and writes nothing."""

    def __init__(self, directory: str | Path, *, enabled: bool = True) -> None:
        self.directory = Path(directory)
        self.enabled = enabled
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        if not self.enabled:
            return None
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            entry = CacheEntry(answer=data["answer"], usage=dict(data.get("usage", {})), created=data.get("created", ""))
        except (OSError, ValueError, KeyError, TypeError):
            with self._lock:
                self.misses += 1
            return None
        with self._lock:
            self.hits += 1
        return entry

    def put(self, key: str, answer: dict[str, Any], usage: dict[str, int], *, about: dict[str, Any]) -> Path | None:
        """Store an answer atomically. ``about`` says what made it (model, prompt version)."""
        if not self.enabled:
            return None
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"key": key, "about": about, "answer": answer, "usage": usage,
                   "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path
