"""The assessment pages: form, scoring POST, result page and JSON, methodology, delete,
feedback, and every kind of bad input (a clear 4xx, never a 500, nothing stored)."""

import re
import uuid
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.models import AssessmentResult, Question, Questionnaire
from tests.helpers import ARCHITECT, CSRF_FIELD, PAIR, leaning_answers, neutral_answers

FORM_URL = "/assessment/"
RESULT_URL = re.compile(r"^/assessment/results/([0-9a-f-]{36})/$")


def submit(client, answers, **extra):
    return client.post(FORM_URL, {**answers, **extra})


# The retake link is signed with the time it was made, so it changes every second.
RETAKE_TOKEN = re.compile(r"retake=[\w:-]+")


def without_per_request_tokens(html: bytes) -> bytes:
    """The page without what changes from one request to the next: the CSRF token and
    the retake link's signature."""
    return RETAKE_TOKEN.sub("retake=…", CSRF_FIELD.sub("", html.decode())).encode()


def stored_result(response):
    assert response.status_code == 303, response.content[:500]
    match = RESULT_URL.match(response["Location"])
    assert match, response["Location"]
    return AssessmentResult.objects.get(pk=match.group(1))


# --- The form ------------------------------------------------------------------------


def test_the_form_groups_every_statement_by_factor_with_a_labelled_5_point_scale(client, content):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()
    factors = {q.factor for q in content}
    assert html.count('class="assessment-step"') == len(factors)
    for factor in factors:
        name = re.escape(factor.name)
        legend = rf'<legend[^>]*>\s*<h2[^>]*><span class="step-count"></span>{name}</h2>'
        assert re.search(legend, html), factor.name
    for question in content:
        assert f'<legend class="likert-statement">{question.statement}</legend>' in html.replace(
            "&#x27;", "'"
        )
        for value, label in enumerate(
            [
                "Strongly disagree",
                "Disagree",
                "Neither agree nor disagree",
                "Agree",
                "Strongly agree",
            ]
        ):
            radio_id = f"id_{question.slug}_{value}"
            assert f'for="{radio_id}">{label}</label>' in html
            assert f'value="{value + 1}"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'src="/static/js/assessment.js" defer' in html
    assert 'href="/static/css/assessment.css"' in html


def test_no_page_has_inline_script_or_style(client, content):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    for url in [
        FORM_URL,
        "/assessment/methodology/",
        result.get_absolute_url(),
        f"{result.get_absolute_url()}delete/",
    ]:
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html, url


# --- Scoring and storing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer_set", "outcome"),
    [("architect", ARCHITECT), ("pair", PAIR), ("neutral", "no-clear-preference")],
)
def test_posting_answers_stores_a_result_and_redirects_to_it(client, content, answer_set, outcome):
    answers = {
        "architect": leaning_answers(content, ARCHITECT),
        "pair": leaning_answers(content, PAIR),
        "neutral": neutral_answers(content),
    }[answer_set]
    response = submit(client, answers)
    result = stored_result(response)
    assert AssessmentResult.objects.count() == 1
    assert result.outcome == outcome
    assert result.answers == answers
    assert result.careless is (answer_set == "neutral")
    snapshot = result.questionnaire.snapshot
    assert {q["slug"]: q["weight"] for q in snapshot["questions"]} == {
        q.slug: q.weight for q in content
    }
    assert [r["slug"] for r in snapshot["roles"]] == [PAIR, ARCHITECT]
    stored_result(submit(client, answers))
    assert Questionnaire.objects.count() == 1  # both results share the stored questions
    assert result.scores["outcome"] == outcome
    if answer_set != "neutral":
        # Every answer at its extreme: the band is as narrow as the instrument allows.
        assert result.scores["fit_band"][outcome] == [85, 100]


