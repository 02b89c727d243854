"""Refuse an upload from its headers, before waitress receives its body.

Waitress reads a whole request body (up to its body limit, into a temporary
file when large) before it calls the app, so the app's own token check comes
after a stranger's 200 MB have been received and stored. This gate runs in
waitress's request parser instead: as soon as the headers of a write to
``/api/articles`` are in, a request without the token is answered 401 (403 when
uploads are off), its body is never read and the connection is closed.
A refused upload that is also too large gets the 401: whoever has no token
need not know the size limit. Everything else, the token check in the app
included, works as before.
"""

from __future__ import annotations

from http import HTTPStatus

from waitress.channel import HTTPChannel
from waitress.utilities import Error, RequestEntityTooLarge

from web.uploads import token_refusal

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
UPLOAD_PATH = "/api/articles"


class RefusedBeforeBody(Error):
    """A request answered from its headers alone: the status, the message, and its headers."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.reason = HTTPStatus(code).phrase
        self.message = message
        self.headers = [("WWW-Authenticate", "Bearer")] if code == HTTPStatus.UNAUTHORIZED else []


def gated_channel(channel_class: type[HTTPChannel], token: str | None) -> type[HTTPChannel]:
    """``channel_class`` with a parser that refuses writes lacking ``token`` before their body.

    The channel's error task answers the refusal; it should send
    ``RefusedBeforeBody.message`` and ``.headers`` (see ``web.server``).
    """

    class GatedParser(channel_class.parser_class):  # type: ignore[name-defined,misc]
        _gate_checked = False

        def received(self, data: bytes) -> int:
            consumed = super().received(data)
            if self.headers_finished and not self._gate_checked:
                self._gate_checked = True
                refusal = self._refusal()
                if refusal is not None:
                    self.error = refusal
                    self.completed = True
                    self.expect_continue = False  # no "100 Continue": the body is not wanted
            return consumed

        def _refusal(self) -> RefusedBeforeBody | None:
            if self.error is not None and not isinstance(self.error, RequestEntityTooLarge):
                return None  # a malformed request: waitress's own answer stands
            is_upload = self.path == UPLOAD_PATH or self.path.startswith(f"{UPLOAD_PATH}/")
            if self.command not in WRITE_METHODS or not is_upload:
                return None
            refusal = token_refusal(token, self.headers.get("AUTHORIZATION", ""))
            return None if refusal is None else RefusedBeforeBody(*refusal)

    class GatedChannel(channel_class):  # type: ignore[valid-type,misc]
        parser_class = GatedParser

    return GatedChannel
