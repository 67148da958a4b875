"""The assessment form: one 5-point agree/disagree scale per statement, grouped by factor,
and the signed time stamp that tells the server how long the form took."""

import functools
import time
from itertools import groupby

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.core import signing
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from careers.assessment.ownership import RETAKE_FIELD
from careers.assessment.scoring import (
    SCALE_LABELS,
)
from careers.experience import EXPERIENCE_CHOICES

# --- The time stamp -----------------------------------------------------------------------
# The form carries the moment it was drawn, signed with the site's secret key
# (`django.core.signing`), so the time is measured server-side and works without
# JavaScript. A missing, forged or unreadable stamp means "not measured", never an error:
# the answers are what matter, and a cached copy of the form must never be refused.

STARTED_FIELD = "started"
SALT = "careers.assessment.started"
# Drawn into the shared copy of the form in place of the stamp (see views.assessment).
STARTED_PLACEHOLDER = mark_safe("<!--assessment-started-->")
# A stamp older than this is ignored (an open tab from yesterday says nothing about reading).
MAX_AGE_SECONDS = 6 * 60 * 60


def started_stamp(at: float | None = None) -> str:
    return signing.dumps(round(time.time() if at is None else at, 1), salt=SALT)


def started_field(stamp: str | None = None) -> str:
    return format_html(
        '<input type="hidden" name="{}" value="{}">', STARTED_FIELD, stamp or started_stamp()
    )


def seconds_since(stamp: str | None, now: float | None = None) -> float | None:
    """Seconds since the stamp was made, or None when it is missing, forged or too old."""
    if not stamp or len(stamp) > 200:
        return None
    try:
        started = signing.loads(stamp, salt=SALT)
    except signing.BadSignature:
        return None
    if type(started) not in (int, float):
        return None
    elapsed = (time.time() if now is None else now) - started
    if not 0 <= elapsed <= MAX_AGE_SECONDS:
        return None
    return elapsed


# --- The form -------------------------------------------------------------------------------

SCALE_CHOICES = [(str(value), label) for value, label in SCALE_LABELS.items()]
# Fields a browser sends besides the answers.
EXPECTED_EXTRA_FIELDS = frozenset({"csrfmiddlewaretoken", STARTED_FIELD, RETAKE_FIELD})
EXPERIENCE_FIELD = "experience"
MAX_NAMES_SHOWN = 5


class FactorStep(LayoutObject):
    """A decision factor's statements as one fieldset: one step of the JavaScript stepper."""

    template = "careers/includes/assessment_step.html"

    def __init__(self, *fields, factor, number):
        self.fields = list(fields)
        self.factor = factor
        self.number = number

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        rendered = self.get_rendered_fields(form, context, template_pack, **kwargs)
        return render_to_string(
            self.template, {"factor": self.factor, "number": self.number, "fields": rendered}
        )


class AssessmentForm(forms.Form):
    """Validates a complete set of answers to `questions` (active Question rows, in order).

    Besides the per-statement checks (answered, on the scale), the whole submission is
    refused when it carries fields the form does not have or answers a statement twice.
    """

    def __init__(self, *args, questions, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.fields = dict(likert_fields(tuple((q.slug, q.statement) for q in self.questions)))
        self.fields[EXPERIENCE_FIELD] = experience_field()

    @cached_property
    def helper(self) -> FormHelper:
        # Built only when the form is drawn, not for a valid submission.
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        steps = [
            FactorStep(
                *(Field(q.slug, template="careers/includes/likert_field.html") for q in group),
                factor=factor,
                number=number,
            )
            for number, (factor, group) in enumerate(
                groupby(self.questions, key=lambda q: q.factor), start=1
            )
        ]
        helper.layout = Layout(*steps)
        return helper

    @property
    def step_count(self) -> int:
        return len({q.factor_id for q in self.questions})

    def clean(self):
        cleaned = super().clean()
        self.refuse_unknown_fields()
        self.refuse_repeated_answers()
        return cleaned

    def refuse_unknown_fields(self) -> None:
        sent = [*self.data, *self.files]
        unknown = sorted(
            {name for name in sent if name not in self.fields and name not in EXPECTED_EXTRA_FIELDS}
        )
        if unknown:
            shown = ", ".join(repr(name[:40]) for name in unknown[:MAX_NAMES_SHOWN])
            more = (
                f" and {len(unknown) - MAX_NAMES_SHOWN} more"
                if len(unknown) > MAX_NAMES_SHOWN
                else ""
            )
            raise forms.ValidationError(
                "The form sent answers to statements it does not have (%(names)s%(more)s). "
                "The questionnaire may have changed: reload the page and answer again.",
                code="unknown_field",
                params={"names": shown, "more": more},
            )

    def refuse_repeated_answers(self) -> None:
        getlist = getattr(self.data, "getlist", None)
        if getlist is None:
            return
        for name in self.fields:
            if len(getlist(name)) > 1:
                self.add_error(
                    name,
                    forms.ValidationError(
                        "This statement was answered more than once: choose one answer.",
                        code="repeated",
                    ),
                )

    def answers(self) -> dict[str, int]:
        """The validated answers: question slug -> 1..5."""
        return {q.slug: self.cleaned_data[q.slug] for q in self.questions}

    def experience(self) -> str:
        """The optional career stage ('' when not given)."""
        return self.cleaned_data.get(EXPERIENCE_FIELD) or ""


@functools.lru_cache(maxsize=8)
def likert_fields(statements: tuple[tuple[str, str], ...]) -> tuple:
    """(slug, field) for each (slug, statement): built once per questionnaire and shared.

    Building (or deep-copying) 18 choice fields costs more than validating them. Nothing
    in a form changes its fields once built, so forms for the same statements share them.
    """
    return tuple((slug, likert_field(statement)) for slug, statement in statements)


def likert_field(statement: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=statement,
        choices=SCALE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": "Choose an answer for this statement.",
            "invalid_choice": (
                "Choose one of the five answers, from Strongly disagree to Strongly agree."
            ),
        },
    )


@functools.lru_cache(maxsize=1)
def experience_field() -> forms.ChoiceField:
    """The optional experience question: shared like the statements' fields."""
    return forms.ChoiceField(
        label="Where are you in your career? (optional)",
        choices=[("", "Prefer not to say"), *EXPERIENCE_CHOICES],
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Choose one of the listed career stages, or none."},
    )