def test_the_result_page_explains_the_result(client, content):
    answers = leaning_answers(content, ARCHITECT)
    answers[content[0].slug] = 3  # not quite all the way
    result = stored_result(submit(client, answers))
    response = client.get(result.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Your answers point clearly to the AI architect" in html
    (low, high), (pair_low, pair_high) = (result.scores["fit_band"][r] for r in (ARCHITECT, PAIR))
    assert f"{low}%–{high}%" in html and f"{pair_low}%–{pair_high}%" in html
    assert f'x="{low}" y="0" width="{high - low}"' in html  # the drawn band
    assert html.count('class="factor-row"') == len({q.factor_id for q in content})
    assert "The answers that counted most" in html
    assert "How its skills differ" in html and "Your 30/60/90-day plan" in html
    assert 'href="/roles/ai-architect/"' in html
    assert 'href="/compare/ai-pair-programmer-vs-ai-architect/"' in html
    assert f'value="http://testserver{result.get_absolute_url()}"' in html
    assert f'href="{result.get_absolute_url()}delete/"' in html
    assert 'href="/assessment/?retake=' in html  # carries this result, for its maker
    assert 'name="fits_me" value="yes"' in html
    assert "look careless" not in html


def test_careless_answers_get_a_warning_and_no_role_but_what_to_do_next(client, content):
    result = stored_result(submit(client, neutral_answers(content)))
    html = client.get(result.get_absolute_url()).content.decode()
    assert "Nearly the same answer everywhere" in html
    assert "<h1>No clear preference yet</h1>" in html
    assert 'class="next-actions"' in html
    assert 'href="/compare/ai-pair-programmer-vs-ai-architect/"' in html
    assert "best fit" not in html  # no role named (the plan tries both)


def test_the_result_page_takes_a_bounded_number_of_queries(
    client, content, django_assert_max_num_queries
):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    # 8 before the plan; its content is 5 more (roles, skills, tools and their roles,
    # experiments), whatever the content size, and none in production, where it is
    # memoised per worker (PAGE_CACHE off here).
    with django_assert_max_num_queries(13):
        assert client.get(result.get_absolute_url()).status_code == 200


def test_the_json_gives_outcome_fits_leanings_and_time(client, content):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    response = client.get(f"/assessment/results/{result.pk}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["id"] == str(result.pk)
    assert data["outcome"] == PAIR
    assert data["fit_band"] == {PAIR: [85, 100], ARCHITECT: [0, 15]}
    assert set(data["leaning"]) == {q.factor.slug for q in content}
    assert all(value == -100 for value in data["leaning"].values())
    assert data["created_at"].startswith(str(result.created_at.date()))
    assert data["url"] == f"http://testserver/assessment/results/{result.pk}/"


def test_the_methodology_lists_the_live_statements_and_weights(client, content):
    html = client.get("/assessment/methodology/").content.decode().replace("&#x27;", "'")
    for question in content:
        assert question.statement in html
    assert "whole range lies above the middle" in html
    question = content[0]
    Question.objects.filter(pk=question.pk).update(weight=5 if question.weight != 5 else 1)
    question.refresh_from_db()
    html = client.get("/assessment/methodology/").content.decode().replace("&#x27;", "'")
    row = html[html.index(f"<tr><td>{question.statement}<br>") :]
    row = row[: row.index("</tr>")]
    assert f"</td><td>{question.leans_toward.name}</td><td>{question.weight}</td>" in row


def test_an_edited_weight_changes_new_results_but_not_an_old_results_page(client, content):
    answers = leaning_answers(content, ARCHITECT)
    # Within a side, the weights decide how much each answer counts.
    dissent = next(q for q in content if q.leans_toward.slug == ARCHITECT)
    answers[dissent.slug] = 1
    old = stored_result(submit(client, answers))
    old_page = without_per_request_tokens(client.get(old.get_absolute_url()).content)
    old_json = client.get(f"/assessment/results/{old.pk}.json").json()

    Question.objects.filter(leans_toward__slug=ARCHITECT).update(weight=1)
    Question.objects.filter(pk=dissent.pk).update(weight=5)
    Question.objects.filter(pk=content[0].pk).update(statement="An edited statement.")
    new = stored_result(submit(client, answers))

    assert new.scores["leaning"] != old.scores["leaning"]
    assert without_per_request_tokens(client.get(old.get_absolute_url()).content) == old_page
    assert client.get(f"/assessment/results/{old.pk}.json").json() == old_json


# --- Delete and feedback -------------------------------------------------------------


def test_delete_asks_first_then_the_result_is_gone(client, content):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    delete_url = f"{result.get_absolute_url()}delete/"
    confirm = client.get(delete_url)
    assert confirm.status_code == 200
    assert b"Delete your result?" in confirm.content
    assert AssessmentResult.objects.count() == 1
    response = client.post(delete_url)
    assert response.status_code == 303
    assert response["Location"] == FORM_URL
    assert AssessmentResult.objects.count() == 0
    assert client.get(result.get_absolute_url()).status_code == 404
    assert client.get(f"/assessment/results/{result.pk}.json").status_code == 404
    assert client.post(delete_url).status_code == 404
    assert b"Your result has been deleted" in client.get(FORM_URL).content


@pytest.mark.parametrize(("answer", "stored"), [("yes", True), ("no", False)])
def test_fit_feedback_is_stored_on_the_result(client, content, answer, stored):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    response = client.post(f"{result.get_absolute_url()}feedback/", {"fits_me": answer})
    assert response.status_code == 303
    assert response["Location"] == f"{result.get_absolute_url()}#feedback"
    result.refresh_from_db()
    assert result.fits_me is stored
    assert b"You can change your answer" in client.get(result.get_absolute_url()).content


@pytest.mark.parametrize("body", [{}, {"fits_me": "maybe"}, {"fits_me": ["yes", "no"]}])
def test_fit_feedback_refuses_anything_but_yes_or_no(client, content, body):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    response = client.post(f"{result.get_absolute_url()}feedback/", body)
    assert response.status_code == 400
    result.refresh_from_db()
    assert result.fits_me is None


def test_fit_feedback_only_accepts_post(client, content):
    result = stored_result(submit(client, leaning_answers(content, PAIR)))
    assert client.get(f"{result.get_absolute_url()}feedback/").status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/assessment/results/not-a-uuid/",
        "/assessment/results/12345/",
        "/assessment/results/not-a-uuid.json",
        "/assessment/results/{unknown}/",
        "/assessment/results/{unknown}.json",
        "/assessment/results/{unknown}/delete/",
    ],
)
def test_malformed_or_unknown_result_ids_are_404(client, content, path):
    response = client.get(path.format(unknown=uuid.uuid4()))
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_feedback_for_an_unknown_result_is_404(client, content):
    assert (
        client.post(f"/assessment/results/{uuid.uuid4()}/feedback/", {"fits_me": "yes"}).status_code
        == 404
    )


