"""What the combined outputs were last built from, so that an unchanged directory is not rebuilt.

The combined outputs (:mod:`llm_extract.export`) are a function of the record files, the
failure files, ``decisions.jsonl``, the working directory (report.html links each source
path, resolved), the code that writes them and the versions of the libraries it writes with. After every rebuild the digest of all of
these is kept in ``OUT/.llm-extract.rebuild.json`` with the size and modification time of
every output file and, per document, what the run summary counts (statuses, review items,
finding codes). A run that resumes every document finds the same digest and outputs that
nobody touched, and skips the rebuild: its totals come from the kept counts. Anything else
(a record rewritten, a decision, a failure, an output deleted or edited, another version of
the code) rebuilds; a failure read again that took another time does not (the outputs do not show it).

Records are digested by content (BLAKE2b), not by modification time: a record copied over
with its time preserved still counts as changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .decisions import DECISIONS_FILE
from .outputs import FAILED_DIR, write_json

__all__ = ["STATE_FILE", "RebuildState", "DocumentCounts", "inputs_digest"]

STATE_FILE = ".llm-extract.rebuild.json"
_VERSION = 1

#: Per document: (status counts, review items, error/warning finding codes).
DocumentCounts = tuple[dict[str, int], int, list[str]]


#: Libraries whose version changes what the outputs hold.
_LIBRARIES = ("xlsxwriter", "jinja2", "markupsafe")


@cache
def _code_digest() -> str:
    """The source of the packages that write the outputs and the versions of the libraries they
    write with (any change to them rebuilds)."""
    h = hashlib.blake2b(digest_size=16)
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=?\0".encode())
    for package in (Path(__file__).parent, Path(__file__).parent.parent / "verify"):
        for p in sorted(package.rglob("*")):
            if p.suffix in (".py", ".j2") and p.is_file():
                h.update(str(p.relative_to(package)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _file_digest(h: Any, path: Path) -> None:
    h.update(path.name.encode() + b"\0")
    h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())


def _failure_digest(h: Any, path: Path) -> None:
    """A failure file by what the outputs take from it: all but the time the document took (a failure read again
    on every run takes another time; the outputs, which do not show it, are not rebuilt for that)."""
    try:
        failure = json.loads(path.read_bytes())
    except ValueError:
        _file_digest(h, path)
        return
    if isinstance(failure, dict):
        failure.pop("seconds", None)
    h.update(path.name.encode() + b"\0")
    h.update(hashlib.blake2b(json.dumps(failure, sort_keys=True).encode(), digest_size=16).digest())


def inputs_digest(out: Path, records: list[Path]) -> str:
    """The digest of everything the combined outputs of ``out`` are made from (see the module docstring)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{_VERSION}\0{_code_digest()}\0{os.getcwd()}\0".encode())
    for p in records:
        _file_digest(h, p)
    h.update(b"\0failed\0")
    failed = out / FAILED_DIR
    for p in sorted(failed.glob("*.json")) if failed.is_dir() else []:
        _failure_digest(h, p)
    h.update(b"\0decisions\0")
    if (out / DECISIONS_FILE).exists():
        _file_digest(h, out / DECISIONS_FILE)
    return h.hexdigest()


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


@dataclass
class RebuildState:
    """The digest the outputs were built from, their stamps, and each document's counts."""

    digest: str
    outputs: dict[str, list[int] | None]
    documents: dict[str, DocumentCounts]

    @classmethod
    def load(cls, out: Path) -> "RebuildState | None":
        try:
            data = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
            if data.get("version") != _VERSION:
                return None
            return cls(digest=str(data["digest"]), outputs=dict(data["outputs"]),
                       documents={k: (dict(v[0]), int(v[1]), list(v[2])) for k, v in data["documents"].items()})
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def current(self, out: Path, digest: str) -> bool:
        """The outputs in ``out`` are those this state describes, made from inputs of ``digest``."""
        return self.digest == digest and all(_stamp(out / name) == stamp and stamp is not None
                                             for name, stamp in self.outputs.items())

    @classmethod
    def save(cls, out: Path, digest: str, output_names: tuple[str, ...], documents: dict[str, DocumentCounts]) -> None:
        """Keep the state of outputs just built (written atomically; a run killed before this rebuilds)."""
        write_json(out / STATE_FILE, {"version": _VERSION, "digest": digest,
                                      "outputs": {n: _stamp(out / n) for n in output_names},
                                      "documents": {k: list(v) for k, v in documents.items()}})
