"""User predicate dictionaries (setting `predicate_files`, `--predicates`) in the
pipeline: diurna YAML and PETRARCH verb dictionaries merged over the lexicon, and
PETRARCH agents in actor files giving entity actor codes. Dictionaries and texts are
written for the tests (fictional actors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diurna import Pipeline, Settings
from diurna.cli import app
from diurna.errors import DiurnaError

VERBS = """<!-- Arnor's verbs: a test dictionary -->
&TIETYPES
+MILITARY
+CULTURAL

--- RENEW [---] ---
RENEW
RESTORE
- * &TIETYPES TIES [064]

--- SCOLD [122] ---
SCOLD

--- MEET [---] ---
MEET
- % * [036]
- * TIES [999]
"""
YAML = """# Arnor's predicates: a test file
predicates:
  - {id: restore-ties, pos: verb, lemmas: [restore], code: "064", after: ["military|cultural", ties], target: [with]}
  - {id: pledge-ties, pos: verb, lemmas: [vow], frame: intent, code: "030", target: [to]}
"""
ACTORS = "ARNOR [ARN]\nGONDOR [GON]\n"
AGENTS = "!PERSON! = MAN, WOMAN\nFOREIGN_MINISTER [~GOVFRM]\nCONGRESS!PERSON! [~LEGX]\nMSF {} [NGO~]\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("dictionaries")
    out = {}
    for name, text in (("arnor.verbs.txt", VERBS), ("arnor.yaml", YAML), ("arnor.actors.txt", ACTORS),
                       ("arnor.agents.txt", AGENTS)):
        (root / name).write_text(text, encoding="utf-8")
        out[name] = str(root / name)
    return out


def _pipe(pipeline: Pipeline, files: dict[str, str], predicates: list[str], agents: bool = True) -> Pipeline:
    actor_files = [files["arnor.actors.txt"]] + ([files["arnor.agents.txt"]] if agents else [])
    return Pipeline(Settings.load(predicate_files=[files[p] for p in predicates], actor_files=actor_files),
                    nlp=pipeline.nlp)


def _events(pipe: Pipeline, text: str) -> set[tuple[str, str, str, str]]:
    return {(e.code, e.source.text if e.source else "", e.target.text if e.target else "", e.rule.split(":")[0])
            for e in pipe.process(text).facts.events}


@pytest.mark.parametrize("text, expected", [
    ("Arnor restored military ties with Gondor.", {("064", "Arnor", "Gondor", "arnor.verbs.txt")}),
    ("Arnor restored cultural ties with Gondor.", {("064", "Arnor", "Gondor", "arnor.verbs.txt")}),
    ("Arnor scolded Gondor.", {("122", "Arnor", "Gondor", "arnor.verbs.txt")}),
    ("Arnor and Gondor met in Bree.", {("036", "Arnor", "Gondor", "arnor.verbs.txt"),
                                       ("036", "Gondor", "Arnor", "arnor.verbs.txt")}),
    # the user's verbs are theirs alone: no pattern holds, so nothing (not our 040 or 050)
    ("Arnor restored ties with Gondor.", set()),
    ("Arnor met Gondor.", set()),
    ("The elves sang all night.", set()),
])
def test_events_user_predicates_petrarch_dictionary(pipeline, files, text, expected):
    assert _events(_pipe(pipeline, files, ["arnor.verbs.txt"]), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Arnor restored military ties with Gondor.", {("064", "Arnor", "Gondor", "arnor.yaml")}),
    ("Arnor restored ties with Gondor.", set()),
])
def test_events_user_predicates_yaml_file(pipeline, files, text, expected):
    assert _events(_pipe(pipeline, files, ["arnor.yaml"]), text) == expected


def test_events_user_predicates_later_file_wins(pipeline, files):
    pipe = _pipe(pipeline, files, ["arnor.verbs.txt", "arnor.yaml"])
    assert _events(pipe, "Arnor restored military ties with Gondor.") == {("064", "Arnor", "Gondor", "arnor.yaml")}
    assert _events(pipe, "Arnor scolded Gondor.") == {("122", "Arnor", "Gondor", "arnor.verbs.txt")}


def test_events_user_predicates_absent_leave_the_lexicon_alone(pipeline, files):
    got = _events(_pipe(pipeline, files, []), "Arnor met Gondor.")
    assert got and all(rule == "predicates.yaml" for *_, rule in got)


def test_events_user_predicates_codes_are_final(pipeline, files):
    """A future act keeps the dictionary's code (our lexicon would recode it as intent)."""
    (ev,) = _pipe(pipeline, files, ["arnor.verbs.txt"]).process("Arnor will scold Gondor.").facts.events
    assert ev.code == "122" and ev.modality == "future"


@pytest.mark.parametrize("text, agents, source_code", [
    ("Arnor's foreign minister scolded Gondor.", True, "ARNGOVFRM"),
    ("The Gondor congressman scolded Arnor.", True, "GONLEGX"),
    ("Arnor's foreign minister scolded Gondor.", False, "ARNGOV"),
])
def test_events_user_predicates_agents_give_actor_codes(pipeline, files, text, agents, source_code):
    (ev,) = _pipe(pipeline, files, ["arnor.verbs.txt"], agents=agents).process(text).facts.events
    assert ev.source is not None and ev.source.actor_code == source_code


@pytest.mark.parametrize("content", ["- * TIES [064]\n", "predicates: nothing\n"])
def test_events_user_predicates_bad_file_stops_the_build(pipeline, tmp_path: Path, content):
    bad = tmp_path / ("bad.txt" if content.startswith("-") else "bad.yaml")
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DiurnaError, match="E011") as info:
        Pipeline(Settings.load(predicate_files=[str(bad)]), nlp=pipeline.nlp)
    assert str(bad) in str(info.value)


def test_events_user_predicates_cli_option(files, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("Arnor scolded Gondor on Tuesday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(story), "--predicates", files["arnor.verbs.txt"],
                                      "--actors", files["arnor.actors.txt"]])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert [(e["code"], e["rule"].split(":")[0]) for e in events] == [("122", "arnor.verbs.txt")]
