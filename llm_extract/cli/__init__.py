"""The command line: a thin layer over :mod:`llm_extract.pipeline`, :mod:`llm_extract.compare`
and :mod:`verify`. Every command is callable from Python through those modules.

One module a concept: :mod:`.run` (``extract``: the run and its summary), :mod:`.golden` (``compare``, ``update-golden``),
:mod:`.checks` (``verify``, ``rules``), :mod:`.reviewing` (``review``, ``resolve``, ``undo``, ``serve``); here they are
registered, in the order ``--help`` lists them."""

from __future__ import annotations

import logging

import typer

from .checks import rules, verify
from .golden import compare, update_golden
from .reviewing import resolve, review, serve, undo
from .run import extract

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract, verify and review the tables of 政府信息公开工作年度报告.")
# libraries' own diagnostics about a document's internals (pdfminer: "Could not get FontBBox from font
# descriptor", once per glyph run) are not the user's business: a document that cannot be read fails by name
QUIET_LOGGERS = ("pdfminer", "pdfplumber", "olefile")


@app.callback()
def _setup() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


for command in (extract, compare, verify, rules, review, resolve, undo, serve):
    app.command()(command)
app.command("update-golden")(update_golden)


def main() -> None:  # console-script entry point
    app()

