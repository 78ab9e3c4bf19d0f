"""The commands that do not read documents start without loading the reader.

``llm-extract --help``, ``compare``, ``rules`` and the reviewer's commands (run one after another, decision after
decision) must not wait for the reader's ~150 modules and their patterns (about a second of CPU): the reader is
imported when ``extract`` starts a run."""

from __future__ import annotations

import os
import subprocess
import sys


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_command_line_loads_without_the_reader() -> None:
    loaded = _loaded_after("import llm_extract.cli")
    assert "llm_extract.cli" in loaded
    assert not {m for m in loaded if m == "llm_extract.extract" or m.startswith("llm_extract.extract.")}
    assert "llm_extract.pipeline" not in loaded


def test_the_agency_years_of_an_output_directory_need_no_reader() -> None:
    """The rebuild (and the review store's) agency-year roles read a corrected report's mark without the reader."""
    loaded = _loaded_after("import llm_extract.agency_years")
    assert "llm_extract.extract" not in loaded
    assert "llm_extract.corrections" in loaded


def test_rules_lists_every_code_without_the_reader_loaded() -> None:
    """`rules` in a fresh process lists every rule code a process that loaded every part of the tool knows
    (ingest's INGEST.*, the rebuild's XYEAR.* and ROLLUP.* too), although the command line no longer loads the
    reader for it."""
    everything = ("import importlib, pkgutil, verify, llm_extract.pipeline, llm_extract.rebuild, llm_extract.model; "
                  "[importlib.import_module(m.name) for m in pkgutil.walk_packages(verify.__path__, 'verify.')]; "
                  "from verify.rules import RULES; print('\\n'.join(sorted(RULES)))")
    known = subprocess.run([sys.executable, "-c", everything], capture_output=True, text=True, check=True).stdout.split()
    listed = subprocess.run([sys.executable, "-m", "llm_extract.cli", "rules"], capture_output=True, text=True,
                            check=True, env={**os.environ, "COLUMNS": "250"}).stdout
    assert any(c.startswith("INGEST.") for c in known) and any(c.startswith("XYEAR.") for c in known)
    assert [c for c in known if c not in listed] == []
