"""Bytes → text: which encoding a user's table is in, and how its fields are separated.

UTF-8 is checked over the whole file, not a sample (a Windows-1251 file whose first megabyte
is ASCII is still Windows-1251). Single-byte files are told apart by their letters: every
non-ASCII byte of the whole file is read in each Cyrillic code page, and the reading whose
letters look most like Russian wins — the share of bytes that become Russian letters, how
common those letters are in Russian text, and the share of capitals (KOI8-R read as
Windows-1251 swaps the case of every letter; CP866 read as Windows-1251 gives Serbian and
Macedonian letters and punctuation).
"""

from __future__ import annotations

import csv
import math
import re

from atlas.uploads._errors import UploadError

# Russian letter frequencies in per cent (a standard corpus table; ё counted apart)
RUSSIAN_LETTER_PERCENT = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04,
}
_LOG_FREQ = {k: math.log(v / 100.0) for k, v in RUSSIAN_LETTER_PERCENT.items()}
CYRILLIC_PAGES = ("cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic")  # most common first
LATIN_PAGES = ("cp1252",)
LABELS = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8 (BOM)", "utf_16": "UTF-16", "utf_16_le": "UTF-16 LE",
          "utf_16_be": "UTF-16 BE", "utf_32": "UTF-32", "cp1251": "Windows-1251", "koi8_r": "KOI8-R",
          "cp866": "CP866 (DOS)", "mac_cyrillic": "Mac Cyrillic", "iso8859_5": "ISO-8859-5",
          "cp1252": "Windows-1252", "iso8859_1": "ISO-8859-1", "ascii": "ASCII"}
_ASCII = bytes(range(128))


def encoding_label(enc: str) -> str:
    return LABELS.get(enc, enc)


def russian_score(text: str) -> float:
    """How Russian the non-ASCII characters of ``text`` look (higher is more Russian)."""
    if not text:
        return float("-inf")
    letters = [c for c in text if c in _LOG_FREQ or c.lower() in _LOG_FREQ]
    if not letters:
        return float("-inf")
    share = len(letters) / len(text)
    caps = sum(c.isupper() for c in letters) / len(letters)
    typical = sum(_LOG_FREQ[c.lower()] for c in letters) / len(letters)  # about −3.3 for Russian
    return 10.0 * share + typical - (4.0 * (caps - 0.5) if caps > 0.5 else 0.0)


_MIXED_SCRIPT = re.compile(r"(?<=[A-Za-z])[А-яЁё]|[А-яЁё](?=[A-Za-z])")
_CYRILLIC = re.compile(r"[А-яЁё]")


def _inside_latin_words(text: str) -> bool:
    """Most Cyrillic letters sit inside Latin words (``Mьnchen``): a Western file, not Russian."""
    cyrillic = len(_CYRILLIC.findall(text))
    return cyrillic > 0 and len(_MIXED_SCRIPT.findall(text)) * 2 > cyrillic


# how much rarer a code page is than Windows-1251, as a small handicap that settles near-ties
PAGE_PRIOR = {"cp1251": 0.0, "koi8_r": 0.1, "cp866": 0.2, "iso8859_5": 1.0, "mac_cyrillic": 1.0}
_CAPITAL_INSIDE = re.compile(r"[а-яё][А-ЯЁ]")


def _single_byte(data: bytes) -> str:
    high = data.translate(None, _ASCII)  # only the bytes whose reading differs between pages
    best, best_score = None, float("-inf")
    for enc in CYRILLIC_PAGES:
        try:
            text = data.decode(enc)
            score = russian_score(high.decode(enc)) - PAGE_PRIOR[enc]
        except UnicodeDecodeError:
            continue
        # Russian words do not have a capital after a small letter (``юРЦЮ``)
        score -= 5.0 * len(_CAPITAL_INSIDE.findall(text)) / max(len(high), 1)
        if score > best_score:
            best, best_score = enc, score
    if best is not None and best_score > 10.0 * 0.8 - 5.0 and not _inside_latin_words(data.decode(best)):
        return best
    for enc in LATIN_PAGES:
        try:
            high.decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    if best is not None:
        return best
    raise UploadError("decode")


def detect_encoding(data: bytes) -> str:
    """The text encoding of ``data`` (a Python codec name)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf_8_sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf_32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf_16"
    head = data[:4096]
    if b"\x00" in head:  # UTF-16/32 without a byte-order mark
        from charset_normalizer import from_bytes

        match = from_bytes(data[: 1 << 20], cp_isolation=["utf_16_le", "utf_16_be", "utf_32"]).best()
        if match is None:
            raise UploadError("decode")
        return match.encoding
    try:
        data.decode("utf-8")
        return "utf_8"
    except UnicodeDecodeError:
        pass
    return _single_byte(data)


def sniff_sep(text_head: str) -> str:
    """The field separator: the candidate that splits the first lines (quotes respected) into
    the same number of fields, at least two, most often; ties go to the order , ; tab |."""
    lines = text_head.splitlines()[:50]
    if len(text_head) >= 65536 and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut
    best, best_score = ",", (-1, 0)
    for sep in (",", ";", "\t", "|"):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=sep) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        score = (sum(c == counts[0] for c in counts), counts[0])
        if score > best_score:
            best, best_score = sep, score
    return best


def count_rows(data: bytes, enc: str) -> int:
    nl = "\n".encode(enc.replace("_sig", ""))
    if nl.startswith(b"\xff\xfe") or nl.startswith(b"\xfe\xff"):  # utf-16 with BOM from encode
        nl = nl[2:]
    return data.count(nl)
