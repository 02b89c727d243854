"""``python -m bench.stories``: how well stories and copies are grouped, and what grouping costs.

Quality is measured on the seeds (``../shared/corpus/seeds``: one event, Soleimani's
July 2015 visit to Moscow, five articles) together with ``tests/fixtures/stories``:
independent Arabic and French articles on the same event and on four others
that share its subject or its names (another visit to Moscow by someone else,
another trip by the same man, another S-300 delivery, other sanctions), and
copies edited by 10–37% (``truth.tsv`` says which). Over every pair of
articles:

- stories: pair precision and recall of "same story";
- copies: pair precision and recall of "one is a copy of the other, or both of one original";
- across languages: the share of Arabic–French pairs from different events
  grouped together (false joins) and of those from one event grouped (recall).

The seed story is also grouped among the 200 distractor articles of the relevance set
(``bench/relevance_set/distractors``), written to reuse the seeds' names and words in
other events (other people called سليماني, the city of السليمانية, other visits to
Moscow): of the articles in the story holding most seeds, how many are seeds
(precision), and how many of the seeds it holds (recall).

Cost is the time to add ``--add`` articles, one commit each, to a story state
already holding ``--n`` articles of ``bench.corpus``'s synthetic archive (the
state is built once and cached under ``bench/.work/stories``); ``--n`` may be given
more than once for the growth trend. Results go to ``bench/results/stories.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from bench.corpus import ensure_corpus
from bench.runner import REPO_ROOT
from bench.seeds import default_seeds_dir
from indexer.article import Article
from indexer.ingest import read_articles
from indexer.stories import StoryBatch, StoryState
from indexer.stories.batch import place_articles
from indexer.stories.grouping import root_of

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "stories"
DISTRACTORS = REPO_ROOT / "bench" / "relevance_set" / "distractors"
SEED_STORY = "A"
"""The fixtures' name for the seeds' event."""
RESULTS = REPO_ROOT / "bench" / "results" / "stories.json"
CORPUS = REPO_ROOT / "bench" / ".work" / "corpus-seed1"
CACHE = REPO_ROOT / "bench" / ".work" / "stories"
CORPUS_SEED = 1
"""The seed ``python -m bench`` generates its corpus with, so the corpus cache can be shared."""


def labelled_articles(seeds_dir: Path, *, dated: bool = True) -> list[tuple[Article, str, str | None]]:
    """(article, true story, file it copies) for the fixtures, then the seeds; without
    ``dated``, the fixtures' dates are dropped, so that only what they say can keep
    events apart."""
    labelled = []
    for line in (FIXTURES / "truth.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, story, copy_of = [*line.split("\t"), ""][:3]
        for article in read_articles(FIXTURES / name):
            if not dated:
                article = replace(article, date=None)
            labelled.append((article, story, copy_of or None))
    for path in sorted(seeds_dir.iterdir()):
        labelled.extend((article, SEED_STORY, None) for article in read_articles(path))
    return labelled


def _scores(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float | int]:
    """Precision and recall of predicted pairs against true ones, from (truth, predicted)."""
    true_pos = false_pos = false_neg = 0
    for truth, predicted in pairs:
        true_pos += truth and predicted
        false_pos += predicted and not truth
        false_neg += truth and not predicted
    return {
        "precision": round(true_pos / (true_pos + false_pos), 4) if true_pos + false_pos else 1.0,
        "recall": round(true_pos / (true_pos + false_neg), 4) if true_pos + false_neg else 1.0,
        "true_pairs": true_pos + false_neg,
    }


def measure_quality(seeds_dir: Path, *, dated: bool = True) -> dict[str, object]:
    """Group the labelled articles incrementally and score every pair."""
    labelled = labelled_articles(seeds_dir, dated=dated)
    with tempfile.TemporaryDirectory() as folder:
        place_articles(Path(folder), [article for article, _, _ in labelled])
        state = StoryState(Path(folder))
        members = {m.id: m for m in state.many(article.id for article, _, _ in labelled)}
        state.close()
    by_file = {Path(article.path).name: article.id for article, _, _ in labelled}
    truth_root = {article.id: by_file[copy_of] if copy_of else article.id for article, _, copy_of in labelled}
    story_pairs, copy_pairs, across_same, across_other = [], [], [], []
    for (one, one_story, _), (other, other_story, _) in combinations(labelled, 2):
        same_story = members[one.id].story == members[other.id].story
        story_pairs.append((one_story == other_story, same_story))
        copy_pairs.append(
            (
                truth_root[one.id] == truth_root[other.id],
                root_of(members[one.id]) == root_of(members[other.id]),
            )
        )
        if one.lang != other.lang:
            (across_same if one_story == other_story else across_other).append(same_story)
    seed_ids = {article.id for article, story, _ in labelled if story == SEED_STORY}
    seed_story = {members[i].story for i in seed_ids}
    return {
        "articles": len(labelled),
        "stories": _scores(story_pairs),
        "copies": _scores(copy_pairs),
        "across_languages": {
            "false_join_rate": round(sum(across_other) / len(across_other), 4),
            "recall": round(sum(across_same) / len(across_same), 4),
            "pairs_other_events": len(across_other),
            "pairs_same_event": len(across_same),
        },
        "seed_story": {
            "one_story": len(seed_story) == 1,
            "articles_in_it": sum(1 for m in members.values() if m.story in seed_story),
        },
    }


def _state_of(n: int, seeds_dir: Path) -> Path:
    """A story state of the first ``n`` synthetic articles, built once and cached."""
    folder = CACHE / f"N{n}"
    if StoryState.exists(folder):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = ensure_corpus(CORPUS, n, CORPUS_SEED, seeds_dir)
    started = time.perf_counter()
    place_articles(folder, [a for path in paths for a in read_articles(path) if isinstance(a, Article)])
    (folder / "built.json").write_text(json.dumps({"seconds": round(time.perf_counter() - started, 1)}))
    return folder


def measure_cost(n: int, added: int, seeds_dir: Path) -> dict[str, object]:
    """Milliseconds per article added, one commit each, to a state of ``n`` articles (on a copy)."""
    built = _state_of(n, seeds_dir)
    extra = ensure_corpus(CORPUS, n + added, CORPUS_SEED, seeds_dir)[n:]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for part in built.iterdir():
            if part.name.startswith("stories"):
                shutil.copy2(part, work / part.name)
        timings = []
        for path in extra:
            batch = StoryBatch(work)
            for article in read_articles(path):
                if isinstance(article, Article):
                    batch.write(article)
            started = time.perf_counter()
            batch.commit()
            timings.append((time.perf_counter() - started) * 1000)
        size = sum(p.stat().st_size for p in work.iterdir())
    timings.sort()
    return {
        "n": n,
        "added": len(timings),
        "ms_per_article_mean": round(sum(timings) / len(timings), 1),
        "ms_per_article_p50": round(timings[len(timings) // 2], 1),
        "ms_per_article_p95": round(timings[int(len(timings) * 0.95) - 1], 1),
        "state_mb": round(size / 1_048_576, 1),
        "build_seconds": json.loads((built / "built.json").read_text())["seconds"],
    }


def measure_among_distractors(seeds_dir: Path) -> dict[str, object]:
    """The seed story grouped with the relevance set's distractors, seeds first as an index run
    of the two folders would take them."""
    seeds = [a for path in sorted(seeds_dir.iterdir()) for a in read_articles(path)]
    others = [a for path in sorted(DISTRACTORS.glob("*/*.txt")) for a in read_articles(path)]
    with tempfile.TemporaryDirectory() as folder:
        place_articles(Path(folder), [a for a in [*seeds, *others] if isinstance(a, Article)])
        state = StoryState(Path(folder))
        story_of = state.story_ids(a.id for a in [*seeds, *others])
        state.close()
    seed_ids = {a.id for a in seeds}
    held = Counter(story_of[i] for i in seed_ids)
    story, seeds_in_it = held.most_common(1)[0]
    size = sum(1 for s in story_of.values() if s == story)
    return {
        "articles": len(story_of),
        "seed_story_size": size,
        "precision": round(seeds_in_it / size, 4),
        "recall": round(seeds_in_it / len(seed_ids), 4),
    }


def main(argv: list[str] | None = None) -> None:
    """Print and save the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.stories", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="archive sizes for the cost (default 10000)")
    parser.add_argument("--add", type=int, default=50, help="articles added to measure the cost")
    parser.add_argument("--seeds", type=Path, default=default_seeds_dir())
    args = parser.parse_args(argv)
    results: dict[str, object] = {
        "quality": measure_quality(args.seeds),
        "among_distractors": measure_among_distractors(args.seeds),
    }
    print(json.dumps(results["quality"], indent=2))
    print(json.dumps({"among_distractors": results["among_distractors"]}))
    costs = []
    for n in args.n or [10_000]:
        costs.append(measure_cost(n, args.add, args.seeds))
        print(json.dumps(costs[-1]))
    results["cost"] = costs
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
