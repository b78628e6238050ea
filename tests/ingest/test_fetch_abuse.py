"""Fetching from servers that misbehave: slow headers, endless bodies, redirect tricks, DNS rebinding."""
from __future__ import annotations

import gzip
import json
import socketserver
import threading
import time

import pytest

from cronica.errors import InputError
from cronica.ingest.fetch import Fetcher, _resolve


def _respond(handler, page: bytes) -> None:
    """Route one request of the misbehaving server."""
    path = handler.rfile.readline().split()[1].decode()
    while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
        pass
    handler.server.seen.append(path)
    send = handler.wfile.write
    if path == "/slow-headers":
        send(b"HTTP/1.1 200 OK\r\n")
        for _ in range(100):  # one header byte every 0.2 s, for 20 s
            send(b"X")
            time.sleep(0.2)
    elif path == "/endless":
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>")
        for _ in range(100_000):
            send(b"El Gobierno anuncia nuevas medidas. " * 100)
    elif path.startswith(("/to/", "/chain/", "/loop")):
        target = path[4:] if path.startswith("/to/") else "/loop"
        if path.startswith("/chain/"):
            target = f"/chain/{int(path.rsplit('/', 1)[1]) + 1}"
        send(f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode())
    else:
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             + f"Content-Length: {len(page)}\r\nConnection: close\r\n\r\n".encode() + page)


def _serve(page: bytes):
    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            try:
                _respond(self, page)
            except (BrokenPipeError, ConnectionResetError, IndexError):
                pass  # the fetcher hung up: that is the point

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads, server.seen = True, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers(shared_data):
    """Two local servers: the misbehaving one, and a bystander that must never be reached."""
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        record = json.loads(f.readline())
    page = gzip.decompress((shared_data / "news" / record["file"]).read_bytes())
    main, bystander = _serve(page), _serve(page)
    yield main, bystander
    for server in (main, bystander):
        server.shutdown()
        server.server_close()


def _fetcher(options, server, **settings):
    """A fetcher with the default private-address rule, allowing only `server`'s own port on loopback.

    The host name `news.example` resolves (in this fetcher only) to 127.0.0.1, so it plays
    a public site; every other name goes to the system resolver.
    """
    port = server.server_address[1]
    calls = []

    def resolve(host, port_):
        calls.append(host)
        return ["127.0.0.1"] if host == "news.example" else _resolve(host, port_)
    fetcher = Fetcher(dict(options, fetch_delay_s=0.0, **settings), resolve=resolve, allow=[("127.0.0.1", port)])
    return fetcher, f"http://news.example:{port}", calls


def test_fetch_abuse_slow_headers_hit_the_deadline(servers, options):
    main, _ = servers
    fetcher, base, _ = _fetcher(options, main, fetch_timeout_s=1.0)
    started = time.monotonic()
    with fetcher, pytest.raises(InputError) as info:
        fetcher.fetch(base + "/slow-headers")
    assert info.value.code == "E114" and "Timeout" in str(info.value)
    assert time.monotonic() - started < 3.0


def test_fetch_abuse_endless_body_is_cut_at_the_cap(servers, options):
    main, _ = servers
    fetcher, base, _ = _fetcher(options, main, fetch_max_bytes=300_000)
    started = time.monotonic()
    with fetcher, pytest.raises(InputError) as info:
        fetcher.fetch(base + "/endless")
    assert "larger than 300000 bytes" in str(info.value) and time.monotonic() - started < 5.0


@pytest.mark.parametrize("path", ["/loop", "/chain/1"])
def test_fetch_abuse_redirect_loops_stop(servers, options, path):
    main, _ = servers
    fetcher, base, _ = _fetcher(options, main)
    before = len(main.seen)
    with fetcher, pytest.raises(InputError) as info:
        fetcher.fetch(base + path)
    assert "more than 5 redirects" in str(info.value) and len(main.seen) - before == 6


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin",
                                    "http://127.0.0.1:{bystander}/page"])
def test_fetch_abuse_redirect_to_private_is_refused(servers, options, target):
    main, bystander = servers
    target = target.format(bystander=bystander.server_address[1])
    fetcher, base, _ = _fetcher(options, main)
    with fetcher:
        assert fetcher.fetch(base + "/page").status == 200  # the first hop itself is allowed
        with pytest.raises(InputError) as info:
            fetcher.fetch(f"{base}/to/{target}")
    address = target.split("//")[1].split(":")[0].split("/")[0]
    assert f"address {address} is not public" in str(info.value)
    assert bystander.seen == []


def test_fetch_abuse_connects_to_the_checked_address(servers, options):
    """`news.example` is unknown to real DNS: the page arrives only because the connection
    goes to the address checked for it, and the name is resolved once per hop."""
    main, _ = servers
    fetcher, base, calls = _fetcher(options, main)
    with fetcher:
        result = fetcher.fetch(base + "/page")
    assert result.status == 200 and b"<html" in result.content.lower()
    assert calls == ["news.example"]


def test_fetch_abuse_rebinding_answer_is_never_used(servers, options):
    """A resolver whose second answer is private: the fetcher never asks twice for one hop."""
    main, _ = servers
    port = main.server_address[1]
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])
    fetcher = Fetcher(dict(options, fetch_delay_s=0.0), resolve=lambda host, port_: next(answers),
                      allow=[("127.0.0.1", port)])
    with fetcher:
        assert fetcher.fetch(f"http://rebind.example:{port}/page").status == 200
    assert next(answers) == ["10.0.0.1"]  # still unused


def test_fetch_abuse_unreachable_checked_address_falls_to_the_next(servers, options):
    """A host with several checked addresses: one that refuses connections is skipped."""
    main, _ = servers
    port = main.server_address[1]
    fetcher = Fetcher(dict(options, fetch_delay_s=0.0), resolve=lambda host, port_: ["127.0.0.2", "127.0.0.1"],
                      allow=[("127.0.0.1", port), ("127.0.0.2", port)])
    with fetcher:
        assert fetcher.fetch(f"http://two.example:{port}/page").status == 200
