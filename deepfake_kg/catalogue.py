"""Keeping the translation catalogue in step with the code (a developers' tool, Babel's extractor):

    python -m deepfake_kg.catalogue          # adds newly marked strings to every .po, marks vanished ones obsolete
    python -m deepfake_kg.catalogue --check  # lists marked strings without a translation; exit 1 if any

Strings are extracted from the package and from the explorer (ui/, in a source checkout) wherever they are marked
with `_`, `N_`, `ngettext` or `pgettext` (deepfake_kg/i18n.py says how).
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE, catalogue_path

PACKAGE = Path(__file__).resolve().parent
SOURCES = [PACKAGE, PACKAGE.parent / "ui"]
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
LOCALES = {"zh": "zh_Hans"}
HEADER = ("# The text of deepfake-kg (the package's messages and the explorer) in Simplified Chinese; MIT like the code.\n"
          "# Update with `python -m deepfake_kg.catalogue`, then translate the empty msgstr (deepfake_kg/i18n.py says how).")


def extract(sources: list[Path] = SOURCES) -> Catalog:
    """Every marked string of the code, with where it is used and the translator comments (`# i18n: …`)."""
    template = Catalog(project="deepfake-kg", domain=DOMAIN, fuzzy=False)
    root = PACKAGE.parent
    for source in sources:
        if not source.is_dir():
            continue
        for filename, lineno, message, comments, context in extract_from_dir(
                source, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=["i18n:"],
                strip_comment_tags=True):
            where = (str((source / filename).relative_to(root)), lineno)
            template.add(message, locations=[where], auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    path = catalogue_path(lang)
    if not path.exists():
        return Catalog(locale=LOCALES.get(lang, lang), domain=DOMAIN, project="deepfake-kg")
    with path.open("rb") as po:
        return read_po(po, locale=LOCALES.get(lang, lang))


def untranslated(lang: str, template: Catalog | None = None) -> list[str]:
    """Marked strings that `lang`'s catalogue does not translate (missing, empty or fuzzy)."""
    template = template or extract()
    catalog = read(lang)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found and isinstance(found.string, tuple) else ((found.string,) if found else ())
        if found is None or found.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update(lang: str, template: Catalog) -> None:
    catalog = read(lang)
    template.creation_date = catalog.creation_date  # the header changes only when the strings do
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.fuzzy = False
    catalog.project, catalog.version = "deepfake-kg", ""
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = "deepfake-kg contributors"
    catalog.header_comment = HEADER
    path = catalogue_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=120, sort_by_file=False, ignore_obsolete=True, include_previous=False)


def main(argv: list[str]) -> int:
    template = extract()
    targets = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
    if "--check" in argv:
        missing = {lang: untranslated(lang, template) for lang in targets}
        for lang, ids in missing.items():
            for message in ids:
                print(f"{lang}: untranslated: {message!r}")
        return 1 if any(missing.values()) else 0
    for lang in targets:
        update(lang, template)
        print(f"{catalogue_path(lang)}: {len(untranslated(lang, template))} strings to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
