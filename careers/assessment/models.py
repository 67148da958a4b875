"""The assessment: its statements, the stored questionnaires results were scored against,
and the results."""

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse

from careers.article import article_section_field
from careers.content.models import DecisionFactor, Role
from careers.editable import SHORT_TEXT, EditableContent, bounded_text_field
from careers.experience import EXPERIENCE_CHOICES


class QuestionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Question(EditableContent):
    """An assessment statement: agreeing with it leans toward `leans_toward` by `weight`."""

    slug = models.SlugField(max_length=80, unique=True)
    factor = models.ForeignKey(DecisionFactor, on_delete=models.PROTECT, related_name="questions")
    statement = models.CharField(max_length=300)
    article_section = article_section_field("The article section the statement rests on.")
    leans_toward = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="questions")
    weight = models.PositiveSmallIntegerField(
        default=2, help_text="How much agreeing or disagreeing counts: 1 (a little) to 5 (a lot)."
    )
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["factor__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=5), name="question_weight_between_1_and_5"
            )
        ]

    def __str__(self):
        return self.statement


# Who an experiment is written for: the experience answer's stages, grouped in two.
EXPERIMENT_STAGES = (
    ("", "Any experience"),
    ("early", "Students and junior developers"),
    ("experienced", "Mid-level developers and above"),
)


class Experiment(EditableContent):
    """A cheap way to try one side of a decision factor before choosing, from the article's
    responsibilities: a result suggests one for each factor it is least sure about."""

    slug = models.SlugField(max_length=80, unique=True)
    factor = models.ForeignKey(DecisionFactor, on_delete=models.PROTECT, related_name="experiments")
    role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="experiments",
        help_text="The role whose side of the factor the experiment lets you try.",
    )
    stage = models.CharField(
        max_length=20,
        blank=True,
        choices=EXPERIMENT_STAGES,
        help_text="Who it is written for; 'Any experience' when no stage has its own.",
    )
    title = models.CharField(max_length=120)
    text = bounded_text_field(SHORT_TEXT, help_text="What to do, and what to notice.")
    article_section = article_section_field("The article section the experiment rests on.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["factor__order", "role__order", "order", "slug"]

    def __str__(self):
        return self.title


class Questionnaire(models.Model):
    """The questions, weights, factors and roles that results were scored against.

    Stored once for all the results scored against the same questionnaire (it is most of
    a result's size), and never changed afterwards, so a result reads the same after an
    editor changes the live questions.
    """

    fingerprint = models.CharField(
        max_length=64, unique=True, editable=False, help_text="SHA-256 of the snapshot."
    )
    snapshot = models.JSONField(help_text="The questions, weights, factors and roles.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        count = len(self.snapshot.get("questions", []))
        return f"{count} statements, first used {self.created_at:%Y-%m-%d %H:%M}"


class AssessmentResult(models.Model):
    """One scored assessment. Anonymous: no name, e-mail or IP address is stored.

    It keeps the answers, the questionnaire (questions and weights) they were scored
    against, its scores and its report (what its page shows, in its own words), so it
    reads the same after an editor changes the questionnaire or the code changes.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    answers = models.JSONField(help_text="Question slug -> answer on the 5-point scale.")
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="results",
        help_text="The questions, weights and roles at scoring time.",
    )
    scores = models.JSONField(help_text="Fit per role, leaning per factor and the explanation.")
    report = models.JSONField(
        default=dict,
        help_text="What the result's page and JSON show, written when it was scored.",
    )
    outcome = models.CharField(
        max_length=80,
        db_index=True,
        help_text="The recommended role's slug, 'hybrid' (a close call) or 'no-clear-preference'.",
    )
    careless = models.BooleanField(default=False, help_text="Any answer-style check flagged.")
    scoring_version = models.PositiveSmallIntegerField(
        default=1,
        help_text="1: original; 2: balanced; 3: with its range. Shown as stored, never re-scored.",
    )
    experience = models.CharField(max_length=20, blank=True, choices=EXPERIENCE_CHOICES)
    fits_me = models.BooleanField(
        null=True, blank=True, help_text="The visitor's answer to 'does this fit you?'."
    )
    manage_key_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the secret that lets its maker manage it (blank before owners).",
    )
    progress = models.JSONField(
        default=dict, blank=True, help_text="Plan step key -> 'done' or 'skipped'."
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="retakes",
        help_text="The earlier result this one retook, when its maker linked them.",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.outcome} on {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("careers:result_detail", kwargs={"pk": self.pk})
