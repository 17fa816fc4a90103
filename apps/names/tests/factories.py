from __future__ import annotations

import factory

from apps.names.models import NameCandidate, NameSighting
from apps.sources.models import SourceText
from apps.sources.tests.factories import SourceTextFactory


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
