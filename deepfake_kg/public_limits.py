"""The public endpoint's limits (each documented in SECURITY.md), the refusal a request meets when it breaks one,
and the per-client rate limiter."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicSettings:
    """The public endpoint's limits. Each is documented in SECURITY.md; the CLI flags can only change these."""

    timeout_seconds: float = 10.0  # hard: the answer is abandoned and Oxigraph's own limit stops the work
    max_rows: int = 10_000  # rows (or triples) returned at most; the answer says when it was cut
    max_request_bytes: int = 64 * 1024  # a POST body, and the query string of a GET
    max_query_chars: int = 20_000  # the guard's limit on the query text
    rate_per_minute: float = 60.0  # per client address (token bucket)
    burst: int = 20  # requests a client may make at once before the rate applies
    per_client_concurrency: int = 2  # queries one client may have running at once
    max_concurrency: int = 8  # queries running on Oxigraph at once, over all clients


class Refusal(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class RateLimiter:
    """A token bucket and an in-flight count per client address."""

    def __init__(self, settings: PublicSettings):
        self.settings = settings
        self.buckets: dict[str, tuple[float, float]] = {}
        self.running: dict[str, int] = {}

    def admit(self, client: str) -> None:
        rate, burst = self.settings.rate_per_minute / 60.0, self.settings.burst
        now = time.monotonic()
        tokens, last = self.buckets.get(client, (burst, now))
        tokens = min(burst, tokens + (now - last) * rate)
        if tokens < 1:
            wait = math.ceil((1 - tokens) / rate) if rate > 0 else 60
            raise Refusal(429, f"Too many requests from {client}: the limit is {self.settings.rate_per_minute:g} a "
                               f"minute (bursts of {burst}). Retry in {wait} s.", {"Retry-After": str(wait)})
        if self.running.get(client, 0) >= self.settings.per_client_concurrency:
            raise Refusal(429, f"{client} already has {self.settings.per_client_concurrency} queries running; "
                               "wait for one to finish.", {"Retry-After": "1"})
        self.buckets[client] = (tokens - 1, now)
        if len(self.buckets) > 100_000:  # forget the oldest clients rather than grow without bound
            for stale in sorted(self.buckets, key=lambda c: self.buckets[c][1])[:50_000]:
                del self.buckets[stale]

    def start(self, client: str) -> None:
        self.running[client] = self.running.get(client, 0) + 1

    def finish(self, client: str) -> None:
        left = self.running.get(client, 1) - 1
        if left:
            self.running[client] = left
        else:
            self.running.pop(client, None)

