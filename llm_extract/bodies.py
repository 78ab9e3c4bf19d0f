"""How the name of a government body ends: 人民政府, 局, 委员会, 办事处, 街道, 镇, 县, 省, 中心, …

The title names the issuing body (``向阳区人民政府``, ``永宁县卫生健康委员会``). A name read from
a title that ends otherwise (``玫府``: an OCR layer's 政→玫 broke the title's anchor) is not a
body's name. The extractor uses it to accept a name on a line of its own above a title
(:mod:`llm_extract.extract.meta`); the verifier to prove an agency read from an OCR text only
when it is one (``verify/trust.py``).

A name that repeats a piece of itself (``东城区住房和城城区住房和城区住房和城…城乡建设局``: a browser's page header,
the title drawn over itself as it is cut shorter, run together by a PDF converter) is garbled, not a name
(:func:`garbled_name`): the extractor takes another title line where there is one, the verifier never proves it.
"""

from __future__ import annotations

import re

__all__ = ["BODY_SUFFIX", "names_a_body", "garbled_name"]

#: how the name of a government body ends
BODY_SUFFIX = re.compile(r"(?:政府|局|委员会|委|办公室|办事处|街道|镇|乡|区|县|市|省|州|盟|旗|厅|院|中心|处|所|站|队|会|部|署|司|馆|海关|台|场|狱|园区)$")


def names_a_body(name: object) -> bool:
    """Whether ``name`` ends as the name of a government body does."""
    return isinstance(name, str) and bool(BODY_SUFFIX.search(name))


#: the shortest piece of a name whose repeat marks it garbled (a real name may repeat two characters: 北京市北京经济…)
_PIECE = 4


def garbled_name(name: object) -> bool:
    """Whether ``name`` holds a piece of four characters or more twice (a header drawn over itself)."""
    if not isinstance(name, str):
        return False
    return any(name.find(name[i:i + _PIECE], i + 1) >= 0 for i in range(len(name) - _PIECE + 1))
