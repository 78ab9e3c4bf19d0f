"""The second renderer (llm_extract.synth.wild): each family prints what FORM.md says real reports print.

These tests pin the layouts, not the reader: no test here asserts how well the reader
reads them (that is what ``bench/robustness.py --renderer wild`` measures).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from llm_extract.form import FORM
from llm_extract.ingest.html import declared_charset
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth.records import random_report
from llm_extract.synth.wild import FAMILIES, WildDoc, render_wild, write_corpus
from llm_extract.synth.wild_style import BLANKS

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FOOTER = re.compile(r"第 ?\d+ ?页( 共 \d+ 页)?|- \d+ -|—\d+—")


def _report(seed: int = 5) -> Report:
    return random_report(random.Random(seed), f"r{seed}")


def _find(family: str, want: Callable[[WildDoc], bool], report: Report | None = None) -> WildDoc:
    """The first seed's document that has the wanted property."""
    report = report or _report()
    for seed in range(500):
        doc = render_wild(report, family, seed)
        if want(doc):
            return doc
    raise AssertionError(f"no seed gives {family} the wanted property")


def _has(*kinds: str) -> Callable[[WildDoc], bool]:
    return lambda d: all(k in d.kinds for k in kinds)


def _words_header(d: WildDoc) -> bool:
    return not any(k.startswith("header:") for k in d.kinds)


def _values_in_order(doc: WildDoc) -> list[str]:
    """The report's printed values in reading order (表二, 表三 row by row, 表四), nulls left out."""
    r = doc.truth
    out: list[str] = []
    for row in FORM.table2:
        node = r.get(row.path)
        out += [str(getattr(node, c.key)) if row.columns[0].key else str(node) for c in row.columns]
    single = "other_single_row" in doc.kinds
    for row in FORM.table3_rows:
        if single and row.key in ("other_unpaid_fee", "other_other"):
            continue
        out += [str(getattr(getattr(r.applications, row.key), c)) for c in APPLICANT_COLUMNS]
    out += [str(r.get(f"review_litigation.{g}.{c}")) for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
    return [v for v in out if v != "None"]


def _is_subsequence(needle: list, hay: list) -> bool:
    it = iter(hay)
    return all(any(x == y for y in it) for x in needle)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


# ── every family ──────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("family", FAMILIES)
def test_the_same_seed_gives_the_same_document_and_other_seeds_other_documents(family: str) -> None:
    report = _report()
    assert render_wild(report, family, 11).text == render_wild(report, family, 11).text
    assert len({render_wild(report, family, s).text for s in range(6)}) == 6


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "inline"])
def test_every_value_of_the_golden_is_printed_and_in_reading_order(family: str) -> None:
    for seed in range(30):
        doc = render_wild(_report(seed), family, seed)
        text = doc.document().text.replace("<br>", "")
        numbers = [Decimal(n) for n in _NUMBER.findall(text)]
        assert _is_subsequence([Decimal(v) for v in _values_in_order(doc)], numbers), (seed, doc.kinds)


def test_inline_prints_every_digit_of_the_golden_in_reading_order() -> None:
    for seed in range(30):
        doc = render_wild(_report(seed), "inline", seed)
        digits = re.sub(r"\D", "", doc.text)
        printed = "".join(v for v in _values_in_order(doc) if v != "0" or "fee" not in v)
        assert _is_subsequence(list(printed.replace(".", "")), list(digits)), seed


@pytest.mark.parametrize("family", FAMILIES)
def test_a_null_cell_is_printed_as_a_placeholder_or_nothing_never_as_zero(family: str) -> None:
    report = _report(3)
    for c in APPLICANT_COLUMNS:
        setattr(report.applications.denied_query_matter, c, None)
    for seed in range(10):
        doc = render_wild(report, family, seed)
        if "numbers:above" in doc.kinds:          # there the next row's numbers stand before its label
            continue
        text = doc.document().text.replace("<br>", "")
        after = _FOOTER.sub("", text[text.find("查询事项"):][:200])
        between = after[len("查询事项"):after.find("本机关不掌")]        # up to the next row's label
        between = re.sub(r"[1１][.、．]$", "", between)                  # less its item number
        assert not re.search(r"\d", between), (seed, doc.kinds, between)


