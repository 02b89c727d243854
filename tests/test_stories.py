"""Stories and copies: what is grouped, what stays out, and how the grouping follows changes.

Real Whoosh indexes of the seeds (one event, five articles) and of the fixtures
in ``tests/fixtures/stories`` (our own articles on the seeds' event and on four
others that share its names, plus edited copies; ``truth.tsv`` says which is
which). Until ``indexer.update`` calls ``StoryBatch`` itself, each index here gets
its story file from ``rebuild_stories`` after ``update_index``; the two give the
same stories.
"""

from __future__ import annotations

import difflib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.follow import follow, follow_file
from bench.stories import measure_quality
from indexer.article import Article
from indexer.ingest import read_articles
from indexer.stories import STATE_FILE, StoryBatch, StoryState, rebuild_stories
from indexer.stories.batch import place_articles
from indexer.stories.features import extract
from indexer.stories.sketch import make_sketch, resemblance, shingles
from indexer.update import update_index
from search.engine import SearchEngine
from search.present.stories import StoryIndex, compare, group_hits, story_page

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
SEED_QUERY = "سليماني موسكو"


def truth_rows() -> list[tuple[str, str, str]]:
    """(file, story, file it copies or "") for each fixture article."""
    lines = (FIXTURES / "truth.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [tuple([*line.split("\t"), ""][:3]) for line in lines]  # type: ignore[misc]


def fixture_article(name: str, folder: Path = FIXTURES) -> Article:
    """A fixture article as read from ``folder`` (its id comes from where the file lies)."""
    return next(iter(read_articles(folder / name)))


def index_with_stories(index_dir: Path, paths: list[Path]) -> Path:
    update_index(index_dir, paths)
    rebuild_stories(index_dir)
    return index_dir


def add_articles(index_dir: Path, paths: list[Path]) -> None:
    """Index more files, then give their articles to the stories as a commit would."""
    update_index(index_dir, paths)
    batch = StoryBatch(index_dir)
    for path in paths:
        for article in read_articles(path):
            batch.write(article)
    batch.commit()


@pytest.fixture
def seed_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds copied into a folder of their own, so articles can be added beside them."""
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.fixture
def seed_stories(tmp_path: Path, seed_copy: Path) -> Path:
    return index_with_stories(tmp_path / "index", [seed_copy])


def seed_groups(index_dir: Path) -> list:
    with SearchEngine(index_dir) as engine, StoryIndex(index_dir) as stories:
        hits = engine.search(SEED_QUERY, limit=100).hits
        return group_hits(hits, stories.stories_of([hit.id for hit in hits]))


def test_the_five_seed_articles_are_one_story(seed_stories: Path) -> None:
    groups = seed_groups(seed_stories)
    assert len(groups) == 1
    assert groups[0].story is not None and groups[0].story.size == 5
    assert len(groups[0].hits) == 5
    assert groups[0].story.langs() == ["ar", "fr"]
    other_language = "in French" if groups[0].hit.lang == "ar" else "in Arabic"
    assert groups[0].describe().startswith("also in: ")
    assert groups[0].describe().endswith(other_language)


@pytest.mark.parametrize(
    ("added", "joins"),
    [
        ("a1-ar.json", True),  # the same visit, written independently, in Arabic
        ("a3-fr.json", True),  # and in French
        ("b1-ar.json", False),  # another visit to Moscow by someone else
        ("b3-fr.json", False),
        ("c1-ar.json", False),  # another trip by the same man
        ("c3-fr.json", False),
        ("d1-ar.json", False),  # another S-300 delivery
        ("d3-fr.json", False),
        ("e1-ar.json", False),  # other sanctions
    ],
)
def test_an_added_article_joins_the_seed_story_only_about_the_same_event(
    seed_stories: Path, seed_copy: Path, added: str, joins: bool
) -> None:
    copied = seed_copy / added
    shutil.copy(FIXTURES / added, copied)
    add_articles(seed_stories, [copied])
    groups = seed_groups(seed_stories)
    seed_story = next(g.story for g in groups if g.story is not None and g.story.size >= 5)
    new_id = next(iter(read_articles(copied))).id
    assert (new_id in {m.id for m in seed_story.members}) is joins
    assert seed_story.size == (6 if joins else 5)


@pytest.fixture(scope="module")
def fixture_state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The fixtures grouped in the order of ``truth.tsv``: file name -> stored member."""
    folder = tmp_path_factory.mktemp("fixture-stories")
    articles = {name: fixture_article(name) for name, _, _ in truth_rows()}
    place_articles(folder, list(articles.values()))
    state = StoryState(folder)
    members = {name: state.get(article.id) for name, article in articles.items()}
    state.close()
    return members


@pytest.mark.parametrize(("copy", "original"), [(name, copied) for name, _, copied in truth_rows() if copied])
def test_each_copy_is_folded_under_its_original(fixture_state: dict, copy: str, original: str) -> None:
    assert fixture_state[copy].copy_of == fixture_state[original].id
    assert fixture_state[copy].story == fixture_state[original].story


@pytest.mark.parametrize(("copy", "original"), [(name, copied) for name, _, copied in truth_rows() if copied])
def test_each_copy_is_edited_by_5_to_40_percent(copy: str, original: str) -> None:
    def words(article: Article) -> list[str]:
        return f"{article.title} {article.body}".split()

    matcher = difflib.SequenceMatcher(None, words(fixture_article(original)), words(fixture_article(copy)))
    assert 0.05 <= 1 - matcher.ratio() <= 0.40


@pytest.mark.parametrize(
    ("one", "other", "same_story"),
    [
        ("a1-ar.json", "a3-fr.json", True),
        ("a2-ar.json", "a1-ar.json", True),
        ("b1-ar.json", "b3-fr.json", True),
        ("c1-ar.json", "c3-fr.json", True),
        ("d1-ar.json", "d3-fr.json", True),
        ("a1-ar.json", "b1-ar.json", False),
        ("a3-fr.json", "b3-fr.json", False),
        ("a1-ar.json", "c1-ar.json", False),
        ("a3-fr.json", "d3-fr.json", False),
        ("a1-ar.json", "e1-ar.json", False),
    ],
)
def test_fixture_stories(fixture_state: dict, one: str, other: str, same_story: bool) -> None:
    assert (fixture_state[one].story == fixture_state[other].story) is same_story


def test_grouping_quality_on_the_fixtures_and_seeds(seeds_dir: Path) -> None:
    quality = measure_quality(seeds_dir)
    assert quality["stories"]["precision"] >= 0.95
    assert quality["stories"]["recall"] >= 0.9
    assert quality["copies"] == {"precision": 1.0, "recall": 1.0, "true_pairs": 9}
    assert quality["across_languages"]["false_join_rate"] < 0.02
    assert quality["across_languages"]["recall"] > 0.9
    assert quality["seed_story"] == {"one_story": True, "articles_in_it": 11}


@pytest.mark.parametrize(
    ("one", "other", "shared"),
    [
        ("قاسم سليماني في موسكو", "Qassem Soleimani à Moscou", {"n:SLMNi", "n:MSGu"}),
        ("وصل يوم 24 تموز", "arrivé le 24 juillet", {"d:24", "m:juillet"}),
        ("وصل يوم 24 يوليو", "وصل يوم 24 تموز", {"d:24", "m:juillet"}),
        ("صواريخ إس-300", "les missiles S-300", {"d:300"}),
        ("التقى بسليماني", "التقى سليماني", {"n:SLMNi"}),
        ("وزير الدفاع سيرغي شويغو", "Le ministre Sergueï Choïgou", {"n:SRGi", "n:CGu"}),
    ],
)
def test_names_numbers_and_months_are_shared_across_languages_and_spellings(
    one: str, other: str, shared: set[str]
) -> None:
    assert shared <= set(extract("", one).entities) & set(extract("", other).entities)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Le ministre a parlé", "n:MNSTR"),  # a French word in lower case
        ("قال الوزير إن الحكومة", "n:HGMa"),  # an Arabic common noun
    ],
)
def test_common_words_are_not_names(text: str, not_a_name: str) -> None:
    assert not_a_name not in extract("", text).entities


