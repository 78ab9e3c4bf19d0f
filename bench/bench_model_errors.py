"""Error-injection benchmark of the model stage: realistic model mistakes must never be accepted silently.

    python bench/bench_model_errors.py [--variants 3] [--seed 7] [--json]

From every golden file in golden/ (its text, and the same values rendered in both
synthetic layouts), make model answers with one realistic error each — a digit typo,
a row's cells shifted one column, two rows swapped, a dropped cell, a hallucinated
total, a 表二 value off by a digit — serve them from the local fake chat-completions
server (tests/fakeopenai.py, 127.0.0.1, tool calls), run the real model stage
(openai + instructor + retries, bounded concurrency) and the cross-check, and count
for every wrong field the model gave:

    accepted silently    the record holds the wrong value as proven         (target 0)
    caught               the field went to review: resolved or disputed
      resolved by identity     … to the right value, the deciding identity named
      queued (disputed)        … both candidates kept for a person
      resolved to a wrong value (flagged, still counted as caught)

and the collateral: correct fields the error pushed into the review queue.
Token counts are the fake server's estimate (characters / 1.5), not a tokenizer's.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_extract.evidence import Status  # noqa: E402
from llm_extract.extract import extract_regex  # noqa: E402
from llm_extract.ingest import Document, load  # noqa: E402
from llm_extract.model import ModelSettings, build_messages, load_prompts, resolve_routing, run_model_stage, \
    summarise_stage  # noqa: E402
from llm_extract.model.answer import answer_from_report  # noqa: E402
from llm_extract.outputs import read_json  # noqa: E402
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, DISCLOSURE_PATHS, TABLE3_PATHS, \
    TABLE4_PATHS, Report  # noqa: E402
from tests.fakeopenai import FakeOpenAI, RecordedRequest, Reply  # noqa: E402
from verify import verify_extraction  # noqa: E402

Values = dict[str, Any]
Injector = Callable[[Values, random.Random], Values | None]   # golden values → the wrong fields, or None
_TOTALS = [p for p in TABLE3_PATHS + TABLE4_PATHS if p.endswith(".total")] + \
    [f"applications.total_processed.{c}" for c in APPLICANT_COLUMNS[:6]]


def _typo(n: int, rng: random.Random) -> int:
    """One digit changed (a neighbouring key, an OCR-like confusion), or two digits transposed."""
    digits = list(str(n))
    if len(digits) > 1 and rng.random() < 0.3 and digits[0] != digits[1]:
        digits[0], digits[1] = digits[1], digits[0]
    else:
        i = rng.randrange(len(digits))
        digits[i] = rng.choice([d for d in "0123456789" if d != digits[i] and not (i == 0 == len(digits) - 1 and
                                                                                    d == digits[i])])
    out = int("".join(digits))
    return out if out != n else n + 1


def digit_typo(v: Values, rng: random.Random) -> Values | None:
    cells = [p for p in TABLE3_PATHS + TABLE4_PATHS if v.get(p)] or list(TABLE3_PATHS)
    p = rng.choice(cells)
    return {p: _typo(v.get(p) or 0, rng)}


def column_shift(v: Values, rng: random.Random) -> Values | None:
    rows = [r for r in APPLICATION_ROWS if any(v.get(f"applications.{r}.{c}") for c in APPLICANT_COLUMNS)]
    if not rows:
        return None
    row = rng.choice(rows)
    cells = [v.get(f"applications.{row}.{c}") for c in APPLICANT_COLUMNS]
    shifted = [None] + cells[:-1] if rng.random() < 0.5 else cells[1:] + [None]
    out = {f"applications.{row}.{c}": s for c, s, o in zip(APPLICANT_COLUMNS, shifted, cells) if s != o}
    return out or None


def rows_swapped(v: Values, rng: random.Random) -> Values | None:
    def row(r: str) -> list[Any]:
        return [v.get(f"applications.{r}.{c}") for c in APPLICANT_COLUMNS]
    pairs = [(a, b) for i, a in enumerate(APPLICATION_ROWS) for b in APPLICATION_ROWS[i + 1:] if row(a) != row(b)]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    out = {}
    for c in APPLICANT_COLUMNS:
        pa, pb = f"applications.{a}.{c}", f"applications.{b}.{c}"
        if v.get(pa) != v.get(pb):
            out[pa], out[pb] = v.get(pb), v.get(pa)
    return out


def dropped_cell(v: Values, rng: random.Random) -> Values | None:
    cells = [p for p in TABLE3_PATHS + TABLE4_PATHS if v.get(p) is not None]
    nonzero = [p for p in cells if v[p]]
    p = rng.choice(nonzero if nonzero and rng.random() < 0.7 else cells)
    return {p: None}


def hallucinated_total(v: Values, rng: random.Random) -> Values | None:
    p = rng.choice(_TOTALS)
    g = v.get(p) or 0
    return {p: g + rng.choice([1, 2, 3, 5, 10, g or 4])}


def table2_digit(v: Values, rng: random.Random) -> Values | None:
    p = rng.choice([q for q in DISCLOSURE_PATHS if not q.endswith("fees_10k_yuan")])
    return {p: _typo(v.get(p) or 0, rng)}


INJECTORS: dict[str, Injector] = {
    "digit typo": digit_typo, "column shifted": column_shift, "rows swapped": rows_swapped,
    "dropped cell": dropped_cell, "hallucinated total": hallucinated_total, "表二 off by a digit": table2_digit,
}


def documents() -> list[tuple[Document, Report]]:
    """Every golden file's own text, and its values rendered in both synthetic layouts."""
    from llm_extract.synth import LAYOUTS, render

    out = []
    for path in sorted((ROOT / "golden").glob("*.json")):
        golden = Report.model_validate({k: v for k, v in read_json(path).items() if k in Report.model_fields})
        out.append((load(path.with_suffix(".txt")), golden))
        for layout in LAYOUTS:
            out.append((Document.from_text(render(golden, layout), doc_id=f"{path.stem}-{layout}"), golden))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=int, default=3, help="random errors of each kind per document")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    scenarios: dict[str, tuple[str, Values, Report]] = {}    # scenario doc id → (kind, wrong fields, golden)
    items = []
    answers: dict[str, Any] = {}
    for doc, golden in documents():
        base_doc_id = doc.doc_id
        extraction = extract_regex(doc)
        record = verify_extraction(extraction)
        gv = golden.values()
        wrong_regex = [p for p in gv if p != "agency" and record.report.get(p) != gv[p]]
        if wrong_regex:
            print(f"note: the regex reads {len(wrong_regex)} fields of {base_doc_id} wrongly", file=sys.stderr)
        for kind, inject in [("none", lambda v, r: {})] + list(INJECTORS.items()):
            for k in range(1 if kind == "none" else args.variants):
                wrong = inject(gv, rng)
                if wrong is None:
                    continue
                sid = f"{base_doc_id}~{kind.replace(' ', '_')}~{k}"
                answers[sid] = answer_from_report(Report.from_values(golden.doc_id, gv | wrong))
                scenarios[sid] = (kind, wrong, golden)
                items.append((Document(doc_id=sid, text=doc.text, path=doc.path), extraction, record))

    def respond(request: RecordedRequest) -> Reply:
        sid = request.user_text.split("文档 ", 1)[1].split(" ", 1)[0]
        return Reply(answers[sid])

    started = time.perf_counter()
    with FakeOpenAI(respond) as server:
        settings = ModelSettings(base_url=server.url, model="fake-model", concurrency=args.concurrency,
                                 backoff_base=0.01, timeout=10)
        results = run_model_stage(items, settings, "always", None)
    seconds = time.perf_counter() - started
    summary = summarise_stage(results, resolve_routing("always", settings), settings)

    totals: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    silent: list[str] = []
    for sid, (record, info) in results.items():
        kind, wrong, golden = scenarios[sid]
        c = by_kind.setdefault(kind, Counter())
        c["answers"] += 1
        if info["status"] != "ok":
            c["model stage failed"] += 1
            continue
        for path in golden.values():
            value, status = record.report.get(path), record.provenance[path].status
            right = value == golden.get(path) or (path == "agency" and value and golden.agency and
                                                 (value in golden.agency or golden.agency in value))
            if path not in wrong:
                if status != Status.PROVEN:
                    c["collateral queued"] += 1
                if not right and status == Status.PROVEN:
                    c["accepted silently"] += 1
                    silent.append(f"{sid} {path}: {value!r} (golden {golden.get(path)!r}), not injected")
                continue
            c["injected"] += 1
            if status == Status.PROVEN:
                c["accepted silently" if not right else "proven (error had no effect)"] += 1
                if not right:
                    silent.append(f"{sid} {path}: {value!r} (golden {golden.get(path)!r})")
            elif status == Status.RESOLVED:
                c["caught"] += 1
                c["resolved by identity" if right else "resolved to a wrong value"] += 1
            else:
                c["caught"] += 1
                c["queued (disputed)" if status == Status.DISPUTED else f"queued ({status.value})"] += 1
    for c in by_kind.values():
        totals.update(c)

    figures = {"errors injected": totals["injected"], "accepted silently": totals["accepted silently"],
               "caught": totals["caught"], "resolved by identity": totals["resolved by identity"],
               "queued (disputed)": totals["queued (disputed)"],
               "resolved to a wrong value": totals["resolved to a wrong value"],
               "collateral fields queued": totals["collateral queued"],
               "model answers served": totals["answers"], "model stage failures": totals["model stage failed"],
               "calls": summary["calls"], "input tokens (estimated)": summary["input_tokens"],
               "output tokens (estimated)": summary["output_tokens"], "seconds": round(seconds, 2)}
    if args.json:
        print(json.dumps({"totals": figures, "by_kind": {k: dict(v) for k, v in by_kind.items()},
                          "silent": silent}, ensure_ascii=False, indent=1))
    else:
        cols = ["answers", "injected", "accepted silently", "caught", "resolved by identity", "queued (disputed)",
                "resolved to a wrong value", "collateral queued"]
        print(f"{'error kind':<20}" + "  ".join(f"{c:>{max(len(c), 6)}}" for c in cols))
        for kind, c in by_kind.items():
            print(f"{kind:<{20 - sum(1 for ch in kind if ord(ch) > 0x2e80)}}"
                  + "  ".join(f"{c[col]:>{max(len(col), 6)}}" for col in cols))
        print()
        print("per document, perfect answer (tokens estimated by the fake server as characters / 1.5):")
        print(f"{'document':<34}{'prompt chars':>14}{'input tokens':>14}{'output tokens':>15}")
        for sid, (_, info) in results.items():
            if scenarios[sid][0] == "none":
                chars = sum(len(m["content"]) for m in build_messages(next(i[0] for i in items if i[0].doc_id == sid),
                                                                      load_prompts(settings.prompt_version)))
                print(f"{sid.split('~')[0]:<34}{chars:>14}{info['input_tokens']:>14}{info['output_tokens']:>15}")
        print()
        for k, v in figures.items():
            print(f"{k:<28} {v}")
        for line in silent:
            print("SILENT:", line)
    return 1 if totals["accepted silently"] else 0


if __name__ == "__main__":
    sys.exit(main())
