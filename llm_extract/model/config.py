"""Model-stage settings: from explicit overrides, the environment and an optional config file.

Precedence, highest first: explicit overrides (CLI options) → environment → config file → defaults.

Environment:

    OPENAI_BASE_URL            the chat-completions endpoint (as the openai client defines it)
    OPENAI_API_KEY             the key (as the openai client defines it); never logged or written
    LLM_EXTRACT_MODEL          the model name (or --model)
    LLM_EXTRACT_TIMEOUT        seconds per HTTP call
    LLM_EXTRACT_CONCURRENCY    calls in flight at once
    LLM_EXTRACT_TEMPERATURE
    LLM_EXTRACT_MODE           tools | json_schema | json   (local servers often support only json)
    LLM_EXTRACT_MAX_TOKENS     the answer's token limit (0: do not send one)
    LLM_EXTRACT_PROMPT_VERSION
    LLM_EXTRACT_CONFIG         path of a TOML config file (default: ./llm-extract.toml if present)
    LLM_EXTRACT_CACHE_DIR      where answers are cached (default: ~/.cache/llm-extract/model)

Settings per provider (endpoints as the providers document them; not exercised by the tests,
which use a local fake server)::

    OpenAI     OPENAI_API_KEY=…  LLM_EXTRACT_MODEL=gpt-4o-mini                       (mode tools)
    DeepSeek   OPENAI_BASE_URL=https://api.deepseek.com/v1  OPENAI_API_KEY=…  LLM_EXTRACT_MODEL=deepseek-chat
    Qwen       OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1  OPENAI_API_KEY=…
               LLM_EXTRACT_MODEL=qwen-plus
    Ollama     OPENAI_BASE_URL=http://localhost:11434/v1  LLM_EXTRACT_MODEL=qwen2.5:7b  LLM_EXTRACT_MODE=json
    vLLM       OPENAI_BASE_URL=http://localhost:8000/v1  LLM_EXTRACT_MODEL=Qwen/Qwen2.5-7B-Instruct
               LLM_EXTRACT_MODE=json_schema
    llama.cpp  OPENAI_BASE_URL=http://localhost:8080/v1  LLM_EXTRACT_MODEL=local  LLM_EXTRACT_MODE=json

Local servers need no key; give slow local models a longer LLM_EXTRACT_TIMEOUT (e.g. 600).

The config file has a ``[model]`` table with the same names in lower case without the
prefix (``base_url``, ``model``, ``timeout``, ``mode``, ...). It never holds the key itself:
``api_key_env = "DEEPSEEK_API_KEY"`` names the variable to read it from.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .._exceptions import ModelConfigError

__all__ = ["ModelSettings", "load_settings", "DEFAULT_CONFIG_FILE", "InstructorModeName"]

DEFAULT_CONFIG_FILE = "llm-extract.toml"
InstructorModeName = Literal["tools", "json_schema", "json"]

_ENV = {
    "base_url": "OPENAI_BASE_URL",
    "model": "LLM_EXTRACT_MODEL",
    "timeout": "LLM_EXTRACT_TIMEOUT",
    "concurrency": "LLM_EXTRACT_CONCURRENCY",
    "temperature": "LLM_EXTRACT_TEMPERATURE",
    "mode": "LLM_EXTRACT_MODE",
    "max_tokens": "LLM_EXTRACT_MAX_TOKENS",
    "prompt_version": "LLM_EXTRACT_PROMPT_VERSION",
}


class ModelSettings(BaseModel):
    """Everything the model stage needs. ``repr`` and dumps never show the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = None
    api_key: SecretStr | None = Field(default=None, repr=False)
    model: str | None = None
    timeout: float = Field(default=120.0, gt=0)
    concurrency: int = Field(default=4, ge=1, le=256)
    temperature: float = Field(default=0.0, ge=0, le=2)
    mode: InstructorModeName = "tools"
    max_tokens: int | None = Field(default=4096, ge=0)   # 0: not sent (models that refuse max_tokens)
    prompt_version: str = "v2"
    prompts_dir: Path | None = None          # default: the repository's prompts/
    # transport retries (tenacity): timeouts, connection errors, 429, 5xx
    transport_attempts: int = Field(default=5, ge=1)
    backoff_base: float = Field(default=1.0, ge=0)    # first wait, seconds
    backoff_max: float = Field(default=30.0, ge=0)    # cap of one wait
    retry_after_max: float = Field(default=120.0, ge=0)  # cap on a server's Retry-After
    # schema re-asks (instructor): answers that do not validate
    max_reasks: int = Field(default=2, ge=0)
    # per-document budget above both layers
    doc_max_calls: int = Field(default=10, ge=1)
    doc_max_seconds: float = Field(default=600.0, gt=0)
    # circuit breaker: the model stage stops after this many documents in a row fail at the transport layer
    breaker_failures: int = Field(default=5, ge=1)

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.model_dump().items() if k != "api_key"}
        key = "set" if self.api_key is not None else "unset"
        return f"ModelSettings(api_key={key}, " + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    __str__ = __repr__

    @property
    def is_configured(self) -> bool:
        """A model is named, and there is somewhere to send it (a key for the default endpoint, or a base URL)."""
        return bool(self.model) and (self.api_key is not None or bool(self.base_url))

    @property
    def public_base_url(self) -> str | None:
        """The base URL without user info, query or fragment: safe to write in records."""
        if not self.base_url:
            return None
        parts = urlsplit(self.base_url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, "", ""))

    def describe(self) -> dict[str, Any]:
        """What a run summary may show about the settings (no key)."""
        return {"model": self.model, "base_url": self.public_base_url or "(openai default)", "mode": self.mode,
                "prompt_version": self.prompt_version, "timeout": self.timeout, "concurrency": self.concurrency,
                "temperature": self.temperature, "api_key": "set" if self.api_key is not None else "unset"}


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelConfigError(f"cannot read config file {path}: {exc}") from exc
    section = data.get("model", {})
    if not isinstance(section, dict):
        raise ModelConfigError(f"{path}: [model] must be a table")
    if "api_key" in section:
        raise ModelConfigError(f"{path}: do not put the key in the config file; "
                               "set OPENAI_API_KEY or name a variable with api_key_env")
    return dict(section)


def load_settings(overrides: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None,
                  config_file: str | Path | None = None) -> ModelSettings:
    """Settings from overrides, the environment and the config file (see the module docstring).

    ``overrides`` entries whose value is ``None`` are ignored (an unset CLI option).
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path(env.get("LLM_EXTRACT_CONFIG", "") or DEFAULT_CONFIG_FILE)
    if config_file or env.get("LLM_EXTRACT_CONFIG") or path.is_file():
        if not path.is_file():
            raise ModelConfigError(f"config file not found: {path}")
        values.update(_read_config_file(path))
    key_env = values.pop("api_key_env", None) or "OPENAI_API_KEY"
    for name, var in _ENV.items():
        if env.get(var):
            values[name] = env[var]
    if env.get(key_env):
        values["api_key"] = env[key_env]
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = value
    try:
        return ModelSettings(**values)
    except ValidationError as exc:
        # the key never reaches a message: report field names and error types only
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
                             if e["loc"] and e["loc"][0] != "api_key")
        raise ModelConfigError(f"invalid model settings: {problems or 'api_key'}") from None
