"""Small SVG charts rendered on the server: bars, stacked bars, lines, horizontal bars.

No chart JavaScript and no ``style=`` attributes (the CSP forbids inline styles): the
markup carries a ``viewBox`` (it scales to a phone's width), ``role="img"`` with a
``<title>`` and ``<desc>``, presentation attributes for geometry, and classes
(``s1``..``s6`` per series, ``grid``, ``tick``) that app.css colours for light and dark
mode. Every chart is shown with its figures as a table too (``Chart.rows``).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from math import ceil, floor, isfinite, log10

from markupsafe import Markup, escape

W = 300  # viewBox width: text of 11 units reads as about 11 px on a 360 px phone
FONT = 11
KINDS = ("bar", "stacked", "line", "hbar")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


@dataclass
class Chart:
    key: str  # unique on the page: the ids of <title> and <desc> derive from it
    kind: str
    title: str
    desc: str
    labels: Sequence[str]
    series: Sequence[Series]
    label_header: str = ""
    #: Labels for the table when the axis uses short ones ("Mar" on the axis, "March 2026").
    long_labels: Sequence[str] | None = None
    empty: str = "No data"
    y_max: float | None = None
    decimals: int = 0
    notes: list[str] = field(default_factory=list)
    #: Formats a number for people (e.g. Babel's ``format_decimal``: "4,2" in Dutch).
    number: Callable | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")
        for s in self.series:
            if len(s.values) != len(self.labels):
                raise ValueError(f"series {s.name!r} has {len(s.values)} values")

    @property
    def is_empty(self):
        return not self.labels or all(_num(v) is None for s in self.series for v in s.values)

    def fmt(self, value):
        value = _num(value)
        if value is None:
            return "–"
        if self.decimals:
            value = round(value, self.decimals)
        return self.number(value) if self.number else f"{value:g}"

    def rows(self):
        """``(label, [formatted value per series])`` for the data table."""
        names = self.long_labels or self.labels
        return [
            (names[i], [self.fmt(s.values[i]) for s in self.series])
            for i in range(len(self.labels))
        ]

    @cached_property
    def svg(self):
        return render(self)


def _num(value):
    if value is None or isinstance(value, bool):
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if isfinite(value) else None


def _f(x):
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_max(value):
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value``."""
    if value is None or value < 1e-9:  # nothing to show (and no zero scale from a denormal)
        return 1
    power = 10 ** floor(log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value - 1e-9:
            return step * power
    return 10 * power  # pragma: no cover


def label_step(count, width, room=36):
    """Show every n-th axis label so they never overlap."""
    fits = max(1, int(width // room))
    return max(1, ceil(count / fits))


#: Widths of characters in ems, generous for system fonts: a label ending at the plot's
#: edge must never run past the SVG's left side, where its start would be cut off.
_NARROW, _WIDE = set("ijlI.,:;'|!ft "), set("mwMW@")


def text_width(text, size=FONT):
    def em(char):
        if char in _NARROW:
            return 0.34
        if char in _WIDE:
            return 0.95
        return 0.72 if char.isupper() or char.isdigit() else 0.6

    return size * sum(em(char) for char in text)


def fit(label, room, size=FONT):
    """``label``, shortened at its end with "…" until it fits ``room`` units."""
    if text_width(label, size) <= room:
        return label
    while label and text_width(label + "…", size) > room:
        label = label[:-1]
    return label.rstrip() + "…"


def _open(chart, height):
    k = escape(chart.key)
    return [
        f'<svg class="chart chart-{chart.kind}" viewBox="0 0 {W} {_f(height)}" role="img" '
        f'aria-labelledby="{k}-title {k}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT}">',
        f'<title id="{k}-title">{escape(chart.title)}</title>',
        f'<desc id="{k}-desc">{escape(chart.desc)}</desc>',
    ]


def _text(x, y, content, anchor="middle", cls="tick"):
    return (
        f'<text class="{cls}" x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}">'
        f"{escape(content)}</text>"
    )


def _rect(cls, x, y, width, height):
    return (
        f'<rect class="{cls}" x="{_f(x)}" y="{_f(y)}" '
        f'width="{_f(max(width, 0.3))}" height="{_f(max(height, 0))}"/>'
    )


def _line(x1, y1, x2, y2):
    return f'<line class="grid" x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}"/>'


def _series_class(j):
    return f"s{j % 6 + 1}"


def render(chart):
    """The chart as SVG markup (an "empty" frame with a message when there is no data)."""
    if chart.is_empty:
        height = 120
        parts = _open(chart, height)
        parts.append(
            f'<rect class="frame" x="0.5" y="0.5" width="{W - 1}" height="{height - 1}" '
            'rx="6" fill="none"/>'
        )
        parts.append(_text(W / 2, height / 2 + 4, chart.empty, cls="empty"))
        return Markup("".join(parts) + "</svg>")
    if chart.kind == "hbar":
        return _hbar(chart)
    return _vertical(chart)


def _vertical(chart):
    height, left, right, top, bottom = 180, 30, 6, 8, 22
    plot_w, plot_h = W - left - right, height - top - bottom
    n = len(chart.labels)
    values = [[_num(v) for v in s.values] for s in chart.series]
    if chart.kind == "stacked":
        peak = max((sum(v[i] or 0 for v in values) for i in range(n)), default=0)
    else:
        peak = max((v or 0 for vs in values for v in vs), default=0)
    top_value = chart.y_max or nice_max(peak)
    band = plot_w / n

    def y(value):
        return top + plot_h - max(0, min(value, top_value)) / top_value * plot_h

    parts = _open(chart, height)
    for tick in (0, top_value / 2, top_value):
        parts.append(_line(left, y(tick), W - right, y(tick)))
        parts.append(_text(left - 4, y(tick) + 4, chart.fmt(tick), anchor="end"))
    step = label_step(n, plot_w)
    for i, label in enumerate(chart.labels):
        if i % step == 0:
            parts.append(_text(left + band * (i + 0.5), height - 6, label))
    if chart.kind == "line":
        parts += _lines(values, left, band, y)
    elif chart.kind == "stacked":
        parts += _stacks(values, left, band, y)
    else:
        parts += _bars(values, left, band, y)
    return Markup("".join(parts) + "</svg>")


def _bars(values, left, band, y):
    parts, width = [], band * 0.8 / len(values)
    for j, vs in enumerate(values):
        for i, value in enumerate(vs):
            if value and value > 0:
                x = left + band * i + band * 0.1 + width * j
                parts.append(_rect(f"bar {_series_class(j)}", x, y(value), width, y(0) - y(value)))
    return parts


def _stacks(values, left, band, y):
    parts, width = [], band * 0.7
    for i in range(len(values[0])):
        x, total = left + band * i + band * 0.15, 0
        for j, vs in enumerate(values):
            value = vs[i] or 0
            if value > 0:
                lower, upper = y(total), y(total + value)
                parts.append(_rect(f"bar {_series_class(j)}", x, upper, width, lower - upper))
                total += value
    return parts


def _lines(values, left, band, y):
    parts = []
    for j, vs in enumerate(values):
        cls = _series_class(j)
        points = [(left + band * (i + 0.5), y(v)) for i, v in enumerate(vs) if v is not None]
        path, pen = [], "M"
        for i, v in enumerate(vs):
            if v is None:
                pen = "M"  # a gap: the line breaks where a month has no figure
                continue
            path.append(f"{pen}{_f(left + band * (i + 0.5))} {_f(y(v))}")
            pen = "L"
        if len(points) > 1:
            parts.append(
                f'<path class="line {cls}" d="{" ".join(path)}" fill="none" stroke-width="2"/>'
            )
        if len(vs) <= 40 or len(points) == 1:
            parts += [
                f'<circle class="dot {cls}" cx="{_f(x)}" cy="{_f(y_)}" r="3"/>' for x, y_ in points
            ]
    return parts


def _hbar(chart):
    """One row per label (e.g. per member), the series stacked left to right."""
    n = len(chart.labels)
    row = 22 if n <= 40 else 12
    left, right, top, bottom = 96, 28, 4, 20
    height = top + row * n + bottom
    plot_w = W - left - right
    values = [[_num(v) or 0 for v in s.values] for s in chart.series]
    totals = [sum(vs[i] for vs in values) for i in range(n)]
    top_value = chart.y_max or nice_max(max(totals, default=0))
    parts = _open(chart, height)
    for tick in (0, top_value / 2, top_value):
        x = left + tick / top_value * plot_w
        parts.append(_line(x, top, x, height - bottom))
        parts.append(_text(x, height - 6, chart.fmt(tick)))
    for i, label in enumerate(chart.labels):
        y0, x = top + row * i, left
        for j, vs in enumerate(values):
            width = max(0, min(vs[i], top_value - (x - left) / plot_w * top_value)) / top_value
            if width > 0:
                parts.append(
                    _rect(f"bar {_series_class(j)}", x, y0 + row * 0.15, width * plot_w, row * 0.7)
                )
                x += width * plot_w
        if row >= 16:  # with many rows the table carries the names
            parts.append(_text(left - 4, y0 + row / 2 + 4, fit(label, left - 6), anchor="end"))
            parts.append(_text(x + 3, y0 + row / 2 + 4, chart.fmt(totals[i]), anchor="start"))
    return Markup("".join(parts) + "</svg>")
