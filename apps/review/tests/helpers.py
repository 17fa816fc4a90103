"""Articles for the review tests, ingested through the real pipeline, and small look-ups."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import CommitmentCell, Contribution, Member, StatementMonth
from apps.review import services as review_services
from apps.review.selectors import WAITING_CACHE_KEY
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest

ARTICLES = {
    "de_pledge.txt": "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.",
    "de_delivery.txt": "date 2026-03-10 Германия передала Украине систему противовоздушной обороны Patriot, "
                       "сообщает ТАСС.",
    "fr_troops.txt": "date 2026-01-05 France could send troops to Ukraine after a ceasefire, according to AFP.\n\n"
                     "The talks in Paris went on late into the night.",
    "pl_training.txt": "date 2026-02-01 Польща пообіцяла навчати українських пілотів, повідомляє Укрінформ.",
    # One sentence, four commitments: DE and FR × air defence and training, pledged.
    "joint.txt": "date 2026-03-04 Germany and France pledged air defence systems and training for Ukrainian pilots, "
                 "Reuters reported.",
}
# What the machine misses, and a step it dates by the article: the Netherlands' signature in the paragraph of
# 4 September (an event of its own) is not read; their ratification "in September" is read as approved on the
# article's date, 12 November.
MISSED = ("date 2026-11-12 Germany will send air defence systems to Ukraine, Reuters reported.\n\n"
          "On 4 September Germany pledged training for Ukrainian pilots. The Netherlands signed the accord too.\n\n"
          "The Netherlands ratified the security agreement with Ukraine in September, the ministry said.\n\n"
          "The talks in Paris went on late into the night.")
SIGNED = "The Netherlands signed the accord too."
RATIFIED = "The Netherlands ratified the security agreement with Ukraine in September, the ministry said."


def ingest(name: str, text: str) -> int:
    data = text.encode()
    source = source_services.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
    source_ingest(source_id=source.pk)
    return source.pk


def ingest_all() -> dict[str, int]:
    cache.delete(WAITING_CACHE_KEY)
    return {name: ingest(name, text) for name, text in ARTICLES.items()}


def machine(code: str, type_: str, source_id: int | None = None) -> Contribution:
    rows = Contribution.objects.select_related("actor").filter(actor__code=code, type=type_)
    return rows.get(source_id=source_id) if source_id else rows.get()


def tallies() -> tuple[list[tuple], list[tuple]]:
    cells = sorted(CommitmentCell.objects.values_list(
        "actor__code", "type", "sure", "proposed", "pledged", "approved", "delivered", "withdrawn", "first_pledged_on",
        "first_delivered_on", "last_on", "last_status"))
    months = sorted(StatementMonth.objects.filter(count__gt=0).values_list("month", "status", "count"))
    return cells, months


def tallies_match_a_rebuild() -> bool:
    kept = tallies()
    tallies_rebuild()
    return tallies() == kept


def correct(item: Contribution, editor: Any, *, actor: str = "", type: str = "", status: str = "") -> Contribution:
    """Correct a contribution through the review service: the reading given (a member's code, a type, a status)
    replaces the machine's."""
    return review_services.contribution_correct(
        contribution=item, version=item.version, actor=editor, evidence=item.evidence,
        member=Member.objects.get(code=actor) if actor else item.actor, type=type or item.type,
        status=status or item.status)


def reviewed_joint(articles: dict[str, int], editor: Any, *, whole: bool = True) -> int:
    """joint.txt: two commitments corrected, one rejected and (when `whole`) the last one confirmed."""
    source_id = articles["joint.txt"]
    correct(machine("DE", "air_defence", source_id), editor, status="delivered")
    correct(machine("FR", "training", source_id), editor, type="military_aid")
    item = machine("FR", "air_defence", source_id)
    review_services.contribution_reject(contribution=item, version=item.version, actor=editor,
                                        note="A venue, not an actor.")
    if whole:
        item = machine("DE", "training", source_id)
        review_services.contribution_confirm(contribution=item, version=item.version, actor=editor)
    return source_id
