"""The input files of a run: files named on the command line, and every file under a directory.

A file in an input folder is never dropped without a word. Every file is an input, whatever its
extension: one that cannot be read (``.xls``, ``.zip``, an image) fails by name with its reason,
like any unreadable document. Only files that are not documents at all are passed over, and each
of them is listed with the reason (``RunSummary.skipped``):

* a golden or record ``.json`` beside a report of the same stem (``golden/001.json`` next to
  ``golden/001.txt``: the layout of the bundled samples);
* an output directory of llm-extract inside the input (it holds ``summary.json`` and ``records/``,
  or a run's lock file), with everything in it;
* hidden files (``.DS_Store``, editors' swap files) and Word's lock files of open documents (``~$…``).
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

__all__ = ["Inputs", "Skipped", "scan_inputs"]

_LOCK_NAME = ".llm-extract.lock"


class Skipped(BaseModel):
    """A file under an input folder that is not a document, and why it was passed over."""

    path: str
    reason: str


class Inputs(BaseModel):
    files: list[Path]
    skipped: list[Skipped]


def _is_output_dir(d: Path) -> bool:
    return (d / _LOCK_NAME).exists() or ((d / "summary.json").is_file() and (d / "records").is_dir())


def _scan_dir(root: Path, files: list[Path], skipped: list[Skipped]) -> None:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        for name in sorted(dirnames):
            if _is_output_dir(here / name):
                skipped.append(Skipped(path=str(here / name), reason="an llm-extract output directory"))
                dirnames.remove(name)
        found.extend(here / name for name in filenames)
    stems: dict[tuple[Path, str], int] = {}
    for f in found:
        if f.suffix.lower() != ".json":
            stems[(f.parent, f.stem)] = stems.get((f.parent, f.stem), 0) + 1
    for f in sorted(found):
        if f.name.startswith("."):
            skipped.append(Skipped(path=str(f), reason="a hidden file"))
        elif f.name.startswith("~$"):
            skipped.append(Skipped(path=str(f), reason="Word's lock file of an open document"))
        elif f.suffix.lower() == ".json" and (f.parent, f.stem) in stems:
            skipped.append(Skipped(path=str(f), reason="a golden or record file beside its report"))
        elif f.is_file():
            files.append(f)


def scan_inputs(paths: list[str | Path]) -> Inputs:
    """Expand files and directories (recursively, sorted) into the input files and the files passed over."""
    out: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            _scan_dir(p, out, skipped)
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return Inputs(files=unique, skipped=skipped)
