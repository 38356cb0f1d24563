"""diurna: news articles in, political event data out, every fact tied to its evidence.

    >>> import diurna
    >>> result = diurna.extract("Arnor's president met Gondor's king in Minas Tirith on Monday.",
    ...                         published="2026-03-04")
    >>> result.to_dict()["entities"]

For many documents build the pipeline once: `diurna.Pipeline().process_many(items)`.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import DiurnaError
from .model import SCHEMA_VERSION, ErrorResult, Result
from .pipeline import Pipeline
from .settings import Settings

__version__ = "0.1.0"


@lru_cache(maxsize=2)
def _pipeline(settings: Settings) -> Pipeline:
    # Pipelines are deterministic functions of their settings, so reusing one across
    # calls changes only the time spent loading the model, never a result.
    return Pipeline(settings)


def extract(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Result:
    """Process one article given as plain text or HTML. Raises DiurnaError if it cannot."""
    meta = {k: v for k, v in {"url": url, "title": title}.items() if v is not None}
    return _pipeline(settings or Settings.load()).process(text, published=published, **meta)


__all__ = [
    "SCHEMA_VERSION",
    "DiurnaError",
    "ErrorResult",
    "Pipeline",
    "Result",
    "Settings",
    "__version__",
    "extract",
]