@pytest.mark.parametrize("family", FAMILIES)
def test_the_document_says_which_family_and_variations_it_took(family: str) -> None:
    doc = render_wild(_report(), family, 2)
    assert doc.family == family and doc.kinds and doc.truth.doc_id == "r5"
    assert doc.suffix == {"inline": ".txt", "converter_md": ".md", "wrapped_pdf": ".txt", "html_spans": ".html"}[family]


def test_an_unknown_family_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown family"):
        render_wild(_report(), "scanned", 1)


# ── cross-cutting variations ──────────────────────────────────────────────────────────────────────

def test_a_generic_header_replaces_the_column_labels_with_data_1_to_6() -> None:
    doc = _find("converter_md", _has("header:generic"))
    header = next(line for line in doc.text.splitlines() if "数据1" in line)
    assert _cells(header)[-7:] == [f"数据{i}" for i in range(1, 7)] + [_cells(header)[-1]]
    assert "自然人" not in doc.text


def test_a_vertical_header_prints_one_character_per_line() -> None:
    doc = _find("wrapped_pdf", _has("header:vertical"))
    lines = doc.text.splitlines()
    at = lines.index("自")
    assert lines[at:at + 3] == ["自", "然", "人"]


def test_a_garbled_header_breaks_and_merges_the_column_words() -> None:
    doc = _find("html_spans", _has("header:garbled"))
    text = doc.document().text
    assert "或其他: 社会 公益 组织" in text and "法律 服务 机构" in text and "结果 维持" in text
    assert "社会公益组织" not in text


def test_title_noise_stays_in_the_title_and_the_golden_agency_is_the_clean_name() -> None:
    for kind, noise in (("title:prefix", r"^(标题[:：]|【标题】)"), ("title:page_number", r"^\d[- ]?\S")):
        doc = _find("wrapped_pdf", _has(kind))
        first = doc.text.splitlines()[0]
        assert re.match(noise, first) and doc.truth.agency in first
        assert not re.search(r"[:：\d【-]", doc.truth.agency or "")


def test_label_variations_change_the_printing_never_the_row() -> None:
    doc = _find("converter_md", _has("bracket:half", "item:comma", "合计"))
    assert "(三)不予公开" in doc.text and "1、属于国家秘密" in doc.text and "(七)合计" in doc.text
    typo = _find("html_spans", lambda d: ("行政机关", "行玫机关") in d.style.typos)
    reconfirm = typo.style.label(FORM.table3_row("rejected_reconfirm").label)
    assert "行玫机关" in reconfirm and "重新出具" in reconfirm and reconfirm in typo.document().text


def test_blank_placeholders_are_those_of_form_md() -> None:
    assert set(BLANKS) == {"", "/", "-", "—", "无"}


def test_table4_as_three_rows_of_five_or_after_empty_rows() -> None:
    doc = _find("wrapped_pdf", _has("t4:three_rows"))
    tail = doc.text.split(doc.text.splitlines()[-1])[0].rstrip().splitlines()
    rows = [line.split() for line in tail if line.strip() and all(_NUMBER.fullmatch(x) for x in line.split())][-3:]
    t4 = doc.truth.review_litigation
    assert rows == [[str(getattr(getattr(t4, g), c)) for c in FORM.table4_column_keys] for g in FORM.table4_group_keys]
    gap = _find("converter_md", _has("t4:gap_rows"))
    assert any(_cells(line) == [""] * 15 for line in gap.text.splitlines())


def test_an_annotated_cell_carries_its_note_after_the_number() -> None:
    report = _report()
    report.active_disclosure.normative_documents.issued = 22
    doc = _find("html_spans", _has("annotated"), report)
    assert re.search(r"22（其中修订\d+件）", doc.document().text)


