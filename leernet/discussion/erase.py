"""An erased member's comments go with them; stances and outcomes stay as the record.
Deleted one by one (not in bulk) so the search index follows."""

from sqlalchemy import select

from ..extensions import db
from ..members.accounts import on_erase
from .models import ProposalComment


@on_erase
def remove_comments(user):
    for row in db.session.scalars(
        select(ProposalComment).where(ProposalComment.author_id == user.id)
    ):
        db.session.delete(row)
