"""Ingest: a file on disk → a :class:`Document` (normalised text and lines)."""

from __future__ import annotations

from pathlib import Path

from .._exceptions import UnsupportedFormatError
from .document import Document, normalise_newlines
from .text import decode_bytes

__all__ = ["Document", "load", "load_bytes", "decode_bytes", "SUPPORTED_SUFFIXES", "iter_inputs"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md")


def load_bytes(data: bytes, *, doc_id: str, path: str = "<bytes>", suffix: str = ".txt") -> Document:
    """Decode bytes of a supported file type into a Document."""
    if suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(path, f"unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    text, encoding = decode_bytes(data, path)
    return Document(doc_id=doc_id, text=normalise_newlines(text), path=path,
                    source_kind=suffix.lstrip(".").lower(), encoding=encoding)


def load(path: str | Path) -> Document:
    """Read one file; the document id is the file's stem."""
    p = Path(path)
    return load_bytes(p.read_bytes(), doc_id=p.stem, path=str(p), suffix=p.suffix or ".txt")


def iter_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of input files."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
