"""The input files of a run: files named on the command line, and every file under a directory.

A file in an input folder is never dropped without a word. Every file is an input, whatever its
extension: one that cannot be read (``.xls``, ``.zip``, an image without OCR) fails by name with its reason,
like any unreadable document. Only files that are not documents at all are passed over, and each
of them is listed with the reason (``RunSummary.skipped``):

* a golden or record ``.json`` beside a report of the same stem (``golden/001.json`` next to
  ``golden/001.txt``: the layout of the bundled samples);
* an output directory of llm-extract inside the input (it holds ``summary.json`` and ``records/``,
  or a run's lock file), with everything in it;
* an input folder that is itself an output directory (``extract reports/ --out reports/``): the files and
  folders llm-extract writes there (its records would be read as reports, its report.html as a page);
* hidden files (``.DS_Store``, editors' swap files) and Word's lock files of open documents (``~$…``);
* the resources folder of a web page saved complete (``报告_files/`` beside ``报告.html``: its pictures, styles and
  scripts), with everything in it;
* what is no file to read: a pipe, socket or device (reading a pipe would wait forever), a link back to a
  folder the search is in (a loop), and a second path to a file already found (through a link).

Links are followed: a link to a file or folder is searched like the file or folder. A folder that cannot be
listed (no permission), a broken link and a link loop are inputs that fail by name when they are read, as
an unreadable file does: the documents they would hold are never lost without a word.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pydantic import BaseModel

__all__ = ["Inputs", "OUTPUT_NAMES", "Skipped", "scan_inputs"]

_LOCK_NAME = ".llm-extract.lock"
#: what a run writes in OUT (llm_extract.outputs, llm_extract.export.OUTPUT_FILES, the summary and the decisions)
OUTPUT_NAMES = frozenset({"records", "failed", "summary.json", "decisions.jsonl", "records.jsonl",
                          "review_queue.jsonl", "records.csv", "fields.csv", "records.sqlite", "records.xlsx",
                          "report.html"})


class Skipped(BaseModel):
    """A file under an input folder that is not a document, and why it was passed over."""

    path: str
    reason: str


class Inputs(BaseModel):
    files: list[Path]
    skipped: list[Skipped]


def _is_output_dir(d: Path) -> bool:
    try:
        return (d / _LOCK_NAME).exists() or ((d / "summary.json").is_file() and (d / "records").is_dir())
    except OSError:          # a folder that cannot be looked into: searched (and failed by name) as any other
        return False


def _is_special(f: Path) -> bool:
    """A pipe, socket or device (a broken link or a link loop is not: it fails by name when read)."""
    try:
        return not stat.S_ISREG(f.stat().st_mode) and not f.is_dir()
    except OSError:
        return False


#: the folder a browser's "save as web page, complete" writes a page's resources into: ``报告_files`` beside ``报告.html``
_RESOURCE_ENDINGS = ("_files", ".files", "_文件")
_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".mht", ".mhtml")


def _page_resources(name: str, filenames: list[str]) -> bool:
    """Whether folder ``name`` holds a saved web page's resources: its name is a page's stem and ``_files``
    (``.files``, ``_文件``), and that page is beside it."""
    for ending in _RESOURCE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            pages = {(name[: -len(ending)] + suffix).lower() for suffix in _PAGE_SUFFIXES}
            return any(f.lower() in pages for f in filenames)
    return False


def _scan_dir(root: Path, files: list[Path], skipped: list[Skipped]) -> None:
    found: list[Path] = []

    def unlisted(exc: OSError) -> None:      # fails by name when read (its documents are never dropped unsaid)
        found.append(Path(exc.filename))

    within: dict[Path, tuple[str, ...]] = {root: (os.path.realpath(root),)}   # the real folders a folder is in
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=True):
        here = Path(dirpath)
        chain = within.pop(here, (os.path.realpath(here),))
        if here == root and _is_output_dir(root):        # the run writes into the folder it reads
            for name in sorted(OUTPUT_NAMES & {*dirnames, *filenames}):
                skipped.append(Skipped(path=str(here / name), reason="an output of llm-extract in this folder"))
            dirnames[:] = [d for d in dirnames if d not in OUTPUT_NAMES]
            filenames = [f for f in filenames if f not in OUTPUT_NAMES]
        for name in sorted(dirnames):
            real = os.path.realpath(here / name)
            if real in chain:
                skipped.append(Skipped(path=str(here / name), reason=f"a link back to a folder it is in ({real})"))
                dirnames.remove(name)
            elif _is_output_dir(here / name):
                skipped.append(Skipped(path=str(here / name), reason="an llm-extract output directory"))
                dirnames.remove(name)
            elif _page_resources(name, filenames):
                skipped.append(Skipped(path=str(here / name), reason="the pictures, styles and scripts of a web page "
                                                                     "saved complete beside it"))
                dirnames.remove(name)
            else:
                within[here / name] = (*chain, real)
        dirnames.sort()
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
        elif _is_special(f):
            skipped.append(Skipped(path=str(f), reason="not a regular file (a pipe, socket or device)"))
        else:
            files.append(f)


def _identity(f: Path) -> Path:
    try:
        return f.resolve()
    except (OSError, RuntimeError):              # a link loop: read (and failed by name) once
        return f.absolute()


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
    keys = [_identity(f) for f in out]
    kept: dict[Path, int] = {}                   # a file found twice is read under its own path, not a link's
    for i, (f, key) in enumerate(zip(out, keys)):
        if key not in kept or (f.absolute() == key != out[kept[key]].absolute()):
            kept[key] = i
    unique = [f for i, f in enumerate(out) if kept[keys[i]] == i]
    skipped.extend(Skipped(path=str(f), reason=f"the same file as {out[kept[keys[i]]]}")
                   for i, f in enumerate(out) if kept[keys[i]] != i and f != out[kept[keys[i]]])
    return Inputs(files=unique, skipped=skipped)
