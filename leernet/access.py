"""Access policy as data: every endpoint says who may use it, and one hook enforces it.

A view without a declared policy is refused (fail closed), and the access-matrix test
walks ``app.url_map`` so a new route without a policy fails the suite.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, current_app, request
from flask_login import current_user

from .extensions import login_manager

PUBLIC = "public"
MEMBER = "member"
COORDINATOR = "coordinator"
LEVELS = (PUBLIC, MEMBER, COORDINATOR)


@dataclass(frozen=True)
class Policy:
    level: str
    #: Optional object rule, e.g. "participant of this session": called with the
    #: current user and the view arguments; False means 403 (it may abort 404 itself).
    rule: Callable | None = None
    #: A short name for the rule, shown in the access-matrix test and docs.
    rule_name: str = ""


def access(level, rule=None):
    """Declare the policy of a view: ``@access(MEMBER)`` or ``@access(MEMBER, rule)``."""
    if level not in LEVELS:
        raise ValueError(f"unknown access level {level!r}")

    def decorate(view):
        view.access_policy = Policy(level, rule, getattr(rule, "__name__", ""))
        return view

    return decorate


def policy_for(endpoint):
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "access_policy", None)


def enforce_policy():
    """``before_request`` hook: apply the endpoint's policy before the view runs."""
    if request.endpoint is None:  # no route matched: the 404 handler answers
        return None
    policy = policy_for(request.endpoint)
    if policy is None:
        abort(403)
    if policy.level == PUBLIC:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if policy.level == COORDINATOR and not current_user.is_coordinator:
        abort(403)
    if policy.rule is not None and not policy.rule(current_user, **request.view_args):
        abort(403)
    return None
