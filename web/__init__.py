"""Bahith's web interface: a search page, article pages and a JSON API over one index.

``create_app`` builds the Flask application; ``web.server.serve`` runs it with
waitress for ``bahith serve``.
"""

from web.app import create_app

__all__ = ["create_app"]
