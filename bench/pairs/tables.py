"""Reading the word tables of ``bench.pairs``: words and word pairs written as plain text.

The tables are long lists of Arabic and French words; written one Python string per word they
would be hard to read and to check by eye, so each table is a block of text: words separated
by spaces or new lines, or one pair per line.
"""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, in order, duplicates kept (a test checks there are none)."""
    return tuple(text.split())


def word_rows(text: str, width: int) -> tuple[tuple[str, ...], ...]:
    """One row of ``width`` words per non-empty line of ``text``.

    A line with any other number of words is a typing mistake in a table, so it raises.
    """
    rows = []
    for line in text.splitlines():
        parts = tuple(line.split())
        if not parts:
            continue
        if len(parts) != width:
            raise ValueError(f"a table line needs {width} words: {line!r}")
        rows.append(parts)
    return tuple(rows)


def word_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """One pair per non-empty line of ``text``: its first and second word."""
    return tuple((first, second) for first, second in word_rows(text, 2))
