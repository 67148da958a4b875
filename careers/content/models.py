"""The article's content: the two roles with their responsibilities, skills, tools and
salaries; the decision factors; the FAQs; and the article's own lists (its references,
and the points it makes that belong to no single role).

Decision factors live here rather than with the assessment: the home, role and comparison
pages show them, and the assessment's statements point at them.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from careers.article import article_section_field
from careers.editable import LONG_TEXT, SHORT_TEXT, EditableContent, bounded_text_field


def search_vector_field():
    """The stored full-text document of a searchable row (see careers.content.search)."""
    return SearchVectorField(null=True, editable=False)


def search_index(model_name: str) -> GinIndex:
    return GinIndex(fields=["search_vector"], name=f"{model_name}_search")


class Role(EditableContent):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100, unique=True)
    tagline = models.CharField(max_length=200)
    summary = bounded_text_field(LONG_TEXT)
    summary_section = article_section_field("The article section the summary rests on.")
    career_path = bounded_text_field(LONG_TEXT)
    career_path_section = article_section_field("The article section the career path rests on.")
    work_environment = bounded_text_field(LONG_TEXT)
    work_environment_section = article_section_field(
        "The article section the work environment rests on."
    )
    skills_summary = bounded_text_field(
        SHORT_TEXT, blank=True, help_text="What the role's skills add up to."
    )
    skills_summary_section = article_section_field("The article section it rests on.", blank=True)
    outlook = bounded_text_field(SHORT_TEXT, blank=True, help_text="Where the role is heading.")
    outlook_section = article_section_field("The article section it rests on.", blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    search_vector = search_vector_field()

    class Meta:
        ordering = ["order", "name"]
        indexes = [search_index("role")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url_for(slug=self.slug)

    @staticmethod
    def url_for(*, slug: str) -> str:
        return reverse("careers:role_detail", kwargs={"slug": slug})

    def comparison_url(self, other) -> str:
        """The page comparing this role with `other` at its canonical address: the two in
        the order the site lists roles. `other` is a Role or has its slug, order and name."""
        first, second = sorted((self, other), key=lambda role: (role.order, role.name))
        return reverse("careers:compare", kwargs={"first": first.slug, "second": second.slug})


class Responsibility(EditableContent):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="responsibilities")
    text = bounded_text_field(SHORT_TEXT)
    article_section = article_section_field()
    order = models.PositiveSmallIntegerField(default=0)

    search_vector = search_vector_field()

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name_plural = "responsibilities"
        indexes = [search_index("responsibility")]

    def __str__(self):
        return f"{self.role}: {self.text[:60]}"

    def get_absolute_url(self):
        return self.url_for(role_slug=self.role.slug)

    @staticmethod
    def url_for(*, role_slug: str) -> str:
        return Role.url_for(slug=role_slug) + "#responsibilities"


class SkillArea(EditableContent):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100, unique=True)
    description = bounded_text_field(SHORT_TEXT, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class RoleSkill(EditableContent):
    """One cell of the skills comparison: the article's word for the role's take on a skill
    area (Deep, Broad…), and what it means. A contrast, not a score."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="skills")
    area = models.ForeignKey(SkillArea, on_delete=models.CASCADE, related_name="role_skills")
    emphasis = models.CharField(
        max_length=40, help_text="The article's contrast word for this role, e.g. 'Deep'."
    )
    description = bounded_text_field(SHORT_TEXT)
    article_section = article_section_field()
    search_vector = search_vector_field()

    class Meta:
        ordering = ["area__order", "role__order"]
        indexes = [search_index("roleskill")]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "area"], name="one_skill_row_per_role_and_area"
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.area} ({self.emphasis})"

    def get_absolute_url(self):
        return self.url_for(role_slug=self.role.slug, area_slug=self.area.slug)

    @staticmethod
    def url_for(*, role_slug: str, area_slug: str) -> str:
        return Role.url_for(slug=role_slug) + f"#skill-{area_slug}"


class ToolCategory(EditableContent):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100, unique=True)
    description = bounded_text_field(SHORT_TEXT, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "tool categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("careers:tool_list") + f"?category={self.slug}"


class Tool(EditableContent):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100)
    category = models.ForeignKey(ToolCategory, on_delete=models.PROTECT, related_name="tools")
    description = bounded_text_field(SHORT_TEXT)
    article_section = article_section_field()
    url = models.URLField(max_length=500, blank=True)
    roles = models.ManyToManyField(Role, related_name="tools")
    order = models.PositiveSmallIntegerField(default=0)
    search_vector = search_vector_field()

    class Meta:
        ordering = ["category__order", "order", "name"]
        indexes = [search_index("tool")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url_for(slug=self.slug, category_slug=self.category.slug)

    @staticmethod
    def url_for(*, slug: str, category_slug: str) -> str:
        return reverse("careers:tool_list") + f"?category={category_slug}#tool-{slug}"


class SalaryRange(EditableContent):
    """An annual salary range as the article gives it (a range, not percentiles)."""

    slug = models.SlugField(max_length=80, unique=True)
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_ranges")
    label = models.CharField(
        max_length=120, help_text="The job title the source uses, e.g. 'AI engineer'."
    )
    low = models.PositiveIntegerField()
    high = models.PositiveIntegerField()
    median = models.PositiveIntegerField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    region = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField()
    article_section = article_section_field()
    order = models.PositiveSmallIntegerField(default=0)
    search_vector = search_vector_field()

    class Meta:
        ordering = ["order", "-high"]
        indexes = [search_index("salaryrange")]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__lte=models.F("high")), name="salary_low_le_high"
            ),
            models.CheckConstraint(
                condition=Q(median__isnull=True)
                | Q(median__gte=models.F("low"), median__lte=models.F("high")),
                name="salary_median_within_range",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.currency} {self.low:,}–{self.high:,} ({self.year})"

    def get_absolute_url(self):
        return self.url_for(role_slug=self.role.slug)

    @staticmethod
    def url_for(*, role_slug: str) -> str:
        return Role.url_for(slug=role_slug) + "#salary"


