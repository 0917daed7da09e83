"""Profile and account forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import choices, language_field, name_field
from .models import CONTACT_CHOICES


class ProfileForm(FlaskForm):
    name = name_field()
    bio = TextAreaField(_l("About you"), validators=[Length(max=2000)])
    expertise = StringField(
        _l("What you can be asked about"),
        description=_l("Separate with commas, e.g. subsidies, HR, marketing"),
        validators=[Length(max=600)],
    )
    wishes = StringField(
        _l("What I want to learn"),
        description=_l("Separate with commas, e.g. fundraising, contracts"),
        validators=[Length(max=600)],
    )
    contact = SelectField(_l("How to reach you"), choices=choices(CONTACT_CHOICES))
    contact_detail = StringField(_l("Contact detail (optional)"), validators=[Length(max=200)])
    language = language_field()
    notify_meetings = BooleanField(
        _l("Tell me about new, changed and cancelled meetings, and remind me the day before")
    )


class EraseForm(FlaskForm):
    password = PasswordField(
        _l("Your password, to confirm"),
        validators=[DataRequired(_l("Please fill in your password."))],
    )
