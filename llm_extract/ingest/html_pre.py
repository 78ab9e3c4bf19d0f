"""A web page that publishes the report's text preformatted: ``<pre>`` around a text export of it.

Some sites (and crawlers' archived copies) publish a report as the text a Word or PDF export gave, inside
``<pre>``: its lines, and its tables' rows as tab-separated cells (``(一)予以公开\\t0\\t0\\t…``). A browser prints
that text as it stands; so does the page reader: the ``<pre>``'s lines are the page's lines, tabs and all (a cell
per field, as the text file's reader reads them), where collapsing its white space would run the whole report
into one line and every table row into its neighbours.
"""

from __future__ import annotations

__all__ = ["pre_lines"]


def pre_lines(text: str) -> list[str]:
    """The lines of a ``<pre>``'s text as a browser prints them: split at its line breaks, each line's trailing
    white space dropped (its leading tabs are empty cells before a row's label: kept), no empty first or last
    line (HTML drops a newline right after ``<pre>``)."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines
