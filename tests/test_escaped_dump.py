"""A crawler database's text field copied out as stored: line breaks written ``\\r\\n`` / ``\\n``, ``\\t`` and
``\\u3000`` escapes, cells joined by ``&nbsp;``, the page's entities kept (``&#12288;``, ``&ldquo;``, a ``<br>``
escaped twice). Such a text reads as the report it holds; a text with a few backslashes in its prose (a path, a
``\\\\n``) is left as it is."""

from __future__ import annotations

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.escaped_dump import MIN_BREAKS, is_escaped_dump, unescape_dump
from llm_extract.schema import Report
from llm_extract.outputs import read_json
from llm_extract.synth import render


def _report(golden_dir, stem: str) -> tuple[Report, str]:
    g = read_json(golden_dir / f"{stem}.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    return report, render(report, "pdftext")


def _dump(plain: str, newline: str, keep_every: int = 0) -> str:
    """The text as a database field: each line break escaped (every ``keep_every``-th kept real), cells and
    paragraph indents as entities, a line padded with an escaped tab, a <br> escaped twice in the prose."""
    out = []
    for i, line in enumerate(plain.split("\n")):
        line = line.replace("\t", "&nbsp;").replace("  ", "&nbsp;")
        if "一、总体情况" in line:
            line = "&#12288;&#12288;" + line + "&lt;br&gt;\\u3000本机关“依法”公开。"
        if i % 3 == 1:
            line += "\\t"
        out.append(line + ("\n" if keep_every and i % keep_every == 0 else newline))
    return "标题：报告\n来源：本站\n" + "".join(out)


@pytest.mark.parametrize(("newline", "keep_every"), [("\\r\\n", 0), ("\\n", 0), ("\\n", 4)])
def test_a_dump_reads_as_the_report_it_holds(golden_dir, newline: str, keep_every: int) -> None:
    report, plain = _report(golden_dir, "003_d677def7845cc038")
    dump = _dump(plain, newline, keep_every)
    assert dump.count("\n") < plain.count("\n") / (keep_every or 100) + 3
    record = process_document(load_bytes(dump.encode(), doc_id="x", suffix=".txt"))
    assert record.report.values() == report.values()
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_escapes_entities_and_padding_are_read() -> None:
    text = "a\\r\\nb\\nc\\t\\nd\\te\\tf\\n\\u3000g&ldquo;h&rdquo;&lt;br&gt;i&lt;table&gt;&amp;j&#12288;k\\\\nl"
    assert unescape_dump(text) == "a\nb\nc\nd\te\tf\n\u3000g“h”\ni&lt;table&gt;&amp;j\u3000k\\nl"


def test_an_escaped_pair_of_surrogates_is_one_character() -> None:
    assert unescape_dump("\\ud83d\\ude00\\n") == "\U0001F600\n"


def test_a_text_is_a_dump_by_its_escaped_line_breaks_only() -> None:
    assert is_escaped_dump("一\\n" * MIN_BREAKS)
    assert not is_escaped_dump("一\\n" * (MIN_BREAKS - 1))
    assert not is_escaped_dump("一\\\\n" * 10)                       # a backslash, then an n
    assert not is_escaped_dump("见D:\\new\\nation\\report\\rules\\name。" * 3)   # a path's backslashes


def test_backslashes_in_prose_stay_as_they_are() -> None:
    text = "路径D:\\new\\报告\\2021.txt，符号\\_，政务\\公开\n" * 3
    doc = load_bytes(text.encode(), doc_id="x", suffix=".txt")
    assert doc.text == text


def test_a_backslash_in_a_dump_that_escapes_nothing_stays() -> None:
    assert unescape_dump("政务\\公开\\n一\\_二") == "政务\\公开\n一\\_二"
