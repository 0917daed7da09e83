"""Coordinator forms: network settings and invitations."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..forms import email_field, language_field, name_field
from ..i18n import timezone_choices


class NetworkForm(FlaskForm):
    name = name_field(_l("Name of the network"))
    description = TextAreaField(_l("Short description"), validators=[Length(max=1000)])
    language = language_field()
    timezone = SelectField(_l("Time zone"))
    members_may_schedule = BooleanField(_l("Members may schedule meetings too"))
    anonymous_tallies = BooleanField(_l("Decisions: hide names in tallies until a decision closes"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = timezone_choices()


class InvitationForm(FlaskForm):
    name = StringField(_l("Name (optional)"), validators=[Optional(), Length(max=120)])
    email = email_field(_l("E-mail address (optional)"), required=False)


class GroupLinkForm(FlaskForm):
    """A link for many: until a date, optionally at most a number of people."""

    days = IntegerField(
        _l("Valid for how many days?"), default=14, validators=[InputRequired(), NumberRange(1, 90)]
    )
    max_uses = IntegerField(
        _l("At most how many people? (optional)"), validators=[Optional(), NumberRange(1, 500)]
    )
    approval = BooleanField(_l("I approve each newcomer before they can take part"), default=True)
