"""Bahith's analysis: a script router, then an Arabic chain and a French chain.

``analyze_word`` and ``analyze_text`` say what words become; ``bahith_analyzer``
is the same analysis as a Whoosh analyzer.
"""

from indexer.analysis.arabic.stemmer import is_common_word
from indexer.analysis.pipeline import (
    ANALYSIS_VERSION,
    READING_MARK,
    Analysis,
    Token,
    analyze_text,
    analyze_word,
    explain_readings,
)
from indexer.analysis.script import Script
from indexer.analysis.whoosh_bridge import bahith_analyzer

__all__ = [
    "ANALYSIS_VERSION",
    "READING_MARK",
    "Analysis",
    "Script",
    "Token",
    "analyze_text",
    "analyze_word",
    "bahith_analyzer",
    "explain_readings",
    "is_common_word",
]
