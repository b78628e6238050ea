"""Fetch pages and feeds over HTTP(S) politely and safely, for `cronica ingest URL`.

- only `http` and `https`; a User-Agent naming cronica; a timeout on every request;
- the body is streamed and cut at `fetch_max_bytes`;
- redirects are followed by hand (at most `MAX_REDIRECTS`), and every hop's host is
  resolved once and refused when any of its addresses is loopback, private, link-local or
  otherwise not public, unless `fetch_allow_private` is set; the connection then goes to
  the checked address (see `netguard`), so DNS cannot answer differently in between;
- `fetch_timeout_s` bounds a whole request (connect, headers and body), not one read;
- at least `fetch_delay_s` between two requests to one host;
- conditional GET: ETag / Last-Modified are kept in a small JSON cache file, and an
  unchanged page comes back as `not_modified` without a body.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..model import Article

log = logging.getLogger("cronica")

USER_AGENT = "cronica/0.1"
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class FetchResult:
    """One fetched resource."""

    url: str
    status: int
    content: bytes | None = None
    content_type: str | None = None
    not_modified: bool = False
    headers: dict = field(default_factory=dict)


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def is_public_address(address: str) -> bool:
    """True for a global unicast address (not loopback, private, link-local, reserved...).

    Args:
        address: an IPv4 or IPv6 address as text.
    Returns:
        whether fetching from it may leave the local network only.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified) and ip.is_global


