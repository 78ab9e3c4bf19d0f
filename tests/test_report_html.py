"""report.html in a real headless browser: one self-contained page, legible, coloured by status,
charts drawn inline, and nothing from a document ever interpreted as markup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.export.fields import STATUS_COLOURS

runner = CliRunner()
SEED_000 = "000_38ec84bebc7328d3"
SEED_002 = "002_0126e23b7202ee31"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, golden_dir: Path) -> Path:
    """The sample reports, one whose title carries a script, one named like an SVG tag with a script,
    and a file named like an HTML tag that fails."""
    inputs = tmp_path_factory.mktemp("in")
    for p in golden_dir.glob("*.txt"):
        shutil.copy(p, inputs / p.name)
    text = (golden_dir / f"{SEED_000}.txt").read_text(encoding="utf-8")
    (inputs / "evil.txt").write_text("<script>document.title='pwned'</script>" + text, encoding="utf-8")
    (inputs / "<svg onload=alert(1)>.txt").write_text(text, encoding="utf-8")
    (inputs / "<img src=x onerror=alert(2)>.txt").write_text("hello", encoding="utf-8")
    out = tmp_path_factory.mktemp("run") / "out"
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "report.html"


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture()
def page(browser, report: Path):
    """The page loaded from its file, every request it makes recorded; dialogs recorded too."""
    context = browser.new_context(viewport={"width": 1300, "height": 1600})
    page = context.new_page()
    page.requests, page.dialogs = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(report.as_uri())
    yield page
    context.close()


def test_the_page_shows_the_run_summary_indicators_and_every_document(page) -> None:
    body = page.inner_text("body")
    assert "Run summary" in body and "Indicators" in body
    summary = page.inner_text("#summary + table")
    assert "documents\t8" in summary and "failed\t1" in summary
    for doc_id in (SEED_000, SEED_002, "evil"):
        assert page.locator(f"section[id='doc-{doc_id}']").is_visible()
    assert page.locator("section.doc table.表三").count() == 7
    assert "申请总数" in body and "予以公开率" in body and "行政诉讼纠错率" in body


def test_a_documents_section_is_laid_out_only_near_the_screen_and_then_shown_whole(page) -> None:
    """A batch of thousands of documents: the page must open without laying out every document's tables
    (content-visibility), and a section the reader scrolls or links to is shown as it is."""
    last = page.locator("section.doc").last
    assert last.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
    assert last.locator("table.表三").inner_text() == ""             # not laid out, far from the screen
    last.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert last.locator("table.表三").is_visible() and "本年新收" in last.locator("table.表三").inner_text()


def test_cells_are_coloured_by_status_with_their_source_lines(page) -> None:
    section = page.locator(f"section[id='doc-{SEED_002}']")
    derived = section.locator("table.表三 td.s-derived").first
    assert derived.evaluate("e => getComputedStyle(e).backgroundColor") == _rgb(STATUS_COLOURS["derived"])
    assert "derived" in derived.get_attribute("title")
    proven = section.locator("table.表三 td.s-proven").first
    assert proven.evaluate("e => getComputedStyle(e).backgroundColor") == _rgb(STATUS_COLOURS["proven"])
    total_row = section.locator("table.表三 tr", has_text="（七）总计")
    total_row.scroll_into_view_if_needed()             # (a section far from the screen is not laid out: no text)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert "L57" in total_row.inner_text()                       # the source line of the row


def test_charts_by_document_and_by_year_are_inline_svg_with_visible_bars(page) -> None:
    charts = page.locator("svg.chart")
    titles = page.locator("svg.chart text.chart-title").all_text_contents()
    assert any("by document" in t for t in titles) and any("by year" in t for t in titles)
    assert charts.count() >= 10
    box = page.locator("svg.chart rect").first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0


def test_the_page_needs_no_network_and_no_other_file(page, report: Path) -> None:
    assert page.requests == [report.as_uri()]


def test_text_from_a_document_or_a_file_name_is_shown_as_text_never_run(page) -> None:
    assert page.title().startswith("llm-extract report") and page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("svg[onload]").count() == 0
    # (the text of the sections, laid out or not: innerText is empty for a section far from the screen)
    assert any(h.startswith("<svg onload=alert(1)> · ") for h in page.locator("section.doc h3").all_text_contents())
    assert "<svg onload=alert(1)>" in page.locator("svg.chart").first.text_content()     # a chart label
    assert "<img src=x onerror=alert(2)>" in page.inner_text("body")


def test_a_screenshot_of_the_page_is_a_legible_png(page, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    section = tmp_path / "document.png"
    page.locator(f"section[id='doc-{SEED_002}']").screenshot(path=str(section))
    assert section.read_bytes().startswith(b"\x89PNG") and section.stat().st_size > 20_000
