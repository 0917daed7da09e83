"""Form fields and validators shared by several features."""

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

# The longest free text a form takes (a proposal, a phase's notes).
TEXT_MAX = 20_000

LANGUAGES = {"nl": "Nederlands", "en": "English"}


def choices(pairs):
    """WTForms choices from ``(value, label)`` pairs or a dict."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return [SelectChoice(value, label) for value, label in items]


#: Passwords people pick when told "at least 10 characters" (refused outright).
COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "password12",
        "password123",
        "wachtwoord",
        "wachtwoord1",
        "wachtwoord123",
        "qwertyuiop",
        "welkom1234",
        "welkom123!",
        "leernetwerk",
        "leernet123",
        "iloveyou12",
        "abcdefghij",
        "aaaaaaaaaa",
    }
)


def strong_password(_form, field):
    value = field.data or ""
    if len(value) < 10:
        raise ValidationError(_l("Use at least 10 characters."))
    if len(set(value)) < 4 or value.lower() in COMMON_PASSWORDS:
        raise ValidationError(_l("This password is too easy to guess. Try a short sentence."))


def not_blank(_form, field):
    if not (field.data or "").strip():
        raise ValidationError(_l("Please fill this in."))


def name_field(label=None):
    return StringField(
        label or _l("Your name"), validators=[not_blank, Length(max=120)], filters=[strip]
    )


def email_field(label=None, required=True):
    checks = [DataRequired(_l("Please fill in your e-mail address."))] if required else [Optional()]
    return StringField(
        label or _l("E-mail address"),
        validators=checks + [Email(_l("This is not a valid e-mail address.")), Length(max=254)],
        filters=[_strip_lower],
    )


def new_password_fields():
    """A new password and its confirmation (never sent back to the browser)."""
    password = PasswordField(_l("Password"), validators=[strong_password])
    confirm = PasswordField(
        _l("Password again"),
        validators=[EqualTo("password", _l("The two passwords are not the same."))],
    )
    return password, confirm


def language_field():
    return SelectField(_l("Language"), choices=choices(LANGUAGES), default="nl")


def strip(value):
    """A field filter: surrounding white space is never part of what someone typed."""
    return value.strip() if isinstance(value, str) else value


def _strip_lower(value):
    return value.strip().lower() if isinstance(value, str) else value
