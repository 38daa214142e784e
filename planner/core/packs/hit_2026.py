"""The `hit-2026` rule pack: the seed's requirements with the changes the career has seen since.

This module is data, and only data: the changes to `hit-2008` (packs/merge.py applies them),
in the same tables a pack file holds. Every id of `hit-2008` stays valid. Each source names the
public page it was read from, its publisher, its address, the date it was read and the fact the
pack takes from it, in the pack's own words. Where a page says something other than the spec
(rule-packs.md), the page wins; the README ("hit-2026 and its sources") lists those places.
"""

READ = "2026-12-01"
"""When the pages were read (the stored copies carry no crawl date of their own)."""

SOURCES = {
    "ahima-rhit": {
        "publisher": "AHIMA (American Health Information Management Association)",
        "title": "Registered Health Information Technician (RHIT®)",
        "url": "https://cms-qa.ahima.org/certification-careers/certification-exams/rhit",
        "read": READ,
        "fact": (
            "To sit the RHIT exam you complete the associate-level requirements of a "
            "CAHIIM-accredited HIM program (or a foreign program under a reciprocity agreement "
            "with AHIMA). Students of such programs may test early: those in their last term, "
            "those with the coursework done but not yet graduated, and graduates waiting for "
            "transcripts; early testing covers the RHIA exam too, and the program director "
            "verifies the application."
        ),
    },
    "ahima-rhia": {
        "publisher": "AHIMA (as summarised by the Open Exam Prep RHIA study guide)",
        "title": "HIM-Only Eligibility Routes (RHIA)",
        "url": (
            "https://open-exam-prep.com/study-guides/rhia/orientation-rhia-eligibility-application-"
            "fees-format-scoring-and-retakes/him-only-eligibility-routes"
        ),
        "read": READ,
        "fact": (
            "The RHIA exam is open to graduates of a CAHIIM-accredited bachelor's or master's HIM "
            "program, of a CAHIIM-approved post-bachelor's HIM certificate, or of a foreign HIM "
            "program under a reciprocity agreement; work experience alone is no route."
        ),
    },
    "ahima-ccs": {
        "publisher": "AHIMA",
        "title": "How to Achieve the CCS Certification",
        "url": "https://ahima.org/certification-careers/certifications-overview/ccs",
        "read": READ,
        "fact": (
            "A high-school diploma is the only requirement for the CCS exam. AHIMA recommends one "
            "of: coding coursework and one year of coding work; two years of coding work; the CCA "
            "and one year; another body's coding credential and one year; or the CCS-P, RHIT or "
            "RHIA held."
        ),
    },
    "ahima-chps": {
        "publisher": "AHIMA",
        "title": "Certified in Healthcare Privacy and Security (CHPS®)",
        "url": "https://cms-test.ahima.org/certification-careers/certification-exams/chps/",
        "read": READ,
        "fact": (
            "CHPS candidates need years of experience in health-care privacy or security "
            "management: 6 with a high-school diploma, 4 with an associate degree or the CCA, "
            "CCS, CCS-P or RHIT, 2 with a bachelor's degree or the RHIA, 1 with a master's or "
            "higher."
        ),
    },
    "ahima-recert": {
        "publisher": "AHIMA",
        "title": "Recertification",
        "url": "https://www.ahima.org/certification/Recertification",
        "read": READ,
        "fact": (
            "AHIMA credentials are renewed every two years, the first cycle starting when the "
            "exam is passed; one credential needs 20 CEUs a cycle for the RHIT, CCA and CCS and "
            "30 for the RHIA and CHPS (each further AHIMA credential adds 10, at most 50, and no "
            "CEU counts twice)."
        ),
    },
    "aapc-cpc": {
        "publisher": "AAPC",
        "title": "Complete your CPC® or COC® apprenticeship; Maintain your certification with CEUs",
        "url": "https://aapc.com/certifications/cpc/complete-your-cpc-apprenticeship",
        "read": READ,
        "fact": (
            "Passing the CPC without two years of coding experience gives the CPC-A; the A comes "
            "off with two years of experience, or one year with an 80-hour coding course or "
            "Practicode, or the course and Practicode together. One credential needs 36 CEUs "
            "every two years."
        ),
    },
    "ncra-ods": {
        "publisher": "NCRA (National Cancer Registrars Association), Council on Certification",
        "title": "Eligibility Requirements (ODS); Accredited Education Program; ODS Credential Maintenance",
        "url": "https://www.ncra-usa.org/ODS-Credential/Potential-ODS/Eligibility",
        "read": READ,
        "fact": (
            "The CTR credential became Oncology Data Specialist (ODS) from 2024-01-01. The ODS "
            "exam is open after an NCRA-accredited associate program, or an associate degree (or "
            "60 college credits) and an NCRA-accredited certificate program, each with its "
            "practicum; or after an associate degree (or 60 credits) with two semesters of human "
            "anatomy and physiology and 1,950 hours of cancer-registry work. ODS holders earn 20 "
            "CE hours every two years."
        ),
    },
}