# --- Bad input ---------------------------------------------------------------------------


def test_missing_answers_show_the_form_with_errors_and_keep_given_answers(client, content):
    answers = leaning_answers(content, ARCHITECT)
    missing = [content[1].slug, content[-1].slug]
    for slug in missing:
        del answers[slug]
    response = submit(client, answers)
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert "There are problems with your answers" in html
    for slug in missing:
        assert f'href="#id_{slug}_0"' in html  # the summary links to the statement
        assert f'id="id_{slug}_error"' in html  # and the error sits beside it
    kept = content[0]
    assert re.search(
        rf'<input type="radio" name="{kept.slug}" value="{answers[kept.slug]}"[^>]*checked', html
    )
    assert html.count("Choose an answer for this statement.") == 2 * len(missing)


def test_a_refused_form_leaves_nothing_behind_for_the_next_visitor(client, content):
    # Forms for the same statements share their field objects (building 18 choice fields
    # per request cost more than validating them): errors and answers must stay per form.
    answers = leaning_answers(content, ARCHITECT)
    del answers[content[1].slug]
    assert submit(client, answers).status_code == 400
    fresh = Client().get(FORM_URL).content.decode()
    assert "Choose an answer for this statement." not in fresh
    # Only the optional experience question's "Prefer not to say" starts checked.
    assert fresh.count("checked") == 1 and 'id="id_experience_0" checked' in fresh
    assert 'id="error-summary"' not in fresh


@pytest.mark.parametrize("value", ["0", "6", "-1", "3.0", "three", "", " 3", "３"])
def test_off_scale_values_are_refused(client, content, value):
    answers = leaning_answers(content, ARCHITECT)
    answers[content[0].slug] = value
    response = submit(client, answers)
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    html = response.content.decode()
    assert "Choose one of the five answers" in html or "Choose an answer" in html


def test_unknown_fields_are_refused(client, content):
    response = submit(client, leaning_answers(content, ARCHITECT), **{"is_admin": "1"})
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    assert "does not have (&#x27;is_admin&#x27;)" in response.content.decode()


