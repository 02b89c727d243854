"""Every pair's verdict, per setting and per system: does the query find the document?

The search engines (Bahith, Lucene) are asked in each setting, shard by shard (see
``bench.pairs.shards``). The stemmers (light10, Snowball) are asked once: for them a pair
matches when its two words have one stem, which no setting changes; their verdicts are
repeated under each setting so that every table has the same columns.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.evalindex import Doc
from bench.matching import CONTROL_IDS, LIGHT10, snowball_stemmers, stem_verdicts
from bench.pairs.engines import BahithIndex, LuceneIndex, running_lucene
from bench.pairs.model import Pair
from bench.pairs.shards import deal, documents, pair_id

ENGINES = ("Bahith", "Lucene")
STEMMERS = ("light10", "Snowball")
SYSTEMS = ENGINES + STEMMERS

Verdicts = dict[str, dict[str, list[bool]]]
"""Setting -> system -> one verdict per pair, in the pair set's order."""


def _stemmer_verdicts(pairs: Sequence[Pair], systems: Sequence[str]) -> dict[str, list[bool]]:
    stemmers = {"light10": lambda: LIGHT10, "Snowball": snowball_stemmers}
    return {name: stem_verdicts(pairs, stemmers[name]()) for name in systems if name in STEMMERS}


def _bahith_opener(root: Path) -> Callable[[Sequence[Doc]], BahithIndex]:
    """Each call builds a new Bahith index in its own folder under ``root``."""
    count = itertools.count()
    return lambda docs: BahithIndex(root / str(next(count)), docs)


def _engine_verdicts(
    pairs: Sequence[Pair],
    shards: Sequence[Sequence[int]],
    setting: str,
    seeds: Sequence[Doc],
    open_index: Callable[[Sequence[Doc]], Any],
) -> tuple[list[bool], list[str]]:
    """One engine's verdicts in one setting, and the queries that found a control document."""
    verdicts = [False] * len(pairs)
    leaks: list[str] = []
    controls = set(CONTROL_IDS.values())
    for numbers in shards:
        index = open_index(documents(pairs, numbers, setting, seeds))
        try:
            for n in numbers:
                found = index.found(pairs[n].query)
                verdicts[n] = pair_id(n) in found
                if found & controls:
                    leaks.append(pairs[n].query)
        finally:
            index.close()
    return verdicts, leaks


def evaluate(
    pairs: Sequence[Pair], settings: Sequence[str], systems: Sequence[str], seeds: Sequence[Doc]
) -> tuple[Verdicts, dict[str, dict[str, list[str]]], dict[str, str]]:
    """Verdicts per setting and system, control leaks per setting and engine, engines not run.

    An engine that cannot run here (Lucene without Java) is left out with the reason, so the
    other columns are still measured.
    """
    shards = deal(pairs)
    stems = _stemmer_verdicts(pairs, systems)
    verdicts: Verdicts = {setting: dict(stems) for setting in settings}
    leaks: dict[str, dict[str, list[str]]] = {setting: {} for setting in settings}
    not_run: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        lucene = None
        if "Lucene" in systems:
            try:
                lucene = stack.enter_context(running_lucene())
            except RuntimeError as error:
                not_run["Lucene"] = str(error)
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bahith-pairs-")))
        for setting in settings:
            if "Bahith" in systems:
                verdicts[setting]["Bahith"], leaks[setting]["Bahith"] = _engine_verdicts(
                    pairs, shards, setting, seeds, _bahith_opener(tmp / setting)
                )
            if lucene is not None:
                verdicts[setting]["Lucene"], leaks[setting]["Lucene"] = _engine_verdicts(
                    pairs, shards, setting, seeds, lambda docs: LuceneIndex(lucene, docs)
                )
    return verdicts, leaks, not_run
