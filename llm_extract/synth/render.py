"""Render a Report back into report text, in the layouts real reports arrive in.

Used to build test corpora and benchmarks from golden files: a renderer and
the extractor must round-trip (``extract(render(r)) == r``) for every layout.

Layouts:
    ``cells``    one cell per line, each line a tab then the cell (Word/HTML export, seeds 000/001/003/004)
    ``tabrows``  one table row per line, cells separated by tabs (PDF text, seed 002)
"""

from __future__ import annotations

from decimal import Decimal

from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Report

__all__ = ["render", "LAYOUTS", "TABLE3_ROW_LABELS", "cell_text"]

LAYOUTS = ("cells", "tabrows")

#: (group label or "", row label) as the 2021 form prints them.
TABLE3_ROW_LABELS: dict[str, tuple[str, str]] = {
    "new_received": ("", "一、本年新收政府信息公开申请数量"),
    "carried_over": ("", "二、上年结转政府信息公开申请数量"),
    "granted": ("三、本年度办理结果", "（一）予以公开"),
    "partially_granted": ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    "denied_state_secret": ("（三）不予公开", "1.属于国家秘密"),
    "denied_prohibited_by_law": ("", "2.其他法律行政法规禁止公开"),
    "denied_security_stability": ("", "3.危及“三安全一稳定”"),
    "denied_third_party": ("", "4.保护第三方合法权益"),
    "denied_internal_affairs": ("", "5.属于三类内部事务信息"),
    "denied_process_info": ("", "6.属于四类过程性信息"),
    "denied_enforcement_file": ("", "7.属于行政执法案卷"),
    "denied_query_matter": ("", "8.属于行政查询事项"),
    "unavailable_not_held": ("（四）无法提供", "1.本机关不掌握相关政府信息"),
    "unavailable_needs_creation": ("", "2.没有现成信息需要另行制作"),
    "unavailable_unclear": ("", "3.补正后申请内容仍不明确"),
    "rejected_petition": ("（五）不予处理", "1.信访举报投诉类申请"),
    "rejected_duplicate": ("", "2.重复申请"),
    "rejected_publication": ("", "3.要求提供公开出版物"),
    "rejected_excessive": ("", "4.无正当理由大量反复申请"),
    "rejected_reconfirm": ("", "5.要求行政机关确认或重新出具已获取信息"),
    "other_no_correction": ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    "other_unpaid_fee": ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    "other_other": ("", "3.其他"),
    "total_processed": ("", "（七）总计"),
    "carried_forward": ("", "四、结转下年度继续办理"),
}

_T2_ROWS = (
    ("第二十条第（一）项", ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
     (("规章", "regulations"), ("行政规范性文件", "normative_documents"))),
    ("第二十条第（五）项", ("信息内容", "本年处理决定数量"), (("行政许可", "licensing"),)),
    ("第二十条第（六）项", ("信息内容", "本年处理决定数量"), (("行政处罚", "punishment"), ("行政强制", "enforcement"))),
    ("第二十条第（八）项", ("信息内容", "本年收费金额（单位：万元）"), (("行政事业性收费", "fees_10k_yuan"),)),
)
_T3_HEADER = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
              "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
_T4_HEADER = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
              "未经复议直接起诉", "复议后起诉")


def cell_text(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _t2_values(report: Report, key: str) -> list:
    node = getattr(report.active_disclosure, key)
    if key in ("regulations", "normative_documents"):
        return [node.issued, node.repealed, node.in_force]
    return [node]


def _narrative(report: Report) -> list[str]:
    year = report.year or 2021
    total = report.applications.new_received.total
    said = f"共收到政府信息公开申请{total}件" if total is not None else "依法受理政府信息公开申请"
    return [
        "一、总体情况",
        f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，{said}，均已按时答复。",
        "",
    ]


def _cells(rows: list[list[str]]) -> list[str]:
    """One cell per line; rows separated by an empty line."""
    out: list[str] = []
    for row in rows:
        out.extend("\t" + c for c in row)
        out.append("")
    return out


def _tabrows(rows: list[list[str]]) -> list[str]:
    return ["\t".join(row) for row in rows]


def render(report: Report, layout: str = "cells") -> str:
    """The report as text in ``layout`` (see ``LAYOUTS``)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {LAYOUTS}")
    emit = _cells if layout == "cells" else _tabrows
    lines = [f"{report.agency or ''}{report.year or 2021}年政府信息公开工作年度报告", ""]
    lines += _narrative(report)

    lines += ["二、主动公开政府信息情况"]
    t2: list[list[str]] = []
    for item, header, rows in _T2_ROWS:
        t2.append([item])
        t2.append(list(header))
        for label, key in rows:
            t2.append([label] + [cell_text(v) for v in _t2_values(report, key)])
    lines += emit(t2) + [""]

    lines += ["三、收到和处理政府信息公开申请情况"]
    t3: list[list[str]] = [list(_T3_HEADER)]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        node = getattr(report.applications, row)
        values = [cell_text(getattr(node, c)) for c in APPLICANT_COLUMNS]
        prefix = [group] if group else ([""] if layout == "cells" and row not in ("new_received", "carried_over") else [])
        t3.append(prefix + [label] + values)
    lines += emit(t3) + [""]

    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    numbers = [cell_text(getattr(getattr(report.review_litigation, g), c)) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    lines += emit([list(_T4_HEADER), numbers]) + [""]
    lines += ["五、存在的主要问题及改进情况", "信息公开工作仍有不足，将继续改进。", "",
              "六、其他需要报告的事项", "本年度未收取信息处理费。", ""]
    return "\n".join(lines)
