"""The model client: openai + instructor, with three separate retry layers.

1. **Transport** (tenacity, innermost, around each HTTP call): timeouts, connection
   errors, 429 (honouring ``Retry-After`` / ``retry-after-ms``, capped) and 5xx are
   retried with exponential backoff and jitter, capped; other 4xx fail at once.
   The openai client's own retries are off so that this layer is the only one.
2. **Schema** (instructor ``max_retries``): an answer that is not valid JSON or does
   not validate against :class:`~llm_extract.model.answer.ModelAnswer` is re-asked
   with the validation error, up to ``max_reasks`` times.
3. **Per-document budget** (above both): at most ``doc_max_calls`` HTTP calls and
   ``doc_max_seconds`` of wall time for one document, whatever the layers below want.

The key is handed to the openai client and nowhere else: every error text and raw
reply kept for a record passes through :meth:`ModelClient.redact`.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import instructor
import openai
from instructor.core import InstructorRetryException
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from .._exceptions import ModelCallError, ModelConfigError
from .config import ModelSettings

__all__ = ["ModelClient", "CallLog", "ModelFailure", "BudgetExceeded", "EndpointError", "is_transient",
           "retry_after_seconds"]

log = logging.getLogger("llm_extract.model")

_MODES = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA, "json": instructor.Mode.JSON}
_RAW_KEEP = 2000
_NO_KEY = "not-needed"   # local servers (Ollama, vLLM, llama.cpp) take any key


class BudgetExceeded(Exception):
    """The per-document budget (calls or seconds) is spent."""


#: a key shorter than this is no secret an answer could leak (a local server's dummy key: ``x``, ``none``, ``1``):
#: an answer holding its text (the digit 1) is not refused for it
_SECRET_MIN = 8


class EndpointError(Exception):
    """An HTTP 200 reply that holds no completion but the endpoint's error (``{"error": {"message": …}}``), as
    some gateways answer a spent quota or an unknown model: its message, not a parse error, says what went wrong."""


def _no_completion(response: Any) -> EndpointError | None:
    """The error of a 200 reply without choices (None for a completion)."""
    if getattr(response, "choices", None):
        return None
    error = (getattr(response, "model_extra", None) or {}).get("error")
    if isinstance(error, dict):
        error = error.get("message") or error.get("code") or error
    text = " ".join(str(error).split())[:300] if error else "no choices and no error message"
    return EndpointError(f"HTTP 200 without a completion: {text}")


class ModelFailure(ModelCallError):
    """The model stage failed for one document. ``kind``: transport, http, schema, budget."""

    def __init__(self, message: str, *, kind: str, attempts: int = 0, usage: dict[str, int] | None = None,
                 raw: Any = None, status: int | None = None) -> None:
        super().__init__(message, attempts=attempts, usage=usage, raw=raw)
        self.kind = kind
        self.status = status          # the HTTP status of the last reply, when it was an error status


@dataclass
class CallLog:
    """What one document's calls cost and how they went."""

    calls: int = 0                 # HTTP requests sent (every attempt of every layer)
    replies: int = 0               # HTTP 200 replies (each one parsed by instructor)
    input_tokens: int = 0
    output_tokens: int = 0
    usage_reported: bool = True    # False when a reply had no usage field
    transport_retries: int = 0
    errors: list[str] = field(default_factory=list)
    last_raw: str | None = None
    seconds: float = 0.0

    @property
    def reasks(self) -> int:
        return max(self.replies - 1, 0)

    def usage(self) -> dict[str, int]:
        return {"calls": self.calls, "input_tokens": self.input_tokens, "output_tokens": self.output_tokens,
                "reasks": self.reasks, "transport_retries": self.transport_retries}


@dataclass
class _Budget:
    max_calls: int
    deadline: float

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check(self, calls: int) -> None:
        if calls >= self.max_calls:
            raise BudgetExceeded(f"per-document budget of {self.max_calls} calls spent")
        if self.remaining() <= 0:
            raise BudgetExceeded("per-document time budget spent")


def retry_after_seconds(exc: BaseException) -> float | None:
    """The wait a 429/503 reply asks for (``retry-after-ms``, ``Retry-After`` seconds or date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        if (ms := headers.get("retry-after-ms")) is not None:
            return max(float(ms) / 1000.0, 0.0)
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            seconds = float(value)
        except ValueError:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
    except (TypeError, ValueError):
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def is_transient(exc: BaseException) -> bool:
    """Worth another try at the transport layer: timeouts, connection errors, 408/409/429, 5xx."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"{type(exc).__name__}: HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "APITimeoutError: no reply within the timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "APIConnectionError: cannot connect"
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:300] if text else ''}"


def _reply_text(response: Any) -> str | None:
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    if getattr(message, "tool_calls", None):
        return "".join(tc.function.arguments or "" for tc in message.tool_calls)
    return getattr(message, "content", None)


