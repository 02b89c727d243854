"""The queries of the relevance set, each with the information need it stands for and its group.

They are data, ``queries.tsv`` beside this module: id, group, query, need, tab-separated.

Queries are what a reader of Arabic or French news types, as people type: without hamza or
with the wrong one, a clitic glued on, vowelled when pasted, on a Persian keyboard (ک, ی),
without French accents. Most ask about the seed story (Soleimani's visits to Moscow), where
distractors sharing its words compete with the paragraphs about it; some ask about a distractor
story, so that the set rewards finding any story, not only the seed one.

The need is what the judge grades against (``bench.judgments``), so it says what counts: a
query as short as "لبنان" asks about Lebanon in whatever story, while "صواريخ إس-300" asks
about Russia's S-300 deliveries to Iran and not about Greece's. Groups, reported separately:

* Arabic: Arabic words written as the documents write them;
* Arabic morphology: the documents hold other forms (clitics, plural, other derivation);
* Arabic spelling: typed otherwise (hamza, ى/ي, ه/ة, vowels, tatweel, Persian letters);
* French: French queries, typed with or without accents;
* across languages: the need spans both languages (a name in Latin letters with Arabic
  documents about its bearer), or the query mixes scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

ARABIC = "Arabic"
MORPHOLOGY = "Arabic morphology"
SPELLING = "Arabic spelling"
FRENCH = "French"
ACROSS = "across languages"
GROUPS = (ARABIC, MORPHOLOGY, SPELLING, FRENCH, ACROSS)


class Query(NamedTuple):
    """A query as typed, its stable id (the judgments cite it), its group and written need."""

    id: str
    text: str
    group: str
    need: str


QUERIES_PATH = Path(__file__).resolve().parent / "queries.tsv"


def read_queries(path: Path = QUERIES_PATH) -> tuple[Query, ...]:
    """Every query of ``path``, in file order; a malformed line or an unknown group is an error."""
    queries: list[Query] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(Query._fields) or fields[1] not in GROUPS:
            raise ValueError(
                f"{path.name}:{number}: expected 'id<TAB>group<TAB>query<TAB>need', got {line!r}"
            )
        query_id, group, text, need = fields
        queries.append(Query(query_id, text, group, need))
    return tuple(queries)


QUERIES = read_queries()
