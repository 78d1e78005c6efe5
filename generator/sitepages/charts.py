"""Coverage over time: a small bar chart of how many briefings appeared per day, week or month,
drawn at build time as inline SVG (no script), for story, topic, person and outlet pages.

The chart is one ``<figure>``: an SVG of one ``<path>`` (a vertical stroke per bar, so a bar
costs about ten bytes), drawn in ``currentColor`` so that the stylesheet gives it the scheme's
colour, and stretched to the width of the page (``preserveAspectRatio="none"``: nothing scrolls
sideways on a phone). Its text alternative (``role="img"``, ``aria-label`` and ``<title>``) and its
visible caption say what it shows: "12 briefings from 2026-03-01 to 2026-04-02, most on
2026-03-14 (4)". Dates are the briefings' ``source.published`` (``YYYY-MM-DD``); briefings
without one are left out, and with fewer than two dated briefings there is no chart.

Bars: one per day over a span of up to ``DAYS`` days, one per week (weeks start on Monday) up to
``WEEKS`` weeks, one per month up to ``MONTHS`` months, else one per year; so a chart has at most
about a hundred bars and stays under ~2 KB whatever the number of briefings. Deterministic: the
same dates give the same bytes.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from generator.render import escape_html

DAYS = 62  # up to this span in days: a bar per day
WEEKS = 105  # up to this span in weeks: a bar per week
MONTHS = 120  # up to this span in months: a bar per month; longer: a bar per year
HEIGHT = 40  # the drawing's height in its own units (CSS sets the height on the page)

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=65536)
def _parse(value: str | None) -> date | None:
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _bin_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _label(start: date, unit: str) -> str:
    if unit == "day":
        return start.isoformat()
    if unit == "week":
        return f"the week of {start.isoformat()}"
    if unit == "month":
        return start.isoformat()[:7]
    return str(start.year)


def _unit(first: date, last: date) -> str:
    span = (last - first).days + 1
    if span <= DAYS:
        return "day"
    if span <= WEEKS * 7:
        return "week"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= MONTHS else "year"


def coverage(dates: Iterable[str | None]) -> tuple[str, list[tuple[date, int]], tuple[int, date, date]] | None:
    """(unit, [(start of each bar, briefings in it)] from the first bar to the last, (dated
    briefings, first date, last date)), or None with fewer than two dated briefings. Each distinct
    date is read once (a topic's briefings share few dates)."""
    parsed = [(day, n) for value, n in Counter(dates).items() if (day := _parse(value)) is not None]
    total = sum(n for _, n in parsed)
    if total < 2:
        return None
    first, last = min(day for day, _ in parsed), max(day for day, _ in parsed)
    unit = _unit(first, last)
    counts: dict[date, int] = {}
    for day, n in parsed:
        start = _bin_start(day, unit)
        counts[start] = counts.get(start, 0) + n
    bins, start, end = [], _bin_start(first, unit), _bin_start(last, unit)
    while start <= end:
        bins.append((start, counts.get(start, 0)))
        start = _next(start, unit)
    return unit, bins, (total, first, last)


def describe(dates: Iterable[str | None], what: str = "briefing") -> str:
    """The chart's text: "12 briefings from 2026-03-01 to 2026-04-02, most on 2026-03-14 (4)";
    '' when there is no chart."""
    found = coverage(dates)
    if found is None:
        return ""
    return _describe(*found, what)


def _describe(unit: str, bins: list[tuple[date, int]], span: tuple[int, date, date], what: str) -> str:
    total, first, last = span
    peak_start, peak = max(bins, key=lambda kv: (kv[1], -kv[0].toordinal()))  # the earliest of the busiest
    where = {"day": "on", "week": "in", "month": "in", "year": "in"}[unit]
    per = "" if unit == "day" else f", by {unit}"
    most = (f"never more than one a {unit}" if peak == 1 else f"most {where} {_label(peak_start, unit)} ({peak})")
    return f"{total:,} {what}s from {first.isoformat()} to {last.isoformat()}{per}, {most}"


def coverage_chart(dates: Iterable[str | None], what: str = "briefing") -> str:
    """A Markdown block (raw HTML, between blank lines) holding the coverage chart of ``dates``;
    '' with fewer than two dated briefings. ``what`` names the things counted (singular)."""
    found = coverage(dates)
    if found is None:
        return ""
    unit, bins, span = found
    text = escape_html(_describe(unit, bins, span, what))
    peak = max(n for _, n in bins)
    width = len(bins) * 2  # each bar one unit wide with one unit of space after it
    strokes = "".join(f"M{2 * i + 1} {HEIGHT}v-{max(1, round(HEIGHT * n / peak))}"
                      for i, (_, n) in enumerate(bins) if n)
    svg = (f'<svg class="coverage__bars" viewBox="0 0 {width} {HEIGHT}" preserveAspectRatio="none" '
           f'role="img" aria-label="{text}" focusable="false"><title>{text}</title>'
           f'<path d="M0 {HEIGHT - 0.25}H{width}" stroke="currentColor" stroke-width="0.5" opacity="0.4"/>'
           f'<path d="{strokes}" stroke="currentColor" stroke-width="1.4"/></svg>')
    caption = (f'<figcaption class="coverage__caption"><span>{escape_html(span[1].isoformat())}</span> '
               f'<span>{escape_html(span[2].isoformat())}</span></figcaption>')
    return f'\n<figure class="coverage" data-pagefind-ignore>{svg}{caption}</figure>\n'
