"""Setup, joining, logging in and out, and passwords."""

from datetime import timedelta

from flask import Blueprint, current_app, flash, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from ..access import MEMBER, PUBLIC, access
from ..admin.models import Invitation, Network, current_network
from ..errors import error_page
from ..extensions import db, limiter
from ..forms import LANGUAGES
from ..mail import deliver
from ..meetings.panel import next_meeting
from ..members.accounts import AccountError, create_user, find_by_email, set_password
from ..members.models import User
from ..security import check_password
from ..timeutil import utcnow
from ..web import external_url, form_status, go, render
from . import models as tokens
from .forms import ChangePasswordForm, ForgotForm, JoinForm, LoginForm, ResetForm, SetupForm

bp = Blueprint("auth", __name__)


def _login_limit():
    return current_app.config["LOGIN_LIMIT"]


def _token_limit():
    return current_app.config["TOKEN_LIMIT"]


def safe_next(target):
    """Only local paths: an open redirect would make phishing links look like ours."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return go(safe_next(request.args.get("next")))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = find_by_email(form.email.data)
        if user and user.is_active and check_password(user.password_hash, form.password.data):
            login_user(user, remember=form.remember.data)
            session.permanent = True
            return go(safe_next(form.next.data))
        if user is None:
            check_password("", form.password.data)
        form.password.errors.append(_("E-mail address or password is not right."))
    return render("auth/login.html", form=form, status=form_status())


@bp.route("/logout", methods=["POST"])
@access(MEMBER)
def logout():
    logout_user()
    session.clear()
    return go(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
@access(PUBLIC)
def language():
    """Switch language before logging in (members keep theirs in the profile)."""
    choice = request.form.get("language", "")
    if choice in LANGUAGES:
        session["lang"] = choice
        if current_user.is_authenticated:
            current_user.locale = choice
            db.session.commit()
    return go(safe_next(request.form.get("next")))


@bp.route("/setup", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def setup():
    """First run: a one-time token printed at start-up creates the first coordinator."""
    form = SetupForm(token=request.args.get("token", ""), language=str(get_locale()))
    token = tokens.find_valid(tokens.SETUP, form.token.data)
    if token is None:
        already = db.session.scalar(select(User.id).where(User.is_coordinator.is_(True)).limit(1))
        message = (
            _("This network has already been set up. Log in instead.")
            if already
            else _("This setup link is not valid. Restart leernet to print a fresh one.")
        )
        return error_page(410, message)
    if form.validate_on_submit():
        try:
            user = create_user(
                form.name.data,
                form.email.data,
                form.password.data,
                locale=form.language.data,
                coordinator=True,
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            network = current_network() or Network()
            network.name = form.network_name.data.strip()
            network.description = form.description.data.strip()
            network.language = form.language.data
            network.timezone = form.timezone.data
            db.session.add(network)
            tokens.revoke_all(tokens.SETUP)
            db.session.commit()
            login_user(user)
            return go(url_for("home.index"))
    return render("auth/setup.html", form=form, status=form_status())


@bp.route("/join/<token>", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def join(token):
    if current_user.is_authenticated:  # a member opening their used link again
        return go(url_for("home.index"))
    invitation = Invitation.find_open(token)
    if invitation is None:
        return error_page(
            410, _("This invitation is not valid any more. Ask the coordinator for a new one.")
        )
    form = JoinForm(name=invitation.name, email=invitation.email, language=str(get_locale()))
    if form.validate_on_submit():
        try:
            user = create_user(
                form.name.data, form.email.data, form.password.data, locale=form.language.data
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            invitation.used_at = utcnow()
            invitation.used_by_id = user.id
            db.session.commit()
            login_user(user)
            return go(url_for("home.index"))
    return render(
        "auth/join.html",
        form=form,
        invitation=invitation,
        meeting=next_meeting(utcnow()),
        status=form_status(),
    )


@bp.route("/password/forgot", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def forgot():
    form = ForgotForm()
    if form.validate_on_submit():
        user = find_by_email(form.email.data)
        if user is not None and user.is_active:
            tokens.revoke_all(tokens.RESET, user)
            hours = current_app.config["RESET_HOURS"]
            plain = tokens.issue(tokens.RESET, user, timedelta(hours=hours))
            link = external_url("auth.reset", token=plain)
            deliver(
                "reset",
                _("Choose a new password for leernet"),
                _(
                    "Open this link within %(hours)d hours to choose a new password:\n%(link)s",
                    hours=hours,
                    link=link,
                ),
                user=user,
                link=link,
            )
            db.session.commit()
        return render("auth/forgot_sent.html")
    return render("auth/forgot.html", form=form, status=form_status())


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def reset(token):
    found = tokens.find_valid(tokens.RESET, token)
    user = db.session.get(User, found.user_id) if found else None
    if user is None or not user.is_active:
        return error_page(410, _("This reset link is not valid any more. Ask for a new one."))
    form = ResetForm()
    if form.validate_on_submit():
        set_password(user, form.password.data)
        tokens.revoke_all(tokens.RESET, user)
        db.session.commit()
        login_user(user)
        return go(url_for("home.index"))
    return render("auth/reset.html", form=form, status=form_status())


@bp.route("/password/change", methods=["GET", "POST"])
@access(MEMBER)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if check_password(current_user.password_hash, form.current.data):
            set_password(current_user, form.password.data)
            db.session.commit()
            login_user(
                current_user._get_current_object(),
                remember=bool(request.cookies.get("remember_token")),
            )
            flash(_("Your password has been changed."), "success")
            return go(url_for("members.profile", member_id=current_user.id))
        form.current.errors.append(_("This is not your current password."))
    return render("auth/change_password.html", form=form, status=form_status())


from . import group_join  # noqa: E402, F401  (joining through a group link: a route of this blueprint)
