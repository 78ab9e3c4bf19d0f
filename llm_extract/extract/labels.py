"""Row labels of the three tables, as patterns over ``label_key`` text.

Patterns are tolerant of full/half-width brackets and digits (labels are NFKC
normalised first), spaces inside labels, quotes, 规范性文件 vs 行政规范性文件,
总计 / 合计 / OCR'd 总记, and known typos (其他法律行政止公开). They are matched
in form order, each after the previous row, never by line offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["TABLE3_LABELS", "TABLE2_LABELS", "OLD_FORM_MARKERS", "match_row", "strip_item_number"]

_ITEM_NO = re.compile(r"^(?:[(\[]?[一二三四五六七八九十]+[)\]、.]?|[(\[]?\d{1,2}[)\].、]|第[一二三四五六七八九十]+[项条])+")


@lru_cache(maxsize=4096)
def strip_item_number(key: str) -> str:
    """'(三)1.属于国家秘密' → '属于国家秘密'."""
    return _ITEM_NO.sub("", key)


# (row key, pattern on the label key with item numbers kept)
TABLE3_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("new_received", r"本年新收|新收.{0,6}申请|本年度?收到"),
    ("carried_over", r"上年结转|上年度?结转"),
    ("granted", r"予以公开"),
    ("partially_granted", r"部分公开"),
    ("denied_state_secret", r"国家秘密"),
    ("denied_prohibited_by_law", r"其他法律|行政法规|禁止公开|止公开"),
    ("denied_security_stability", r"三安全|一稳定|危及"),
    ("denied_third_party", r"第三方"),
    ("denied_internal_affairs", r"内部事务"),
    ("denied_process_info", r"过程性"),
    ("denied_enforcement_file", r"执法案卷|案卷"),
    ("denied_query_matter", r"查询事项"),
    ("unavailable_not_held", r"不掌握"),
    ("unavailable_needs_creation", r"现成信息|另行制作"),
    ("unavailable_unclear", r"仍不明确|补正后"),
    ("rejected_petition", r"信访|举报投诉"),
    ("rejected_duplicate", r"重复申请"),
    ("rejected_publication", r"出版物"),
    ("rejected_excessive", r"大量反复|反复申请"),
    ("rejected_reconfirm", r"重新出具|确认或|已获取信息"),
    ("other_no_correction", r"不补正|逾期不补"),
    ("other_unpaid_fee", r"缴纳费用|收费通知|未按收费"),
    ("other_other", r"^(?:\(?六\)?其他处理)?(?:3[.、]?)?其他$|^3[.、]?其他"),
    ("total_processed", r"^(?:\(?七\)?)?(?:总计|总记|合计|总汁)|^\(七\)"),
    ("carried_forward", r"结转下年|转下年度|继续办理"),
))


# 表二: (path prefix, pattern, number of value columns)
TABLE2_LABELS: tuple[tuple[str, re.Pattern[str], int], ...] = tuple((k, re.compile(p), n) for k, p, n in (
    ("active_disclosure.regulations", r"^规章$|^规章[^制]", 3),
    ("active_disclosure.normative_documents", r"规范性文件$|^(?:行政)?规范性文件", 3),
    ("active_disclosure.licensing", r"^行政许可$|^行政许可", 1),
    ("active_disclosure.punishment", r"^行政处罚", 1),
    ("active_disclosure.enforcement", r"^行政强制", 1),
    ("active_disclosure.fees_10k_yuan", r"^行政事业性收费|^事业性收费", 1),
))

#: Column headers of the 2019/2020 form's 表二, absent from the 2021 form.
OLD_FORM_MARKERS = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|政府集中采购")


def match_row(key: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(key) or pattern.search(strip_item_number(key)))
