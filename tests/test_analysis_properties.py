"""Invariants of analysis that must hold for any text at all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from indexer.analysis import analyze_text, bahith_analyzer

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" -'’،؛؟“”«»\u200c\u200d\u200e\u200fabcÉé0123")),
    ),
    max_size=60,
)


@given(st.one_of(st.text(max_size=80), ARABIC_HEAVY))
def test_analysis_never_crashes_and_offsets_slice_the_text(text: str) -> None:
    for token in analyze_text(text):
        assert 0 <= token.start <= token.end <= len(text)
        assert text[token.word.start : token.word.end] == token.word.surface
        assert token.word.start <= token.start


@given(st.one_of(st.text(max_size=80), ARABIC_HEAVY))
def test_whoosh_tokens_point_into_the_text(text: str) -> None:
    for mode in ("index", "query"):
        for token in bahith_analyzer()(text, positions=True, chars=True, mode=mode):
            assert token.text
            assert 0 <= token.startchar < token.endchar <= len(text)


@given(ARABIC_HEAVY)
def test_analysis_is_idempotent_on_terms(text: str) -> None:
    for token in analyze_text(text, compounds=False):
        term = token.analysis.term
        if term and token.analysis.script.value == "ar":
            again = analyze_text(term, compounds=False)
            assert [t.analysis.term for t in again] == [term]
