"""Forms for writing minutes, their lifecycle, and action items."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ..forms import choices, not_blank, strip
from .service import MAX_TEXT

TOO_LONG = _l("Minutes can be up to 50,000 characters long.")


class BaseField(IntegerField):
    """The revision an edit started from: a hidden whole number."""

    widget = HiddenField.widget


class MinutesForm(FlaskForm):
    text = TextAreaField(
        _l("Minutes"),
        description=_l("Markdown works: ## headings, **bold**, - lists."),
        validators=[Length(max=MAX_TEXT, message=TOO_LONG)],
    )
    note = StringField(
        _l("What did you change? (optional)"), validators=[Length(max=300)], filters=[strip]
    )
    base = BaseField(validators=[InputRequired(), NumberRange(0, 10**9)])


class PreviewForm(FlaskForm):
    text = TextAreaField(validators=[Length(max=MAX_TEXT, message=TOO_LONG)])


class HeadForm(FlaskForm):
    """Share or approve: the revision the person saw."""

    head = BaseField(validators=[InputRequired(), NumberRange(0, 10**9)])


class RestoreForm(FlaskForm):
    number = BaseField(validators=[InputRequired(), NumberRange(1, 10**9)])
    base = BaseField(validators=[InputRequired(), NumberRange(0, 10**9)])


class UnlockForm(FlaskForm):
    reason = StringField(
        _l("Why unlock the approved minutes?"),
        description=_l("Everyone can see who unlocked them and why."),
        validators=[not_blank, Length(max=500)],
        filters=[strip],
    )


class VisibilityForm(FlaskForm):
    visibility = SelectField(_l("Who can read the minutes"))


def sensible_date(_form, field):
    if field.data and not date(2000, 1, 1) <= field.data <= date(2100, 12, 31):
        raise ValidationError(_l("Choose a date in the next few years."))


class ActionForm(FlaskForm):
    what = StringField(
        _l("What needs to happen"), validators=[not_blank, Length(max=300)], filters=[strip]
    )
    owner = SelectField(_l("Who does it"), coerce=int)
    due_on = DateField(_l("Due date (optional)"), validators=[Optional(), sensible_date])
    meeting = SelectField(_l("Meeting (optional)"), coerce=int, default=0)

    def __init__(self, *args, owners=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner.choices = choices(owners)
        self.meeting.choices = choices([(0, _l("No meeting")), *meetings])
