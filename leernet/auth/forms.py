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

from ..forms import email_field, language_field, name_field, new_password_fields, strong_password
from ..i18n import timezone_choices


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Please fill in your password."))]
    )
    remember = BooleanField(_l("Keep me logged in on this device"))
    next = HiddenField()


class JoinForm(FlaskForm):
    """One password field: a newcomer's path from link to "I am coming" stays short, and a
    mistyped password is mended with "forgot password"."""

    name = name_field()
    email = email_field()
    password = PasswordField(_l("Password"), validators=[strong_password])
    language = language_field()


class SetupForm(JoinForm):
    password, confirm = new_password_fields()
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
        self.language.description = _l(
            "Also the network's default language: everyone who joins starts with it and can "
            "choose their own."
        )


class ForgotForm(FlaskForm):
    email = email_field()


class ResetForm(FlaskForm):
    password, confirm = new_password_fields()


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Please fill in your password."))]
    )
    password, confirm = new_password_fields()
