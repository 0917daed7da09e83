"""Forms for setting up the network, joining, logging in and passwords."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from ..forms import email_field, language_field, name_field, new_password_fields
from ..i18n import timezone_choices


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Please fill in your password."))]
    )
    remember = BooleanField(_l("Keep me logged in on this device"))
    next = HiddenField()


class JoinForm(FlaskForm):
    name = name_field()
    email = email_field()
    password, confirm = new_password_fields()
    language = language_field()


class SetupForm(JoinForm):
    token = HiddenField()
    network_name = StringField(
        _l("Name of the network"),
        validators=[DataRequired(_l("Please fill this in.")), Length(max=120)],
    )
    description = TextAreaField(_l("Short description"), validators=[Length(max=1000)])
    timezone = SelectField(_l("Time zone"), default="Europe/Amsterdam")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = timezone_choices()


class ForgotForm(FlaskForm):
    email = email_field()


class ResetForm(FlaskForm):
    password, confirm = new_password_fields()


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Please fill in your password."))]
    )
    password, confirm = new_password_fields()
