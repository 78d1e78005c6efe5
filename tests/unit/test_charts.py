"""Coverage charts (generator/sitepages/charts.py): inline SVG bar charts of briefings over time."""
import random
import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from generator.sitepages.charts import HEIGHT, coverage, coverage_chart, describe


def _svg(chart: str):
    figure = lxml_html.fragment_fromstring(chart.strip())
    assert figure.tag == "figure"
    svg = figure.find("svg")
    assert svg is not None
    return figure, svg


def _bars(svg) -> list[tuple[int, int]]:
    """(x, height) of each bar of the chart's bar path."""
    d = svg.findall("path")[-1].get("d")
    return [(int(x), int(h)) for x, h in re.findall(r"M(\d+) \d+v-(\d+)", d)]


def test_no_chart_with_fewer_than_two_dated_briefings():
    assert coverage_chart([]) == ""
    assert coverage_chart(["2026-03-01"]) == ""
    assert coverage_chart(["2026-03-01", None, "", "March 2026", "2026-02-30"]) == ""  # one real date
    assert describe(["2026-03-01", None]) == ""


def test_a_short_span_has_a_bar_per_day_and_says_when_most_appeared():
    dates = ["2026-03-01", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-04-02", None]
    figure, svg = _svg(coverage_chart(dates))
    text = "6 briefings from 2026-03-01 to 2026-04-02, most on 2026-03-14 (4)"
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == text
    assert svg.findtext("title") == text
    assert not figure.xpath("//script") and not [a for el in figure.iter() for a in el.attrib if a.startswith("on")]
    # 33 days, a bar for each day that has briefings: the 1st, the 14th (4, full height) and the 33rd
    assert svg.get("viewbox") == f"0 0 66 {HEIGHT}"  # (the HTML parser lowercases attribute names)
    assert _bars(svg) == [(1, HEIGHT // 4), (27, HEIGHT), (65, HEIGHT // 4)]
    assert [s.text for s in figure.xpath("//figcaption/span")] == ["2026-03-01", "2026-04-02"]


def test_a_span_of_months_has_a_bar_per_week_starting_on_monday():
    dates = ["2026-01-05", "2026-01-11", "2026-01-12", "2026-04-30"]  # Mon, Sun (same week), Mon, Thu
    unit, bins, span = coverage(dates)
    assert unit == "week"
    assert bins[0] == (date(2026, 1, 5), 2) and bins[1] == (date(2026, 1, 12), 1)
    assert bins[-1] == (date(2026, 4, 27), 1) and sum(n for _, n in bins) == 4
    assert all(start.weekday() == 0 for start, _ in bins)
    assert span == (4, date(2026, 1, 5), date(2026, 4, 30))
    assert describe(dates) == "4 briefings from 2026-01-05 to 2026-04-30, by week, most in the week of 2026-01-05 (2)"


def test_years_have_a_bar_per_month_and_decades_a_bar_per_year():
    unit, bins, _ = coverage(["2023-01-31", "2026-03-01", "2026-03-20"])
    assert unit == "month" and len(bins) == 39 and bins[-1] == (date(2026, 3, 1), 2)
    unit, bins, _ = coverage(["1990-06-01", "2026-01-01"])
    assert unit == "year" and len(bins) == 37 and bins[0] == (date(1990, 1, 1), 1)
    assert describe(["1990-06-01", "2026-01-01"]) == ("2 briefings from 1990-06-01 to 2026-01-01, by year, "
                                                      "never more than one a year")


def test_the_chart_stays_small_and_is_the_same_whatever_the_order():
    rng = random.Random(7)
    for years in (0, 1, 5, 40):
        dates = [f"{2026 - rng.randrange(years + 1)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
                 for _ in range(5000)]
        chart = coverage_chart(dates)
        assert 300 < len(chart.encode()) < 2200, (years, len(chart))
        shuffled = dates[:]
        rng.shuffle(shuffled)
        assert coverage_chart(shuffled) == chart


def test_the_busiest_bar_is_full_height_and_a_quiet_one_still_shows():
    dates = ["2026-03-01"] * 200 + ["2026-03-02"]
    _, svg = _svg(coverage_chart(dates))
    assert _bars(svg) == [(1, HEIGHT), (3, 1)]


def test_text_in_the_svg_is_escaped():
    chart = coverage_chart(["2026-03-01", "2026-03-02"], what='<script>alert(1)</script>"')
    assert "<script>" not in chart and "&lt;script&gt;" in chart
    figure, svg = _svg(chart)
    assert not figure.xpath("//script")
    assert svg.get("aria-label").startswith('2 <script>alert(1)</script>"s from')
    etree.fromstring(re.search(r"<svg.*</svg>", chart).group(0))  # well-formed XML