@pytest.mark.parametrize(
    ("one", "other", "low", "high"),
    [
        ("a b c d e f g h i j", "a b c d e f g h i j", 1.0, 1.0),
        ("a b c d e f g h i j", "k l m n o p q r s t", 0.0, 0.0),
        ("a b c d e f g h i j", "a b c d e f g h x y", 0.4, 0.8),
    ],
)
def test_sketch_resemblance_estimates_shingle_overlap(one: str, other: str, low: float, high: float) -> None:
    def sketch(text: str) -> tuple[int, ...]:
        return make_sketch(shingles(text.split()))

    assert low <= resemblance(sketch(one), sketch(other)) <= high


def _fixture_index(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    return index_with_stories(tmp_path / "index", [folder])


def test_removing_an_original_makes_its_earliest_copy_the_original(tmp_path: Path) -> None:
    index_dir = _fixture_index(tmp_path, ["a1-ar.json", "a1-ar-copy1.json", "a1-ar-copy2.json"])
    original, first, second = (
        fixture_article(name, tmp_path / "articles").id
        for name in ("a1-ar.json", "a1-ar-copy1.json", "a1-ar-copy2.json")
    )
    (tmp_path / "articles" / "a1-ar.json").unlink()
    update_index(index_dir, [tmp_path / "articles"])
    batch = StoryBatch(index_dir)
    batch.delete(original)
    batch.commit()
    state = StoryState(index_dir)
    assert state.get(original) is None
    assert state.get(first).copy_of is None
    assert state.get(second).copy_of == first
    assert state.get(first).story == state.get(second).story
    state.close()


def test_a_changed_article_is_placed_again(tmp_path: Path) -> None:
    index_dir = _fixture_index(tmp_path, ["a1-ar.json", "a2-ar.json", "e1-ar.json"])
    a1, a2, e1 = (
        fixture_article(n, tmp_path / "articles") for n in ("a1-ar.json", "a2-ar.json", "e1-ar.json")
    )
    state = StoryState(index_dir)
    assert state.get(a2.id).story == state.get(a1.id).story
    state.close()
    batch = StoryBatch(index_dir)
    batch.write(replace(a2, title=e1.title, body=e1.body, content_hash=""))
    batch.commit()
    state = StoryState(index_dir)
    assert state.get(a2.id).story == state.get(e1.id).story != state.get(a1.id).story
    state.close()


def test_a_story_splits_when_the_article_joining_it_leaves(tmp_path: Path) -> None:
    index_dir = tmp_path / "state"
    a1, a3 = fixture_article("a1-ar.json"), fixture_article("a3-fr.json")
    place_articles(index_dir, [a1, a3])
    batch = StoryBatch(index_dir)
    batch.delete(a1.id)
    batch.commit()
    state = StoryState(index_dir)
    assert state.get(a3.id).story == a1.id  # the story keeps its id while an article is left in it
    assert state.count() == 1
    state.close()


def test_an_index_without_a_story_file_gets_one_on_its_next_commit(tmp_path: Path, seed_copy: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [seed_copy])
    (index_dir / STATE_FILE).unlink(missing_ok=True)  # as made before stories existed, or lost
    assert not StoryState.exists(index_dir)
    shutil.copy(FIXTURES / "b1-ar.json", seed_copy / "b1-ar.json")
    add_articles(index_dir, [seed_copy / "b1-ar.json"])
    state = StoryState(index_dir)
    assert state.count() == 6
    state.close()


def test_the_story_page_folds_copies_and_says_what_they_change(tmp_path: Path) -> None:
    index_dir = _fixture_index(tmp_path, ["a1-ar.json", "a1-ar-copy1.json", "a3-fr.json"])
    original = fixture_article("a1-ar.json", tmp_path / "articles").id
    with SearchEngine(index_dir) as engine, StoryIndex(index_dir) as stories:
        entries = story_page(engine, stories.stories_of([original])[original])
    assert sorted(len(entry.copies) for entry in entries) == [0, 1]
    changes = next(e for e in entries if e.copies).copies[0]
    assert any("ويرى محللون" in sentence for sentence in changes.dropped)
    assert any("ذكرت تقارير إعلامية" in sentence for sentence in changes.added)


@pytest.mark.parametrize(
    ("original", "copy", "added", "dropped"),
    [
        ("Un. Deux. Trois.", "Un. Deux. Trois.", [], []),
        ("Un. Deux. Trois.", "Un. Trois. Quatre.", ["Quatre."], ["Deux."]),
        ("قال سليماني. وصل إلى موسكو.", "قال سليماني. وصل الى موسكو.", [], []),  # only the hamza differs
    ],
)
def test_compare_lists_sentences_added_and_dropped(
    original: str, copy: str, added: list[str], dropped: list[str]
) -> None:
    assert compare(original, copy) == (added, dropped)


def test_follow_prints_only_what_was_indexed_since_its_last_call(seed_stories: Path, seed_copy: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(follow, [SEED_QUERY], obj=seed_stories)
    assert first.exit_code == 0
    assert first.output.count("indexed ") == 5
    again = runner.invoke(follow, [SEED_QUERY], obj=seed_stories)
    assert (again.exit_code, again.output) == (0, "")
    shutil.copy(FIXTURES / "b1-ar.json", seed_copy / "b1-ar.json")
    add_articles(seed_stories, [seed_copy / "b1-ar.json"])
    later = runner.invoke(follow, [SEED_QUERY], obj=seed_stories)
    assert later.output.count("indexed ") == 1
    assert fixture_article("b1-ar.json").title in later.output
    assert follow_file(seed_stories).is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a*"], "bahith: "),
        (["--lang", "de", "Soleimani"], "Invalid value for '--lang'"),
    ],
)
def test_follow_reports_bad_input_as_a_message(seed_stories: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(follow, args, obj=seed_stories)
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert "Traceback" not in result.output
