"""Walk ``app.url_map``: every route with a URL built from the test world."""

import pytest

from leernet.access import policy_for


def every_route(app, values, method="GET"):
    """``(endpoint, url, policy)`` for each route that accepts ``method``."""
    routes = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if rule.endpoint == "static" or method not in rule.methods:
                continue
            missing = [arg for arg in rule.arguments if arg not in values]
            if missing:
                pytest.fail(f"tests/world.py has no value for {missing} in {rule.rule}")
            url = rule.build({arg: values[arg] for arg in rule.arguments}, append_unknown=False)[1]
            routes.append((rule.endpoint, url, policy_for(rule.endpoint)))
    return routes
