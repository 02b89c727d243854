"""``bahith follow QUERY``: the articles indexed since the last call for that query, for cron.

A journalist following a story wants to be told when a new article about it
lands, not to repeat the search every hour. Each call prints the matching
articles indexed since the previous call with the same query and options (the
first call prints the newest ones), then remembers how far it got. What it
remembers is kept in a file beside the index folder (``<index>.follow.json``),
not in it, so a rebuild of the index does not forget it. A call that finds
nothing new prints nothing and exits 0, so cron sends no mail.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from indexer.store import IndexUnavailable
from search.engine import LANGS, SearchEngine
from search.errors import QueryError
from search.present.stories import FeedEntry, newest_matches

DEFAULT_LIMIT = 50


def follow_file(index_dir: Path) -> Path:
    """Where ``bahith follow`` keeps how far each followed query has got."""
    return index_dir.with_name(f"{index_dir.name}.follow.json")


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path, data: dict[str, Any]) -> None:
    """Write the whole file under a temporary name, then rename: a crash leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
    os.replace(temporary, path)


def _key(query: str, lang: str | None, exact: bool) -> str:
    return json.dumps([query, lang, exact], ensure_ascii=False)


def _print(entries: list[FeedEntry]) -> None:
    for entry in reversed(entries):
        meta = " · ".join(part for part in (entry.lang, entry.source, entry.date or "") if part)
        click.echo(click.style(entry.title or entry.id, bold=True))
        click.echo(f"   {meta} · indexed {entry.added_at:%Y-%m-%d %H:%M} UTC")
        click.echo(f"   {entry.url or entry.id}")


@click.command()
@click.argument("query")
@click.option("--lang", type=click.Choice(LANGS), help="Only articles in this language.")
@click.option("--exact", is_flag=True, help="Only the words as typed (see bahith search --exact).")
@click.option(
    "--limit",
    default=DEFAULT_LIMIT,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="The most articles printed by one call (the newest).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the new articles as JSON.")
@click.pass_obj
def follow(index_dir: Path, query: str, lang: str | None, exact: bool, limit: int, as_json: bool) -> None:
    """Print the articles matching QUERY indexed since the last call for QUERY.

    Every query feature of bahith search works. The first call prints the
    newest matching articles; each later call only what was indexed since.
    Nothing new prints nothing (exit 0), for use from cron.

    \b
    Example:
      bahith follow "سليماني موسكو"
      */30 * * * * bahith --index ~/idx follow 'Soleimani OR سليماني'
    """
    from bahith.cli import emit_json, fail

    state_path = follow_file(index_dir)
    state = _load(state_path)
    key = _key(query, lang, exact)
    last = state.get(key) or {}
    since = last.get("since") if isinstance(last.get("since"), int) else None
    seen = frozenset(last.get("seen") or ())
    try:
        with SearchEngine(index_dir) as engine:
            entries = newest_matches(
                engine, query, limit=limit, lang=lang, exact=exact, since=since, seen=seen
            )
    except (QueryError, IndexUnavailable) as error:
        fail(str(error))
    if entries:
        newest = max(entry.added for entry in entries)
        kept = seen if newest == since else frozenset()
        state[key] = {
            "since": newest,
            "seen": sorted(kept | {entry.id for entry in entries if entry.added == newest}),
        }
        try:
            _save(state_path, state)
        except OSError as error:
            fail(f"cannot record what was followed in {state_path}: {error.strerror or error}")
    if as_json:
        emit_json([entry.__dict__ | {"added": entry.added_at.isoformat()} for entry in entries])
    else:
        _print(entries)
    sys.exit(0)
