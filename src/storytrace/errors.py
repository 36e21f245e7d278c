"""storytrace's exceptions, one tree under :class:`StorytraceError`.

::

    StorytraceError
     ├── ConfigurationError   a setting or argument has a value storytrace cannot use
     ├── InputError           an input cannot be read at all (the run has nothing to work on)
     ├── StoreError           the SQLite store is missing, locked or from an unknown version
     └── NotFoundError        an article or story id that the store does not hold

Bad individual inputs are not errors: they become
:class:`storytrace.models.Rejected` records with a reason, and the run goes on.
"""

from __future__ import annotations


class StorytraceError(Exception):
    """Base class of every exception storytrace raises on purpose."""


class ConfigurationError(StorytraceError):
    """A setting or argument has a value storytrace cannot use."""


class InputError(StorytraceError):
    """No input could be read, so there is nothing to analyse."""


class StoreError(StorytraceError):
    """The SQLite store cannot be opened, read or written."""


class NotFoundError(StorytraceError):
    """An article or story id that the store does not hold."""
