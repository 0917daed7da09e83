"""Proposal, stance, amendment and advice-decision forms.

Times are typed in the network's time zone and stored in UTC; a closing time in the
past or a quorum over 100% gets a message that says what to do instead.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from ..forms import TEXT_MAX, choices, not_blank, strip
from ..i18n import select_timezone
from ..meetings.choices import fill_meetings, meeting_field
from ..timeutil import utcnow
from . import labels, rules


def network_zone():
    return ZoneInfo(select_timezone())


def to_utc(local):
    """A naive network-local datetime as aware UTC (None when it cannot be one)."""
    try:
        return local.replace(tzinfo=network_zone()).astimezone(ZoneInfo("UTC"))
    except (OverflowError, ValueError):
        return None


def to_local(moment):
    return moment.astimezone(network_zone()).replace(tzinfo=None) if moment else None


def default_closing():
    """A week from now at 20:00 network time: after most evening meetings."""
    local = datetime.now(network_zone()) + timedelta(days=7)
    return local.replace(hour=20, minute=0, second=0, microsecond=0, tzinfo=None)


class ProposalForm(FlaskForm):
    title = StringField(_l("Title"), validators=[not_blank, Length(max=200)], filters=[strip])
    proposal = TextAreaField(
        _l("The proposal"),
        description=_l("What exactly do you propose? Markdown works: **bold**, - lists."),
        validators=[Length(max=TEXT_MAX)],
    )
    background = TextAreaField(
        _l("Background (optional)"),
        description=_l("Why, what you considered, links."),
        validators=[Length(max=TEXT_MAX)],
    )
    method = SelectField(
        _l("How do we decide?"), choices=choices(labels.METHODS), render_kw={"data-method": ""}
    )
    closes_at = DateTimeLocalField(
        _l("Closes at"),
        format="%Y-%m-%dT%H:%M",
        validators=[Optional()],
        description=_l("Stances can change until then."),
    )
    review_on = DateField(
        _l("Review date (optional)"),
        validators=[Optional()],
        description=_l("Safe enough to try? Say when to look at it again."),
    )
    quorum = IntegerField(
        _l("Quorum: percentage of active members who must take part"),
        default=50,
        validators=[Optional()],
    )
    threshold = SelectField(_l("Majority needed"), choices=choices(labels.THRESHOLDS))
    meeting_id = meeting_field(_l("The meeting where it is discussed or decided."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fill_meetings(self.meeting_id, getattr(kwargs.get("obj"), "meeting_id", None))

    def validate_closes_at(self, field):
        if field.data and not (2000 <= field.data.year <= 2100 and self.closes_utc()):
            raise ValidationError(_l("Choose a closing time within a year."))

    def validate_review_on(self, field):
        if field.data and not 2000 <= field.data.year <= 2100:
            raise ValidationError(_l("Choose a review date within the next few years."))

    def validate_quorum(self, field):
        if field.data is not None and not rules.valid_quorum(field.data):
            raise ValidationError(
                _l("A quorum is a percentage of the members: use a number from 0 to 100.")
            )

    def check_opening(self):
        """Extra checks before opening: a text and a closing time in the future."""
        ok = True
        if not (self.proposal.data or "").strip():
            self.proposal.errors.append(_l("Please write the proposal itself."))
            ok = False
        closes = self.closes_utc()
        if self.closes_at.data is None:
            self.closes_at.errors.append(_l("Please choose when the decision closes."))
            ok = False
        elif closes is None or closes <= utcnow():
            self.closes_at.errors.append(
                _l("This closing time has already passed. Choose a moment in the future.")
            )
            ok = False
        elif not rules.valid_closing(closes, utcnow()):
            self.closes_at.errors.append(_l("Choose a closing time within a year."))
            ok = False
        if ok and self.review_on.data and self.review_on.data < to_local(closes).date():
            self.review_on.errors.append(_l("The review date should come after the closing."))
            ok = False
        return ok

    def closes_utc(self):
        return to_utc(self.closes_at.data) if self.closes_at.data else None

    def quorum_value(self):
        return self.quorum.data if self.quorum.data is not None else 50


class StanceForm(FlaskForm):
    kind = RadioField(_l("Your stance"), validators=[InputRequired(_l("Please choose one."))])
    reason = TextAreaField(_l("Reason"), validators=[Length(max=5000)])

    def __init__(self, method, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.method = method
        self.kind.choices = choices((k, labels.KINDS[k]) for k in rules.KINDS[method])
        self.reason.label.text = labels.REASON_LABELS[method]

    def validate_reason(self, field):
        if rules.needs_reason(self.method, self.kind.data) and not (field.data or "").strip():
            if self.kind.data == "objection":
                raise ValidationError(_l("An objection needs a reason: what harm do you foresee?"))
            if self.kind.data == "block":
                raise ValidationError(_l("A block needs a reason: why can you not live with it?"))
            raise ValidationError(_l("Please write your advice."))


class AmendForm(FlaskForm):
    proposal = TextAreaField(
        _l("The amended proposal"), validators=[not_blank, Length(max=TEXT_MAX)]
    )
    note = TextAreaField(
        _l("What changed, and why"),
        description=_l("Members who object are asked to look again."),
        validators=[not_blank, Length(max=2000)],
    )


class AdviceDecisionForm(FlaskForm):
    result = RadioField(
        _l("Your decision"),
        choices=choices(
            {"adopted": _l("Go ahead with the proposal"), "rejected": _l("Do not go ahead")}
        ),
        validators=[InputRequired(_l("Please choose one."))],
    )
    resolution = TextAreaField(
        _l("What did you decide?"), validators=[not_blank, Length(max=TEXT_MAX)]
    )
    weighing = TextAreaField(
        _l("How did you weigh the advice?"),
        description=_l("Whose advice did you follow, and where did you choose otherwise?"),
        validators=[not_blank, Length(max=TEXT_MAX)],
    )
