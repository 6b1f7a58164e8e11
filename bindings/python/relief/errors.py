"""Exceptions raised by relief."""

from __future__ import annotations

from typing import List, Sequence, Tuple

__all__ = ["ReliefError", "RuleError", "ProfileError"]


class ReliefError(Exception):
    """Base class of relief's errors."""


class RuleError(ReliefError):
    """A rule pack that does not load.

    ``diagnostics`` lists every error and warning (each with ``file``,
    ``line``, ``column``, ``message`` and ``severity``); ``str()`` is the text
    ``relief check`` prints for the pack.
    """

    def __init__(self, diagnostics: Sequence["object"], text: str) -> None:
        super().__init__(text)
        self.diagnostics: List["object"] = list(diagnostics)
        self.text = text

    def __str__(self) -> str:
        return self.text


class ProfileError(ReliefError, ValueError):
    """A profile with bad fields: ``errors`` lists every one as ``(field, message)``."""

    def __init__(self, errors: Sequence[Tuple[str, str]]) -> None:
        self.errors: List[Tuple[str, str]] = list(errors)
        super().__init__("\n".join(message for _, message in self.errors))

    @property
    def fields(self) -> List[str]:
        """The names of the bad fields, in the order of the profile."""
        return [field for field, _ in self.errors]
