"""The public surface is explicit and pinned; the verifier stays pure."""

from __future__ import annotations

import subprocess
import sys

import llm_extract
import verify

PUBLIC = {
    "__version__", "load", "extract_regex", "process_document", "run_batch", "compare_dirs",
    "Document", "Report", "ALL_PATHS", "Extraction", "Reading", "Ambiguity", "Record", "FieldProvenance",
    "Finding", "Status", "CellKind", "RunSummary", "Comparison",
    "LLMExtractError", "DocumentError", "EmptyDocumentError", "BinaryDocumentError", "UnsupportedFormatError",
    "NotAReportError", "UnreadableTablesError", "UnsupportedFormError", "DocumentTooLargeError", "ModelStageError", "ModelConfigError", "ModelCallError",
    "GoldenError", "RebuildError",
}


def test_the_public_names_are_exactly_the_pinned_ones_and_all_resolve() -> None:
    assert set(llm_extract.__all__) == PUBLIC
    for name in llm_extract.__all__:
        assert getattr(llm_extract, name) is not None


def test_every_document_error_is_an_llm_extract_error() -> None:
    for name in ("EmptyDocumentError", "BinaryDocumentError", "NotAReportError", "UnreadableTablesError",
                 "UnsupportedFormError", "DocumentTooLargeError"):
        assert issubclass(getattr(llm_extract, name), llm_extract.DocumentError)
    assert issubclass(llm_extract.DocumentError, llm_extract.LLMExtractError)


def test_verify_exports_its_rules_and_functions() -> None:
    for name in verify.__all__:
        assert getattr(verify, name) is not None


def test_importing_verify_loads_no_model_client_and_no_extractor() -> None:
    code = (
        "import sys, verify, verify.decide, verify.decided, verify.derive, verify.identities, verify.grounding, verify.runs,"
        " verify.settle\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('openai', 'instructor', 'tenacity')\n"
        "       or m.startswith(('llm_extract.model', 'llm_extract.extract', 'llm_extract.pipeline',\n"
        "                        'llm_extract.decisions', 'llm_extract.review_store', 'llm_extract.settling'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_model_stage_is_an_extractor_only_it_loads_neither_the_verifier_nor_the_deterministic_reader() -> None:
    code = (
        "import sys, pkgutil, importlib, llm_extract.model as m\n"
        "for info in pkgutil.iter_modules(m.__path__):\n"
        "    importlib.import_module('llm_extract.model.' + info.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] == 'verify'\n"
        "       or n.startswith(('llm_extract.extract', 'llm_extract.pipeline', 'llm_extract.settling'))]\n"
        "print(sorted(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
