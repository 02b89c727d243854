"""The ``bahith`` command: index, search, analyse and serve from a terminal.

One sub-command per job, in the style of sqlite-utils: options shared by the
commands that print results come from one decorator each (``--format`` and
``--fields`` for rows, ``--color`` and ``--bidi`` for the terminal), and exit
codes scripts can rely on: 0 success, 1 nothing found or bad input, 2 usage
error. Bad input is reported as ``bahith: …`` on stderr, never as a traceback.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from bidi.algorithm import get_display

from bahith import rendering
from bahith.follow import follow
from bahith.formats import FORMATS, ROW_FORMATS, parse_fields, write_rows
from bahith.rendering import Shown
from bahith.terminal import BIDI_CHOICES, COLOR_CHOICES, Screen, bidi_wanted, color_wanted, terminal_width
from indexer.analysis import Script, analyze_text, explain_readings
from indexer.feed_watch import Poll, check_feed_url, parse_interval, watch_feeds
from indexer.store import IndexUnavailable, default_index_dir, index_stats
from indexer.update import LOCK_TIMEOUT_SECONDS, RunSummary, apply_changes, rebuild_index, update_index
from indexer.uploads import UploadRejected, default_articles_dir, is_upload, remove_upload
from search.engine import LANGS, MAX_LIMIT, SORTS, SearchEngine
from search.errors import QueryError
from search.present.browse import AmbiguousId, Article, article_by_id, articles_from, list_articles, overview
from search.present.stories import HitGroup, StoryIndex, search_stories, with_stories

EXIT_NOTHING = 1
SOURCES_SHOWN = 10
"""The commonest sources ``stats`` lists; the JSON has them all."""

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Report bad input the way every command does, and exit 1."""
    click.echo(f"bahith: {message}", err=True)
    sys.exit(EXIT_NOTHING)


