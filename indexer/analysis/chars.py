"""Character-level normalization that remembers where every character came from.

Normalizing a word can delete characters (tashkeel, tatweel, bidi marks), replace
them (أ -> ا) or expand them (the ligature ﻻ -> لا). Each normalized character
keeps the index of the surface character that produced it (its ``char_map``), in
the way Meilisearch's charabia does, so an index term can always be traced back
to an exact slice of the original text and highlighting never drifts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Normalized:
    """A word's normalized text plus, per character, its origin in the surface word."""

    text: str
    char_map: tuple[int, ...]

    @classmethod
    def of(cls, surface: str) -> Normalized:
        """Start a chain: every character maps to itself."""
        return cls(surface, tuple(range(len(surface))))

    def span(self, surface_length: int) -> tuple[int, int]:
        """The slice of the surface word to highlight for this normalized text.

        It starts at the first kept character (after an elided "l’") and runs to
        the end of the surface word, so trailing marks dropped by normalization
        (the tanwin of "اجتماعاً") and letters cut by stemming stay highlighted.
        """
        return (self.char_map[0] if self.char_map else 0, surface_length)

    def drop_prefix(self, length: int) -> Normalized:
        """Remove the first ``length`` normalized characters (an elided article)."""
        return Normalized(self.text[length:], self.char_map[length:])


class CharStep:
    """One normalization step that rewrites each character on its own.

    A step is a name, a function from one character to its replacement (empty to
    delete it) and a docstring listing exactly what it maps. Rewriting character
    by character is what makes the ``char_map`` exact.
    """

    def __init__(self, name: str, rewrite: Callable[[str], str], doc: str) -> None:
        self.name = name
        self.__doc__ = doc
        self._rewrite = lru_cache(maxsize=4096)(rewrite)

    @classmethod
    def from_table(cls, name: str, table: Mapping[str, str], doc: str) -> CharStep:
        """A step driven by a mapping; characters not in it are kept as they are."""
        frozen = dict(table)
        return cls(name, lambda ch: frozen.get(ch, ch), doc)

    def __call__(self, word: Normalized) -> Normalized:
        return rewrite_each(word, self._rewrite)

    def __repr__(self) -> str:
        return f"CharStep({self.name})"


def rewrite_each(word: Normalized, rewrite: Callable[[str], str]) -> Normalized:
    """Replace every character of ``word`` by ``rewrite(character)``, keeping origins."""
    chars: list[str] = []
    origins: list[int] = []
    for ch, origin in zip(word.text, word.char_map, strict=True):
        replacement = rewrite(ch)
        if replacement:
            chars.append(replacement)
            origins.extend([origin] * len(replacement))
    return Normalized("".join(chars), tuple(origins))


class Chain:
    """Steps run in order, fused into one pass over the word.

    Every step rewrites characters independently, so running the chain on a
    word is the same as running it on each character alone. The chain caches
    what each character becomes after all its steps and walks the word once,
    however many steps there are: the steps stay small and separately tested,
    and indexing does not pay for each of them.
    """

    def __init__(self, *steps: CharStep) -> None:
        self.steps = steps
        self._rewrite = lru_cache(maxsize=8192)(self._through_all_steps)

    def _through_all_steps(self, ch: str) -> str:
        word = Normalized.of(ch)
        for step in self.steps:
            word = step(word)
        return word.text

    def __call__(self, word: Normalized) -> Normalized:
        return rewrite_each(word, self._rewrite)

    def run(self, surface: str) -> Normalized:
        """Normalize a surface word."""
        return self(Normalized.of(surface))
