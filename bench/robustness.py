"""Robustness benchmark: extraction + verification of damaged documents against their truth.

    python bench/robustness.py --docs 1000 --seed 1

Generates ``--docs`` documents: random valid reports (every identity holds,
real magnitudes, many zeros) and, every tenth document, a golden file from
golden/; prints each in a layout (one cell per line, tab rows, markdown, PDF
text, PDF text over two pages, glued) with one to three damage kinds
(llm_extract.synth.damage), then extracts and verifies it and compares every
field strictly with the truth. Prints, overall, per damage kind and per layout:

    accuracy     fields whose output equals the truth (null ≠ 0) / all fields
    silent       wrong values whose status is proven (not in the review queue) — must be 0
    review load  fields not proven (queued for a person) / all fields

Exit status 1 when a silent error occurs. ``--show N`` prints the first N silent errors.

``--renderer wild`` measures the same on the second renderer (llm_extract.synth.wild,
written from FORM.md, not from the renderer the reader grew up with): ``--docs``
documents spread evenly over its families (inline crawler text, converter Markdown,
wrapped PDF text, CMS HTML pages), per family and per variation kind; there the agency
must match as golden-format.md says (the longer name adds Chinese words only), and a
reader crash (an exception other than a refusal) is counted as failed, listed, and
makes the exit status 1.
``--renderer both`` runs both. ``--dump DIR`` writes the documents (and their golden
JSON) to DIR instead of measuring, for ``llm-extract extract DIR`` and ``llm-extract
compare``; ``--family F`` keeps one wild family.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from llm_extract._exceptions import DocumentError
from llm_extract.compare import Difference, compare_values
from llm_extract.evidence import TRUSTED_STATUSES, Record
from llm_extract.ingest import Document
from llm_extract.outputs import atomic_write_text, read_json, write_json
from llm_extract.pipeline import process_document
from llm_extract.form import FORM
from llm_extract.schema import APPLICANT_COLUMNS, Report, table_of
from llm_extract.synth.damage import DAMAGE_KINDS, Damaged, damage
from llm_extract.synth.records import random_report
from llm_extract.synth.wild import FAMILIES, WildDoc, render_wild, write_corpus

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_WEIGHTS = {"cells": 3, "tabrows": 3, "markdown": 2, "pdftext": 3, "pages": 1, "glued": 2}


class Tally:
    __slots__ = ("docs", "fields", "correct", "silent", "queued", "failed", "capped")

    def __init__(self) -> None:
        self.docs = self.fields = self.correct = self.silent = self.queued = self.failed = self.capped = 0

    def row(self, name: str, width: int = 16) -> str:
        acc = self.correct / self.fields if self.fields else 0.0
        load = self.queued / self.fields if self.fields else 0.0
        pad = " " * max(0, width - sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in name))
        return (f"{name}{pad}{self.docs:>6}{self.fields:>9}{acc:>10.2%}{self.silent:>8}{load:>9.2%}"
                f"{self.failed:>8}{self.capped:>8}")


def _count_failed(tallies: list[Tally]) -> None:
    """A document refused or crashed: every one of its fields counts as queued."""
    for t in tallies:
        t.docs += 1
        t.failed += 1
        t.fields += 202
        t.queued += 202


def _count(tallies: list[Tally], results: list[tuple[str, bool]], diffs: list[Difference],
           record: Record) -> list[Difference]:
    """One record's fields into every tally; its silent errors (wrong and proven) are returned."""
    prov = record.provenance
    silent = [x for x in diffs if prov[x.path].status in TRUSTED_STATUSES]
    queued = sum(1 for path, _ in results if prov[path].status not in TRUSTED_STATUSES)
    capped = any(f.code == "DERIVE.SEARCH_CAP" for f in record.findings)
    for t in tallies:
        t.docs += 1
        t.fields += len(results)
        t.correct += sum(ok for _, ok in results)
        t.silent += len(silent)
        t.queued += queued
        t.capped += capped
    return silent


