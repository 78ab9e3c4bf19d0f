"""Tables printed as pictures on a PDF page that has text: the pictures read by OCR, the text as it is.

A report written in Word with its tables pasted as pictures (a screenshot of a spreadsheet, a scan of the
printed form) and exported to PDF has a text layer everywhere but in its tables: the title, the headings and the
narrative read, the tables' cells are pixels. With the ``ocr`` extra (:mod:`.pdf_scan`) such a page is
recognised, and the characters OCR finds inside its pictures (with the rules of a table drawn in them) join the
page's own characters, which are kept as they are everywhere else: the page is then read as any page. The page
is named among the document's OCR pages (``INGEST.OCR_PAGES``, read here): what OCR read proves nothing an
identity does not check.

A picture is read so when it is large (:data:`MIN_SHARE` of the page's width and a tenth of its height at
least: a logo, a seal or a letterhead is not) and no character of the text layer stands on it (text over a
picture is a letterhead's or an OCR layer's: the text is the page's already); what OCR reads in it is taken only
when it holds a table's counts (:data:`MIN_DIGITS` digits at least: a photograph leaves the page as it was, and
no OCR page).
"""

from __future__ import annotations

from typing import Any

from .pdf_scan import scan_page

__all__ = ["text_pictures", "with_pictures_read", "MIN_SHARE", "MIN_DIGITS"]

#: a picture at least this share of the page's width (and a tenth of its height) may hold a table
MIN_SHARE = 0.5
#: OCR's reading of the pictures is taken only when it holds this many digits at least (表四 alone prints fifteen
#: counts): a photograph of a meeting or a banner's slogan adds nothing to the page, and makes no OCR page of it
MIN_DIGITS = 12

Box = tuple[float, float, float, float]


def _inside(obj: dict[str, Any], boxes: list[Box]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def text_pictures(page: Any) -> list[Box]:
    """The pictures of a page with text that may hold a table's text (see the module's docstring)."""
    width, height = float(page.width), float(page.height)
    boxes = [(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"])) for im in page.images
             if im["x1"] - im["x0"] >= MIN_SHARE * width and im["bottom"] - im["top"] >= 0.1 * height]
    if not boxes:
        return []
    shown = [ch for ch in page.chars if ch["text"].strip()]
    return [box for box in boxes if not any(_inside(ch, [box]) for ch in shown)]


def with_pictures_read(page: Any, boxes: list[Box]) -> Any | None:
    """The page with the characters and table rules OCR finds inside ``boxes`` added to its own; None when OCR is
    not available here or found no table's counts inside them."""
    scanned = scan_page(page)
    if scanned is None:
        return None
    chars = [ch for ch in scanned.chars if _inside(ch, boxes)]
    if sum(ch["text"].isdigit() for ch in chars) < MIN_DIGITS:
        return None                     # (a photograph, a banner: no table's counts; the page stays as it was)
    rules = [ln for ln in scanned.objects.get("line", []) if _inside(ln, boxes)]
    merged = page.filter(lambda obj: True)
    objects = {kind: list(objs) for kind, objs in page.objects.items()}
    objects["char"] = sorted(objects.get("char", []) + chars, key=lambda c: (c["top"], c["x0"]))
    objects["line"] = objects.get("line", []) + rules
    merged._objects = objects
    return merged
