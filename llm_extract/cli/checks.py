"""The commands about the verification rules: ``verify`` (re-check a record) and ``rules`` (every rule code)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..evidence import Record
from ..outputs import read_json
from .console import console, err, row, styled

__all__ = ["verify", "rules"]


def verify(
    record_path: Annotated[Path, typer.Argument(help="A record JSON written by extract (possibly edited by hand).")],
) -> None:
    """Re-check a record's identities and statuses; exit 1 when an identity is broken."""
    from verify import verify_report
    from verify.narrative import recheck_narrative

    try:
        record = Record.from_json_dict(read_json(record_path))
    except (OSError, ValueError) as exc:
        err.print(styled("red", f"{record_path}: cannot read record: {exc}"))
        raise typer.Exit(2)
    # (the narrative too, as every decision re-checks it: a figure the prose states against a cell takes its
    # proof away, which the identities alone would give back)
    checked = recheck_narrative(verify_report(record))
    broken = [f for f in checked.findings if f.severity == "error"]
    counts = checked.status_counts()
    console.print(f"{record_path}: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v), markup=False)
    for f in broken:
        console.print(styled("red", f.code, f" {f.message}"))
    if broken:
        raise typer.Exit(1)
    console.print("[green]every identity holds[/green]")


def rules() -> None:
    """List every rule code with its description in Chinese and English."""
    import verify.decide  # noqa: F401  (these register the codes: verify's, and ingest's and the rebuild's own)
    import verify.settle  # noqa: F401
    from verify.rules import RULES

    from .. import agency_years  # noqa: F401
    from ..ingest import notices  # noqa: F401

    t = Table(title="rules")
    for col in ("code", "中文", "English"):
        t.add_column(col)
    for code in sorted(RULES):
        r = RULES[code]
        row(t, r.code, r.zh, r.en)
    console.print(t)
