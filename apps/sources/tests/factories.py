from __future__ import annotations

import hashlib

import factory

from apps.sources.models import SourceText, Upload


class UploadFactory(factory.django.DjangoModelFactory[Upload]):
    class Meta:
        model = Upload

    label = "test upload"


class SourceTextFactory(factory.django.DjangoModelFactory[SourceText]):
    class Meta:
        model = SourceText

    original_name = factory.Sequence(lambda n: f"{n:03d}_article.txt")
    raw_bytes = factory.Sequence(lambda n: f" date 2026-01-{n % 28 + 1:02d} Article number {n} about France.".encode())
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.raw_bytes).hexdigest())
    size_bytes = factory.LazyAttribute(lambda o: len(o.raw_bytes))
    status = SourceText.Status.QUEUED
