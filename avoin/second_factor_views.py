"""Two-step sign-in for the ministry team and the admin (docs/adr/0031)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avoin import second_factor as factor
from avoin.forms import SecondFactorForm


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("account_home")


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _codes_page(request, codes):
    """Recovery codes, shown this once: the page is not stored anywhere."""
    return _no_store(render(request, "registration/recovery_codes.html", {"codes": codes}))


def second_factor(request):
    """The team member's second factor: the authenticator in use, new recovery codes."""
    if not factor.needs_second_factor(request.user):
        return render(request, "registration/second_factor_not_needed.html")
    return render(
        request,
        "registration/second_factor.html",
        {"device": factor.authenticator_of(request.user)},
    )


def second_factor_enrol(request):
    """Set up an authenticator app from a QR code drawn here; a code from it confirms it."""
    user = request.user
    if not factor.needs_second_factor(user):
        return redirect("second_factor")
    if factor.authenticator_of(user) and not user.is_verified():
        return redirect(f"{reverse('second_factor_verify')}?next={_next(request)}")
    device = factor.enrolment_device(user)
    form = SecondFactorForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        codes = factor.enrolment_confirm(request=request, device=device, code=code)
        if codes is not None:
            messages.success(request, _("Two-step sign-in is on."))
            return _codes_page(request, codes)
        form.add_error("code", SecondFactorForm.WRONG_CODE)
    context = {
        "form": form,
        "qr_code": factor.qr_code_svg(device),
        "secret": factor.secret_for_typing(device),
        "next": _next(request),
    }
    return _no_store(render(request, "registration/second_factor_enrol.html", context))


def second_factor_verify(request):
    """The second step of signing in: a code from the authenticator, or a recovery code."""
    user = request.user
    if not factor.needs_second_factor(user) or user.is_verified():
        return redirect(_next(request))
    if factor.authenticator_of(user) is None:
        return redirect(f"{reverse('second_factor_enrol')}?next={_next(request)}")
    form = SecondFactorForm(request.POST or None)
    if form.is_valid():
        if factor.second_factor_verify(request=request, code=form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error("code", SecondFactorForm.WRONG_CODE)
    context = {"form": form, "next": _next(request)}
    return render(request, "registration/second_factor_verify.html", context)


@require_POST
def recovery_codes_renew(request):
    """New recovery codes, shown once; the old ones stop working."""
    if not factor.needs_second_factor(request.user):
        return redirect("second_factor")
    return _codes_page(request, factor.recovery_codes_renew(user=request.user))
