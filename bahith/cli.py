"""The ``bahith`` command: index, search, analyse and serve from a terminal.

One sub-command per job, ``--json`` on every command that reads, and exit codes
scripts can rely on: 0 success, 1 nothing found or bad input, 2 usage error.
Bad input is reported as ``bahith: …`` on stderr, never as a traceback.
"""

from __future__ import annotations

import html
import json
import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, NoReturn

import click

from indexer.analysis import Script, analyze_text, explain_readings
from indexer.feed_watch import Poll, check_feed_url, parse_interval, watch_feeds
from indexer.store import IndexUnavailable, default_index_dir, index_stats
from indexer.update import LOCK_TIMEOUT_SECONDS, RunSummary, rebuild_index, update_index
from search.engine import LANGS, MAX_LIMIT, SearchEngine, SearchResults
from search.query import QueryError

EXIT_NOTHING = 1

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def fail(message: str) -> NoReturn:
    """Report bad input the way every command does, and exit 1."""
    click.echo(f"bahith: {message}", err=True)
    sys.exit(EXIT_NOTHING)


def emit_json(data: Any) -> None:
    """Print one JSON document, UTF-8, Arabic left readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


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

    \b
    Example:
      bahith index ~/articles
      bahith search "سليماني موسكو"
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


def _terminal_snippet(snippet: str) -> str:
    text = _MARK.sub(lambda m: "\x00" + m.group(1) + "\x01", snippet)
    text = html.unescape(text)
    return re.sub(r"\x00(.*?)\x01", lambda m: click.style(m.group(1), fg="yellow", bold=True), text)


def _print_results(results: SearchResults, limit: int) -> None:
    first = (results.page - 1) * limit + 1
    shown = len(results.hits)
    click.echo(
        f"{results.total} articles, {results.took_ms} ms"
        + (f", {first}-{first + shown - 1}" if shown else "")
    )
    for rank, hit in enumerate(results.hits, start=first):
        across = "matched across languages" if hit.cross_language else ""
        meta = " · ".join(
            part for part in (hit.lang, hit.source, hit.date or "", f"score {hit.score}", across) if part
        )
        click.echo("")
        click.echo(click.style(f"{rank}. {hit.title}", bold=True))
        click.echo(f"   {meta}")
        click.echo(f"   {hit.path}")
        if hit.snippet:
            mark = "\u200f" if hit.lang == "ar" else ""
            click.echo(f"   {mark}{_terminal_snippet(hit.snippet)}")


@cli.command()
@click.argument("query")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(1, MAX_LIMIT), help="Hits per page."
)
@click.option("--page", default=1, show_default=True, type=click.IntRange(1), help="Page of results.")
@click.option("--lang", type=click.Choice(LANGS), help="Only articles in this language.")
@click.option(
    "--exact",
    is_flag=True,
    help="Only the words as typed (with their clitics and accents): no other spellings of names, "
    "no names or months in the other language.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.pass_obj
def search(
    index_dir: Path, query: str, limit: int, page: int, lang: str | None, exact: bool, as_json: bool
) -> None:
    """Search the index; articles with every word rank first.

    A name also finds its other spellings (شويغو, شويجو) and, after every other
    result, its form in the other script (Soleimani, سليماني); a month finds its
    other names (juillet, يوليو, تموز). --exact turns this off.

    \b
    Syntax: "exact phrase", -exclude, a OR b, title:word, lang:fr,
    date:2016, date:[2015-07 TO 2016-12], prefix*, fuzzy~
    Example:
      bahith search "سليماني موسكو"
      bahith search --json --lang fr Soleimani
      bahith search --exact شويغو
    """
    try:
        with SearchEngine(index_dir) as engine:
            results = engine.search(query, limit=limit, page=page, lang=lang, exact=exact)
    except (QueryError, IndexUnavailable) as error:
        fail(str(error))
    if as_json:
        emit_json(results.to_json())
    else:
        _print_results(results, limit)
        if results.suggestion:
            click.echo(f"did you mean: {results.suggestion}")
    if results.total == 0:
        if not as_json:
            click.echo("no articles found", err=True)
        sys.exit(EXIT_NOTHING)


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
    """Show how many articles the index holds, by language, its size and last update.

    \b
    Example:
      bahith stats --json
    """
    try:
        info = index_stats(index_dir)
    except IndexUnavailable as error:
        fail(str(error))
    if as_json:
        emit_json(
            {
                "index": info.path,
                "articles": info.articles,
                "by_lang": info.by_lang,
                "size_bytes": info.size_bytes,
                "last_update": info.last_update.isoformat() if info.last_update else None,
            }
        )
        return
    click.echo(f"index       {info.path}")
    click.echo(f"articles    {info.articles}")
    for lang, count in info.by_lang.items():
        click.echo(f"  {lang or '?':<9} {count}")
    click.echo(f"size        {info.size_bytes / 1_048_576:.1f} MB")
    click.echo(
        f"last update {info.last_update:%Y-%m-%d %H:%M:%S %Z}" if info.last_update else "last update never"
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
@click.pass_obj
def serve(index_dir: Path, host: str, port: int) -> None:
    """Serve the search page and the JSON API with a production WSGI server.

    \b
    Example:
      bahith --index ./idx serve --port 8080
    """
    from web.server import serve as run_server

    try:
        run_server(index_dir, host=host, port=port)
    except IndexUnavailable as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")


def main() -> None:
    """Entry point of the ``bahith`` console script."""
    cli(prog_name="bahith")
