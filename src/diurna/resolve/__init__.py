"""The resolve stage (in-document): tie every actor, speaker and addressee reference
to the entity whose mention it covers, give references canonical names, and put every
fact list in text order. Cross-document resolution lives with the store."""

from __future__ import annotations

from .links import resolve

NAME = "diurna.resolve.v1"

__all__ = ["NAME", "resolve"]
