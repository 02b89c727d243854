"""Results one per story, sorting and what the web shows of files: the CLI, the page and the API.

Real indexes of the seeds (one event told by five articles) in temporary
folders, with their story file; one of them also holds an article of our own
about another visit to Moscow, by someone else, which must stay out of the
seeds' story.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import g
from flask.testing import FlaskClient

from bahith.cli import cli
from bahith.rendering import HIT_FIELDS
from indexer.ingest import read_articles
from indexer.stories import rebuild_stories
from indexer.update import update_index
from search.engine import JSON_FIELDS, Hit
from search.present.snippets import Snippet
from search.present.stories import HitGroup, Story, StoryMember
from web import create_app
from web.i18n import UI
from web.plurals import counted
from web.stories import also_in

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
QUERY = "سليماني موسكو"
OTHER_VISIT = "b1-ar.json"
"""Our article about another visit to Moscow, by someone else."""
HIT = re.compile(r'<li class="hit" lang="(\w*)" dir="(\w+)">')


def stories_index(root: Path, seeds_dir: Path, *extra: str) -> tuple[Path, Path]:
    """(index, articles folder): the seeds and ``extra`` fixtures indexed, with their stories."""
    folder = root / "articles"
    shutil.copytree(seeds_dir, folder)
    for name in extra:
        shutil.copy(FIXTURES / name, folder / name)
    update_index(root / "index", [folder])
    rebuild_stories(root / "index")
    return root / "index", folder


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    return stories_index(tmp_path_factory.mktemp("grouped"), seeds_dir)[0]


@pytest.fixture(scope="module")
def client(seeds: Path) -> FlaskClient:
    return create_app({"BAHITH_INDEX": seeds, "TESTING": True}).test_client()


def bahith(index: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def ranks(out: str) -> list[int]:
    return [int(number) for number in re.findall(r"^\W*(\d+)\. ", out, flags=re.MULTILINE)]


# The command line


def test_the_seeds_are_one_result_and_expand_lists_the_five(seeds: Path) -> None:
    code, out, _ = bahith(seeds, "search", "--color", "never", QUERY)
    assert code == 0
    assert out.startswith("5 articles in 1 story, 1-1 (page 1 of 1)")
    assert ranks(out) == [1]
    assert re.search(r"also in: .+, and in French", out)
    assert "one story of 5 articles: --expand lists them" in out
    code, out, _ = bahith(seeds, "search", "--color", "never", "--expand", QUERY)
    assert code == 0
    assert out.startswith("5 articles, 1-5 (page 1 of 1)")
    assert ranks(out) == [1, 2, 3, 4, 5]
    assert "also in:" not in out


def test_json_adds_a_story_to_each_hit_and_keeps_every_field(seeds: Path) -> None:
    _, grouped, _ = bahith(seeds, "search", "--json", QUERY)
    data = json.loads(grouped)
    assert (data["total"], data["pages"], data["group"], data["stories"]) == (5, 1, True, 1)
    [hit] = data["hits"]
    assert list(hit) == list(HIT_FIELDS)
    assert hit["story"]["size"] == 5 and hit["story"]["langs"] == ["ar", "fr"]
    _, expanded, _ = bahith(seeds, "search", "--json", "--expand", QUERY)
    every = json.loads(expanded)
    assert (every["total"], len(every["hits"]), every["group"]) == (5, 5, False)
    assert {h["story"]["id"] for h in every["hits"]} == {hit["story"]["id"]}


def test_csv_names_the_story_of_each_row(seeds: Path) -> None:
    _, out, _ = bahith(seeds, "search", "--expand", "--format", "csv", "--fields", "id,story", QUERY)
    rows = [line.split(",") for line in out.splitlines()[1:]]
    assert len(rows) == 5 and len({story for _, story in rows}) == 1


def test_another_visit_to_moscow_stays_out_of_the_story(tmp_path: Path, seeds_dir: Path) -> None:
    index, folder = stories_index(tmp_path, seeds_dir, OTHER_VISIT)
    other = next(iter(read_articles(folder / OTHER_VISIT))).id
    _, out, _ = bahith(index, "search", "--json", "--limit", "100", "موسكو")
    data = json.loads(out)
    assert data["total"] == 6 and data["stories"] == 2
    story_of = {hit["id"]: hit["story"] for hit in data["hits"]}
    assert story_of[other]["size"] == 1
    assert [s["size"] for i, s in story_of.items() if i != other] == [5]


def test_sort_by_date_lists_the_newest_first(seeds: Path) -> None:
    _, out, _ = bahith(seeds, "search", "--sort", "date", "--expand", "--json", "سليماني")
    dates = [hit["date"] for hit in json.loads(out)["hits"]]
    dated = [d for d in dates if d]
    assert dated and dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated)), "undated articles come last"


def test_an_unknown_sort_is_a_usage_error(seeds: Path) -> None:
    code, _, err = bahith(seeds, "search", "--sort", "oldest", "سليماني")
    assert code == 2 and "'--sort'" in err


def test_a_page_of_stories_past_the_end_says_how_many_there_are(seeds: Path) -> None:
    code, _, err = bahith(seeds, "search", "--page", "4", QUERY)
    assert code == 1
    assert "page 4 is past the end: 5 articles in 1 story at 10 stories a page make 1 page" in err


def test_follow_is_a_command(seeds: Path) -> None:
    code, out, _ = bahith(seeds, "follow", "--help")
    assert code == 0 and "Example" in out


# The API


def api(client: FlaskClient, status: int = 200, **params: object) -> dict:
    response = client.get("/api/search", query_string=params)
    assert response.status_code == status and response.mimetype == "application/json"
    return response.get_json()


def test_api_groups_unless_told_not_to(client: FlaskClient) -> None:
    grouped = api(client, q=QUERY)
    [hit] = grouped["hits"]
    assert grouped["total"] == 5 and hit["story"]["size"] == 5
    assert list(hit) == [name for name in JSON_FIELDS if name != "path"] + ["story"]
    every = api(client, q=QUERY, group="false")
    assert len(every["hits"]) == 5 and every["group"] is False


def test_api_answers_with_facets_pages_and_the_suggestion(client: FlaskClient) -> None:
    data = api(client, q="Soleimeni Moscou", limit=2, group="false")
    assert (data["limit"], data["pages"]) == (2, 3)
    assert data["suggestion"]["query"] == "Soleimani Moscou"
    assert data["facets"]["lang"] == {"ar": 4, "fr": 1}


@pytest.mark.parametrize(
    ("params", "total"),
    [({"source": "رويترز"}, 1), ({"source": "nowhere"}, 0), ({"exact": "1"}, 1), ({"exact": "0"}, 5)],
)
def test_api_honours_source_and_exact(client: FlaskClient, params: dict, total: int) -> None:
    assert api(client, q="Soleimani", **params)["total"] == total


def test_api_sort_by_date(client: FlaskClient) -> None:
    hits = api(client, q="سليماني", sort="date", group="false")["hits"]
    assert hits[0]["date"] == max(hit["date"] for hit in hits if hit["date"])
    assert [hit["date"] is None for hit in hits] == sorted(hit["date"] is None for hit in hits)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sort": "oldest"}, "sort must be one of relevance, date, -date"),
        ({"group": "maybe"}, "group must be true or false"),
        ({"exact": "2"}, "exact must be true or false"),
        ({"lang": "de"}, "lang must be one of ar, fr"),
    ],
)
def test_api_bad_values_are_400_json(client: FlaskClient, params: dict, message: str) -> None:
    assert message in api(client, 400, q="سليماني", **params)["error"]


def test_api_past_the_end_says_how_many_pages(client: FlaskClient) -> None:
    data = api(client, q=QUERY, page=3)
    assert (data["hits"], data["pages"]) == ([], 1)


def test_no_server_path_in_the_api_or_the_article_page(client: FlaskClient, seeds_dir: Path) -> None:
    answer = client.get("/api/search", query_string={"q": QUERY, "group": "false"}).get_data(as_text=True)
    article_id = json.loads(answer)["hits"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").get_json()
    assert re.fullmatch(r"\d{3}_[0-9a-f]+\.txt", article["path"]), "the file, under the indexed folder"
    page = client.get(f"/article/{article_id}").get_data(as_text=True)
    for shown in (answer, json.dumps(article), page):
        assert str(seeds_dir.parent) not in shown and "/tmp" not in shown


# The page


def test_the_page_shows_one_story_with_where_else_it_is(client: FlaskClient) -> None:
    page = client.get("/", query_string={"q": QUERY, "ui": "en"}).get_data(as_text=True)
    assert len(HIT.findall(page)) == 1
    assert re.search(r"Also in: .+, and in French", page)
    assert re.search(r'href="/story/\w+\?q=[^"]+">The whole story \(5 articles\)</a>', page)
    expanded = client.get("/", query_string={"q": QUERY, "group": "false"}).get_data(as_text=True)
    assert len(HIT.findall(expanded)) == 5


def test_the_page_sorts_and_keeps_the_sort_in_its_links(client: FlaskClient) -> None:
    page = client.get("/", query_string={"q": "سليماني", "ui": "en"}).get_data(as_text=True)
    assert re.search(r'<a href="/\?q=[^"]+&amp;sort=date">newest first</a>', page)
    by_date = client.get("/", query_string={"q": "سليماني", "sort": "date", "ui": "en"}).get_data(
        as_text=True
    )
    assert '<span aria-current="true">newest first</span>' in by_date
    assert re.search(r'href="/\?q=[^"]+&amp;sort=date&amp;group=false"', by_date)
    assert client.get("/", query_string={"q": "سليماني", "sort": "x"}).status_code == 400


@pytest.mark.parametrize(
    ("ui", "says"),
    [("en", "The results fill 1 page."), ("fr", "Les résultats tiennent en 1 page."), ("ar", "صفحة واحدة")],
)
def test_a_page_past_the_end_says_how_many_pages_there_are(client: FlaskClient, ui: str, says: str) -> None:
    page = client.get("/", query_string={"q": QUERY, "page": 5, "ui": ui}).get_data(as_text=True)
    assert says in page


@pytest.mark.parametrize(
    ("lang", "number", "written"),
    [
        ("en", 1, "1 article"),
        ("en", 0, "0 articles"),
        ("en", 2, "2 articles"),
        ("fr", 0, "0 article"),
        ("fr", 1, "1 article"),
        ("fr", 2, "2 articles"),
        ("ar", 0, "لا مقالات"),
        ("ar", 1, "مقال واحد"),
        ("ar", 2, "مقالان"),
        ("ar", 5, "5 مقالات"),
        ("ar", 11, "11 مقالًا"),
        ("ar", 100, "100 مقال"),
        ("ar", 103, "103 مقالات"),
        ("ar", 111, "111 مقالًا"),
    ],
)
def test_counted_nouns_take_the_plural_of_each_interface_language(
    lang: str, number: int, written: str
) -> None:
    assert counted(lang, "article", number) == written


@pytest.mark.parametrize(
    ("ui", "line"),
    [
        ("en", 'Also in: <bdi dir="auto">&lt;b&gt;Wire&lt;/b&gt;</bdi>, and in French'),
        ("fr", 'Aussi dans : <bdi dir="auto">&lt;b&gt;Wire&lt;/b&gt;</bdi> et en français'),
        ("ar", 'وتنشرها أيضًا: <bdi dir="auto">&lt;b&gt;Wire&lt;/b&gt;</bdi> وبالفرنسية'),
    ],
)
def test_the_also_in_line_is_in_the_interface_language_and_escaped(seeds: Path, ui: str, line: str) -> None:
    members = tuple(
        StoryMember(f"a{n}", "t", source, lang, None, None, n)
        for n, (source, lang) in enumerate([("Daily", "ar"), ("<b>Wire</b>", "ar"), ("", "fr")])
    )
    hit = Hit("a0", "", "t", "ar", "Daily", "", None, 1.0, Snippet())
    app = create_app({"BAHITH_INDEX": seeds})
    with app.test_request_context(f"/?ui={ui}"):
        g.ui = UI(ui)
        assert str(also_in(HitGroup(hit, Story("s", members), [hit]))) == line
