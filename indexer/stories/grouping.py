"""Deciding, for one new article, which story it joins and which original it copies.

An article is weighed (each feature by how rare it is in the archive so far,
names and numbers above common words), then compared with a few candidates:
the articles listed under its most telling features. It is a copy of the
candidate whose shingle sketch it resembles most, when that resemblance is at
least ``COPY_RESEMBLANCE``; it joins the story of the candidate it is most like
when that likeness is at least ``STORY_LIKENESS``. In one language, likeness is
the cosine of the whole vectors; across languages only names, numbers and
months can agree, so it is the cosine of those alone, which must reach
``ACROSS_LIKENESS``. Dated articles more than ``WINDOW_DAYS`` apart are never
one story: an event's coverage is bounded in time, and "another visit by the same
man" is usually another date.

Removing an article regroups only its own story, from the stored vectors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from indexer.stories.features import Features
from indexer.stories.sketch import resemblance
from indexer.stories.state import Member, StoryState, Vector

COPY_RESEMBLANCE = 0.3
STORY_LIKENESS = 0.4
ACROSS_LIKENESS = 0.3
WINDOW_DAYS = 30

ENTITY_BOOST = 2.0
"""A shared name, number or month says more than a shared word."""

PRIOR_ARTICLES = 50
"""Rarity is counted as if the archive held this many more articles holding nothing:
in a young archive of five articles about one event, its names are not common words."""

KEPT_FEATURES = 60
KEPT_ENTITIES = 30
"""The heaviest features kept of each vector: a story is told by its telling features."""

POSTED_WORDS = 8
"""Besides its names, numbers and months, an article is listed under its rarest words."""

MAX_HOLDERS = 2000
"""Features held by more articles are not used to find candidates (they are still weighed)."""


CANDIDATES = 40
STORIES_COMPARED = 8
"""Only the stories of the best candidates are compared whole: further down the list, an
article shares too little with the new one for its story to be the one it joins."""
STORY_SAMPLE = 30
"""A story is compared through its latest members, at most this many."""
MAX_REGROUPED = 300
"""A story larger than this keeps its members when one leaves, rather than being regrouped pairwise."""


@dataclass(frozen=True)
class Weighed:
    """An article's vectors, ready to compare and store."""

    vector: Vector
    entities: Vector
    posted: tuple[str, ...]
    features: tuple[str, ...]


def _normalised(weights: dict[str, float], keep: int) -> Vector:
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {feature: round(w / norm, 5) for feature, w in top}


def weigh(features: Features, state: StoryState) -> Weighed:
    """Weigh ``features`` by their rarity among the articles the state holds."""
    names = [*features.entities, *features.words]
    df = state.document_frequencies(names)
    total = state.count() + PRIOR_ARTICLES

    def weight(feature: str, count: int) -> float:
        return count * math.log((total + 1) / (df.get(feature, 0) + 1))

    entities = {f: ENTITY_BOOST * weight(f, n) for f, n in features.entities.items()}
    words = {f: weight(f, n) for f, n in features.words.items()}
    vector = _normalised({**words, **entities}, KEPT_FEATURES)
    entity_vector = _normalised(entities, KEPT_ENTITIES)
    rarest = sorted(words, key=lambda f: (-words[f], f))[:POSTED_WORDS]
    return Weighed(vector, entity_vector, (*entity_vector, *rarest), tuple(names))


def _dot(one: Vector, other: Vector) -> float:
    if len(other) < len(one):
        one, other = other, one
    return sum(w * other.get(f, 0.0) for f, w in one.items())


def pair_likeness(one: Member, other: Member) -> float:
    """How alike two articles are, on the scale of ``likeness``: the cosine of their whole
    vectors in one language, of their name, number and month vectors across languages."""
    if one.lang == other.lang:
        return _dot(one.vector, other.vector)
    return _dot(one.entities, other.entities)


def weighed_of(member: Member) -> Weighed:
    """The vectors an article was stored with, as ``candidates`` takes them."""
    return Weighed(member.vector, member.entities, member.posted, member.features)


def _in_window(one: Member, other: Member) -> bool:
    return one.day is None or other.day is None or abs(one.day - other.day) <= WINDOW_DAYS


