"""The core: plan model, terms, requirements catalog, validation, next steps and storage.

Nothing here imports Textual or any terminal library (tests/unit/test_import_hygiene.py).
"""
