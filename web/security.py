"""Security headers on every response, and which article links may be followed.

Article text comes from arbitrary files and web pages, so the pages must stay
safe even if escaping were ever missed somewhere: the Content-Security-Policy
allows no inline script, no inline style and nothing from another origin, and
the page cannot be framed. Links to an article's original URL are only made
for http and https addresses, never ``javascript:`` or ``data:``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def link_url(url: str) -> str | None:
    """``url`` if it is an http or https address with a host, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def init_app(app: Flask) -> None:
    """Add the security headers to every response, errors included."""

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.jinja_env.filters["link_url"] = link_url
