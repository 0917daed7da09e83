"""Forms for posting a notice and replying to one."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Length

from ..forms import choices, not_blank
from ..meetings.fields import LocalDateField, required_date, today_or_later, url_field
from ..questions.forms import MARKDOWN_HINT
from .items import KINDS


class ItemForm(FlaskForm):
    kind = SelectField(_l("What kind of notice"), choices=choices(KINDS))
    title = StringField(
        _l("Title"),
        description=_l("e.g. Producer wanted for a children's theatre tour"),
        validators=[not_blank, Length(max=200)],
    )
    body = TextAreaField(
        _l("Text"), description=MARKDOWN_HINT, validators=[not_blank, Length(max=5000)]
    )
    link = url_field(_l("Link (optional)"))
    ends_on = LocalDateField(
        _l("On the board until"),
        description=_l("After this date it moves to the archive."),
        validators=[required_date],
    )
    tags = StringField(
        _l("Subjects"),
        description=_l("Separate with commas, e.g. subsidies, marketing"),
        validators=[Length(max=400)],
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        if today is not None:
            self.ends_on.validators = [required_date, today_or_later(today)]


class ReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Your reply"), description=MARKDOWN_HINT, validators=[not_blank, Length(max=5000)]
    )
