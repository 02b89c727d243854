"""French inflection: Bahith's stemmer against the old one, Snowball, simplemma and Lucene.

Three pair sets, each pair (word, word, same?) in a class:
- the hand-written table of ``tests/test_french_inflection.py``;
- ``bench.pairs.french_forms`` (the matching set's French pairs), when present;
- pairs generated from hunspell-fr (Debian's ``hunspell-fr``, Dicollecte), when installed:
  the forms one dictionary entry generates (plural, gender, participle agreement) must
  match; distinct entries that differ by a final e, a final s or only by accents, and an
  adverb in -ment against its adjective, must not. Bahith never reads hunspell, so these
  pairs cannot pass by construction.

A "term" is what each system indexes for the word alone: Bahith's ``analyze_word``;
the previous stemmer (fold accents, then strip); Snowball and simplemma in Bahith's chain
(lowercase, elision, then the stemmer or lemmatizer, then accents folded); Lucene's
FrenchAnalyzer as it is. Run: ``python -m bench.french_inflection``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from indexer.analysis import analyze_word
from indexer.analysis.french.normalize import LATIN_CHAIN, fold, split_elision
from indexer.analysis.french.stopwords import FRENCH_STOPWORDS

HUNSPELL = Path("/usr/share/hunspell/fr")
LUCENE_DIR = Path.cwd().parent / "shared" / "tools" / "lucene"
"""Run from the repository root, with shared/ beside it."""
Pair = tuple[str, str, bool, str]


# ----------------------------------------------------------------- systems


def _chain(word: str) -> str:
    return split_elision(LATIN_CHAIN.run(word)).text


_VOWELS = frozenset("aeiouy")
_OLD_FEMININE = (("ienne", "ien"), ("onne", "on"), ("elle", "el"), ("ive", "if"), ("ere", "er"))


def _old_stem(word: str) -> str:
    """The stemmer Bahith had before, on a folded word: -s/-x, then -e, stripped."""
    if len(word) >= 4:
        if word.endswith("aux") and len(word) > 4:
            word = word[:-3] + "al"
        elif word.endswith(("s", "x")) and not word.endswith(("ss", "us")):
            word = word[:-1]
    if len(word) < 4:
        return word
    for ending, replacement in _OLD_FEMININE:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    for ending in ("ee", "e"):
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) >= 3 and rest[-1] not in _VOWELS:
            return rest
    return word


def _old_stemmer() -> Callable[[str], str]:
    """The previous analysis: accents folded first, stop words, then ``_old_stem``."""
    return lambda w: "" if fold(_chain(w)) in FRENCH_STOPWORDS else _old_stem(fold(_chain(w)))


def _snowball() -> Callable[[str], str]:
    import Stemmer

    french = Stemmer.Stemmer("french")
    return lambda w: fold(french.stemWord(_chain(w)))


def _simplemma() -> Callable[[str], str]:
    import simplemma

    return lambda w: fold(simplemma.lemmatize(_chain(w), lang="fr").lower())


def lucene_terms(words: Sequence[str]) -> dict[str, str] | str:
    """Each word's FrenchAnalyzer term ("" for a stop word), from one call; or why not run."""
    sys.path.insert(0, str(LUCENE_DIR))
    try:
        from lucene_anchor import Lucene, LuceneUnavailable
    except ImportError as error:
        return f"not run ({error})"
    try:
        lucene = Lucene()
        unique = sorted(set(words))
        marker = "90817"
        text = f" {marker} ".join(unique)
        tokens = lucene.analyze(text)["fr"]
    except LuceneUnavailable as error:
        return f"not run ({error})"
    groups: list[list[str]] = [[]]
    for token in tokens:
        if token == marker:
            groups.append([])
        else:
            groups[-1].append(token)
    if len(groups) != len(unique):
        return "not run (could not align its tokens with the words)"
    return {word: " ".join(group) for word, group in zip(unique, groups, strict=True)}


# --------------------------------------------------------------- pair sets


def hand_pairs() -> list[Pair]:
    from tests.test_french_inflection import DIFFERENT, SAME

    return [(a, b, True, f"same: {k}") for a, b, k in SAME] + [
        (a, b, False, f"different: {k}") for a, b, k in DIFFERENT
    ]


def matching_set_pairs() -> list[Pair]:
    try:
        from bench.pairs.french_forms import must_match_pairs, must_not_pairs
    except ImportError:
        return []
    return [
        (p.query, p.document, p.must_match, ("same: " if p.must_match else "different: ") + p.cls)
        for p in (*must_match_pairs(), *must_not_pairs())
    ]


