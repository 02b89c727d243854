"""The documents of the relevance set: every seed paragraph and every distractor article.

A seed paragraph is one document (``bench.evalindex`` cuts and numbers them), since the seeds
are about one story and only a paragraph can be judged on or off a need. A distractor is one
document as a whole article, headline and body, since that is how a news archive holds it and
how its scattered words compete with a focused paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bench.evalindex import seed_paragraphs
from indexer.ingest.language import detect_language
from indexer.store import open_index

DISTRACTORS_DIR = Path(__file__).resolve().parent / "distractors"
"""One folder per language; each ``.txt`` file is one article, its stem is its document id."""


@dataclass(frozen=True)
class Document:
    """One judged unit: its id as the judgments cite it, headline (may be empty), body, language."""

    id: str
    title: str
    body: str
    lang: str
    date: date | None = None

    @property
    def text(self) -> str:
        """Headline and body as one text, for systems that index a single field."""
        return f"{self.title}\n{self.body}" if self.title else self.body


def read_distractor(path: Path) -> Document:
    """A distractor file: headline on line 1, ISO date on line 2, then one paragraph a line.

    The language is detected from the text, as Bahith does for any article, so the few French
    articles quoting Arabic names are filed by the script they are mostly written in.
    """
    title, day, body = [*path.read_text(encoding="utf-8").split("\n", 2), "", ""][:3]
    try:
        when = date.fromisoformat(day.strip())
    except ValueError as error:
        raise ValueError(f"distractor {path.name}: line 2 must be an ISO date, not {day!r}") from error
    title, body = title.strip(), "\n".join(line.strip() for line in body.splitlines() if line.strip())
    return Document(path.stem, title, body, detect_language(f"{title}\n{body}"), when)


def distractor_articles(folder: Path = DISTRACTORS_DIR) -> list[Document]:
    """Every distractor article under ``folder``, in the order of their ids."""
    return sorted((read_distractor(path) for path in folder.glob("*/*.txt")), key=lambda doc: doc.id)


def relevance_documents() -> list[Document]:
    """The seed paragraphs (headline-less, ids ``<seed>:<n>``) followed by the distractors."""
    seeds = [Document(doc.id, "", doc.body, doc.lang) for doc in seed_paragraphs()]
    return seeds + distractor_articles()


def build_bahith_index(index_dir: Path, docs: Sequence[Document]) -> None:
    """Index ``docs`` through Bahith's own schema and analyzer, headline in its title field.

    The title field is Bahith's: a user's articles go in with their headline there, so the
    ranking measured is the one a user gets.
    """
    writer = open_index(index_dir, create=True).writer()
    for doc in docs:
        when = datetime.combine(doc.date, datetime.min.time()) if doc.date else None
        writer.add_document(id=doc.id, title=doc.title, body=doc.body, lang=doc.lang, date=when)
    writer.commit()
