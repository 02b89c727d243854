"""Find the article files under the paths a user gave.

Folders are walked in sorted order so two runs over the same tree see files in
the same order (stable output, reproducible benchmarks). Hidden files and
folders (".git", ".DS_Store", editor swap files) are never articles. Inside a
folder, files of other types are expected (images, PDFs) and ignored quietly;
a file the user named explicitly but that we cannot read is reported instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from indexer.article import Skipped
from indexer.ingest.reading import SUPPORTED_SUFFIXES, UNSUPPORTED, os_error_text

NOT_FOUND = "no such file or folder"


def discover(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """The supported files at or under ``paths``, each once, and a ``Skipped`` per bad path.

    Files are yielded as given or as joined onto the given folder; symbolic links
    to folders are not followed, so a link cycle cannot make the walk endless.
    """
    seen: set[Path] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found: Iterable[Path | Skipped] = _walk(given)
        elif given.is_file():
            found = [given if _is_supported(given) else Skipped(str(given), UNSUPPORTED)]
        elif given.exists():
            found = [Skipped(str(given), "not a regular file or folder")]
        else:
            found = [Skipped(str(given), NOT_FOUND)]
        for item in found:
            if isinstance(item, Path):
                if item in seen:
                    continue
                seen.add(item)
            yield item


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(str(folder), f"folder could not be read: {os_error_text(error)}")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and _is_supported(path):
            yield path


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES
