"""A comment on a proposal tells its proposer and those who commented before, in their
own language, so a concern is answered before the vote. The caller commits."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..mail import deliver
from ..members.models import User
from ..web import external_url
from .models import ProposalComment


def commented(decision, comment, by):
    db.session.flush()  # the comment's id, for its anchor
    link = external_url("decisions.detail", decision_id=decision.id) + f"#comment-{comment.id}"
    earlier = select(ProposalComment.author_id).where(ProposalComment.decision_id == decision.id)
    following = db.session.scalars(
        select(User).where(
            (User.id == decision.proposer_id) | User.id.in_(earlier),
            User.id != by.id,
            User.active.is_(True),
            User.erased.is_(False),
        )
    )
    for user in following:
        with force_locale(user.locale):
            deliver(
                "proposal_comment",
                _("%(name)s commented on %(title)s", name=by.name, title=decision.title),
                _("Read the discussion before you take a stance:\n%(link)s", link=link),
                user=user,
                link=link,
            )
