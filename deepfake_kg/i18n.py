"""The user-facing text of the package and the explorer in English and Simplified Chinese, by gettext catalogues
(Babel), and Chinese collation (pinyin order, by pypinyin).

How to mark a string (English is the source language; the catalogue is deepfake_kg/locale/zh/LC_MESSAGES/messages.po):

    from deepfake_kg.i18n import _, N_, ngettext
    raise UnknownResource(_("The graph holds no resource {text!r}.").format(text=text))   # translated now
    STATUS = N_("in force")      # a constant: only marked here, translated where it is shown: _(STATUS)
    ngettext("{n} duty", "{n} duties", n).format(n=n)

Placeholders are named (`{text}`), so that a translation may put them in another order. The explorer marks its
strings with its own `_` (ui/dfkui/i18n.py), which passes the visitor's language; the package's `_` uses the
language set by `use_language` (the CLI leaves it English). After marking, run `scripts/i18n` to add the new
strings to the catalogue, then translate them there; tests/test_i18n.py fails while a marked string has no
translation.

Why .po in git and no .mo: the .po file is the source a translator edits; the compiled form is derived, so it
is compiled in memory on first use (Babel, a few milliseconds), never stale and never committed.
"""
from __future__ import annotations

import io
import re
import unicodedata
from contextvars import ContextVar
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
LANGUAGES = {"en": "English", "zh": "中文"}
SOURCE_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("deepfake_kg_language", default=SOURCE_LANGUAGE)


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (English: the identity). Fuzzy entries are left out: a translation a
    translator has not confirmed is not shown."""
    if lang == SOURCE_LANGUAGE or lang not in LANGUAGES:
        return NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def use_language(lang: str) -> None:
    """The language of the package's messages from now on in this thread (or task); unknown: English."""
    _language.set(lang if lang in LANGUAGES else SOURCE_LANGUAGE)


def current_language() -> str:
    return _language.get()


def gettext(message: str, lang: str | None = None) -> str:
    return translations(lang or _language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or _language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """A translation that depends on where the word stands (e.g. "status" as a column or as a filter)."""
    return translations(lang or _language.get()).pgettext(context, message)


_ = gettext


def N_(message: str) -> str:
    """Marks a string for the catalogue without translating it (module-level constants)."""
    return message


# ---------------------------------------------------------------- collation

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    # TONE3 ("zhong1"): the dictionary order of Chinese — by syllable, then tone.
    return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda chars: [chars])


def _natural(parts: list[str]) -> list:
    key = []
    for part in parts:
        for piece in re.split(r"(\d+)", part):
            if piece:
                key.append((0, int(piece), "") if piece.isdigit() else (1, 0, _fold(piece)))
    return key


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).casefold()


def collation_key(text: str, lang: str = SOURCE_LANGUAGE):
    """A sort key for `text` as a reader of `lang` expects: English case-insensitive with numbers in number order
    ('Article 9' before 'Article 10'); Chinese by pinyin (syllable, then tone), with names that have Chinese
    characters before those that have none (English fallbacks), so a Chinese list does not open with English."""
    if lang != "zh":
        return (0, _natural([text]), text)
    if _HAN.search(text):
        return (0, _natural(_pinyin(text)), text)
    return (1, _natural([text]), text)


def sorted_for(items, lang: str = SOURCE_LANGUAGE, key=lambda item: item):
    return sorted(items, key=lambda item: collation_key(key(item), lang))


# ---------------------------------------------------------------- names from the graph

GRAPH_LANGUAGE = {"en": "en", "zh": "zh-Hans"}  # the language tags of rdfs:label in the data


def graph_label(graph, node, lang: str = SOURCE_LANGUAGE) -> tuple[str, str]:
    """A resource's rdfs:label for a reader of `lang`, and the language it is really in ('en' where the graph has
    no label in `lang`, '' where it has no label at all and the IRI's local name stands in), so that a page can
    mark a name that is not in the reader's language."""
    from rdflib.namespace import RDFS

    labels = {}
    for value in graph.objects(node, RDFS.label):
        tag = (getattr(value, "language", None) or "").lower()
        labels.setdefault(tag, str(value))
    wanted = GRAPH_LANGUAGE.get(lang, lang).lower()
    for tag, text in labels.items():  # zh-Hans, and plain zh where the data has no script subtag
        if tag == wanted or (lang == "zh" and tag in ("zh", "zh-cn")):
            return text, lang
    for tag in ("en", ""):
        if tag in labels:
            return labels[tag], "en"
    if labels:
        return next(iter(labels.values())), ""
    return re.split(r"[#/]", str(node))[-1], ""
