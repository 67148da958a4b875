"""A draft: an editor's saved but unpublished change to one content row.

The draft holds the admin form's data as posted (the row's fields and its inline rows),
so previewing and publishing replay the very form the editor filled in, with the same
checks. One draft per row; publishing or discarding it deletes it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import QueryDict


class DraftQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> "DraftQuerySet":
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(obj.pk))

    def due(self, now) -> "DraftQuerySet":
        return self.filter(publish_at__lte=now)


class Draft(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("row", max_length=200)
    # The change form's fields as posted: name -> list of values (inline rows included).
    data = models.JSONField()
    # The row's state when the editor opened the form (careers.editors.drafts): what
    # publishing checks that nobody has changed since.
    base_token = models.CharField(max_length=200)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()
    publish_at = models.DateTimeField("publish at", null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    publish_comment = models.CharField(max_length=500, blank=True)
    # Why a scheduled publish could not go ahead (the schedule is then cleared).
    problem = models.TextField(blank=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        app_label = "careers"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_row")
        ]
        indexes = [models.Index(fields=["publish_at"], name="draft_publish_at")]
        permissions = [("publish_draft", "Can publish drafts")]

    def __str__(self) -> str:
        return f"Draft of {self.object_repr}"

    @property
    def model(self) -> type[models.Model]:
        return self.content_type.model_class()

    def live_object(self) -> models.Model:
        return self.model._default_manager.get(pk=self.object_id)

    def form_data(self) -> QueryDict:
        posted = QueryDict(mutable=True)
        for name, values in self.data.items():
            posted.setlist(name, values)
        return posted

    @property
    def stamp(self) -> str:
        """Changes whenever the draft is saved again: part of the editing token."""
        return f"{self.pk}@{self.saved_at.timestamp():.6f}"
