"""Random valid reports: every identity holds, magnitudes and zeros as in real reports.

Most agencies receive few applications (many reports are all zeros), a few
receive thousands; 自然人 dominates, the other applicant types are mostly 0;
outcomes concentrate on 予以公开, 部分公开 and 不掌握; 表四 is mostly 0. Blank
cells (null) appear as whole empty rows now and then, as in seed 000.
"""

from __future__ import annotations

import random
from decimal import Decimal

from ..schema import APPLICANT_COLUMNS, OUTCOME_ROWS, REVIEW_GROUPS, Report

__all__ = ["random_report", "AGENCIES"]

AGENCIES = ("向阳区人民政府", "方正县会发镇", "哈尔滨市阿城区交界街道办事处", "新乡市牧野区人民政府", "红旗区人民政府",
            "某市生态环境局", "某县自然资源局", "某市公安局交通警察支队")

#: Outcome rows by how often real reports use them (weights for spreading the processed total).
_OUTCOME_WEIGHTS = {row: 1 for row in OUTCOME_ROWS} | {
    "granted": 30, "partially_granted": 8, "unavailable_not_held": 12, "denied_third_party": 2,
    "denied_process_info": 2, "unavailable_needs_creation": 3, "rejected_petition": 3, "rejected_duplicate": 2,
    "other_other": 2,
}
_SIX = APPLICANT_COLUMNS[:6]


def _magnitude(rng: random.Random, zero: float, top: int) -> int:
    """0 with probability ``zero``, else a log-uniform count up to ``top``."""
    if rng.random() < zero:
        return 0
    return min(top, int(10 ** rng.uniform(0, len(str(top)) - 1 + rng.random())))


def _spread(rng: random.Random, total: int, weights: dict[str, int]) -> dict[str, int]:
    """``total`` cases over rows, in a few lumps (real tables are sparse)."""
    out = {row: 0 for row in weights}
    rows, w = list(weights), list(weights.values())
    left = total
    while left:
        lump = max(1, min(left, int(left * rng.uniform(0.3, 1.0))))
        out[rng.choices(rows, w)[0]] += lump
        left -= lump
    return out


def random_report(rng: random.Random, doc_id: str = "synthetic") -> Report:
    """A report whose 表三 and 表四 satisfy every identity."""
    r = Report(doc_id=doc_id, agency=rng.choice(AGENCIES), year=rng.randint(2021, 2024))
    ad = r.active_disclosure
    for stock in (ad.regulations, ad.normative_documents):
        stock.issued, stock.repealed = _magnitude(rng, 0.6, 40), _magnitude(rng, 0.7, 20)
        stock.in_force = _magnitude(rng, 0.3, 400)
    ad.licensing, ad.punishment, ad.enforcement = (_magnitude(rng, 0.3, 90000), _magnitude(rng, 0.3, 9000),
                                                   _magnitude(rng, 0.6, 500))
    ad.fees_10k_yuan = (Decimal(0) if rng.random() < 0.6 else
                        Decimal(rng.randint(1, 9_999_999)).scaleb(-rng.randint(0, 4)))
    new = [0] * 6
    carried = [0] * 6
    if rng.random() > 0.3:
        scale = rng.choice((9, 60, 400, 3000))
        new = [_magnitude(rng, 0.0, scale)] + [_magnitude(rng, 0.75, max(1, scale // 10)) for _ in range(5)]
        carried = [_magnitude(rng, 0.7, max(1, n // 4 + 1)) for n in new]
    forward = [min(n + c, _magnitude(rng, 0.7, max(1, (n + c) // 5 + 1))) for n, c in zip(new, carried)]
    processed = [n + c - f for n, c, f in zip(new, carried, forward)]
    apps = r.applications
    by_column = [_spread(rng, p, _OUTCOME_WEIGHTS) for p in processed]

    def fill(row: str, values: list[int]) -> None:
        node = getattr(apps, row)
        for c, v in zip(_SIX, values):
            setattr(node, c, v)
        node.total = sum(values)

    fill("new_received", new)
    fill("carried_over", carried)
    for row in OUTCOME_ROWS:
        fill(row, [col[row] for col in by_column])
    fill("total_processed", processed)
    fill("carried_forward", forward)
    if rng.random() < 0.15:                         # an empty row printed blank (null), as in seed 000
        node = getattr(apps, rng.choice([row for row in OUTCOME_ROWS if not getattr(apps, row).total]
                                        or ["other_other"]))
        if not node.total:
            for c in APPLICANT_COLUMNS:
                setattr(node, c, None)
    for g in REVIEW_GROUPS:
        node = getattr(r.review_litigation, g)
        node.upheld, node.corrected, node.other, node.pending = (_magnitude(rng, 0.8, 30) for _ in range(4))
        node.total = node.upheld + node.corrected + node.other + node.pending
    return r
