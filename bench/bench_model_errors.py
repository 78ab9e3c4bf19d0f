"""The model stage on damaged documents in every layout: perfect answers, and answers with the errors real
models make. Nothing wrong may be proven.

    python bench/bench_model_errors.py [--per-layout 40] [--seed 7] [--concurrency 8] [--direct]

Documents are the robustness bench's (bench/robustness.py): random valid reports and the
golden files, printed in every layout of ``llm_extract.synth.render.ALL_LAYOUTS`` (one cell
per line, tab rows, markdown, PDF text, split pages, glued crawler text) and ``inline`` (the
glued text without a single line break), and damaged by
``llm_extract.synth.damage`` — including documents the deterministic reader cannot read.
Each document is answered once perfectly and once with each error of ``tests/model_errors.py``
(a wrong digit, two cells of a row swapped, two rows of a group swapped, a row shifted by
one column, a dropped cell, a hallucinated row, a different cut of a digit run, an agency
with a prefix), served by the scripted chat-completions server (tests/fakeopenai.py,
127.0.0.1; openai + instructor + retries as in production; ``--direct`` skips the HTTP
round trip) and settled with the deterministic reading (verify.settle). Printed:

    per layout, perfect answers: accuracy (fields equal to the truth, null ≠ 0), review load
      (fields not proven), silent errors (wrong and proven)             targets ≥ 99.5 %, ≤ 2 %, 0
    per error kind: the injected fields, those caught (not proven), silent errors (any wrong
      field proven)                                                      target 0 silent
    tokens per document: input and output, estimated as the fake server does (characters / 1.5)

Exit status 1 on any silent error.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_extract._exceptions import DocumentError  # noqa: E402
from llm_extract.compare import compare_values  # noqa: E402
from llm_extract.evidence import TRUSTED_STATUSES, Record  # noqa: E402
from llm_extract.ingest import Document  # noqa: E402
from llm_extract.model import ModelSettings, run_model_stage  # noqa: E402
from llm_extract.model.answer import ModelAnswer, answer_from_report, to_extraction  # noqa: E402
from llm_extract.schema import Report  # noqa: E402
from llm_extract.settling import DocumentReading, read_document  # noqa: E402
from llm_extract.synth.damage import DAMAGE_KINDS, Damaged, damage  # noqa: E402
from llm_extract.synth.records import random_report  # noqa: E402
from llm_extract.synth.render import ALL_LAYOUTS  # noqa: E402
from bench.robustness import _golden  # noqa: E402
from tests.fakeopenai import FakeOpenAI, RecordedRequest, Reply, estimate_tokens  # noqa: E402
from tests.model_errors import ERRORS  # noqa: E402

FIELDS = 202


class Tally:
    def __init__(self) -> None:
        self.docs = self.fields = self.correct = self.silent = self.queued = self.failed = 0
        self.injected = self.caught = 0
        self.input_tokens = self.output_tokens = 0

    def add(self, record: Record | None, truth: Report, wrong: dict[str, Any]) -> list[str]:
        self.docs += 1
        if record is None:
            self.failed += 1
            self.fields += FIELDS
            self.queued += FIELDS
            self.injected += len(wrong)
            self.caught += len(wrong)
            return []
        results, diffs = compare_values(truth.doc_id, truth.golden_dict(), record.report.golden_dict())
        prov = record.provenance
        self.fields += len(results)
        self.correct += sum(ok for _, ok in results)
        self.queued += sum(1 for p, _ in results if prov[p].status not in TRUSTED_STATUSES)
        silent = [d.path for d in diffs if prov[d.path].status in TRUSTED_STATUSES]
        self.silent += len(silent)
        self.injected += len(wrong)
        self.caught += sum(1 for p in wrong if prov[p].status not in TRUSTED_STATUSES)
        return [f"{p}: expected {truth.get(p)!r}, got {record.report.get(p)!r}" for p in silent]


LAYOUTS = (*ALL_LAYOUTS, "inline")      # inline: the glued text without a single line break (a crawler's dump)


def documents(per_layout: int, seed: int) -> list[Damaged]:
    golden = _golden()
    out = []
    for layout in LAYOUTS:
        for i in range(per_layout):
            rng = random.Random(f"{seed}-{layout}-{i}")
            report = (golden[(i // 10) % len(golden)].model_copy(deep=True) if golden and i % 10 == 0
                      else random_report(rng, "r"))
            report.doc_id = f"{layout}{i:04d}"
            if layout in ("glued", "inline"):
                kinds = ["fullwidth"] if rng.random() < 0.3 else []
            else:
                kinds = rng.sample(DAMAGE_KINDS, rng.randint(1, 3))
            d = damage(report, "glued" if layout == "inline" else layout, kinds, rng.randrange(1 << 30))
            if layout == "inline":
                d = Damaged(d.text.replace("\n", ""), "inline", d.truth, d.kinds, d.notes)
            out.append(d)
    return out


def _answer(truth: Report, wrong: dict[str, Any]) -> dict[str, Any]:
    values = truth.values() | wrong
    return answer_from_report(Report.from_values(truth.doc_id, {k: v for k, v in values.items()}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-layout", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--direct", action="store_true", help="no HTTP: the answers become extractions directly")
    ap.add_argument("--show", type=int, default=10, help="silent errors to print")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()

    scenarios: dict[str, tuple[Damaged, str, dict[str, Any]]] = {}
    answers: dict[str, dict[str, Any]] = {}
    readings: dict[str, tuple[DocumentReading, Record] | None] = {}
    items = []
    for d in documents(args.per_layout, args.seed):
        for kind in ["perfect", *ERRORS]:
            wrong = {} if kind == "perfect" else ERRORS[kind](d.truth.values(), rng)
            if wrong is None:
                continue
            sid = f"{d.truth.doc_id}~{kind.replace(' ', '_')}"
            # each answer its own document (the stage asks identical documents once): a tag without digits
            tag = "".join("xy"[int(b)] for b in bin(len(scenarios) + 2)[2:])
            doc = Document.from_text(f"{d.text}\n{tag}", doc_id=sid)
            scenarios[sid] = (d, kind, wrong)
            answers[sid] = _answer(d.truth, wrong)
            try:
                reading = read_document(doc, tolerate_no_table=True)
            except DocumentError:
                readings[sid] = None
                continue
            record = reading.record()
            readings[sid] = (reading, record)
            items.append((doc, reading, record))

    results: dict[str, tuple[Any, dict[str, Any]]] = {}
    if args.direct:
        for doc, _, _ in items:
            results[doc.doc_id] = (to_extraction(ModelAnswer.model_validate(answers[doc.doc_id]), doc.doc_id,
                                                 {"model": "direct"}), {"status": "ok"})
    else:
        def respond(request: RecordedRequest) -> Reply:
            sid = request.user_text.split("文档 ", 1)[1].split(" ", 1)[0]
            return Reply(answers[sid])

        with FakeOpenAI(respond) as server:
            settings = ModelSettings(base_url=server.url, model="fake-model", concurrency=args.concurrency,
                                     backoff_base=0.01, timeout=20)
            results = run_model_stage(items, settings, "always", None)

    by_layout: dict[str, Tally] = defaultdict(Tally)
    by_kind: dict[str, Tally] = defaultdict(Tally)
    silent: list[str] = []
    for sid, (d, kind, wrong) in scenarios.items():
        pair = readings.get(sid)
        record = None
        if pair is not None:
            extraction, info = results[sid]
            record = pair[0].with_model_result(extraction, info, pair[1])
        tallies = [by_kind[kind], by_layout[d.layout]] if kind == "perfect" else [by_kind[kind]]
        for t in tallies:
            lost = t.add(record, d.truth, wrong)
        if kind == "perfect" and pair is not None and not args.direct:
            info = results[sid][1]
            by_layout[d.layout].input_tokens += int(info.get("input_tokens", 0))
            by_layout[d.layout].output_tokens += int(info.get("output_tokens", 0))
        silent += [f"{sid} [{d.layout}; {', '.join(d.kinds)}] {x}" for x in lost]
    seconds = time.perf_counter() - started

    print(f"model stage on damaged documents: {args.per_layout} per layout, seed {args.seed}, "
          f"{len(scenarios)} answers, {seconds:.1f} s" + (" (direct, no HTTP)" if args.direct else ""))
    print("\nperfect answers, per layout")
    print(f"{'layout':<10}{'docs':>6}{'accuracy':>10}{'review':>9}{'silent':>8}{'refused':>9}"
          f"{'input tok/doc':>15}{'output tok/doc':>16}")
    for layout in LAYOUTS:
        t = by_layout[layout]
        n = max(1, t.docs - t.failed)
        print(f"{layout:<10}{t.docs:>6}{t.correct / max(1, t.fields):>10.2%}{t.queued / max(1, t.fields):>9.2%}"
              f"{t.silent:>8}{t.failed:>9}{t.input_tokens / n:>15.0f}{t.output_tokens / n:>16.0f}")
    print("\nper error kind (every layout)")
    print(f"{'error':<18}{'answers':>8}{'injected':>10}{'caught':>8}{'silent':>8}{'accuracy':>10}{'review':>9}")
    for kind in ["perfect", *ERRORS]:
        t = by_kind[kind]
        print(f"{kind:<18}{t.docs:>8}{t.injected:>10}{t.caught:>8}{t.silent:>8}"
              f"{t.correct / max(1, t.fields):>10.2%}{t.queued / max(1, t.fields):>9.2%}")
    out_chars = sum(len(str(a)) for a in answers.values()) / max(1, len(answers))
    print(f"\nanswer size: ~{estimate_tokens('x' * int(out_chars))} output tokens (estimated)")
    for line in silent[:args.show]:
        print("SILENT", line)
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
