"""Files on disk: discovery, reading every format and encoding, and every way a file can be bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.article import Article, Skipped, article_id
from indexer.ingest import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, discover, read_articles

ARABIC = "وزير الزراعة يفتتح معرض التمور\n\nافتتح الوزير المعرض بمشاركة مئتي مزارع، وقال إن الإنتاج زاد."
FRENCH = "À Lyon, le festival du livre ouvre\n\nL'État a salué dès vendredi une fréquentation « record »."
UNSUPPORTED = (
    "unsupported file type, expected one of "
    ".atom, .htm, .html, .json, .jsonl, .md, .rss, .txt, .warc, .warc.gz, .xml"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read_one(path: Path) -> Article | Skipped:
    (item,) = read_articles(path)
    return item


def test_supported_suffixes() -> None:
    assert {
        ".txt",
        ".md",
        ".html",
        ".htm",
        ".json",
        ".jsonl",
        ".xml",
        ".rss",
        ".atom",
        ".warc",
        ".warc.gz",
    } == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("text", "codec"),
    [(ARABIC, c) for c in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256")]
    + [(FRENCH, c) for c in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")],
)
def test_a_text_file_in_any_supported_encoding_reads_as_its_utf8_twin(
    tmp_path: Path, text: str, codec: str
) -> None:
    twin = read_one(write(tmp_path / "utf8.txt", text))
    item = read_one(write(tmp_path / f"{codec}.txt", text.encode(codec)))
    assert isinstance(item, Article) and isinstance(twin, Article)
    assert (item.title, item.body, item.lang) == (twin.title, twin.body, twin.lang)
    assert f"{item.title}\n\n{item.body}" == text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", f"<html><body><h1>{FRENCH.split(chr(10))[0]}</h1><p>Texte.</p></body></html>"),
        ("page.htm", f"<html><body><h1>{FRENCH.split(chr(10))[0]}</h1><p>Texte.</p></body></html>"),
        ("page.md", f"# {FRENCH.split(chr(10))[0]}\n\nTexte."),
        ("page.json", json.dumps({"title": FRENCH.split("\n")[0], "body": "Texte."})),
        ("PAGE.TXT", f"{FRENCH.split(chr(10))[0]}\n\nTexte."),
    ],
)
def test_every_format_is_read_in_its_legacy_encoding_too(tmp_path: Path, name: str, content: str) -> None:
    item = read_one(write(tmp_path / name, content.encode("cp1252")))
    assert isinstance(item, Article), item
    assert (item.title, item.body) == ("À Lyon, le festival du livre ouvre", "Texte.")
    assert (item.id, item.path) == (article_id(str(tmp_path / name)), str(tmp_path / name))


def test_a_jsonl_file_in_windows_1256_keeps_good_lines_around_a_bad_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"body": ARABIC}, ensure_ascii=False),
        "{broken",
        json.dumps({"text": ARABIC}, ensure_ascii=False),
    ]
    path = write(tmp_path / "feed.jsonl", "\r\n".join(lines).encode("cp1256"))
    good, bad, also_good = read_articles(path)
    assert bad == Skipped(
        f"{path}:2", "invalid JSON: expecting property name enclosed in double quotes (column 2)"
    )
    assert isinstance(good, Article) and isinstance(also_good, Article)
    assert good.body == also_good.body == ARABIC.split("\n", 1)[0] + "\n\n" + ARABIC.split("\n\n", 1)[1]
    assert (good.lang, good.id, also_good.id) == (
        "ar",
        article_id(str(path), "1"),
        article_id(str(path), "3"),
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00", "binary file, not text"),
        ("controls.md", bytes(range(1, 32)) * 4, "binary file, not text"),
        (
            "garbage.html",
            bytes(range(0x80, 0x100)) * 3,
            "not UTF-8, UTF-16, Windows-1256 or Windows-1252 text",
        ),
        ("empty.txt", b"", "empty file"),
        ("blank.jsonl", b" \n\t\r\n\xc2\xa0\n", "empty file"),
        ("bom-only.json", b"\xff\xfe", "empty file"),
        ("menu.html", b"<html><body><nav>Accueil</nav></body></html>", "no article text found"),
        ("furniture.txt", b"ADVERTISING\n\n2,451FansLike", "no article text found"),
        ("broken.json", b'{"body": ', "invalid JSON: expecting value (line 1, column 10)"),
        ("notes.pdf", b"%PDF-1.7", UNSUPPORTED),
    ],
)
def test_a_bad_file_is_one_skip_naming_the_problem(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path / name, content)
    assert list(read_articles(path)) == [Skipped(str(path), reason)]


def test_a_file_over_the_size_limit_is_skipped_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as file:
        file.truncate(int(52.4 * 1024 * 1024))
    assert read_one(path) == Skipped(str(path), "file is 52.4 MB, over the 10 MB limit")


@pytest.mark.parametrize(
    ("size", "reason"),
    [
        (MAX_FILE_BYTES, "binary file, not text"),
        (MAX_FILE_BYTES + 1, "file is 10.0 MB, over the 10 MB limit"),
    ],
)
def test_the_size_limit_is_exactly_10_mb(tmp_path: Path, size: int, reason: str) -> None:
    path = write(tmp_path / "big.txt", b"\x00" * size)
    assert read_one(path) == Skipped(str(path), reason)


def test_a_file_that_vanished_before_reading_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "gone.txt", FRENCH)
    (found,) = discover([tmp_path])
    path.unlink()
    assert read_one(found) == Skipped(str(path), "file vanished before it could be read")


def test_a_folder_named_like_an_article_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert read_one(path) == Skipped(str(path), "is a folder, not a file")


def test_malformed_html_markup_never_raises(tmp_path: Path) -> None:
    path = write(tmp_path / "word.html", "<p>Texte.</p><![foo[ x ]]><![ y <p>Suite.</p>")
    found = read_one(path)
    if not isinstance(found, Skipped):  # some parsers give up on this markup: a skip is fine
        assert found.body.split() == ["Texte.", "Suite."]


_TEXTY = st.text(alphabet=st.sampled_from("<>!-[]/?=\"'{}:,\n\t #*_&;abcé١اسم"), max_size=300)
_BYTES = st.one_of(
    st.binary(max_size=600),
    _TEXTY.map(lambda text: text.encode("utf-8")),
    _TEXTY.map(lambda text: text.encode("utf-16")),
    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


@settings(max_examples=150, deadline=None)
@given(suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)), data=_BYTES)
def test_read_articles_never_raises_on_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_articles(path))
    assert items
    for item in items:
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Skipped):
            assert item.reason and item.reason == item.reason.strip() and "\n" not in item.reason
        else:
            assert item.body.strip() and "\n" not in item.title and item.lang in ("ar", "fr")
            assert not any(ch < " " and ch not in "\n\t" for ch in item.title + item.body)


def test_discover_walks_folders_sorted_and_skips_hidden_and_foreign_files(tmp_path: Path) -> None:
    for name in ("b/2.md", "b/1.html", "a.txt", "c.JSONL", "b/deep/3.htm", "d.json"):
        write(tmp_path / name, FRENCH)
    for name in (".hidden.txt", ".git/config.txt", "b/photo.png", "b/.cache/x.txt"):
        write(tmp_path / name, FRENCH)
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    expected = ["a.txt", "b/1.html", "b/2.md", "b/deep/3.htm", "c.JSONL", "d.json"]
    assert list(discover([tmp_path])) == [tmp_path / name for name in expected]


def test_discover_reports_paths_it_cannot_use_and_lists_each_file_once(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", FRENCH)
    hidden = write(tmp_path / ".given.md", FRENCH)
    foreign = write(tmp_path / "photo.png", b"\x89PNG")
    missing = tmp_path / "missing.txt"
    assert list(discover([article, missing, tmp_path, foreign, hidden])) == [
        article,
        Skipped(str(missing), "no such file or folder"),
        Skipped(str(foreign), UNSUPPORTED),
        hidden,
    ]
