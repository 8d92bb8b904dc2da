"""Characters that look like others, or like nothing: pure functions of text.

The act's texts are Cyrillic, typed on a keyboard; a text copied from a web page or a word
processor can bring characters that look right and are not: a Latin M in МВД, a no-break space,
a zero-width space, a soft hyphen, a letter and a combining accent in place of one letter. These
functions find them and name them (by their Unicode names), so a message can say what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Latin letters that look like Cyrillic ones (in the fonts people read the data in)
LATIN_TO_CYRILLIC = {
    **dict(zip("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ", strict=True)),  # І: Kazakh and Ukrainian
    **dict(zip("aceiopxy", "асеіорху", strict=True)),
}
CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in LATIN_TO_CYRILLIC.items()}
_DIGIT_LOOKALIKES = {"0": "О", "3": "З"}

_LATIN = "A-Za-z"
_CYRILLIC = "\u0400-\u04ff"
_WORD = re.compile(f"[{_LATIN}{_CYRILLIC}]+")
# a word mixing the two alphabets has a Latin letter beside a Cyrillic one somewhere
_MIXED = re.compile(f"[{_LATIN}][{_CYRILLIC}]|[{_CYRILLIC}][{_LATIN}]")

# Not flagged here: the ordinary space, and tab and line breaks (the whitespace check's)
_ALLOWED_CONTROLS = frozenset("\t\n\r")
_CONTROL_NAMES = {"\x85": "NEXT LINE (NEL)", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED"}


def character_name(character: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: the code point and its Unicode name."""
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "CONTROL CHARACTER")
    return f"U+{ord(character):04X} {name}"


def is_special(character: str) -> bool:
    """A character that is invisible, or looks like a space and is not one: format characters
    (zero-width, soft hyphen, bidirectional controls, byte-order mark), spaces other than the
    ordinary one (no-break, narrow no-break, en, em, ideographic, …), line and paragraph
    separators, and control characters other than tab and line breaks."""
    if character == " " or character in _ALLOWED_CONTROLS:
        return False
    return unicodedata.category(character) in ("Cf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn")


def special_characters(text: str) -> list[tuple[int, str]]:
    """Each special character of ``text`` with its index (see :func:`is_special`)."""
    if text.isprintable():  # the usual case: no format, separator or control character
        return []
    return [(i, c) for i, c in enumerate(text) if is_special(c)]


@dataclass(frozen=True)
class NotNfc:
    """Where a text first differs from its NFC form: ``written`` (from ``index``) is shown as
    ``composed``."""

    index: int
    written: str
    composed: str


def not_nfc(text: str) -> NotNfc | None:
    """The first place ``text`` is not in Unicode normal form NFC, if any."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return None
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        written = text[index:end]
        composed = unicodedata.normalize("NFC", written)
        if composed != written:
            return NotNfc(index, written, composed)
        index = end
    # NFC of the pieces equals the pieces, yet the whole differs (a reordering of marks)
    return NotNfc(0, text, unicodedata.normalize("NFC", text))  # pragma: no cover - defensive


@dataclass(frozen=True)
class MixedWord:
    """A word (a run of Latin and Cyrillic letters) that mixes the two alphabets."""

    start: int  # index of the word in the text
    word: str

    def letters(self, alphabet: str) -> list[tuple[int, str]]:
        """The word's letters of ``alphabet`` ("Latin" or "Cyrillic"), with 1-based positions."""
        pattern = re.compile(f"[{_LATIN if alphabet == 'Latin' else _CYRILLIC}]")
        return [(i + 1, c) for i, c in enumerate(self.word) if pattern.match(c)]


def mixed_words(text: str) -> list[MixedWord]:
    """The words of ``text`` that mix Latin and Cyrillic letters (``MВД``, ``Ministrу``)."""
    if text.isascii() or _MIXED.search(text) is None:
        return []
    return [
        MixedWord(match.start(), match.group())
        for match in _WORD.finditer(text)
        if _MIXED.search(match.group())
    ]


def describe_letters(word: MixedWord, foreign: str) -> str:
    """``the Latin letter M at position 1; the act writes Cyrillic М``: the letters of the
    ``foreign`` alphabet ("Latin" in a Russian text, "Cyrillic" in an English one), and the
    letters that look like them in the other."""
    letters = word.letters(foreign)
    twins = LATIN_TO_CYRILLIC if foreign == "Latin" else CYRILLIC_TO_LATIN
    native = "Cyrillic" if foreign == "Latin" else "Latin"
    which = " and ".join(f"{c} at position {n}" for n, c in letters)
    noun = "letter" if len(letters) == 1 else "letters"
    said = f"the {foreign} {noun} {which}"
    looks = [twins[c] for _, c in letters if c in twins]
    if len(looks) == len(letters):
        writer = "the act writes" if native == "Cyrillic" else "English is written in"
        said += f"; {writer} {native} {', '.join(looks)}"
    return said


def skeleton(code: str) -> str:
    """What ``code`` looks like on screen: Latin look-alikes (and 0, 3) read as the Cyrillic
    letters they resemble, in capitals, invisible characters dropped. Two codes with one
    skeleton cannot be told apart by reading."""
    seen = []
    for character in code:
        if is_special(character):
            continue
        upper = character.upper()
        seen.append(LATIN_TO_CYRILLIC.get(upper, _DIGIT_LOOKALIKES.get(upper, upper)))
    return "".join(seen)
