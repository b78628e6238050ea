"""The web application: HTTP API under /api, server-rendered pages with `.json` twins, static files.

`make_app(options)` builds it over the store at `options["db_path"]`; `serve(options)` runs it
with uvicorn on `serve_host:serve_port` (loopback unless told otherwise).
"""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.templating import Jinja2Templates

from ..store.sqlite import connect, open_store
from .api import make_api_router
from .errors import install_error_handlers
from .filters import install_filters
from .limits import BodyLimit
from .pages import make_page_router

WEB = Path(__file__).resolve().parent


class Readers:
    """One read-only connection per server thread, plus one writer behind a lock."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self.write_lock = threading.Lock()
        self._writer = None

    def conn(self):
        """This thread's read-only connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path, readonly=True)
        return conn

    def writer(self):
        """The store to write through (opened on first write); use under `write_lock`."""
        if self._writer is None:
            self._writer = open_store(self.path)
        return self._writer


def make_app(options) -> FastAPI:
    """Build the application over the store named by `options["db_path"]` (created if missing).

    Args:
        options: resolved settings (db_path, api_token, api_max_page_size, api_max_body_bytes).
    Returns:
        the FastAPI application.
    """
    if str(options["db_path"]).startswith(("postgresql://", "postgres://")):  # a server store
        from ..store.postgres import PgReaders
        readers = PgReaders(options["db_path"])
    else:
        open_store(options["db_path"]).close()  # create and migrate before read-only readers open it
        readers = Readers(options["db_path"])
    app = FastAPI(title="cronica", version="1", description="A source-attributed chronicle of events.",
                  docs_url=None, redoc_url=None)  # their pages load scripts from a CDN; the schema stays
    app.state.options = options
    app.state.readers = readers
    app.state.templates = Jinja2Templates(directory=str(WEB / "templates"))
    install_filters(app.state.templates.env)
    app.state.static = {p.name: p for p in (WEB / "static").iterdir() if p.is_file()}
    install_error_handlers(app)
    app.include_router(make_api_router())
    app.include_router(make_page_router())
    app.add_middleware(BodyLimit, max_bytes=options["api_max_body_bytes"])
    return app


def serve(options) -> None:
    """Run the application with uvicorn until interrupted."""
    import uvicorn
    uvicorn.run(make_app(options), host=options["serve_host"], port=options["serve_port"],
                log_level="warning", access_log=False)