def _affixes(aff: Path) -> dict[str, list[tuple[str, str, re.Pattern[str], str]]]:
    rules: dict[str, list[tuple[str, str, re.Pattern[str], str]]] = defaultdict(list)
    for line in aff.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, condition = parts[1], parts[2], parts[3].split("/")[0], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            rules[flag].append((strip, add, re.compile(f"{condition}$"), " ".join(parts[5:])))
    return rules


def hunspell_pairs(limit_words: set[str] | None = None) -> list[Pair]:
    """Pairs from hunspell-fr: forms of one entry match; look-alike entries do not."""
    dic, aff = HUNSPELL.with_suffix(".dic"), HUNSPELL.with_suffix(".aff")
    if not dic.exists():
        return []
    rules = _affixes(aff)
    groups: list[list[str]] = []
    kinds: list[str] = []
    owner: dict[str, set[int]] = defaultdict(set)
    adverbs: list[str] = []
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        entry, _, morph = line.partition(" ")
        word, _, flags = entry.partition("/")
        if not word.isalpha() or not word.islower() or "po:npr" in morph:
            continue
        if "po:adv" in morph:
            adverbs.append(word)
            continue
        verb = "po:v" in morph
        if not verb and "po:nom" not in morph and "po:adj" not in morph:
            continue
        forms = [] if verb else [word]
        conjugated = [word]
        for flag in (flags[i : i + 2] for i in range(0, len(flags), 2)):
            for strip, add, condition, rule_morph in rules.get(flag, ()):
                if condition.search(word) and word.endswith(strip):
                    form = word[: len(word) - len(strip)] + add
                    (forms if not verb or "po:ppas" in rule_morph else conjugated).append(form)
        forms = list(dict.fromkeys(f for f in forms if f.isalpha()))
        if not forms:
            continue
        number = len(groups)
        groups.append(forms)
        kinds.append("participle" if verb else "noun/adjective")
        # A verb's other forms (annonce, demande) are the same word as its participle.
        for form in (*forms, *(conjugated if verb else ())):
            owner[form].add(number)
    pairs: list[Pair] = []
    for forms, kind in zip(groups, kinds, strict=True):
        pairs.extend((forms[0], other, True, f"same: hunspell {kind}") for other in forms[1:])
    by_fold: dict[str, set[str]] = defaultdict(set)
    for form in owner:
        by_fold[fold(form)].add(form)
    seen: set[tuple[str, str]] = set()

    def different(a: str, b: str, kind: str) -> None:
        key = (min(a, b), max(a, b))
        if key not in seen and not owner[a] & owner[b]:
            seen.add(key)
            pairs.append((a, b, False, f"different: hunspell {kind}"))

    for form in list(owner):
        for longer, kind in ((form + "e", "final e"), (form + "s", "final s")):
            if longer in owner:
                different(form, longer, kind)
        for other in by_fold[fold(form)]:
            if other != form:
                different(form, other, "accent only")
    for adverb in adverbs:
        if adverb.endswith("ment") and adverb[:-4] in owner:
            base = groups[min(owner[adverb[:-4]])][0]
            different(base, adverb, "-ment adverb")
    if limit_words is not None:
        pairs = [p for p in pairs if p[0] in limit_words or p[1] in limit_words]
    return pairs


def news_words() -> set[str]:
    """Lowercase words of the French news texts this repository and shared/ hold."""
    roots = [Path("bench/relevance_set"), Path("examples"), LUCENE_DIR.parents[1] / "corpus" / "seeds"]
    words: set[str] = set()
    for root in roots:
        for path in root.rglob("*.txt") if root.exists() else ():
            text = path.read_text(encoding="utf-8", errors="ignore")
            latin = (w for w in re.findall(r"[^\W\d_]+", text) if not re.search(r"[\u0600-\u06ff]", w))
            words.update(w.lower() for w in latin)
    return words


# ----------------------------------------------------------------- scoring


def is_listed(word: str) -> bool:
    """Whether Bahith's own word tables name ``word``: a must-not pair with such a word
    passes because it was written down, not because a rule generalizes."""
    from indexer.analysis.french.lexicon import INVARIABLE, IRREGULAR, WHOLE
    from indexer.analysis.french.stem import strip_plural

    lowered = _chain(word)
    singular = strip_plural(lowered)
    listed = {fold(w) for w in WHOLE} | INVARIABLE | set(IRREGULAR)
    return any(fold(w) in listed or fold(w)[:-1] in listed for w in (lowered, singular))


Scores = dict[str, dict[str, tuple[int, int]]]


