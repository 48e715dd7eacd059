"""Boolean search over resumes, the way recruiters search in an ATS.

    (PyTorch OR JAX) AND CUDA AND NOT "intern"

* ``AND``, ``OR``, ``NOT`` (upper case; ``and``/``or``/``not`` in lower case are words), and
  parentheses; precedence ``NOT`` > ``AND`` > ``OR``;
* two terms side by side are joined by an implicit ``AND`` (``PyTorch CUDA`` is
  ``PyTorch AND CUDA``; quote a phrase to keep it together: ``"machine learning"``);
* ``"..."`` is a phrase (its words in that order); inside it AND/OR/NOT are plain words;
* a trailing ``*`` is a prefix wildcard over the resume's tokens (``transform*`` finds
  "transformer", "transformers"); it needs at least two characters before the star.

Words and phrases are found by the keyword matcher, so the same rules hold as for a keyword set
(whole tokens, plurals, hyphen and space variants); a word that names a term of the keyword set
in use (its name or one of its aliases, any case) brings that term's aliases along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_checker.documents.model import Document
from resume_checker.errors import ResumeCheckerError
from resume_checker.keywords.model import Category, KeywordSet, Term

__all__ = [
    "And",
    "CompiledQuery",
    "Not",
    "Or",
    "QueryError",
    "QueryFilteredError",
    "Word",
    "compile_query",
    "parse_query",
    "require_match",
]

MAX_QUERY_CHARS = 2_000
_OPERATORS = ("AND", "OR", "NOT")


class QueryError(ResumeCheckerError):
    """A malformed query; the message points at the column, with a caret line under the query."""

    code = "query_error"

    def __init__(self, message: str, *, query: str, column: int) -> None:
        self.column = column  # 1-based
        self.query = query
        caret = " " * (column - 1) + "^"
        super().__init__(f"query error at column {column}: {message}\n  {query}\n  {caret}")


class QueryFilteredError(ResumeCheckerError):
    """A resume the batch's --query leaves out (recorded as a skipped row, not a failure)."""

    code = "filtered_by_query"


# --------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class Word:
    """A word or quoted phrase; ``prefix`` is a trailing-``*`` wildcard."""

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


Node = Word | Not | And | Or


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Token:
    kind: str      # "(" ")" "AND" "OR" "NOT" "word" "phrase" "end"
    text: str
    column: int    # 1-based


_WORD = re.compile(r'[^\s()"]+')


def _lex(query: str) -> list[_Token]:
    tokens = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, i + 1))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError('unclosed quote: add the closing "', query=query, column=i + 1)
            text = " ".join(query[i + 1 : end].split())
            if not text:
                raise QueryError("empty phrase", query=query, column=i + 1)
            tokens.append(_Token("phrase", text, i + 1))
            i = end + 1
        else:
            match = _WORD.match(query, i)
            assert match is not None
            text = match.group()
            tokens.append(_Token(text if text in _OPERATORS else "word", text, i + 1))
            i = match.end()
    tokens.append(_Token("end", "", len(query) + 1))
    return tokens


class _Parser:
    """Recursive descent: or := and (OR and)*; and := not ([AND] not)*; not := NOT not | atom."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _lex(query)
        self.at = 0

    def peek(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def fail(self, message: str, token: _Token) -> QueryError:
        return QueryError(message, query=self.query, column=token.column)

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise self.fail("the query is empty", self.peek())
        node = self.or_expr()
        token = self.peek()
        if token.kind == ")":
            raise self.fail("')' without a matching '('", token)
        if token.kind != "end":  # pragma: no cover - every other token starts an operand
            raise self.fail(f"unexpected {token.text!r}", token)
        return node

    def or_expr(self) -> Node:
        operands = [self.and_expr()]
        while self.peek().kind == "OR":
            self.take()
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def and_expr(self) -> Node:
        operands = [self.not_expr()]
        while True:
            kind = self.peek().kind
            if kind == "AND":
                self.take()
            elif kind not in ("word", "phrase", "(", "NOT"):
                break
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def not_expr(self) -> Node:
        if self.peek().kind == "NOT":
            self.take()
            return Not(self.not_expr())
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "(":
            node = self.or_expr()
            closing = self.peek()
            if closing.kind != ")":
                raise self.fail("expected ')'", closing)
            self.take()
            return node
        if token.kind == "phrase":
            return Word(token.text, phrase=True)
        if token.kind == "word":
            return self.word(token)
        if token.kind == "end":
            raise self.fail("expected a word, a phrase or '(' at the end of the query", token)
        if token.kind == ")":
            raise self.fail("expected a word, a phrase or '(' before ')'", token)
        raise self.fail(f"expected a word, a phrase or '(' after {self.tokens[self.at - 2].text!r}"
                        if self.at > 1 else f"a query cannot start with {token.text}", token)

    def word(self, token: _Token) -> Word:
        text = token.text
        if "*" in text[:-1]:
            raise self.fail("'*' is allowed only at the end of a word", token)
        if text.endswith("*"):
            stem = text[:-1]
            if len(stem) < 2:
                raise self.fail("a wildcard needs at least two characters before '*'", token)
            return Word(stem, prefix=True)
        return Word(text)


def parse_query(query: str) -> Node:
    """The query's tree; raises :class:`QueryError` pointing at the column of the problem."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters",
                         query=query[:60] + "...", column=1)
    return _Parser(query).parse()