def test_other_handling_prints_as_one_row_only_when_its_three_rows_are_zero() -> None:
    report = _report()
    for key in ("other_no_correction", "other_unpaid_fee", "other_other"):
        for c in APPLICANT_COLUMNS:
            setattr(getattr(report.applications, key), c, 0)
    doc = _find("converter_md", _has("other_single_row"), report)
    assert f"{doc.style.label('（六）其他处理')} |" in doc.text and "不补正" not in doc.text
    report.applications.other_other.natural_person += 1
    assert all("other_single_row" not in render_wild(report, "converter_md", s).kinds for s in range(100))


# ── inline ────────────────────────────────────────────────────────────────────────────────────────

def test_inline_runs_a_table3_row_label_and_its_digits_together() -> None:
    doc = _find("inline", _has("spaced:0"))
    row = doc.truth.applications.carried_over
    run = "".join(str(getattr(row, c)) for c in APPLICANT_COLUMNS)
    assert doc.style.label(FORM.table3_row("carried_over").label) + run in doc.text
    assert len(doc.text.splitlines()) <= 4


def test_inline_runs_the_header_words_and_the_balance_note_together() -> None:
    doc = _find("inline", lambda d: "header:generic" not in d.kinds)
    total = doc.style.total_word
    assert "勾稽关系" in doc.text and f"申请人情况自然人法人或其他组织{total}商业企业科研机构" in doc.text


def test_inline_says_when_only_the_identities_can_split_a_run() -> None:
    small, big = _report(), _report()
    big.applications.new_received.natural_person = 530
    big.applications.new_received.total = 530 + sum(getattr(big.applications.new_received, c)
                                                     for c in APPLICANT_COLUMNS[1:6])
    assert _find("inline", _has("spaced:0"), big).exact is False
    assert "runs:identities" in _find("inline", _has("spaced:0"), big).kinds
    one_digit = [d for d in (render_wild(small, "inline", s) for s in range(20)) if "runs:unique" in d.kinds]
    assert all(d.exact for d in one_digit)


def test_inline_table2_runs_are_glued_only_where_the_split_is_unique() -> None:
    report = _report()
    report.active_disclosure.normative_documents.issued = 5
    report.active_disclosure.normative_documents.repealed = 2
    report.active_disclosure.normative_documents.in_force = 51
    doc = _find("inline", _has("spaced:0"), report)
    assert f"{doc.style.normative}5 2 51" in doc.text


# ── converter markdown ────────────────────────────────────────────────────────────────────────────

def test_converter_markdown_a_spanning_label_leaves_empty_cells_before_the_numbers() -> None:
    doc = _find("converter_md", _has("label_columns:3", "span:empty", "detached:0"))
    line = next(x for x in doc.text.splitlines() if "本年新收" in x and "|" in x)
    row = doc.truth.applications.new_received
    assert _cells(line)[1:] == ["", ""] + [str(getattr(row, c)) for c in APPLICANT_COLUMNS]


def test_converter_markdown_puts_the_group_label_in_a_column_of_its_own() -> None:
    doc = _find("converter_md", _has("label_columns:3", "detached:0"))
    lines = doc.text.splitlines()
    first = next(x for x in lines if "属于国家秘密" in x)
    second = next(x for x in lines if "第三方" in x)
    secret = FORM.table3_row("denied_state_secret")
    assert _cells(first)[:3] == ["", doc.style.label(secret.group), doc.style.label(secret.label)]
    assert _cells(second)[:2] == ["", ""]


def test_converter_markdown_can_repeat_a_spanning_label_in_every_column() -> None:
    doc = _find("converter_md", _has("label_columns:3", "span:repeat", "detached:0"))
    line = next(x for x in doc.text.splitlines() if "本年新收" in x and "|" in x)
    assert len(set(_cells(line)[:3])) == 1


