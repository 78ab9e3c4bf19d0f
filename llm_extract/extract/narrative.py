"""Narrative figures: what the report's prose says about its own tables.

``read_narrative(lines)`` finds the figures the text states (``共收到政府信息公开申请6件``,
``上年结转1件``, ``办结7件``, ``结转下年度继续办理0件``, ``被申请行政复议1件``, ``未收取信息处理费``)
and names, for each, the table cells it may be about. It reads only prose: lines
outside the table regions of :func:`~llm_extract.extract.regions.find_regions`, and
inside them only full sentences (a line with ``。`` and no tab-separated cells), so
a table cell is never read as narrative. ``verify.narrative`` does the comparing.

Mapping decisions (figure → the sums of cells it may equal; any one matching is agreement):

* 本年新收 / 新收 / 新增申请 N件          → ``new_received.total``
* 收到 / 受理 / 接到 / 接收 … 申请 N件, 申请共N件, 无…申请 (0)
                                          → ``new_received.total``, or
                                            ``new_received.total + carried_over.total``
  (which one is meant is not said; ``含上年结转`` puts the second first).
  A 收到 figure after ``其中`` is a breakdown (网上申请 …) and is not read.
* 上年结转 / 上年度结转 N件                 → ``carried_over.total``
* 办结 / 答复 / 回复 / 办理完毕 N件         → ``total_processed.total``
* 办理 / 处理 N件 (办 without 结), and 受理并答复 N件
                                          → ``total_processed.total``, ``new_received.total``
                                            or ``new_received.total + carried_over.total``
* 结转下年度 / 继续办理 / 正在办理 / 未办结 N件 → ``carried_forward.total``
* 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 N件
                                          → that outcome's total (the sum of its sub-rows' totals)
* after 其他处理 (the last outcome named): 逾期不补正 N件, 未缴纳费用 N件, 其他情形 N件
                                          → that sub-row's total (``other_no_correction`` …)
* 自然人 N件 / 法人或其他组织 N件            → that applicant column of ``new_received``
                                            (or of ``new_received + carried_over``)
* 行政复议 N件                              → ``administrative_review.total``
* 行政诉讼 / 起诉 N件                       → ``litigation_direct.total + litigation_after_review.total``;
  直接起诉 → ``litigation_direct.total``; 复议后起诉 → ``litigation_after_review.total``;
  行政复议和行政诉讼共 N件 → the sum of all three totals, 各/均 N件 → each;
  未发生…行政复议、行政诉讼 → 0 for each named.
* 信息处理费: ``收取信息处理费N元`` / ``未收取信息处理费`` (``"none"``) is read, but has **no
  comparable cell**: it is a statement for section 六. 表二's ``fees_10k_yuan`` is
  行政事业性收费 in 万元, another thing, and 表三's ``other_unpaid_fee`` counts
  applications ended for not paying, which can be non-zero when nothing was
  collected. The figure is reported, never checked against a table.

Not read: approximate figures (100余条, 近20件, 约5件), comparisons (较上年增加2件),
other years' figures (2020年收到…, 上年收到…, and the figures after them in the same sentence:
``2020年收到申请9件，办结9件``), several years' (近三年, 2019年以来), figures stated ``分别`` for a list,
and counts of other work (留言, 咨询, 建议提案, 行政许可, 12345 热线) even near 申请.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..narrative_types import NarrativeFigure
from ..schema import APPLICANT_COLUMNS, OUTCOME_ROWS
from .cells import chinese_number, nfkc
from .narrative_scope import figure_scopes, said_of_others
from .onerowform import SUB_ROWS
from .prose import HEADING as _HEAD, paragraphs, prose_lines

__all__ = ["read_narrative"]


def _t(row: str, col: str = "total") -> str:
    return f"applications.{row}.{col}"


def _r(group: str) -> str:
    return f"review_litigation.{group}.total"


NR, CO, TP, CF = _t("new_received"), _t("carried_over"), _t("total_processed"), _t("carried_forward")
_ORGS = APPLICANT_COLUMNS[1:6]


def _rows(prefix: str) -> tuple[str, ...]:
    return tuple(_t(r) for r in OUTCOME_ROWS if r.startswith(prefix))


@dataclass(frozen=True)
class _Target:
    code: str
    meanings: tuple[tuple[str, ...], ...]
    labels: tuple[str, ...]
    context: str                         # "app", "review" or "fee": what the sentence must be about


_NP = (_t("new_received", "natural_person"), _t("carried_over", "natural_person"))
_ORG = tuple(tuple(_t(r, c) for c in _ORGS) for r in ("new_received", "carried_over"))
_RL = tuple(_r(g) for g in ("administrative_review", "litigation_direct", "litigation_after_review"))
_BOTH = ("本年新收", "本年新收 + 上年结转")

_TARGETS: dict[str, _Target] = {
    "new": _Target("NARR.NEW_RECEIVED", ((NR,),), _BOTH[:1], "app"),
    "received": _Target("NARR.NEW_RECEIVED", ((NR,), (NR, CO)), _BOTH, "app"),
    "received_incl": _Target("NARR.NEW_RECEIVED", ((NR, CO), (NR,)), _BOTH[::-1], "app"),
    "carried_over": _Target("NARR.CARRIED_OVER", ((CO,),), ("上年结转",), "app"),
    "processed": _Target("NARR.PROCESSED", ((TP,),), ("办理结果总计",), "app"),
    "handled": _Target("NARR.PROCESSED", ((TP,), (NR,), (NR, CO)), ("办理结果总计",) + _BOTH, "app"),
    "carried_forward": _Target("NARR.CARRIED_FORWARD", ((CF,),), ("结转下年度继续办理",), "app"),
    "granted": _Target("NARR.OUTCOME", ((_t("granted"),),), ("予以公开",), "app"),
    "partially": _Target("NARR.OUTCOME", ((_t("partially_granted"),),), ("部分公开",), "app"),
    **{key: _Target("NARR.OUTCOME", (_rows(prefix),), (f"{zh}（{len(_rows(prefix))} 项之和）",), "app")
       for key, prefix, zh in (("denied", "denied_", "不予公开"), ("unavailable", "unavailable_", "无法提供"),
                               ("rejected", "rejected_", "不予处理"), ("other", "other_", "其他处理"))},
    **{row: _Target("NARR.OUTCOME", ((_t(row),),), (f"其他处理·{zh}",), "app")
       for row, zh in (("other_no_correction", "逾期不补正"), ("other_unpaid_fee", "逾期未缴纳费用"),
                       ("other_other", "其他"))},
    "natural_person": _Target("NARR.APPLICANT", (_NP[:1], _NP), tuple(f"{b}·自然人" for b in _BOTH), "app"),
    "organisations": _Target("NARR.APPLICANT", (_ORG[0], _ORG[0] + _ORG[1]),
                             tuple(f"{b}·法人或其他组织" for b in _BOTH), "app"),
    "review": _Target("NARR.REVIEW", (_RL[:1],), ("行政复议总计",), "review"),
    "litigation": _Target("NARR.LITIGATION", (_RL[1:],), ("行政诉讼总计（直接起诉 + 复议后起诉）",), "review"),
    "litigation_direct": _Target("NARR.LITIGATION", (_RL[1:2],), ("未经复议直接起诉总计",), "review"),
    "litigation_after": _Target("NARR.LITIGATION", (_RL[2:],), ("复议后起诉总计",), "review"),
    "review_litigation": _Target("NARR.REVIEW_LITIGATION", (_RL,), ("行政复议 + 行政诉讼总计",), "review"),
    "fee": _Target("NARR.FEE", (), (), "fee"),
}

# (pattern, target): the keyword nearest before a figure (latest end, then longest) names it.
_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), k) for p, k in (
    (r"本年度?新收|新收|新增(?:政府信息公开|依申请公开)?申请", "new"),
    (r"(?<!不予)(?<!不)(?:收到|受理|接到|接收|收悉)", "received"),
    (r"申请(?:件数|数量|总数|数)?(?:共计?|合计|总计|为)", "quantity"),
    (r"(?:上一?年度?|去年|往年)的?结转(?!下|至|到|入)|结转(?:自)?上一?年度?|上一?年度?遗留", "carried_over"),
    (r"办结|答复|回复|办理完毕|处理完毕", "processed"),
    (r"办理|处理(?!费)", "handled"),
    (r"(?:结转(?:至|到|入)?下一?年度?|结转(?:至|到)20\d\d年度?|转入下一?年度?|转下年度?)(?:继续)?(?:办理|处理)?"
     r"|继续办理|正在办理|尚在办理|仍在办理|正在处理|未办结|尚未办结", "carried_forward"),
    (r"予以公开|同意公开|全部公开", "granted"),
    (r"部分公开", "partially"),
    (r"不予公开", "denied"),
    (r"无法提供", "unavailable"),
    (r"不予处理", "rejected"),
    (r"其他处理", "other"),
    (r"不补正", "other_no_correction"),
    (r"未(?:按收费通知要求)?缴纳(?:信息处理费|费用)?|未缴费", "other_unpaid_fee"),
    (r"其他情形|其他(?=\s*\d)", "other_other"),
    (r"自然人", "natural_person"),
    (r"法人(?:或|和|及|与|、)?其他组织", "organisations"),
    (r"行政复议", "review"),
    (r"行政诉讼|提起诉讼|起诉", "litigation"),
    (r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:诉讼|起诉)|未经(?:行政)?复议(?:提起|直接)?(?:行政)?(?:诉讼|起诉)",
     "litigation_direct"),
    (r"复议后(?:提起)?(?:行政)?(?:诉讼|起诉)", "litigation_after"),
    (r"行政复议(?:案件)?(?:和|及|与|、|或|/)(?:被?提起)?行政诉讼", "review_litigation"),
))

_NUM = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
                  r"\s*(?P<unit>件次|人次|件|条|个|份|宗|起|例|项|次)?")
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|多达|不到|不足)$")
_APPROX_AFTER = re.compile(r"^(?:余|多|左右|以上|以下)")
_COMPARISON = re.compile(r"较|比上|比去|同比|环比|增加|减少|增长|下降|上升|提高|降低|%|分别")
_OTHER_YEAR = re.compile(r"上年|去年|上一年|同期")
#: what may stand between a generic verb (收到, 受理, 办结, 办理 …) and its figure; anything else
#: (申请的主要内容涉及…, 在收到的申请中，涉及城建类…) makes the figure something else
_GAP_WORDS = re.compile(r"群众|公民|法人|其他组织|申请人|社会公众|市民|个人|企业|单位|主动|要求|提出|递交|提交|各类|各级"
                        r"|全年|本年度?|年度|政府|信息|公开|依申请|申请件?|事项|件|共计?|合计|总计|累计|计|数量|件数"
                        r"|总数|为|是|达|了|过|的|并|和|已|均|全部|依法|按时|及时|[,、:\s]")
_GAP_TOPIC = re.compile(r"涉及|内容|方面|主要|关于|领域|类(?!申请)")
_GENERIC = frozenset({"new", "received", "processed", "handled"})
#: （六）其他处理's sub-rows: read only where 其他处理 is the outcome the sentence last named
_OTHER_SUB_ROWS = frozenset(SUB_ROWS)
_OUTCOME_WORD = re.compile(r"予以公开|同意公开|全部公开|部分公开|不予公开|无法提供|不予处理|其他处理")
_OTHER_WORK = re.compile(r"诉求|留言|咨询|来信|来电|热线|12345|建议|提案|许可|审批|办件|业务|工单|政务服务|网民"
                         r"|举报(?!投诉类)|(?<!举报)投诉(?!类)")
_INCLUDES_CO = re.compile(r"含上年|包括上年|包含上年|含结转|加上年")
_RECEIVED_AND = re.compile(r"(?:收到|受理|接收)(?:并|和|及|、)$")
_APP_CONTEXT = re.compile(r"依申请|信息公开|公开政府信息|申请公开|收到和处理")
_REVIEW_CONTEXT = re.compile(r"信息公开|依申请|复议.{0,6}诉讼|诉讼.{0,6}复议")
_EACH = re.compile(r"各|均|都")
#: a sentence: up to and with its end mark, or the text's rest without one (``findall``: the pieces a split after
#: every end mark gives, but for the empty one after a last mark; a search of a look-behind at every character
#: cost three times as much)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]|[^。！？；!?;]+")
_MAX_GAP = 25
_WINDOW = 64            # characters either side of a number that read_counts looks at
#: a sentence without a digit, a Chinese count, a negation or a fee says no figure
_WORTH_READING = re.compile(r"[0-9０-９]|[零〇一二两三四五六七八九十百千]件|未|无|没有|零|费")

_NEG_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|受理|接到|接收|发生|产生)?过?(?:任何)?(?:群众|公民|法人|申请人|社会公众)?(?:提出)?的?"
    r"(?:政府)?(?:信息公开|依申请公开|公开政府信息)?的?申请(?!人|公开|复议|行政|诉讼|延期)"
    r"|(?:未|没有|无)(?:收到|受理|接到|发生)?(?:依申请公开|申请公开)的?(?:事项|件|情况|案件)")
_NEG_REVIEW = re.compile(r"(?:未|没有|无)(?:发生|出现|产生|涉及|收到)?[^,，。；;]{0,20}?(?:行政复议|行政诉讼|诉讼)"
                         r"[^,，。；;]{0,12}")
_REVIEW_RESULT = re.compile(r"纠错|纠正|败诉|撤销|维持|确认违法|结果|审结|未经")
_FEE_NONE = re.compile(r"(?:未|无|没有|不)(?:收取|收|产生|发生)[^。；;]{0,12}?(?:信息处理费|任何费用|费用)"
                       r"|信息处理费[^。；;,，]{0,8}?(?:为零|为0(?![.\d])|0元|无)")
_FEE_AMOUNT = re.compile(r"收取(?:了)?[^。；;,，\d]{0,8}?信息处理费(?:用)?(?:共计?|合计)?(?P<num>\d+(?:\.\d+)?)\s*"
                         r"(?P<unit>万元|元)")
#: the patterns read_counts, read_negations and the heading test use, compiled once (read for every number
#: and sentence of the prose: the re module's cache look-up per call was a tenth of the reading)
_REVIEW_HEAD = re.compile(r"复议|诉讼")
_APP_HEAD = re.compile(r"依申请|申请情况|收到和处理|申请公开")
_CLAUSE_BREAK = re.compile(r"[,;，；]")
_YEAR = re.compile(r"(20\d\d)年")
_DIGIT_AFTER = re.compile(r"[\d.]")
#: digits, then a space, right before a number: one number OCR split in two (``予以公开4 9件`` is 49, not 9); or
#: a range's end (``10至15件``, ``10-15件``): no figure
_SPLIT_BEFORE = re.compile(r"\d(?:[ \t\u3000]+|\s*[至到~\-—]\s*)$")
_ORDINAL_BEFORE = re.compile(r"[每第这那]$")
_IS_BEFORE = re.compile(r"(?:为|是)$")
_STOP_AFTER = re.compile(r"(?:$|[,;。!?)])")
_COMPARED_AFTER = re.compile(r"[^,;。]{0,8}(?:相比|比较)")
_COUNT_IN_CLAUSE = re.compile(r"\d|[一二三四五六七八九十]+[件起]")
_LITIGATION_WORD = re.compile(r"诉讼|起诉")
def _under_other(before: str) -> bool:
    """Whether the last outcome a sentence named before a figure is （六）其他处理 (its sub-rows' context)."""
    last = None
    for last in _OUTCOME_WORD.finditer(before):
        pass
    return last is not None and last.group() == "其他处理"


def _heading_context(text: str) -> str | None:
    """The context a heading line sets for the lines under it, or None when the line is no heading."""
    if not _HEAD.match(text):
        return None
    head = text.split("。", 1)[0][:30]
    if _REVIEW_HEAD.search(head):
        return "review"
    if _APP_HEAD.search(head):
        return "app"
    return ""


def _context_ok(target: _Target, sentence: str, ctx: str) -> bool:
    if target.context == "app":
        return ctx == "app" or ("申请" in sentence and bool(_APP_CONTEXT.search(sentence)))
    if target.context == "review":
        return ctx in ("app", "review") or bool(_REVIEW_CONTEXT.search(sentence))
    return True


class _Sentence:
    def __init__(self, raw: str, line: int, ctx: str, year: int | None):
        self.raw, self.line, self.ctx, self.year = raw.strip(), line, ctx, year
        # (a space between two Chinese characters is a line a converter joined, pymupdf4llm's ``结转下年度继续 办理 1
        # 件``: no word break, or 办理 alone would read as the year's handled count)
        self.text = _CJK_SPACE.sub("", nfkc(raw))
        self.figures: list[NarrativeFigure] = []
        self._context: dict[str, bool] = {}     # target context → ok: searched once per sentence, not per figure

    def add(self, key: str, figure: int | Decimal | str, unit: str, phrase: str) -> None:
        t = _TARGETS[key]
        ok = self._context.get(t.context)
        if ok is None:
            ok = self._context[t.context] = _context_ok(t, self.text, self.ctx)
        if not ok:
            return
        self.figures.append(NarrativeFigure(code=t.code, figure=figure, unit=unit, sentence=self.raw, phrase=phrase,
                                            line=self.line, meanings=[list(m) for m in t.meanings],
                                            labels=list(t.labels)))

    def _keyword(self, lead: str) -> tuple[str, re.Match[str]] | None:
        best: tuple[int, int, str, re.Match[str]] | None = None
        fallback: re.Match[str] | None = None      # 申请…共/为 names a figure only when no keyword does
        for pattern, key in _KEYWORDS:
            for m in pattern.finditer(lead):
                if key == "quantity":
                    fallback = m
                    continue
                cand = (m.end(), m.end() - m.start(), key, m)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        if best is None and fallback is not None:
            best = (fallback.end(), 0, "received", fallback)
        if best is None or len(lead) - best[0] > _MAX_GAP:
            return None
        return best[2], best[3]

    def _other_year(self, before: str) -> bool:
        if _OTHER_YEAR.search(_CLAUSE_BREAK.split(before)[-1]):     # 无上年结转申请，予以公开11件: this year's
            return True
        return self.year is not None and any(int(y) != self.year for y in _YEAR.findall(before))

    def read_counts(self) -> None:
        text, boundary = self.text, 0
        times: list[tuple[int, bool]] | None = None     # the sentence's times and bodies: found at the first figure
        #                                                  that gets as far as asking (most numbers are no figure)
        for m in _NUM.finditer(text):
            num, unit = m.group("num"), m.group("unit") or ""
            # bounded windows: every test below looks at most a few characters either side (linear, not quadratic)
            before, after = text[max(m.start() - _WINDOW, 0):m.start()], text[m.end():m.end() + _WINDOW]
            if _DIGIT_AFTER.match(after) or (before and before[-1].isdigit()) or _SPLIT_BEFORE.search(before):
                continue
            cn = not num[0].isdigit()
            if unit:
                ok = not (cn and (unit != "件" or num == "零" or _ORDINAL_BEFORE.search(before)
                                  or after.startswith("一")))
            else:                     # "…数量为0", "…均为零": a bare number only after 为/是 and before a stop
                ok = bool(_IS_BEFORE.search(before)) and bool(_STOP_AFTER.match(after))
            if not ok:
                continue
            lead, boundary_was = text[boundary:m.start()], boundary
            boundary = m.end()
            if "." in num or _APPROX_BEFORE.search(lead) or _APPROX_AFTER.match(after):
                continue
            value = chinese_number(num.replace("〇", "零")) if cn else int(num.replace(",", ""))
            found = self._keyword(lead)
            if value is None or found is None:
                continue
            key, kw = found
            if key in _OTHER_SUB_ROWS and not _under_other(text[:boundary_was + kw.start()]):
                continue
            tail, head = lead[kw.start():], lead[:kw.start()]
            if _COMPARISON.search(tail) or _COMPARED_AFTER.match(after):
                continue
            if key not in ("carried_over", "carried_forward") and self._other_year(lead):
                continue
            if key != "carried_over":
                if times is None:
                    times = figure_scopes(text, self.year)
                if said_of_others(times, m.start()):
                    continue
            if _OTHER_WORK.search(lead):
                continue
            gap = lead[kw.end():]
            if _GAP_TOPIC.search(gap) or (key in _GENERIC and _GAP_WORDS.sub("", gap)):
                continue
            phrase = text[boundary_was + kw.start():m.end()]
            self._emit(key, value, unit, phrase, head, tail, after)

    def _emit(self, key: str, value: int, unit: str, phrase: str, head: str, tail: str, after: str) -> None:
        if key == "received":
            if "其中" in head + tail or not ("申请" in tail or "申请" in after[:12]):
                return
            if _INCLUDES_CO.search(self.text):
                key = "received_incl"
        if key in ("processed", "handled") and _RECEIVED_AND.search(head):
            key = "handled"
        if key == "review_litigation" and _EACH.search(tail):
            self.add("review", value, unit, phrase)
            self.add("litigation", value, unit, phrase)
            return
        self.add(key, value, unit, phrase)

    def read_negations(self) -> None:
        text = self.text
        if not any(f.code == "NARR.NEW_RECEIVED" for f in self.figures):
            m = _NEG_RECEIVED.search(text)
            if m:
                self.add("received", 0, "", m.group())
        for m in _NEG_REVIEW.finditer(text):
            clause = m.group()
            if _REVIEW_RESULT.search(clause) or _COUNT_IN_CLAUSE.search(clause):
                continue
            if "复议" in clause:
                self.add("review", 0, "", clause)
            if _LITIGATION_WORD.search(clause):
                self.add("litigation", 0, "", clause)
            break

    def read_fee(self) -> None:
        text = self.text
        amount = _FEE_AMOUNT.search(text)
        if amount:
            value = Decimal(amount.group("num")) * (10000 if amount.group("unit") == "万元" else 1)
            self.add("fee", value, "元", amount.group())
        elif ("信息处理费" in text or (self.ctx == "app" or "申请" in text)) and (m := _FEE_NONE.search(text)):
            self.add("fee", "none", "", m.group())


def read_narrative(lines: list[str], year: int | None = None,
                   regions: Mapping[str, Sequence[int]] | None = None) -> list[NarrativeFigure]:
    """Every figure the narrative states, in document order (see the module docstring).

    ``year`` is the report's year when known: figures said of another year (2020年收到…) are skipped.
    ``regions`` are the table regions when the extractor already found them (see :func:`prose_lines`).
    """
    figures: list[NarrativeFigure] = []
    ctx, last_region = "", ""
    for n, text, region in paragraphs(prose_lines(lines, regions)):
        if region != last_region:
            ctx, last_region = "", region
        heading = _heading_context(text)
        if heading is not None:
            ctx = heading
        running = ctx or {"表三": "app", "表四": "review"}.get(region, "")
        for raw in _SENTENCE.findall(text):
            if _WORTH_READING.search(raw):
                s = _Sentence(raw, n, running, year)
                s.read_counts()
                s.read_negations()
                s.read_fee()
                figures.extend(s.figures)
            if not running and "申请" in raw and _APP_CONTEXT.search(raw):
                running = "app"       # the rest of the paragraph is about applications too
    return figures
