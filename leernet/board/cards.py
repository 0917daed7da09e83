"""Home card: the newest notices by others (until the inbox announces them by kind)."""

from ..home import card
from .items import KINDS, newest


@card("board", "board/_card.html", order=45, lazy=True)
def board_card(user):
    items = newest(user)
    return {"notices": items, "kinds": KINDS} if items else None
