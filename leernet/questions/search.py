"""Questions in the search, with their answers: an answer is found on its question."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ..markdown import plain_text
from ..search import Document, register
from .models import Answer, Question


@register(
    "question",
    model=Question,
    label=_l("Questions"),
    one=_l("Question"),
    url=lambda doc: url_for("questions.detail", question_id=doc.object_id),
    watch={Answer: lambda answer: [answer.question_id]},
    options=lambda query: query.options(selectinload(Question.answers)),
)
def question_document(question):
    parts = [plain_text(question.body)] + [plain_text(a.body) for a in question.answers]
    return Document(
        title=question.title,
        body=" · ".join(p for p in parts if p),
        updated_at=last_activity(question),
    )


def last_activity(question):
    answers = [a.created_at for a in question.answers if a.created_at]
    return max([question.updated_at or question.created_at, *answers], default=None)
