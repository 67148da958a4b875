"""Geometry for the server-drawn SVG charts: plain Python, no Django import.

Every position is computed here so the templates only place rectangles and text, and the
chart needs neither JavaScript nor inline styles (the Content Security Policy forbids both).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil, floor
from typing import Protocol

CHART_WIDTH = 640
PLOT_LEFT = 44
PLOT_RIGHT = 596
# A row: the range's label, its bar, then its figures on a line of their own under the
# bar, where they can always be drawn whole.
ROW_HEIGHT = 104
LABEL_BASELINE = 26
BAR_TOP = 38
BAR_HEIGHT = 22
FIGURES_BELOW_BAR = 30
TOP_MARGIN = 8
AXIS_HEIGHT = 40
TICK_STEP = 25_000
# The widest a character of the figures gets, in chart units, in the phone's larger type
# (26 units; the CSS sets it): the room the figures need is worked out from it.
FIGURE_CHARACTER_WIDTH = 16
EDGE = 4


class SalaryFigures(Protocol):
    slug: str
    label: str
    low: int
    high: int
    median: int | None
    currency: str


def short_money(value: int) -> str:
    """$170k."""
    return f"${value // 1000}k"


@dataclass(frozen=True)
class SalaryBar:
    slug: str
    label: str
    role_slug: str
    low: int
    high: int
    median: int | None
    currency: str
    x: float
    width: float
    label_y: float
    bar_y: float
    median_x: float | None

    @property
    def height(self) -> int:
        return BAR_HEIGHT

    @property
    def bar_bottom(self) -> float:
        return self.bar_y + BAR_HEIGHT

    @property
    def median_top(self) -> float:
        return self.bar_y - 7

    @property
    def figures(self) -> str:
        """ "$170k–$250k", with ", median $200k" where a median is given as a figure."""
        text = f"{short_money(self.low)}–{short_money(self.high)}"
        return text + (f", median {short_money(self.median)}" if self.median else "")

    @property
    def figures_x(self) -> float:
        """Under the bar's start, moved left as far as the figures need to end in the chart."""
        room = len(self.figures) * FIGURE_CHARACTER_WIDTH
        return max(EDGE, min(self.x, CHART_WIDTH - EDGE - room))

    @property
    def figures_y(self) -> float:
        return self.bar_bottom + FIGURES_BELOW_BAR


@dataclass(frozen=True)
class AxisTick:
    value: int
    x: float
    major: bool

    @property
    def label(self) -> str:
        return short_money(self.value)


@dataclass(frozen=True)
class SalaryChart:
    bars: tuple[SalaryBar, ...]
    ticks: tuple[AxisTick, ...]
    width: int
    height: int
    axis_y: float
    plot_top: float
    axis_min: int
    axis_max: int

    @property
    def plot_left(self) -> int:
        return PLOT_LEFT

    @property
    def plot_right(self) -> int:
        return PLOT_RIGHT

    @property
    def axis_start_x(self) -> float:
        return self.ticks[0].x

    @property
    def axis_end_x(self) -> float:
        return self.ticks[-1].x

    @property
    def tick_label_y(self) -> float:
        return self.axis_y + 28

    @property
    def has_median(self) -> bool:
        """Whether any bar marks a median (the caption only promises a tick then)."""
        return any(bar.median_x is not None for bar in self.bars)

    @property
    def summary(self) -> str:
        """The chart in one sentence, for aria-label and <desc>."""
        parts = [f"{bar.label}: ${bar.low:,} to ${bar.high:,}" for bar in self.bars]
        return "Annual salary ranges. " + "; ".join(parts) + "."


def salary_axis(lowest: int, highest: int, step: int = TICK_STEP) -> tuple[int, int]:
    """Round axis ends with some room beyond the data on each side, never below 0."""
    axis_min = floor(lowest / step) * step
    axis_max = ceil(highest / step) * step
    if axis_min == lowest:
        axis_min = max(0, axis_min - step)
    if axis_max == highest:
        axis_max += step
    return axis_min, axis_max


def salary_chart(ranges: Sequence[SalaryFigures], role_slugs: Sequence[str]) -> SalaryChart | None:
    """Lays out one horizontal floating bar per salary range, all on one shared axis."""
    if not ranges:
        return None
    axis_min, axis_max = salary_axis(min(r.low for r in ranges), max(r.high for r in ranges))

    def x_of(value: int) -> float:
        return round(PLOT_LEFT + (value - axis_min) / (axis_max - axis_min) * plot_width, 1)

    plot_width = PLOT_RIGHT - PLOT_LEFT
    bars = []
    for index, (salary, role_slug) in enumerate(zip(ranges, role_slugs, strict=True)):
        row_top = TOP_MARGIN + index * ROW_HEIGHT
        bars.append(
            SalaryBar(
                slug=salary.slug,
                label=salary.label,
                role_slug=role_slug,
                low=salary.low,
                high=salary.high,
                median=salary.median,
                currency=salary.currency,
                x=x_of(salary.low),
                width=max(2.0, round(x_of(salary.high) - x_of(salary.low), 1)),
                label_y=row_top + LABEL_BASELINE,
                bar_y=row_top + BAR_TOP,
                median_x=x_of(salary.median) if salary.median else None,
            )
        )
    axis_y = TOP_MARGIN + len(bars) * ROW_HEIGHT + 4
    ticks = tuple(
        AxisTick(value=value, x=x_of(value), major=value % (2 * TICK_STEP) == 0)
        for value in range(axis_min, axis_max + 1, TICK_STEP)
    )
    return SalaryChart(
        bars=tuple(bars),
        ticks=ticks,
        width=CHART_WIDTH,
        height=int(axis_y + AXIS_HEIGHT),
        axis_y=axis_y,
        plot_top=TOP_MARGIN,
        axis_min=axis_min,
        axis_max=axis_max,
    )
