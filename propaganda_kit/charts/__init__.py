"""Matplotlib figures, one module per subject, in one style (``style.py``); never pyplot."""
