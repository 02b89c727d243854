"""Read a term's postings a block at a time, for the work that needs every posting.

Whoosh stores postings in blocks of up to 128 documents and decodes a block's
document numbers into one array. Its matchers then hand them out one call at a
time, which is right for ranking a few documents and slow for reading them all:
counting the results, or finding which articles hold a phrase. Those read the
arrays directly here.

A search reads the same terms several times (to rank, to count, to find
phrases) and the common words of a language come back in query after query, so
a term's decoded document numbers and weights are kept, within a budget of
``MAX_CACHED_POSTINGS``: the long posting lists of common words, which cost the
most to decode, are those most often asked for again.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from whoosh.matching import Matcher
from whoosh.reading import IndexReader

from search.segments import BoundedCache, segment_state

MAX_CACHED_POSTINGS = 4_000_000
"""How many decoded postings are kept (12 bytes each: about 48 MB)."""

TermPostings = tuple[Sequence[int], Sequence[float]]
"""A term's document numbers in one segment, ascending, and its weight in each."""

_decoded: BoundedCache[TermPostings] = BoundedCache(MAX_CACHED_POSTINGS, lambda found: len(found[0]) + 1)
"""Each entry costs one more than its postings, so that terms a segment lacks are bounded too."""


def posting_blocks(postings: Matcher, extra: str = "") -> Iterator[tuple[Sequence[int], Sequence]]:
    """(document numbers, ``extra``) of each block of ``postings``, from where it stands.

    ``extra`` is "values" (the encoded positions), "weights" (the term
    frequencies times the field boost), or "" for nothing. This reads Whoosh's
    block reader directly; postings it wraps (to hide deleted documents) are
    read one by one through the ordinary matcher calls.
    """
    if not hasattr(postings, "_read_ids"):
        one = {"values": postings.value, "weights": postings.weight}.get(extra)
        while postings.is_active():
            yield (postings.id(),), ((one(),) if one else ())
            postings.next()
        return
    while postings.is_active():
        postings._read_ids()
        start = postings._i
        if extra == "values":
            postings._read_values()
            yield postings._ids[start:], postings._values[start:]
        elif extra == "weights":
            postings._read_weights()
            yield postings._ids[start:], postings._weights[start:]
        else:
            yield postings._ids[start:], ()
        postings._next_block()


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
