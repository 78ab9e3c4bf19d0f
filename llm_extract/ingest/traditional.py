"""A report printed in traditional characters (繁體), read as its simplified text.

Government sites publish their pages in simplified characters, and many serve each page in traditional ones
too: a ``big5.`` gateway (``big5.www.gov.cn/gate/big5/…``) or a 繁體 button that converts the page on the
server. A crawler that follows those links saves 本年新收政府資訊公開申請數量, 結果維持, （七）總計: no
label, heading or title the reader knows. Such a text is converted to simplified characters here
(OpenCC's ``t2s``: character for character, phrases as one; every line keeps its place and its numbers), and
read as the report it is; ingest names the conversion in the record (``INGEST.TRADITIONAL``).

A text is traditional when the characters only traditional text prints (開 請 數 處 結 關 …: those OpenCC
changes in the form's words and a report's prose) are many (:data:`MIN_MARKS`) and a fair share of its
ideographs (:data:`MIN_SHARE`): a simplified report quoting a traditional name is not converted.

Big5, the code page such pages are often served in, is decoded by :mod:`.text` (:func:`big5_report`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["traditional_marks", "to_simplified", "big5_report", "MIN_MARKS", "MIN_SHARE"]

#: characters printed only in traditional text, common in these reports (the form's labels and headings, a
#: report's prose): each one's simplified form differs (開/开, 請/请, 數/数, 處/处, 結/结 …)
_MARKS = re.compile("[開務請結關況進發項處區內數規機計條網強議衆辦動會報總業實時審訴複佈費對國屬羣爲範設題導問確"
                    "權類無門維體過領專責識構現經嚴據糾點組學習單認臺決織訟讀員鎮轉與號斷覈傳欄質監補當護執納華將"
                    "縣戶穩應續統黨貫徹祕負訓舉獲積極線級絡製萬訪繼參聯圍夠陽濟層訂並堅評廢許罰額係這詢沒繳編優視"
                    "緊繞種較準職記講態簡稱廣繫達產鄉餘個標崗預見隊論廳觀電話際運擴績環寬揮協險豐溝書離備間養輿"
                    "歡閱郵親熱營載還讓]")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
#: at least this many traditional-only characters …
MIN_MARKS = 30
#: … and this share of the text's ideographs (a traditional report prints ~20-30 %)
MIN_SHARE = 0.05
#: words a report prints in traditional characters, whatever its layout (the form's: 政府資訊公開, 申請)
_REPORT_WORDS = ("資訊公開", "信息公開", "申請", "公開")


def traditional_marks(text: str) -> int:
    """How many traditional-only characters ``text`` prints when it is a traditional text (see the module's
    docstring), else 0."""
    marks = len(_MARKS.findall(text))
    if marks < MIN_MARKS:
        return 0
    return marks if marks >= MIN_SHARE * len(_IDEOGRAPH.findall(text)) else 0


@cache
def _converter() -> Any:
    import opencc          # (loaded for the first traditional text only: ~40 ms)

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, line for line (a conversion that would join or split lines is not
    taken: the text is converted a line at a time then)."""
    convert = _converter().convert
    out = convert(text)
    if out.count("\n") == text.count("\n"):
        return out
    return "\n".join(convert(line) for line in text.split("\n"))


def big5_report(data: bytes) -> str | None:
    """The text of a report's bytes in Big5 (a traditional page as a big5 gateway serves it), or ``None``: they
    decode strictly as Big5 (Microsoft's cp950, its superset) and print the report's words in traditional
    characters. GB18030 bytes rarely decode as Big5 at all, and never into these words."""
    try:
        text = data.decode("cp950")
    except UnicodeDecodeError:
        return None
    return text if any(w in text for w in _REPORT_WORDS) and traditional_marks(text) else None
