"""The notices a member posted and the replies they wrote, in their data export."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import BoardItem, BoardReply


@section("board_items")
def items_section(user):
    rows = db.session.scalars(
        select(BoardItem).where(BoardItem.author_id == user.id).order_by(BoardItem.id)
    )
    return [
        {
            "kind": item.kind,
            "title": item.title,
            "body": item.body,
            "link": item.link,
            "ends_on": stamp(item.ends_on),
            "state": item.state,
            "tags": [tag.name for tag in item.tags],
            "posted": stamp(item.created_at),
        }
        for item in rows
    ]


@section("board_replies")
def replies_section(user):
    rows = db.session.scalars(
        select(BoardReply).where(BoardReply.author_id == user.id).order_by(BoardReply.id)
    )
    return [
        {"notice": reply.item.title, "body": reply.body, "written": stamp(reply.created_at)}
        for reply in rows
    ]
