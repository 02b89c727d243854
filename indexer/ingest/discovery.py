"""Find the article files under the paths a user gave.

Folders are walked in sorted order so two runs over the same tree see files in
the same order (stable output, reproducible benchmarks). Hidden files and
folders (".git", ".DS_Store", editor swap files) are never articles. Inside a
folder, files of other types are expected (images, PDFs) and ignored quietly;
a file the user named explicitly but that we cannot read is reported instead.

An indexed folder is a boundary. A symbolic link inside it is followed only to
a file inside the same folder, and that file is listed under its real path, so
it is indexed once however many links lead to it; a link out of the folder
(say, to the password file) is reported and not followed, so indexing a folder
can never publish what lies outside it. Links that go nowhere or in circles,
pipes and devices, and names that are not UTF-8 (they cannot be stored, shown
or searched) are each reported by name, and the walk goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from indexer.article import Skipped
from indexer.ingest.reading import SUPPORTED_SUFFIXES, UNSUPPORTED, file_kind, os_error_text

NOT_FOUND = "no such file or folder"
LOOP = "symbolic link loop, not followed"
DANGLING = "symbolic link to nothing: its target does not exist"
OUTSIDE = "symbolic link to a place outside the indexed folder, not followed"
SPECIAL = "not a regular file (a pipe, device or socket)"
BAD_NAME = "name is not valid UTF-8: rename it to index it"


def real_path(path: Path) -> Path:
    """``path`` made absolute with every symbolic link resolved: how the index names files.

    Never raises: a link loop is left as it is, for ``discover`` to report.
    """
    return Path(os.path.realpath(os.path.expanduser(path)))


def shown(path: Path | str) -> str:
    """``path`` as text that can always be printed or sent as JSON.

    File names are bytes; those that are not UTF-8 reach Python with stand-in
    characters that cannot be written out, so their bad bytes are shown as
    ``\\xe9`` escapes instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(paths: Iterable[Path], *, within: Sequence[Path] | None = None) -> Iterator[Path | Skipped]:
    """The supported files at or under ``paths`` by their real paths, each once, and a
    ``Skipped`` per path that cannot be used.

    A file the user names is read wherever its link points: they chose it. With
    ``within`` (the watcher's folders), every file must also really lie inside
    one of those folders, since the paths then come from file events, not from
    the user.
    """
    boundaries = None if within is None else [real_path(folder) for folder in within]
    seen: set[Path] = set()
    for given in map(Path, paths):
        for item in _given(given, boundaries):
            if isinstance(item, Path):
                if item in seen:
                    continue
                seen.add(item)
            yield item


def _given(given: Path, boundaries: list[Path] | None) -> Iterable[Path | Skipped]:
    if not _is_utf8(str(given)):
        return [Skipped(shown(given), BAD_NAME)]
    target = _follow(given)
    if isinstance(target, str):
        problem = NOT_FOUND if target == DANGLING and not given.is_symlink() else target
        return [Skipped(shown(given), problem)]
    root = target
    if boundaries is not None:
        containing = [folder for folder in boundaries if target.is_relative_to(folder)]
        if not containing:
            return [Skipped(shown(given), OUTSIDE)]
        root = containing[0]
    mode = _mode(target)
    if stat.S_ISDIR(mode):
        return _walk(target, root)
    if not stat.S_ISREG(mode):
        return [Skipped(shown(given), SPECIAL if mode else NOT_FOUND)]
    return [target if _is_supported(target) else Skipped(shown(given), UNSUPPORTED)]


def _walk(folder: Path, root: Path) -> Iterator[Path | Skipped]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(shown(folder), f"folder could not be read: {os_error_text(error)}")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue
        # The entry's type comes with the listing: no system call per file.
        is_dir = entry.is_dir(follow_symlinks=False)
        if entry.is_symlink():
            yield from _linked(path, root)
        elif not _is_utf8(entry.name):
            if is_dir or _is_supported(path):
                yield Skipped(shown(path), BAD_NAME)
        elif is_dir:
            yield from _walk(path, root)
        elif _is_supported(path):
            yield path if entry.is_file(follow_symlinks=False) else Skipped(shown(path), SPECIAL)


def _linked(link: Path, root: Path) -> Iterator[Path | Skipped]:
    """What a link found in the walk stands for: its target inside ``root``, or a report.

    Whatever a link inside ``root`` points to is also met, and reported if need
    be, in its own place, so only a regular article file is taken from it; a
    folder is walked where it is. Broken links are reported only when their
    name says they were meant as articles: a broken link to a picture is no news.
    """
    target = _follow(link)
    if isinstance(target, str):
        if _is_supported(link):
            yield Skipped(shown(link), target)
        return
    mode = _mode(target)
    if not target.is_relative_to(root):
        if stat.S_ISDIR(mode) or _is_supported(link) or _is_supported(target):
            yield Skipped(shown(link), OUTSIDE)
    elif _is_article_file(target, mode) and not _is_hidden(target.relative_to(root)):
        yield target


def _follow(path: Path) -> Path | str:
    """The real path of ``path``, or why it leads nowhere."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return LOOP
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return DANGLING
        return f"could not be read: {os_error_text(error)}"


def _mode(path: Path) -> int:
    """The file type bits of ``path`` (0 if it vanished)."""
    try:
        return path.stat().st_mode
    except OSError:
        return 0


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_article_file(path: Path, mode: int) -> bool:
    return stat.S_ISREG(mode) and _is_supported(path) and _is_utf8(str(path))


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _is_supported(path: Path) -> bool:
    return file_kind(path) in SUPPORTED_SUFFIXES
