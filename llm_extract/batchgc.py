"""The garbage collector during a batch: what was loaded before it is left alone, collections are rarer.

Every document allocates a few thousand short-lived objects (readings, provenance, items,
dicts); by default the collector runs a young-generation pass every 700 allocations and,
now and then, a full pass over every object in the process, the ~60,000 of the imported
modules (pydantic schemas, compiled patterns, the form) included: about a tenth of a
document's CPU time. :func:`batch_gc` moves what exists when the batch starts out of the
collector's sight (:func:`gc.freeze`; a forked worker inherits that, and touches those pages
less) and collects the young generation every 5,000 allocations instead of 700. Cyclic
garbage made during the batch is still collected; memory stays flat.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["batch_gc", "BATCH_THRESHOLD"]

#: allocations between two young-generation collections during a batch (the default is 700)
BATCH_THRESHOLD = 5000


@contextmanager
def batch_gc(threshold: int = BATCH_THRESHOLD) -> Iterator[None]:
    """Within the block: objects that existed before it are frozen, young collections every
    ``threshold`` allocations; both restored after it (objects frozen by someone else stay so)."""
    before = gc.get_threshold()
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if froze:
            gc.unfreeze()
