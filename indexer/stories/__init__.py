"""Stories: which articles are copies of one another, and which tell the same event.

Computed when articles are indexed, one article at a time against what is
already known, and kept in a small SQLite file beside the Whoosh files
(``state``), so adding an article costs the same in an archive of ten or a
hundred thousand: it is compared with a few dozen candidates found through the
rare names, numbers and words it shares with them, never with the whole archive.

``StoryBatch`` is what index writers call; ``rebuild_stories`` redoes the state
of an index from its stored articles.
"""

from indexer.stories.batch import StoryBatch, rebuild_stories
from indexer.stories.state import STATE_FILE, StoryState

__all__ = ["STATE_FILE", "StoryBatch", "StoryState", "rebuild_stories"]
