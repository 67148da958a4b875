"""The optional experience question's answers: stored with a result, read by its advice.

Plain Python at the app's root, like `careers.article`: the model, the form and the advice
all use it, and a model must not import from a feature package above it.
"""

EXPERIENCE_CHOICES = (
    ("student", "Student"),
    ("junior", "Junior developer"),
    ("mid", "Mid-level developer"),
    ("senior", "Senior developer"),
    ("lead", "Tech lead or above"),
)
