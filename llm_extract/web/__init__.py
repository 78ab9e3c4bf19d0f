"""``llm-extract serve``: a local review web page over :class:`~llm_extract.review_store.ReviewStore`.

Starlette serves it (uvicorn runs it), Jinja2 renders it with autoescape on: nothing from
a document, a path or a value is ever markup. ``/`` lists the documents with their queue
counts and progress; ``/doc/<doc_id>`` shows the document's tables, every cell coloured by
status, and its queue, decided from the keyboard (see ``static/review.js``). Decisions are
JSON POSTs to ``/doc/<doc_id>/decide`` and ``/doc/<doc_id>/undo``, which go through the
store and so into ``decisions.jsonl`` and the document's record at once; ``llm-extract serve``'s store
rebuilds the combined outputs behind the reviewer (:mod:`llm_extract.rebuild_later`), and brings them up
to date before it exits. It listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, PackageLoader
from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..decision_values import InvalidDecision
from ..export.fields import STATUS_COLOURS
from ..runlock import OutputLockedError
from ..review_store import DecisionRequest, ReviewStore
from .views import document_view, show

__all__ = ["create_app", "serve"]

_ACTIONS = {"blank": "null", "keep": "keep"}


class _DecideBody(BaseModel):
    item_id: str
    action: Literal["accept", "value", "blank", "keep"]
    value: str | None = None


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("llm_extract.web", "templates"), autoescape=True)
    env.filters["show"] = show
    env.globals["status_colours"] = STATUS_COLOURS        # the workbook's and report.html's colours
    return env


def create_app(store: ReviewStore) -> Starlette:
    """The review application over ``store`` (one lock: decisions are applied one at a time)."""
    env = _environment()
    lock = threading.Lock()

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        rebuild_error = store.later.error if store.later is not None else None    # (shown on every page)
        return HTMLResponse(env.get_template(name).render(rebuild_error=rebuild_error, **context), status_code=status)

    async def index(request: Request) -> Response:
        docs = await run_in_threadpool(store.documents)
        return page("index.html", docs=docs, out=str(store.out), queued=sum(d.queued for d in docs),
                    decided=sum(d.decided for d in docs))

    async def document(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        docs = await run_in_threadpool(store.documents)     # once a page: it reads the whole queue
        try:
            view = await run_in_threadpool(document_view, store, doc_id, docs)
        except KeyError:
            return page("missing.html", status=404, doc_id=doc_id)
        try:
            at = max(0, int(request.query_params.get("at", "0")))
        except ValueError:
            at = 0
        following = next((d.doc_id for d in docs if d.doc_id > doc_id and d.queued), None)
        return page("doc.html", at=at, following=following, **view)

    def _decide(doc_id: str, body: _DecideBody) -> int:
        with lock:
            item = next((i for i in store.items(doc=doc_id) if i.id == body.item_id), None)
            if item is None:
                raise InvalidDecision(f"{body.item_id}: not in the queue of {doc_id} (decided already?)")
            if body.action == "accept":
                store.accept_items([item])
            else:
                text = _ACTIONS.get(body.action, body.value or "")
                store.resolve([DecisionRequest(item_id=item.id, value=text)])
            return len(store.items(doc=doc_id))

    async def decide(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send JSON"}, status_code=415)   # also keeps other sites' forms out
        try:
            body = _DecideBody.model_validate(await request.json())
            left = await run_in_threadpool(_decide, request.path_params["doc_id"], body)
        except (ValidationError, ValueError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except OutputLockedError as exc:          # an extract run is writing OUT: try again after it
            return JSONResponse({"error": str(exc)}, status_code=409)
        return JSONResponse({"ok": True, "left": left})

    async def undo(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send JSON"}, status_code=415)
        doc_id = request.path_params["doc_id"]

        def run() -> Any:
            with lock:
                return store.undo(doc=doc_id)

        try:
            taken = await run_in_threadpool(run)
        except OutputLockedError as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        if taken is None:
            return JSONResponse({"error": f"no decision about {doc_id} to undo"}, status_code=400)
        return JSONResponse({"ok": True, "undone": taken.path or taken.finding})

    static = Path(__file__).parent / "static"
    app = Starlette(routes=[
        Route("/", index),
        Route("/doc/{doc_id}/decide", decide, methods=["POST"]),
        Route("/doc/{doc_id}/undo", undo, methods=["POST"]),
        Route("/doc/{doc_id}", document),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ])
    app.state.flush = store.flush      # (the combined outputs, when the store rebuilds them behind the reviewer)
    return app


def serve(store: ReviewStore, *, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the review page until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
