"""How what people type is compared with the plan's names: pure functions of text.

People copy names out of documents and chats: invisible characters come along (a zero-width
space, a soft hyphen, a byte-order mark), spaces are non-breaking, and a Latin letter that looks
Cyrillic slips into a code typed on the wrong keyboard layout (``MТСЗН``: a Latin M). Each
function here takes such text and gives the form it is compared in.
"""

from __future__ import annotations

import unicodedata

from .characters import LATIN_TO_CYRILLIC, is_special

# Letters that look alike in the two alphabets, compared after case folding (an upper-case B
# typed for В folds to b): the look-alike tables of ``characters``, folded.
_TO_CYRILLIC = str.maketrans(
    {latin.casefold(): cyrillic.casefold() for latin, cyrillic in LATIN_TO_CYRILLIC.items()}
)
_TO_LATIN = str.maketrans(
    {cyrillic.casefold(): latin.casefold() for latin, cyrillic in LATIN_TO_CYRILLIC.items()}
)
_KAZAKH_I = str.maketrans("Ііӏ", "III")  # Kazakh/Ukrainian І in Roman numerals (III квартал)


def clean(text: str) -> str:
    """The text without invisible characters (format characters such as U+200B, U+00AD,
    U+FEFF), every kind of space read as a space, runs of spaces as one, no space at the ends."""
    if text.isprintable():
        # the usual case, read without a step a character: a printable text has no invisible
        # or special character, and no space but the ordinary one
        return " ".join(text.split())
    kept = []
    for char in text:
        if unicodedata.category(char) == "Cf":
            continue  # invisible: zero-width, soft hyphen, byte-order mark
        kept.append(" " if is_special(char) or char.isspace() else char)
    return " ".join("".join(kept).split())


def fold(text: str) -> str:
    """For matching: :func:`clean`, case-insensitive, with ё read as е."""
    return clean(text).casefold().replace("ё", "е")


def roman(text: str) -> str:
    """Kazakh and Ukrainian І (used for Roman numerals on Kazakh keyboards) read as Latin I."""
    return text.translate(_KAZAKH_I)


def has_cyrillic(text: str) -> bool:
    return any("а" <= char <= "я" or char in "ёЁ" or "А" <= char <= "Я" for char in text)


def has_latin(text: str) -> bool:
    return any("a" <= char.lower() <= "z" for char in text)


def readings(text: str) -> tuple[str, ...]:
    """The folded text and, when it mixes the alphabets, it read all in Cyrillic and all in
    Latin (only the letters that look alike change): ``MТСЗН`` → ``мтсзн``."""
    folded = fold(text)
    if not (has_cyrillic(folded) and has_latin(folded)):
        return (folded,)
    return folded, folded.translate(_TO_CYRILLIC), folded.translate(_TO_LATIN)
