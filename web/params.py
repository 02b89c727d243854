"""Reading the query-string parameters shared by the pages and the API.

Bad parameters are reported like bad queries, as ``QueryError`` with a message
the reader can act on, so both answer 400 with that message.
"""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

from search.errors import QueryError

MAX_SOURCE_CHARS = 200
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


def int_arg(args: MultiDict[str, str], name: str, default: int) -> int:
    """The whole number ``name``, or ``default`` when absent or blank."""
    value = args.get(name, "").strip()
    if not value:
        return default
    if not _WHOLE_NUMBER.fullmatch(value):
        raise QueryError(f"{name} must be a whole number, not {value[:20]!r}")
    return int(value)


def text_arg(args: MultiDict[str, str], name: str, max_chars: int = MAX_SOURCE_CHARS) -> str | None:
    """A filter value, or None when absent or blank."""
    value = args.get(name, "").strip()
    if len(value) > max_chars:
        raise QueryError(f"{name} is {len(value)} characters long; the limit is {max_chars}")
    return value or None


FLAG_VALUES = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


def flag_arg(args: MultiDict[str, str], name: str, default: bool) -> bool:
    """A yes/no parameter (``1``/``true``/``yes``, ``0``/``false``/``no``), or ``default`` when
    absent or blank."""
    value = args.get(name, "").strip().lower()
    if not value:
        return default
    if value not in FLAG_VALUES:
        raise QueryError(f"{name} must be true or false, not {value[:20]!r}")
    return FLAG_VALUES[value]