# --------------------------------------------------------------------------- evaluation


def _words(node: Node) -> list[Word]:
    if isinstance(node, Word):
        return [node]
    if isinstance(node, Not):
        return _words(node.operand)
    return [w for child in node.operands for w in _words(child)]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class CompiledQuery:
    """A parsed query with its words compiled into an ad-hoc keyword set (one term a word)."""

    text: str
    tree: Node
    keyword_set: KeywordSet | None       # None when the query has only wildcards
    term_of: tuple[tuple[str, str], ...]  # (word key, ad-hoc term name)

    def matches(self, document: Document) -> bool:
        """True when the document satisfies the query (pure, deterministic)."""
        found: set[str] = set()
        if self.keyword_set is not None:
            from resume_checker.matching import compile_matcher

            found = {m.term for m in compile_matcher(self.keyword_set).match(document).matched}
        names = dict(self.term_of)
        tokens: frozenset[str] | None = None

        def has(word: Word) -> bool:
            nonlocal tokens
            if word.prefix:
                if tokens is None:
                    tokens = _document_tokens(document)
                stem = word.text.casefold()
                return any(t.startswith(stem) for t in tokens)
            return names[_key(word.text)] in found

        return _evaluate(self.tree, has)


def _evaluate(node: Node, has) -> bool:
    if isinstance(node, Word):
        return has(node)
    if isinstance(node, Not):
        return not _evaluate(node.operand, has)
    if isinstance(node, And):
        return all(_evaluate(child, has) for child in node.operands)
    return any(_evaluate(child, has) for child in node.operands)


def _document_tokens(document: Document) -> frozenset[str]:
    from resume_checker.matching.nlp import blank_nlp
    from resume_checker.matching.reading import reading_text
    from resume_checker.matching.tokenizer import lower, tokenize

    text, _ = reading_text(document)
    lowered = lower(text)
    return frozenset(w for w in tokenize(blank_nlp(), lowered).words if not w.isspace())


def compile_query(query: str, keyword_set: KeywordSet | None = None) -> CompiledQuery:
    """Parse ``query`` and compile its words; a word naming a term of ``keyword_set`` (its name
    or an alias, any case) matches as that term, aliases included."""
    tree = parse_query(query)
    known: dict[str, Term] = {}
    if keyword_set is not None:
        for term in keyword_set.terms:
            for spelling in term.spellings:
                known.setdefault(_key(spelling), term)
    terms: dict[str, Term] = {}       # by term name
    term_of: dict[str, str] = {}      # word key -> term name
    for word in _words(tree):
        key = _key(word.text)
        if word.prefix or key in term_of:
            continue
        base = known.get(key)
        if base is not None:
            term = Term(name=base.name, category="query", aliases=base.aliases,
                        case_sensitive=base.case_sensitive)
        else:
            term = Term(name=word.text, category="query")
        terms.setdefault(term.name, term)
        term_of[key] = term.name
    adhoc = None
    if terms:
        adhoc = KeywordSet(id="query", title="query", categories={"query": Category(title="query")},
                           terms=tuple(terms.values()))
    return CompiledQuery(query, tree, adhoc, tuple(term_of.items()))


_COMPILED: dict[tuple[str, str | None], CompiledQuery] = {}


def _compiled(query: str, keyword_set: KeywordSet | None) -> CompiledQuery:
    key = (query, keyword_set.content_hash if keyword_set is not None else None)
    compiled = _COMPILED.get(key)
    if compiled is None:
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        compiled = _COMPILED[key] = compile_query(query, keyword_set)
    return compiled


def require_match(query: str, document: Document, keyword_set: KeywordSet | None = None) -> None:
    """Raise :class:`QueryFilteredError` when ``document`` does not satisfy ``query`` (the batch
    worker's filter; the compiled query is kept per process)."""
    if not _compiled(query, keyword_set).matches(document):
        raise QueryFilteredError("filtered by the query")
