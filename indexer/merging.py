"""Which segments a commit rewrites, so that the index stays the size of what it holds.

Whoosh never changes a written segment: deleting or updating an article only
marks its old copy as deleted, and the copy stays on disk, in every count of
document slots and in every posting list read, until its segment is merged.
Whoosh's own policy merges only small segments, so the large segment of a first
full run keeps every old copy forever: three full updates of 400 articles left
1,600 slots. Here a segment whose articles are all deleted is dropped outright,
one that is mostly deleted is rewritten without its dead copies, and the small
ones are merged as Whoosh would.
"""

from __future__ import annotations

from typing import Any

from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL

REWRITE_SHARE = 0.25
"""A segment with more than this share of its slots deleted is rewritten without them.

Rewriting costs about as much as indexing the articles it keeps, so a segment
with a few deletions is left alone; at a quarter, searches already read a third
more postings than needed."""


def purge_deleted(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: drop dead segments, rewrite worn ones, merge small ones.

    Returns the segments kept as they are; the rewritten ones go into the
    writer's new segment (``writer.add_reader`` copies only live documents).
    """
    alive = [segment for segment in segments if segment.deleted_count() < segment.doc_count_all()]
    worn = [segment for segment in alive if segment.deleted_count() > REWRITE_SHARE * segment.doc_count_all()]
    for segment in worn:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return MERGE_SMALL(writer, [segment for segment in alive if segment not in worn])
