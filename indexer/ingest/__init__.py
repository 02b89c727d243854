"""Turn files on disk into ``Article`` records, whatever their format or encoding.

``discover`` finds the files under the paths a user gave; ``read_articles``
reads one file into articles. Neither raises for bad input: every unreadable
path, file or record comes back as a ``Skipped`` with a reason for the user.
"""

from indexer.ingest.discovery import discover
from indexer.ingest.reading import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, read_articles

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "discover", "read_articles"]
