"""The rules a plan is checked against: structure, sharing, and those of the catalog."""