def test_a_statement_answered_twice_is_refused(client, content):
    answers = leaning_answers(content, ARCHITECT)
    body = urlencode({**answers, content[0].slug: ["1", "5"]}, doseq=True)
    response = client.post(FORM_URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    assert "answered more than once" in response.content.decode()


def test_a_body_that_is_not_utf8_is_refused(client, content):
    body = urlencode(leaning_answers(content, ARCHITECT)).encode() + b"&\xff\xfe=\xc3\x28"
    response = client.post(FORM_URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0


def test_a_huge_body_gets_the_400_page(client, content):
    body = urlencode({**leaning_answers(content, ARCHITECT), "padding": "x" * 300_000})
    response = client.post(FORM_URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    assert b"We could not read that request" in response.content


def test_too_many_fields_get_the_400_page(client, content):
    body = urlencode({**leaning_answers(content, ARCHITECT), **{f"f{i}": "1" for i in range(250)}})
    response = client.post(FORM_URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0
    assert b"We could not read that request" in response.content


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data; boundary=nope", b"--nope\r\nContent-Disposition: form-data\r\n"),
        ("multipart/form-data", b"no boundary at all"),
        ("application/json", b'{"answers": 1}'),
        ("text/plain", b"\x00\x01\x02"),
    ],
)
def test_other_bodies_are_refused(client, content, content_type, body):
    response = client.post(FORM_URL, body, content_type=content_type)
    assert response.status_code == 400
    assert AssessmentResult.objects.count() == 0


@pytest.mark.parametrize("token", [None, "forged" * 8])
def test_a_missing_or_forged_csrf_token_gets_the_403_page(content, token):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(FORM_URL)  # sets the CSRF cookie
    extra = {} if token is None else {"csrfmiddlewaretoken": token}
    response = submit(csrf_client, leaning_answers(content, ARCHITECT), **extra)
    assert response.status_code == 403
    assert b"This form has expired" in response.content
    assert AssessmentResult.objects.count() == 0


def test_a_valid_csrf_token_is_accepted(content):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(FORM_URL)
    token = csrf_client.cookies["csrftoken"].value
    response = submit(csrf_client, leaning_answers(content, ARCHITECT), csrfmiddlewaretoken=token)
    assert stored_result(response).outcome == ARCHITECT


def test_other_methods_are_refused(client, content):
    assert client.put(FORM_URL).status_code == 405
    assert client.delete(FORM_URL).status_code == 405


# --- Fuzzing -----------------------------------------------------------------------------

SLUG_SAMPLE = st.sampled_from(
    ["pace-working-code-in-minutes", "csrfmiddlewaretoken", "fits_me", "", "a" * 300]
)
VALUES = st.one_of(
    st.sampled_from(["1", "2", "3", "4", "5", "0", "6", "", "-1", "99999999999999999999"]),
    st.text(max_size=30),
)


@st.composite
def post_bodies(draw, slugs):
    kind = draw(st.sampled_from(["form", "form", "form", "raw"]))
    if kind == "raw":
        content_type = draw(
            st.sampled_from(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=BOUNDARY",
                    "multipart/form-data",
                    "application/json",
                    "text/plain; charset=latin-1",
                    "application/x-www-form-urlencoded; charset=no-such-charset",
                ]
            )
        )
        return content_type, draw(st.binary(max_size=400))
    names = st.one_of(st.sampled_from(slugs), SLUG_SAMPLE, st.text(max_size=20))
    pairs = draw(st.lists(st.tuples(names, VALUES), max_size=40))
    if draw(st.booleans()):
        # Mostly complete answers, so the scoring path is fuzzed too.
        pairs = [(slug, draw(st.sampled_from("12345"))) for slug in slugs] + pairs[:3]
    return "application/x-www-form-urlencoded", urlencode(pairs).encode()


@pytest.mark.django_db
def test_no_random_post_body_causes_a_server_error(content, settings):
    settings.DEBUG = False
    fuzz_client = Client(raise_request_exception=False)
    slugs = [q.slug for q in content]
    statuses = []

    @settings_for_fuzzing
    @given(body=post_bodies(slugs))
    def post_anything(body):
        content_type, payload = body
        response = fuzz_client.generic("POST", FORM_URL, payload, content_type=content_type)
        statuses.append(response.status_code)
        assert response.status_code < 500, (content_type, payload[:200])
        assert response.status_code in (303, 400), response.status_code

    post_anything()
    assert len(statuses) >= settings_for_fuzzing.max_examples  # the profile's count, all run
    assert AssessmentResult.objects.count() == statuses.count(303)


# The example count is the profile's (tests/conftest.py): fewer locally, more in CI.
settings_for_fuzzing = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
