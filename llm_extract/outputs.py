"""Writing outputs atomically: per-document records, failures and the run summary.

Layout of an output directory::

    OUT/records/<doc_id>.json   one verified record per document (golden shape + evidence)
    OUT/failed/<doc_id>.json    one file per document that failed, with the error
    OUT/summary.json            the run summary
    OUT/...                     the combined outputs rebuilt from the records (llm_extract.export)

Every file is written to a temporary file in the same directory and renamed,
so a killed run never leaves a half file (the rename is what makes it atomic; an
fsync per file is asked for only where a power cut must not lose it: ``sync=True``).
Records and the summary are compact JSON (one line): the C encoder, a third of the
bytes; golden files, which people read and diff, are indented (``indent=2``).
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, TextIO


__all__ = ["atomic_open", "staging_file", "atomic_write_text", "write_json", "read_json", "write_jsonl", "read_jsonl", "iter_jsonl", "jsonl_lines", "RECORDS_DIR",
           "FAILED_DIR", "dumps"]

RECORDS_DIR = "records"
FAILED_DIR = "failed"


def _default(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


_COMPACT = json.JSONEncoder(ensure_ascii=False, default=_default, check_circular=False)


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON text: UTF-8 characters as they are, Decimals as numbers, sets as sorted lists.

    Compact output goes through one reused encoder without the circular-reference check (the
    records are trees built here; a cycle would still fail, as a RecursionError): every
    document's record is encoded with it."""
    if indent is None:
        return _COMPACT.encode(obj)
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=_default)


def staging_file(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path`` (open descriptor, path), named ``.<name>.<random>.tmp``:
    renamed onto ``path`` when finished, and removed by the next run if a killed run left it
    (:func:`llm_extract.runlock.remove_stale_temp_files`)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return fd, Path(tmp)


@contextmanager
def atomic_open(path: str | Path, *, encoding: str = "utf-8", sync: bool = False) -> Iterator[TextIO]:
    """A text file that appears at ``path`` only when the block ends without an error
    (written to a temp file in the same directory, synced if ``sync``, renamed); for streaming writes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = staging_file(path)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8", sync: bool = False) -> None:
    """Write ``text`` to ``path`` via a temp file and a rename (as :func:`atomic_open`, in one write)."""
    path = Path(path)
    data = text.encode(encoding)
    try:
        fd, tmp = staging_file(path)
    except FileNotFoundError:                      # (the directory is made on the first write only)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = staging_file(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(path: str | Path, data: Any, *, indent: int | None = None, sync: bool = False) -> None:
    """``data`` as JSON at ``path``, atomically: compact (one line) unless ``indent`` is given."""
    atomic_write_text(path, dumps(data, indent=indent) + "\n", sync=sync)


def read_json(path: str | Path) -> Any:
    """A JSON file, numbers with a fraction as Decimals. Read as bytes and decoded at once: the text
    layer's newline translation finds nothing to do in JSON (a raw CR is JSON whitespace outside a
    string, invalid inside one) and costs as much as the decoding (every record is read back)."""
    with open(path, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"), parse_float=Decimal)


def write_jsonl(path: str | Path, rows: Iterable[Any]) -> None:
    atomic_write_text(path, "".join(dumps(r) + "\n" for r in rows))


def jsonl_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text: cut at ``\n`` alone. ``str.splitlines`` would also cut at U+0085,
    U+2028, U+001C … which the JSON strings written here hold as they are (a document's text may print
    them), so one record would come back as two broken halves."""
    return text.split("\n")


def read_jsonl(path: str | Path) -> list[Any]:
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(line, parse_float=Decimal) for line in jsonl_lines(p.read_text(encoding="utf-8"))
            if line.strip()]


def iter_jsonl(path: str | Path, *, holding: Iterable[str] | None = None) -> Iterator[Any]:
    """The rows of a JSON Lines file one at a time, never the whole file in memory: the review queue
    of a batch of 10,000 documents is ~400,000 lines (500 MB), read on every page of ``serve``. Read
    as bytes, whose lines end at ``\n`` alone (see :func:`jsonl_lines`). ``holding``: only the rows
    with one of these strings as a JSON string value (a document's id, an item's id); the other lines
    are passed over unparsed."""
    p = Path(path)
    if not p.exists():
        return
    with open(p, "rb") as fh:
        lines = fh if holding is None else _lines_holding(fh, [dumps(h).encode("utf-8") for h in holding])
        for line in lines:
            if line.strip():
                yield json.loads(line.decode("utf-8"), parse_float=Decimal)


def _lines_holding(fh: BinaryIO, needles: list[bytes], chunk: int = 1 << 23) -> Iterator[bytes]:
    """The lines of ``fh`` holding one of ``needles``, in file order: read a few MB at a time and searched
    with ``bytes.find`` (a line-by-line loop costs ~1 µs a line: 0.4 s a scan of a 10,000-document queue)."""
    rest = b""
    while needles:
        block = fh.read(chunk)
        data = rest + block
        end = len(data) if not block else data.rfind(b"\n") + 1     # whole lines only, but at the end
        starts: set[int] = set()
        for needle in needles:
            at = data.find(needle, 0, end)
            while at >= 0:
                start = data.rfind(b"\n", 0, at) + 1
                starts.add(start)
                stop = data.find(b"\n", at, end)
                at = data.find(needle, end if stop < 0 else stop, end)
        for start in sorted(starts):
            stop = data.find(b"\n", start, end)
            yield data[start:end if stop < 0 else stop]
        rest = data[end:]
        if not block:
            return
