"""The read stage: files, folders, stdin, JSONL and Python strings -> RawDocument.

This is the only stage that touches input I/O. Every problem with one document becomes
an `ErrorResult` at that document's place in the stream; the stream goes on.
"""

from .sources import read_bytes, read_jsonl_lines, read_paths, read_text, read_texts

__all__ = ["read_bytes", "read_jsonl_lines", "read_paths", "read_text", "read_texts"]
