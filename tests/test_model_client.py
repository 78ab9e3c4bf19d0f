"""The model client against a real HTTP server on 127.0.0.1: answers, re-asks, transport retries, budgets."""

from __future__ import annotations

import time

import pytest

from llm_extract.evidence import CellKind
from llm_extract.ingest import Document
from llm_extract.model import ModelFailure, ModelSettings, extract_model
from llm_extract.model.client import is_transient, retry_after_seconds
from tests.fakeopenai import FakeOpenAI, Reply, Status, answer_for, report_text, sample_values

VALUES = sample_values()
DOC = Document.from_text(report_text(VALUES), doc_id="sample")
GOOD = answer_for(VALUES)




def settings(server: FakeOpenAI, **kw) -> ModelSettings:
    base = dict(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.05, timeout=2.0)
    return ModelSettings(**(base | kw))


def test_a_correct_tool_call_answer_becomes_the_model_extraction():
    with FakeOpenAI() as server:
        server.script(Reply(GOOD))
        extraction = extract_model(DOC, settings(server))
    assert extraction.extractor == "model"
    assert {p: extraction.reading(p).value for p in VALUES} == VALUES
    r = extraction.reading("applications.granted.natural_person")
    assert (r.kind, r.raw, r.method) == (CellKind.NUMBER, "5", "model")
    assert extraction.reading("applications.granted.research").kind == CellKind.ZERO
    meta = extraction.meta
    assert (meta["model"], meta["prompt_version"], meta["mode"], meta["calls"]) == ("fake-model", "v2", "tools", 1)
    assert meta["input_tokens"] > 0 and meta["output_tokens"] > 0
    request = server.requests[0].body
    assert request["tools"] and request["tool_choice"]["type"] == "function"
    assert request["model"] == "fake-model" and request["temperature"] == 0.0


@pytest.mark.parametrize("mode, response_format", [("json", "json_object"), ("json_schema", "json_schema")])
def test_json_modes_ask_for_json_content_instead_of_a_tool_call(server, mode, response_format):
    server.script(Reply(GOOD))
    extraction = extract_model(DOC, settings(server, mode=mode))
    assert extraction.reading("active_disclosure.licensing").value == 3150
    body = server.requests[0].body
    assert "tools" not in body and body["response_format"]["type"] == response_format


def test_the_model_is_shown_the_title_and_tables_not_the_narrative(server):
    server.script(Reply(GOOD))
    extract_model(DOC, settings(server))
    text = server.requests[0].user_text
    assert "测试市测试区人民政府2021年政府信息公开工作年度报告" in text
    assert "一、本年新收政府信息公开申请数量" in text and "行政复议" in text
    assert "均依法答复" not in text                     # the narrative of 一、总体情况 is left out


def test_malformed_json_is_reasked_and_the_good_second_answer_accepted(server):
    server.script(Reply('{"agency": "测试区", "table3": [{"row": '), Reply(GOOD))
    extraction = extract_model(DOC, settings(server))
    assert server.calls == 2
    assert (extraction.meta["calls"], extraction.meta["reasks"]) == (2, 1)
    first, second = server.requests
    assert len(second.body["messages"]) > len(first.body["messages"])    # the re-ask carries the error
    assert extraction.reading("applications.granted.total").value == 6


def test_an_answer_that_fails_validation_is_reasked_with_the_validation_error(server):
    bad = answer_for(VALUES)
    bad["table3"][0]["row"] = "本年新增加的行"
    server.script(Reply(bad), Reply(GOOD))
    extract_model(DOC, settings(server, mode="json"))
    assert "unknown 表三 row" in str(server.requests[1].body["messages"])


def test_reasks_stop_at_the_maximum_and_the_failure_is_a_schema_failure(server):
    server.script(*[Reply("not json at all")] * 5)
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server, max_reasks=1))
    assert info.value.kind == "schema" and info.value.attempts == 2 and server.calls == 2
    assert info.value.raw == "not json at all"