def emit_json(data: Any) -> None:
    """Print one JSON document, UTF-8, Arabic left readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def display_options(command: F) -> F:
    """``--color`` and ``--bidi``, for every command that prints text for people."""
    command = click.option(
        "--bidi",
        type=click.Choice(BIDI_CHOICES),
        default="auto",
        show_default=True,
        help="Reorder Arabic for terminals that show it reversed (tmux, screen, IDE terminals); "
        "auto does so in those.",
    )(command)
    return click.option(
        "--color",
        type=click.Choice(COLOR_CHOICES),
        default="auto",
        show_default=True,
        help="Colour the output; auto colours a terminal unless NO_COLOR is set.",
    )(command)


def output_options(formats: tuple[str, ...], default: str) -> Callable[[F], F]:
    """``--format``, ``--fields`` and ``--json`` (short for ``--format json``)."""

    def decorate(command: F) -> F:
        command = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(command)
        command = click.option(
            "--fields",
            metavar="A,B,…",
            help="Only these fields, in this order, in the rows (json, nl, csv, tsv, table).",
        )(command)
        return click.option(
            "--format",
            "kind",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="text for people; json (one document), nl (a JSON object a line), csv, tsv or table.",
        )(command)

    return decorate


def make_screen(color: str, bidi: str) -> Screen:
    """How standard output is to be written for ``--color`` and ``--bidi``."""
    return Screen(color_wanted(color, sys.stdout), bidi_wanted(bidi, sys.stdout), terminal_width())


def echo_lines(screen: Screen, lines: list[str]) -> None:
    """Print laid-out lines, colour kept only when it was asked for."""
    for line in lines:
        click.echo(line, color=screen.color)


def chosen_fields(text: str | None, available: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
    """``--fields`` checked, or a usage error (exit 2) naming the fields there are."""
    try:
        return parse_fields(text, available, default)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--fields") from None


def cell_shown(screen: Screen) -> Callable[[str], str]:
    """How a table cell is prepared: right-to-left text in display order when asked."""
    return (lambda text: get_display(text)) if screen.bidi else str


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index folder. Default: $BAHITH_INDEX, else ~/.local/share/bahith/index.",
)
@click.version_option(package_name="bahith")
@click.pass_context
def cli(ctx: click.Context, index_dir: Path | None) -> None:
    """Bahith: search Arabic and French news articles.

    Exit codes: 0 done, 1 nothing found or bad input (said on stderr), 2 a
    command or option used wrongly. NO_COLOR turns colour off.

    \b
    Example:
      bahith index ~/articles
      bahith search "سليماني موسكو"
      bahith search --format csv --all Soleimani > soleimani.csv
      bahith list --lang fr --since 2016
      bahith show bbfe5458
    """
    ctx.obj = index_dir or default_index_dir()


class ProgressBar:
    """A progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="indexing", file=sys.stderr, show_pos=True)
        self._bar.update(1)

    def close(self) -> None:
        """Finish the line the bar was drawn on."""
        if self._bar is not None:
            self._bar.render_finish()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--rebuild",
    is_flag=True,
    help="Build a fresh index of PATHS beside the current one and swap it in when done.",
)
@click.option(
    "--wait",
    default=LOCK_TIMEOUT_SECONDS,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds to wait for another process writing the index.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def index(index_dir: Path, paths: tuple[Path, ...], rebuild: bool, wait: float, as_json: bool) -> None:
    """Index articles from files and folders (recursively), incrementally.

    Reads .txt, .md, .html, .htm, .json, .jsonl, RSS and Atom feeds (.xml,
    .rss, .atom: one article per entry) and WARC web archives (.warc,
    .warc.gz: one article per HTML page). New articles are added,
    changed ones updated, those whose files left an indexed folder removed;
    unchanged ones are left alone. Files that cannot be read are reported and
    skipped (exit code 1); everything else is still indexed. --rebuild starts
    from scratch (needed after an upgrade changes the analysis).

    \b
    Example:
      bahith --index ./idx index ../shared/corpus/seeds
    """
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}; nothing was indexed")
    bar = ProgressBar()
    try:
        run = rebuild_index if rebuild else update_index
        summary = run(index_dir, list(paths), on_progress=bar, lock_timeout=wait)
    except IndexUnavailable as error:
        fail(str(error))
    finally:
        bar.close()
    for skipped in summary.skipped:
        click.echo(f"bahith: cannot read {skipped.path}: {skipped.reason} (skipped)", err=True)
    for notice in summary.notices:
        click.echo(f"bahith: note: {notice.path}: {notice.message}", err=True)
    if as_json:
        emit_json(
            {
                "index": str(index_dir),
                "added": summary.added,
                "updated": summary.updated,
                "removed": summary.removed,
                "unchanged": summary.unchanged,
                "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
            }
        )
    else:
        click.echo(f"{index_dir}: {summary.describe()}")
    if summary.skipped:
        sys.exit(EXIT_NOTHING)


def _all_hits(
    engine: SearchEngine, stories: StoryIndex, query: str, options: dict[str, Any]
) -> Iterator[HitGroup]:
    """Every hit of ``query``, page after page on one state of the index, as they are ranked,
    each with its story."""
    for results in engine.every_page(query, **options):
        yield from with_stories(stories, results.hits)


