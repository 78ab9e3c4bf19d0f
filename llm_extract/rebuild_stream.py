"""Each document's part of the combined outputs rendered while the batch is read, not re-read at its end.

A worker that has just settled a document holds its record: beside writing the record file it
renders the document's part of every combined output (a :class:`~llm_extract.export.Fragment`)
from the record as that file gives it back (:func:`llm_extract.rebuild.fragment_of` of the same
JSON text) and hands it over pickled. This process keeps the pickled parts in a spool (an
unnamed temporary file in the output directory: memory stays flat, a killed run leaves nothing)
and the end-of-run rebuild (:func:`llm_extract.rebuild.rebuild_combined`) takes a document's part
from it instead of reading and rendering its record file again, unless the document has cross-year
findings (they need every record: it is rendered again with them). A resumed document, or a file of
several reports, has no part in the spool: its record file is rendered as before. The outputs are
the same bytes either way.
"""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .export import Fragment

if TYPE_CHECKING:
    from .pipeline import DocumentOutcome

__all__ = ["FragmentSpool", "pack_fragment"]


def pack_fragment(fragment: Fragment) -> bytes:
    """A fragment as it travels from the worker that rendered it to the spool."""
    return pickle.dumps(fragment, protocol=pickle.HIGHEST_PROTOCOL)


class FragmentSpool:
    """The parts of this run's documents, by doc id, in a temporary file of ``out``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._file: IO[bytes] | None = None
        self._index: dict[str, tuple[int, int] | None] = {}    # doc id -> (offset, length); None: not usable
        self._end = 0

    def take(self, outcome: "DocumentOutcome", packed: bytes | None) -> None:
        """One document's outcome with its packed part (None when no record was written with one)."""
        if not outcome.ok or packed is None:
            return
        if outcome.doc_id in self._index:        # (two records of one id in a batch: render the file's)
            self._index[outcome.doc_id] = None
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(dir=self.out)
        self._file.write(packed)
        self._index[outcome.doc_id] = (self._end, len(packed))
        self._end += len(packed)

    def has(self, doc_id: str) -> bool:
        return self._index.get(doc_id) is not None

    def load(self, doc_id: str) -> Fragment:
        """The part of ``doc_id`` (:meth:`has`)."""
        where = self._index[doc_id]
        assert where is not None and self._file is not None
        self._file.seek(where[0])
        fragment: Fragment = pickle.loads(self._file.read(where[1]))
        return fragment

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._index.clear()
