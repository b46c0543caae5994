"""The source paper's text, when a user has it: its edition (SHA-256), where a quotation sits in it, its sections.

The project ships only the short quotations it cites; the paper itself stays outside the repository (`paths.paper_file`).
Quotations match the paper the way ../shared/tools/check_quotes.py matches them: differences of white space and of
straight versus typographic quote marks are ignored, nothing else. Offsets count Unicode code points of the file's
text exactly as stored (no newline translation), as the W3C TextPositionSelector asks.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import KGError

NOT_CHECKED = ("quotations not checked: the paper is not in the repository; pass --paper FILE "
               "or set DEEPFAKE_KG_PAPER=FILE (the paper's plain text) to check every quotation, offset and section.")
_DOUBLE = "\"\u201c\u201d\u201e\u2033"
_SINGLE = "'\u2018\u2019\u2032"


def normalise(text: str) -> str:
    """The comparison ../shared/tools/check_quotes.py makes: white space and quote-mark style only."""
    text = re.sub(f"[{_DOUBLE[1:]}]", '"', text)
    text = re.sub(f"[{_SINGLE[1:]}]", "'", text)
    return re.sub(r"\s+", " ", text).strip()


def _pattern(quote: str) -> re.Pattern:
    """A regular expression that finds `quote` in the raw text as `normalise` would."""
    parts = []
    for char in normalise(quote):
        if char == " ":
            parts.append(r"\s+")
        elif char == '"':
            parts.append(f"[{_DOUBLE}]")
        elif char == "'":
            parts.append(f"[{_SINGLE}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


@dataclass(frozen=True)
class Paper:
    path: Path
    text: str = field(repr=False)
    sha256: str

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    def contains(self, quote: str) -> bool:
        return normalise(quote) in self.normalised

    def spans(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) at which `quote` occurs in the text, in code points, end exclusive."""
        if not normalise(quote):
            return []
        return [(m.start(), m.end()) for m in _pattern(quote).finditer(self.text)]

    def context(self, start: int, end: int, width: int = 32) -> tuple[str, str]:
        """The prefix and suffix of a span for a TextQuoteSelector: up to `width` characters either side, white
        space collapsed (the selector is matched the normalised way)."""
        before = re.sub(r"\s+", " ", self.text[max(0, start - width * 2):start])[-width:]
        after = re.sub(r"\s+", " ", self.text[end:end + width * 2])[:width]
        return before, after

    def section_spans(self, headings: dict[str, str]) -> dict[str, tuple[int, int]]:
        """Where each section lies in the text, from its heading to the next heading that is not inside it.
        `headings` maps a section number ("3.1", "abstract", "references") to its heading ("3.1. …", "Abstract")."""
        found: list[tuple[int, str]] = []
        offset = 0
        for line in self.text.splitlines(keepends=True):
            flat = normalise(line)
            for number, heading in headings.items():
                wanted = normalise(heading)
                if flat == wanted or flat.startswith(wanted + ". "):  # "Abstract. Online platforms …"
                    found.append((offset, number))
            offset += len(line)
        found.sort()
        spans = {}
        for i, (start, number) in enumerate(found):
            end = next((s for s, n in found[i + 1:] if not _inside(n, number)), len(self.text))
            spans[number] = (start, end)
        return spans


def _inside(number: str, parent: str) -> bool:
    return number.startswith(parent + ".")


def read_paper(path: Path) -> Paper:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KGError(f"{path} is not UTF-8 text: give the paper's plain text.") from None
    return Paper(Path(path), text, hashlib.sha256(data).hexdigest())