def test_converter_markdown_detaches_labels_from_their_numbers() -> None:
    doc = _find("converter_md", _has("detached:0.5"))
    lines = [_cells(x) for x in doc.text.split("申请情况")[1].splitlines() if x.startswith("|")]
    label_only = [i for i, c in enumerate(lines) if any(c[:3]) and c[-7:] == [""] * 7 and "情形" not in "".join(c)]
    assert any(lines[i + 1][:2] == ["", ""] and any(lines[i + 1][-7:]) for i in label_only)


def test_converter_markdown_splits_the_header_over_rows_and_pulls_notes_onto_their_own_row() -> None:
    doc = _find("converter_md", lambda d: "note_own_line" in d.kinds and _words_header(d))
    lines = doc.text.splitlines()
    rule = next(i for i, x in enumerate(lines) if x.startswith("|---") and len(_cells(lines[i - 1])) > 8)
    assert "自然人" in lines[rule + 1] and "商业企业" in lines[rule + 2] and "自然人" not in lines[rule + 2]
    note = doc.style.label(re.search(r"（[^（）]+）$", FORM.table3_row("partially_granted").label).group())
    assert any(_cells(x)[0] == note and not any(_cells(x)[1:])
               for x in lines if x.startswith("|"))


def test_converter_markdown_breaks_long_cells_with_br() -> None:
    assert "<br>" in _find("converter_md", lambda d: "<br>" in d.text).text


# ── wrapped PDF text ──────────────────────────────────────────────────────────────────────────────

def test_wrapped_pdf_puts_the_numbers_on_the_middle_line_of_a_label_wrapped_over_three() -> None:
    doc = _find("wrapped_pdf", lambda d: "numbers:middle" in d.kinds and "merged_labels:prefix_middle" not in d.kinds)
    label = doc.style.label(FORM.table3_row("other_unpaid_fee").label)
    lines = doc.text.splitlines()
    i = next(k for k, x in enumerate(lines) if label.startswith(x.strip()) and len(x.strip()) > 3)
    assert label == lines[i] + lines[i + 1].split()[0] + lines[i + 2]
    row = doc.truth.applications.other_unpaid_fee
    assert lines[i + 1].split()[1:] == [str(getattr(row, c)) for c in APPLICANT_COLUMNS]


@pytest.mark.parametrize("place", ["above", "below"])
def test_wrapped_pdf_can_print_the_numbers_on_their_own_line_above_or_below_the_label(place: str) -> None:
    doc = _find("wrapped_pdf", lambda d: f"numbers:{place}" in d.kinds and "merged_labels:prefix_middle" not in d.kinds)
    lines = doc.text.splitlines()
    label = doc.style.label(FORM.table3_row("other_unpaid_fee").label)
    i = next(k for k, x in enumerate(lines) if label.startswith(x.strip()) and len(x.strip()) > 3)
    numbers = lines[i - 1] if place == "above" else next(x for x in lines[i + 1:i + 4] if x[:1].isdigit())
    row = doc.truth.applications.other_unpaid_fee
    assert numbers.split() == [str(getattr(row, c)) for c in APPLICANT_COLUMNS]


@pytest.mark.parametrize("merged", ["own_line", "prefix_first", "prefix_middle", "fragments"])
def test_wrapped_pdf_prints_each_merged_label_once_on_its_own_line_before_a_row_or_in_pieces(merged: str) -> None:
    doc = _find("wrapped_pdf", _has(f"merged_labels:{merged}"))
    table3 = doc.text.split(doc.style.label(FORM.table3_row("carried_forward").label[:4]))[0].split("勾稽关系")[1]
    group = doc.style.label(FORM.table3_row("denied_state_secret").group)
    top = doc.style.label(FORM.table3_row("granted").group)
    assert table3.count(group) == 1
    firsts = [line.split()[0] for line in table3.splitlines() if line.split()]
    if merged == "fragments":
        assert top not in table3
        assert any("".join(firsts[i:i + n]) == top for n in (2, 3, 4) for i in range(len(firsts)))
    else:
        assert table3.count(top) == 1
    if merged == "own_line":
        assert group in [line.strip() for line in table3.splitlines()]


