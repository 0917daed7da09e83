"""Coordinator forms: network settings and invitations."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

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
