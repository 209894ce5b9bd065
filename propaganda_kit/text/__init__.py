"""The bottom layer: spans, the one definition of a word, input checks, ids and the kit's errors."""
