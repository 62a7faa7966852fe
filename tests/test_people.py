"""Named people with dated offices, user actor files, office titles, and references carried over."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sanderling.actors import Gazetteer
from sanderling.actors.people import Person, load_people_file
from sanderling.cli import main
from sanderling.errors import InputError
from sanderling.pipeline import Pipeline
from sanderling.settings import Settings

ACTORS = """\
- name: Amara Okonkwo-Test
  aliases: [Okonkwo-Test]
  code: NGA
  offices:
    - {role: Defence Minister, sector: MIL, start: 2015-05, end: 2019-05-29}
    - {role: President, sector: GOV, start: 2023-05-29}
  before: BUS
- name: Free Valley Front-Test
  code: MLI
  sector: REB
"""


@pytest.fixture()
def actors_file(tmp_path: Path) -> Path:
    p = tmp_path / "my_actors.yaml"
    p.write_text(ACTORS, encoding="utf-8")
    return p


def test_office_at_date(actors_file: Path) -> None:
    person = load_people_file(actors_file)[0]
    assert person.at("2010-01-01").sector == "BUS"  # before any office
    assert person.at("2016-03-02").sector == "MIL"
    assert person.at("2021-01-01") .sector == "ELI"  # between offices: former defence minister
    assert person.at("2021-01-01").role == "former Defence Minister"
    assert person.at("2024-07-19").sector == "GOV"
    assert person.at(None).sector == "GOV"  # no date: the office still held


def test_bad_entries_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="code"):
        Person.from_dict({"name": "X", "code": "nigeria"})
    with pytest.raises(InputError, match="sector"):
        Person.from_dict({"name": "X", "code": "NGA", "offices": [{"role": "r", "sector": "WIZARD"}]})
    with pytest.raises(InputError, match="before it starts"):
        Person.from_dict({"name": "X", "code": "NGA",
                          "offices": [{"role": "r", "sector": "GOV", "start": "2020", "end": "2019"}]})
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: [unclosed", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_people_file(bad)


def test_user_file_codes_by_article_date(actors_file: Path) -> None:
    gaz = Gazetteer.with_actors((str(actors_file),))
    text = "Okonkwo-Test accused Niger of arming the Free Valley Front-Test."
    assert [(m.code, m.sector) for m in gaz.find(text, date="2017-01-01")] == [("NGA", "MIL"), ("NER", ""),
                                                                                ("MLI", "REB")]
    assert gaz.find(text, date="2024-01-01")[0].sector == "GOV"
    pipe = Pipeline(Settings(actors=(str(actors_file),)))
    ev = pipe.code_text(text, pub_date="2017-01-01")[0]
    assert (ev.event, ev.actor[0].code, ev.actor[0].sector) == ("ACCUSE", "NGA", "MIL")
    assert pipe.version != Pipeline().version  # the user's dictionary is part of the coder version


def test_office_title_then_unknown_name() -> None:
    found = Gazetteer.default().find("Japanese Defence Minister Hiroshi Tanaka-Test met Chilean President "
                                     "Ana Torres-Test in Santiago.")
    assert [(m.text, m.code, m.sector) for m in found][:2] == [
        ("Japanese Defence Minister Hiroshi Tanaka-Test", "JPN", "MIL"),
        ("Chilean President Ana Torres-Test", "CHL", "GOV")]
    # a weekday after the title is not a name
    assert Gazetteer.default().find("Kenya's president Tuesday said")[0].text == "Kenya's president"


def test_former_title_codes_elite() -> None:
    found = Gazetteer.default().find("Former Peruvian president Luis Quispe-Test was arrested.")
    assert (found[0].code, found[0].sector) == ("PER", "ELI")


def test_pronoun_and_definite_description_carry_over() -> None:
    text = ("Kenya's president has led the country since 2022. He accused Uganda of smuggling weapons across "
            "the border. Uganda is a landlocked country. The country rejected the claim on Friday.")
    evs = {e.event: e for e in Pipeline().code_text(text)}
    accuse = evs["ACCUSE"]
    assert (accuse.actor[0].entity_text, accuse.actor[0].code, accuse.actor[0].sector) == ("He", "KEN", "GOV")
    assert [r.code for r in accuse.recipient] == ["UGA"]
    reject = evs["REJECT"]
    assert (reject.actor[0].entity_text, reject.actor[0].code) == ("The country", "UGA")


def test_no_antecedent_no_actor() -> None:
    assert Pipeline().code_text("He accused the neighbours of smuggling weapons.") == []


def test_lookup_command(actors_file: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["actors", "lookup", "Okonkwo-Test", "--date", "2016-01-01",
                               "--actors", str(actors_file)])
    assert res.exit_code == 0, res.output
    assert "NGA MIL" in res.output and "Defence Minister" in res.output
    res = runner.invoke(main, ["actors", "lookup", "North Korean leader"])
    assert res.exit_code == 0 and "PRK GOV" in res.output
    res = runner.invoke(main, ["actors", "lookup", "Nobody Atall-Test"])
    assert res.exit_code == 1 and "no actor entry" in res.output
    res = runner.invoke(main, ["actors", "lookup", "x", "--date", "soon"])
    assert res.exit_code == 2


def test_bad_actors_file_stops_code_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: X\n  code: nope\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["code", "--text", "Iran condemned Israel.", "--actors", str(bad)])
    assert res.exit_code == 1
    assert "code 'nope' must be three upper-case letters" in res.output


def test_parsed_cache_is_current_and_gives_the_same_people(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """people.parsed.json must match the YAML files (rebuild: python scripts/build_people_cache.py)."""
    import hashlib
    import json
    from importlib import resources

    from sanderling.actors import people as P

    folder = resources.files("sanderling.actors").joinpath("data", "people")
    cache = json.loads(resources.files("sanderling.actors").joinpath("data", P.CACHE_FILE).read_text("utf-8"))
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            assert cache["files"][entry.name]["sha256"] == hashlib.sha256(entry.read_bytes()).hexdigest(), (
                f"{P.CACHE_FILE} is stale for {entry.name}: run python scripts/build_people_cache.py")
    cached = P.builtin_people()
    P.builtin_people.cache_clear()
    monkeypatch.setattr(P, "_parsed_cache", lambda: {})
    try:
        assert P.builtin_people() == cached
    finally:
        P.builtin_people.cache_clear()
