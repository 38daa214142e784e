"""The `hit-2008` rule pack: the requirements as the source text states them (seed.txt).

This module is data, and only data: the milestones a plan item can name, the goals and their
paths, and every rule with its severity, the paragraph it comes from (P1..P10, counting non-empty
lines of the seed), the sentences it rests on, and the rule kind (rules/kinds.py) with the
settings that decide where it fires. catalog.py gives it types; validate.py applies the rules;
nextsteps.py proposes steps. To change a rule's words or numbers, change them here.

It is a Python module rather than a TOML file because Python caches it compiled: reading the
same data as TOML cost 8 ms at every start of `planner check`, a quarter of its budget. A pack
file (TOML) holds the same tables; `hit-2026` is written as changes to this one.

Severity follows the seed's modal words: "must", "are not eligible" -> error; "usually",
"most employers prefer", "typically", "generally" -> warning; "can improve", "is beneficial",
"some employers prefer", "most ... are learned" -> suggestion.
"""

# The words a plan uses for coursework, high-school subjects, education, status and facilities.
VOCABULARY = {
    # P4: the coursework of an HIT associate program, besides general education.
    "coursework_areas": [
        "medical-terminology",
        "anatomy-physiology",
        "legal-aspects",
        "health-data-standards",
        "coding-abstraction",
        "statistics",
        "database-management",
        "quality-improvement",
        "computer-science",
    ],
    "general_education": "general-education",
    # P4: high-school subjects that improve admission chances.
    "high_school_subjects": ["biology", "math", "chemistry", "health", "computer-science"],
    "educations": [
        "none",
        "high-school-student",
        "high-school",
        "associate",
        "bachelor",
        "master",
    ],
    "statuses": ["planned", "in-progress", "done"],
    "facilities": ["small", "large"],
    "tracks": ["coding", "cancer-registry"],
}

# The numbers the rules use.
PARAMETERS = {
    # P10: "Advancement usually requires two to four years of job experience": two years, six terms.
    "experience_terms": 6,
    # Not from the seed: AHIMA renews credentials on a two-year cycle. The seed (P9) only says
    # that continuing education units are typically required to renew credentials.
    "renewal_terms": 6,
    "renewal_source_note": "the two-year cycle is AHIMA's, not the source text's",
    "max_experience_years": 60,
    # P5: the body that must accredit the associate program for the RHIT exam.
    "accrediting_body": "CAHIIM",
    # The profile's role when the person has no job.
    "no_role": "none",
}

