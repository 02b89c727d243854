"""Rows out in the formats scripts and spreadsheets read: JSON, JSON lines, CSV, TSV, a table.

As in sqlite-utils, every format is written as the rows come, so ``bahith
search --all`` over a large archive starts printing at once and never holds all
results: JSON as one document whose list is streamed, ``nl`` one object a line,
CSV and TSV with a header row. Only the table waits for its rows, to size its
columns to the terminal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any

from bahith.terminal import display_width

ROW_FORMATS = ("json", "nl", "csv", "tsv", "table")
FORMATS = ("text", *ROW_FORMATS)
"""``text`` is the layout for people; the others are rows, one per article."""

ELLIPSIS = "…"
MIN_COLUMN = 6
"""A table column is never squeezed narrower than this."""

Row = Mapping[str, Any]


def parse_fields(text: str | None, available: Sequence[str], default: Sequence[str]) -> tuple[str, ...]:
    """The fields of ``--fields a,b,c``, checked against ``available``; ``default`` when not given.

    Raises ``ValueError`` naming the fields that do not exist and those that do.
    """
    if not text:
        return tuple(default)
    fields = tuple(dict.fromkeys(name.strip() for name in text.split(",") if name.strip()))
    unknown = [name for name in fields if name not in available]
    if unknown or not fields:
        raise ValueError(
            f"no field {', '.join(unknown) or '(none given)'}: choose from {', '.join(available)}"
        )
    return fields


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_rows(
    out: IO[str],
    kind: str,
    rows: Iterable[Row],
    fields: Sequence[str],
    *,
    document: Mapping[str, Any] | None = None,
    list_name: str = "hits",
    width: int = 80,
    shown: Callable[[str], str] = str,
) -> None:
    """Write ``rows`` (only ``fields``) in format ``kind``.

    For ``json``, ``document`` holds the keys written before the streamed list
    ``list_name``; without it the output is the bare list. ``shown`` prepares a
    table cell for the terminal (right-to-left text in display order).
    """
    picked = ({name: row.get(name) for name in fields} for row in rows)
    if kind == "table":
        _table(out, list(picked), fields, width, shown)
    elif kind == "json":
        _json_document(out, picked, document, list_name)
    elif kind == "nl":
        out.writelines(_json(row) + "\n" for row in picked)
    else:
        writer = csv.writer(out, delimiter="\t" if kind == "tsv" else ",", lineterminator="\n")
        writer.writerow(fields)
        writer.writerows([_cell(row[name]) for name in fields] for row in picked)


def _json_document(
    out: IO[str], rows: Iterable[Row], document: Mapping[str, Any] | None, list_name: str
) -> int:
    if document is not None:
        head = "".join(f"\n  {_json(key)}: {_json(value)}," for key, value in document.items())
        out.write("{" + head + f"\n  {_json(list_name)}: [")
    else:
        out.write("[")
    count = 0
    for count, row in enumerate(rows, start=1):
        out.write(("," if count > 1 else "") + "\n    " + _json(row))
    out.write(("\n  " if count else "") + "]" + ("\n}" if document is not None else "") + "\n")


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, the cut marked with an ellipsis."""
    if display_width(text) <= width:
        return text
    kept = ""
    for ch in text:
        if display_width(kept + ch) > width - 1:
            break
        kept += ch
    return kept + ELLIPSIS


def _table(
    out: IO[str], rows: list[Row], fields: Sequence[str], width: int, shown: Callable[[str], str]
) -> int:
    cells = [[" ".join(_cell(row[name]).split()) for name in fields] for row in rows]
    widths = [max([len(name), *(display_width(line[n]) for line in cells)]) for n, name in enumerate(fields)]
    gaps = 2 * (len(fields) - 1)
    while sum(widths) + gaps > width and max(widths) > MIN_COLUMN:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def line(values: Sequence[str]) -> str:
        parts = [_clip(value, w) for value, w in zip(values, widths, strict=True)]
        padded = [shown(p) + " " * (w - display_width(p)) for p, w in zip(parts, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out.write(line(fields) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    out.writelines(line(values) + "\n" for values in cells)
