"""Network guards for the fetcher: connect only to checked addresses, within a deadline.

- DNS is asked once per hop: `Fetcher.check_url` resolves the host, checks every address,
  and pins the one to connect to. The connection goes to that address while the URL keeps
  its host name, so the Host header and TLS SNI / certificate checks are unchanged, and a
  DNS answer that changes between the check and the connection cannot reach another address.
- Each request has one deadline for connect, headers and body together: a server that
  dribbles its headers or body a byte at a time cannot hold the fetcher past it.
"""
from __future__ import annotations

import time

import httpcore
from httpcore._backends.sync import SyncBackend


class Deadline:
    """Seconds left until a moment, shared by every socket operation of one request."""

    def __init__(self):
        self.until: float | None = None

    def start(self, seconds: float) -> None:
        """Begin a request that must finish within `seconds`."""
        self.until = time.monotonic() + seconds

    def left(self, timeout: float | None, error=httpcore.ReadTimeout) -> float | None:
        """The smaller of `timeout` and the time left; raise `error` when none is left."""
        if self.until is None:
            return timeout
        remaining = self.until - time.monotonic()
        if remaining <= 0:
            raise error("the fetch deadline passed")
        return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    """A network stream whose every read and write stops at the request's deadline."""

    def __init__(self, stream, deadline: Deadline):
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        stream = self._stream.start_tls(ssl_context, server_hostname,
                                        self._deadline.left(timeout, httpcore.ConnectTimeout))
        return _Stream(stream, self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class PinnedBackend(SyncBackend):
    """Connects to the address pinned for a host (when one is), under a deadline."""

    def __init__(self, deadline: Deadline):
        self.deadline = deadline
        self.pins: dict[tuple[str, int], list[str]] = {}

    def pin(self, host: str, port: int, addresses: list[str]) -> None:
        """Connections to `host`:`port` go to one of `addresses` (tried IPv4 first) from now on."""
        self.pins[(host.lower(), port)] = sorted(addresses, key=lambda a: ":" in a)

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error = None
        for address in self.pins.get((host.lower(), port), [host]):
            try:
                stream = super().connect_tcp(address, port, self.deadline.left(timeout, httpcore.ConnectTimeout),
                                             local_address, socket_options)
            except httpcore.ConnectError as e:  # this address is unreachable: try the next checked one
                error = e
                continue
            return _Stream(stream, self.deadline)
        raise error


def guarded_transport(deadline: Deadline):
    """An httpx transport that connects through a PinnedBackend; returns (transport, backend)."""
    import httpx
    backend = PinnedBackend(deadline)
    transport = httpx.HTTPTransport()
    transport._pool._network_backend = backend  # httpcore's pool takes its backend from here
    return transport, backend
