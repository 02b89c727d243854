"""Bahith ranks the relevant seed paragraphs clearly better than plain Whoosh.

The judged queries are ``bench.judgments``; ``bench.relevance`` indexes the seed paragraphs
with both systems and scores them. The margin was chosen from measurement: Bahith's mean
nDCG@10 is about 0.87 against 0.64 for plain Whoosh, so a lead of 0.15 keeps room for small
ranking changes while failing if Arabic normalization or clitic matching is lost.
"""

from __future__ import annotations

import pytest

from bench.evalindex import seed_paragraphs
from bench.judgments import JUDGMENTS
from bench.relevance import Evaluation, average_precision, evaluate, ndcg, recall
from indexer.ingest.language import detect_language

REQUIRED_LEAD = 0.15
"""How much higher Bahith's mean nDCG@10 must be than plain Whoosh's, in absolute terms."""

SPELLING_VARIANT_QUERIES = ("الاتِّفاق النَّوَوِيّ", "دعم الاسد", "جون کیری", "Choigou")
"""Queries typed otherwise than the text writes them: vowelled, without hamza, on a Persian
keyboard, without the diaeresis."""


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    """Both systems' scores on every judged query, computed once for the module."""
    return evaluate(tmp_path_factory.mktemp("relevance"))


def test_every_judged_paragraph_exists_and_is_in_the_language_of_its_query() -> None:
    languages = {doc.id: doc.lang for doc in seed_paragraphs()}
    for judged in JUDGMENTS:
        query_lang = detect_language(judged.query)
        for paragraph in judged.grades:
            assert paragraph in languages, f"{judged.query}: no paragraph {paragraph}"
            assert languages[paragraph] == query_lang, f"{judged.query}: {paragraph} is not {query_lang}"


def test_bahith_mean_ndcg_beats_plain_whoosh_by_a_clear_margin(evaluation: Evaluation) -> None:
    bahith, whoosh = evaluation.mean("Bahith").ndcg, evaluation.mean("Whoosh").ndcg
    assert bahith >= whoosh + REQUIRED_LEAD, f"Bahith {bahith:.3f}, plain Whoosh {whoosh:.3f}"


@pytest.mark.parametrize("query", SPELLING_VARIANT_QUERIES)
def test_a_query_spelled_otherwise_than_the_text_still_ranks_the_answers_first(
    evaluation: Evaluation, query: str
) -> None:
    number = [judged.query for judged in evaluation.judgments].index(query)
    assert evaluation.scores["Bahith"][number].ndcg >= 0.9


def test_ndcg_is_one_for_the_ideal_ranking_and_lower_when_the_best_comes_late() -> None:
    grades = {"a": 2, "b": 1}
    assert ndcg(["a", "b", "x"], grades) == pytest.approx(1.0)
    assert 0 < ndcg(["x", "b", "a"], grades) < ndcg(["b", "a"], grades) < 1
    assert ndcg(["x", "y"], grades) == 0


def test_average_precision_and_recall_count_every_grade_and_every_judged_paragraph() -> None:
    grades = {"a": 2, "b": 1, "c": 1}
    assert average_precision(["a", "x", "b"], grades) == pytest.approx((1 + 2 / 3) / 3)
    assert recall(["x", "b", "a"], grades) == pytest.approx(2 / 3)
