"""RoleFit's models: content (roles, skills, tools, salaries, factors, FAQs), the article's
own lists (references, key points) and the assessment (statements, questionnaires, results).
"""

from careers.models.article import PLACEMENTS, KeyPoint, Source
from careers.models.assessment import AssessmentResult, Question, Questionnaire, QuestionQuerySet
from careers.models.base import SeededContent, search_index, search_vector_field
from careers.models.content import (
    FAQ,
    DecisionFactor,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Tool,
    ToolCategory,
)

__all__ = [
    "FAQ",
    "PLACEMENTS",
    "AssessmentResult",
    "DecisionFactor",
    "KeyPoint",
    "Question",
    "QuestionQuerySet",
    "Questionnaire",
    "Responsibility",
    "Role",
    "RoleSkill",
    "SalaryRange",
    "SeededContent",
    "SkillArea",
    "Source",
    "Tool",
    "ToolCategory",
    "search_index",
    "search_vector_field",
]
