"""planner: a terminal career planner for medical records and health information technicians."""

__version__ = "0.1.0"