@cli.command()
@click.argument("query")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(1, MAX_LIMIT), help="Hits per page."
)
@click.option("--page", default=1, show_default=True, type=click.IntRange(1), help="Page of results.")
@click.option("--all", "every_page", is_flag=True, help="Every article, all pages, as they are ranked.")
@click.option("--lang", type=click.Choice(LANGS), help="Only articles in this language.")
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="relevance; date: newest first; -date: oldest first (undated articles last).",
)
@click.option("--expand", is_flag=True, help="Every matching article, rather than one result per story.")
@click.option(
    "--exact",
    is_flag=True,
    help="Only the words as typed (with their clitics and accents): no other spellings of names, "
    "no names or months in the other language.",
)
@output_options(FORMATS, "text")
@display_options
@click.pass_obj
def search(
    index_dir: Path,
    query: str,
    limit: int,
    page: int,
    every_page: bool,
    lang: str | None,
    sort: str,
    expand: bool,
    exact: bool,
    kind: str,
    fields: str | None,
    as_json: bool,
    color: str,
    bidi: str,
) -> None:
    """Search the index: one result per story, articles with every word first.

    Articles about one event (from several sites, in either language, copies
    included) are one story, shown through its best-ranked article with the
    other sources and languages that carry it; --expand (and --all) list every
    article. Totals count articles. A name also finds its other spellings
    (شويغو, شويجو) and, after every other result, its form in the other script
    (Soleimani, سليماني); a month finds its other names (juillet, يوليو, تموز).
    --exact turns this off. A word that found little gets a "did you mean" with
    the corrected words marked.

    \b
    Syntax: "exact phrase", -exclude, a OR b, title:word, lang:fr,
    date:2016, date:[2015-07 TO 2016-12], prefix*, fuzzy~
    Fields: id, title, lang, source, date, url, score, cross_language, snippet, story
    Example:
      bahith search "سليماني موسكو"
      bahith search --expand --sort date "سليماني"
      bahith search --format csv --all --fields date,title,source Soleimani > soleimani.csv
      bahith search --format nl --lang fr Moscou | jq .title
      bahith search --exact شويغو
    """
    kind = "json" if as_json else kind
    screen = make_screen(color, bidi)
    default = rendering.HIT_TABLE_FIELDS if kind == "table" else rendering.HIT_FIELDS
    chosen = chosen_fields(fields, rendering.HIT_FIELDS, default)
    options: dict[str, Any] = {"lang": lang, "exact": exact, "sort": sort}
    try:
        with SearchEngine(index_dir) as engine, StoryIndex(index_dir) as stories:
            if every_page or expand:
                results = engine.search(query, limit=limit, page=page, **options)
                groups = _all_hits(engine, stories, query, options) if every_page else None
                shown = Shown(results, results.pages, groups or with_stories(stories, results.hits))
            else:
                found = search_stories(engine, stories, query, page=page, limit=limit, **options)
                shown = Shown(found.results, found.pages, found.groups, story_page=found)
            _write_hits(screen, kind, chosen, shown, page, limit, every_page)
    except (QueryError, IndexUnavailable) as error:
        fail(str(error))
    if shown.results.total == 0:
        click.echo("bahith: no articles found", err=True)
        sys.exit(EXIT_NOTHING)
    if not shown.written and not every_page:
        fail(rendering.past_the_end(shown, page, limit))


def _write_hits(
    screen: Screen,
    kind: str,
    fields: tuple[str, ...],
    shown: Shown,
    page: int,
    limit: int,
    every_page: bool,
) -> None:
    """The hits in the format asked, the suggestion with them (on stderr beside rows)."""
    suggestion = shown.results.suggestion
    if kind == "text":
        if not every_page:
            click.echo(rendering.summary_line(shown, page, limit))
        first = 1 if every_page else (page - 1) * limit + 1
        for rank, group in enumerate(shown, start=first):
            echo_lines(screen, ["", *rendering.group_lines(screen, rank, group, shown.grouped)])
        if suggestion:
            click.echo(rendering.suggestion_line(screen, suggestion), color=screen.color)
        return
    if shown.story_page is not None:
        document = shown.story_page.to_json()
    else:
        document = shown.results.to_json()
        document.update(page=page, limit=limit, pages=shown.pages, group=False)
    document.pop("hits", None)
    if every_page:
        document.update(page=None, limit=None, pages=None)
    write_rows(
        sys.stdout,
        kind,
        (rendering.hit_row(group, kind) for group in shown),
        fields,
        document=document,
        width=screen.width,
        shown=cell_shown(screen),
    )
    if suggestion and kind != "json":
        click.echo(rendering.suggestion_line(screen, suggestion), err=True)


