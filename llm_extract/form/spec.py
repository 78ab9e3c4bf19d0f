"""The shape of a form definition (see :mod:`llm_extract.form.y2021` for the 2021 form)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Column", "Table2Row", "Table3Row", "Table4Group", "Identity", "Form", "FormMarks"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str                       # as the form prints it
    also: tuple[str, ...] = ()       # other names a report's header gives it (科研院所 for 科研机构)


@dataclass(frozen=True)
class Table2Row:
    """One 表二 row: a field path prefix, its printed label and its value columns."""

    path: str                        # "active_disclosure.regulations"
    label: str                       # "规章"
    pattern: re.Pattern[str]         # over the normalised label key
    columns: tuple[Column, ...]      # three stock columns, or one unnamed column (key "")
    section: str = ""                # the 第二十条 item the row belongs to, as printed

    @property
    def paths(self) -> tuple[str, ...]:
        """The field path of each of its cells, in column order (the path itself for its one unnamed column)."""
        return tuple(f"{self.path}.{c.key}" if c.key else self.path for c in self.columns)


@dataclass(frozen=True)
class Table3Row:
    key: str                         # "denied_state_secret"
    label: str                       # "1.属于国家秘密"
    group: str                       # "（三）不予公开" on the row that opens a group, else ""
    pattern: re.Pattern[str]         # over the normalised label key (item numbers kept)
    words: tuple[str, ...] = ()      # distinctive words of the label, for inline text


@dataclass(frozen=True)
class Table4Group:
    key: str                         # "litigation_direct"
    label: str                       # "行政诉讼·未经复议直接起诉"


@dataclass(frozen=True)
class Identity:
    """A family of linear equations the form implies, with a stable rule code.

    ``kind`` says how the family spreads over a table:
      ``row``     per 表三 row: sum(lhs columns) == sum(rhs columns)
      ``column``  per 表三 column: sum(lhs rows) == sum(rhs rows)
      ``group``   per 表四 group: sum(lhs columns) == sum(rhs columns)
    """

    code: str
    kind: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    zh: str
    en: str


@dataclass(frozen=True)
class Form:
    name: str                                   # "2021"
    document: str                               # the circular that defines it
    table2: tuple[Table2Row, ...]
    table3_columns: tuple[Column, ...]
    table3_rows: tuple[Table3Row, ...]
    table3_outcome_rows: tuple[str, ...]        # the rows summed into the total row
    table4_groups: tuple[Table4Group, ...]
    table4_columns: tuple[Column, ...]
    identities: tuple[Identity, ...]
    headings: dict[str, re.Pattern[str]] = field(default_factory=dict)   # 表二/表三/表四 section headings
    heading_texts: dict[str, str] = field(default_factory=dict)          # the same headings as the form prints them
    table3_header: tuple[str, ...] = ()         # 表三's header words over the columns' labels (申请人情况 …)

    @property
    def table3_row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.table3_rows)

    @property
    def table3_column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.table3_columns)

    @property
    def table4_group_keys(self) -> tuple[str, ...]:
        return tuple(g.key for g in self.table4_groups)

    @property
    def table4_column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.table4_columns)

    def table3_row(self, key: str) -> Table3Row:
        return next(r for r in self.table3_rows if r.key == key)

    @property
    def table3_levels(self) -> dict[str, str]:
        """Each of 表三's rows → the title of the group its label is printed under, as the form nests them: "" for the
        first level (2021: 一、二、四、), the results group's title for the rows its （一）…（七） number, and a
        group's title (（三）不予公开 …) for the items it numbers 1. 2. …; from the rows' labels and the titles
        marking each group's first row."""
        levels: dict[str, str] = {}
        outer = inner = ""
        for row in self.table3_rows:
            if row.group:
                if row.group[0] in "（(":
                    inner = row.group
                else:
                    outer = row.group
            label = row.label.lstrip()
            levels[row.key] = inner if label[:1].isdigit() else outer if label[:1] in "（(" else ""
        return levels

    @property
    def table3_swap_groups(self) -> tuple[frozenset[str], ...]:
        """The groups of 表三's rows that every identity treats alike: each row in the same column identities, on
        the same side, and in no other (2021: 一、 and 二、; the outcome rows summed into （七）总计). Two rows of a group
        trading places keep every identity, so only the text's layout can tell them apart."""
        groups: dict[frozenset[tuple[str, bool]], list[str]] = {}
        for row in self.table3_row_keys:
            sides = frozenset((i.code, row in i.lhs) for i in self.identities
                              if i.kind == "column" and (row in i.lhs or row in i.rhs))
            groups.setdefault(sides, []).append(row)
        return tuple(frozenset(g) for g in groups.values() if len(g) > 1)


@dataclass(frozen=True)
class FormMarks:
    """A form the reader does not read but recognises, to refuse its reports by name (see
    :mod:`llm_extract.form.y2019`): the words of its 表二 that the read form never prints, and its shape."""

    name: str                                   # "2019"
    document: str                               # the circular that defines it
    words: tuple[str, ...]                      # printed in its 表二 only
    row_names: tuple[str, ...]                  # those of its words that name rows (the others head columns)
    change_column: str                          # a pattern: its signed column's header (本年增/减)
    three_cell_rows: tuple[str, ...]            # the read form's one-cell 表二 rows it prints with three cells
