"""Read a term's postings a block at a time, for the work that needs every posting.

Whoosh stores postings in blocks of up to 128 documents and decodes a block's
document numbers into one array. Its matchers then hand them out one call at a
time, which is right for ranking a few documents and slow for reading them all:
counting the results, or finding which articles hold a phrase. Those read the
arrays directly (``whoosh_private.posting_blocks``). Where a word stands in an
article (``match_spans``) is read from the postings too, for snippets and marks.

A search reads the same terms several times (to rank, to count, to find
phrases) and the common words of a language come back in query after query, so
a term's decoded document numbers and weights are kept, within a budget of
``MAX_CACHED_POSTINGS``: the long posting lists of common words, which cost the
most to decode, are those most often asked for again.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.execute.segments import BoundedCache, segment_state
from search.execute.whoosh_private import posting_blocks

MAX_CACHED_POSTINGS = 4_000_000
"""How many decoded postings are kept (12 bytes each: about 48 MB)."""

TermPostings = tuple[Sequence[int], Sequence[float]]
"""A term's document numbers in one segment, ascending, and its weight in each."""

_decoded: BoundedCache[TermPostings] = BoundedCache(MAX_CACHED_POSTINGS, lambda found: len(found[0]) + 1)
"""Each entry costs one more than its postings, so that terms a segment lacks are bounded too."""


def term_postings(segment: IndexReader, fieldname: str, text: bytes) -> TermPostings:
    """Every live document of one segment holding a term, and the term's weight in each
    (none when the segment does not hold the term: that too is looked up once)."""

    def decode() -> TermPostings:
        ids, weights = array("i"), array("d")
        if (fieldname, text) not in segment:
            return ids, weights
        for block_ids, block_weights in posting_blocks(segment.postings(fieldname, text), "weights"):
            ids.fromlist(list(block_ids))  # blocks come as tuples or arrays of varying type
            weights.fromlist(list(block_weights))
        return ids, weights

    state = segment_state(segment)
    return decode() if state is None else _decoded.get((state, fieldname, text), decode)


def match_spans(
    searcher: Searcher, docnums: Iterable[int], fieldname: str, terms: Iterable[str]
) -> dict[int, list[tuple[int, int]]]:
    """(start, end) character spans of ``terms`` in one field, for each of ``docnums``.

    Each term's postings are read once and skipped forward through the
    documents in order, so a page of ten hits costs one pass per query term.
    """
    wanted = sorted(set(docnums))
    spans: dict[int, set[tuple[int, int]]] = {docnum: set() for docnum in wanted}
    reader = searcher.reader()
    for term in terms:
        if (fieldname, term) not in reader:
            continue
        postings = reader.postings(fieldname, term)
        for docnum in wanted:
            postings.skip_to(docnum)
            if not postings.is_active():
                break
            if postings.id() == docnum:
                spans[docnum].update((start, end) for _, start, end in postings.value_as("characters"))
    return {docnum: sorted(found) for docnum, found in spans.items()}
