"""careers.charts: the salary chart's geometry, without a database."""

from dataclasses import dataclass

from careers.content import charts


@dataclass
class Figures:
    slug: str
    label: str
    low: int
    high: int
    median: int | None = None
    currency: str = "USD"


ARCHITECT = Figures("architect", "AI architect", 170_000, 250_000)
PAIR = Figures("pair", "AI pair programmer", 120_000, 190_000, median=150_000)


def test_axis_ends_on_round_figures_with_room_beyond_the_data():
    assert charts.salary_axis(120_000, 250_000) == (100_000, 275_000)
    assert charts.salary_axis(130_000, 240_000) == (125_000, 250_000)
    assert charts.salary_axis(10_000, 20_000) == (0, 25_000)


def test_no_ranges_no_chart():
    assert charts.salary_chart([], []) is None


def test_bars_share_one_axis_and_stay_inside_the_plot():
    chart = charts.salary_chart([ARCHITECT, PAIR], ["ai-architect", "ai-pair-programmer"])
    architect, pair = chart.bars
    assert charts.PLOT_LEFT <= pair.x < architect.x
    assert architect.x + architect.width <= charts.PLOT_RIGHT
    per_dollar = architect.width / (ARCHITECT.high - ARCHITECT.low)
    assert abs(pair.width - per_dollar * (PAIR.high - PAIR.low)) < 0.2
    assert pair.x < pair.median_x < pair.x + pair.width
    assert architect.median_x is None
    assert pair.bar_y > architect.bar_y
    assert chart.height > pair.bar_bottom


def test_figures_sit_under_their_bar_and_end_inside_the_chart():
    chart = charts.salary_chart([ARCHITECT, PAIR], ["a", "p"])
    architect, pair = chart.bars
    assert pair.figures == "$120k–$190k, median $150k"
    assert architect.figures == "$170k–$250k"
    assert architect.figures_x == architect.x and architect.figures_y > architect.bar_bottom
    near_the_end = Figures("late", "Late", 260_000, 270_000, median=265_000)
    late = charts.salary_chart([near_the_end, PAIR], ["a", "p"]).bars[0]
    room = len(late.figures) * charts.FIGURE_CHARACTER_WIDTH
    assert late.figures_x < late.x and late.figures_x + room <= charts.CHART_WIDTH


def test_only_a_chart_with_a_median_says_so():
    assert charts.salary_chart([PAIR], ["p"]).has_median
    assert not charts.salary_chart([ARCHITECT], ["a"]).has_median


def test_ticks_cover_the_axis_with_every_other_one_labelled_on_phones():
    chart = charts.salary_chart([ARCHITECT, PAIR], ["a", "p"])
    assert chart.ticks[0].value == chart.axis_min
    assert chart.ticks[-1].value == chart.axis_max
    assert [tick.label for tick in chart.ticks if tick.major] == [
        "$100k",
        "$150k",
        "$200k",
        "$250k",
    ]


def test_summary_states_every_range_in_words():
    chart = charts.salary_chart([ARCHITECT, PAIR], ["a", "p"])
    assert chart.summary == (
        "Annual salary ranges. AI architect: $170,000 to $250,000; "
        "AI pair programmer: $120,000 to $190,000."
    )
