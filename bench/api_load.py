"""Load test of the HTTP API: N concurrent clients x M requests against `cronica serve` on loopback.

    python -m bench.api_load --db cronica.db [--clients 50] [--requests 20]

The server runs in its own process; clients are threads of this one. Prints p50, p95,
max latency and the error count per endpoint kind, and in total.
"""
from __future__ import annotations

import argparse
import contextlib
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

def default_paths(db: str) -> tuple[str, ...]:
    """URLs over what `db` holds: its most linked entity, its commonest unit and title word."""
    from urllib.parse import quote
    from cronica.store.sqlite import connect
    conn = connect(db, readonly=True)
    row = conn.execute("SELECT key, COUNT(*) FROM event_entities GROUP BY key ORDER BY 2 DESC LIMIT 1").fetchone()
    key = row[0] if row else "country:RUS"
    row = conn.execute("SELECT unit_norm, COUNT(*) FROM quantities GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()
    unit = row[0] if row and row[0] else "troops"
    title = (conn.execute("SELECT title FROM documents WHERE title IS NOT NULL LIMIT 1").fetchone() or ["news"])[0]
    word = quote(max(title.split(), key=len))
    conn.close()
    return (f"/api/search?q={word}", f"/api/timeline?entity={quote(key)}", f"/api/entity/{quote(key)}",
            f"/api/figures?unit={quote(unit)}", f"/search?q={word}", f"/timeline?entity={quote(key)}")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db: str, *, port: int | None = None, timeout_s: float = 30.0):
    """Run `cronica serve` over `db` on a loopback port; yield its base URL."""
    port = port or free_port()
    process = subprocess.Popen([sys.executable, "-m", "cronica.cli", "serve", "--db", str(db),
                                "--setting", "serve_port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                urllib.request.urlopen(base + "/static/cronica.css", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("cronica serve did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _client(base: str, paths, n_requests: int, offset: int, results: list) -> None:
    import httpx
    with httpx.Client(base_url=base, timeout=30.0) as http:
        for i in range(n_requests):
            path = paths[(offset + i) % len(paths)]
            started = time.perf_counter()
            try:
                ok = http.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            results.append((path.split("?")[0], time.perf_counter() - started, ok))


def run_load(base: str, *, clients: int, requests: int, paths: tuple[str, ...]) -> dict:
    """Fire `clients` threads of `requests` GETs each; return latencies and errors.

    Args:
        base: server URL.
        clients: concurrent clients.
        requests: requests per client.
        paths: URLs to cycle through.
    Returns:
        {"requests", "errors", "p50_ms", "p95_ms", "max_ms", "by_path": {path: {...}}}.
    """
    results: list = []
    threads = [threading.Thread(target=_client, args=(base, paths, requests, n, results)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary = _summary(results)
    summary["wall_s"] = round(time.perf_counter() - started, 2)
    summary["by_path"] = {path: _summary([r for r in results if r[0] == path])
                          for path in sorted({r[0] for r in results})}
    return summary


def _summary(results: list) -> dict:
    times = sorted(r[1] * 1000 for r in results)
    if not times:
        return {"requests": 0, "errors": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"requests": len(times), "errors": sum(1 for r in results if not r[2]),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1), "max_ms": round(times[-1], 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="store to serve")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="requests per client")
    args = parser.parse_args(argv)
    with running_server(args.db) as base:
        summary = run_load(base, clients=args.clients, requests=args.requests, paths=default_paths(args.db))
    print(f"{'endpoint':28} {'n':>6} {'err':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for path, s in [*summary["by_path"].items(), ("total", summary)]:
        print(f"{path:28} {s['requests']:6} {s['errors']:5} {s['p50_ms']:8} {s['p95_ms']:8} {s['max_ms']:8}")
    print(f"{args.clients} clients x {args.requests} requests in {summary['wall_s']} s")
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
