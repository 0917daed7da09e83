"""Per main page: median time, SQL statements and first-load weight (HTML + CSS + JS, gzip)."""

import gzip
import re
import statistics
from dataclasses import dataclass

from leernet.measure import QUERY_COUNT_HEADER

ASSETS = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


@dataclass
class PageFigures:
    times: list
    queries: int = 0
    weight_kb: float = 0.0

    @property
    def median_ms(self):
        return statistics.median(self.times) * 1000


def gzip_size(body):
    return len(gzip.compress(body, compresslevel=6))


def fetch(session, path):
    response = session.get(path)
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status}, expected 200")
    return response


def first_load_kb(session, path):
    """What a phone downloads on its first visit, compressed as a server would send it."""
    page = fetch(session, path)
    total = gzip_size(page.body)
    for asset in ASSETS.findall(page.text):
        total += gzip_size(fetch(session, asset.replace("&amp;", "&")).body)
    return total / 1024


def measure(visits, repeat):
    """Time each ``(session, path)`` in turn, so drift on the machine hits all alike."""
    figures = [PageFigures(times=[]) for _ in visits]
    for session, path in visits:
        for _ in range(3):
            fetch(session, path)  # warm-up: templates compiled, caches filled
    for _ in range(repeat):
        for (session, path), figure in zip(visits, figures, strict=True):
            response = fetch(session, path)
            figure.times.append(response.seconds)
            figure.queries = max(figure.queries, int(response.headers[QUERY_COUNT_HEADER]))
    for (session, path), figure in zip(visits, figures, strict=True):
        figure.weight_kb = first_load_kb(session, path)
    return figures
