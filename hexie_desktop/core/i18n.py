"""Translation hook for user-facing text outside Qt.

Strings shown to people are written in Chinese and wrapped in ``_()`` so a catalogue
(``resources/translations``) can replace them later; until one is installed the
identity translation applies.
"""

from __future__ import annotations

import gettext

_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(translation: gettext.NullTranslations) -> None:
    """Use ``translation`` for every later call of :func:`_`."""
    global _translation
    _translation = translation


def _(text: str) -> str:
    """Return ``text`` translated into the installed language."""
    return _translation.gettext(text)
