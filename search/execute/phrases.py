"""Phrases whose words may each be written several ways, found without walking spans.

A quoted Arabic phrase must match every clitic form of each of its words:
"موسكو المسؤولين" is also "لموسكو والمسؤولين". Whoosh's span queries can say
that, but they work out positions at every step of every sub-matcher, which took
seconds over 10,000 articles. Here the articles that hold every word in any form
are found first, from whole posting blocks; positions are decoded only in those;
and Whoosh then scores only the articles where the words stand in order.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.matching import IntersectionMatcher, ListMatcher, Matcher, NullMatcher
from whoosh.query.spans import SpanNear2
from whoosh.reading import IndexReader
from whoosh.searching import SearchContext, Searcher
from whoosh.util import make_binary_tree

from search.execute.postings import term_postings
from search.execute.segments import segment_id
from search.execute.whoosh_private import posting_blocks

Slot = list[tuple[str, bytes]]
"""The (field, term) pairs any one of which may stand at one position of a phrase."""


def _slot(reader: IndexReader, part: wq.Query) -> Slot:
    terms = [
        (field, text.encode("utf-8") if isinstance(text, str) else text)
        for field, text in part.iter_all_terms()
    ]
    return [term for term in terms if term in reader]


def _slot_docs(reader: IndexReader, slot: Slot) -> set[int]:
    found: set[int] = set()
    for field, text in slot:
        found.update(term_postings(reader, field, text)[0])
    return found


def _slot_positions(reader: IndexReader, slot: Slot, docs: set[int]) -> dict[int, set[int]]:
    """Word positions of the slot's terms in each of ``docs``."""
    positions: dict[int, set[int]] = {}
    for field, text in slot:
        postings = reader.postings(field, text)
        decode = postings.format.decode_positions
        for ids, values in posting_blocks(postings, "values"):
            for docnum, value in zip(ids, values, strict=True):
                if docnum in docs:
                    positions.setdefault(docnum, set()).update(decode(value))
    return positions


def phrase_docs(reader: IndexReader, slots: list[Slot], slop: int) -> list[int]:
    """Documents of one segment where a term of each slot follows one of the slot
    before it, at most ``slop`` positions on (1: right after it), in order."""
    if not slots or not all(slots):
        return []
    docs = set.intersection(*(_slot_docs(reader, slot) for slot in slots))
    if not docs:
        return []
    found = docs
    steps = range(1, slop + 1)
    ends: dict[int, set[int]] = {}
    for index, slot in enumerate(slots):
        positions = _slot_positions(reader, slot, found)
        if index == 0:
            ends = positions
        else:
            ends = {
                docnum: reached
                for docnum, here in positions.items()
                if docnum in ends
                and (reached := {p for p in here if any(p - step in ends[docnum] for step in steps)})
            }
        found = set(ends)
        if not found:
            return []
    return sorted(found)


class PhraseOfAlternatives(SpanNear2):
    """An ordered phrase whose every position may be any of several terms.

    Each position is a query of its own (a term, or an ``Or`` of the forms of a
    word); an article matches when the positions' terms stand in order. It is
    scored as Whoosh scores its phrases: by the words' scores in that article.
    """

    def estimate_size(self, ixreader: IndexReader) -> int:
        return min(
            sum(ixreader.doc_frequency(field, text) for field, text in part.iter_all_terms())
            for part in self.qs
        )

    def segment_docs(self, reader: IndexReader) -> list[int]:
        """The documents of one segment that hold the phrase.

        Remembered per segment: one search both ranks and counts the phrase.
        """
        found: dict[str | None, list[int]] = self.__dict__.setdefault("_segment_docs", {})
        segment = segment_id(reader)
        if segment not in found:
            found[segment] = phrase_docs(reader, [_slot(reader, part) for part in self.qs], self.slop)
        return found[segment]

    def matcher(self, searcher: Searcher, context: SearchContext | None = None) -> Matcher:
        docs = self.segment_docs(searcher.reader())
        if not docs:
            return NullMatcher()
        words = make_binary_tree(IntersectionMatcher, [part.matcher(searcher, context) for part in self.qs])
        return IntersectionMatcher(ListMatcher(docs, weights=[0.0] * len(docs)), words)
