"""An erased member's notices and replies go with them: they are their own words and
offers, not a shared record (questions and minutes stay, under "former member")."""

from sqlalchemy import select

from ..extensions import db
from ..members.accounts import on_erase
from .models import BoardItem, BoardReply


@on_erase
def remove_board_posts(user):
    for model in (BoardReply, BoardItem):
        for row in db.session.scalars(select(model).where(model.author_id == user.id)):
            db.session.delete(row)
