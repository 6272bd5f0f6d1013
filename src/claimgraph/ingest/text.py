"""A same-length working copy of an article for the parser.

Left-over HTML (``< /p>``), entities (``&amp;``), non-breaking and zero-width spaces,
control characters, exotic quote marks (``„`` ``«`` ``»``), ALL-CAPS section headings
and hard-wrapped lines are all repaired *in place*: every replacement has exactly the
length of what it replaces, so an offset into the working copy is the same offset into
the text the user gave. No offset map is needed, and none can drift.
"""
from __future__ import annotations

import html
import re

from claimgraph.errors import InputError

_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?\s*/?\s*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f\r]")
_QUOTE_MAP = str.maketrans({"„": "“", "‟": "“", "«": "“", "»": "”", "‹": "‘", "›": "’",
                            "〝": "“", "〞": "”", "＂": '"'})
_DOUBLED_QUOTE = re.compile(r"''|``")  # typewriter-style quote marks, two characters each
_TERMINAL = tuple('.!?:;"”’\')]')


def _same_length(match: re.Match, replacement: str) -> str:
    n = match.end() - match.start()
    return (replacement + " " * n)[:n]


def _unescape_entity(match: re.Match) -> str:
    char = html.unescape(match.group(0))
    if len(char) != 1 or char == match.group(0):
        return match.group(0)
    if char in "\u00a0\u200b":
        char = " "
    return _same_length(match, char)


def is_heading(line: str) -> bool:
    """An ALL-CAPS line of a few words with no final full stop: a section heading."""
    stripped = line.strip()
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) < 4 or len(stripped) > 120:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper / len(letters) > 0.9 and not stripped.endswith((".", ",", ";"))


def _title_case(line: str) -> str:
    out = []
    prev_alpha = False
    for c in line:
        new = c.upper() if not prev_alpha else c.lower()
        out.append(new if len(new) == 1 else c)
        prev_alpha = c.isalpha() or c in "'’"
    return "".join(out)


def _join_wrapped_lines(text: str) -> str:
    """Turn single newlines that only wrap a paragraph into spaces.

    A text with blank lines between paragraphs marks paragraphs that way, so its single
    newlines are wraps unless the line ends a sentence and the next starts a new one.
    In a text without blank lines, a newline is a wrap only when the line stops
    mid-sentence and the next line goes on in lower case.
    """
    if "\n" not in text:
        return text
    blank_lines = "\n\n" in text or re.search(r"\n[ \t]+\n", text) is not None
    chars = list(text)
    for m in re.finditer(r"(?<=[^\n])\n(?=[^\n])", text):
        i = m.start()
        line_start = text.rfind("\n", 0, i) + 1
        prev_line = text[line_start:i].rstrip()
        nxt = text[i + 1:i + 2]
        if not prev_line or is_heading(prev_line):
            continue
        next_end = text.find("\n", i + 1)
        if is_heading(text[i + 1: next_end if next_end != -1 else len(text)]):
            continue
        ends_sentence = prev_line.endswith(_TERMINAL)
        if blank_lines:
            wrap = not (ends_sentence and (nxt.isupper() or not nxt.isalpha()))
        else:
            wrap = not ends_sentence and nxt.islower()
        if wrap:
            chars[i] = " "
    return "".join(chars)


def normalise(text: str) -> str:
    """The parser's working copy of ``text``: same length, same offsets, cleaner."""
    work = _TAG.sub(lambda m: _same_length(m, ""), text)
    work = _ENTITY.sub(_unescape_entity, work)
    work = _ODD_SPACE.sub(" ", work)
    work = _INVISIBLE.sub(" ", work)
    work = work.translate(_QUOTE_MAP)
    work = _DOUBLED_QUOTE.sub('""', work)
    work = _join_wrapped_lines(work)
    lines = work.split("\n")
    work = "\n".join(_title_case(line) if is_heading(line) else line for line in lines)
    assert len(work) == len(text)
    return work


# --------------------------------------------------------------------------- bytes → text

class IngestError(InputError):
    """An input that cannot become article text: ``IngestError(code, message)``, the code
    from :data:`claimgraph.errors.CODES`, the message one clear line."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start (and no UTF-16/32 byte-order mark): not a text file."""
    head = data[:_SNIFF]
    return b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS)


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: UTF-8 (or the byte-order mark's encoding, or ``encoding``).

    Raises :class:`IngestError` with a one-line reason for binary data and for bytes that
    are not valid in the encoding; nothing is ever guessed silently.
    """
    if encoding is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding = name
                break
    if encoding is None and looks_binary(data):
        raise IngestError("input.binary", "binary data (NUL bytes), not a text file")
    try:
        text = data.decode(encoding or "utf-8")
    except LookupError:
        raise IngestError("input.bad_encoding", f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as err:
        bad = data[err.start:err.start + 1].hex().upper()
        hint = ("; convert it to UTF-8 (iconv -f cp1252 -t utf-8) or pass --encoding cp1252"
                if encoding is None else "")
        utf8 = (encoding or "utf-8").lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")
        code = "input.not_utf8" if utf8 else "input.bad_encoding"
        raise IngestError(code, f"not {encoding or 'UTF-8'} text (byte 0x{bad} at offset "
                          f"{err.start}){hint}") from None
    sample = text[:_SNIFF]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise IngestError("input.binary", "binary data (control characters), not a text file")
    return text