def test_wrapped_pdf_splits_table3_over_two_pages_with_a_footer_and_maybe_its_header_again() -> None:
    again = _find("wrapped_pdf", lambda d: "page_break:header_again" in d.kinds and _words_header(d))
    table3 = again.text.split("收到和处理政府信息公开申请情况")[1].split("行政复议")[0]
    assert any(_FOOTER.fullmatch(x) for x in table3.splitlines()) and table3.count("商业企业") == 2
    once = _find("wrapped_pdf", lambda d: "page_break:no_header" in d.kinds and _words_header(d))
    assert once.text.split("收到和处理政府信息公开申请情况")[1].split("行政复议")[0].count("商业企业") == 1


def test_wrapped_pdf_separates_cells_with_runs_of_spaces_or_tabs() -> None:
    tabs = _find("wrapped_pdf", _has("sep:tabs"))
    assert "\t" in tabs.text and not re.search(r"\d {2,}\d", tabs.text)
    spaces = _find("wrapped_pdf", _has("sep:spaces"))
    assert "\t" not in spaces.text and re.search(r"\d {2,}\d", spaces.text)


# ── CMS HTML ──────────────────────────────────────────────────────────────────────────────────────

def test_html_page_is_encoded_in_the_charset_its_meta_tag_declares() -> None:
    for charset in ("gbk", "gb2312", "utf-8"):
        doc = _find("html_spans", _has(f"charset:{charset}"))
        assert declared_charset(doc.data) == ("gb18030" if charset != "utf-8" else "utf-8")
        assert doc.data.decode("gb18030" if charset != "utf-8" else "utf-8") == doc.text
        if charset != "utf-8":
            with pytest.raises(UnicodeDecodeError):
                doc.data.decode("utf-8")


def test_html_tables_use_rowspan_colspan_styled_spans_and_nbsp() -> None:
    report = _report()
    for c in APPLICANT_COLUMNS:
        setattr(report.applications.denied_query_matter, c, None)
    doc = _find("html_spans", lambda d: not any(k.startswith("blank:") for k in d.kinds), report)
    assert 'rowspan="8"' in doc.text and 'colspan="3"' in doc.text and "<span style=" in doc.text
    assert "&nbsp;" in doc.text and '<div class="nav">' in doc.text


def test_html_goes_through_the_projects_ingest_which_drops_the_site_navigation() -> None:
    doc = _find("html_spans", lambda d: True)
    text = doc.document().text
    assert "\t一、本年新收政府信息公开申请数量" in text.replace("(", "（")
    assert "政务服务" not in text and "当前位置" not in text


def test_html_can_put_the_article_in_a_page_layout_table() -> None:
    doc = _find("html_spans", _has("layout_table"))
    assert doc.text.index('class="main-frame"') < doc.text.index("<h1") < doc.text.index("</td></tr></table>")
    assert "\t一、本年新收政府信息公开申请数量" in doc.document().text.replace("(", "（")


# ── corpus for llm-extract extract / compare ──────────────────────────────────────────────────────

def test_a_corpus_is_written_as_documents_beside_their_golden_json(tmp_path) -> None:
    docs = [render_wild(_report(i), f, i) for i, f in enumerate(FAMILIES)]
    for i, d in enumerate(docs):
        d.truth.doc_id = f"w{i}"
    written = write_corpus(docs, tmp_path)
    assert sorted(p.name for p in written) == ["w0.txt", "w1.md", "w2.txt", "w3.html"]
    for d in docs:
        golden = json.loads((tmp_path / f"{d.truth.doc_id}.json").read_text(encoding="utf-8"))
        assert {k: v for k, v in golden.items() if k != "notes"} == {k: v for k, v in d.truth.golden_dict().items()
                                                                     if k != "notes"}
        assert (tmp_path / f"{d.truth.doc_id}{d.suffix}").read_bytes() == d.data
        assert d.family in golden["notes"][0]