@cli.command()
@click.argument("text")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    help="Force the Arabic (ar) or French (fr) chain instead of choosing by script.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the tokens as JSON.")
def analyze(text: str, lang: str | None, as_json: bool) -> None:
    """Show what each word of TEXT becomes in the index, and why it matches.

    For each word: the surface form, its normalized form, the index term, the
    readings it is also indexed under (for Arabic, its stems, each with why: the
    dictionary entry and root it rests on, or the rule that made it) and its
    character offsets in TEXT.

    \b
    Example:
      bahith analyze "وقال لرويترز إن سليماني توجّه إلى موسكو"
    """
    tokens = analyze_text(text, script=Script(lang) if lang else None)
    rows = [
        {
            "surface": t.word.surface,
            "normalized": t.analysis.normalized,
            "term": t.analysis.term,
            "readings": [{"term": term, "why": why} for term, why in explain_readings(t.analysis)],
            "stop": t.analysis.stop,
            "start": t.start,
            "end": t.end,
            "chain": t.analysis.script.value,
        }
        for t in tokens
    ]
    if as_json:
        emit_json(rows)
    else:
        for row in rows:
            term = "(stop word)" if row["stop"] else row["term"] or "(dropped)"
            click.echo(
                f"{row['start']:>5}-{row['end']:<5} [{row['chain']}] {row['surface']}  ->  "
                f"normalized {row['normalized']}  term {term}"
            )
            for reading in row["readings"]:
                click.echo(f"{'':13}reading {reading['term']}  ({reading['why']})")
    if not rows:
        fail("no words in the text")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.pass_obj
def stats(index_dir: Path, as_json: bool) -> None:
    """Show what the index holds: articles by language and source, dates, words, health.

    The vocabulary is the number of distinct words indexed (not counting the
    stems Arabic words are also indexed under). Health tells how many segments
    the index is in and how many deleted articles still take room in them.

    \b
    Example:
      bahith stats
      bahith stats --json | jq .sources
    """
    try:
        info = index_stats(index_dir)
        with SearchEngine(index_dir) as engine:
            more = overview(engine)
    except IndexUnavailable as error:
        fail(str(error))
    if as_json:
        emit_json(
            {
                "index": info.path,
                "articles": info.articles,
                "by_lang": info.by_lang,
                "sources": more.sources,
                "dates": {"first": more.first_date, "last": more.last_date, "undated": more.undated},
                "vocabulary": more.vocabulary,
                "segments": more.segments,
                "deleted": more.deleted,
                "size_bytes": info.size_bytes,
                "last_update": info.last_update.isoformat() if info.last_update else None,
            }
        )
        return
    click.echo(f"index       {info.path}")
    click.echo(f"articles    {info.articles}")
    for lang, number in info.by_lang.items():
        click.echo(f"  {lang or '?':<9} {number}")
    click.echo(f"sources     {len(more.sources)}")
    for source, number in list(more.sources.items())[:SOURCES_SHOWN]:
        click.echo(f"  {number:>5}  {source or '(no source)'}")
    if len(more.sources) > SOURCES_SHOWN:
        click.echo(f"  … and {len(more.sources) - SOURCES_SHOWN} more: 'bahith stats --json' lists them all")
    dated = f"{more.first_date} to {more.last_date}" if more.first_date else "none dated"
    click.echo(f"dates       {dated}, {more.undated} undated")
    click.echo(f"vocabulary  {rendering.count(more.vocabulary, 'word')}")
    click.echo(f"size        {info.size_bytes / 1_048_576:.1f} MB")
    health = (
        "ok" if not more.deleted else f"{rendering.count(more.deleted, 'deleted article')} awaiting a merge"
    )
    click.echo(f"health      {health}, {rendering.count(more.segments, 'segment')}")
    click.echo(
        f"last update {info.last_update:%Y-%m-%d %H:%M:%S %Z}" if info.last_update else "last update never"
    )


def _since(ctx: click.Context, param: click.Parameter, text: str | None) -> date | None:
    """``--since``: a year or a month stands for its first day."""
    if text is None:
        return None
    padding = {4: "-01-01", 7: "-01"}.get(len(text), "")
    try:
        return date.fromisoformat(text + padding)
    except ValueError:
        raise click.BadParameter(f"{text} is not a date: write 2016, 2016-07 or 2016-07-15") from None


