"""A new question reaches the few members whose expertise it matches, not everyone."""

from flask_babel import force_locale
from flask_babel import gettext as _

from ..extensions import db
from ..mail import deliver
from ..web import external_url
from .board import suggestions


def question_asked(question, by):
    """The members the board suggests for it (at most five). The caller commits."""
    db.session.flush()  # the question's id, for its link
    link = external_url("questions.detail", question_id=question.id)
    for user, tags in suggestions(question):
        if user.id == by.id:
            continue
        with force_locale(user.locale):
            deliver(
                "question_asked",
                _("A question for your expertise: %(title)s", title=question.title),
                _(
                    "%(name)s asks the network something you know about (%(tags)s):\n"
                    "%(title)s\n\nAnswer here:\n%(link)s",
                    name=by.name,
                    tags=", ".join(tags),
                    title=question.title,
                    link=link,
                ),
                user=user,
                link=link,
            )
