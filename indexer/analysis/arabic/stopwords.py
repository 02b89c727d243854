"""Arabic stop words: function words that say nothing about what an article is about.

The list is written in ordinary spelling and normalized at import with the same
chain as the text, so "إلى" in the list matches "الى" in an article. A stop word
with a conjunction glued on ("وفي", "فإن") is a stop word too.

Words are compared as written and with ى and ة folded ("فى" is "في"), except the few
words a stop word turns into once folded that are words of their own: "على" (on) is a
stop word, "علي" (the name Ali) is not.
"""

from __future__ import annotations

from indexer.analysis.arabic.normalize import ARABIC_LEXICAL_CHAIN, fold_final_letters

_WRITTEN = """
في من إلى الى على عن مع منذ حتى عند لدى نحو دون بين خلال ضد حول عبر قبل بعد فوق تحت أمام
وراء حيث إذ إذا إن أن كان كانت يكون تكون كانوا ليس ليست لم لن لا ما ماذا لماذا كيف هل قد
لقد سوف هو هي هم هن هما أنا نحن أنت أنتم هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك الذي التي
الذين اللذان اللتان اللواتي اللاتي ثم أو أم بل لكن لكنه لكنها غير سوى كل بعض أي أيضا أيضاً
كما مثل إنه إنها أنه أنها له لها لهم به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم
إليه إليها عنه عنها يا و ف ب ل ك كذلك هنا هناك الآن إلا ولا وما ذات ذو التى إنما لأن كي
"""

ARABIC_STOPWORDS: frozenset[str] = frozenset(ARABIC_LEXICAL_CHAIN.run(word).text for word in _WRITTEN.split())

WRITTEN_LIKE_A_STOP_WORD = frozenset({"علي"})
"""Words that a stop word becomes once ى is folded, but that are words of their own: the name
Ali is written "علي", and "على" (on) only when a writer puts ي for ى."""

_FOLDED_STOPWORDS = frozenset(map(fold_final_letters, ARABIC_STOPWORDS)) - WRITTEN_LIKE_A_STOP_WORD

_CONJUNCTIONS = ("و", "ف")


def is_arabic_stopword(lexical: str) -> bool:
    """True for a stop word (in lexical form), bare or behind the conjunction و or ف."""
    folded = fold_final_letters(lexical)
    if lexical in ARABIC_STOPWORDS or folded in _FOLDED_STOPWORDS:
        return True
    return lexical[:1] in _CONJUNCTIONS and folded[1:] in _FOLDED_STOPWORDS
