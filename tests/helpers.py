"""What many tests share: the two role slugs, answer sets, the CSRF field, small factories."""

import json
import logging
import os
import re
import time
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from careers.assessment.scoring import (
    RolePair,
)

PAIR, ARCHITECT = "ai-pair-programmer", "ai-architect"
ROLES = RolePair(pair_programmer=PAIR, architect=ARCHITECT)
NEUTRAL, STRONGLY_AGREE, STRONGLY_DISAGREE = 3, 5, 1
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# What a visitor must never see on a rendered page: template syntax left unrendered
# ("}}" is left out: JSON-LD closes nested objects with it).
TEMPLATE_SYNTAX = re.compile(r"\{#|#\}|\{%|%\}|\{\{")
# The repository's copy of the article the content comes from (shared/article.txt).
ARTICLE = Path(__file__).resolve().parent / "data" / "article.txt"
# The heading of the designed 400 page (templates/400.html).
BAD_REQUEST = "We could not read that request"

_numbers = count(1)


EDITOR_PASSWORD = "correct horse battery staple"


def make_editor(username: str):
    """A staff account in the Editors group, as `add_editor` leaves one once its password
    is chosen (EDITOR_PASSWORD)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from careers.editors.group import EDITORS_GROUP

    user = get_user_model().objects.create_user(
        username=username, password=EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def in_ci() -> bool:
    """Whether this run is CI's (.ci/run sets CI=true): what is missing fails, never skips."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def leaning_answers(questions, role_slug: str) -> dict[str, int]:
    """Strongly agree with `role_slug`'s statements, strongly disagree with the others."""
    return {
        q.slug: STRONGLY_AGREE if q.leans_toward.slug == role_slug else STRONGLY_DISAGREE
        for q in questions
    }


def neutral_answers(questions) -> dict[str, int]:
    return {q.slug: NEUTRAL for q in questions}


def csrf_token_in(html: str) -> str:
    """The CSRF token of the form in `html`."""
    return CSRF_FIELD.search(html).group(1)


def make_role(**fields):
    """A role with every required field filled in; `fields` override."""
    from careers.models import Role

    number = next(_numbers)
    values = {
        "slug": f"role-{number}",
        "name": f"Role {number}",
        "tagline": "A role for tests.",
        "summary": "What the role is about.",
        "career_path": "Where it leads.",
        "work_environment": "Where it works.",
        "order": number,
    }
    return Role.objects.create(**{**values, **fields})


def make_tool(*, roles=(), **fields):
    """A tool in a new category (or `category`), used by `roles`."""
    from careers.models import Tool, ToolCategory

    number = next(_numbers)
    category = fields.pop("category", None) or ToolCategory.objects.create(
        slug=f"category-{number}", name=f"Category {number}"
    )
    values = {"slug": f"tool-{number}", "name": f"Tool {number}", "description": "It helps."}
    tool = Tool.objects.create(category=category, **{**values, **fields})
    tool.roles.set(roles)
    return tool


def make_result(outcome: str, *, fits_me=None, days_ago: int = 0):
    """A stored result with `outcome`, scored against an empty questionnaire."""
    from datetime import timedelta

    from django.utils import timezone

    from careers.models import AssessmentResult, Questionnaire

    result = AssessmentResult.objects.create(
        answers={},
        questionnaire=Questionnaire.objects.get_or_create(fingerprint="empty", snapshot={})[0],
        scores={"fit_percent": {PAIR: 30, ARCHITECT: 70}},
        outcome=outcome,
        fits_me=fits_me,
    )
    if days_ago:
        created = timezone.now() - timedelta(days=days_ago)
        AssessmentResult.objects.filter(pk=result.pk).update(created_at=created)
    return result


# Hostile query values, percent-encoded as they arrive on the wire: NUL, invalid and
# overlong UTF-8, 2,000 characters, SQL and HTML, an RTL override, CR/LF, huge numbers.
HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%FF%FE",
    "%C3%28",
    "%C0%AF",
    "%E0%80%AF",
    "x" * 2000,
    "%27%20OR%201%3D1--",
    "1%3BDROP%20TABLE%20careers_role",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%E2%80%AEevil",
    "%0D%0ASet-Cookie%3A%20x%3D1",
    "-1",
    "99999999999999999999999",
]


def hostile_queries(name: str) -> list[str]:
    """Query strings sending `name` each hostile way: every value, `name[]=`, duplicates."""
    return [
        *(f"{name}={value}" for value in HOSTILE_VALUES),
        f"{name}[]=x&{name}[]=y",
        f"{name}=a&{name}=b",
        f"{name}=%00&{name}=x",
    ]


def question_form_data(question, **changes) -> dict:
    """The admin change form of `question` as posted, with `changes`; "" leaves a field out."""
    data = {
        "slug": question.slug,
        "factor": question.factor_id,
        "statement": question.statement,
        "article_section": question.article_section,
        "leans_toward": question.leans_toward_id,
        "weight": question.weight,
        "order": question.order,
        "active": "on" if question.active else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def admin_edit_role_summary(page, site: str, summary: str) -> None:
    """Signs in to `site`'s admin as the tests' "editor" and saves the architect's summary."""
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a long good password 1")
    page.click("input[type=submit]")
    page.goto(site + "/admin/careers/role/")
    page.get_by_role("link", name="AI architect", exact=False).first.click()
    page.fill("#id_summary", summary)
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


@contextmanager
def logged_lines():
    """Yields a list that fills with every log line written inside the block, as RoleFit's
    JSON formatter writes them (the loggers settings.LOGGING names, and the root)."""
    from django.conf import settings

    from rolefit.logging import JsonFormatter, RequestIdFilter

    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger(name) for name in ("", *settings.LOGGING["loggers"])]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield lines
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def tracebacks(lines: list[str]) -> list[str]:
    """The lines of `lines` (from `logged_lines`) that carry a traceback."""
    return [line for line in lines if "traceback" in json.loads(line)]


def stored_result_page(client) -> str:
    """A visitor's result page, as the assessment form's answer stores it."""
    from careers.assessment.forms import STARTED_FIELD, started_stamp
    from careers.models import Question

    answers = neutral_answers(Question.objects.active())
    stamp = {STARTED_FIELD: started_stamp(at=time.time() - 300)}
    response = client.post("/assessment/", {**answers, **stamp})
    assert response.status_code == 303
    return response["Location"]
