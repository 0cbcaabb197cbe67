"""Samples, percentiles, targets: what one benchmark hands to the report."""
import math
from dataclasses import dataclass, field


def percentile(samples, p):
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(samples)
    if not ordered:
        return math.nan
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Series:
    """Samples of one subject (TwoHats, a peer, the harness floor) in one unit."""
    subject: str
    unit: str
    samples: list
    # A peer or a floor: the report shows TwoHats' median divided by this one's.
    peer: bool = False

    @property
    def median(self):
        return percentile(self.samples, 50)

    def p(self, value):
        return percentile(self.samples, value)


@dataclass
class Check:
    """A target: `value` must be at most `limit`."""
    text: str
    value: float
    limit: float

    @property
    def met(self):
        return self.value <= self.limit


@dataclass
class Result:
    name: str
    title: str
    what: str
    series: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    skipped: str = ""

    def add(self, subject, unit, samples, peer=False):
        series = Series(subject, unit, list(samples), peer)
        self.series.append(series)
        return series

    def check(self, text, value, limit):
        self.checks.append(Check(text, value, limit))


def ms(nanoseconds):
    return nanoseconds / 1e6
