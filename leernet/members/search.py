"""Members' expertise in the search: "who can I ask about X?" from the one search box."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ..search import Document, register
from .models import User


@register(
    "member",
    model=User,
    label=_l("Members"),
    one=_l("Member"),
    dated=False,
    url=lambda doc: url_for("members.profile", member_id=doc.object_id),
    options=lambda query: query.options(selectinload(User.tags)),
)
def member_document(user):
    if not user.is_active:
        return None  # deactivated and erased members are not found
    tags = ", ".join(tag.name for tag in user.tags)
    return Document(title=user.name, body=f"{tags}. {user.bio}" if tags else user.bio)