def test_a_429_waits_as_long_as_retry_after_says_then_succeeds(server):
    server.script(Status(429, {"Retry-After": "0.3"}), Reply(GOOD))
    started = time.monotonic()
    extraction = extract_model(DOC, settings(server))
    assert time.monotonic() - started >= 0.3          # the backoff alone would wait at most 0.05 s
    assert server.calls == 2 and extraction.meta["transport_retries"] == 1


def test_retry_after_is_capped(server):
    server.script(Status(429, {"Retry-After": "30"}), Reply(GOOD))
    started = time.monotonic()
    extract_model(DOC, settings(server, retry_after_max=0.05))
    assert time.monotonic() - started < 5


def test_server_errors_are_retried_with_backoff_until_the_transport_layer_gives_up(server):
    server.script(*[Status(500)] * 10)
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server, transport_attempts=3))
    assert info.value.kind == "transport" and "HTTP 500" in str(info.value)
    assert server.calls == 3 and info.value.attempts == 3


def test_a_reply_slower_than_the_timeout_is_abandoned_and_retried(server):
    server.script(Reply(GOOD, delay=1.5), Reply(GOOD))
    started = time.monotonic()
    extraction = extract_model(DOC, settings(server, timeout=0.3))
    assert time.monotonic() - started < 1.5
    assert server.calls == 2 and extraction.meta["transport_retries"] == 1


def test_replies_always_slower_than_the_timeout_end_in_a_transport_failure(server):
    server.script(*[Reply(GOOD, delay=1.0)] * 3)
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server, timeout=0.2, transport_attempts=2))
    assert info.value.kind == "transport" and "timeout" in str(info.value)


def test_a_client_error_is_not_retried(server):
    server.script(Status(400, body={"error": {"message": "bad request", "type": "invalid_request_error"}}))
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server))
    assert info.value.kind == "http" and server.calls == 1


def test_the_document_budget_caps_the_calls_of_every_layer_together(server):
    server.script(Reply("nope"), Status(503), Reply("nope"), Status(503), Reply("nope"), Reply(GOOD))
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server, doc_max_calls=3, max_reasks=5, transport_attempts=5))
    assert info.value.kind == "budget" and server.calls == 3


def test_a_200_reply_holding_the_endpoints_error_fails_with_its_message_and_is_not_reasked(server):
    # gateways answer a spent quota so; it was reported as "TypeError: 'NoneType' object is not subscriptable"
    server.script(Status(200, body={"error": {"message": "quota exceeded for key sk-secret-1", "code": "quota"}}))
    with pytest.raises(ModelFailure) as info:
        extract_model(DOC, settings(server, api_key="sk-secret-1"))
    assert info.value.kind == "http" and server.calls == 1
    assert str(info.value) == "HTTP 200 without a completion: quota exceeded for key ***"


def test_a_reply_without_usage_counts_no_tokens_and_says_so(server):
    server.script(Reply(GOOD, no_usage=True))
    extraction = extract_model(DOC, settings(server))
    assert extraction.meta["input_tokens"] == 0 and extraction.meta["usage_reported"] is False


class _Response:
    def __init__(self, headers: dict[str, str]):
        self.headers = headers


class _Err(Exception):
    def __init__(self, headers: dict[str, str]):
        self.response = _Response(headers)


@pytest.mark.parametrize("headers, seconds", [
    ({"retry-after": "2"}, 2.0), ({"retry-after": "0.25"}, 0.25), ({"retry-after-ms": "1500"}, 1.5),
    ({}, None), ({"retry-after": "soon"}, None),
])
def test_retry_after_headers_are_read_in_seconds_or_milliseconds(headers, seconds):
    assert retry_after_seconds(_Err(headers)) == seconds


def test_only_transport_failures_are_transient():
    assert not is_transient(ValueError("validation"))
