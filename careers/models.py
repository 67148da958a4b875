"""The app's models, gathered from the features that own them (Django looks here)."""

from careers.assessment.models import (
    AssessmentResult,
    Experiment,
    Question,
    Questionnaire,
    QuestionQuerySet,
)
from careers.content.models import (
    FAQ,
    PLACEMENTS,
    DecisionFactor,
    KeyPoint,
    PageCopy,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)
from careers.editable import EditableContent
from careers.editors.models import Draft

__all__ = [
    "FAQ",
    "PLACEMENTS",
    "AssessmentResult",
    "DecisionFactor",
    "Draft",
    "EditableContent",
    "Experiment",
    "KeyPoint",
    "PageCopy",
    "Question",
    "QuestionQuerySet",
    "Questionnaire",
    "Responsibility",
    "Role",
    "RoleSkill",
    "SalaryRange",
    "SkillArea",
    "Source",
    "Tool",
    "ToolCategory",
]
