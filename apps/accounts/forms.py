"""Forms of the tokens page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, required=False,
                           help_text=_("What the token is for, e.g. “weekly report script”."))


class FeedLinkForm(forms.Form):
    # The timeline filter the new feed link is for, as a query string (re-parsed, never trusted).
    filter = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
