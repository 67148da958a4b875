"""Help text the admin shows under fields whose meaning is not obvious.

Kept here rather than on the model fields: a model's help_text is part of its migration
state, and wording is for editors, not for the schema. Keys are "model_name.field_name";
a field the models define their own help text for keeps it unless named here.
"""

from django import forms
from django.db import models

HELP_TEXTS = {
    # Shared wording for the fields most models have.
    "*.slug": "The row's address in URLs and in the seed files. Changing it breaks links "
    "people saved; the seed recognises the row by its name instead.",
    "*.order": "Position in lists: smaller numbers come first.",
    "*.article_section": "The article section this rests on: named to visitors under "
    "the section's '§ Source' mark. Only the article's own headings are offered.",
    # Roles and what hangs off them.
    "role.tagline": "One line under the role's name on cards and in search results.",
    "role.summary": "The opening paragraph of the role's page.",
    "role.career_path": "Where the role leads: shown under 'Career path' on its page.",
    "role.work_environment": "Who the role works with and how: 'Work environment' on its page.",
    "responsibility.text": "One thing the role does, as one sentence on its page.",
    "role.skills_summary": "What the role's skills add up to, as the article sums them up.",
    "role.outlook": "Where the role is heading, as the article's outlook puts it.",
    "roleskill.emphasis": "The article's one word for this skill in this role (its skills "
    "table: Deep/Broad, Practical/Strategic…), shown beside the other role's word. Never a "
    "score.",
    "roleskill.description": "What the skill means for this role: shown under its word.",
    "skillarea.description": "What the area covers, shown at the head of its row.",
    # Tools and salaries.
    "toolcategory.description": "Shown above the category's tools on the tools page.",
    "tool.roles": "The roles that use this tool; the tools page filters by them.",
    "tool.url": "The tool's own site (optional).",
    "salaryrange.low": "Yearly pay at the bottom of the range, in the currency below.",
    "salaryrange.high": "Yearly pay at the top of the range.",
    "salaryrange.median": "Leave empty when the source gives no median; it must lie within "
    "the range.",
    "salaryrange.currency": "ISO code, e.g. USD.",
    "salaryrange.region": "Where the range applies, e.g. 'United States'.",
    "salaryrange.year": "The year the source reports the range for.",
    # The questionnaire.
    "decisionfactor.description": "What the factor asks the visitor to weigh, shown on the "
    "methodology page and beside their leaning in the result.",
    "question.statement": "What the visitor agrees or disagrees with, on a five-point scale.",
    "question.leans_toward": "The role that agreeing points to; disagreeing points to the "
    "factor's other role. Keep statements on both sides of every factor.",
    "question.weight": "How much this statement counts within its factor: each side's "
    "agreement is a weighted mean of its statements, so a weight changes the balance among "
    "statements on the same side, never the balance between the two sides.",
    "question.active": "Untick to take the statement out of the assessment without "
    "deleting it; stored results keep the questions they were scored with.",
    # FAQs and sources.
    "faq.related_role": "The role page that lists this question, if any.",
    "faq.attribution": "Only an attribution the article itself states (e.g. that an answer "
    "was verified by its editors); leave empty otherwise.",
    "source.citation": "The reference exactly as the article's reference list words it.",
    "keypoint.text": "A point the article makes, in RoleFit's own words (no copied sentences).",
    "keypoint.on_home": "Tick the pages the point appears on.",
    # Page copy.
    "pagecopy.key": "Where the text appears: the page, then the place on it. Templates ask "
    "for it by this name, so it cannot be changed.",
    "pagecopy.text": "RoleFit's own words, shown as written. Put **two asterisks** around "
    "words to show them in bold; keep a {name} in braces as it is: the page fills in a "
    "number there.",
}


def help_text_for(model: type[models.Model], field_name: str) -> str | None:
    name = model._meta.model_name
    return HELP_TEXTS.get(f"{name}.{field_name}", HELP_TEXTS.get(f"*.{field_name}"))


def length_limit_text(db_field: models.Field) -> str | None:
    """A text box's length limit, worded for the help under it."""
    if isinstance(db_field, models.TextField) and db_field.max_length:
        return f"At most {db_field.max_length:,} characters."
    return None


# A one-line box cuts off text longer than this: such fields get a text area instead.
LONG_CHARFIELD = 150
CHARACTERS_PER_LINE = 80


class FittedTextarea(forms.Textarea):
    """A text area as tall as the text it holds (a line per 80 characters, one spare), so
    an editor sees all of it without scrolling inside the box."""

    def get_context(self, name, value, attrs):
        text = str(value or "")
        lines = sum(1 + len(line) // CHARACTERS_PER_LINE for line in text.splitlines() or [""])
        attrs = {**(attrs or {}), "rows": max(2, lines + 1)}
        return super().get_context(name, value, attrs)


def fitted_widget(db_field: models.Field) -> forms.Widget | None:
    """A text area for long text (text fields, and char fields too long for one line)."""
    if db_field.choices:
        return None
    if isinstance(db_field, models.TextField) or (
        isinstance(db_field, models.CharField)
        and (db_field.max_length or 0) >= LONG_CHARFIELD
        and not isinstance(db_field, models.SlugField | models.URLField)
    ):
        return FittedTextarea(attrs={"cols": CHARACTERS_PER_LINE})
    return None


class HelpTextsMixin:
    """For ModelAdmin and inline classes: puts HELP_TEXTS, and a text box's length limit,
    under the form fields, and gives long text a text area sized to it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs) -> forms.Field | None:
        widget = fitted_widget(db_field)
        if widget is not None and "widget" not in kwargs:
            kwargs["widget"] = widget
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return None
        text = help_text_for(self.model, db_field.name) or formfield.help_text
        limit = length_limit_text(db_field)
        formfield.help_text = " ".join(str(part) for part in (text, limit) if part)
        return formfield
