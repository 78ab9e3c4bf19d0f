"""extract/cells.nfkc is NFKC, only quicker on Chinese text: the same string for every text."""

import unicodedata

from llm_extract.extract.cells import nfkc, normalise


def test_nfkc_is_nfkc_beside_full_width_forms():
    # every character of the Basic Multilingual Plane, alone and between full-width forms (，Ａ, the ideographic
    # space): one that composes with them, or that NFKC changes, is read as NFKC reads it
    for c in range(0x10000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        for text in (chr(c), f"，{chr(c)}Ａ", f"Ａ{chr(c)}\u3000"):
            assert nfkc(text) == unicodedata.normalize("NFKC", text), hex(c)


def test_nfkc_of_report_lines():
    for text in ("向阳区2021年度政府信息公开工作报告", "（一）予以公开：１２件；", "Ａ\u0301ｂ", "ﾊﾟ…①",
                 "\u3000\u3000行政许可\t４５０", "", "  "):
        assert nfkc(text) == unicodedata.normalize("NFKC", text)
        assert normalise(text) == unicodedata.normalize("NFKC", text).strip()
