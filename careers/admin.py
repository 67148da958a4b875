from django.contrib import admin  # noqa: F401

# --- Content admin (roles, skills, tools, salaries, factors, questions, FAQs, sources) ---

# --- Assessment results admin ---
