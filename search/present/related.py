"""More like this, in both languages: the articles that tell the same story as one article.

Grouping weighed every article when it was indexed (``indexer.stories``): its
vector of telling words, names, numbers and months, and the articles listed
under its most telling features. So the related articles are read from the
story file: the other articles of its story, then the candidates grouping would
have compared it with, each kept when its likeness to the article
(``pair_likeness``: the cosine of the whole vectors in one language, of the name,
number and month vectors across languages) is at least ``MIN_PAIR_LIKENESS``.
Measured on the seeds among 200 distractors that reuse their words: the seeds
are 0.36–0.71 alike among themselves, across languages too; distractors at most
0.32 (an Israeli visit to Moscow about Iran's presence in Syria), most under 0.2.
That is a few small reads, where a search for the article's terms costs a second
at a few thousand articles.

An index without a story file (one made before stories, or whose file is being
remade) falls back to the search below, slower and in each language apart.

Whoosh's "more like this" takes an article's most distinctive terms and searches
for them, which finds articles in the same language only: "soleimani" is not a
word of the Arabic articles. Here each distinctive term is searched with its
forms (clitic forms, other spellings) and its equivalents in the other language:
names in the other script, months in the other language (``plan.equivalents``).

What the two languages share is only those names and dates, so articles in the
other language score lower than those in the article's own language however
close they are. Each language is therefore ranked on its own, scores taken
relative to the best of that language, and the two lists merged. An article in
the other language must share at least ``MIN_SHARED_ACROSS`` distinctive names
or dates: one shared name ("Washington") is no story.

However few the articles, the best of them is not related for being the best:
each must score at least ``MIN_LIKENESS`` of what the article scores against its
own terms (1.0 would be the article itself). Measured on the seeds among 200
distractors that reuse their words, the other seed articles in the same language
score 0.20–0.39 of that, the distractors mostly under 0.2 (an Israeli visit to
Moscow about Iran's presence in Syria, 0.24, is as close as a story gets without
being it); articles in the other language score 0.04–0.12, story or not, so
without a story file few of them reach the floor.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.analysis import READING_MARK
from indexer.stories import StoryState
from indexer.stories.grouping import candidates, pair_likeness, weighed_of
from search.plan.equivalents import finder_for
from search.plan.planner import forms_query

KEY_TERMS = 30
"""How many of the article's most distinctive terms are searched for."""

NAME_TERMS = 100
"""How far down the distinctive terms names and dates are still taken: they are what the languages share."""

MIN_SHARED_ACROSS = 2
"""Distinctive names or dates an article in the other language must share."""

MIN_LIKENESS = 0.2
"""The share of the article's score against its own terms that a related article must reach."""

FIELD = "body"

MIN_PAIR_LIKENESS = 0.25
"""The likeness an article outside the story must reach to be related."""

STORY_READ = 100
"""The latest members of the article's story read to rank them: a larger story's older
coverage is not what a reader of one article goes on to."""


def related_in_stories(state: StoryState, article_id: str, limit: int) -> list[tuple[str, float]] | None:
    """(id, likeness) of the ``limit`` articles most related to ``article_id``: its story's
    other members, most alike first, then the candidates alike enough; None when the story
    file does not hold the article."""
    member = state.get(article_id)
    if member is None:
        return None
    story = [other for other in state.in_story(member.story, STORY_READ) if other.id != member.id]
    in_story = {other.id for other in story}
    others = [other for other in candidates(state, weighed_of(member), member.id) if other.id not in in_story]
    ranked: list[tuple[str, float]] = []
    for group, floor in ((story, 0.0), (others, MIN_PAIR_LIKENESS)):
        scored = sorted(((pair_likeness(member, other), other.id) for other in group), reverse=True)
        ranked += [(found, round(likeness, 4)) for likeness, found in scored if likeness >= floor]
    return ranked[:limit]


def related_by_terms(searcher: Searcher, docnum: int, limit: int) -> list[tuple[int, float, bool]]:
    """(docnum, score, in the other language) of the articles most like ``docnum``, best first."""
    stored = searcher.stored_fields(docnum)
    finder = finder_for(searcher.reader())
    groups: list[wq.Query] = []
    shared_across: list[set[int]] = []
    seen: set[str] = set()
    for rank, (key, weight) in enumerate(searcher.key_terms([docnum], FIELD, numterms=NAME_TERMS)):
        term = key.removeprefix(READING_MARK)
        if term in seen:
            continue
        seen.add(term)
        found = finder.of((term,))
        if rank >= KEY_TERMS and not found.across:
            continue
        forms = {(key,): 1.0, **found.native, **found.across}
        groups.append(forms_query(FIELD, forms, weight))
        if found.across:
            shared_across.append(set(searcher.docs_for_query(forms_query(FIELD, found.across))))
    if not groups:
        return []
    terms = wq.Or(groups)
    own_language = wq.Term("lang", stored.get("lang", ""))
    ranked = [
        (hit.docnum, hit.score) for hit in searcher.search(wq.And([terms, own_language]), limit=limit + 1)
    ]
    itself = next((score for found, score in ranked if found == docnum), ranked[0][1] if ranked else 0.0)
    floor = MIN_LIKENESS * itself
    same = [(found, score) for found, score in ranked if found != docnum and score >= floor][:limit]
    alike = wq.AndNot(terms, wq.Term("id", stored["id"]))
    other = [
        (hit.docnum, hit.score)
        for hit in searcher.search(wq.AndNot(alike, own_language), limit=limit * 4)
        if hit.score >= floor and sum(hit.docnum in docs for docs in shared_across) >= MIN_SHARED_ACROSS
    ][:limit]
    merged: list[tuple[float, int, bool, int, float]] = []
    for ranked, crossed in ((same, False), (other, True)):
        for rank, (found, score) in enumerate(ranked):
            merged.append((-score / ranked[0][1], rank, crossed, found, score))
    merged.sort()
    return [(found, score, crossed) for _, _, crossed, found, score in merged[:limit]]
