"""The HTTP API: read endpoints with pagination, and one token-guarded write endpoint."""
from __future__ import annotations

import hmac

from fastapi import APIRouter, Body, HTTPException, Query, Request

from ..errors import CronicaError
from . import views


def page_size(request: Request, limit: int) -> int:
    """`limit` capped by the `api_max_page_size` setting."""
    return min(limit, request.app.state.options["api_max_page_size"])


def _conn(request: Request):
    return request.app.state.readers.conn()


def make_api_router() -> APIRouter:
    """Routes under /api."""
    router = APIRouter(prefix="/api", tags=["api"])

    @router.get("/search", summary="Full-text search over stored articles")
    def api_search(request: Request, q: str = Query(..., min_length=1, max_length=500),
                   limit: int = Query(20, ge=1), offset: int = Query(0, ge=0)):
        return views.search_data(_conn(request), q, page_size(request, limit), offset)

    @router.get("/timeline", summary="Events of an entity, or of articles matching words, by date")
    def api_timeline(request: Request, entity: str | None = Query(None, max_length=300),
                     q: str | None = Query(None, max_length=500),
                     date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}(-\d{2}){0,2}$"),
                     date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}(-\d{2}){0,2}$"),
                     type: str | None = Query(None, pattern=r"^[A-Za-z,]*$"),
                     limit: int = Query(100, ge=1), offset: int = Query(0, ge=0)):
        return views.timeline_data(_conn(request), entity=entity, q=q, date_from=date_from, date_to=date_to,
                                   types=type, limit=page_size(request, limit), offset=offset)

    @router.get("/entity/{key:path}", summary="An entity by key, name or alias")
    def api_entity(request: Request, key: str, limit: int = Query(20, ge=1), offset: int = Query(0, ge=0)):
        data = views.entity_data(_conn(request), key, page_size(request, limit), offset)
        if data is None:
            raise HTTPException(404, f"no entity '{key}'")
        return data

    @router.get("/figures", summary="Reported figures of a unit, by date and by source")
    def api_figures(request: Request, actor: str | None = Query(None, max_length=300),
                    target: str | None = Query(None, max_length=300),
                    unit: str | None = Query(None, max_length=100),
                    limit: int = Query(200, ge=1), offset: int = Query(0, ge=0)):
        return views.figures_data(_conn(request), actor=actor, target=target, unit=unit,
                                  limit=page_size(request, limit), offset=offset)

    @router.get("/documents/{doc_id}", summary="One stored article with its annotations")
    def api_document(request: Request, doc_id: str):
        data = views.document_data(_conn(request), doc_id)
        if data is None:
            raise HTTPException(404, f"no document '{doc_id}'")
        return data

    @router.post("/documents", status_code=201, summary="Store a contract record, or extract and store a text")
    def api_add_document(request: Request, body: dict = Body(...)):
        check_token(request)
        return add_document(request, body)

    return router


def check_token(request: Request) -> None:
    """Refuse a write unless writes are on and the Bearer token matches `api_token`."""
    token = request.app.state.options["api_token"]
    if not token:
        raise HTTPException(403, "writes are off (the api_token setting is empty)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid Bearer token is required", headers={"WWW-Authenticate": "Bearer"})


def add_document(request: Request, body: dict) -> dict:
    """Store `body`: a contract record (it has `schema`), or an article to extract first."""
    readers = request.app.state.readers
    if body.get("schema") is None:
        body = _extract(request, body)
    with readers.write_lock:
        try:
            status = readers.writer().add_record(body)
        except CronicaError as e:
            raise HTTPException(422, str(e)) from e
    return {"ok": True, "id": body["id"], "status": status}


def _extract(request: Request, body: dict) -> dict:
    from ..runner import extract
    if not isinstance(body.get("text"), str) or not body["text"].strip():
        raise HTTPException(422, "a record needs 'schema', an article needs 'text'")
    state = request.app.state
    with state.readers.write_lock:
        if getattr(state, "pipeline", None) is None:
            from ..pipeline import Pipeline
            state.pipeline = Pipeline(options=state.options)
    record = extract(body["text"], published=body.get("published"), lang=body.get("lang"),
                     title=body.get("title"), pipeline=state.pipeline)
    for field in ("id", "url", "source"):
        if body.get(field):
            record[field] = str(body[field])
    return record
