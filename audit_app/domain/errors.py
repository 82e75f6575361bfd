"""Errors the user can act on, shared by every layer."""


class UserError(Exception):
    """A problem the user caused or can fix; shown as a message, never as a traceback."""


class NotFoundError(UserError):
    """A named thing (round, checklist, case) does not exist."""


class ConflictError(UserError):
    """The action would duplicate or contradict something already stored."""