@cli.command(name="list")
@click.option("--lang", type=click.Choice(LANGS), help="Only articles in this language.")
@click.option("--source", help="Only articles from this source, as stats lists them.")
@click.option(
    "--since", callback=_since, metavar="DATE", help="Only articles of this date or later: 2016, 2016-07."
)
@output_options(ROW_FORMATS, "table")
@display_options
@click.pass_obj
def list_command(
    index_dir: Path,
    lang: str | None,
    source: str | None,
    since: date | None,
    kind: str,
    fields: str | None,
    as_json: bool,
    color: str,
    bidi: str,
) -> None:
    """List the indexed articles, newest first: id, date, language, source, title.

    \b
    Fields: id, date, lang, source, title, url, file
    Example:
      bahith list --lang fr --since 2016
      bahith list --format csv --fields id,date,title > articles.csv
    """
    kind = "json" if as_json else kind
    screen = make_screen(color, bidi)
    default = rendering.ARTICLE_TABLE_FIELDS if kind == "table" else rendering.ARTICLE_FIELDS
    chosen = chosen_fields(fields, rendering.ARTICLE_FIELDS, default)
    try:
        with SearchEngine(index_dir) as engine:
            found = list_articles(engine, lang=lang, source=source, since=since)
    except IndexUnavailable as error:
        fail(str(error))
    rows = (rendering.article_row(article) for article in found)
    write_rows(
        sys.stdout, kind, rows, chosen, list_name="articles", width=screen.width, shown=cell_shown(screen)
    )
    if not found:
        fail("no articles match")


def _article(index_dir: Path, wanted: str) -> Article:
    """The article of id ``wanted`` (or the start of one), or exit 1 saying why not."""
    try:
        with SearchEngine(index_dir) as engine:
            article = article_by_id(engine, wanted)
    except (IndexUnavailable, AmbiguousId) as error:
        fail(str(error))
    if article is None:
        fail(f"no article has the id {wanted}: 'bahith list' shows the ids")
    return article


@cli.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@display_options
@click.pass_obj
def show(index_dir: Path, article_id: str, as_json: bool, color: str, bidi: str) -> None:
    """Show one article: its metadata, then its text. ID may be the start of an id.

    \b
    Example:
      bahith show bbfe5458
      bahith show --json bbfe5458bfa4a8a7 | jq -r .body
    """
    article = _article(index_dir, article_id)
    if as_json:
        emit_json({**rendering.article_row(article), "body": article.body})
        return
    screen = make_screen(color, bidi)
    echo_lines(screen, rendering.article_lines(screen, article))


@cli.command()
@click.argument("target", metavar="ID|PATH")
@click.option(
    "--wait",
    default=LOCK_TIMEOUT_SECONDS,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds to wait for another process writing the index.",
)
@click.pass_obj
def delete(index_dir: Path, target: str, wait: float) -> None:
    """Take an article (by ID) or every article of a file or folder (PATH) out of the index.

    The files are left where they are, so indexing their folder again brings
    them back; an article that came in through the API's upload is deleted with
    its file. One article of a file holding several (a feed, an archive) cannot
    be taken out alone: delete the file's PATH, or edit the file and index it.

    \b
    Example:
      bahith delete bbfe5458
      bahith delete ~/articles/2016
    """
    try:
        with SearchEngine(index_dir) as engine:
            article = article_by_id(engine, target) if not Path(target).exists() else None
            chosen = [article] if article else articles_from(engine, Path(target))
            siblings = articles_from(engine, Path(article.path)) if article else []
    except (IndexUnavailable, AmbiguousId) as error:
        fail(str(error))
    if not chosen:
        fail(f"no article has the id {target}, and none was read from a file or folder {target}")
    articles_dir = default_articles_dir(index_dir)
    try:
        if article and is_upload(articles_dir, article.path):
            summary = remove_upload(index_dir, articles_dir, article.path, article.id)
        elif article and len(siblings) > 1:
            fail(
                f"article {article.id} is one of the {len(siblings)} articles of "
                f"{rendering.shown_file(article.path)}: delete that file's path to take them all out"
            )
        else:
            where = Path(article.path) if article else Path(target)
            summary = apply_changes(index_dir, [], [where], lock_timeout=wait)
    except (IndexUnavailable, UploadRejected) as error:
        fail(str(error))
    click.echo(f"deleted {rendering.count(summary.removed, 'article')}")
    if not (article and is_upload(articles_dir, article.path)) and any(Path(a.path).exists() for a in chosen):
        click.echo(
            "bahith: note: the files are still there: indexing their folder again adds them back", err=True
        )


