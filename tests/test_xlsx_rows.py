"""records.xlsx's rows written straight into XlsxWriter's row stream (export/xlsx_rows.py) are the bytes
XlsxWriter writes for them: every part of the workbook is the same as when every cell goes through
XlsxWriter's own write methods, whatever the values (escapes, whitespace, control characters, a string that
looks like a rich string, a long string, numbers XlsxWriter refuses, booleans, styled blanks) and styles
(a style first used in any row, on any sheet; a row wider than its header)."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from llm_extract.export import xlsx as xlsx_module
from llm_extract.export.xlsx import STYLES, XlsxWriter, row_cells
from llm_extract.export.xlsx_rows import write_row

_TEXTS = ["", "a", "局", " lead", "trail ", "\u3000全角", "a&b", "<x>", "x>y", 'q"uote', "line\nbreak", "tab\tin",
          "ctl\x01char", "_x0041_", "<r>rich</r>", "\ufffe", "=1+1", "http://example.org", "004"]


def _values(rng: random.Random) -> list[Any]:
    return [rng.choice([*_TEXTS, 0, 7, -3, 10 ** 20, 2.5, 1e-7, 94.0121, True, False, None, None])
            for _ in range(rng.randrange(1, 9))]


def _build(path: Path, rows: list[tuple[str, list[Any], list[str | None]]]) -> dict[str, bytes]:
    writer = XlsxWriter(path)
    for title, values, styles in rows:
        writer.add_row(title, row_cells(values, styles))
    writer.stage().rename(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT[\d:]+Z", b"", parts["docProps/core.xml"])
    return parts


def _random_rows(seed: int) -> list[tuple[str, list[Any], list[str | None]]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(300):
        values = _values(rng)
        rows.append((rng.choice(["表三", "表四", "复核队列", "图例"]), values, [rng.choice(STYLES) for _ in values]))
    return rows + [("图例", ["wider than any row before"] * 12, [None] * 12)]


@pytest.mark.parametrize("seed", range(6))
def test_the_workbook_is_byte_for_byte_xlsxwriters_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       seed: int) -> None:
    rows = _random_rows(seed)
    fast = _build(tmp_path / "fast.xlsx", rows)
    monkeypatch.setattr(xlsx_module, "write_row", lambda *args: False)     # every cell through XlsxWriter
    assert _build(tmp_path / "slow.xlsx", rows) == fast


def test_a_plain_row_is_written_in_one_piece_once_its_styles_are_known(tmp_path: Path) -> None:
    writer = XlsxWriter(tmp_path / "x.xlsx")
    ws, _ = writer.current["表三"]
    plain = row_cells(["001", "granted", 5, 2.5, None], ["@", None, "proven", "proven", "derived"])
    assert writer.formats[1].xf_index is None and not write_row(ws, 1, plain, writer.formats)   # a new style
    writer.add_row("表三", plain)           # (XlsxWriter's own: the styles get their indexes as it is written)
    writer.add_row("表三", plain)
    assert write_row(ws, 3, plain, writer.formats)
    for refused in (["ctl\x01"], ["<r>x</r>"], ["x" * 20000], [float("nan")], [10 ** 400]):
        assert not write_row(ws, 4, row_cells(refused, [None]), writer.formats)
    writer.abort()


def test_under_an_xlsxwriter_release_it_was_not_checked_against_every_row_goes_through_xlsxwriter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from llm_extract.export import xlsx_rows

    writer = XlsxWriter(tmp_path / "x.xlsx")
    ws, _ = writer.current["表三"]
    plain = row_cells(["001", 5], ["@", "proven"])
    writer.add_row("表三", plain)
    assert xlsx_rows.ENABLED == (tuple(int(p) for p in __import__("xlsxwriter").__version__.split(".")[:2])
                                 in xlsx_rows.CHECKED)
    monkeypatch.setattr(xlsx_rows, "ENABLED", False)
    assert not write_row(ws, 2, plain, writer.formats)
    writer.abort()


def test_the_writer_takes_up_a_style_s_index_once_xlsxwriter_has_given_it(tmp_path: Path) -> None:
    writer = XlsxWriter(tmp_path / "x.xlsx")
    text = STYLES.index("@")
    assert writer.tails[text] is None                   # (no cell of it written yet: the legend has none)
    for _ in range(3):         # the first two through XlsxWriter (the first goes out, indexed, as the second comes)
        writer.add_row("表三", row_cells(["001", 5], ["@", "proven"]))
    assert writer.tails[text] == f'" s="{writer.formats[text].xf_index}"'
    writer.abort()
