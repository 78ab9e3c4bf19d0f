"""Which runs of a .docx Word does not show: hidden text.

Word hides a run whose properties say ``w:vanish`` (or ``w:specVanish``); the property comes
from the run itself, from its character style (``w:rStyle``) or from its paragraph's style
(``w:pStyle``, else the default paragraph style), each style through its ``w:basedOn`` chain,
and from the document defaults (``w:docDefaults``). ``w:vanish`` is a toggle property
(ECMA-376 §17.7.3): set on the run it is absolute; in a style chain the most derived setting
counts (the document defaults where no paragraph style says), and the paragraph's and the
character style's settings are combined by exclusive or. ``w:val="0"``/``false``/``off`` turns it off.

``w:webHidden`` hides text in Word's web layout only: Word prints it, so it is read.

A paragraph mark with hidden properties (``w:pPr/w:rPr/w:vanish``) joins its paragraph to the
next one, as Word shows it.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

__all__ = ["HiddenText", "toggle"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VANISH, _SPEC_VANISH, _RPR, _PPR = f"{W}vanish", f"{W}specVanish", f"{W}rPr", f"{W}pPr"
_RSTYLE, _PSTYLE, _BASED_ON, _STYLE, _VAL = f"{W}rStyle", f"{W}pStyle", f"{W}basedOn", f"{W}style", f"{W}val"
_OFF = frozenset({"0", "false", "off"})
_MAX_CHAIN = 32          # basedOn chains longer than this (or cyclic) stop there


def toggle(rpr: ET.Element | None) -> bool | None:
    """The hidden setting of a run-properties element: True, False, or None when it says nothing."""
    if rpr is None:
        return None
    value = None
    for tag in (_VANISH, _SPEC_VANISH):
        el = rpr.find(tag)
        if el is not None:
            on = el.get(_VAL, "true").lower() not in _OFF
            value = on or bool(value)
    return value


class HiddenText:
    """The hidden-text rules of one document, from its ``word/styles.xml`` (None: no styles part)."""

    def __init__(self, styles: ET.Element | None) -> None:
        self._based: dict[str, str] = {}
        self._own: dict[str, bool] = {}
        self._default_paragraph: str | None = None
        self._default = False
        self._chains: dict[str, bool | None] = {}
        if styles is None:
            self.styled = False
            return
        for style in styles.iter(_STYLE):
            sid = style.get(f"{W}styleId")
            if not sid:
                continue
            based = style.find(_BASED_ON)
            if based is not None and based.get(_VAL):
                self._based[sid] = based.get(_VAL, "")
            own = toggle(style.find(_RPR))
            if own is not None:
                self._own[sid] = own
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default", "").lower() in ("1", "true", "on"):
                self._default_paragraph = sid
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._default = bool(toggle(defaults))
        self.styled = self._default or any(self._own.values())    # does any style hide text at all?

    def _chain(self, sid: str | None) -> bool | None:
        """The most derived setting along a style's basedOn chain (None when none says)."""
        if not sid:
            return None
        if sid in self._chains:
            return self._chains[sid]
        value: bool | None = None
        cur = sid
        for _ in range(_MAX_CHAIN):
            if cur in self._own:
                value = self._own[cur]
                break
            nxt = self._based.get(cur)
            if nxt is None:
                break
            cur = nxt
        self._chains[sid] = value
        return value

    def paragraph(self, p: ET.Element) -> bool:
        """Whether the paragraph's runs are hidden unless they say otherwise (its style and the defaults)."""
        if not self.styled:
            return False
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        sid = pstyle.get(_VAL) if pstyle is not None else self._default_paragraph
        styled = self._chain(sid)
        return self._default if styled is None else styled

    def mark_hidden(self, p: ET.Element) -> bool:
        """Whether the paragraph's mark is hidden (the paragraph then runs on into the next)."""
        ppr = p.find(_PPR)
        own = toggle(ppr.find(_RPR)) if ppr is not None else None
        return own if own is not None else self.paragraph(p)

    def run(self, r: ET.Element, base: bool) -> bool:
        """Whether run ``r`` is hidden, in a paragraph whose runs are hidden by default when ``base``."""
        rpr = r.find(_RPR)
        if rpr is None:
            return base
        own = toggle(rpr)
        if own is not None:
            return own
        if self.styled:
            rstyle = rpr.find(_RSTYLE)
            if rstyle is not None:
                return base ^ bool(self._chain(rstyle.get(_VAL)))
        return base
