"""Small real Bahith indexes for the quality evaluations: the seed corpus cut into paragraphs.

The matching cases (``bench.matching``) and the relevance benchmark (``bench.relevance``) both
judge Bahith on a real Whoosh index built through the project's own schema and analyzer, never
on a mock, so what they measure is what a user gets. A whole seed article is about one story and
matches almost every query, which says nothing about ranking; a paragraph is the unit a reader
judges relevant or not, so the seeds are indexed one paragraph per document.

The seeds are read at run time from ``../shared/corpus/seeds`` and never copied into the
repository. They are cleaned by Bahith's own ingestion (``read_articles``), so site banners,
breadcrumbs, share counters and "Lire aussi" link lists are dropped by the same rules as when a
user indexes these pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indexer.article import Article
from indexer.ingest.reading import read_articles
from indexer.store import open_index

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
"""Where every developer and CI run has the seed corpus: ``shared/`` beside the repository."""


@dataclass(frozen=True)
class Doc:
    """One evaluation document: an id a judge can cite, its text and its language."""

    id: str
    body: str
    lang: str


def article_paragraphs(article: Article) -> list[str]:
    """The paragraphs of an article, its headline first when the headline is its own line.

    A line is a paragraph: the seeds put one paragraph per line, some with blank lines between
    them and some without. When a page has no headline, Bahith titles it with its first
    sentence, which is then already the start of the body and is not repeated.
    """
    lines = [line.strip() for line in article.body.splitlines() if line.strip()]
    if article.title and not article.body.startswith(article.title.rstrip("…")):
        lines.insert(0, article.title)
    return lines


def seed_paragraphs(seeds_dir: Path = SEEDS_DIR) -> list[Doc]:
    """Every paragraph of the seed corpus as a document with id ``<seed file stem>:<n>``.

    ``n`` counts from 1 within each file, headline included, so an id names the same
    paragraph for as long as the seeds and Bahith's page cleaning stay the same; the
    relevance judgments cite these ids.
    """
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    docs: list[Doc] = []
    for path in paths:
        for article in read_articles(path):
            if not isinstance(article, Article):
                raise ValueError(f"seed {path.name} cannot be read: {article.reason}")
            for number, paragraph in enumerate(article_paragraphs(article), start=1):
                docs.append(Doc(f"{path.stem}:{number}", paragraph, article.lang))
    return docs


def build_bahith_index(index_dir: Path, docs: Iterable[Doc]) -> None:
    """Index ``docs`` into a new Bahith index at ``index_dir``, in one commit.

    Documents go in through Bahith's schema (and so its analyzer) with the body only and no
    title, like the plain baseline they are compared with: a title field would give Bahith
    a second, boosted copy of each text that the baseline does not have.
    """
    writer = open_index(index_dir, create=True).writer()
    for doc in docs:
        writer.add_document(id=doc.id, body=doc.body, lang=doc.lang)
    writer.commit()
