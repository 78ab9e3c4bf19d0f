"""A government CMS page (TRS-like): the ``html_spans`` family of the wild renderer.

Site chrome around the article (head banner, navigation, breadcrumb, footer, a script;
sometimes the article sits in a cell of a page-layout table),
the title and a publication line, paragraphs as ``<p style><span style>``, and the three
tables as the form draws them: merged cells with rowspan/colspan (三、本年度办理结果 over
the outcome rows, （三）不予公开 over its eight items, the two-level header), every cell
wrapped in ``<p>``/``<span>`` (a label sometimes split over two spans, Word's ``<o:p>``),
blank cells as ``&nbsp;``. The page declares UTF-8, GBK or GB2312 in a ``<meta>`` tag and
its bytes are encoded accordingly. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

import random
from html import escape

from .wild_style import ITEM_ROWS, TOP_LEVEL_ROWS, Content

__all__ = ["html_spans"]

_NAV = ("首页", "政务公开", "政务服务", "互动交流", "走进本地", "专题专栏")
_FONTS = ("宋体", "仿宋_GB2312", "微软雅黑", "仿宋")


class _Cells:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def text(self, text: str) -> str:
        """Text wrapped the way CMS editors wrap it; ``""`` becomes ``&nbsp;``."""
        rng = self.rng
        if not text:
            return rng.choice(("&nbsp;", "<p>&nbsp;</p>", '<p align="center"><span>&nbsp;</span></p>'))
        style = f'font-size:{rng.choice(("10.5pt", "14px", "12pt"))};font-family:{rng.choice(_FONTS)}'
        if "\n" in text:                                      # one character per line
            inner = f'<span style="{style}">' + "<br>".join(escape(x) for x in text.split("\n")) + "</span>"
        elif len(text) > 4 and rng.random() < 0.3:
            cut = rng.randint(1, len(text) - 1)
            inner = (f'<span style="{style}">{escape(text[:cut])}</span>'
                     f'<span lang="EN-US" style="{style}">{escape(text[cut:])}</span>')
        else:
            inner = f'<span style="{style}">{escape(text)}</span>'
        if rng.random() < 0.2:
            inner += '<span lang="EN-US"><o:p></o:p></span>'
        return f'<p class="MsoNormal" align="center" style="text-align:center">{inner}</p>'

    def td(self, text: str, rowspan: int = 1, colspan: int = 1) -> str:
        span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
        return f'<td{span} valign="center" style="border:solid windowtext 1.0pt;padding:0">{self.text(text)}</td>'


def _table(rows: list[str]) -> str:
    body = "\n".join(f"<tr>{r}</tr>" for r in rows)
    return f'<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n{body}\n</tbody></table>'


def _t3(c: Content, k: _Cells) -> str:
    cols = c.t3_columns()
    if c.style.header == "vertical":
        cols = ["\n".join(w) for w in cols]
    td = k.td
    if c.style.header == "generic":
        rows = [td(c.t3_note, 2, 3) + td("申请人情况", 1, 7), "".join(td(x) for x in cols)]
    else:
        rows = [td(c.t3_note, 3, 3) + td("申请人情况", 1, 7),
                td(cols[0], 2) + td("法人或其他组织", 1, 5) + td(cols[6], 2), "".join(td(x) for x in cols[1:6])]
    span: dict[str, int] = {}                             # group label → the rows it spans
    group = ""
    for row in c.t3:
        if row.key in ITEM_ROWS:
            group = row.group or group
            span[group] = span.get(group, 0) + 1
    outcomes = sum(1 for r in c.t3 if r.key not in TOP_LEVEL_ROWS)
    for row in c.t3:
        cells = "".join(td(x) for x in row.cells)
        if row.key in TOP_LEVEL_ROWS:
            head = td(row.label, 1, 3)
        elif row.key in ITEM_ROWS:
            head = (td(row.group, span[row.group]) if row.group else "") + td(row.label)
        else:
            head = td(row.label, 1, 2)
        if row.top:
            head = td(row.top, outcomes) + head
        rows.append(head + cells)
    return _table(rows)


def _t2(c: Content, k: _Cells) -> str:
    rows = []
    for block in c.t2:
        rows.append(k.td(block.item, 1, 4))
        wide = len(block.header) == 2
        rows.append(k.td(block.header[0]) + "".join(k.td(h, 1, 3 if wide else 1) for h in block.header[1:]))
        for row in block.rows:
            cells = [v + n for v, n in zip(row.cells, row.notes)]
            rows.append(k.td(row.label) + "".join(k.td(x, 1, 3 if wide else 1) for x in cells))
    return _table(rows)


def _t4(c: Content, k: _Cells, rng: random.Random) -> str:
    cols = c.t4_columns()
    (top1, _), (top2, sub2), (_, sub3) = c.t4_groups()
    td = k.td
    if c.style.t4 == "three_rows":
        rows = [td("") + "".join(td(x) for x in cols)]
        rows += [td(f"{top}（{sub}）" if sub else top) + "".join(td(x) for x in c.t4[i:i + 5])
                 for (top, sub), i in zip(c.t4_groups(), range(0, 15, 5))]
        return _table(rows)
    rows = [td(top1, 1, 5) + td(top2, 1, 10), "".join(td(x, 2) for x in cols) + td(sub2, 1, 5) + td(sub3, 1, 5),
            "".join(td(x) for x in cols * 2)]
    if c.style.t4 == "gap_rows":
        rows += ["".join(td("") for _ in range(15))] * rng.randint(1, 3)
    return _table(rows + ["".join(td(x) for x in c.t4)])


def _para(text: str, rng: random.Random) -> str:
    font = rng.choice(_FONTS)
    return (f'<p style="text-indent:2em;line-height:1.75"><span style="font-family:{font};font-size:16px">'
            f"{escape(text)}</span></p>")


def html_spans(c: Content, rng: random.Random) -> tuple[str, list[str]]:
    """The report as a CMS web page; its kinds name the declared charset (``charset:gbk``), in which
    the page must be encoded (see :func:`llm_extract.synth.wild.render_wild`)."""
    charset = rng.choice(("utf-8", "utf-8", "gbk", "gb2312"))
    k = _Cells(rng)
    nav = "".join(f'<li><a href="/{i}/index.html">{n}</a></li>' for i, n in enumerate(_NAV))
    article = [f'<h1 class="title">{escape(c.title)}</h1>',
               f'<div class="property"><span>发布日期：{c.year + 1}-01-{rng.randint(10, 31)}</span>'
               f"<span>浏览次数：{rng.randint(10, 9999)}</span></div>",
               '<div class="TRS_Editor">']
    article += [_para(x, rng) for x in c.intro]
    article += [_para(c.headings["表二"], rng), _t2(c, k), _para(c.headings["表三"], rng), _t3(c, k),
                _para(c.headings["表四"], rng), _t4(c, k, rng)]
    article += [_para(x, rng) for x in c.outro] + ["</div>"]
    layout = rng.random() < 0.3                  # older CMS templates: the article in a layout table's cell
    if layout:
        article = ['<table width="100%" class="main-frame"><tr><td width="200">&nbsp;</td><td>', *article,
                   "</td></tr></table>"]
    page = "\n".join([
        "<!DOCTYPE html>", "<html>", "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<title>{escape(c.title)}</title>",
        '<script type="text/javascript">var _hmt = _hmt || []; function go(){ return "首页"; }</script>',
        "<style>.TRS_Editor p{margin:0}</style>", "</head>", "<body>",
        '<div class="header"><div class="logo">人民政府门户网站</div></div>',
        f'<div class="nav"><ul>{nav}</ul></div>',
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>',
        '<div class="content">', *article, "</div>",
        f'<div class="footer"><p>版权所有：人民政府办公室 ICP备{rng.randint(10000000, 99999999)}号</p>'
        "<p>主办单位：人民政府办公室</p></div>",
        "</body>", "</html>", ""])
    return page, [f"charset:{charset}"] + (["layout_table"] if layout else [])
