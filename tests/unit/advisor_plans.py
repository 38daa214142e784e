"""Plans the advisor-side unit tests share: one written as a person would, and ways to vary it."""

from __future__ import annotations

from planner.core.model import Plan
from planner.core.storage import parse_plan

ALEX = """\
format = "hit-career-plan/1"
title = "Alex: RHIT, then coding"

[profile]
name = "Alex Rivera"
education = "high-school"
role = "none"
healthcare_experience_years = 0
goal = "coding-specialist"
starts = "2027-fall"

[[items]]
id = "aas"
requirement = "associate-hit"
title = "AAS Health Information Technology, Lakeside CC"
start = "2027-fall"
end = "2029-spring"
accredited_by = "CAHIIM"
covers = ["medical-terminology", "anatomy-physiology"]
notes = "Evening classes; online option."

[[items]]
id = "rhit-exam"
requirement = "rhit-exam"
start = "2029-summer"
after = ["aas"]

[[items]]
id = "rhit"
requirement = "rhit"
start = "2029-fall"
after = ["rhit-exam"]

[[items]]
id = "tech"
requirement = "health-information-technician"
start = "2030-spring"
end = "2031-fall"
after = ["rhit"]

[[items]]
id = "ceu"
requirement = "continuing-education"
start = "2031-fall"
renews = "rhit"

[[items]]
id = "cert"
requirement = "coding-certification"
start = "2032-spring"
issuer = "AAPC"
after = ["tech"]

[[items]]
id = "coder"
requirement = "coding-specialist"
start = "2032-summer"
end = "2033-fall"
after = ["cert"]

[[comments]]
author = "J. Kim, advisor"
date = 2026-12-02
item = "rhit-exam"
text = "Book the exam within six months of graduating."
"""
"""A plan with no error: one warning (associate-coursework on "aas") and one suggestion."""


def alex() -> Plan:
    """ALEX, parsed."""
    return parse_plan(ALEX, "alex.toml")
