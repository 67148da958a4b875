"""How well the assessment works as an instrument, from stored answers. Plain Python.

For staff (the admin's "Assessment quality" page). Items are *keyed* toward the architect:
an answer to a pair-programmer statement counts reversed (6 - answer), so within a factor
every item should rise with the same preference. The side is the one the result was
scored with (its questionnaire snapshot), not the statement's side today.

- Cronbach's alpha of a factor: k/(k-1) x (1 - sum of item variances / variance of the
  total), with k the factor's items; 0.7 or more is the usual bar for a scale.
- Reliability of the fit, the score that decides the outcome: alpha over every statement,
  since the fit is the mean of all keyed answers.
- Each alpha is given for all results and for the results neither flagged nor generated
  for demonstration.
- Item-rest correlation of a statement: Pearson's r between the keyed item and the sum of
  the factor's other keyed items; low or negative values mark a statement that measures
  something else.
Both are None where undefined (fewer than 2 items or respondents, or no variance).
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import sqrt

MIN_RESULTS = 30


@dataclass(frozen=True)
class Item:
    slug: str
    factor_slug: str


@dataclass(frozen=True)
class StoredAnswers:
    answers: Mapping[str, int]
    outcome: str
    strength: str | None
    flags: Mapping[str, bool]
    fits_me: bool | None
    # The statements that leaned toward the pair programmer in the result's snapshot.
    reversed_items: frozenset[str] = frozenset()
    demo: bool = False

    @property
    def clean(self) -> bool:
        """Neither flagged by an answer-style check nor generated for demonstration."""
        return not self.demo and not any(self.flags.values())


def keyed(slug: str, result: StoredAnswers) -> int:
    answer = result.answers[slug]
    return 6 - answer if slug in result.reversed_items else answer


def variance(values: Sequence[float]) -> Fraction | None:
    """The sample variance (n - 1), exact for whole numbers."""
    n = len(values)
    if n < 2:
        return None
    mean = Fraction(sum(values), n)
    return sum((Fraction(v) - mean) ** 2 for v in values) / (n - 1)


def cronbach_alpha(columns: Sequence[Sequence[int]]) -> float | None:
    """Alpha for item columns (one list of keyed answers per item, respondents aligned)."""
    k = len(columns)
    if k < 2:
        return None
    totals = [sum(row) for row in zip(*columns, strict=True)]
    total_variance = variance(totals)
    if not total_variance:
        return None
    item_variances = [variance(column) for column in columns]
    if any(v is None for v in item_variances):
        return None
    return float(Fraction(k, k - 1) * (1 - sum(item_variances) / total_variance))


def pearson(xs: Sequence[int], ys: Sequence[int]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = Fraction(sum(xs), n), Fraction(sum(ys), n)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread_x = sum((x - mean_x) ** 2 for x in xs)
    spread_y = sum((y - mean_y) ** 2 for y in ys)
    if not spread_x or not spread_y:
        return None
    return float(covariance) / sqrt(float(spread_x * spread_y))


def item_rest_correlations(columns: Mapping[str, Sequence[int]]) -> dict[str, float | None]:
    """Per item slug, r between the item and the sum of the other items of its factor."""
    result = {}
    for slug, column in columns.items():
        others = [c for s, c in columns.items() if s != slug]
        if not others:
            result[slug] = None
            continue
        rest = [sum(row) for row in zip(*others, strict=True)]
        result[slug] = pearson(column, rest)
    return result


@dataclass(frozen=True)
class FactorQuality:
    factor_slug: str
    respondents: int
    alpha: float | None
    item_rest: dict[str, float | None]
    clean_respondents: int = 0
    clean_alpha: float | None = None


@dataclass(frozen=True)
class Rate:
    label: str
    count: int
    answered: int
    yes: int

    @property
    def yes_percent(self) -> int | None:
        return round(100 * self.yes / self.answered) if self.answered else None


@dataclass(frozen=True)
class QualityReport:
    total: int
    enough: bool
    factors: tuple[FactorQuality, ...]
    fit_reliability: FactorQuality | None  # all statements: the score deciding the outcome
    outcomes: tuple[Rate, ...]
    strengths: tuple[Rate, ...]
    flag_shares: dict[str, int]  # check name -> % of results flagged
    flagged_percent: int | None


def factor_quality(items: Sequence[Item], results: Sequence[StoredAnswers]) -> list[FactorQuality]:
    by_factor: dict[str, list[Item]] = {}
    for item in items:
        by_factor.setdefault(item.factor_slug, []).append(item)
    return [scale_quality(factor, group, results) for factor, group in by_factor.items()]


def scale_quality(name: str, items: Sequence[Item], results: Sequence[StoredAnswers]):
    """Alpha and item-rest of `items` as one scale, over all results and the clean ones."""
    # Only results that answered every statement of the scale as it is now.
    complete = [r for r in results if all(i.slug in r.answers for i in items)]
    columns = {i.slug: [keyed(i.slug, r) for r in complete] for i in items}
    clean = [r for r in complete if r.clean]
    clean_columns = [[keyed(i.slug, r) for r in clean] for i in items]
    return FactorQuality(
        factor_slug=name,
        respondents=len(complete),
        alpha=cronbach_alpha(list(columns.values())) if complete else None,
        item_rest=item_rest_correlations(columns) if complete else {},
        clean_respondents=len(clean),
        clean_alpha=cronbach_alpha(clean_columns) if clean else None,
    )


def rates(results: Sequence[StoredAnswers], key, labels: Sequence[str]) -> tuple[Rate, ...]:
    groups: dict[str, list[StoredAnswers]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    ordered = [label for label in labels if label in groups]
    ordered += sorted(label for label in groups if label not in labels)
    return tuple(
        Rate(
            label,
            len(groups[label]),
            sum(1 for r in groups[label] if r.fits_me is not None),
            sum(1 for r in groups[label] if r.fits_me),
        )
        for label in ordered
    )


def quality_report(
    *,
    items: Sequence[Item],
    results: Sequence[StoredAnswers],
    checks: Sequence[str],
    outcomes: Sequence[str],
    strengths: Sequence[str],
) -> QualityReport:
    total = len(results)
    flag_counts = Counter(name for r in results for name in checks if r.flags.get(name))
    flagged = sum(1 for r in results if any(r.flags.get(name) for name in checks))
    return QualityReport(
        total=total,
        enough=total >= MIN_RESULTS,
        factors=tuple(factor_quality(items, results)) if total >= MIN_RESULTS else (),
        fit_reliability=scale_quality("fit", items, results) if total >= MIN_RESULTS else None,
        outcomes=rates(results, lambda r: r.outcome, outcomes),
        strengths=rates(results, lambda r: r.strength or "hybrid", [*strengths, "hybrid"]),
        flag_shares={
            name: round(100 * flag_counts[name] / total) if total else 0 for name in checks
        },
        flagged_percent=round(100 * flagged / total) if total else None,
    )
