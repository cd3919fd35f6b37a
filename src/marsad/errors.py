"""Exceptions and the catalogue of error codes that records carry.

    MarsadError
    ├── InputError          an article could not be read or is unusable (empty, binary, bad JSON)
    ├── KnowledgeError      a data file is malformed (names the file, line and key)
    ├── StageError          a pipeline stage failed on one article (names stage and article)
    └── StoreError          a store could not be opened, read or written (names the store)
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "E000"


class InputError(MarsadError):
    """The input could not be turned into an Article."""

    code = "E100"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None):
        super().__init__(message)
        self.where = where
        if code:
            self.code = code


class KnowledgeError(MarsadError):
    code = "E200"

    def __init__(self, message: str, *, path: str, line: int | None = None, key: str | None = None):
        loc = path + (f":{line}" if line else "") + (f" [{key}]" if key else "")
        super().__init__(f"{loc}: {message}")
        self.path, self.line, self.key = path, line, key


class StageError(MarsadError):
    code = "E300"

    def __init__(self, message: str, *, stage: str, article_id: str):
        super().__init__(f"stage {stage!r} failed on article {article_id!r}: {message}")
        self.stage, self.article_id = stage, article_id


class StoreError(MarsadError):
    """A store could not be opened, read or written. The message names the store and says
    what to do; `code` is one of the E4xx codes below."""

    code = "E400"

    def __init__(self, message: str, *, store: str, code: str):
        super().__init__(f"store {store}: {message}")
        self.store, self.code = store, code


# Codes written into ErrorRecord.code; the message says what to do.
CODES = {
    "E101": "file could not be read",
    "E102": "file is binary, not text",
    "E103": "text encoding could not be detected",
    "E104": "article text is empty or whitespace only",
    "E105": "JSON line is not valid JSON",
    "E106": "JSON record lacks a 'text' string",
    "E107": "HTML has no extractable main text",
    "E108": "article is larger than the size limit",
    "E109": "bad 'published' value (a warning: the article is processed with its date unknown)",
    "E110": "a reader's library is missing or broken (e.g. trafilatura for HTML)",
    "E111": "JSON record nested too deeply",
    "E112": "file holds no articles (an empty .jsonl or .jsonl.gz, an empty JSON list)",
    "E113": "a JSON field has the wrong type (id, title, source, url not strings; meta not an object)",
    "E301": "a pipeline stage raised an exception",
    "E302": "a worker process died while the article was in its batch (after one retry)",
    "E303": "the article took longer than the time budget (--article-timeout)",
    "E304": "the article could not be handed to a worker process",
}

# Codes of StoreError: the store itself, not one article.
STORE_CODES = {
    "E401": "the store file is not a marsad store (not SQLite, or corrupt)",
    "E402": "the store cannot be reached (PostgreSQL server down, bad URL, refused login)",
    "E403": "the store location cannot be written (read-only folder or file, no permission)",
    "E404": "the disk is full: the article being written was not stored",
    "E405": "the store was written by a newer marsad (its schema version is unknown here)",
    "E406": "the store is busy: another process is writing to it",
    "E407": "there is no store at that path yet",
    "E408": "a library this store or format needs is not installed (psycopg, pyarrow, pandas)",
}
