"""The one family of errors the generator raises on purpose.

Each message is meant for the user: it names the file and the reason, and says what to do where
that is not obvious. The CLI prints it on one line, without a traceback.
"""


class GeneratorError(Exception):
    """Base class: an expected failure with a user-facing message."""


class BadInput(GeneratorError):
    """One input file cannot be turned into a briefing; the build skips it and goes on."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(GeneratorError):
    """Arguments or configuration are wrong; nothing was changed (exit status 2)."""


class BuildError(GeneratorError):
    """The site could not be built; the previous docs/ and site/ were left as they were."""
