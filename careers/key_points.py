"""Points the article makes that belong to no single role: its advice and observations.

A model of its own (imported by `careers.models`) so each point can say where visitors
meet it: the home page, the role pages, the comparison, the salaries or the tools page.
"""

from django.db import models

from careers.article import article_section_field
from careers.models import SeededContent

# The pages a key point can appear on: flag field -> what the admin calls it.
PLACEMENTS = {
    "on_home": "Home page",
    "on_roles": "Role pages",
    "on_comparison": "Comparison",
    "on_salaries": "Salaries page",
    "on_tools": "Tools page",
}


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
