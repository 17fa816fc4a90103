"""Files received from the command line before it named them relatively kept their whole path on the server.

Such a name showed on every page naming the source and in the reason of each later copy ("The same file was
already received as “/home/…/a.txt”"): both become the file's own name.
"""

import re

from django.db import migrations
from django.db.models import Q

ABSOLUTE = r"^(/|\\|[A-Za-z]:[\\/])"
DUPLICATE_REASON = re.compile(r"^(The same file was already received as “)(.*)(”\.)$", re.S)


def base_name(name: str) -> str:
    return re.split(r"[\\/]", name)[-1] or name


def names_without_paths(apps, schema_editor):
    SourceText = apps.get_model("sources", "SourceText")
    for source in SourceText.objects.filter(original_name__regex=ABSOLUTE).only("pk", "original_name").iterator():
        SourceText.objects.filter(pk=source.pk).update(original_name=base_name(source.original_name))
    duplicates = SourceText.objects.filter(Q(refusal_reason__contains="“/") | Q(refusal_reason__contains="“\\")
                                           | Q(refusal_reason__regex=r"“[A-Za-z]:[\\/]"), status="duplicate")
    for source in duplicates.only("pk", "refusal_reason").iterator():
        if match := DUPLICATE_REASON.match(source.refusal_reason):
            reason = match.group(1) + base_name(match.group(2)) + match.group(3)
            SourceText.objects.filter(pk=source.pk).update(refusal_reason=reason)


class Migration(migrations.Migration):

    dependencies = [
        ("sources", "0003_reextraction"),
    ]

    operations = [
        migrations.RunPython(names_without_paths, migrations.RunPython.noop, elidable=True),
    ]