MILESTONES = {
    "associate-hit": {"level": "associate"},
    "bachelor-hia": {"level": "bachelor"},
    "cca": {
        "kind": "credential",
        "name": "CCA credential",
        "description": "AHIMA's Certified Coding Associate.",
        "terms": 1,
        "source": "ahima-ccs",
        "counts_as": ["coding-certification"],
    },
    "ccs": {
        "kind": "credential",
        "name": "CCS credential",
        "description": "AHIMA's Certified Coding Specialist.",
        "terms": 1,
        "source": "ahima-ccs",
        "counts_as": ["coding-certification"],
    },
    "cpc": {
        "kind": "credential",
        "name": "CPC credential",
        "description": "AAPC's Certified Professional Coder (CPC-A, apprentice, until two years of experience).",
        "terms": 1,
        "source": "aapc-cpc",
        "counts_as": ["coding-certification"],
    },
    "rhia-exam": {
        "kind": "exam",
        "name": "RHIA exam",
        "description": "AHIMA's examination for Registered Health Information Administrators.",
        "terms": 1,
        "source": "ahima-rhia",
    },
    "rhia": {
        "kind": "credential",
        "name": "RHIA credential",
        "description": "Registered Health Information Administrator.",
        "terms": 1,
        "source": "ahima-rhia",
        "prerequisites": ["bachelor-hia", "rhia-exam"],
    },
    "cancer-registry-certification": {
        "name": "Oncology Data Specialist (ODS; CTR until 2024)",
        "description": "NCRA's Oncology Data Specialist credential, called Certified Tumor Registrar (CTR) until 2024.",
        "source": "P9, ncra-ods",
    },
    "cancer-registry-program": {
        "description": "A cancer registry certificate program; for the ODS exam, accredited by the NCRA (accredited_by).",
    },
    "continuing-education": {
        "description": "Continuing education that renews a credential (renews field), with the CEUs or CE hours it carries (units).",
    },
}

STEPS = {
    "ccs": {
        "milestone": "ccs",
        "fields": {"issuer": "AHIMA"},
        "reason": (
            "AHIMA's CCS shows coding mastery; AHIMA recommends it after RHIT or RHIA, or after "
            "two years of coding work."
        ),
        "source": "ahima-ccs",
    },
    "cancer-registry-program": {
        "milestone": "cancer-registry-program",
        "fields": {"accredited_by": "NCRA"},
        "reason": (
            "After an associate degree, an NCRA-accredited cancer registry certificate program "
            "with its practicum opens the ODS exam."
        ),
        "source": "ncra-ods",
    },
    "technician-chps": {
        "milestone": "health-information-technician",
        "experience": 12,
        "reason": (
            "CHPS asks four years of experience after the RHIT (the planner counts "
            "technician-level work, as it cannot tell privacy and security work apart)."
        ),
        "source": "ahima-chps",
    },
    "cancer-registry-certification": {
        "reason": "NCRA's Oncology Data Specialist (ODS) credential, called CTR until 2024.",
        "source": "P9, ncra-ods",
    },
}

