"""SPARQL syntax errors in words a reader of the query understands.

rdflib's parser (pyparsing) reports the grammar rule it backed out of — "Expected SelectQuery" — which names
no token. The exception also carries the element that failed furthest in (`parser_element`: a '}' still
missing, the keyword AS, the end of the query), and the position; this module names that element in words and
quotes what was found there instead.
"""
from __future__ import annotations

import re

from pyparsing import ParseException

from .i18n import N_, _

_QUERY_FORMS = N_("a query form: SELECT, CONSTRUCT, DESCRIBE or ASK (after any PREFIX and BASE lines)")
_PUNCTUATION = {
    "}": N_("a closing brace “{token}”"), "{": N_("an opening brace “{token}”"), ")": N_("a closing parenthesis “)”"),
    "(": N_("an opening parenthesis “(”"), "]": N_("a closing bracket “]”"), "[": N_("an opening bracket “[”"),
    ".": N_("a full stop “.” between triple patterns"), ",": N_("a comma “,”"), ";": N_("a semicolon “;”"),
    "?": N_("a variable such as ?x (or * for all variables)"), ":": N_("a colon “:” after the prefix name"),
    "<": N_("an IRI in angle brackets, e.g. <https://example.org/>"),
}
_RULES = {  # rdflib rule names that can surface as the failing element
    "SelectQuery": _QUERY_FORMS, "ConstructQuery": _QUERY_FORMS, "DescribeQuery": _QUERY_FORMS,
    "AskQuery": _QUERY_FORMS, "PNAME_NS": N_("a prefix name ending in a colon, e.g. dfk:"),
    "IRIREF": N_("an IRI in angle brackets, e.g. <https://example.org/>"), "Var": N_("a variable such as ?x"),
    "VAR1": N_("a variable such as ?x"), "GroupGraphPattern": N_("a group of patterns in braces {{ … }}"),
    "TriplesBlock": N_("a triple pattern (subject predicate object)"), "Expression": N_("an expression"),
    "INTEGER": N_("a whole number"),
}


def expected_in_words(element: object) -> str:
    """What the parser wanted, as a phrase: "a closing brace “}”", "the keyword AS", "the end of the query"."""
    text = str(element).strip()
    if text == "end of text" or type(element).__name__ == "StringEnd":
        return _("the end of the query")
    if text.startswith("{") and "Query" in text:  # {SelectQuery | ConstructQuery | …}
        return _(_QUERY_FORMS)
    quoted = re.fullmatch(r"'(.+)'", text)
    if quoted:
        token = quoted.group(1)
        if token in _PUNCTUATION:  # other tokens (“*”, “=”) need no words
            return _(_PUNCTUATION[token]).format(token=token)
        if token.upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            return _(_QUERY_FORMS)
        return _("the keyword {keyword}").format(keyword=token.upper()) if token.isalpha() else f"“{token}”"
    name = re.sub(r"\W", "", text)
    return _(_RULES[name]).format() if name in _RULES else f"“{text}”"


def found_in_words(text: str, loc: int) -> str:
    rest = text[loc:].strip()
    if not rest:
        return _("the end of the query")
    snippet = rest.splitlines()[0]
    return f"“{snippet[:30]}{'…' if len(snippet) > 30 else ''}”"


def syntax_error(text: str, error: ParseException) -> str:
    """One sentence: where, what was expected (in words), what was found instead — and a hint for the commonest
    slips: an unclosed or extra bracket, a keyword misspelt at the end, a PREFIX line without its colon."""
    found = found_in_words(text, error.loc)
    if error.parser_element is not None and expected_in_words(error.parser_element) == _("the end of the query"):
        message = _("the query should end here but goes on with {found}").format(found=found)
    else:
        expected = expected_in_words(error.parser_element) if error.parser_element is not None else _("something else")
        message = _("expected {expected} but found {found}").format(expected=expected, found=found)
    return _("SPARQL syntax error at line {line}, column {column}: {message}.").format(
        line=error.lineno, column=error.col, message=message) + _hint(text)


def _hint(text: str) -> str:
    if re.search(r"(?im)^\s*PREFIX\s+[\w-]*\s+<", text):
        return " " + _("A PREFIX line needs a colon after the prefix name: PREFIX dfk: <…>.")
    if re.search(r"(?i)\b(ORDER|GROUP)\s+(?!BY\b)[?$(A-Z]", text):
        return " " + _("ORDER and GROUP are followed by BY: ORDER BY ?x.")
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*', " ", text)  # strings, IRIs, comments
    for opening, closing in (("{", "}"), ("(", ")"), ("[", "]")):
        balance = code.count(opening) - code.count(closing)
        if balance > 0:
            return " " + _("An opening “{bracket}” is never closed.").format(bracket=opening)
        if balance < 0:
            return " " + _("There is a closing “{bracket}” too many.").format(bracket=closing)
    if code.count('"') % 2 or code.count("'") % 2:
        return " " + _("A quoted string is never closed.")
    return ""
