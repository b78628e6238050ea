"""Fetching: a local server the test starts, the private-address rule, caps and conditional GET."""
from __future__ import annotations

import gzip
import http.server
import json
import threading

import httpx
import pytest

from cronica.errors import InputError
from cronica.ingest.fetch import Fetcher, is_public_address, read_url
from cronica.model import Article

PAGE_ID = "es-fundus-es-ElMundo_2024_12_02"


@pytest.fixture(scope="module")
def page(shared_data):
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        record = next(r for r in map(json.loads, f) if r["id"] == PAGE_ID)
    return record, gzip.decompress((shared_data / "news" / record["file"]).read_bytes())


@pytest.fixture(scope="module")
def server(page, shared_data):
    """A local HTTP server: /page (with ETag), /feed, /hop (redirects to /page), /loop, /big."""
    _, html = page
    feed = (shared_data / "news" / "rss" / "es-elmundo.xml").read_bytes()
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            seen.append((self.path, dict(self.headers)))
            if self.path == "/page" and self.headers.get("If-None-Match") == '"v1"':
                return self._send(304, b"", {})
            routes = {"/page": (200, html, {"ETag": '"v1"', "Content-Type": "text/html; charset=utf-8"}),
                      "/feed": (200, feed, {"Content-Type": "application/rss+xml"}),
                      "/hop": (302, b"", {"Location": "/page"}),
                      "/loop": (302, b"", {"Location": "/loop"}),
                      "/big": (200, b"<p>" + b"x" * 300_000 + b"</p>", {"Content-Type": "text/html"})}
            self._send(*routes.get(self.path, (404, b"", {})))

        def _send(self, status, body, headers):
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def local(options):
    """Options allowing the loopback server, without per-host delay."""
    return dict(options, fetch_allow_private=True, fetch_delay_s=0.0)


def test_fetch_page_becomes_an_article(server, page, local):
    base, seen = server
    record, _ = page
    items = list(read_url(base + "/hop", local))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].title == record["title"] and items[0].url == base + "/page"
    assert seen[-1][1]["User-Agent"] == "cronica/0.1"


def test_fetch_feed_becomes_articles(server, local):
    base, _ = server
    items = list(read_url(base + "/feed", local))
    assert len(items) == 30 and all(isinstance(i, Article) for i in items)
    assert items[0].input_name == base + "/feed#1"


@pytest.mark.parametrize("path", ["/page", "/feed"])
def test_fetch_default_refuses_loopback(server, options, path):
    base, _ = server
    items = list(read_url(base + path, options))
    assert len(items) == 1 and items[0].code == "E114" and "127.0.0.1" in str(items[0])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.html", "gopher://x/"])
def test_fetch_only_http_and_https(local, url):
    items = list(read_url(url, local))
    assert len(items) == 1 and items[0].code == "E114"


def test_fetch_redirect_hops_are_checked(options):
    """A public host that redirects to a private address is refused at the second hop."""
    def handler(request):
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://10.0.0.7/admin"})
        return httpx.Response(200, text="<html><body><p>secreto</p></body></html>")
    resolve = {"news.example": ["93.184.216.34"], "10.0.0.7": ["10.0.0.7"]}
    fetcher = Fetcher(dict(options, fetch_delay_s=0.0), transport=httpx.MockTransport(handler),
                      resolve=lambda host, port: resolve[host])
    with pytest.raises(InputError) as info:
        fetcher.fetch("http://news.example/story")
    assert "10.0.0.7" in str(info.value)


def test_fetch_redirect_limit(server, local):
    base, _ = server
    with Fetcher(local) as fetcher, pytest.raises(InputError) as info:
        fetcher.fetch(base + "/loop")
    assert "redirects" in str(info.value)


def test_fetch_size_cap(server, local):
    base, _ = server
    items = list(read_url(base + "/big", dict(local, fetch_max_bytes=100_000)))
    assert len(items) == 1 and items[0].code == "E114" and "100000" in str(items[0])


def test_fetch_conditional_get_uses_the_cache_file(server, local, tmp_path):
    base, seen = server
    cache = tmp_path / "fetch-cache.json"
    with Fetcher(local, cache_path=cache) as fetcher:
        first = fetcher.fetch(base + "/page")
    assert first.status == 200 and json.loads(cache.read_text())[base + "/page"]["etag"] == '"v1"'
    with Fetcher(local, cache_path=cache) as fetcher:
        again = fetcher.fetch(base + "/page")
        assert list(read_url(base + "/page", local, fetcher=fetcher)) == []
    assert again.not_modified and again.content is None
    assert seen[-1][1]["If-None-Match"] == '"v1"'


def test_fetch_waits_between_requests_to_one_host(server, local):
    base, _ = server
    pauses = []
    with Fetcher(dict(local, fetch_delay_s=5.0), sleep=pauses.append) as fetcher:
        fetcher.fetch(base + "/page")
        fetcher.fetch(base + "/page")
    assert len(pauses) == 1 and 4.0 < pauses[0] <= 5.0


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False), ("169.254.169.254", False),
    ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False),
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True)])
def test_fetch_public_addresses(address, public):
    assert is_public_address(address) is public


def test_fetch_urls_in_read_inputs(server, local, options, shared_data):
    from cronica.ingest import read_inputs
    base, _ = server
    feed = str(shared_data / "news" / "rss" / "en-bbc.xml")
    items = list(read_inputs([base + "/page", feed], local))
    assert isinstance(items[0], Article) and items[0].url == base + "/page" and len(items) == 39
    refused = list(read_inputs([base + "/page", feed], options))
    assert refused[0].code == "E114" and len(refused) == 39


def test_fetch_cache_setting_skips_unchanged_pages(server, local, tmp_path):
    from cronica.ingest import read_inputs
    base, _ = server
    cached = dict(local, fetch_cache_path=str(tmp_path / "cache.json"))
    assert len(list(read_inputs([base + "/page"], cached))) == 1
    assert list(read_inputs([base + "/page"], cached)) == []  # 304: nothing new to read
