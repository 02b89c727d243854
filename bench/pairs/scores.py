"""Recall and false-match rate per class, per source and overall, and the table that shows them.

For a must-match class the rate is recall (the share of pairs whose document the search
finds); for a must-not class it is the false-match rate (the share it finds though it must
not). Both are shares of "found", so one number per cell says everything, and the row says
which of the two it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.pairs.evaluate import ENGINES, STEMMERS, Verdicts
from bench.pairs.model import SOURCES, Pair

RECALL = "recall"
FALSE_MATCHES = "false matches"


def _rate(numbers: Sequence[int], verdicts: Sequence[bool]) -> dict[str, Any]:
    found = sum(verdicts[n] for n in numbers)
    return {
        "pairs": len(numbers),
        "found": found,
        "rate": round(found / len(numbers), 4) if numbers else None,
    }


def groups(pairs: Sequence[Pair], lang: str) -> dict[str, tuple[str, list[int]]]:
    """Row name -> (what its rate measures, the pair numbers in it), in table order.

    Must-match classes, then all must-match pairs; must-not classes, then all must-not pairs;
    then each source's must-match and must-not pairs.
    """
    rows: dict[str, tuple[str, list[int]]] = {}
    for must_match, measure, total in (
        (True, RECALL, "all must-match"),
        (False, FALSE_MATCHES, "all must-not"),
    ):
        members = [n for n, p in enumerate(pairs) if p.lang == lang and p.must_match is must_match]
        for n in members:
            rows.setdefault(pairs[n].cls, (measure, []))[1].append(n)
        rows[f"{total} ({measure})"] = (measure, members)
    for source in SOURCES:
        for must_match, measure in ((True, RECALL), (False, FALSE_MATCHES)):
            members = [
                n
                for n, p in enumerate(pairs)
                if p.lang == lang and p.source == source and p.must_match is must_match
            ]
            if members:
                rows[f"source {source} ({measure})"] = (measure, members)
    return rows


def score(pairs: Sequence[Pair], verdicts: Verdicts) -> dict[str, Any]:
    """Setting -> system -> language -> row -> pairs, found, rate (and what the rate measures)."""
    langs = sorted({p.lang for p in pairs})
    return {
        setting: {
            system: {
                lang: {
                    row: {"measures": measure, **_rate(members, found)}
                    for row, (measure, members) in groups(pairs, lang).items()
                }
                for lang in langs
            }
            for system, found in by_system.items()
        }
        for setting, by_system in verdicts.items()
    }


def columns(verdicts: Verdicts) -> list[tuple[str, str]]:
    """(setting, system) per table column: each engine per setting, each stemmer once."""
    settings = list(verdicts)
    present = set(verdicts[settings[0]])
    cols = [(setting, system) for system in ENGINES if system in present for setting in settings]
    return cols + [(settings[0], system) for system in STEMMERS if system in present]


def render(pairs: Sequence[Pair], verdicts: Verdicts, lang: str) -> str:
    """One language's table: a row per class, source and total, a column per system and setting.

    Cells are percentages; stemmers get one column because no setting changes a stem.
    """
    cols = columns(verdicts)
    rows = groups(pairs, lang)
    width = max(len(name) for name in rows) + 2
    heads = [system if system in STEMMERS else f"{system} {setting}" for setting, system in cols]
    cell = max(len(h) for h in heads) + 2
    lines = [f"{'':{width}}{'pairs':>6}" + "".join(f"{h:>{cell}}" for h in heads)]
    for name, (_, members) in rows.items():
        cells = [100 * sum(verdicts[s][system][n] for n in members) / len(members) for s, system in cols]
        lines.append(f"{name:{width}}{len(members):>6}" + "".join(f"{c:>{cell}.1f}" for c in cells))
    return "\n".join(lines)


def wrong(pairs: Sequence[Pair], verdicts: Verdicts, system: str) -> dict[str, dict[str, list[str]]]:
    """Setting -> class -> "query → document" of each pair ``system`` gets wrong: what to fix."""
    report: dict[str, dict[str, list[str]]] = {}
    for setting, by_system in verdicts.items():
        if system in by_system:
            classes = report.setdefault(setting, {})
            for pair, found in zip(pairs, by_system[system], strict=True):
                if found != pair.must_match:
                    classes.setdefault(pair.cls, []).append(f"{pair.query} → {pair.document}")
    return report
