"""Forms for asking and answering."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import Length

from ..forms import not_blank

MARKDOWN_HINT = _l("Markdown is allowed: **bold**, *italic*, lists and links.")


class QuestionForm(FlaskForm):
    title = StringField(
        _l("Your question"),
        description=_l("e.g. Who has applied to the Fonds Podiumkunsten before?"),
        validators=[not_blank, Length(max=200)],
    )
    body = TextAreaField(
        _l("More about it (optional)"), description=MARKDOWN_HINT, validators=[Length(max=10_000)]
    )


class AnswerForm(FlaskForm):
    body = TextAreaField(
        _l("Your answer"), description=MARKDOWN_HINT, validators=[not_blank, Length(max=10_000)]
    )
