"""Setup, joining, logging in and out, and passwords."""

from datetime import datetime, timedelta

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy import select

from ..access import MEMBER, PUBLIC, access
from ..admin import group_links
from ..admin.models import Invitation, Network, current_network
from ..errors import error_page
from ..extensions import db, htmx, limiter
from ..forms import LANGUAGES
from ..i18n import format_datetime
from ..mail import deliver, smtp_configured
from ..meetings.panel import next_meeting
from ..members.accounts import AccountError, create_user, find_by_email, set_password
from ..members.models import User
from ..security import check_password
from ..timeutil import utcnow
from ..web import external_url, form_status, go, render
from . import bp, logins, resets, throttle
from . import models as tokens
from .forms import ChangePasswordForm, ForgotForm, JoinForm, LoginForm, ResetForm, SetupForm


def _token_limit():
    return current_app.config["TOKEN_LIMIT"]


def safe_next(target):
    """Only local paths: an open redirect would make phishing links look like ours.
    No control characters either: a line break in a ``Location`` header is a 500."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and target.isprintable()
    ):
        return target
    return url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
@access(PUBLIC)
def login():
    """Failures are counted in the database (``throttle``); a known and an unknown address
    cost the same Argon2 work (``check_password`` verifies a dummy hash for nobody)."""
    if current_user.is_authenticated:
        return go(safe_next(request.args.get("next")))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        address = request.remote_addr or ""
        wait = throttle.wait_seconds(form.email.data, address)
        if wait:
            page, status = error_page(429)
            return page, status, {"Retry-After": str(wait)}
        user = find_by_email(form.email.data)
        right = check_password(user.password_hash if user else "", form.password.data)
        if right and user.is_active:
            throttle.succeeded(form.email.data, address)
            for done in resets.tell(user):
                flash(
                    _(
                        "Your password was reset on %(when)s, approved by %(name)s. "
                        "If that was not you, tell another coordinator.",
                        when=format_datetime(done.approved_at),
                        name=done.approved_by.name if done.approved_by else "?",
                    ),
                    "error",  # stands out: it may be news the member must act on
                )
            logins.start(user, remember=form.remember.data)
            # Without "keep me logged in" the session cookie ends with the browser.
            session.permanent = bool(form.remember.data)
            return go(safe_next(form.next.data))
        if right and group_links.is_waiting(user):  # the password proves who asks
            return render("auth/waiting.html", name=user.name)
        throttle.failed(form.email.data, address)
        form.password.errors.append(_("E-mail address or password is not right."))
    return render("auth/login.html", form=form, status=form_status())


#: Logout tells the browser to forget what it kept of the member's pages. Not "cookies":
#: that clears the whole registrable domain (other apps on sibling subdomains too), and
#: this login's cookies are already dead (its row is gone, remember-me is deleted).
CLEAR_SITE_DATA = '"cache", "storage"'


@bp.route("/logout", methods=["POST"])
@access(MEMBER)
def logout():
    """Ends this browser's login row (its cookies, copied or not, stop working) and only
    it. ``logout_user`` runs after ``session.clear``: it leaves Flask-Login's note to
    delete the remember-me cookie, which clearing afterwards would wipe. A full page
    load (never an htmx swap): htmx keeps no snapshot of the last page."""
    logins.end(current_user)
    session.clear()
    logout_user()
    target = url_for("auth.login")
    response = redirect(target, code=303)
    if htmx:
        response = current_app.make_response("")
        response.headers["HX-Redirect"] = target
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


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
            logins.start(user)
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
            logins.start(user)
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
    """With SMTP the member gets a link by e-mail; without, a code to tell a coordinator
    (``resets``). An unknown address gets the same answer, and no link ever waits in
    the outbox."""
    if current_user.is_authenticated:
        return go(url_for("auth.change_password"))
    form = ForgotForm()
    if form.validate_on_submit():
        user = find_by_email(form.email.data)
        if user is not None and not user.is_active:
            user = None
        hours = current_app.config["RESET_HOURS"]
        if smtp_configured():
            if user is not None:
                _email_reset_link(user, hours)
                db.session.commit()
            return render("auth/forgot_sent.html")
        secret, code, until = resets.begin(user, hours)
        db.session.commit()
        session["reset"] = {"secret": secret, "code": code, "until": until.isoformat()}
        return go(url_for("auth.reset_code"))
    return render("auth/forgot.html", form=form, smtp=smtp_configured(), status=form_status())


def _email_reset_link(user, hours):
    """E-mail the link; it waits in the member's own inbox, never in the coordinators' outbox."""
    tokens.revoke_all(tokens.RESET, user)
    plain = tokens.issue(tokens.RESET, user, timedelta(hours=hours))
    link = external_url("auth.reset", token=plain)
    deliver(
        "reset",
        _("Choose a new password for leernet"),
        ngettext(
            "Open this link within %(num)d hour to choose a new password:\n%(link)s",
            "Open this link within %(num)d hours to choose a new password:\n%(link)s",
            hours,
            link=link,
        ),
        user=user,
        link=link,
    )


@bp.route("/password/reset", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def reset_code():
    """The browser that asked: its code until a coordinator approves, then the new password."""
    kept = session.get("reset")
    if not isinstance(kept, dict) or not {"secret", "code", "until"} <= kept.keys():
        return redirect(url_for("auth.forgot"))
    row = resets.for_browser(kept["secret"])
    expired = datetime.fromisoformat(kept["until"]) <= utcnow()
    if expired or (row is not None and not row.is_open()):
        session.pop("reset", None)
        return error_page(410, _("This password reset has ended. Please start again."))
    polled = htmx and htmx.target == "reset-wait"  # the waiting page asks every few seconds
    if not resets.may_complete(row):
        return render(
            "auth/_reset_wait.html" if polled else "auth/reset_code.html",
            code=resets.shown(kept["code"]),
            until=datetime.fromisoformat(kept["until"]),
        )
    if polled:  # approved: the whole page, with the form
        response = current_app.make_response("")
        response.headers["HX-Redirect"] = url_for("auth.reset_code")
        return response
    form = ResetForm()
    if form.validate_on_submit():
        resets.complete(row, form.password.data)
        db.session.commit()
        session.pop("reset", None)
        logins.start(row.user)
        return go(url_for("home.index"))
    return render("auth/reset.html", form=form, status=form_status())


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
        logins.start(user)
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
            user = current_user._get_current_object()
            logins.start(
                user, remember=bool(request.cookies.get("remember_token")), key=user.login_key
            )
            flash(_("Your password has been changed."), "success")
            return go(url_for("members.profile", member_id=current_user.id))
        form.current.errors.append(_("This is not your current password."))
    return render("auth/change_password.html", form=form, status=form_status())