# Milestones: what a plan item names with `requirement = "<id>"`. `terms` is the typical length,
# used only to propose terms. Jobs carry a `rank`: clerk 0, technician level 1 and up.
MILESTONES = {
    "course": {
        "kind": "course",
        "name": "Course",
        "description": "One course in a coursework area of an HIT program, or general education (area field).",
        "terms": 1,
        "source": "P4",
    },
    "high-school-course": {
        "kind": "course",
        "name": "High-school course",
        "description": "A high-school course in biology, math, chemistry, health or computer science (area field).",
        "terms": 1,
        "source": "P4",
    },
    "associate-hit": {
        "kind": "degree",
        "name": "Associate degree in health information technology",
        "description": (
            "Two-year associate degree from a community or junior college; flexible "
            "scheduling and online courses are common."
        ),
        "terms": 5,
        "source": "P3, P5",
    },
    "bachelor-hia": {
        "kind": "degree",
        "name": "Bachelor's in health information administration",
        "description": "Bachelor's degree in medical records and health information administration.",
        "terms": 5,
        "source": "P10",
    },
    "coding-certificate-program": {
        "kind": "certificate-program",
        "name": "Coding certificate program",
        "description": "A school's certificate program in coding.",
        "terms": 3,
        "source": "P8",
    },
    "cancer-registry-program": {
        "kind": "certificate-program",
        "name": "Cancer registry certificate program",
        "description": "A formal two-year certificate program approved by the NCRA.",
        "terms": 5,
        "source": "P8",
    },
    "intensive-training": {
        "kind": "training",
        "name": "Intensive training",
        "description": "A one-to-two-week intensive program in coding or cancer registry (track field).",
        "terms": 1,
        "source": "P8",
    },
    "in-house-training": {
        "kind": "training",
        "name": "Hospital in-house training",
        "description": "A hospital in-house training program.",
        "terms": 1,
        "source": "P10",
    },
    "rhit-exam": {
        "kind": "exam",
        "name": "RHIT exam",
        "description": "AHIMA's written examination for Registered Health Information Technicians.",
        "terms": 1,
        "source": "P5",
    },
    "rhit": {
        "kind": "credential",
        "name": "RHIT credential",
        "description": "Registered Health Information Technician.",
        "terms": 1,
        "source": "P5",
        "prerequisites": ["associate-hit", "rhit-exam"],
    },
    "coding-certification": {
        "kind": "credential",
        "name": "Coding certification",
        "description": (
            "Coding certification, from AAPC (three programs), or for medical specialties "
            "from the Board of Medical Specialty Coding or PAHCS (issuer field)."
        ),
        "terms": 1,
        "source": "P8, P9",
    },
    "cancer-registry-certification": {
        "kind": "credential",
        "name": "Cancer registry certification",
        "description": "Certification in cancer registry from the NCRA.",
        "terms": 1,
        "source": "P9",
    },
    "chps": {
        "kind": "credential",
        "name": "CHPS",
        "description": "AHIMA's Certified Healthcare Privacy and Security.",
        "terms": 1,
        "source": "P9",
    },
    "continuing-education": {
        "kind": "ceu",
        "name": "Continuing education",
        "description": "Continuing education units that renew a credential (renews field).",
        "terms": 1,
        "source": "P9",
    },
    "health-information-clerk": {
        "kind": "job",
        "name": "Health information clerk",
        "description": "Health information clerk.",
        "terms": 6,
        "rank": 0,
        "source": "P10",
    },
    "health-information-technician": {
        "kind": "job",
        "name": "Health information technician",
        "description": "Medical records and health information technician.",
        "terms": 6,
        "rank": 1,
        "source": "P3",
    },
    "coding-specialist": {
        "kind": "job",
        "name": "Coding specialist",
        "description": "Technician specialised in coding.",
        "terms": 6,
        "rank": 1,
        "source": "P7, P8",
    },
    "cancer-registrar": {
        "kind": "job",
        "name": "Cancer registrar",
        "description": "Technician specialised in cancer registry.",
        "terms": 6,
        "rank": 1,
        "source": "P7, P8",
    },
    "privacy-security-specialist": {
        "kind": "job",
        "name": "Privacy and security specialist",
        "description": "Technician specialised in privacy and security.",
        "terms": 6,
        "rank": 1,
        "source": "P7, P9",
    },
    "section-supervisor": {
        "kind": "job",
        "name": "Section supervisor",
        "description": "Supervisor of a section (coding, correspondence, discharge) in a large department.",
        "terms": 6,
        "rank": 2,
        "source": "P9",
    },
    "assistant-director": {
        "kind": "job",
        "name": "Assistant director",
        "description": "Assistant director of a health information management department.",
        "terms": 6,
        "rank": 3,
        "source": "P10",
    },
    "director": {
        "kind": "job",
        "name": "Director",
        "description": "Director of a health information management department (facility field).",
        "terms": 6,
        "rank": 4,
        "source": "P10",
    },
}

# Specialisations (P7): the job and the goal that are one, and the credential that goes with it.
SPECIALISATIONS = {
    "coding": {
        "name": "coding",
        "job": "coding-specialist",
        "goal": "coding-specialist",
        "credential": "coding-certification",
    },
    "cancer-registry": {
        "name": "cancer registry",
        "job": "cancer-registrar",
        "goal": "cancer-registrar",
        "credential": "cancer-registry-certification",
    },
    "privacy-security": {
        "name": "privacy and security",
        "job": "privacy-security-specialist",
        "goal": "privacy-security",
        "credential": "chps",
    },
}

