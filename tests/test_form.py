"""The form is data: one definition that the schema, the reader, the verifier and the renderer share."""

from llm_extract.form import FORM
from llm_extract.schema import ApplicantRow, Applications, ReviewGroup, ReviewLitigation, TABLE3_PATHS
from llm_extract.extract.labels import TABLE3_LABELS
from llm_extract.synth.render import TABLE3_ROW_LABELS
from verify.identities import equations
from verify.rules import RULES


def test_the_schema_has_exactly_the_forms_rows_and_columns():
    assert tuple(Applications.model_fields) == FORM.table3_row_keys
    assert tuple(ApplicantRow.model_fields) == FORM.table3_column_keys
    assert tuple(ReviewLitigation.model_fields) == FORM.table4_group_keys
    assert tuple(ReviewGroup.model_fields) == FORM.table4_column_keys
    assert len(TABLE3_PATHS) == 25 * 7


def test_every_printed_label_matches_its_own_pattern_and_no_earlier_one():
    from llm_extract.extract.labels import match_row
    from llm_extract.extract.layout import label_key

    for i, row in enumerate(FORM.table3_rows):
        key = label_key(row.label)
        assert match_row(key, row.pattern), row.key
        # rows are matched in form order: an earlier row's pattern must not take this label
        assert not any(match_row(key, earlier.pattern) for earlier in FORM.table3_rows[:i]), row.key


def test_reader_renderer_and_identities_all_read_the_form():
    assert [k for k, _ in TABLE3_LABELS] == list(FORM.table3_row_keys)
    assert {k: v[1] for k, v in TABLE3_ROW_LABELS.items()} == {r.key: r.label for r in FORM.table3_rows}
    codes = {eq.code for eq in equations()}
    assert codes == {i.code for i in FORM.identities}
    for identity in FORM.identities:
        assert RULES[identity.code].zh == identity.zh


def test_the_2021_identities_have_the_expected_number_of_equations():
    by_code: dict[str, int] = {}
    for eq in equations():
        by_code[eq.code] = by_code.get(eq.code, 0) + 1
    assert by_code == {"T3.ROW_SUM": 25, "T3.COLUMN_SUM": 7, "T3.BALANCE": 7, "T4.GROUP_SUM": 3}


def test_no_printed_label_matches_another_rows_pattern():
    """The reader relies on it: a label item matching two rows' patterns is two labels run together."""
    from llm_extract.extract.labels import match_row
    from llm_extract.extract.layout import label_key

    for row in FORM.table3_rows:
        key = label_key(row.label)
        assert [o.key for o in FORM.table3_rows if o.key != row.key and match_row(key, o.pattern)] == [], row.key


def _misprints(label: str) -> list[str]:
    """The label key with each character of its words (after the item number) replaced by another."""
    from llm_extract.extract.labels import strip_item_number
    from llm_extract.extract.layout import label_key

    key = label_key(label)
    words = strip_item_number(key)
    prefix = key[:len(key) - len(words)]
    return [prefix + words[:i] + "某" + words[i + 1:] for i in range(len(words))]


def test_a_table3_label_with_one_character_misprinted_still_names_its_row_and_no_other() -> None:
    """A typo or an OCR misreading (属于三类内部事物信息, 本机关不掌控相关政府信息) leaves a label of six
    characters or more its row's: never unread, never another row's."""
    from llm_extract.extract.labels import TABLE3_LABELS, match_row

    checked = 0
    for row in FORM.table3_rows:
        typos = _misprints(row.label.split("（")[0] if not row.label.startswith("（") else row.label)
        if len(typos) < 6:
            continue                       # 3.其他, 2.重复申请, （一）予以公开: too short to misprint safely
        for typo in typos:
            assert [k for k, p in TABLE3_LABELS if match_row(typo, p)] == [row.key], typo
            checked += 1
    assert checked > 200


def test_a_short_table3_label_misprinted_after_its_first_character_still_names_its_row() -> None:
    """（一）予已公开 and 2.重夏申请 (a homophone, an OCR's 夏 for 复): a label of four or five characters keeps
    its row with one later character misprinted, as the whole label after its item number; with its first
    character wrong it may be another row's words (反复申请 ends 4.无正当理由大量反复申请), so it is not."""
    from llm_extract.extract.labels import TABLE3_LABELS, match_row

    def rows(key: str) -> list[str]:
        return [k for k, p in TABLE3_LABELS if match_row(key, p)]

    assert rows("(一)予已公开") == ["granted"]
    assert rows("2.重夏申请") == ["rejected_duplicate"]
    assert rows("(二)部分公幵") == ["partially_granted"]
    assert rows("(三)不予公开") == []                   # not 予以公开 misprinted: a group's title
    assert rows("4.反复申请") == ["rejected_excessive"]
    assert rows("重夏申请要求") == []                   # inside other words: not a label


def test_a_table3_label_that_lost_its_key_words_still_names_its_row_and_no_other() -> None:
    """A copy that dropped a label's middle words (一、本年政府信息公开申请数量 without 新收; 5.属于三类事务信息 without 内部;
    8.属于行政事项 without 查询) keeps the label's row by what is left of it: its item number and the words around."""
    from llm_extract.extract.labels import TABLE3_LABELS, match_row
    from llm_extract.extract.layout import label_key

    def rows(key: str) -> list[str]:
        return [k for k, p in TABLE3_LABELS if match_row(key, p)]

    assert rows(label_key("一、本年政府信息公开申请数量")) == ["new_received"]
    assert rows(label_key("5.属于三类事务信息")) == ["denied_internal_affairs"]
    assert rows(label_key("8.属于行政事项")) == ["denied_query_matter"]
    assert rows(label_key("三、本年度办理结果")) == []
    assert rows(label_key("7.属于行政执法案卷")) == ["denied_enforcement_file"]


def test_the_rows_that_trade_places_keeping_every_identity_are_the_forms_swap_groups() -> None:
    """一、本年新收 and 二、上年结转 stand only in the balance, on one side; the 21 outcome rows only in （七）总计's sum:
    two rows of a group trading places keep every identity. The reader's order checks and verify's guesses both ask
    the form for them."""
    groups = sorted(sorted(g) for g in FORM.table3_swap_groups)
    assert groups == sorted([sorted(("new_received", "carried_over")), sorted(FORM.table3_outcome_rows)])


def test_each_table3_row_knows_the_title_it_is_printed_under() -> None:
    """The form nests 表三's rows in levels: 一、二、四、 first; （一）…（七） under 三、本年度办理结果; each group's
    items 1. 2. … under its title. Readers of a header printed level by level (a table on its side) and of
    （六）其他处理 printed as one row ask the form, not a list of their own."""
    levels = FORM.table3_levels
    assert [r for r in FORM.table3_row_keys if levels[r] == ""] == ["new_received", "carried_over", "carried_forward"]
    assert [r for r in FORM.table3_row_keys if levels[r] == "三、本年度办理结果"] == [
        "granted", "partially_granted", "total_processed"]
    assert [r for r in FORM.table3_row_keys if levels[r] == "（六）其他处理"] == [
        "other_no_correction", "other_unpaid_fee", "other_other"]
    assert sum(1 for r in FORM.table3_row_keys if levels[r] == "（三）不予公开") == 8
    assert {levels[r] for r in FORM.table3_row_keys} == {"", "三、本年度办理结果", "（三）不予公开", "（四）无法提供",
                                                        "（五）不予处理", "（六）其他处理"}
