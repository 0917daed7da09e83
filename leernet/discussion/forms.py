"""The form for a comment in a proposal's discussion."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length

from ..forms import not_blank
from ..questions.forms import MARKDOWN_HINT


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Your comment"), description=MARKDOWN_HINT, validators=[not_blank, Length(max=5000)]
    )
