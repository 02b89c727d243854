"""Does one story stay one across languages and spellings? Recall and false matches of the pairs.

``python -m bench.crosslang`` runs every pair of ``tests/crosslang_pairs.py`` the way
``bench.matching`` runs its cases (one real index of the seed paragraphs and one small document
per pair), once as Bahith searches by default and once with ``--exact``, which is Bahith without
spelling variants, names across scripts and month names. It prints the right verdicts per kind,
the recall on the pairs that must match, the false-match rate on those that must not (the target
is under 2%), and Bahith's failures; the same figures go to ``bench/results/crosslang.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from bench.matching import bahith_verdicts, render, scores
from tests.crosslang_pairs import PAIRS
from tests.matching_cases import MatchCase

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "crosslang.json"

SYSTEMS = ("Bahith", "Bahith --exact")

MAX_FALSE_MATCH_RATE = 0.02


def rates(pairs: Sequence[MatchCase], verdicts: Sequence[bool]) -> dict[str, float]:
    """Recall on the pairs that must match, and the share of the others that match all the same."""
    found = [verdict for pair, verdict in zip(pairs, verdicts, strict=True) if pair.should_match]
    false = [verdict for pair, verdict in zip(pairs, verdicts, strict=True) if not pair.should_match]
    return {"recall": sum(found) / len(found), "false_match_rate": sum(false) / len(false)}


def main() -> None:
    """Score both settings, print the table, the rates and the failures, write the JSON."""
    verdicts = {"Bahith": bahith_verdicts(PAIRS), "Bahith --exact": bahith_verdicts(PAIRS, exact=True)}
    print(render(scores(PAIRS, verdicts), SYSTEMS))
    summary = {system: rates(PAIRS, verdicts[system]) for system in SYSTEMS}
    print()
    for system, figures in summary.items():
        recall, false = figures["recall"], figures["false_match_rate"]
        print(f"{system:>15}: recall {recall:.1%}, false matches {false:.1%}")
    failures = [(p, v) for p, v in zip(PAIRS, verdicts["Bahith"], strict=True) if v != p.should_match]
    print(f"\nBahith fails {len(failures)} of {len(PAIRS)} pairs:")
    for pair, _ in failures:
        print(f"  {pair.label()}" + (f"  (known: {pair.limitation})" if pair.limitation else ""))
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "summary": summary,
        "max_false_match_rate": MAX_FALSE_MATCH_RATE,
        "pairs": [
            {**pair._asdict(), **{system: verdicts[system][n] for system in SYSTEMS}}
            for n, pair in enumerate(PAIRS)
        ],
    }
    RESULTS_PATH.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS_PATH}")


if __name__ == "__main__":
    main()