class DecisionFactor(EditableContent):
    """A question to ask oneself when choosing, with one pole per role where the article
    gives one (it gives none for learning: both poles are then blank)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100, unique=True)
    description = bounded_text_field(LONG_TEXT)
    pair_programmer_pole = models.CharField(
        max_length=300,
        blank=True,
        help_text="What this factor looks like for someone suited to hands-on work.",
    )
    architect_pole = models.CharField(
        max_length=300,
        blank=True,
        help_text="What this factor looks like for someone suited to architecture.",
    )
    pair_programmer_role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The role the first pole points to.",
    )
    architect_role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The role the second pole points to.",
    )
    article_section = article_section_field()
    order = models.PositiveSmallIntegerField(default=0)
    search_vector = search_vector_field()

    class Meta:
        ordering = ["order", "name"]
        indexes = [search_index("decisionfactor")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(pair_programmer_role=models.F("architect_role")),
                name="factor_poles_point_to_different_roles",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url_for(slug=self.slug)

    @staticmethod
    def url_for(*, slug: str) -> str:
        """The home page, which shows every factor with its poles."""
        return reverse("careers:home") + f"#factor-{slug}"


class FAQ(EditableContent):
    slug = models.SlugField(max_length=120, unique=True)
    question = models.CharField(max_length=300)
    answer = bounded_text_field(LONG_TEXT)
    article_section = article_section_field("The article section the answer rests on.")
    order = models.PositiveSmallIntegerField(default=0)
    related_role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="faqs"
    )
    attribution = models.CharField(
        max_length=200, blank=True, help_text="Only an attribution the article itself states."
    )
    search_vector = search_vector_field()

    class Meta:
        ordering = ["order", "question"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        indexes = [search_index("faq")]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return self.url_for(slug=self.slug)

    @staticmethod
    def url_for(*, slug: str) -> str:
        return reverse("careers:faq_detail", kwargs={"slug": slug})


# The pages a key point can appear on: flag field -> what the admin calls it.
PLACEMENTS = {
    "on_home": "Home page",
    "on_roles": "Role pages",
    "on_comparison": "Comparison",
    "on_salaries": "Salaries page",
    "on_tools": "Tools page",
}


class Source(EditableContent):
    """One entry of the article's reference list, worded as the article words it.

    The article does not say which reference backs which claim, so nothing links to one.
    """

    slug = models.SlugField(max_length=80, unique=True)
    citation = models.CharField(
        max_length=500, help_text="The reference exactly as the article lists it."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in the list.")

    class Meta:
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


class KeyPoint(EditableContent):
    """A point the article makes that belongs to no single role (its advice and
    observations); its flags say on which pages visitors meet it."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=120)
    text = bounded_text_field(LONG_TEXT, help_text="The point in RoleFit's own words.")
    article_section = article_section_field()
    on_home = _placement(PLACEMENTS["on_home"])
    on_roles = _placement(PLACEMENTS["on_roles"])
    on_comparison = _placement(PLACEMENTS["on_comparison"])
    on_salaries = _placement(PLACEMENTS["on_salaries"])
    on_tools = _placement(PLACEMENTS["on_tools"])
    order = models.PositiveSmallIntegerField(default=0)
    search_vector = search_vector_field()

    class Meta:
        ordering = ["order", "slug"]
        indexes = [search_index("keypoint")]

    def __str__(self):
        return self.title

    @staticmethod
    def url_for(*, slug: str, page: str) -> str:
        """The key point on `page`, one of the pages that show it."""
        return f"{page}#point-{slug}"


# Where a page copy key's first part is shown ("home.hero.title" is on the home page).
COPY_PAGES = {
    "home": "careers:home",
    "roles": "careers:role_list",
    "role": "careers:role_list",
    "compare": "careers:compare_default",
    "tools": "careers:tool_list",
    "salaries": "careers:salary_list",
    "faq": "careers:faq_list",
    "sources": "careers:source_list",
    "about": "careers:about",
    "assessment": "careers:assessment",
    "methodology": "careers:assessment_methodology",
}


class PageCopy(EditableContent):
    """RoleFit's own words on its pages (a hero, an intro, a call to action), as opposed to
    what it retells from the article: bound to no article section. Templates read it with
    `{% copy "home.hero.title" %}`; `**words**` are shown in bold."""

    key = models.CharField(
        max_length=80,
        unique=True,
        validators=[
            RegexValidator(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$", "Lower-case words joined by dots.")
        ],
    )
    text = bounded_text_field(SHORT_TEXT)

    class Meta:
        ordering = ["key"]
        verbose_name = "page copy"
        verbose_name_plural = "page copy"

    def __str__(self):
        return self.key

    @property
    def page_name(self) -> str:
        return self.key.split(".", 1)[0]

    def get_absolute_url(self):
        url_name = COPY_PAGES.get(self.page_name)
        return reverse(url_name) if url_name else None
