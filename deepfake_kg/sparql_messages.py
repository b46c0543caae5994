"""SPARQL syntax errors in words a reader of the query understands.

rdflib's parser (pyparsing) reports the grammar rule it backed out of — "Expected SelectQuery" — which names
no token. The exception also carries the element that failed furthest in (`parser_element`: a '}' still
missing, the keyword AS, the end of the query), and the position; this module names that element in words and
quotes what was found there instead.
"""
from __future__ import annotations

import re

from pyparsing import ParseException

_QUERY_FORMS = "a query form: SELECT, CONSTRUCT, DESCRIBE or ASK (after any PREFIX and BASE lines)"
_PUNCTUATION = {
    "}": "a closing brace “}”", "{": "an opening brace “{”", ")": "a closing parenthesis “)”",
    "(": "an opening parenthesis “(”", "]": "a closing bracket “]”", "[": "an opening bracket “[”",
    ".": "a full stop “.” between triple patterns", ",": "a comma “,”", ";": "a semicolon “;”",
    "?": "a variable such as ?x (or * for all variables)", "*": "“*”", "=": "“=”", ":": "a colon “:” after the prefix name",
    "<": "an IRI in angle brackets, e.g. <https://example.org/>",
}
_RULES = {  # rdflib rule names that can surface as the failing element
    "SelectQuery": _QUERY_FORMS, "ConstructQuery": _QUERY_FORMS, "DescribeQuery": _QUERY_FORMS,
    "AskQuery": _QUERY_FORMS, "PNAME_NS": "a prefix name ending in a colon, e.g. dfk:",
    "IRIREF": "an IRI in angle brackets, e.g. <https://example.org/>", "Var": "a variable such as ?x",
    "VAR1": "a variable such as ?x", "GroupGraphPattern": "a group of patterns in braces { … }",
    "TriplesBlock": "a triple pattern (subject predicate object)", "Expression": "an expression",
    "INTEGER": "a whole number",
}


def expected_in_words(element: object) -> str:
    """What the parser wanted, as a phrase: "a closing brace “}”", "the keyword AS", "the end of the query"."""
    text = str(element).strip()
    if text == "end of text" or type(element).__name__ == "StringEnd":
        return "the end of the query"
    if text.startswith("{") and "Query" in text:  # {SelectQuery | ConstructQuery | …}
        return _QUERY_FORMS
    quoted = re.fullmatch(r"'(.+)'", text)
    if quoted:
        token = quoted.group(1)
        if token in _PUNCTUATION:
            return _PUNCTUATION[token]
        if token.upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            return _QUERY_FORMS
        return f"the keyword {token.upper()}" if token.isalpha() else f"“{token}”"
    name = re.sub(r"\W", "", text)
    return _RULES.get(name, f"“{text}”")


def found_in_words(text: str, loc: int) -> str:
    rest = text[loc:].strip()
    if not rest:
        return "the end of the query"
    snippet = rest.splitlines()[0]
    return f"“{snippet[:30]}{'…' if len(snippet) > 30 else ''}”"


def syntax_error(text: str, error: ParseException) -> str:
    """One sentence: where, what was expected (in words), what was found instead — and a hint for the commonest
    slips: an unclosed or extra bracket, a keyword misspelt at the end, a PREFIX line without its colon."""
    expected = expected_in_words(error.parser_element) if error.parser_element is not None else "something else"
    found = found_in_words(text, error.loc)
    if expected == "the end of the query":
        message = f"the query should end here but goes on with {found}"
    else:
        message = f"expected {expected} but found {found}"
    hint = _hint(text)
    return f"SPARQL syntax error at line {error.lineno}, column {error.col}: {message}.{hint}"


def _hint(text: str) -> str:
    if re.search(r"(?im)^\s*PREFIX\s+[\w-]*\s+<", text):
        return " A PREFIX line needs a colon after the prefix name: PREFIX dfk: <…>."
    if re.search(r"(?i)\b(ORDER|GROUP)\s+(?!BY\b)[?$(A-Z]", text):
        return " ORDER and GROUP are followed by BY: ORDER BY ?x."
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*', " ", text)  # strings, IRIs, comments
    for opening, closing, name in (("{", "}", "brace"), ("(", ")", "parenthesis"), ("[", "]", "bracket")):
        balance = code.count(opening) - code.count(closing)
        if balance > 0:
            return f" An opening {name} “{opening}” is never closed."
        if balance < 0:
            return f" There is a closing {name} “{closing}” too many."
    if code.count('"') % 2 or code.count("'") % 2:
        return " A quoted string is never closed."
    return ""
