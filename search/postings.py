"""Read a term's postings a block at a time, for the work that needs every posting.

Whoosh stores postings in blocks of up to 128 documents and decodes a block's
document numbers into one array. Its matchers then hand them out one call at a
time, which is right for ranking a few documents and slow for reading them all:
counting the results, or finding which articles hold a phrase. Those read the
arrays directly here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from whoosh.matching import Matcher


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


def posting_docs(postings: Matcher) -> set[int]:
    """Every document number of ``postings``."""
    found: set[int] = set()
    for ids, _ in posting_blocks(postings):
        found.update(ids)
    return found
