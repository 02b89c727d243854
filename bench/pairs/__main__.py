"""``python -m bench.pairs``: score Bahith, Lucene, light10 and Snowball on the pair set.

Prints, per language, recall (must-match classes) and false-match rate (must-not classes)
per class, overall and per source, for each engine in each setting; then the queries that
found a control document (the frame sentence itself), the agreement with Lucene's stemmers,
and writes everything, with the pairs Bahith gets wrong, to ``bench/results/pairs.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.evalindex import seed_paragraphs
from bench.pairs.agreement import agreement
from bench.pairs.engines import running_lucene
from bench.pairs.evaluate import SYSTEMS, evaluate
from bench.pairs.model import Pair
from bench.pairs.pairset import pair_set
from bench.pairs.scores import render, score, wrong
from bench.pairs.shards import SETTINGS, deal

RESULTS_PATH = Path(__file__).resolve().parents[1] / "results" / "pairs.json"
LANGUAGES = {"ar": "Arabic", "fr": "French"}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: which settings and which systems."""
    parser = argparse.ArgumentParser(prog="python -m bench.pairs", description=__doc__.splitlines()[0])
    parser.add_argument("--setting", choices=[*SETTINGS, "all"], default="all", help="default: all three")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated, from {','.join(SYSTEMS)} (any case); default: all",
    )
    args = parser.parse_args(argv)
    names = {s.lower(): s for s in SYSTEMS}
    chosen = [names.get(s.strip().lower()) for s in args.systems.split(",") if s.strip()]
    if None in chosen or not chosen:
        parser.error(f"--systems takes names from {', '.join(SYSTEMS)}, not {args.systems!r}")
    args.systems = [s for s in SYSTEMS if s in chosen]
    args.settings = list(SETTINGS) if args.setting == "all" else [args.setting]
    return args


def sizes(pairs: list[Pair]) -> dict[str, Any]:
    """How many pairs per language, direction and class: the set's shape, for the JSON."""
    return {
        lang: {
            "must match": sum(p.must_match for p in pairs if p.lang == lang),
            "must not": sum(not p.must_match for p in pairs if p.lang == lang),
            "classes": dict(Counter(p.cls for p in pairs if p.lang == lang)),
            "sources": dict(Counter(p.source for p in pairs if p.lang == lang)),
        }
        for lang in LANGUAGES
    }


def run_agreement(systems: list[str]) -> dict[str, Any] | str:
    """The agreement measure, or why it was not run (it needs Bahith and Lucene)."""
    if not {"Bahith", "Lucene"} <= set(systems):
        return "not run: needs both Bahith and Lucene in --systems"
    try:
        with running_lucene() as lucene:
            return agreement(lucene)
    except RuntimeError as error:
        return f"not run: {error}"


def main(argv: list[str] | None = None) -> None:
    """Run the chosen settings and systems, print the tables, write the JSON."""
    args = parse_args(argv)
    started = time.perf_counter()
    pairs = pair_set()
    verdicts, leaks, not_run = evaluate(pairs, args.settings, args.systems, seed_paragraphs())
    print(f"{len(pairs)} pairs in {len(deal(pairs))} shards; settings: {', '.join(args.settings)}")
    for system, why in not_run.items():
        print(f"{system}: not run ({why})")
    for lang, name in LANGUAGES.items():
        print(f"\n{name}: % of pairs whose document the search finds (recall rows: higher is better;")
        print("false-match rows: lower is better). light10 and Snowball: same stem, in any setting;")
        print("light10 is Arabic only, so for French it stands for an index that only lowercases.")
        print(render(pairs, verdicts, lang))
    for setting, by_engine in leaks.items():
        for engine, queries in by_engine.items():
            if queries:
                print(f"\n{engine} {setting}: {len(queries)} queries find the bare frame, e.g. {queries[:5]}")
    agreed = run_agreement(args.systems)
    print("\nAgreement with Lucene's stemmers (ordered pairs within inflection groups):")
    if isinstance(agreed, str):
        print(f"  {agreed}")
    else:
        for lang, row in agreed.items():
            share = f"{100 * row['agreement']:.1f}% of {row['ordered pairs']} pairs"
            counts = f"Lucene groups {row['Lucene groups']}, Bahith {row['Bahith groups']}"
            print(f"  {LANGUAGES[lang]}: {share} ({counts}, both {row['both group']})")
            across = f"Lucene {row['Lucene groups across']}, Bahith {row['Bahith groups across']}"
            print(f"    words of different groups grouped together, of {row['across groups']}: {across}")
    report = {
        "sizes": sizes(pairs),
        "settings": args.settings,
        "not run": not_run,
        "scores": score(pairs, verdicts),
        "control leaks": leaks,
        "agreement": agreed,
        "Bahith wrong": wrong(pairs, verdicts, "Bahith"),
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n{report['seconds']} s; written to {RESULTS_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])
