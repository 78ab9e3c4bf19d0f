"""During a batch the collector leaves what was loaded before it alone, and still frees cyclic garbage."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from llm_extract.batchgc import BATCH_THRESHOLD, batch_gc
from llm_extract.pipeline import run_batch


class _Node:
    def __init__(self) -> None:
        self.me = self                           # a cycle: only the collector frees it


def test_objects_loaded_before_the_batch_are_frozen_and_collections_are_rarer_then_restored() -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with batch_gc():
        assert gc.get_freeze_count() > 1000      # the imported modules' objects
        assert gc.get_threshold()[0] == max(BATCH_THRESHOLD, before[0])
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_cyclic_garbage_made_during_the_batch_is_still_collected_without_being_asked() -> None:
    with batch_gc():
        first = _Node()
        gone = weakref.ref(first)
        del first
        for _ in range(BATCH_THRESHOLD * 50):     # allocations, as documents make them
            _Node()
        assert gone() is None


def test_objects_someone_else_froze_stay_frozen_after_the_batch() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with batch_gc():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_batch_restores_the_collector_even_when_it_fails(tmp_path: Path) -> None:
    before = gc.get_threshold()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    run_batch([tmp_path / "in"], tmp_path / "out", workers=1)
    try:
        with batch_gc():
            raise RuntimeError("a batch that fails")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
