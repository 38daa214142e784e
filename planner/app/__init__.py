"""The Textual app (`planner PLAN`): screens and widgets that show what `planner.core` decides.

Nothing here decides a rule or an edit: the core does (validate, nextsteps, edits, review); the
app turns keys into core calls and draws the results. Import it only where the app runs, so that
the command line's other commands never pay for Textual.
"""