GOALS = {
    "coding-specialist": {
        "path": ["associate-hit", "rhit-exam", "rhit", "technician", "ccs", "coding-specialist"],
    },
    "cancer-registrar": {
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician",
            "cancer-registry-program",
            "cancer-registry-certification",
            "cancer-registrar",
        ],
    },
    "privacy-security": {
        "path": [
            "associate-hit",
            "rhit-exam",
            "rhit",
            "technician-chps",
            "chps",
            "privacy-security-specialist",
        ],
    },
}

RULES = {
    "rhit-exam-needs-cahiim-associate": {
        "when": "by-start",
        "source": "P5, ahima-rhit",
        "message": (
            "The RHIT exam needs an associate degree accredited by CAHIIM, finished before the "
            "exam or in its last term (early testing); none is planned by then or completed."
        ),
    },
    "rhit-not-via-other-training": {
        "when": "by-start",
        "source": "P5, ahima-rhit",
    },
    "rhit-early-testing": {
        "kind": "in-last-term",
        "item": "rhit-exam",
        "of": "associate-hit",
        "accredited_by": "CAHIIM",
        "severity": "suggestion",
        "source": "ahima-rhit",
        "message": (
            "The exam is in the last term of the degree: apply for AHIMA's early testing, with "
            "the program director's verification (students in their last term, or with the "
            "coursework done, may test early)."
        ),
    },
    "rhia-exam-needs-cahiim-bachelor": {
        "kind": "needs-before",
        "item": "rhia-exam",
        "needs": "bachelor-hia",
        "accredited_by": "CAHIIM",
        "when": "by-start",
        "severity": "error",
        "source": "ahima-rhia",
        "message": (
            "The RHIA exam needs a bachelor's in health information administration accredited "
            "by CAHIIM, finished before the exam or in its last term (early testing); none is "
            "planned by then or completed."
        ),
    },
    "rhia-early-testing": {
        "kind": "in-last-term",
        "item": "rhia-exam",
        "of": "bachelor-hia",
        "accredited_by": "CAHIIM",
        "severity": "suggestion",
        "source": "ahima-rhit",
        "message": (
            "The exam is in the last term of the degree: apply for AHIMA's early testing, with "
            "the program director's verification (it covers the RHIA exam as it does the RHIT)."
        ),
    },
    "rhia-needs-exam": {
        "kind": "needs-before",
        "item": "rhia",
        "needs": "rhia-exam",
        "severity": "error",
        "source": "ahima-rhia",
        "message": (
            "The RHIA credential needs the RHIA exam passed before it; no exam is planned before "
            "it or completed."
        ),
    },
    "ccs-preparation": {
        "kind": "experience-before",
        "item": "ccs",
        "jobs_rank": 1,
        "routes": [
            {"held": ["rhit", "rhia"], "terms": 0, "label": "RHIT or RHIA held"},
            {"held": ["cca", "cpc"], "terms": 3, "label": "the CCA or another body's coding credential"},
            {"done": "coding-certificate-program", "terms": 3, "label": "coding coursework"},
            {"terms": 6, "label": "coding work alone"},
        ],
        "severity": "suggestion",
        "source": "ahima-ccs",
        "message": (
            "AHIMA recommends, before the CCS, the RHIT or RHIA held; or the CCA (or another "
            "body's coding credential) or coding coursework, and one year of coding work; or two "
            "years of coding work. The plan has {years} of technician-level work before it."
        ),
    },
    "cpc-apprentice": {
        "kind": "experience-before",
        "item": "cpc",
        "jobs_rank": 1,
        "terms": 6,
        "reached": "in {term}, if the plan's jobs continue",
        "unreached": "not within the plan, whose jobs do not reach two years",
        "severity": "suggestion",
        "source": "aapc-cpc",
        "message": (
            "With {years} of technician-level work before it, passing the CPC gives the CPC-A "
            "(apprentice). The A comes off after two years of coding work, {reached}; or sooner "
            "with one year and an 80-hour coding course or Practicode, or with both of those."
        ),
    },
    "chps-eligibility": {
        "kind": "experience-before",
        "item": "chps",
        "jobs_rank": 1,
        "routes": [
            {"degree": "master", "terms": 3, "label": "a master's degree"},
            {"degree": "bachelor", "terms": 6, "label": "a bachelor's degree"},
            {"held": "rhia", "terms": 6, "label": "the RHIA"},
            {"degree": "associate", "terms": 12, "label": "an associate degree"},
            {"held": ["rhit", "cca", "ccs"], "terms": 12, "label": "the RHIT, CCA or CCS"},
            {"terms": 18, "label": "a high-school diploma"},
        ],
        "severity": "error",
        "source": "ahima-chps",
        "message": (
            "CHPS asks, with {route}, {needed} of work in health-care privacy or security before "
            "it; the plan has {years} of technician-level work. AHIMA counts years in privacy or "
            "security work, which the plan cannot tell apart, so the planner counts "
            "technician-level jobs."
        ),
    },
    "ods-eligibility": {
        "kind": "experience-before",
        "item": "cancer-registry-certification",
        "jobs": ["cancer-registrar"],
        "routes": [
            {
                "done": "cancer-registry-program",
                "accredited_by": "NCRA",
                "degree": "associate",
                "terms": 0,
                "label": "an NCRA-accredited program after an associate degree",
            },
            {"degree": "associate", "terms": 3, "label": "an associate degree"},
        ],
        "severity": "error",
        "source": "ncra-ods",
        "message": (
            "The ODS exam needs, before it, an associate degree and an NCRA-accredited cancer "
            "registry program with its practicum, or an associate degree (with two semesters of "
            "anatomy and physiology) and one year of cancer-registry work; the plan has {years} "
            "as a cancer registrar. Intensive training alone does not make you eligible."
        ),
    },
    "credential-renewal": {
        "source": "P9, ahima-recert, aapc-cpc, ncra-ods",
        "message": (
            "The {credential} goes {terms} terms without continuing education that renews it "
            "({start} to {end}); {note}."
        ),
        "note": "credentials are renewed every two years with continuing education",
        "notes": {
            "rhit": "AHIMA renews the RHIT every two years, with 20 CEUs (ahima-recert)",
            "rhia": "AHIMA renews the RHIA every two years, with 30 CEUs (ahima-recert)",
            "chps": "AHIMA renews the CHPS every two years, with 30 CEUs (ahima-recert)",
            "cca": "AHIMA renews the CCA every two years, with 20 CEUs (ahima-recert)",
            "ccs": "AHIMA renews the CCS every two years, with 20 CEUs (ahima-recert)",
            "cpc": "AAPC renews the CPC every two years, with 36 CEUs (aapc-cpc)",
            "cancer-registry-certification": "NCRA renews the ODS every two years, with 20 CE hours (ncra-ods)",
            "coding-certification": "coding credentials are renewed every two years (ahima-recert, aapc-cpc)",
        },
    },
    "ceu-units": {
        "kind": "units-per-cycle",
        "units": {
            "rhit": 20,
            "rhia": 30,
            "chps": 30,
            "cca": 20,
            "ccs": 20,
            "cpc": 36,
            "cancer-registry-certification": 20,
        },
        "cite": {
            "rhit": "ahima-recert",
            "rhia": "ahima-recert",
            "chps": "ahima-recert",
            "cca": "ahima-recert",
            "ccs": "ahima-recert",
            "cpc": "aapc-cpc",
            "cancer-registry-certification": "ncra-ods",
        },
        "severity": "warning",
        "source": "ahima-recert, aapc-cpc, ncra-ods",
        "message": (
            "The continuing education renewing the {credential} from {start} to {end} carries "
            "{units} units; its two-year cycle asks {needed}."
        ),
    },
}

CHANGES = {
    "id": "hit-2026",
    "title": "The rules as they stand in 2026 (AHIMA, AAPC and NCRA pages)",
    "as_of": "2026-12",
    "sources": SOURCES,
    "milestones": MILESTONES,
    "steps": STEPS,
    "goals": GOALS,
    "rules": RULES,
}
"""The changes to hit-2008, as a pack file holding `extends = "hit-2008"` would give them."""
