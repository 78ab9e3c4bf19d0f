"""Over OCR text the identities decide nothing between the reader's reading and the model's: disputed, not resolved.

    unresolved(prov) -> FieldProvenance          # a resolved field, disputed (XCHECK.OCR_UNRESOLVED)
    unresolve_all(provenance) -> provenance      # every resolved field of a record so

Where the reader's value and the model's differ, :mod:`verify.crosscheck` keeps the one that satisfies every identity
the field is in (``resolved``). That arbitration trusts the text to misprint a cell at most now and then. An OCR engine
misreads in ways that keep an identity: tesseract over a ruled table reads the rule beside a cell as a ``1`` or an
``I`` glued to it, and where that happens to a row's cell and to its total alike the row still adds up::

    一、本年新收政府信息公开申请数量 | 1I | 6 | 0 | 2 | 0 | 0 19          (printed 1 … 9)

and a rule read into a total alone (``| 1 | … | 11``) breaks the row so that a model that swapped that row with a row
of zeros is the one adding up. With the rows that would check the column (（七）总计, 四、结转下年度) turned into noise by
the engine, the row's sum is the only identity left, and it chose the misread (11, 19 kept against a model one
column off) or the model's swapped row (0 kept against the printed 1). Both came out resolved and wrong.

So over a text that shows itself OCR'd or noisy (:func:`verify.trust.unreliable_text`: cells printed with OCR
letters, or more broken identities than misprints explain, as OCR text often breaks them) or that comes from an OCR
channel (an OCR layer, an OCR'd text file or picture: :func:`verify.trust.distrust_ocr_layer`), a field the identities
would resolve is ``disputed`` instead: both candidates are kept for review, the report showing the one the identities
favour. A reading both sides agree on is untouched (an agreement is not an arbitration).
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.evidence import FieldProvenance, Status

from .rules import register

__all__ = ["RULE", "unresolved", "unresolve_all"]

RULE = "XCHECK.OCR_UNRESOLVED"
register(RULE, "OCR 或噪声文本上规则抽取与模型不一致时，勾稽关系不作裁决：OCR 误读（表格线读作 1 "
               "粘在单元格与其合计上）仍可满足勾稽关系，待人工复核",
         "over OCR or noisy text the identities do not decide between the reader's and the model's readings: "
         "an OCR misreading (a table rule read as 1 glued to a cell and to its total) can keep an identity; for review")

_RESOLVED, _DISPUTED = "XCHECK.RESOLVED", "XCHECK.DISPUTED"
_NOTE = "OCR or noisy text: the identities favour this reading, but an OCR misreading can keep them; disputed"


def unresolved(prov: FieldProvenance) -> FieldProvenance:
    """``prov`` disputed if it was resolved, otherwise as it is. Its rules say so as any dispute between two readings
    does (``XCHECK.DISPUTED`` for ``XCHECK.RESOLVED``, then ``XCHECK.OCR_UNRESOLVED``): a record checked again after a
    reviewer's decision elsewhere (:func:`verify.decide.verify_report`) keeps such a doubt where the identities
    hold."""
    if prov.status is not Status.RESOLVED:
        return prov
    note = f"{prov.note}; {_NOTE}" if prov.note else _NOTE
    rules = [_DISPUTED if r == _RESOLVED else r for r in prov.rules] + [RULE]
    return prov.model_copy(update={"status": Status.DISPUTED, "rules": rules, "note": note})


def unresolve_all(provenance: Mapping[str, FieldProvenance]) -> dict[str, FieldProvenance]:
    """Every field of a record's ``provenance`` through :func:`unresolved`."""
    return {p: unresolved(prov) for p, prov in provenance.items()}
