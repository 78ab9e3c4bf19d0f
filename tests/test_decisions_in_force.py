"""The decisions in force, as the pipeline hands them to verify.settle: one document's at a time."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from llm_extract.decisions import Decision, DecisionsInForce, append_decisions, decisions_for, load_decisions


def decision(doc_id: str, path: str, source: str | None) -> Decision:
    return Decision(doc_id=doc_id, path=path, value=1, source_path=source)


def test_a_documents_decisions_are_its_own_and_those_of_the_same_file_under_another_id_in_log_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    monkeypatch.chdir(tmp_path)
    log = [decision("old-a", "year", "a.txt"),                              # relative, another id
           decision("b", "year", str(tmp_path / "b.txt")),
           decision("a", "agency", str(tmp_path / "a.txt")),
           decision("older-a", "active_disclosure.licensing", str(tmp_path / "link.txt")),   # through a link
           decision("a", "year", None)]
    append_decisions(tmp_path, log)
    decisions = load_decisions(tmp_path)
    assert isinstance(decisions, DecisionsInForce)
    about_a = decisions.about("a", str(tmp_path / "a.txt"))
    assert [(d.doc_id, d.path) for d in about_a] == [("old-a", "year"), ("a", "agency"),
                                                     ("older-a", "active_disclosure.licensing"), ("a", "year")]
    assert [d.doc_id for d in decisions.about("b", "b.txt")] == ["b"]
    assert [d.doc_id for d in decisions.about("a", None)] == ["a", "a"]
    assert decisions.about("c", str(tmp_path / "c.txt")) == []
    plain = {(d.doc_id, d.path): d for d in log}                          # any mapping will do
    assert [d.id for d in decisions_for(plain, "a", str(tmp_path / "a.txt"))] == [d.id for d in about_a]


def test_a_run_over_many_documents_resolves_each_path_once_not_once_per_pair(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [f"doc{n}" for n in range(40)]
    decisions = DecisionsInForce({(d, p): decision(d, p, str(tmp_path / f"{d}.txt"))
                                  for d in docs for p in ("year", "agency", "active_disclosure.licensing")})
    calls = []
    real = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        calls.append(self)
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", counting)
    found = [decisions_for(decisions, d, str(tmp_path / f"{d}.txt")) for d in docs]
    assert [len(f) for f in found] == [3] * len(docs)
    assert len(calls) <= 2 * len(docs)                 # each decision's path once, each document's once


def test_the_decisions_in_force_travel_to_worker_processes() -> None:
    decisions = DecisionsInForce({("a", "year"): decision("a", "year", "/x/a.txt")})
    assert [d.path for d in decisions.about("a", None)] == ["year"]          # indexed before it travels
    copy = pickle.loads(pickle.dumps(decisions))
    assert copy == decisions and [d.doc_id for d in copy.about("renamed", "/x/a.txt")] == ["a"]