def _centroid(vectors: list[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vector in vectors:
        for feature, weight in vector.items():
            total[feature] = total.get(feature, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {feature: w / norm for feature, w in total.items()}


def likeness(new: Member, members: list[Member]) -> tuple[float, float]:
    """How alike ``new`` is to a story told by ``members``, as (in its language, across languages).

    Each is the cosine with a centroid: of the whole vectors of the story's
    members in ``new``'s language, and of the name, number and month vectors of
    its members in the other language. Members dated outside the window, and
    copies (their original speaks for them), are left out.
    """
    told = [m for m in members if m.copy_of is None and _in_window(new, m)]
    same = [m.vector for m in told if m.lang == new.lang]
    other = [m.entities for m in told if m.lang != new.lang]
    native = _dot(new.vector, _centroid(same)) if same else 0.0
    across = _dot(new.entities, _centroid(other)) if other else 0.0
    return native, across


def joins(new: Member, members: list[Member]) -> float:
    """How far above its threshold ``new``'s likeness to the story is; negative when it stays out."""
    native, across = likeness(new, members)
    return max(native - STORY_LIKENESS, across - ACROSS_LIKENESS)


def candidates(state: StoryState, weighed: Weighed, exclude: str) -> list[Member]:
    """The articles sharing the most telling features with ``weighed``, best first."""
    df = state.document_frequencies(weighed.posted)
    telling = [feature for feature in weighed.posted if df.get(feature, 0) <= MAX_HOLDERS]
    holders = state.holders(telling)
    scores: dict[str, float] = {}
    for feature in telling:
        weight = weighed.vector.get(feature, 0.0) + weighed.entities.get(feature, 0.0)
        for holder in holders.get(feature, ()):
            scores[holder] = scores.get(holder, 0.0) + weight
    scores.pop(exclude, None)
    best = sorted(scores, key=lambda a: (-scores[a], a))[:CANDIDATES]
    return state.many(best)


def root_of(member: Member) -> str:
    """The original an article copies, or the article itself."""
    return member.copy_of or member.id


def _earlier(one: Member, other: Member) -> bool:
    """Whether ``one`` came first: by date when both have one, else in the order indexed."""
    if one.day is not None and other.day is not None and one.day != other.day:
        return one.day < other.day
    return one.seq < other.seq


def place(state: StoryState, new: Member, features: Features) -> Member:
    """``new`` (story and copy not yet decided) with its story and original decided and stored."""
    sketch = features.sketch
    weighed = weigh(features, state)
    probe = Member(
        new.id, new.seq, new.id, None, new.lang, new.day, new.source, new.title,
        sketch, weighed.vector, weighed.entities, weighed.posted, weighed.features,
    )  # fmt: skip
    found = candidates(state, weighed, new.id)
    resemblances = {m.id: resemblance(sketch, m.sketch) for m in found}
    copied = max(found, key=lambda m: resemblances[m.id], default=None)
    if copied is not None and resemblances[copied.id] >= COPY_RESEMBLANCE:
        probe = _as_copy(state, probe, copied)
    else:
        stories = list(dict.fromkeys(m.story for m in found))[:STORIES_COMPARED]
        margins = {story: joins(probe, state.in_story(story, STORY_SAMPLE)) for story in stories}
        best = max(margins, key=lambda story: (margins[story], story), default=None)
        if best is not None and margins[best] >= 0:
            probe = _with(probe, story=best)
    state.insert(probe)
    return probe


def _with(member: Member, *, story: str | None = None, copy_of: str | None = None) -> Member:
    return Member(
        member.id, member.seq, story or member.story, copy_of, member.lang, member.day, member.source,
        member.title, member.sketch, member.vector, member.entities, member.posted, member.features,
    )  # fmt: skip


def _as_copy(state: StoryState, new: Member, copied: Member) -> Member:
    """``new`` as a copy in ``copied``'s story; if it came before their original, it becomes it."""
    original = state.get(root_of(copied)) or copied
    if not _earlier(new, original):
        return _with(new, story=copied.story, copy_of=original.id)
    for copy_id in [original.id, *state.copies_of(original.id)]:
        state.move(copy_id, copy_of=new.id)
    return _with(new, story=copied.story, copy_of=None)


def remove(state: StoryState, article_id: str) -> str | None:
    """Forget an article and regroup what is left of its story; its story id, or None if unknown."""
    gone = state.get(article_id)
    if gone is None:
        return None
    state.delete(gone)
    copies = state.many(state.copies_of(gone.id))
    if copies:
        heir = min(copies, key=lambda m: (m.day if m.day is not None else math.inf, m.seq))
        state.move(heir.id, copy_of=None)
        for other in copies:
            if other.id != heir.id:
                state.move(other.id, copy_of=heir.id)
    regroup(state, state.in_story(gone.story), gone.story)
    return gone.story


def regroup(state: StoryState, members: list[Member], story: str) -> None:
    """Split ``story`` into the groups its remaining members form among themselves.

    The members are placed again in the order they came, each into the group it
    is most like (copies with their original), as they would have been had the
    article that left never come. The group holding the first member keeps the
    story's id, so links to it keep working; each other group is named after its
    own first member.
    """
    if len(members) < 2 or len(members) > MAX_REGROUPED:
        return
    groups: dict[str, list[Member]] = {}
    group_of: dict[str, str] = {}
    for member in members:
        chosen = group_of.get(root_of(member))
        if chosen is None:
            margins = {name: joins(member, told) for name, told in groups.items()}
            chosen = max(margins, key=lambda name: margins[name], default=None)
            if chosen is None or margins[chosen] < 0:
                chosen = story if not groups else member.id
        groups.setdefault(chosen, []).append(member)
        group_of[member.id] = chosen
    for name, group in groups.items():
        for member in group:
            if member.story != name:
                state.move(member.id, story=name)
