"""Instructor tools: grading, building the student exercises, the command line (``cli.py``)."""
