from __future__ import annotations

import factory

from apps.statements.models import Comment, Revision, StatementDraft


class DraftFactory(factory.django.DjangoModelFactory[StatementDraft]):
    """A draft with ``revisions`` revisions (1 by default), the last one current."""

    class Meta:
        model = StatementDraft
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Draft statement {n}")

    @factory.post_generation
    def revisions(draft: StatementDraft, create: bool, extracted: int | None, **kwargs: object) -> None:
        if not create:
            return
        count = 1 if extracted is None else extracted
        last = None
        for number in range(1, count + 1):
            last = RevisionFactory.create(draft=draft, number=number, text=f"Revision {number} of the text.",
                                          based_on=number - 1 or None, **kwargs)
        if last is not None:
            draft.current_revision = last
            draft.save(update_fields=["current_revision"])


class RevisionFactory(factory.django.DjangoModelFactory[Revision]):
    class Meta:
        model = Revision

    draft = factory.SubFactory(DraftFactory, revisions=0)
    number = factory.Sequence(lambda n: n + 1)
    text = "The coalition will support Ukraine."
    kind = Revision.Kind.EDITED


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    class Meta:
        model = Comment

    text = "A remark."


def current(draft: StatementDraft) -> Revision:
    """The draft's current revision, which every draft made by the services or DraftFactory has."""
    assert draft.current_revision is not None, draft
    return draft.current_revision