# Steps: one milestone on the way to a goal, with the fields its item needs and the reason the
# planner gives for it. `experience: True` marks a job held for the two years the next step
# needs (less what the profile's role already counts).
STEPS = {
    "associate-hit": {
        "milestone": "associate-hit",
        "fields": {"accredited_by": "CAHIIM"},
        "reason": (
            "To take the RHIT exam you must graduate from a two-year associate degree program "
            "accredited by CAHIIM; community and junior colleges offer them, often with "
            "flexible or online courses."
        ),
        "source": "P5",
    },
    "rhit-exam": {
        "milestone": "rhit-exam",
        "reason": (
            "Registered Health Information Technicians must pass AHIMA's written examination, "
            "open to graduates of a CAHIIM-accredited program."
        ),
        "source": "P5",
    },
    "rhit": {
        "milestone": "rhit",
        "reason": "Most employers prefer to hire Registered Health Information Technicians (RHIT).",
        "source": "P5",
    },
    "technician": {
        "milestone": "health-information-technician",
        "experience": True,
        "reason": (
            "Advancement usually requires two to four years of job experience; senior "
            "technicians are the ones who specialise."
        ),
        "source": "P7, P10",
    },
    "technician-large": {
        "milestone": "health-information-technician",
        "fields": {"facility": "large"},
        "experience": True,
        "reason": (
            "In large departments, experienced technicians may advance to section supervisor; "
            "advancement usually requires two to four years of job experience."
        ),
        "source": "P9, P10",
    },
    "technician-small": {
        "milestone": "health-information-technician",
        "fields": {"facility": "small"},
        "experience": True,
        "reason": (
            "Senior technicians with RHIT may become director of a department in a small "
            "facility; advancement usually requires two to four years of job experience."
        ),
        "source": "P10",
    },
    "technician-large-director": {
        "milestone": "health-information-technician",
        "fields": {"facility": "large"},
        "experience": True,
        "reason": "Advancement usually requires two to four years of job experience.",
        "source": "P10",
    },
    "coding-certification": {
        "milestone": "coding-certification",
        "fields": {"issuer": "AAPC"},
        "reason": (
            "Certification in coding is available from several organizations; AAPC offers "
            "three certification programs."
        ),
        "source": "P8, P9",
    },
    "coding-specialist": {
        "milestone": "coding-specialist",
        "reason": "Many senior technicians specialize in coding; most coding skills are learned on the job.",
        "source": "P7",
    },
    "intensive-training-cancer-registry": {
        "milestone": "intensive-training",
        "fields": {"track": "cancer-registry"},
        "reason": (
            "Some schools and employers offer intensive one to two week training programs in cancer registry."
        ),
        "source": "P8",
    },
    "cancer-registry-certification": {
        "milestone": "cancer-registry-certification",
        "fields": {"issuer": "NCRA"},
        "reason": "Certification in cancer registry is available from the NCRA.",
        "source": "P9",
    },
    "cancer-registrar": {
        "milestone": "cancer-registrar",
        "reason": (
            "Many senior technicians specialize in cancer registry; most registry skills are "
            "learned on the job."
        ),
        "source": "P7",
    },
    "chps": {
        "milestone": "chps",
        "fields": {"issuer": "AHIMA"},
        "reason": (
            "AHIMA offers certification for Certified Healthcare Privacy and Security because "
            "of growing concerns for the security of electronic medical records."
        ),
        "source": "P9",
    },
    "privacy-security-specialist": {
        "milestone": "privacy-security-specialist",
        "reason": "Many senior technicians specialize in privacy and security.",
        "source": "P7",
    },
    "section-supervisor": {
        "milestone": "section-supervisor",
        "fields": {"facility": "large"},
        "reason": (
            "In large departments, experienced technicians may advance to section supervisor, "
            "overseeing the coding, correspondence or discharge sections."
        ),
        "source": "P9",
    },
    "director-small": {
        "milestone": "director",
        "fields": {"facility": "small"},
        "reason": (
            "Senior technicians with RHIT credentials may become director of a medical "
            "records and health information department in a small facility."
        ),
        "source": "P10",
    },
    "bachelor-hia": {
        "milestone": "bachelor-hia",
        "fields": {"field": "health-information-administration"},
        "reason": (
            "In larger institutions the director usually is an administrator with a bachelor "
            "degree in medical records and health information administration."
        ),
        "source": "P10",
    },
    "director-large": {
        "milestone": "director",
        "fields": {"facility": "large"},
        "reason": (
            "In larger institutions the director usually is an administrator with a bachelor "
            "degree in health information administration."
        ),
        "source": "P10",
    },
    "clerk": {
        "milestone": "health-information-clerk",
        "experience": True,
        "reason": (
            "Hospitals sometimes advance promising health information clerks to technician "
            "jobs; advancement usually requires two to four years of job experience."
        ),
        "source": "P10",
    },
    "in-house-training": {
        "milestone": "in-house-training",
        "reason": "Advancement usually requires completion of a hospital in-house training program.",
        "source": "P10",
    },
    "clerk-promoted": {
        "milestone": "health-information-technician",
        "reason": (
            "Hospitals sometimes advance promising health information clerks to jobs as "
            "technicians, although this practice may be less common in the future."
        ),
        "source": "P10",
    },
}

