"""Forms: sessions for a meeting, the case and its aftermath, custom methods, groups.

Choices that depend on data (methods, groups, members) are set by the view before
validation. A custom method's phases are rows like the date poll's: empty rows are
ignored, the rest must pass ``methods.validate_method``.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import FieldList
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ...forms import TEXT_MAX, choices, not_blank, strip
from ..core.grouping import MAX_SIZE, MIN_SIZE
from ..core.methods import MAX_PHASES, ROLE_LABELS, validate_method
from ..core.rotation import CASE_BRINGER, ROLES
from .labels import FOLLOW_UP_LABELS


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def expiry_field():
    return IntegerField(
        _l("Remove the case details after (days)"),
        validators=[Optional(), NumberRange(1, 3650, _l("Use a number from 1 to 3650."))],
        description=_l(
            "The case question, notes, minutes and reflection are then removed. Empty: keep."
        ),
    )


class SessionsForm(FlaskForm):
    method = SelectField(_l("Method"))
    grouping = RadioField(
        _l("Groups"),
        choices=choices(
            {"day": _l("Form groups from who checked in"), "standing": _l("Standing groups")}
        ),
        default="day",
    )
    groups = MultiCheckboxField(_l("Which standing groups?"), coerce=int)
    size = IntegerField(
        _l("People per group (about)"),
        default=4,
        validators=[InputRequired(), NumberRange(MIN_SIZE, MAX_SIZE)],
    )
    mix = BooleanField(_l("Mix: avoid last time's pairings"), default=True)
    expires_after_days = expiry_field()


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"))
    member = SelectField(_l("Who"))


class AddPersonForm(FlaskForm):
    member = SelectField(_l("Add someone"), coerce=int)


class CaseForm(FlaskForm):
    case_question = TextAreaField(
        _l("Your case question"),
        validators=[Length(max=2000)],
        description=_l("Only the people in this session can read it."),
    )
    expires_after_days = expiry_field()


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Notes for this phase"), validators=[Length(max=TEXT_MAX)])


class ReflectionForm(FlaskForm):
    reflection = TextAreaField(
        _l("What did this session bring you?"), validators=[Length(max=5000)]
    )
    action = StringField(
        _l("What will you do before next time?"),
        validators=[Length(max=500)],
        filters=[strip],
        description=_l("One concrete action. Your group asks about it next time."),
    )


class FollowUpForm(FlaskForm):
    status = RadioField(_l("Did you do it?"), choices=choices(FOLLOW_UP_LABELS))
    note = StringField(_l("In one line"), validators=[Length(max=200)], filters=[strip])


class PhaseRow(Form):
    name = StringField(_l("Phase"), validators=[Length(max=80)], filters=[strip])
    minutes = IntegerField(_l("Duration in minutes"), validators=[Optional()])
    instruction = TextAreaField(_l("What everyone does"), validators=[Length(max=1000)])
    tip = TextAreaField(_l("Tip for the facilitator"), validators=[Length(max=1000)])
    silent = BooleanField(_l("The case-bringer only listens (turned away)"))
    collects = BooleanField(_l("Everyone writes cards for the case-bringer (questions, advice)"))

    @property
    def filled(self):
        typed_minutes = bool(self.minutes.raw_data and self.minutes.raw_data[0].strip())
        return bool(self.name.data or typed_minutes or (self.instruction.data or "").strip())


class MethodForm(FlaskForm):
    name = StringField(_l("Name"), validators=[not_blank, Length(max=80)], filters=[strip])
    description = TextAreaField(_l("Description"), validators=[Length(max=2000)])
    roles = MultiCheckboxField(_l("Roles"))
    turns = IntegerField(
        _l("Rounds"),
        default=1,
        validators=[InputRequired(), NumberRange(1, 8)],
        description=_l("Repeat the phases with a new case-bringer each round (troika: 3)."),
    )
    phases = FieldList(FormField(PhaseRow), min_entries=1, max_entries=MAX_PHASES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles.choices = choices((role, ROLE_LABELS[role]) for role in ROLES)

    def rows(self):
        return [entry.form for entry in self.phases if entry.form.filled]

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        roles = self.roles.data or []
        if CASE_BRINGER not in roles:
            self.roles.errors = [*self.roles.errors, _l("A method needs a case-bringer.")]
            ok = False
        rows = self.rows()
        data = [{"name": r.name.data, "minutes": r.minutes.data} for r in rows]
        for issue in validate_method(data, roles):
            self.form_errors.append(issue.message)
            ok = False
        return ok

    def phase_data(self):
        return [
            {
                "name": r.name.data,
                "minutes": int(r.minutes.data),
                "instruction": (r.instruction.data or "").strip(),
                "tip": (r.tip.data or "").strip(),
                "silent": bool(r.silent.data),
                "collects": bool(r.collects.data),
            }
            for r in self.rows()
        ]


class GroupForm(FlaskForm):
    name = StringField(_l("Name"), validators=[not_blank, Length(max=80)], filters=[strip])
    members = MultiCheckboxField(_l("Members"), coerce=int)
    active = BooleanField(_l("Active"), default=True)

    def validate_members(self, field):
        if len(set(field.data or [])) < MIN_SIZE:
            raise ValidationError(_l("A group needs at least 3 members."))
