"""Turning run figures into what people read: JSON files, markdown tables and a latency plot."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

Figures = dict[str, object]

COLUMNS: dict[str, Callable[[Figures], float]] = {
    "index s": lambda f: f["index_seconds"],
    "art/s": lambda f: f["articles_per_second"],
    "size MB": lambda f: f["index_mb"],
    "peak RSS MB": lambda f: f["index_peak_rss_mb"],
    "p50 ms": lambda f: f["latency_ms"]["p50"],
    "p95 ms": lambda f: f["latency_ms"]["p95"],
    "p99 ms": lambda f: f["latency_ms"]["p99"],
    "p95 snippets ms": lambda f: f["latency_snippets_ms"]["p95"],
    "add-one ms": lambda f: statistics.median(f["add_one_ms"]),
    "fresh search p50 ms": lambda f: f["fresh_process_ms"]["p50"],
}
UNMEASURED = {"fresh search p50 ms": "a library with no search command of its own"}
"""Why a system without a figure lacks it, when the system does not say."""
BASELINES = ("whoosh", "fts5")
LABELS = {"bahith": "Bahith", "whoosh": "plain Whoosh", "fts5": "SQLite FTS5", "lucene": "Lucene"}
COLOURS = ("#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93")


def write_json(result: Figures, results_dir: Path) -> Path:
    """``bench-N<n>.json`` in ``results_dir``; returns its path."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"bench-N{result['n']}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def markdown_report(result: Figures) -> str:
    """The comparison table of one run, then each system's ratios to each baseline.

    A figure a system cannot give (named in its ``not_measured``) reads "n/a" with a numbered
    footnote saying why, and a system that could not run reads "<name>: not run (why)": a
    column or a row never disappears without a word.
    """
    systems: dict[str, Figures] = result["systems"]
    machine = result["machine"]
    reasons: list[str] = []

    def value_cell(name: str, column: str) -> str:
        value = _value(systems[name], column)
        if value is not None:
            return _format(value)
        why = systems[name].get("not_measured", {}).get(column) or UNMEASURED[column]
        reason = f"{LABELS.get(name, name)}: {why}"
        if reason not in reasons:
            reasons.append(reason)
        return f"n/a [{reasons.index(reason) + 1}]"

    lines = [
        f"### N = {result['n']:,} articles ({result['corpus']['megabytes']} MB), "
        f"{len(result['queries'])} queries, top 10",
        "",
        f"{machine['cpu']}, {machine['cores']} cores, {machine['ram_gib']} GiB, "
        f"Python {machine['python']}, Whoosh {machine['whoosh']}, SQLite {machine['sqlite']}",
        "",
        _table(systems, value_cell),
    ]
    notes = [f"[{number}] {reason}" for number, reason in enumerate(reasons, 1)]
    notes += [
        f"{LABELS.get(name, name)}: {figures['note']}"
        for name, figures in systems.items()
        if "note" in figures and "error" not in figures
    ]
    if notes:
        lines += ["", *notes]
    for baseline in BASELINES:
        base = systems.get(baseline, {"error": "not run"})
        others = {name: f for name, f in systems.items() if name != baseline and "error" not in f}
        if "error" in base or not others:
            continue
        lines += [
            "",
            f"Ratios to {baseline} (value ÷ {baseline}'s; art/s: higher is better, "
            "the rest: lower is better)",
            "",
            _table(others, lambda name, column, base=base: _ratio(systems[name], base, column)),
        ]
    not_run = [
        f"{LABELS.get(name, name)}: not run ({figures['error']})"
        for name, figures in systems.items()
        if "error" in figures
    ]
    if not_run:
        lines += ["", *not_run]
    return "\n".join(lines)


def _value(figures: Figures, column: str) -> float | None:
    """The figure under ``column``, or None when the system says it cannot measure it."""
    if column in figures.get("not_measured", {}):
        return None
    try:
        return COLUMNS[column](figures)
    except KeyError:
        if column in UNMEASURED:
            return None
        raise


def _ratio(figures: Figures, base: Figures, column: str) -> str:
    value, base_value = _value(figures, column), _value(base, column)
    if value is None or base_value is None:
        return "n/a"
    return f"{value / base_value:.3g}×"


def _table(systems: dict[str, Figures], cell: Callable[[str, str], str]) -> str:
    header = ["system", *COLUMNS]
    rows = [
        [name, *(cell(name, column) for column in COLUMNS)]
        for name, figures in systems.items()
        if "error" not in figures
    ]
    return "\n".join("| " + " | ".join(row) + " |" for row in [header, ["---"] * len(header), *rows])


def _format(value: float) -> str:
    """Three significant figures or so: enough to compare, few enough to read."""
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def latency_svg(results: Sequence[Figures], width: int = 640, height: int = 400) -> str:
    """A line plot of p95 latency (no snippets) against N, log-scaled, one line per system.

    Hand-written SVG keeps the benchmark free of plotting dependencies.
    """
    left, right, top, bottom = 70, 130, 40, 50
    ns = sorted({r["n"] for r in results})
    series: dict[str, list[tuple[int, float]]] = {}
    for result in sorted(results, key=lambda r: r["n"]):
        for name, figures in result["systems"].items():
            if "error" not in figures:
                series.setdefault(name, []).append((result["n"], figures["latency_ms"]["p95"]))
    y_max = max((ms for points in series.values() for _, ms in points), default=1.0) * 1.1
    log_lo, log_hi = math.log10(ns[0]), math.log10(ns[-1])
    span = (log_hi - log_lo) or 1.0

    def x(n: int) -> float:
        return left + (math.log10(n) - log_lo) / span * (width - left - right)

    def y(ms: float) -> float:
        return height - bottom - ms / y_max * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">'
        "p95 query latency (top 10, no snippets) against corpus size</text>",
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" '
        'stroke="black"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>',
        f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">'
        "articles (log scale)</text>",
        f'<text x="16" y="{(top + height - bottom) / 2}" text-anchor="middle" '
        f'transform="rotate(-90 16 {(top + height - bottom) / 2})">p95 latency (ms)</text>',
    ]
    for n in ns:
        parts.append(f'<text x="{x(n):.1f}" y="{height - bottom + 16}" text-anchor="middle">{n:,}</text>')
    for step in range(6):
        ms = y_max * step / 5
        parts.append(
            f'<line x1="{left}" y1="{y(ms):.1f}" x2="{width - right}" y2="{y(ms):.1f}" '
            'stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms:.1f}</text>'
        )
    for i, (name, points) in enumerate(sorted(series.items())):
        colour = COLOURS[i % len(COLOURS)]
        coords = " ".join(f"{x(n):.1f},{y(ms):.1f}" for n, ms in points)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x(n):.1f}" cy="{y(ms):.1f}" r="3" fill="{colour}"/>' for n, ms in points]
        legend_y = top + 10 + 18 * i
        parts.append(
            f'<line x1="{width - right + 12}" y1="{legend_y}" x2="{width - right + 32}" '
            f'y2="{legend_y}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{width - right + 38}" y="{legend_y + 4}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
