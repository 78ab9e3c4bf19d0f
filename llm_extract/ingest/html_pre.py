"""A web page that publishes the report's text preformatted: ``<pre>`` around a text export of it.

Some sites (and crawlers' archived copies) publish a report as the text a Word or PDF export gave, inside
``<pre>``: its lines, and its tables' rows as tab-separated cells (``(一)予以公开\\t0\\t0\\t…``). A browser prints
that text as it stands; so does the page reader: the ``<pre>``'s lines are the page's lines, tabs and all (a cell
per field, as the text file's reader reads them), where collapsing its white space would run the whole report
into one line and every table row into its neighbours. A page that is nothing but such a text (:func:`preformatted_text`)
is read as the text file of it is.
"""

from __future__ import annotations

from lxml import etree, html

__all__ = ["pre_lines", "preformatted_text"]


def pre_lines(text: str) -> list[str]:
    """The lines of a ``<pre>``'s text as a browser prints them: split at its line breaks, each line as printed (its
    leading tabs are the empty cells before a row's label, its trailing ones a row's empty last cells), no empty
    first or last line (HTML drops a newline right after ``<pre>``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


#: the share of a page's visible text its ``<pre>`` elements must hold for the page to be its preformatted text
_PRE_SHARE = 0.8
_NOT_SHOWN = ("script", "style", "head", "title", "noscript", "template")


def preformatted_text(page: str) -> str | None:
    """The text of a page that is its ``<pre>`` elements' text (they hold most of what the page shows: the report
    published as a text export, around it only a title or a site's links), as a text file of it holds it, to be
    read as that text file is (its one-cell-a-line tables, its innerText cells between blank lines, …); ``None``
    for any other page (its ``<pre>`` lines are kept where they stand: :func:`pre_lines`)."""
    if "<pre" not in page.lower():
        return None
    try:
        root = html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    for element in root.iter(*_NOT_SHOWN):
        element.drop_tree()
    pres = [pre.text_content() for pre in root.iter("pre")]
    shown = len("".join(root.text_content().split()))
    held = len("".join("".join(pres).split()))
    if not held or held < _PRE_SHARE * shown:
        return None
    return "\n".join(text[1:] if text.startswith("\n") else text for text in pres)