def _golden() -> list[Report]:
    return [Report.model_validate({k: v for k, v in read_json(p).items() if k in Report.model_fields})
            for p in sorted((ROOT / "golden").glob("*.json"))]


def generate(n: int, seed: int) -> list[Damaged]:
    """``n`` damaged documents, the same for the same seed."""
    golden = _golden()
    layouts, weights = list(LAYOUT_WEIGHTS), list(LAYOUT_WEIGHTS.values())
    docs = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        report = (golden[(i // 10) % len(golden)].model_copy(deep=True) if golden and i % 10 == 0
                  else random_report(rng, f"r{seed}-{i}"))
        report.doc_id = f"doc{i:05d}"
        layout = rng.choices(layouts, weights)[0]
        if layout == "glued":
            kinds = ["fullwidth"] if rng.random() < 0.3 else []
        else:
            kinds = rng.sample(DAMAGE_KINDS, rng.randint(1, 3))
        docs.append(damage(report, layout, kinds, rng.randrange(1 << 30)))
    return docs


def run(docs: list[Damaged], show: int = 0) -> tuple[Tally, dict[str, Tally], dict[str, Tally], float]:
    overall = Tally()
    per_kind: dict[str, Tally] = defaultdict(Tally)
    per_layout: dict[str, Tally] = defaultdict(Tally)
    shown = 0
    t0 = time.perf_counter()
    for d in docs:
        truth = d.truth.golden_dict()
        tallies = [overall, per_layout[d.layout]] + [per_kind[k] for k in d.kinds or ["(none)"]]
        if d.layout == "glued":
            tallies.append(per_kind["glued layout"])
        try:
            record = process_document(Document.from_text(d.text, doc_id=d.truth.doc_id))
        except DocumentError:
            _count_failed(tallies)
            continue
        results, diffs = compare_values(d.truth.doc_id, truth, record.report.golden_dict())
        silent = _count(tallies, results, diffs, record)
        for x in silent[:max(0, show - shown)]:
            shown += 1
            print(f"SILENT {d.truth.doc_id} [{d.layout}; {', '.join(d.kinds)}] {x.path}: "
                  f"expected {x.expected!r}, got {x.got!r}\n    " + "\n    ".join(d.notes), file=sys.stderr)
    return overall, per_kind, per_layout, time.perf_counter() - t0


# ── the second renderer ────────────────────────────────────────────────────────────────────────────

def _blanks(report: Report, rng: random.Random) -> list[str]:
    """Now and then a 表二 row printed blank, or one 0 of 表三 printed as an isolated blank (golden null:
    the reader must not prove it); returns the kind added."""
    kinds = []
    if rng.random() < 0.1:
        cells = [(r, c) for r in FORM.table3_row_keys for c in APPLICANT_COLUMNS
                 if getattr(getattr(report.applications, r), c) == 0]
        if cells:
            row, col = rng.choice(cells)
            setattr(getattr(report.applications, row), col, None)
            kinds.append("isolated_blank")
    if rng.random() < 0.25:
        path = rng.choice(["active_disclosure.regulations", "active_disclosure.normative_documents",
                           "active_disclosure.licensing", "active_disclosure.punishment",
                           "active_disclosure.enforcement", "active_disclosure.fees_10k_yuan"])
        if path.endswith(("regulations", "normative_documents")):
            for col in ("issued", "repealed", "in_force"):
                report.set(f"{path}.{col}", None)
        else:
            report.set(path, None)
    return kinds


def generate_wild(n: int, seed: int, family: str | None = None) -> list[WildDoc]:
    """``n`` documents of the wild renderer, families in turn (or ``family`` only), the same for the same seed."""
    golden = _golden()
    families = [family] if family else list(FAMILIES)
    docs = []
    for i in range(n):
        rng = random.Random(seed * 2_000_003 + i)
        report = (golden[(i // 10) % len(golden)].model_copy(deep=True) if golden and i % 10 == 0
                  else random_report(rng, f"w{seed}-{i}"))
        added = _blanks(report, rng) if i % 10 else []
        report.doc_id = f"wild{i:05d}"
        doc = render_wild(report, families[i % len(families)], rng.randrange(1 << 30))
        doc.kinds += added
        docs.append(doc)
    return docs


def _agency_ok(expected: object, got: object) -> bool:
    """golden-format.md: one name contains the other, and the longer adds Chinese words only."""
    if expected is None or got is None:
        return expected is None and got is None
    a, b = "".join(str(expected).split()), "".join(str(got).split())
    short, long_ = sorted((a, b), key=len)
    if not short or short not in long_:
        return False
    return all("\u4e00" <= ch <= "\u9fff" for ch in long_.replace(short, "", 1))


def run_wild(docs: list[WildDoc], show: int = 0) -> tuple[Tally, dict[str, Tally], dict[tuple[str, str], Tally],
                                                           dict[str, int], list[str]]:
    """Overall, per family, per (family, variation kind), silent errors per table, and crashes
    (an exception other than a refusal: counted as failed, listed, and the exit status is 1)."""
    overall = Tally()
    per_family: dict[str, Tally] = defaultdict(Tally)
    per_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
    silent_by_table: dict[str, int] = defaultdict(int)
    crashes: list[str] = []
    shown = 0
    for d in docs:
        truth = d.truth.golden_dict()
        tallies = [overall, per_family[d.family]] + [per_kind[d.family, k] for k in d.kinds]
        try:
            record = process_document(d.document())
        except Exception as exc:       # refused (DocumentError) or a crash: counted, never fatal
            _count_failed(tallies)
            if not isinstance(exc, DocumentError):
                crashes.append(f"CRASH {d.truth.doc_id} [{d.family}; {', '.join(d.kinds)}]: "
                               f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            elif shown < show:
                shown += 1
                print(f"FAILED {d.truth.doc_id} [{d.family}; {', '.join(d.kinds)}]: {exc}", file=sys.stderr)
            continue
        got = record.report.golden_dict()
        results, diffs = compare_values(d.truth.doc_id, truth, got)
        if not _agency_ok(truth["agency"], got.get("agency")):
            results = [(p, ok and p != "agency") for p, ok in results]
            if all(x.path != "agency" for x in diffs):
                diffs.append(Difference(doc_id=d.truth.doc_id, path="agency", expected=truth["agency"],
                                        got=got.get("agency"), queued=False))
        silent = _count(tallies, results, diffs, record)
        for x in silent:
            silent_by_table[table_of(x.path)] += 1
        for x in silent[:max(0, show - shown)]:
            shown += 1
            print(f"SILENT {d.truth.doc_id} [{d.family}; {', '.join(d.kinds)}] {x.path}: "
                  f"expected {x.expected!r}, got {x.got!r}", file=sys.stderr)
    return overall, per_family, per_kind, silent_by_table, crashes


def _missed(t: Tally, family: str) -> str:
    """Which of issue 8's targets a family misses ("meets the targets" when none)."""
    acc = t.correct / t.fields if t.fields else 0.0
    load = t.queued / t.fields if t.fields else 0.0
    missed = ([f"{t.silent} silent"] if t.silent else []) + (["accuracy < 99 %"] if acc < 0.99 else []) + (
        ["review > 5 %"] if load > 0.05 and family != "inline" else [])
    return "misses: " + ", ".join(missed) if missed else "meets the targets"


_SHORT = {"inline": "inline", "converter_md": "md", "wrapped_pdf": "pdf", "html_spans": "html"}


def _wild_report(args: argparse.Namespace, head: str) -> int:
    docs = generate_wild(args.docs, args.seed, args.family)
    t0 = time.perf_counter()
    overall, per_family, per_kind, silent_by_table, crashes = run_wild(docs, args.show)
    seconds = time.perf_counter() - t0
    print(f"robustness, wild renderer: {len(docs)} documents, seed {args.seed}, "
          f"{seconds:.1f} s extraction+verification ({len(docs) / seconds:.0f} docs/s)")
    wide = " " * 10 + head
    print(wide)
    print(overall.row("overall", 26))
    print("silent errors by table: " + ", ".join(f"{t} {silent_by_table.get(t, 0)}" for t in ("meta", "表二", "表三", "表四"))
          + " (meta: agency matched as golden-format.md says, or year)")
    print("per family (issue 8's targets: 0 silent, accuracy >= 99 %, review load <= 5 % except inline digit runs)")
    for family in FAMILIES:
        if family in per_family:
            print(per_family[family].row(family, 26) + "  " + _missed(per_family[family], family))
    print("per family and variation kind (a document counts under each of its kinds)")
    for family in FAMILIES:
        for f, kind in sorted(k for k in per_kind if k[0] == family):
            print(per_kind[f, kind].row(f"{_SHORT[f]} {kind}"[:26], 26))
    for line in crashes:
        print(line)
    print("runs:identities = inline documents whose 表三/表四 digit runs can only be split by the form's "
          "identities (a unique split of 表三's is pinned, marked, not queued, where every other cell of its identities "
          "is proven or such a cut; else derived and queued; several surviving splits stay missing)")
    return 1 if overall.silent or crashes else 0


def _dump(args: argparse.Namespace) -> int:
    out = Path(args.dump)
    n = 0
    if args.renderer in ("wild", "both"):
        n += len(write_corpus(generate_wild(args.docs, args.seed, args.family), out))
    if args.renderer in ("ours", "both"):
        for d in generate(args.docs, args.seed):
            atomic_write_text(out / f"{d.truth.doc_id}.txt", d.text)
            write_json(out / f"{d.truth.doc_id}.json", d.truth.golden_dict()
                       | {"notes": [f"our renderer, {d.layout}: {', '.join(d.kinds)}", *d.notes]})
            n += 1
    print(f"wrote {n} documents and their golden JSON to {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print the first N silent errors")
    ap.add_argument("--renderer", choices=("ours", "wild", "both"), default="ours",
                    help="ours: llm_extract.synth.render + damage; wild: llm_extract.synth.wild; both")
    ap.add_argument("--family", choices=FAMILIES, default=None, help="wild renderer: this family only")
    ap.add_argument("--dump", metavar="DIR", default=None,
                    help="write the documents and their golden JSON to DIR instead of measuring")
    args = ap.parse_args()
    if args.dump:
        return _dump(args)
    if args.renderer == "wild":
        head = f"{'':<16}{'docs':>6}{'fields':>9}{'accuracy':>10}{'silent':>8}{'review':>9}{'failed':>8}{'capped':>8}"
        return _wild_report(args, head)
    docs = generate(args.docs, args.seed)
    overall, per_kind, per_layout, seconds = run(docs, args.show)
    head = f"{'':<16}{'docs':>6}{'fields':>9}{'accuracy':>10}{'silent':>8}{'review':>9}{'failed':>8}{'capped':>8}"
    print(f"robustness: {args.docs} damaged documents, seed {args.seed}, "
          f"{seconds:.1f} s extraction+verification ({args.docs / seconds:.0f} docs/s)")
    print(head)
    print(overall.row("overall"))
    print("per damage kind (a document with several kinds counts under each)")
    for kind in [*DAMAGE_KINDS, "glued layout", "(none)"]:
        if kind in per_kind:
            print(per_kind[kind].row(kind))
    print("per layout")
    for layout in LAYOUT_WEIGHTS:
        if layout in per_layout:
            print(per_layout[layout].row(layout))
    status = 1 if overall.silent else 0
    if args.renderer == "both":
        print()
        status |= _wild_report(args, head)
    return status


if __name__ == "__main__":
    sys.exit(main())