def _feed_urls(ctx: click.Context, param: click.Parameter, urls: tuple[str, ...]) -> tuple[str, ...]:
    try:
        return tuple(check_feed_url(url) for url in urls)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _interval(ctx: click.Context, param: click.Parameter, text: str) -> float:
    try:
        return parse_interval(text)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@cli.command()
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    callback=_feed_urls,
    help="Also poll this RSS or Atom feed and index its new and changed entries (repeatable).",
)
@click.option(
    "--every",
    default="10m",
    show_default=True,
    callback=_interval,
    help="How often to poll the feeds: 30s, 10m, 1h.",
)
@click.pass_obj
def watch(index_dir: Path, folders: tuple[Path, ...], feeds: tuple[str, ...], every: float) -> None:
    """Index FOLDERS, then keep indexing what lands, changes, moves or leaves them.

    Bursts of changes are batched into few commits; bad files are reported and
    the watch goes on. With --feed, each feed is polled (a conditional request:
    an unchanged feed costs nothing) and its entries are kept beside the index,
    so an entry stays searchable after it leaves the feed; a feed that is down,
    slow or not a feed is reported and polled again next time. Stop with Ctrl-C
    (or SIGTERM).

    \b
    Example:
      bahith --index ./idx watch ~/articles
      bahith watch --feed https://www.example.com/rss.xml --every 10m
    """
    from indexer.watch import watch as run_watch

    if not folders and not feeds:
        raise click.UsageError("give FOLDERS to watch, or --feed URL")

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def report(summary: RunSummary, seconds: float) -> None:
        for skipped in summary.skipped:
            click.echo(f"bahith: cannot read {skipped.path}: {skipped.reason} (skipped)", err=True)
        click.echo(f"{time.strftime('%H:%M:%S')} {summary.describe()} ({seconds:.2f} s)")

    def warn(message: str) -> None:
        click.echo(f"bahith: {message}", err=True)

    def polled(poll: Poll) -> None:
        if poll.summary is None:
            click.echo(f"{time.strftime('%H:%M:%S')} feed {poll.url}: not changed since the last poll")
            return
        for skipped in poll.summary.skipped:
            click.echo(f"bahith: cannot read {skipped.path}: {skipped.reason} (skipped)", err=True)
        what = f"{poll.entries} entries, {poll.summary.describe()}"
        click.echo(f"{time.strftime('%H:%M:%S')} feed {poll.url}: {what}")

    watched = [*map(str, folders), *(f"feed {url} every {every:g} s" for url in feeds)]
    click.echo(f"watching {', '.join(watched)} into {index_dir} (Ctrl-C to stop)")
    poller = threading.Thread(
        target=watch_feeds,
        args=(index_dir, feeds),
        kwargs={"every": every, "on_poll": polled, "on_error": warn, "stop": stop},
        daemon=True,
    )
    if feeds:
        poller.start()
    try:
        if folders:
            run_watch(index_dir, [f.resolve() for f in folders], on_batch=report, on_error=warn, stop=stop)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        stop.set()
    except IndexUnavailable as error:
        stop.set()
        fail(str(error))
    click.echo("stopped")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    show_default="the number of cores",
    help="Processes serving at once, each on its own core.",
)
@click.pass_obj
def serve(index_dir: Path, host: str, port: int, workers: int | None) -> None:
    """Serve the search page and the JSON API with a production WSGI server.

    \b
    Example:
      bahith --index ./idx serve --port 8080 --workers 2
    """
    from web.server import serve as run_server
    from web.workers import default_workers, fork_available

    if workers not in (None, 1) and not fork_available():
        fail("--workers above 1 needs a system that can fork processes; use --workers 1")
    try:
        run_server(index_dir, host=host, port=port, workers=workers or default_workers())
    except IndexUnavailable as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")


cli.add_command(follow)


def main() -> None:
    """Entry point of the ``bahith`` console script."""
    cli(prog_name="bahith")
