"""Only the person who took the assessment can change its result (issue 24): the share
link reads; the browser that made the result, or whoever it gave the manage link, can
delete it, answer "does this fit you?" and mark its plan."""

import hashlib
import re

import pytest
from django.test import Client

from careers.models import AssessmentResult, Question
from tests.helpers import ARCHITECT, leaning_answers

FORM_URL = "/assessment/"
MANAGE_LINK = re.compile(r'id="manage-url" type="text" value="http://testserver([^"]+)"')
REFUSED = "Only the person who took the assessment can change this result"


@pytest.fixture
def questions(seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    settings.RESULT_LINK_RATE_LIMIT_PER_MINUTE = 0
    return list(Question.objects.active().select_related("leans_toward", "factor"))


def browser() -> Client:
    """A browser of its own, whose POSTs carry its own valid CSRF token."""
    client = Client(enforce_csrf_checks=True)
    client.get(FORM_URL)
    return client


def token_of(client: Client) -> str:
    return client.cookies["csrftoken"].value


def take_assessment(client: Client, questions) -> AssessmentResult:
    answers = leaning_answers(questions, ARCHITECT)
    response = client.post(FORM_URL, {**answers, "csrfmiddlewaretoken": token_of(client)})
    assert response.status_code == 303
    return AssessmentResult.objects.get(pk=response["Location"].split("/")[-2])


def feedback(client: Client, result, answer="yes"):
    url = f"{result.get_absolute_url()}feedback/"
    return client.post(url, {"fits_me": answer, "csrfmiddlewaretoken": token_of(client)})


def delete(client: Client, result):
    url = f"{result.get_absolute_url()}delete/"
    return client.post(url, {"csrfmiddlewaretoken": token_of(client)})


def test_the_share_link_alone_can_neither_delete_nor_give_feedback(questions):
    result = take_assessment(browser(), questions)
    stranger = browser()
    page = stranger.get(result.get_absolute_url()).content.decode()
    assert "Your answers point clearly to the AI architect" in page  # it reads
    assert "Delete my result" not in page and 'name="fits_me"' not in page
    assert "You are reading a shared result" in page
    for refused in (feedback(stranger, result), delete(stranger, result)):
        assert refused.status_code == 403
        assert REFUSED in refused.content.decode()
    assert stranger.get(f"{result.get_absolute_url()}delete/").status_code == 403
    result.refresh_from_db()
    assert result.fits_me is None


def test_the_browser_that_made_the_result_gives_feedback_and_deletes_it(questions):
    maker = browser()
    result = take_assessment(maker, questions)
    assert feedback(maker, result, "no").status_code == 303
    result.refresh_from_db()
    assert result.fits_me is False
    assert delete(maker, result).status_code == 303
    assert not AssessmentResult.objects.filter(pk=result.pk).exists()


def test_the_manage_link_is_shown_once_and_makes_another_browser_an_owner(questions):
    maker = browser()
    result = take_assessment(maker, questions)
    first = maker.get(result.get_absolute_url()).content.decode()
    manage_path = MANAGE_LINK.search(first).group(1)
    assert "Manage this result from another device" in first
    assert (
        "Manage this result from another device"
        not in maker.get(result.get_absolute_url()).content.decode()
    )

    other_device = browser()
    assert feedback(other_device, result).status_code == 403
    opened = other_device.get(manage_path)
    assert opened.status_code == 303 and opened["Location"] == result.get_absolute_url()
    assert "Delete my result" in other_device.get(result.get_absolute_url()).content.decode()
    assert feedback(other_device, result).status_code == 303
    assert delete(other_device, result).status_code == 303
    assert not AssessmentResult.objects.filter(pk=result.pk).exists()


def test_the_database_keeps_only_the_manage_secrets_hash(questions):
    maker = browser()
    result = take_assessment(maker, questions)
    secret = MANAGE_LINK.search(maker.get(result.get_absolute_url()).content.decode()).group(1)
    secret = secret.rstrip("/").split("/")[-1]
    result.refresh_from_db()
    assert result.manage_key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(result.report) + str(result.scores)


@pytest.mark.parametrize("secret", ["wrong", "x" * 32, "a" * 500])
def test_a_wrong_manage_link_is_refused_clearly(questions, secret):
    result = take_assessment(browser(), questions)
    stranger = browser()
    response = stranger.get(f"{result.get_absolute_url()}manage/{secret}/")
    assert response.status_code == 403
    assert "This manage link does not work" in response.content.decode()
    assert feedback(stranger, result).status_code == 403


def test_a_forged_owner_cookie_is_refused(questions):
    result = take_assessment(browser(), questions)
    stranger = browser()
    stranger.cookies[f"rolefit_owner_{result.pk.hex}"] = "forged:value"
    assert feedback(stranger, result).status_code == 403


def test_a_result_stored_before_owners_can_still_be_deleted_by_its_link(questions):
    """No browser holds a key for it: its link stays the only way to delete it (docs)."""
    result = take_assessment(browser(), questions)
    AssessmentResult.objects.filter(pk=result.pk).update(manage_key_hash="")
    holder = browser()
    assert "Delete my result" in holder.get(result.get_absolute_url()).content.decode()
    assert delete(holder, result).status_code == 303
    assert not AssessmentResult.objects.filter(pk=result.pk).exists()
