"""The bounded cache behind every per-segment memory: recent values stay, within a budget."""

from __future__ import annotations

from search.execute.segments import BoundedCache


def test_a_value_is_built_once_then_kept() -> None:
    cache: BoundedCache[str] = BoundedCache(10, len)
    builds: list[str] = []

    def build() -> str:
        builds.append("k")
        return "value"

    assert [cache.get("k", build) for _ in range(3)] == ["value"] * 3
    assert builds == ["k"]


def test_the_least_recently_used_values_go_first_when_over_budget() -> None:
    cache: BoundedCache[str] = BoundedCache(10, len)
    cache.get("a", lambda: "aaaa")
    cache.get("b", lambda: "bbbb")
    cache.get("a", lambda: "never built")  # "a" is now the most recently used
    cache.get("c", lambda: "cccc")  # 12 > 10: "b" goes
    assert cache.get("a", lambda: "rebuilt") == "aaaa"
    assert cache.get("c", lambda: "rebuilt") == "cccc"
    assert cache.get("b", lambda: "rebuilt") == "rebuilt"


def test_a_value_larger_than_the_budget_is_still_returned() -> None:
    cache: BoundedCache[str] = BoundedCache(2, len)
    assert cache.get("big", lambda: "too large") == "too large"
