"""A scripted chat-completions server on 127.0.0.1 for tests and the error-injection benchmark.

    with FakeOpenAI() as server:
        server.script(Status(429, {"Retry-After": "0.3"}), Reply(answer_dict))
        settings = ModelSettings(base_url=server.url, model="fake", ...)

Each POST to ``/v1/chat/completions`` takes the next scripted item (or asks the
``responder`` when the script is empty):

* :class:`Reply` — HTTP 200. A dict payload is sent as JSON text, a str verbatim
  (malformed JSON is just a str). When the request offers ``tools`` the text is the
  arguments of a call to the first tool; otherwise it is the message content (JSON mode).
* :class:`Status` — any status code with headers (``Retry-After``) and an error body.

Either may carry a ``delay`` (seconds before the reply; a client with a shorter
timeout gives up first). ``usage`` is *estimated*, not tokenised: one token per
1.5 characters of the request's messages (plus tool / schema definitions) and of the
reply text. Every request is recorded (body, headers), as is the peak number of
requests in flight.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeOpenAI", "Reply", "Status", "RecordedRequest", "estimate_tokens", "CHARS_PER_TOKEN",
           "sample_values", "report_text", "answer_for"]

CHARS_PER_TOKEN = 1.5


def estimate_tokens(text: str) -> int:
    """An estimate (characters / 1.5), not a tokenizer's count."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@dataclass
class Reply:
    payload: Any = None
    delay: float = 0.0
    usage: dict[str, int] | None = None   # override the estimate
    no_usage: bool = False                 # leave the usage field out


@dataclass
class Status:
    code: int
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    delay: float = 0.0


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def user_text(self) -> str:
        return "\n".join(str(m.get("content") or "") for m in self.body.get("messages", []) if m.get("role") == "user")

    @property
    def uses_tools(self) -> bool:
        return bool(self.body.get("tools"))


Responder = Callable[[RecordedRequest], "Reply | Status"]


def _prompt_chars(body: dict[str, Any]) -> int:
    n = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
    for key in ("tools", "response_format"):
        if key in body:
            n += len(json.dumps(body[key], ensure_ascii=False))
    return n