class ModelClient:
    """One endpoint and model; thread-safe (one openai client shared by the workers)."""

    def __init__(self, settings: ModelSettings, *, openai_client: openai.OpenAI | None = None) -> None:
        if not settings.model:
            raise ModelConfigError("no model named: give --model or set LLM_EXTRACT_MODEL")
        if not settings.is_configured and openai_client is None:
            raise ModelConfigError("no endpoint: set OPENAI_BASE_URL (local server) or OPENAI_API_KEY")
        self.settings = settings
        self._secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._openai = openai_client or openai.OpenAI(
            api_key=self._secret or _NO_KEY, base_url=settings.base_url or None,
            timeout=settings.timeout, max_retries=0)
        self.mode = _MODES[settings.mode]
        # instructor logs every failed attempt at ERROR level; this module logs them once, redacted.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)

    def redact(self, text: str | None) -> str | None:
        """The text with the key (if it ever appears) replaced by ``***``."""
        if text is None or not self._secret:
            return text
        return text.replace(self._secret, "***")

    def close(self) -> None:
        self._openai.close()

    # ── layer 1: transport ───────────────────────────────────────────────────
    def _wait(self) -> Any:
        s = self.settings
        backoff = wait_exponential_jitter(multiplier=max(s.backoff_base, 1e-6), max=s.backoff_max, jitter=s.backoff_base)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            asked = retry_after_seconds(exc) if exc is not None else None
            if asked is not None:
                return min(asked, s.retry_after_max)
            return backoff(state)
        return wait

    def _transport(self, calls: CallLog, budget: _Budget, doc_id: str) -> Any:
        s = self.settings

        def past_deadline(state: RetryCallState) -> bool:
            return budget.remaining() - state.upcoming_sleep <= 0

        def before_sleep(state: RetryCallState) -> None:
            calls.transport_retries += 1
            exc = state.outcome.exception() if state.outcome else None
            log.warning("%s: %s; transport retry %d in %.2fs", doc_id, self.redact(_describe(exc)) if exc else "?",
                        state.attempt_number, state.upcoming_sleep)

        def create(*args: Any, **kwargs: Any) -> Any:
            retrying = Retrying(retry=retry_if_exception(is_transient), wait=self._wait(),
                                stop=stop_after_attempt(s.transport_attempts) | past_deadline,
                                before_sleep=before_sleep, reraise=True)
            for attempt in retrying:
                with attempt:
                    budget.check(calls.calls)
                    kwargs["timeout"] = max(min(s.timeout, budget.remaining()), 0.001)
                    calls.calls += 1
                    try:
                        response = self._openai.chat.completions.create(*args, **kwargs)
                    except Exception as exc:
                        calls.errors.append(self.redact(_describe(exc)) or "")
                        raise
                    calls.replies += 1
                    usage = getattr(response, "usage", None)
                    if usage is None:
                        calls.usage_reported = False
                    else:
                        calls.input_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
                        calls.output_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
                    raw = _reply_text(response)
                    calls.last_raw = self.redact(raw[:_RAW_KEEP]) if raw is not None else None
                    if (error := _no_completion(response)) is not None:
                        calls.errors.append(self.redact(str(error)) or "")
                        raise error
                    return response
            raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover
        return create

    # ── layers 2 and 3: schema re-asks under the document budget ─────────────
    def ask(self, messages: list[dict[str, str]], response_model: type[BaseModel], *,
            doc_id: str = "") -> tuple[BaseModel, CallLog]:
        """One document's answer, validated; raises :class:`ModelFailure` when every layer gives up."""
        s = self.settings
        calls = CallLog()
        started = time.monotonic()
        budget = _Budget(max_calls=s.doc_max_calls, deadline=started + s.doc_max_seconds)
        create = instructor.patch(create=self._transport(calls, budget, doc_id), mode=self.mode)
        request: dict[str, Any] = {"model": s.model, "messages": messages, "temperature": s.temperature}
        if s.max_tokens:
            request["max_tokens"] = s.max_tokens
        try:
            answer = create(response_model=response_model, max_retries=s.max_reasks, strict=False, **request)
        except Exception as exc:  # every failure becomes data about this document
            calls.seconds = time.monotonic() - started
            raise self._failure(exc, calls, doc_id) from None
        calls.seconds = time.monotonic() - started
        if self._secret and len(self._secret) >= _SECRET_MIN and self._secret in answer.model_dump_json():
            # a value repeating the key (a gateway's echo) would reach the record, the cache and every output
            raise self._failure(ValueError("the answer repeats the API key: not used"), calls, doc_id)
        return answer, calls

    def _failure(self, exc: BaseException, calls: CallLog, doc_id: str = "") -> ModelFailure:
        cause: BaseException = exc
        if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
            cause = exc.__cause__
        if isinstance(cause, BudgetExceeded):
            kind, what = "budget", str(cause)
        elif is_transient(cause):
            kind, what = "transport", f"gave up after {calls.calls} calls: {_describe(cause)}"
        elif isinstance(cause, openai.APIStatusError):
            kind, what = "http", _describe(cause)
        elif isinstance(cause, EndpointError):
            kind, what = "http", str(cause)
        elif isinstance(exc, InstructorRetryException) or isinstance(cause, ValueError):
            kind = "schema"
            what = (f"no valid answer in {calls.replies} replies (max {self.settings.max_reasks} re-asks): "
                    f"{_describe(cause)}")
        else:
            kind, what = "error", _describe(cause)
        message = self.redact(what) or kind
        log.warning("%s: model stage failed (%s): %s", doc_id or "<document>", kind, message)
        status = cause.status_code if isinstance(cause, openai.APIStatusError) else None
        return ModelFailure(message, kind=kind, attempts=calls.calls, usage=calls.usage(), raw=calls.last_raw,
                            status=status)