class CacheFile:
    """ETag / Last-Modified validators by URL, in one JSON file."""

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path else None
        self.entries: dict[str, dict] = {}
        if self.path and self.path.is_file():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as e:
                log.warning("fetch cache %s unreadable (%s); starting empty", self.path, e)

    def headers_for(self, url: str) -> dict:
        """Conditional request headers for `url` (empty when nothing is cached)."""
        entry = self.entries.get(url) or {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def remember(self, url: str, headers) -> None:
        """Keep the validators a 200 response sent, and save the file."""
        entry = {"etag": headers.get("etag"), "last_modified": headers.get("last-modified")}
        if not self.path or not any(entry.values()):
            return
        self.entries[url] = entry
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.entries, ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(self.path)


class Fetcher:
    """Fetches URLs under cronica's rules; reuse one for a batch (it keeps per-host timing)."""

    def __init__(self, options, *, cache_path: str | Path | None = None, transport=None,
                 resolve: Callable[[str, int], list[str]] = _resolve,
                 sleep: Callable[[float], None] = time.sleep, allow: tuple = ()):
        """Args:
            options: settings (fetch_timeout_s, fetch_max_bytes, fetch_delay_s, fetch_allow_private).
            cache_path: JSON file for conditional GET validators (None: no cache).
            transport: an httpx transport (tests pass a MockTransport).
            resolve: host, port -> addresses (tests may replace DNS).
            sleep: the pause function used for the per-host delay.
            allow: (address, port) pairs accepted although not public (tests' local servers).
        """
        import httpx
        from .netguard import Deadline, guarded_transport
        self.options = options
        self.cache = CacheFile(cache_path)
        self._resolve, self._sleep, self._allow = resolve, sleep, set(allow)
        self._last: dict[str, float] = {}
        self.deadline, self._backend = Deadline(), None
        if transport is None:
            transport, self._backend = guarded_transport(self.deadline)
        # trust_env off: a proxy from the environment would connect to unchecked addresses
        self.client = httpx.Client(timeout=options["fetch_timeout_s"], follow_redirects=False, trust_env=False,
                                   headers={"User-Agent": USER_AGENT}, transport=transport)

    def close(self) -> None:
        """Close the HTTP connections."""
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def check_url(self, url: str) -> None:
        """Raise E114 unless `url` is http(s) on a host cronica may fetch from.

        Args:
            url: an absolute URL (one hop of a redirect chain).
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError("E114", input=url, reason="only http and https URLs are fetched")
        if self.options["fetch_allow_private"]:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self._resolve(parts.hostname, port)
        except (socket.gaierror, UnicodeError, OSError, ValueError) as e:
            raise InputError("E114", input=url, reason=f"host not found ({e})") from e
        if not addresses:
            raise InputError("E114", input=url, reason="host not found")
        for address in addresses:
            if not is_public_address(address) and (address, port) not in self._allow:
                raise InputError("E114", input=url, reason=f"address {address} is not public "
                                 "(set fetch_allow_private to allow it)")
        if self._backend is not None:
            self._backend.pin(parts.hostname, port, addresses)

    def _wait_for(self, host: str) -> None:
        delay = self.options["fetch_delay_s"]
        last = self._last.get(host)
        if last is not None and delay > 0:
            remaining = delay - (time.monotonic() - last)
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = time.monotonic()

    def _get(self, url: str, headers: dict):
        """One request (no redirect following); returns (response, body or None)."""
        import httpx
        limit = self.options["fetch_max_bytes"]
        self._wait_for(urlsplit(url).hostname or "")
        self.deadline.start(self.options["fetch_timeout_s"])
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code != 200:
                    return response, None
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise InputError("E114", input=url, reason=f"larger than {limit} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise InputError("E114", input=url, reason=f"larger than {limit} bytes")
                return response, bytes(body)
        except (httpx.HTTPError, httpx.InvalidURL) as e:
            raise InputError("E114", input=url, reason=f"{type(e).__name__}: {e}") from e
        finally:
            self.deadline.until = None

    def fetch(self, url: str) -> FetchResult:
        """GET `url`, following redirects under the same checks as the first hop.

        Args:
            url: an http(s) URL.
        Returns:
            FetchResult (content None and not_modified True for a 304).
        """
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.check_url(current)
            response, body = self._get(current, self.cache.headers_for(current))
            status = response.status_code
            if status in _REDIRECTS and response.headers.get("location"):
                current = urljoin(current, response.headers["location"])
                continue
            if status == 304:
                return FetchResult(url=current, status=304, not_modified=True, headers=dict(response.headers))
            if status != 200:
                raise InputError("E114", input=url, reason=f"HTTP {status}")
            self.cache.remember(current, response.headers)
            return FetchResult(url=current, status=200, content=body,
                               content_type=response.headers.get("content-type"), headers=dict(response.headers))
        raise InputError("E114", input=url, reason=f"more than {MAX_REDIRECTS} redirects")


def _page(result: FetchResult, data: bytes, name: str, options) -> Article | InputError:
    """An HTML page, decoded by the charset the server declared (else the page's own)."""
    from .decode import charset_from_content_type, decode_text
    from .html import article_from_html, declared_charset
    try:
        declared = charset_from_content_type(result.content_type or "") or declared_charset(data)
        return article_from_html(decode_text(data, name, declared=declared), name, options, url=result.url)
    except InputError as e:
        return e


def read_url(url: str, options, *, fetcher: Fetcher | None = None) -> Iterator[Article | InputError]:
    """Fetch one URL and read it like a file: a page, a feed, a WARC or JSON Lines.

    Args:
        url: an http(s) URL.
        options: settings.
        fetcher: a Fetcher to reuse (one is made, and closed, otherwise).
    Returns:
        iterator of Article or InputError (nothing when the page is unchanged since the last fetch).
    """
    from .detect import decompress, detect_format
    from .readers import READERS
    own = fetcher is None
    fetcher = fetcher or Fetcher(options)
    try:
        result = fetcher.fetch(url)
        if result.not_modified:
            log.info("%s: not modified since the last fetch", url)
            return
        data = decompress(result.content or b"", url, options)
        fmt = detect_format(data, url)
        items = [_page(result, data, url, options)] if fmt == "html" else READERS[fmt](data, url, options)
        for item in items:
            if isinstance(item, Article) and not item.url:
                item.url = result.url
            yield item
    except InputError as e:
        yield e
    finally:
        if own:
            fetcher.close()
