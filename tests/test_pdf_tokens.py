"""The tokenizer fast path gives pdfminer's tokens, at pdfminer's positions, whatever the buffer cuts.

Every PDF read goes through pdfminer's PostScript tokenizer (content streams, fonts, CMaps,
cross-reference tables); :mod:`llm_extract.ingest.pdf_tokens` reads common tokens with one
regular expression and leaves the rest to pdfminer's state machine. These tests hold the
two side by side: on hand-made streams full of the awkward cases (escapes, nested
parentheses, odd hex digits, names with ``#``, numbers like ``1.2.3`` and ``--5``), cut by
every small buffer size so that tokens straddle buffer ends, and on every fixture PDF,
token by token.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pdfplumber")

from pdfminer.psparser import PSEOF, PSBaseParser  # noqa: E402

from llm_extract.ingest import pdf_tokens  # noqa: E402
from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402

PDFS = Path(__file__).parent / "fixtures" / "pdf"

AWKWARD = (
    b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm [(Hello) -250 (W\\)orld\\n) 120.25] TJ ET\n"
    b"(nested (paren) text) Tj (octal \\101\\1015 and \\\r\n line) Tj <48656c6c6f> Tj <4 8 6> Tj <> Tj\n"
    b"/Name#20with#23hash /Plain/Adjacent/ /utf\xc3\xa9 /bad\xff 1.2.3 --5 -.5 +.5 .5 5. - + . -0 007\n"
    b"<< /Type /Font /Widths [1000 0 0 500] /Encoding << /Differences [0 /g0 /g91CD] >> >>\n"
    b"<0001>> {1 2 add} true false null T* ' \" \x00 % a comment\r\n"
    b"q 0.5 0 0 0.5 0 0 cm 10 20 m 30 40 l S Q d0 1.0e5 abc#def[1]"
)


def _tokens(data: bytes, bufsize: int) -> list[tuple[int, Any]]:
    parser = PSBaseParser(io.BytesIO(data))
    parser.BUFSIZ = bufsize
    out = []
    while True:
        try:
            out.append(parser.nexttoken())
        except PSEOF:
            return out


@pytest.fixture
def fast() -> Iterator[None]:
    assert pdf_tokens.install(), "the fast path is written for the installed pdfminer release"
    yield


@pytest.mark.parametrize("bufsize", [1, 2, 3, 5, 7, 11, 16, 64, 4096])
def test_awkward_tokens_are_read_as_pdfminer_reads_them_whatever_the_buffer_size(fast: None, bufsize: int) -> None:
    with pdf_tokens.stock_tokenizer():
        expected = _tokens(AWKWARD, bufsize)
    assert _tokens(AWKWARD, bufsize) == expected
    assert len(expected) > 100


def test_the_fast_path_reads_the_common_tokens_itself(fast: None, monkeypatch: pytest.MonkeyPatch) -> None:
    left: list[int] = []

    def state_machine(self: Any) -> Any:
        left.append(1)
        return pdf_tokens.PATCH.original(self)
    monkeypatch.setattr(PSBaseParser, "nexttoken", pdf_tokens.fast_nexttoken(state_machine))
    data = b"BT /F1 12 Tf 72 700 Td (abc) Tj <0041> Tj [(a) -20.5 (b)] TJ ET\n" * 200
    assert len(_tokens(data, 4096)) == 200 * 18
    assert len(left) <= len(data) // 4096 + 2     # the first, one per buffer end, and the end of the data


def _record(store: list[tuple[str, int, Any]]) -> Callable[[Any], Any]:
    inner = PSBaseParser.nexttoken

    def nexttoken(self: Any) -> Any:
        token = inner(self)
        store.append((type(self).__name__, token[0], token[1]))
        return token
    return nexttoken


def _read_recording(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, int, Any]], str]:
    store: list[tuple[str, int, Any]] = []
    with monkeypatch.context() as m:
        m.setattr(PSBaseParser, "nexttoken", _record(store))
        try:
            text = pdf_to_text(path.read_bytes(), str(path))
        except Exception as exc:             # a scan or a locked file: its error is part of what is read
            text = f"{type(exc).__name__}: {exc}"
    return store, text


@pytest.mark.parametrize("path", sorted(PDFS.glob("*.pdf")), ids=lambda p: p.stem)
def test_every_fixture_pdf_is_tokenized_and_read_exactly_as_by_pdfminer_itself(
        fast: None, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pdf_tokens.stock_tokenizer():
        assert not pdf_tokens.installed()
        expected, expected_text = _read_recording(path, monkeypatch)
    assert pdf_tokens.installed()
    tokens, text = _read_recording(path, monkeypatch)
    assert tokens == expected
    assert text == expected_text


def test_on_another_pdfminer_release_pdfminer_runs_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf_tokens.uninstall()
    shipped = PSBaseParser.nexttoken
    monkeypatch.setattr(pdf_tokens, "_version", lambda: "20991231")
    try:
        assert pdf_tokens.install() is False
        assert PSBaseParser.nexttoken is shipped and not pdf_tokens.installed()
    finally:
        monkeypatch.undo()
        pdf_tokens.install()


def test_install_is_idempotent_and_uninstall_restores_pdfminer(fast: None) -> None:
    fast_fn = PSBaseParser.nexttoken
    shipped = pdf_tokens.PATCH.original
    assert pdf_tokens.install() and PSBaseParser.nexttoken is fast_fn
    with pdf_tokens.stock_tokenizer():
        assert PSBaseParser.nexttoken is shipped
        assert pdf_tokens.install() is False and PSBaseParser.nexttoken is shipped    # not inside stock_tokenizer
    assert pdf_tokens.installed() and PSBaseParser.nexttoken is not shipped
