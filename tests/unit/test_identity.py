"""One identity per person (generator.identity): surnames, first names and titles resolved to the
full name within a briefing and across the site, never on a tie; organisations are no people."""
import random

import pytest

from generator.identity import is_organisation, name_parts, resolve
from generator.pipeline import _is_person_name
from tests.unit.test_sitepages import make, q


def who(ids, b, speaker):
    return ids.person(b, speaker)


def test_a_surname_or_title_and_surname_is_the_full_name_the_same_briefing_quotes():
    b = make("a", quotes=[q("We cannot live on half a catch", "Salim Haddad"), q("No", "Haddad"),
                          q("Never", "Mr Haddad"), q("Yes", "Dr. Okafor"), q("Fine", "Daniel Okafor")])
    ids = resolve([b])
    assert {s: who(ids, b, s) for s in b.people} == {
        "Salim Haddad": "salim-haddad", "Haddad": "salim-haddad", "Mr Haddad": "salim-haddad",
        "Dr. Okafor": "daniel-okafor", "Daniel Okafor": "daniel-okafor"}
    assert ids.names["salim-haddad"] == "Salim Haddad"  # the full spelling, as written
    assert ids.links(b) == (("Dr. Okafor", "daniel-okafor"), ("Haddad", "salim-haddad"),
                            ("Mr Haddad", "salim-haddad"))


def test_a_first_name_is_the_full_name_of_the_briefing_then_of_the_site():
    here = make("a", quotes=[q("First", "Salim Haddad"), q("Second", "Salim")])
    elsewhere = make("b", quotes=[q("Third", "Haddad")])
    first_name_only = make("c", quotes=[q("Fourth", "Salim")])
    ids = resolve([here, elsewhere, first_name_only])
    assert who(ids, here, "Salim") == who(ids, elsewhere, "Haddad") == "salim-haddad"
    assert who(ids, first_name_only, "Salim") == "salim-haddad"


def test_two_people_with_one_surname_are_never_merged_on_a_guess():
    imran = make("a", quotes=[q("One", "Imran Khan")])
    sadiq = make("b", quotes=[q("Two", "Sadiq Khan"), q("Three", "Khan")])
    alone = make("c", quotes=[q("Four", "Khan")])
    ids = resolve([imran, sadiq, alone])
    assert who(ids, sadiq, "Khan") == "sadiq-khan"  # its own briefing names one Khan in full
    assert who(ids, alone, "Khan") == "khan"  # the site has two: it stays as written
    assert who(ids, imran, "Imran Khan") == "imran-khan"
    # two of the same surname in one briefing: the surname alone is neither
    both = make("d", quotes=[q("Five", "Maria Lopez"), q("Six", "Carlos Lopez"), q("Seven", "Lopez")])
    assert who(resolve([both]), both, "Lopez") == "lopez"


def test_particles_accents_and_titles_do_not_count_when_names_are_compared():
    a = make("a", quotes=[q("One", "Amer al-Sabayleh"), q("Two", "José Pérez"),
                          q("Three", "Prime Minister Shehbaz Sharif")])
    b = make("b", quotes=[q("Four", "Sabayleh"), q("Five", "Perez"), q("Six", "Sharif"), q("Seven", "Shehbaz Sharif")])
    ids = resolve([a, b])
    assert [who(ids, b, s) for s in b.people] == ["amer-al-sabayleh", "jose-perez", "shehbaz-sharif", "shehbaz-sharif"]
    assert who(ids, a, "Prime Minister Shehbaz Sharif") == "shehbaz-sharif"
    assert name_parts("Ursula von der Leyen") == ("Ursula von der Leyen", ("ursula", "leyen"))
    # a kinship word is part of the name: "Abu Salim" is nobody's first name
    assert name_parts("Abu Salim")[1] == ("abu", "salim")


def test_the_page_is_named_by_the_most_used_full_spelling_as_written():
    a = make("a", quotes=[q("One", "Dr. Daniel Okafor"), q("Two", "Dr. Daniel Okafor")])
    b = make("b", quotes=[q("Three", "Daniel Okafor"), q("Four", "Okafor"), q("Five", "Okafor"), q("Six", "Okafor")])
    ids = resolve([a, b])
    assert who(ids, a, "Dr. Daniel Okafor") == who(ids, b, "Okafor") == "daniel-okafor"
    assert ids.names["daniel-okafor"] == "Dr. Daniel Okafor"  # the surname is used more, but is not a full name


def test_resolution_is_the_same_whatever_the_order_of_the_briefings():
    items = [make(f"b{i}", quotes=[q("x", name)]) for i, name in
             enumerate(["Salim Haddad", "Haddad", "Imran Khan", "Sadiq Khan", "Khan", "Salim", "Okafor"])]
    first = resolve(items)
    shuffled = items[:]
    random.Random(4).shuffle(shuffled)
    second = resolve(shuffled)
    assert first.of == second.of and first.names == second.names
    assert list(first.spellings) == list(second.spellings)


def test_a_keyword_names_a_person_by_full_name_anywhere_by_surname_only_where_quoted():
    quoted = make("a", quotes=[q("One", "Daniel Okafor")], keywords=("Okafor", "grid", "power"))
    mention = make("b", keywords=("Daniel Okafor", "Okafor", "Jordan"))
    ids = resolve([quoted, mention, make("c", quotes=[q("Two", "Michael Jordan")])])
    assert ids.keyword_person(quoted, "Okafor") == "daniel-okafor"
    assert ids.keyword_person(mention, "Daniel Okafor") == "daniel-okafor"
    assert ids.keyword_person(mention, "Okafor") is None  # nobody of that briefing: maybe someone else
    assert ids.keyword_person(mention, "Jordan") is None  # a country as often as a surname
    assert ids.keyword_person(quoted, "power") is None


@pytest.mark.parametrize("name", ["Amnesty International", "Ministry of Health", "UNICEF", "Human Rights Watch",
                                  "Port Authority", "Bank of England", "وزارة المياه", "الحكومة"])
def test_organisations_are_no_people(name):
    assert is_organisation(name) and not _is_person_name(name)


@pytest.mark.parametrize("name", ["Salim Haddad", "John House", "Margaret Court", "Haddad", "Dr. Okafor",
                                  "ليلى منصور", "محمد شياع السوداني", "Abu Salim"])
def test_people_are_people(name):
    assert not is_organisation(name) and _is_person_name(name)


def test_an_arabic_description_of_a_speaker_is_no_name():
    assert not _is_person_name("المتحدث باسم الوزارة")  # the ministry's spokesman
    assert not _is_person_name("مسؤول في الوزارة")  # an official at the ministry


def test_arabic_names_resolve_like_english_ones():
    b = make("a", quotes=[q("one", "الوزيرة ليلى منصور"), q("two", "منصور")])
    ids = resolve([b])
    slug = who(ids, b, "منصور")
    assert slug == who(ids, b, "الوزيرة ليلى منصور") and slug.startswith("person-")
    assert ids.names[slug] == "الوزيرة ليلى منصور"
