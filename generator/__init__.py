"""Process handbook generator: YAML → model → rules → render → MkDocs."""

__version__ = "0.1.0"
