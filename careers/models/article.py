"""The article's own lists: its references, and the points it makes that belong to no
single role (its advice and observations).

A key point says where visitors meet it: the home page, the role pages, the
comparison, the salaries or the tools page.
"""

from django.db import models
from django.urls import reverse

from careers.article import article_section_field
from careers.models.base import SeededContent

# The pages a key point can appear on: flag field -> what the admin calls it.
PLACEMENTS = {
    "on_home": "Home page",
    "on_roles": "Role pages",
    "on_comparison": "Comparison",
    "on_salaries": "Salaries page",
    "on_tools": "Tools page",
}


class Source(SeededContent):
    """One entry of the article's reference list, worded as the article words it.

    The article does not say which reference backs which claim, so nothing links to one.
    """

    slug = models.SlugField(max_length=80, unique=True)
    citation = models.CharField(
        max_length=500, help_text="The reference exactly as the article lists it."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in the list.")

    class Meta:
        app_label = "careers"
        ordering = ["order", "slug"]

    def __str__(self):
        return self.citation

    def get_absolute_url(self):
        return self.url_for(slug=self.slug)

    @staticmethod
    def url_for(*, slug: str) -> str:
        return reverse("careers:source_list") + f"#source-{slug}"


def _placement(label: str) -> models.BooleanField:
    return models.BooleanField(default=False, verbose_name=f"show on the {label.lower()}")


class KeyPoint(SeededContent):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=120)
    text = models.TextField(help_text="The point in RoleFit's own words.")
    article_section = article_section_field()
    on_home = _placement(PLACEMENTS["on_home"])
    on_roles = _placement(PLACEMENTS["on_roles"])
    on_comparison = _placement(PLACEMENTS["on_comparison"])
    on_salaries = _placement(PLACEMENTS["on_salaries"])
    on_tools = _placement(PLACEMENTS["on_tools"])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        app_label = "careers"
        ordering = ["order", "slug"]

    def __str__(self):
        return self.title
