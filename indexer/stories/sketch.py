"""Bottom-k MinHash sketches of an article's word shingles, to spot copies cheaply.

A wire story republished by many sites keeps most of its three-word runs even
when sentences are dropped, moved or reworded; independently written articles
about one event share only a quote or two. The Jaccard similarity of the
shingle sets tells them apart, and a sketch of the ``SKETCH_SIZE`` smallest
shingle hashes estimates it from 512 bytes per article (Broder's bottom-k
MinHash): one hash per shingle, where k-permutation MinHash needs k.

Hashes come from BLAKE2b, not Python's ``hash``, which changes with every
process: a sketch is stored and compared across runs.
"""

from __future__ import annotations

import hashlib
import heapq
import struct
from collections.abc import Iterable, Sequence

SKETCH_SIZE = 64
SHINGLE_WORDS = 3

Sketch = tuple[int, ...]
"""The smallest shingle hashes of an article, in increasing order."""


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[str]:
    """The runs of ``size`` consecutive words; a text shorter than that is one shingle."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def make_sketch(shingle_set: Iterable[str]) -> Sketch:
    """The bottom-``SKETCH_SIZE`` sketch of a shingle set."""
    return tuple(heapq.nsmallest(SKETCH_SIZE, {_hash(s) for s in shingle_set}))


def resemblance(one: Sketch, other: Sketch) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind two sketches.

    Of the k smallest hashes of the union (itself the union's sketch), the share
    found in both sketches estimates the share of the union in both sets.
    """
    if not one or not other:
        return 0.0
    mine = set(one)
    both = mine.intersection(other)
    if not both:
        return 0.0
    union = sorted(mine.union(other))[:SKETCH_SIZE]
    last = union[-1]
    return sum(1 for h in both if h <= last) / len(union)


def pack(sketch: Sketch) -> bytes:
    """A sketch as stored."""
    return struct.pack(f">{len(sketch)}Q", *sketch)


def unpack(data: bytes) -> Sketch:
    """A stored sketch."""
    return struct.unpack(f">{len(data) // 8}Q", data)