# Goals: each is a path of steps, in order.
GOALS = {
    "rhit": {
        "name": "Registered Health Information Technician (RHIT)",
        "path": ["associate-hit", "rhit-exam", "rhit"],
    },
    "coding-specialist": {
        "name": "Coding specialist",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician",
            "coding-certification",
            "coding-specialist",
        ],
    },
    "cancer-registrar": {
        "name": "Cancer registrar",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician",
            "intensive-training-cancer-registry",
            "cancer-registry-certification",
            "cancer-registrar",
        ],
    },
    "privacy-security": {
        "name": "Privacy and security specialist",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician",
            "chps",
            "privacy-security-specialist",
        ],
    },
    "section-supervisor": {
        "name": "Section supervisor",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician-large",
            "section-supervisor",
        ],
    },
    "director-small-facility": {
        "name": "Director of a department in a small facility",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician-small",
            "director-small",
        ],
    },
    "director-large-facility": {
        "name": "Director of a department in a large facility",
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician-large-director",
            "bachelor-hia",
            "director-large",
        ],
    },
    "clerk-to-technician": {
        "name": "From health information clerk to technician",
        "path": ["clerk", "in-house-training", "clerk-promoted"],
    },
}

# Rules. `kind` and the keys after it decide where a rule fires (rules/kinds.py; "named": the
# function registered under the rule's id, rules/named.py). `message` is what the user reads;
# {placeholders} are filled in by the rule's kind.
# `sentences` are quoted verbatim from the cited paragraphs of the seed (a test checks this).
# Plan-structure rules (duplicate-id ... bad-value) are errors with no source in the seed;
# sharing rules (approval-outdated, waiver-stale) are warnings with no source.
RULES = {
    "rhit-exam-needs-cahiim-associate": {
        "kind": "needs-before",
        "item": "rhit-exam",
        "needs": "associate-hit",
        "accredited_by": "CAHIIM",
        "severity": "error",
        "source": "P5",
        "sentences": [
            (
                "To take the examination, a person must graduate from a two-year associate degree "
                "program accredited by the Commission on Accreditation for Health Informatics and "
                "Information Management Education (CAHIIM)."
            ),
        ],
        "message": (
            "The RHIT exam needs an associate degree accredited by CAHIIM, finished before "
            "the exam; none is planned before it or completed."
        ),
    },
    "rhit-not-via-other-training": {
        "kind": "other-preparation",
        "item": "rhit-exam",
        "needs": "associate-hit",
        "accredited_by": "CAHIIM",
        "severity": "error",
        "source": "P5",
        "sentences": [
            (
                "Technicians trained in non-CAHIIM-accredited programs or trained on the job are "
                "not eligible to take the examination."
            ),
        ],
        "message": (
            "{preparation} does not make you eligible for the RHIT exam: people trained in "
            "programs not accredited by CAHIIM, or on the job, are not eligible."
        ),
    },
    "rhit-needs-exam": {
        "kind": "needs-before",
        "item": "rhit",
        "needs": "rhit-exam",
        "severity": "error",
        "source": "P5",
        "sentences": [
            (
                "Most employers prefer to hire Registered Health Information Technicians (RHIT), "
                "who must pass a written examination offered by the American Health Information "
                "Management Association (AHIMA)."
            ),
        ],
        "message": (
            "The RHIT credential needs the RHIT exam passed before it; no exam is planned "
            "before it or completed."
        ),
    },
    "associate-coursework": {
        "kind": "covers-areas",
        "item": "associate-hit",
        "areas": "coursework_areas",
        "courses": "course",
        "severity": "warning",
        "source": "P4",
        "sentences": [
            (
                "In addition to general education, coursework includes medical terminology, "
                "anatomy and physiology, legal aspects of health information, health data "
                "standards, coding and abstraction of data, statistics, database management, "
                "quality improvement methods, and computer science."
            ),
        ],
        "message": "The associate degree's coursework usually covers nine areas; these are missing: {missing}.",
    },
    "high-school-preparation": {
        "kind": "named",
        "severity": "suggestion",
        "source": "P4",
        "sentences": [
            (
                "Applicants can improve their chances of admission into a program by taking "
                "biology, math, chemistry, health, and computer science courses in high school."
            ),
        ],
        "message": "Taking {missing} in high school before the degree can improve your chances of admission.",
    },
    "employers-prefer-rhit": {
        "kind": "needs-before",
        "item_rank": 1,
        "needs": "rhit",
        "when": "held",
        "severity": "warning",
        "source": "P5",
        "sentences": [
            (
                "Most employers prefer to hire Registered Health Information Technicians (RHIT), "
                "who must pass a written examination offered by the American Health Information "
                "Management Association (AHIMA)."
            ),
        ],
        "message": (
            "This job starts in {term}, before you hold the RHIT credential; most employers "
            "prefer to hire RHITs."
        ),
    },
    "healthcare-experience": {
        "kind": "named",
        "severity": "suggestion",
        "source": "P6",
        "sentences": [
            "Some employers prefer candidates with experience in a health care setting.",
        ],
        "message": (
            "This is your first job in the field and you have no health-care experience "
            "before it; some employers prefer candidates with experience in a health-care "
            "setting."
        ),
    },
    "no-coding-degree": {
        "kind": "field",
        "item_kind": "degree",
        "field": "field",
        "contains": "coding",
        "severity": "warning",
        "source": "P8",
        "sentences": [
            (
                "A number of schools offer certificate programs in coding or include coding as "
                "part of the associate degree program for health information technicians, "
                "although there are no formal degree programs in coding."
            ),
        ],
        "message": (
            "There are no formal degree programs in coding; a coding certificate program, or "
            "coding within the HIT associate degree, is the usual route."
        ),
    },
    "skills-learned-on-the-job": {
        "kind": "named",
        "severity": "suggestion",
        "source": "P7",
        "sentences": [
            (
                "Many senior technicians specialize in coding, in cancer registry, or in privacy "
                "and security and most coding and registry skills are learned on the job."
            ),
        ],
        "message": (
            "Most coding and registry skills are learned on the job; consider working in the "
            "field before this job."
        ),
    },
    "specialisation-credential": {
        "kind": "named",
        "severity": "suggestion",
        "source": "P8, P9",
        "sentences": [
            "Certification in coding is available from several organizations.",
            "Certification in cancer registry is available from the NCRA.",
            (
                "The AHIMA also offers certification for Certified Healthcare Privacy and "
                "Security because of growing concerns for the security of electronic medical "
                "records."
            ),
        ],
        "message": "The plan specialises in {specialisation} but neither holds nor plans the {credential}.",
    },
    "credential-renewal": {
        "kind": "renewal",
        "severity": "warning",
        "source": "P9",
        "sentences": [
            "Continuing education units are typically required to renew credentials.",
        ],
        "message": (
            "The {credential} goes {terms} terms without continuing education that renews it "
            "({start} to {end}); credentials are typically renewed with continuing education "
            "units ({note})."
        ),
    },
    "supervisor-needs-experience": {
        "kind": "experience-before",
        "item": "section-supervisor",
        "jobs_rank": 1,
        "severity": "warning",
        "source": "P9",
        "sentences": [
            (
                "In large medical records and health information departments, experienced "
                "technicians may advance to section supervisor, overseeing the work of the "
                "coding, correspondence, or discharge sections, for example."
            ),
        ],
        "message": (
            "Section supervisors are experienced technicians; this plan has {years} of "
            "technician-level work before it, not two."
        ),
    },
    "advancement-needs-experience": {
        "kind": "named",
        "severity": "warning",
        "source": "P10",
        "sentences": [
            (
                "Advancement usually requires two to four years of job experience and completion "
                "of a hospital in-house training program."
            ),
        ],
        "message": (
            "Advancing from {previous} to this job usually takes two to four years of "
            "experience in it; the plan has {years}."
        ),
    },
    "director-small-needs-rhit": {
        "kind": "experience-before",
        "item": ["director", "assistant-director"],
        "where": {"facility": "small"},
        "jobs_rank": 1,
        "held": "rhit",
        "problems": {
            "held": "the RHIT credential is not held when this job starts",
            "short": "the plan has {years} of technician-level work before it, not two years",
        },
        "severity": "warning",
        "source": "P10",
        "sentences": [
            (
                "Senior technicians with RHIT credentials may become director or assistant "
                "director of a medical records and health information department in a small "
                "facility however, in larger institutions, the director usually is an "
                "administrator with a bachelor degree in medical records and health information "
                "administration."
            ),
        ],
        "message": (
            "In a small facility, directors and assistant directors are senior technicians "
            "with RHIT; {problem}."
        ),
    },
    "director-large-needs-bachelor": {
        "kind": "needs-before",
        "item": "director",
        "where": {"facility": "large"},
        "needs": "bachelor-hia",
        "severity": "warning",
        "source": "P10",
        "sentences": [
            (
                "Senior technicians with RHIT credentials may become director or assistant "
                "director of a medical records and health information department in a small "
                "facility however, in larger institutions, the director usually is an "
                "administrator with a bachelor degree in medical records and health information "
                "administration."
            ),
        ],
        "message": (
            "In a large facility, the director usually holds a bachelor's degree in health "
            "information administration; none is planned before this job or completed."
        ),
    },
    "clerk-promotion": {
        "kind": "named",
        "severity": "warning",
        "source": "P10",
        "sentences": [
            (
                "Hospitals sometimes advance promising health information clerks to jobs as "
                "medical records and health information technicians, although this practice may "
                "be less common in the future."
            ),
            (
                "Advancement usually requires two to four years of job experience and completion "
                "of a hospital in-house training program."
            ),
        ],
        "message": (
            "Promotion from clerk to technician usually takes two years as a clerk and a "
            "hospital in-house training program; {problem}. This route may be less common in "
            "the future."
        ),
    },
    "duplicate-id": {
        "severity": "error",
        "message": 'The id "{id}" is used by an earlier item too; ids must be unique.',
    },
    "unknown-reference": {
        "severity": "error",
        "message": '{field} names "{value}", which {what}.',
    },
    "bad-term": {
        "severity": "error",
        "message": (
            "{field} is {value}, which is not a term; write it as YYYY-spring, YYYY-summer or YYYY-fall."
        ),
    },
    "end-before-start": {
        "severity": "error",
        "message": "It ends in {end}, before it starts in {start}.",
    },
    "after-not-respected": {
        "severity": "error",
        "message": 'It starts in {start}, but it waits for "{other}", which ends in {end}.',
    },
    "dependency-cycle": {
        "severity": "error",
        "message": "These items wait for each other in a circle: {cycle}.",
    },
    "bad-value": {"severity": "error", "message": "{problem}"},
    "approval-outdated": {
        "severity": "warning",
        "message": (
            "The approval by {by} on {date} no longer matches: the plan has changed since it was signed."
        ),
    },
    "waiver-stale": {
        "severity": "warning",
        "message": "The waiver of {rule} by {by} no longer matches any diagnostic; it can be removed.",
    },
}


PACK = {
    "id": "hit-2008",
    "title": "The seed's requirements (the source text, about 2008)",
    "as_of": "2008",
    "vocabulary": VOCABULARY,
    "parameters": PARAMETERS,
    "milestones": MILESTONES,
    "specialisations": SPECIALISATIONS,
    "steps": STEPS,
    "goals": GOALS,
    "rules": RULES,
    "sources": {},
}
"""The whole pack, as a pack file's tables hold it."""
