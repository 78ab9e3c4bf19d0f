"""The exit codes of ``llm-extract extract``, and the one function that picks one from a run summary.

=====  ==========================================================================================
code   meaning
=====  ==========================================================================================
0      done; without ``--strict``, at least one document was processed
1      no document could be processed (every one failed)
2      usage or configuration error: no input files, an unusable model configuration, a bad option
3      ``--strict`` only: some document failed, or some model call failed (the summary lists them)
4      another run holds the lock on the output directory
5      the documents were read, but the combined outputs could not be rebuilt (left as they were; the summary
       says why)
=====  ==========================================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import RunSummary

__all__ = ["OK", "NOTHING_PROCESSED", "USAGE", "STRICT_FAILURES", "LOCKED", "REBUILD_FAILED", "exit_code"]

OK = 0
NOTHING_PROCESSED = 1
USAGE = 2
STRICT_FAILURES = 3
LOCKED = 4
REBUILD_FAILED = 5


def exit_code(summary: "RunSummary", *, strict: bool = False) -> int:
    """The exit code of a finished run (see the module docstring)."""
    if summary.documents and summary.ok == 0:
        return NOTHING_PROCESSED
    if summary.rebuild_error:
        return REBUILD_FAILED
    model_failures = summary.llm.get("failed") or []
    if strict and (summary.failed or model_failures):
        return STRICT_FAILURES
    return OK
