"""Charts as inline SVG (no library, no network): horizontal bars and stacked shares.

Every label (a doc id, an agency name) is escaped: the result is markup that is safe
to put in the page as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

__all__ = ["bar_chart", "stacked_chart", "Bar", "Stack", "SERIES_COLOURS"]

#: Colours of the series of a stacked chart, in order.
SERIES_COLOURS = ("#2e7d32", "#81c784", "#e53935", "#fb8c00", "#8e24aa", "#90a4ae")

_ROW, _LABEL, _WIDTH = 20, 230, 360

Bar = tuple[str, float | None, str]                       # label, value (None: unknown), text shown
Stack = tuple[str, Sequence[float] | None, str]           # label, shares (sum <= 1), note when unknown


def _svg(title: str, height: int, body: list[str]) -> Markup:
    width = _LABEL + _WIDTH + 90
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
                  f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>'
                  f'<text x="0" y="14" class="chart-title">{escape(title)}</text>{"".join(body)}</svg>')


def _label(y: int, text: str) -> str:
    short = text if len(text) <= 28 else text[:27] + "…"
    return f'<text x="{_LABEL - 6}" y="{y + 14}" text-anchor="end"><title>{escape(text)}</title>{escape(short)}</text>'


def bar_chart(title: str, bars: Sequence[Bar], *, scale: float | None = None) -> Markup:
    """One horizontal bar per item, scaled to ``scale`` (default: the largest value)."""
    top = scale or max((v for _, v, _ in bars if v is not None), default=0) or 1
    body = []
    for n, (label, value, shown) in enumerate(bars):
        y = 24 + n * _ROW
        body.append(_label(y, label))
        if value is None:
            body.append(f'<text x="{_LABEL}" y="{y + 14}" class="na">{escape(shown)}</text>')
            continue
        w = max(1.0, _WIDTH * value / top) if value else 0.0
        body.append(f'<rect x="{_LABEL}" y="{y + 3}" width="{w:.1f}" height="{_ROW - 6}" fill="#1e88e5"/>'
                    f'<text x="{_LABEL + w + 4:.1f}" y="{y + 14}">{escape(shown)}</text>')
    return _svg(title, 30 + len(bars) * _ROW, body)


def stacked_chart(title: str, series: Sequence[str], stacks: Sequence[Stack]) -> Markup:
    """One bar per item split into the shares of ``series`` (a legend on top)."""
    body = []
    x = 0
    for name, colour in zip(series, SERIES_COLOURS):
        body.append(f'<rect x="{x}" y="20" width="10" height="10" fill="{colour}"/>'
                    f'<text x="{x + 13}" y="29">{escape(name)}</text>')
        x += 14 + 12 * len(name) + 12
    for n, (label, shares, note) in enumerate(stacks):
        y = 38 + n * _ROW
        body.append(_label(y, label))
        if shares is None:
            body.append(f'<text x="{_LABEL}" y="{y + 14}" class="na">{escape(note)}</text>')
            continue
        x0 = float(_LABEL)
        for name, share, colour in zip(series, shares, SERIES_COLOURS):
            w = _WIDTH * share
            if w > 0:
                body.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{w:.1f}" height="{_ROW - 6}" fill="{colour}">'
                            f'<title>{escape(label)}: {escape(name)} {share:.1%}</title></rect>')
            x0 += w
    return _svg(title, 44 + len(stacks) * _ROW, body)
