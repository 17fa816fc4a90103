"""Forms of the names page: each parses one row's action; the services validate the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.coalition.models import Language, Member, Person
from apps.names.selectors import alias_target_resolve

LANGUAGE_CHOICES = [("", _("Any language")), *Language.choices]


class AliasForm(forms.Form):
    target = forms.CharField(label=_("Alias of"), max_length=200)
    text = forms.CharField(label=_("Alias"), max_length=120)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)

    def clean_target(self) -> str:
        value = self.cleaned_data["target"]
        found = alias_target_resolve(value)
        if found is None:
            raise ValidationError(gettext("Pick a person or a member from the list (type a few letters of the name)."))
        self.cleaned_data["person"] = found if isinstance(found, Person) else None
        self.cleaned_data["member"] = found if isinstance(found, Member) else None
        return value


def _member_by_code(value: str) -> Member | None:
    code = value.strip().removeprefix("member:")
    if not code:
        return None
    member = Member.objects.filter(code__in={code, code.upper()}).order_by("code").first()
    if member is None:
        raise ValidationError(gettext("No member has the code “%(code)s”; pick one from the list or leave it empty.")
                              % {"code": code})
    return member


class PersonForm(forms.Form):
    slug = forms.CharField(label=_("Slug"), max_length=64)
    name_en = forms.CharField(label=_("Name in English"), max_length=120)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=120, required=False)
    name_uk = forms.CharField(label=_("Name in Ukrainian"), max_length=120, required=False)
    member = forms.CharField(label=_("Speaks for"), max_length=40, required=False)

    def clean_member(self) -> Member | None:
        return _member_by_code(self.cleaned_data["member"])


class MemberForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=16)
    name_en = forms.CharField(label=_("Name in English"), max_length=120)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=120, required=False)
    name_uk = forms.CharField(label=_("Name in Ukrainian"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Member.Role.choices)


# A bulk action takes the names ticked on one page (50), and its undo those it changed: a few pages at most.
MAX_CHOSEN_NAMES = 200


class CandidateIdsField(forms.Field):
    """The ids of the names ticked on the page (`candidate`, repeated), each once."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"required": _("Tick at least one name.")}

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        try:
            ids = sorted({int(v) for v in value})
        except (TypeError, ValueError) as error:
            raise ValidationError(gettext("The choice of names is broken; reload the page and tick them again."),
                                  code="invalid") from error
        if len(ids) > MAX_CHOSEN_NAMES:
            raise ValidationError(gettext("At most %(count)d names at a time.") % {"count": MAX_CHOSEN_NAMES},
                                  code="max")
        return ids


class NamesChoiceForm(forms.Form):
    candidate = CandidateIdsField()
