"""Which SVG files are plain pictures: an allowlist checked on the parsed document.

A pattern over the bytes can be fooled (``<g/onload=...>``, an entity-encoded
``javascript:``, ``<set>`` and ``<animate>`` writing an attribute, ``<use>`` pulling in
a ``data:`` document). So the file is parsed as XML (entities decoded, as a browser
would), and every element and attribute must be one a drawing needs; a reference may
only point inside the file (``#id``). Anything else, or a file that does not parse, is
refused. Files are still sent as attachments; this is the second line.
"""

import re
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
#: A DTD can define entities (the billion laughs) and pull in other files: never parsed.
DTD = re.compile(rb"<!\s*(doctype|entity)", re.I)

ELEMENTS = frozenset((
    "svg", "g", "defs", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient",
    "stop", "clipPath", "mask", "symbol", "use", "pattern", "marker",
))  # fmt: skip
ATTRIBUTES = frozenset((
    "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "width", "height", "viewBox", "d", "points", "transform", "fill", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
    "stroke-dashoffset", "stroke-opacity", "fill-opacity", "fill-rule", "clip-rule", "opacity",
    "color", "display", "visibility", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy", "rotate", "offset",
    "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
    "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "preserveAspectRatio", "version", "baseProfile", "clip-path", "mask",
    "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "refX", "refY",
    "orient", "markerUnits", "vector-effect", "shape-rendering", "enable-background", "overflow",
    "href",
))  # fmt: skip
#: Attributes whose value may name another element: only ``#id`` or ``url(#id)``.
REFERENCES = frozenset({"href", XLINK_HREF, "fill", "stroke", "clip-path", "mask",
                        "marker-start", "marker-mid", "marker-end"})  # fmt: skip
URL = re.compile(r"url\s*\(\s*['\"]?\s*([^)'\"\s]*)", re.I)


def _local(name):
    """The element's name in the SVG namespace (or without one), else None."""
    if name.startswith(SVG_NS):
        return name[len(SVG_NS) :]
    return None if name.startswith("{") else name


def _attribute_ok(name, value):
    if name.startswith(XML_NS):
        return True
    if name != XLINK_HREF and (name.startswith("{") or name not in ATTRIBUTES):
        return False
    if name in ("href", XLINK_HREF):
        return value.strip().startswith("#")
    if name in REFERENCES:
        return all(target.startswith("#") for target in URL.findall(value))
    return True


def is_plain_picture(data):
    """True when the bytes ``data`` parse as an SVG drawing of allowed parts only."""
    if DTD.search(data):
        return False
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError):
        return False
    if _local(root.tag) != "svg":
        return False
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element.tag) not in ELEMENTS:
            return False
        if not all(_attribute_ok(name, value) for name, value in element.attrib.items()):
            return False
    return True
