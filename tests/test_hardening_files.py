"""Files under attack: links out of the folder, loops, pipes, bad names, stray NULs, guessed
encodings and oversized files. Each is reported by name and skipped; the rest is indexed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.article import Skipped
from indexer.ingest import discover, read_articles
from indexer.ingest.discovery import BAD_NAME, DANGLING, LOOP, OUTSIDE, SPECIAL
from indexer.ingest.encoding import decode, decode_bytes
from indexer.ingest.page import MAX_ARTICLE_CHARS
from indexer.ingest.reading import MAX_FILE_BYTES, MAX_PAGE_CHARS
from indexer.store import open_index
from indexer.update import update_index

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Les caravanes de Tozeur\n\nUne caravane de dromadaires est arrivée à Tozeur ce matin.\n"
SECRET = "Mot de passe\n\nLe coffre s'ouvre avec le mot zanzibar.\n"
ARABIC = "وزير الزراعة يفتتح معرض التمور\n\nافتتح الوزير المعرض بمشاركة مئتي مزارع، وقال إن الإنتاج زاد."
FRENCH = "À Lyon, le festival du livre ouvre\n\nL'État a salué dès vendredi une fréquentation « record »."


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An indexed folder holding one good article and every kind of bad entry."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "same.txt").symlink_to("../a.txt")
    (folder / "also-a.md").symlink_to(folder / "a.txt")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "itself.txt").symlink_to("itself.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "gone.txt").symlink_to("never-written.txt")
    (folder / "gone.png").symlink_to("never-drawn.png")
    os.mkfifo(folder / "pipe.txt")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    (folder / os.fsdecode(b"dossier-\xff")).mkdir()
    (folder / os.fsdecode(b"dossier-\xff") / "b.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


EXPECTED_REPORTS = {
    "caf\\xe9.txt": BAD_NAME,
    "dossier-\\xff": BAD_NAME,
    "elsewhere": OUTSIDE,
    "gone.txt": DANGLING,
    "itself.txt": LOOP,
    "ping.txt": LOOP,
    "pipe.txt": SPECIAL,
    "pong.txt": LOOP,
    "secret.txt": OUTSIDE,
}


def test_every_bad_entry_is_reported_by_name_and_the_article_listed_once_by_its_real_path(
    tree: Path,
) -> None:
    found = list(discover([tree]))
    skipped = [item for item in found if isinstance(item, Skipped)]
    assert [item for item in found if isinstance(item, Path)] == [tree / "a.txt"]
    assert {item.path: item.reason for item in skipped} == {
        f"{tree}/{name}": reason for name, reason in EXPECTED_REPORTS.items()
    }


def test_indexing_the_folder_skips_the_bad_entries_and_never_reads_outside_it(tree: Path) -> None:
    index_dir = tree.parent / "idx"
    summary = update_index(index_dir, [tree])
    assert (summary.added, {Path(s.path).name for s in summary.skipped}) == (1, set(EXPECTED_REPORTS))
    with open_index(index_dir).searcher() as searcher:
        stored = list(searcher.all_stored_fields())
    assert [fields["path"] for fields in stored] == [str(tree / "a.txt")]
    assert not any("zanzibar" in fields["body"] for fields in stored)


def test_bahith_index_reports_each_bad_entry_without_a_traceback(tree: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bahith", "--index", str(tree.parent / "idx"), "index", "--json", str(tree)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    summary = json.loads(run.stdout)
    assert summary["added"] == 1
    assert {Path(s["path"]).name: s["reason"] for s in summary["skipped"]} == EXPECTED_REPORTS


@pytest.mark.parametrize(
    ("link_target", "reason"),
    [
        ("inside/real.txt", None),
        ("outside/secret.txt", OUTSIDE),
        ("inside/missing.txt", DANGLING),
    ],
)
def test_the_watcher_reads_a_new_link_only_if_it_leads_inside_the_watched_folder(
    tmp_path: Path, link_target: str, reason: str | None
) -> None:
    for name, text in (("inside/real.txt", ARTICLE), ("outside/secret.txt", SECRET)):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    link = tmp_path / "inside" / "new.txt"
    link.symlink_to(tmp_path / link_target)
    expected = [tmp_path / "inside" / "real.txt"] if reason is None else [Skipped(str(link), reason)]
    assert list(discover([link], within=[tmp_path / "inside"])) == expected


@pytest.mark.parametrize(
    ("given", "reason"),
    [("/dev/null", SPECIAL), ("null.txt", SPECIAL), ("loop.txt", LOOP), ("dangling.txt", DANGLING)],
)
def test_a_path_named_on_the_command_line_that_is_no_file_is_reported(
    tmp_path: Path, given: str, reason: str
) -> None:
    (tmp_path / "null.txt").symlink_to("/dev/null")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.txt").symlink_to("nothing.txt")
    path = tmp_path / given
    assert list(discover([path])) == [Skipped(str(path), reason)]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Unique nulbyte\n\nLe mot zanzibar\x00 ici.\n", "Unique nulbyte\n\nLe mot zanzibar ici.\n"),
        ((ARTICLE[:30] + "\x00" + ARTICLE[30:]).encode(), ARTICLE),
        ((ARABIC + "\x00\x00").encode(), ARABIC),
        (ARABIC.encode("utf-16-le"), ARABIC),
        (ARABIC.encode("utf-16-be"), ARABIC),
        (FRENCH.encode("utf-16-le"), FRENCH),
        (FRENCH.encode("utf-16-be"), FRENCH),
    ],
    ids=[
        "repro",
        "french-utf8-nul",
        "arabic-utf8-nuls",
        "ar-utf16le",
        "ar-utf16be",
        "fr-utf16le",
        "fr-utf16be",
    ],
)
def test_stray_nuls_do_not_make_utf8_text_utf16_and_real_utf16_is_still_read(data: bytes, text: str) -> None:
    assert decode(data) == text


def test_an_article_with_a_stray_nul_is_found_by_its_words(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "nul.txt").write_bytes(b"Unique nulbyte\n\nLe mot zanzibar\x00 ici.\n")
    update_index(tmp_path / "idx", [tmp_path / "a"])
    with open_index(tmp_path / "idx").searcher() as searcher:
        [fields] = searcher.all_stored_fields()
    assert (fields["title"], fields["body"]) == ("Unique nulbyte", "Le mot zanzibar ici.")


@pytest.mark.parametrize(
    ("text", "codec", "guessed"),
    [
        (ARABIC, "utf-8", None),
        (ARABIC, "utf-16", None),
        (ARABIC, "cp1256", "Windows-1256"),
        (FRENCH, "cp1252", "Windows-1252"),
        (FRENCH, "latin-1", "Windows-1252"),
        ("Texte en ASCII seulement.", "ascii", None),
    ],
)
def test_an_encoding_found_by_guessing_is_said_to_be_a_guess(
    text: str, codec: str, guessed: str | None
) -> None:
    assert decode_bytes(text.encode(codec)).guessed == guessed


def test_a_guessed_encoding_is_reported_in_the_run_and_the_file_still_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "ar.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "fr.txt").write_bytes(FRENCH.encode("utf-8"))
    summary = update_index(tmp_path / "idx", [folder])
    assert (summary.added, summary.skipped) == (2, [])
    assert [(n.path, n.message) for n in summary.notices] == [
        (
            str(folder / "ar.txt"),
            "not UTF-8: read as Windows-1256 by guessing; check that it reads right, or save it as UTF-8",
        )
    ]
    assert "1 note to check" in summary.describe()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "long.txt",
            "Titre\n\n" + "mot " * (MAX_ARTICLE_CHARS // 4 + 1),
            "article is 1,000,003 characters long",
        ),
        ("huge.html", "<p>" + "x" * MAX_PAGE_CHARS + "</p>", "page is 5,000,007 characters long"),
        (
            "long.json",
            json.dumps({"title": "t", "body": "a" * (MAX_ARTICLE_CHARS + 1)}),
            "article is 1,000,001 characters long",
        ),
    ],
)
def test_a_text_too_long_for_one_article_is_refused_with_its_length(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [skipped] = read_articles(path)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith(reason), skipped


MEASURE = """
import resource, sys
from pathlib import Path
from indexer.analysis.arabic.lexicon import arabic_lexicon
from indexer.update import update_index
arabic_lexicon()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
summary = update_index(Path(sys.argv[1]), [Path(sys.argv[2])])
print(summary.added, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - before)
"""
"""Memory the file itself costs: the peak while indexing it, less the process with Bahith and
its Arabic dictionary loaded, which every run pays once whatever it indexes."""


def _largest_accepted(kind: str) -> str:
    if kind == "dense words":  # the most word positions an accepted article can hold
        return "Titre\n\n" + "ab " * (MAX_ARTICLE_CHARS // 3 - 10)
    if kind == "astral page":  # one emoji makes Python store every character in 4 bytes
        return "Titre 🐪\n\n" + ("Les caravanes arrivent. " * 40 + "\n\n") * (MAX_FILE_BYTES // 990)
    return "Titre\n\n" + ("Les caravanes de Tozeur arrivent au marché. " * 20 + "\n\n") * (
        MAX_ARTICLE_CHARS // 900
    )


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "added"), [("dense words", 1), ("astral page", 0), ("long article", 1)])
def test_indexing_the_largest_accepted_file_stays_under_200_mb(tmp_path: Path, kind: str, added: int) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "big.txt").write_text(_largest_accepted(kind), encoding="utf-8")
    assert (folder / "big.txt").stat().st_size <= MAX_FILE_BYTES
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path / "idx"), str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    indexed, peak_mb = map(int, run.stdout.split())
    assert indexed == added
    assert peak_mb < 200
