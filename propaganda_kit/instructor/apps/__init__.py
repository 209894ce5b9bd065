"""One command group per module; each has ``register(commands)``, listed in ``cli.py``."""
