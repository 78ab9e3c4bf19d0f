"""The command line's two consoles (standard output, and standard error for messages) and how it prints text
that is never markup."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["console", "err", "styled", "row"]

console = Console()
err = Console(stderr=True, soft_wrap=True)   # messages name paths: never cut them


def styled(style: str, text: object, rest: object = "") -> Text:
    """``text`` in ``style`` then ``rest``: never read as markup (paths and document text may hold ``[/x]``)."""
    return Text.assemble((str(text), style), str(rest))


def row(table: Table, *cells: object) -> None:
    table.add_row(*(Text(str(c), overflow="fold") for c in cells))

