"""What the kit measures, the same way for every document: loaded language, techniques,
claims, naming, rates and intervals, provenance, voices, agreement, evaluation, rewrites."""
