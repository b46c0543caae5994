"""Sentences the package says about the graph (an explanation's steps), kept as a template and its values, so that
each reader gets them in their own language: the template through the catalogue (deepfake_kg/i18n.py), the names
of resources from the graph's labels in that language (marked where the graph has none), the package's own words
(a status, an extent) through the catalogue, and identifiers, dates and text quoted from the data as they are.

    sentence = Sentence(N_("Every {sub} is {sup}."), {"sub": name(g, a), "sup": name(g, b, article=True)})
    sentence.text("en")  # 'Every video-sharing platform is an online platform.'
    sentence.text("zh")  # '每个视频分享平台都是网络平台。'

A page that shows a sentence as HTML passes its own way of showing a name (`text(lang, show=…)`), so that a name
without a Chinese label carries the page's visible mark and its `lang` attribute.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Union

from .i18n import N_, gettext
from .i18n import graph_label as _graph_label

NO_CHINESE_MARK = "[EN]"  # after an English name on a Chinese page: the graph has no Chinese label for it


@dataclass(frozen=True)
class Name:
    """A resource named in a sentence: its IRI and its labels (`zh` empty where the graph has no Chinese label).
    `article`: English puts "a"/"an" before it ("is an online platform"); Chinese has no article."""
    iri: str
    en: str
    zh: str = ""
    article: bool = False

    def label(self, lang: str) -> tuple[str, str]:
        """The label for a reader of `lang` and the language it is really in."""
        if lang == "zh" and self.zh:
            return self.zh, "zh"
        return self.en, "en"

    def article_before(self, lang: str) -> str:
        """What goes before the name in `lang`: "a " or "an " in English where the sentence wants one, else ""."""
        if not self.article or lang != "en":
            return ""
        return with_article(self.en)[: -len(self.en)]


@dataclass(frozen=True)
class Word:
    """A word of the package's own vocabulary (a status such as "in force", an extent), marked with N_ where it is
    defined and translated when the sentence is said."""
    text: str


@dataclass(frozen=True)
class Quoted:
    """Text taken from the data as it is written (a research note in English): never translated, marked with its
    language where it is shown."""
    text: str
    lang: str = "en"


@dataclass(frozen=True)
class Both:
    """Two or more values said as one ("A and B"; Chinese "A和B")."""
    parts: tuple


@dataclass(frozen=True)
class Listed:
    """Values said one after the other ("A; B"; Chinese "A；B")."""
    parts: tuple


Value = Union[Name, Word, Quoted, Both, Listed, str]  # a str: an identifier or a date, the same in every language


def plain_name(name: Name, lang: str) -> str:
    """A name as plain text: its label in `lang`, else the English one marked [EN]; in English with its article."""
    text, text_lang = name.label(lang)
    if lang != "en" and text_lang != lang:
        return f"{text} {NO_CHINESE_MARK}"
    return name.article_before(lang) + text


def plain_quote(quoted: Quoted, lang: str) -> str:
    return quoted.text


def with_article(noun: str) -> str:
    """English: "a" or "an" before a noun (by its first letter: the labels of this graph have no "an hour")."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


@dataclass
class Sentence:
    template: str  # the English source, with named placeholders: a msgid of the catalogue
    values: dict[str, Value] = field(default_factory=dict)

    def text(self, lang: str = "en", show: Callable[[Name, str], str] = plain_name,
             quote: Callable[[Quoted, str], str] = plain_quote, literal: Callable[[str], str] = str) -> str:
        """The sentence for a reader of `lang`. `show`, `quote` and `literal` turn a name, a quotation and anything
        else (the template's own words included) into the output's form: plain text by default, HTML for a page
        (which then escapes in `literal`)."""
        def say(value) -> str:
            if isinstance(value, Name):
                return show(value, lang)
            if isinstance(value, Quoted):
                return quote(value, lang)
            if isinstance(value, Word):
                return literal(gettext(value.text, lang))
            if isinstance(value, (Both, Listed)):
                joiner = literal(gettext(N_("{left} and {right}") if isinstance(value, Both) else N_("{left}; {right}"), lang))
                said = [say(part) for part in value.parts]
                joined = said[0] if said else ""
                for part in said[1:]:
                    joined = joiner.format(left=joined, right=part)
                return joined
            return literal(str(value))

        return literal(gettext(self.template, lang)).format(**{key: say(v) for key, v in self.values.items()})


def name(graph, node, article: bool = False) -> Name:
    """A resource of `graph` as a Name, with its English and (where the graph has one) Chinese label."""
    from .terms import label

    zh, zh_lang = _graph_label(graph, node, "zh")
    en = label(graph, node, "en")  # the English every answer names it by (terms.label), so the CLI's text is unchanged
    return Name(str(node), en, zh if zh_lang == "zh" else "", article)
