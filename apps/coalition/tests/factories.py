from __future__ import annotations

import factory

from apps.coalition.models import Member, NameCandidate, NameSighting, Person
from apps.sources.models import SourceText
from apps.sources.tests.factories import SourceTextFactory


class MemberFactory(factory.django.DjangoModelFactory[Member]):
    class Meta:
        model = Member

    code = factory.Sequence(lambda n: f"Z{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Freedonia {n}")
    role = Member.Role.COALITION_MEMBER


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person_{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Person {n}")


class NameCandidateFactory(factory.django.DjangoModelFactory[NameCandidate]):
    class Meta:
        model = NameCandidate

    key = factory.Sequence(lambda n: f"unknown name {n}")
    text = factory.Sequence(lambda n: f"Unknown Name {n}")
    hint = NameCandidate.Hint.PERSON
    article_count = 1


class NameSightingFactory(factory.django.DjangoModelFactory[NameSighting]):
    class Meta:
        model = NameSighting

    candidate = factory.SubFactory(NameCandidateFactory)
    source = factory.SubFactory(SourceTextFactory, status=SourceText.Status.INGESTED)
    text = factory.LazyAttribute(lambda o: o.candidate.text)
    sentence = factory.LazyAttribute(lambda o: f"Yesterday {o.candidate.text} said something about Ukraine.")
