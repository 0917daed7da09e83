"""SVG charts: well-formed, accessible, no inline styles; empty, single-point and large data."""

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leernet.value.charts import KINDS, Chart, Series, label_step, nice_max

NS = "{http://www.w3.org/2000/svg}"


def chart(kind="bar", labels=("jan", "feb", "mrt"), series=None, **extra):
    series = series or [Series("Kwamen", [3, 5, 4][: len(labels)] + [1] * (len(labels) - 3))]
    return Chart(key="test", kind=kind, title="Titel", desc="Beschrijving", labels=list(labels),
                 series=series, **extra)  # fmt: skip


def parse(markup):
    return ET.fromstring(str(markup))


def check_accessible(svg):
    root = parse(svg)
    assert root.tag == NS + "svg"
    assert re.fullmatch(r"0 0 \d+(\.\d+)? \d+(\.\d+)?", root.get("viewBox"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "test-title test-desc"
    assert root.find(NS + "title").text == "Titel"
    assert root.find(NS + "desc").text == "Beschrijving"
    assert "style=" not in str(svg), "the CSP forbids inline styles"
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy"):
                number = float(value)
                assert number == number and abs(number) < 1e6, (name, value)  # not NaN
                if name in ("width", "height"):
                    assert number >= 0
    return root


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_accessible_svg(kind):
    root = check_accessible(chart(kind).svg)
    assert root.findall(f".//{NS}rect") or root.findall(f".//{NS}circle")


@pytest.mark.parametrize("kind", KINDS)
def test_empty_data_says_so_instead_of_drawing_nothing(kind):
    for labels, values in (([], []), (["jan", "feb"], [None, None])):
        item = chart(kind, labels=labels, series=[Series("x", values)], empty="Nog geen gegevens")
        root = check_accessible(item.svg)
        assert "Nog geen gegevens" in str(item.svg)
        assert not root.findall(f".//{NS}path")
    assert chart(kind, labels=[], series=[]).is_empty


@pytest.mark.parametrize("kind", KINDS)
def test_a_single_point_is_visible(kind):
    item = chart(kind, labels=["mrt"], series=[Series("Gemiddeld", [4.2])], y_max=5)
    root = check_accessible(item.svg)
    if kind == "line":
        assert len(root.findall(f".//{NS}circle")) == 1  # a line of one point is a dot
        assert not root.findall(f".//{NS}path")
    else:
        assert len(root.findall(f".//{NS}rect[@class]")) >= 1


@pytest.mark.parametrize("kind", KINDS)
def test_large_data_stays_small_and_readable(kind):
    labels = [f"m{n}" for n in range(600)]
    series = [Series(f"s{j}", [(n * 7 + j) % 50 for n in range(600)]) for j in range(5)]
    item = chart(kind, labels=labels, series=series)
    root = check_accessible(item.svg)
    ticks = [t for t in root.iter(NS + "text") if t.get("class") == "tick"]
    if kind != "hbar":
        assert len(ticks) <= 3 + 10, "axis labels are thinned so they never overlap"
    assert len(str(item.svg)) < 600 * 5 * 120
    if kind == "line":
        assert not root.findall(f".//{NS}circle"), "no dots on a crowded line"
        assert len(root.findall(f".//{NS}path")) == 5


def test_labels_and_titles_are_escaped():
    item = chart(labels=["<script>alert(1)</script>", "b&c", '"q"'])
    item.title = "<b>Titel</b>"
    markup = str(item.svg)
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    parse(markup)


def test_missing_values_break_a_line_and_show_in_the_table():
    item = chart("line", labels=["a", "b", "c", "d"], series=[Series("x", [1, None, 3, 4])])
    path = parse(item.svg).find(f".//{NS}path").get("d")
    assert path.count("M") == 2  # two pieces: a, then c-d
    assert [values for _label, values in item.rows()] == [["1"], ["–"], ["3"], ["4"]]


def test_values_beyond_the_maximum_are_clamped_to_the_plot():
    item = chart("stacked", labels=["a"], series=[Series("x", [9]), Series("y", [9])], y_max=5)
    for rect in parse(item.svg).iter(NS + "rect"):
        assert float(rect.get("y")) >= 0


def test_odd_numbers_do_not_break_the_chart():
    values = [float("nan"), float("inf"), -3, True, "x"]
    item = chart("bar", labels=list("abcde"), series=[Series("x", values)])
    check_accessible(item.svg)  # a negative count draws nothing below the axis
    assert [values for _label, values in item.rows()] == [["–"], ["–"], ["-3"], ["–"], ["–"]]
    assert chart("line", labels=["a"], series=[Series("x", [float("nan")])]).is_empty


def test_series_must_match_the_labels():
    with pytest.raises(ValueError):
        chart(labels=["a", "b"], series=[Series("x", [1])])
    with pytest.raises(ValueError):
        chart("pie")


def test_table_rows_use_long_labels_and_the_number_format():
    item = chart(
        "line",
        labels=["jan", "feb"],
        series=[Series("Gemiddeld", [3.25, 4])],
        long_labels=["januari 2026", "februari 2026"],
        decimals=1,
        number=lambda v: f"{v:.1f}".replace(".", ","),
    )
    assert item.rows() == [("januari 2026", ["3,2"]), ("februari 2026", ["4,0"])]


def test_nice_maximum_and_label_steps():
    assert [nice_max(v) for v in (0, 0.4, 1, 3, 7, 12, 26, 480)] == [1, 0.5, 1, 5, 10, 20, 50, 500]
    assert nice_max(5e-324) == 1, "a denormal would make a zero scale"
    assert label_step(12, 264) == 2
    assert label_step(3, 264) == 1
    assert label_step(600, 264) == 86


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(KINDS),
    st.lists(st.one_of(st.none(), st.floats(0, 1e6), st.integers(0, 10_000)), max_size=80),
)
def test_any_data_gives_well_formed_svg(kind, values):
    item = chart(kind, labels=[str(n) for n in range(len(values))], series=[Series("x", values)])
    check_accessible(item.svg)


def test_long_names_are_shortened_at_their_end_and_fit_left_of_the_plot():
    from leernet.value.charts import fit, text_width

    for name in ("Anouk Coördinator-Van den Bergh", "WWWWWWWWWWWWWWW", "Mo", "Iris"):
        shown = fit(name, 90)
        assert text_width(shown) <= 90
        assert name.startswith(shown.rstrip("…").rstrip())
    assert fit("Mo", 90) == "Mo"
