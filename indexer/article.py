"""The article record that every input format is turned into.

One shape for all inputs keeps the index writer ignorant of file formats: a
``.txt`` page, an HTML file and a line of JSONL all arrive as an ``Article``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article, cleaned of page boilerplate and ready to index.

    ``id`` is stable across runs (derived from where the article came from, not
    from its content), so re-indexing a changed file updates it in place.
    ``content_hash`` is derived from the content, so an unchanged article is
    recognised and left alone.
    """

    id: str
    path: str
    title: str
    body: str
    lang: str
    source: str = ""
    url: str = ""
    date: date | None = None
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", self.compute_hash())

    def compute_hash(self) -> str:
        """Hash everything that ends up in the index, so any visible change is seen."""
        parts = (
            self.title,
            self.body,
            self.lang,
            self.source,
            self.url,
            self.date.isoformat() if self.date else "",
        )
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be indexed, with a reason a user can act on."""

    path: str
    reason: str


def article_id(path: str, part: str = "") -> str:
    """A stable id from an article's origin: its file path, plus its place in the file.

    ``part`` tells apart the articles of one JSON or JSONL file (for example
    ``"line 3"``); it is empty for one-article files.
    """
    key = path if not part else f"{path}#{part}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
