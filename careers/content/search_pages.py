"""The site's pages as search results: a visitor who types "pay" or "method" should be
offered the page about it, not only the rows that mention the word.

Each page is described by its title, a line saying what it holds and the words people
use for its subject (search keywords, not facts). The paths are the public URL contract.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchablePage:
    title: str
    path: str
    summary: str
    subjects: str


SEARCHABLE_PAGES: tuple[SearchablePage, ...] = (
    SearchablePage(
        "Salaries",
        "/salaries/",
        "Salary ranges for both roles on one chart, with the region and year of each.",
        "salary salaries pay earnings income compensation wage earn money ranges median",
    ),
    SearchablePage(
        "Compare the two roles",
        "/compare/",
        "The AI pair programmer and the AI architect side by side, area by area.",
        "compare comparison versus vs difference differences side by side",
    ),
    SearchablePage(
        "How the assessment works",
        "/assessment/methodology/",
        "What the assessment does with your answers, and the checks behind it.",
        "methodology method scoring score assessment test quiz checks thresholds formula",
    ),
    SearchablePage(
        "Sources",
        "/sources/",
        "The article RoleFit's content comes from, and the references it lists.",
        "sources source references reference citations article editor-verified verified",
    ),
    SearchablePage(
        "About RoleFit",
        "/about/",
        "RoleFit's readers, its one source, and how to tell us about an error.",
        "about contact mistake error report feedback who purpose",
    ),
    SearchablePage(
        "Take the assessment",
        "/assessment/",
        "Statements about how you like to work, and a fit for each role with its reasons.",
        "assessment test quiz questionnaire fit which role suits me",
    ),
    SearchablePage(
        "Tools",
        "/tools/",
        "The coding assistants, frameworks and platforms each role works with.",
        "tools tool software platforms frameworks assistants catalogue",
    ),
)
