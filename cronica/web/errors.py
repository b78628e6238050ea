"""The one error shape of the HTTP API and pages: {ok: false, error, errors, status}."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CronicaError

log = logging.getLogger("cronica.web")


def error_body(status: int, error: str, errors: list | None = None) -> dict:
    """The error shape every failing request answers with.

    Args:
        status: the HTTP status.
        error: one line saying what went wrong.
        errors: details (one per invalid field), possibly empty.
    Returns:
        {"ok": False, "error", "errors", "status"}.
    """
    return {"ok": False, "error": error, "errors": errors or [], "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return (not path.startswith("/api/") and not path.endswith(".json")
            and "text/html" in request.headers.get("accept", ""))


def error_response(request: Request | None, status: int, error: str, errors: list | None = None,
                   headers: dict | None = None):
    """Answer with the error shape: JSON, or the error page for a browser asking for HTML."""
    body = error_body(status, error, errors)
    if request is not None and _wants_html(request):
        templates = request.app.state.templates
        html = templates.get_template("error.html").render(request=request, error=body)
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_errors(exc: RequestValidationError) -> list[dict]:
    return [{"field": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", ""),
             "type": e.get("type", "")} for e in exc.errors()]


async def handle_error(request: Request, exc: Exception):
    """The one handler: HTTP errors, validation errors, cronica errors and bugs."""
    if isinstance(exc, RequestValidationError):
        return error_response(request, 422, "invalid request", _validation_errors(exc))
    if isinstance(exc, StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))
    if isinstance(exc, CronicaError):
        return error_response(request, 400, str(exc))
    log.exception("unexpected error on %s", request.url.path)
    return error_response(request, 500, "internal error")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through `handle_error`."""
    for kind in (RequestValidationError, StarletteHTTPException, CronicaError, Exception):
        app.add_exception_handler(kind, handle_error)
