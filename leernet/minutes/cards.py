"""The home card "My actions": my open actions, overdue ones first and marked."""

from ..extensions import db
from ..home import card
from . import actions

SHOWN = 5


@card("actions", "minutes/_card.html", order=25)
def my_actions_card(user):
    items = db.session.scalars(actions.mine_query(user).limit(SHOWN + 1)).all()
    if not items:
        return None
    today = actions.today()
    return {
        "actions": items[:SHOWN],
        "more": len(items) > SHOWN,
        "today": today,
        "overdue": sum(1 for a in items[:SHOWN] if a.overdue(today)),
    }