def score(pairs: Sequence[Pair], terms: dict[str, Callable[[str], str]]) -> Scores:
    """Per class, per system: (right, total)."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for a, b, same, cls in pairs:
        for name, term in terms.items():
            ta, tb = term(a), term(b)
            right = (ta == tb and ta != "") if same else ta != tb or ta == ""
            keys = [cls, "same: all" if same else "different: all"]
            if not same and not (is_listed(a) or is_listed(b)):
                keys.append("different: all, no word in Bahith's tables")
            for key in keys:
                cell = table[key][name]
                cell[0] += right
                cell[1] += 1
    return {cls: {n: (r, t) for n, (r, t) in row.items()} for cls, row in table.items()}


def print_table(title: str, pairs: Sequence[Pair], systems: dict[str, Callable[[str], str]]) -> None:
    if not pairs:
        print(f"\n{title}: not run (pairs unavailable)")
        return
    table = score(pairs, systems)
    names = list(systems)
    print(f"\n{title} ({len(pairs)} pairs): share of pairs right")
    print(f"| class | pairs | {' | '.join(names)} |")
    print(f"|---|---:|{'---:|' * len(names)}")
    for cls in sorted(table, key=lambda c: (c.startswith("different"), ": all" in c, c)):
        row = table[cls]
        total = next(iter(row.values()))[1]
        cells = " | ".join(f"{row[n][0] / row[n][1]:.1%}" for n in names)
        label = f"**{cls}**" if ": all" in cls else cls
        print(f"| {label} | {total} | {cells} |")


def per_word_cost(words: Iterable[str]) -> None:
    """Microseconds per distinct word, uncached, for each stemmer (the index caches per word)."""
    from indexer.analysis.french.stem import light_stem

    words = sorted(set(words))
    import simplemma
    import Stemmer

    french = Stemmer.Stemmer("french")
    lowered = [_chain(w) for w in words]
    simplemma.lemmatize("chevaux", lang="fr")
    for name, function in (
        ("Bahith (light_stem, folds accents itself)", light_stem),
        ("previous stemmer (plus fold, which it needed first)", lambda w: _old_stem(fold(w))),
        ("Snowball (PyStemmer)", french.stemWord),
        ("simplemma", lambda w: simplemma.lemmatize(w, lang="fr")),
    ):
        start = time.perf_counter()
        for _ in range(3):
            for word in lowered:
                function(word)
        elapsed = (time.perf_counter() - start) / 3 / len(lowered)
        print(f"| {name} | {elapsed * 1e6:.1f} µs |")


def startup_cost() -> None:
    """Import plus first call in a fresh process: what ``bahith search`` pays once."""
    probes = {
        "Bahith's stemmer": "from indexer.analysis.french.stem import light_stem; light_stem('chevaux')",
        "simplemma": "import simplemma; simplemma.lemmatize('chevaux', lang='fr')",
        "Snowball (PyStemmer)": "import Stemmer; Stemmer.Stemmer('french').stemWord('chevaux')",
    }
    for name, code in probes.items():
        timed = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
        runs = [float(subprocess.check_output([sys.executable, "-c", timed], text=True)) for _ in range(3)]
        print(f"| {name} | {min(runs) * 1000:.0f} ms |")


def main() -> None:
    hand = hand_pairs()
    matching = matching_set_pairs()
    news = news_words()
    hunspell = hunspell_pairs()
    hunspell_news = [p for p in hunspell if p[0] in news and p[1] in news]
    every = [w for pairs in (hand, matching, hunspell_news) for p in pairs for w in p[:2]]
    lucene = lucene_terms(every)
    systems: dict[str, Callable[[str], str]] = {
        "Bahith": lambda w: analyze_word(w).term,
        "previous": _old_stemmer(),
        "Snowball": _snowball(),
        "simplemma": _simplemma(),
    }
    if isinstance(lucene, dict):
        systems["Lucene FrenchAnalyzer"] = lambda w: lucene.get(w, "")
    else:
        print(f"Lucene: {lucene}")
    print_table("Hand-written pair table (tests/test_french_inflection.py)", hand, systems)
    print_table("Matching set (bench/pairs/french_forms.py)", matching, systems)
    print_table("hunspell-fr pairs whose two words occur in the French news texts", hunspell_news, systems)
    without_lucene = {n: f for n, f in systems.items() if not n.startswith("Lucene")}
    title = "hunspell-fr pairs, whole dictionary (Lucene left out: one JVM call per set)"
    print_table(title, hunspell, without_lucene)
    print("\nPer distinct word, uncached (hand table and news words)")
    print("| stemmer | cost |\n|---|---:|")
    per_word_cost([w for p in hand for w in p[:2]] + sorted(news))
    print("\nImport and first call, fresh process (best of 3)")
    print("| stemmer | time |\n|---|---:|")
    startup_cost()


if __name__ == "__main__":
    main()
