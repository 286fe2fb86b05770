"""The one exception a build step raises for a failure it can explain."""


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""
