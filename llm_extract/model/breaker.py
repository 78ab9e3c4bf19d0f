"""The circuit breaker of the model stage: stop asking an endpoint that cannot answer.

* an authentication or permission error (HTTP 401/403) opens it at once: the key is
  wrong for every document, asking again only repeats the refusal; so does HTTP 404 (no such model
  or path at the base URL: a setting, wrong for every document alike);
* ``max_transport_failures`` documents in a row failing at the transport layer
  (connection refused, timeouts, 5xx after every retry) open it: the endpoint is down.

Once open, every document not yet asked fails at once with kind ``stopped`` and the
reason; each keeps its deterministic record (with ``MODEL.FAILED``). Thread-safe: the
workers of :func:`llm_extract.model.runner.run_bounded` share one breaker.
"""

from __future__ import annotations

import logging
import threading

from .client import ModelFailure

__all__ = ["CircuitBreaker", "AUTH_STATUSES"]

log = logging.getLogger("llm_extract.model")

AUTH_STATUSES = (401, 403)
#: the endpoint has no such model or path: the settings are wrong for every document
NOT_FOUND = 404


class CircuitBreaker:
    def __init__(self, max_transport_failures: int = 5) -> None:
        self.max_transport_failures = max(1, max_transport_failures)
        self.reason: str | None = None
        self._consecutive = 0
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        return self.reason is not None

    def check(self, doc_id: str) -> None:
        """Raise a ``stopped`` :class:`ModelFailure` for ``doc_id`` when the breaker is open."""
        if self.reason is not None:
            raise ModelFailure(f"{doc_id}: not asked: the model stage was stopped ({self.reason})", kind="stopped")

    def record(self, doc_id: str, error: BaseException | None) -> None:
        """The outcome of one document's call: None when the model answered."""
        with self._lock:
            if error is None:
                self._consecutive = 0
                return
            kind = getattr(error, "kind", None)
            status = getattr(error, "status", None)
            if kind == "stopped" or self.reason is not None:
                return
            if status in AUTH_STATUSES:
                self.reason = (f"HTTP {status} for {doc_id}: the endpoint refuses the credentials; "
                               "check the API key and the model name")
            elif status == NOT_FOUND:
                self.reason = (f"HTTP 404 for {doc_id}: the endpoint has no such model or path; "
                               "check the base URL and the model name")
            elif kind == "transport":
                self._consecutive += 1
                if self._consecutive >= self.max_transport_failures:
                    self.reason = (f"{self._consecutive} documents in a row failed at the transport layer "
                                   f"(last: {doc_id}): the endpoint looks down")
            else:
                self._consecutive = 0
            if self.reason is not None:
                log.error("%s: model stage stopped: %s", doc_id, self.reason)
