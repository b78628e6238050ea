"""Server-rendered pages; each has a `.json` twin with the same data."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse

from . import views
from .api import page_size
from .charts import figures_svg, timeline_svg

_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png"}


def _render(request: Request, template: str, data: dict, json_twin: bool, **extra):
    if json_twin:
        return JSONResponse(data)
    return request.app.state.templates.TemplateResponse(request, template, {"data": data, **extra})


def _split_json(name: str) -> tuple[str, bool]:
    return (name[:-5], True) if name.endswith(".json") else (name, False)


def make_page_router() -> APIRouter:
    """Routes of the web pages and static files."""
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    @router.get("/search")
    @router.get("/search.json")
    def search_page(request: Request, q: str = Query("", max_length=500), limit: int = Query(20, ge=1),
                    offset: int = Query(0, ge=0)):
        conn = request.app.state.readers.conn()
        data = views.search_data(conn, q, page_size(request, limit), offset)
        return _render(request, "search.html", data, request.url.path.endswith(".json"))

    @router.get("/timeline")
    @router.get("/timeline.json")
    def timeline_page(request: Request, entity: str = Query("", max_length=300), q: str = Query("", max_length=500),
                      date_from: str = Query("", alias="from", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                      date_to: str = Query("", alias="to", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                      type: str = Query("", pattern=r"^[A-Za-z,]*$"),
                      limit: int = Query(200, ge=1), offset: int = Query(0, ge=0)):
        conn = request.app.state.readers.conn()
        data = views.timeline_data(conn, entity=entity, q=q, date_from=date_from, date_to=date_to,
                                   types=type, limit=page_size(request, limit), offset=offset)
        return _render(request, "timeline.html", data, request.url.path.endswith(".json"),
                       chart=timeline_svg(data["stories"]))

    @router.get("/entity/{key:path}")
    def entity_page(request: Request, key: str, limit: int = Query(20, ge=1), offset: int = Query(0, ge=0)):
        key, as_json = _split_json(key)
        data = views.entity_data(request.app.state.readers.conn(), key, page_size(request, limit), offset)
        if data is None:
            raise HTTPException(404, f"no entity '{key}'")
        return _render(request, "entity.html", data, as_json)

    @router.get("/documents/{doc_id:path}")
    def document_page(request: Request, doc_id: str):
        doc_id, as_json = _split_json(doc_id)
        data = views.document_data(request.app.state.readers.conn(), doc_id)
        if data is None:
            raise HTTPException(404, f"no document '{doc_id}'")
        return _render(request, "document.html", data, as_json)

    @router.get("/figures")
    @router.get("/figures.json")
    def figures_page(request: Request, actor: str = Query("", max_length=300),
                     target: str = Query("", max_length=300), unit: str = Query("", max_length=100),
                     limit: int = Query(200, ge=1), offset: int = Query(0, ge=0)):
        conn = request.app.state.readers.conn()
        data = views.figures_data(conn, actor=actor, target=target, unit=unit,
                                  limit=page_size(request, limit), offset=offset)
        return _render(request, "figures.html", data, request.url.path.endswith(".json"),
                       chart=figures_svg(data["figures"]))

    @router.get("/static/{name}")
    def static_file(request: Request, name: str):
        path = request.app.state.static.get(name)  # only files listed at start: no path traversal
        if path is None:
            raise HTTPException(404, f"no static file '{name}'")
        return FileResponse(path, media_type=_TYPES.get(path.suffix, "application/octet-stream"))

    return router
