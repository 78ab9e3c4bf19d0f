"""Radical and compatibility code points in a PDF's text layer folded to the characters they stand for.

Many PDF producers (Chromium's printing, some Office exports, fonts with a shared glyph for a
character and its radical) map glyphs to the *radical* code points in their ToUnicode table:
``⾏政许可`` is U+2F8F KANGXI RADICAL WALK then 政许可, ``⼈⺠`` is U+2F08 and U+2EA0 CJK
RADICAL CIVILIAN. The text looks right to a person and matches nothing: labels, headings and
the agency's name are lost. Reports never use the radicals themselves, so every one is read
as its equivalent unified ideograph: the 214 Kangxi radicals (U+2F00–U+2FD5) by their
compatibility decomposition (NFKC), the CJK Radicals Supplement (U+2E80–U+2EF3) by the
Unicode Character Database's EquivalentUnifiedIdeograph table (the characters that stand for a
whole character in text; radicals that exist only as components are left as they are).

Other fonts map glyphs to *CJK compatibility ideographs* (``年`` U+F98E, ``不`` U+F967, ``理``
U+F9E4): duplicates of unified ideographs kept for round trips to old character sets, which look
the same and match nothing either. Every one (U+F900–U+FAFF and the supplement U+2F800–U+2FA1F)
is read as the unified ideograph its canonical decomposition names (NFKC).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_radicals"]

# CJK Radicals Supplement → equivalent unified ideograph (Unicode EquivalentUnifiedIdeograph.txt)
_SUPPLEMENT = (
    "⺁厂 ⺄乙 ⺅亻 ⺆冂 ⺉刂 ⺊卜 ⺌小 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵"
    " ⺢氺 ⺣灬 ⺤爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪疋 ⺫目 ⺬示 ⺭礻 ⺯糸 ⺰纟 ⺲罒 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽臼 ⺾艹 ⻂衤 ⻃覀"
    " ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻏阝 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠"
    " ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟")
_FOLD = {ord(pair[0]): pair[1] for pair in _SUPPLEMENT.split()}
_FOLD.update({c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)})
_COMPATIBILITY = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))


def _unified(code: int) -> str | None:
    """The unified ideograph a compatibility ideograph decomposes to (None for the few that are unified)."""
    folded = unicodedata.normalize("NFKC", chr(code))
    return folded if folded != chr(code) and unicodedata.name(folded, "").startswith("CJK UNIFIED") else None


_FOLD.update({c: u for block in _COMPATIBILITY for c in block if (u := _unified(c)) is not None})
#: a character of the three blocks above, U+2E80–U+2FD5, U+F900–U+FAFF and U+2F800–U+2FA1F, written as every code
#: point but the others (the regex engine searches a text for such a negated set nearly twice as fast)
_ANY = re.compile("[^\x00-\u2e7f\u2fd6-\uf8ff\ufb00-\U0002f7ff\U0002fa20-\U0010ffff]")


def fold_radicals(text: str) -> str:
    """``text`` with every radical or compatibility code point that stands for a character replaced by that
    character."""
    return text.translate(_FOLD) if _ANY.search(text) else text
