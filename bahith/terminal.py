"""How text reaches a terminal: colour or none, lines wrapped on words, Arabic in display order.

Colour follows the NO_COLOR convention (no-color.org): off when the variable
is set and not empty, or when output is not a terminal, unless ``--color
always`` asks for it. Text is wrapped at the terminal's width ($COLUMNS, else
the terminal's own, else 80) between words, never inside one.

Terminals draw characters in the order they are written. Most current ones
then apply the Unicode bidirectional algorithm, so Arabic reads right to left;
tmux, screen and several IDE terminals do not, and Arabic comes out reversed.
``--bidi on`` reorders each wrapped line into display order first, with
python-bidi's implementation of the algorithm in Python: numbers and Latin
names inside Arabic keep their order and brackets are mirrored, which its
faster Rust binding does not do (0.27 ms a line against 0.02: nothing beside a
search); ``auto`` does so for the terminals known to need it. Lines are wrapped before
they are reordered, as a terminal with bidi support would lay them out.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

import click
from bidi.algorithm import get_display

COLOR_CHOICES = ("auto", "always", "never")
BIDI_CHOICES = ("auto", "on", "off")

NO_BIDI_TERMINALS = {"TERM_PROGRAM": ("vscode",), "TERMINAL_EMULATOR": ("JetBrains-JediTerm",)}
"""Environment variables that name a terminal drawing Arabic in logical order."""

RLM = "\u200f"
"""Sets a right-to-left paragraph in terminals that apply the algorithm themselves."""


def color_wanted(choice: str, stream: IO[Any], environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to write colour to ``stream`` for ``--color choice``."""
    if choice != "auto":
        return choice == "always"
    return not environ.get("NO_COLOR") and stream.isatty()


def bidi_wanted(choice: str, stream: IO[Any], environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to reorder right-to-left text for ``--bidi choice``.

    ``auto`` reorders only on a terminal known to draw text in logical order:
    inside tmux or screen, or in the VS Code and JetBrains terminals. Output
    to a pipe or file stays in logical order, as every other program expects.
    """
    if choice != "auto":
        return choice == "on"
    if not stream.isatty():
        return False
    term = environ.get("TERM", "")
    inside_multiplexer = bool(environ.get("TMUX")) or term.startswith(("screen", "tmux"))
    return inside_multiplexer or any(
        environ.get(name, "") in names for name, names in NO_BIDI_TERMINALS.items()
    )


def terminal_width() -> int:
    """Columns to wrap at: $COLUMNS, else the terminal's width, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def display_width(text: str) -> int:
    """Columns ``text`` takes: diacritics, joiners and direction marks take none."""
    return sum(unicodedata.category(ch) not in ("Mn", "Me", "Cf") for ch in text)


Run = tuple[str, bool]
"""A piece of text and whether it is highlighted."""


def _words(runs: list[Run]) -> list[list[Run]]:
    """The runs cut into words (a word may be made of several runs), spaces dropped."""
    words: list[list[Run]] = [[]]
    for text, marked in runs:
        for n, piece in enumerate(re.split(r"\s+", text)):
            if n and words[-1]:
                words.append([])
            if piece:
                words[-1].append((piece, marked))
    return [word for word in words if word]


def wrap_runs(runs: list[Run], width: int) -> list[list[Run]]:
    """Runs laid out in lines of at most ``width`` columns, broken between words only.

    A word wider than a line gets a line of its own rather than being cut.
    """
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0
    for word in _words(runs):
        size = sum(display_width(text) for text, _ in word)
        if line and used + 1 + size > width:
            lines.append(line)
            line, used = [], 0
        if line:
            line.append((" ", False))
            used += 1
        line += word
        used += size
    return [*lines, line] if line else lines


@dataclass(frozen=True)
class Screen:
    """Where output goes and how it is to look there."""

    color: bool
    bidi: bool
    width: int

    def style(self, text: str, **styles: Any) -> str:
        """``text`` with click styles when colour is on."""
        return click.style(text, **styles) if self.color else text

    def _line(self, runs: list[Run], rtl: bool) -> str:
        if not self.bidi:
            text = "".join(self.style(t, fg="yellow", bold=True) if m else t for t, m in runs)
            return RLM + text if rtl else text
        base = "R" if rtl else "L"
        line = get_display("".join(text for text, _ in runs), base_dir=base)
        if self.color:
            for text in {t for t, m in runs if m}:
                shown = get_display(text, base_dir=base)
                whole = re.compile(rf"(?<!\w){re.escape(shown)}(?!\w)")
                line = whole.sub(lambda found: self.style(found.group(), fg="yellow", bold=True), line)
        if rtl:
            line = " " * max(0, self.width - display_width(line)) + line
        return line

    def paragraph(self, runs: list[Run], *, indent: str = "", rtl: bool = False) -> list[str]:
        """Runs wrapped to the width after ``indent``, highlighted, in display order if asked.

        Reordered right-to-left lines are also aligned on the right, as a
        terminal with bidi support would show them.
        """
        inner = Screen(self.color, self.bidi, max(20, self.width - len(indent)))
        return [indent + inner._line(line, rtl) for line in wrap_runs(runs, inner.width)]

    def text(self, text: str, *, indent: str = "", rtl: bool = False) -> list[str]:
        """Plain text laid out as ``paragraph`` does."""
        return self.paragraph([(text, False)], indent=indent, rtl=rtl)