class FakeOpenAI:
    """The server; a context manager that starts it on a free port and stops it."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.responder = responder
        self.requests: list[RecordedRequest] = []
        self.max_in_flight = 0
        self.usage_sent: list[dict[str, int]] = []     # the usage field of every 200 reply
        self._queue: deque[Reply | Status] = deque()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ── scripting ─────────────────────────────────────────────────────────────
    def script(self, *items: Reply | Status) -> "FakeOpenAI":
        with self._lock:
            self._queue.extend(items)
        return self

    @property
    def pending(self) -> int:
        return len(self._queue)

    @property
    def calls(self) -> int:
        return len(self.requests)

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    # ── lifecycle ─────────────────────────────────────────────────────────────
    def start(self) -> "FakeOpenAI":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ── serving ───────────────────────────────────────────────────────────────
    def _next(self, request: RecordedRequest) -> Reply | Status:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self.responder is not None:
            return self.responder(request)
        return Status(500, body={"error": {"message": "fake server: script exhausted", "type": "server_error"}})

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        request = RecordedRequest(path=h.path, headers={k.lower(): v for k, v in h.headers.items()}, body=body)
        with self._lock:
            self.requests.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            item = self._next(request)
            if item.delay:
                time.sleep(item.delay)
            if isinstance(item, Status):
                payload = item.body or {"error": {"message": f"fake status {item.code}", "type": "error"}}
                self._send(h, item.code, payload, item.headers)
            else:
                self._send(h, 200, self._completion(request, item), {})
        except (BrokenPipeError, ConnectionResetError):
            pass                                   # the client gave up (timeout)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _completion(self, request: RecordedRequest, reply: Reply) -> dict[str, Any]:
        text = reply.payload if isinstance(reply.payload, str) else json.dumps(reply.payload, ensure_ascii=False)
        tools = request.body.get("tools")
        if tools:
            name = tools[0].get("function", {}).get("name", "answer")
            message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [
                {"id": f"call_{len(self.requests)}", "type": "function", "function": {"name": name, "arguments": text}}]}
            finish = "tool_calls"
        else:
            message = {"role": "assistant", "content": text}
            finish = "stop"
        out: dict[str, Any] = {
            "id": f"chatcmpl-fake-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
            "model": request.body.get("model", "fake"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        }
        if not reply.no_usage:
            prompt = estimate_tokens("x" * _prompt_chars(request.body))
            completion = estimate_tokens(text)
            out["usage"] = reply.usage or {"prompt_tokens": prompt, "completion_tokens": completion,
                                           "total_tokens": prompt + completion}
            with self._lock:
                self.usage_sent.append(out["usage"])
        return out

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, code: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        h.send_response(code)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)
        h.wfile.flush()


# ── documents and answers to serve (project-aware helpers for the model tests) ──────────────────

T3_LABELS = (
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
    "（三）不予公开 1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "（四）无法提供 1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理 1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理 1.申请人无正当理由逾期不补正",
    "2.申请人逾期未按收费通知要求缴纳费用", "3.其他", "（七）总计", "四、结转下年度继续办理",
)


def sample_values() -> dict[str, Any]:
    """A consistent report (every identity holds) with enough non-zero cells to tell errors apart."""
    from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, OUTCOME_ROWS

    six = {"granted": [5, 1, 0, 0, 0, 0], "partially_granted": [2, 0, 0, 0, 0, 1],
           "denied_third_party": [1, 0, 0, 0, 0, 0], "unavailable_not_held": [3, 1, 0, 0, 1, 0],
           "rejected_petition": [1, 0, 0, 0, 0, 0], "new_received": [11, 2, 0, 0, 1, 1],
           "carried_over": [2, 0, 0, 0, 0, 0], "carried_forward": [1, 0, 0, 0, 0, 0]}
    rows = {r: six.get(r, [0] * 6) for r in APPLICATION_ROWS}
    rows["total_processed"] = [sum(rows[r][c] for r in OUTCOME_ROWS) for c in range(6)]
    values: dict[str, Any] = {"agency": "测试市测试区人民政府", "year": 2021}
    for r, cells in rows.items():
        for c, v in zip(APPLICANT_COLUMNS, cells + [sum(cells)]):
            values[f"applications.{r}.{c}"] = v
    for g, cells in (("administrative_review", [1, 0, 0, 1]), ("litigation_direct", [0, 1, 0, 0]),
                     ("litigation_after_review", [0, 0, 0, 0])):
        for c, v in zip(("upheld", "corrected", "other", "pending", "total"), cells + [sum(cells)]):
            values[f"review_litigation.{g}.{c}"] = v
    t2 = {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
          "normative_documents.issued": 5, "normative_documents.repealed": 2, "normative_documents.in_force": 51,
          "licensing": 3150, "punishment": 65, "enforcement": 10}
    values.update({f"active_disclosure.{k}": v for k, v in t2.items()})
    from decimal import Decimal
    values["active_disclosure.fees_10k_yuan"] = Decimal("1.5")
    return values


def report_text(values: dict[str, Any], title: str | None = None) -> str:
    """A report document (tab-separated rows, as PDF text) that the regex extractor reads in full."""
    from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS

    def cell(v: Any) -> str:
        return "/" if v is None else str(v)       # a placeholder: the regex reads it as null
    ad = "active_disclosure"
    lines = [title or f"{values['agency']}{values['year']}年政府信息公开工作年度报告", "",
             "一、总体情况", "", "本年度共收到政府信息公开申请若干件，均依法答复。", "",
             "二、主动公开政府信息情况", "",
             "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
             "规章\t" + "\t".join(cell(values[f"{ad}.regulations.{c}"]) for c in ("issued", "repealed", "in_force")),
             "行政规范性文件\t" + "\t".join(cell(values[f"{ad}.normative_documents.{c}"])
                                     for c in ("issued", "repealed", "in_force")),
             "信息内容\t本年处理决定数量",
             f"行政许可\t{cell(values[f'{ad}.licensing'])}", f"行政处罚\t{cell(values[f'{ad}.punishment'])}",
             f"行政强制\t{cell(values[f'{ad}.enforcement'])}",
             "信息内容\t本年收费金额（单位：万元）", f"行政事业性收费\t{cell(values[f'{ad}.fees_10k_yuan'])}", "",
             "三、收到和处理政府信息公开申请情况", "",
             "本列数据的勾稽关系\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"]
    for row, label in zip(APPLICATION_ROWS, T3_LABELS):
        lines.append(label + "\t" + "\t".join(cell(values[f"applications.{row}.{c}"]) for c in APPLICANT_COLUMNS))
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", "",
              "行政复议\t行政诉讼", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
              "\t".join(cell(values[f"review_litigation.{g}.{c}"]) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS),
              "", "五、存在的主要问题及改进情况", "", "无。", "", "六、其他需要报告的事项", "", "无。", ""]
    return "\n".join(lines)


def report_rows(values: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    """:func:`report_text`'s lines for a test's own rendering of 表三: each 表三 row as (its label, its seven cells),
    any other line as (the line, its tabs as spaces, None)."""
    out: list[tuple[str, list[str] | None]] = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) != 8 or not (fields[1].isdigit() or fields[1] == "/"):
            out.append((" ".join(fields), None))
        else:
            out.append((fields[0], fields[1:]))
    return out


def answer_for(values: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The model answer (ModelAnswer JSON) holding ``values``, with ``changes`` (path → value) applied."""
    from llm_extract.model.answer import answer_from_report
    from llm_extract.schema import Report

    merged = dict(values) | {p.replace("__", "."): v for p, v in changes.items()}
    return answer_from_report(Report.from_values("doc", merged))


def by_doc(answers: dict[str, object]) -> Responder:
    """A responder serving each document its own scripted item (found by the doc id in the
    prompt): a Reply or Status as given, anything else as the answer's JSON; 500 otherwise."""
    def respond(request: RecordedRequest) -> object:
        for doc_id, item in answers.items():
            if f"文档 {doc_id} " in request.user_text:
                return item if isinstance(item, (Reply, Status)) else Reply(item)
        return Status(500)
    return respond
