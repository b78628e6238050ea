"""Known entities: a person or organisation without a country in its article takes the known one."""
import pytest

from cronica.extract.knowledge import apply_knowledge, by_surname, known_countries
from cronica.extract.linking import person_key
from cronica.lang.loader import LANG_DIR
from cronica.model import Article, Entity

TABLE = LANG_DIR / "xx" / "gazetteer" / "known_entities.tsv"


def test_knowledge_table_rows_are_well_formed():
    known = known_countries()
    assert known, "the generated table must not be empty"
    assert all(len(c) == 3 and c.isupper() for c in known.values())
    assert all(k.split(":", 1)[0] in {"person", "org", "group"} for k in known)


def test_knowledge_table_names_its_corpus(shared_data):
    import scripts.build_knowledge as build
    header = TABLE.read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(build.corpus_digest(shared_data / "news")), "rebuild: scripts/build_knowledge.py"


@pytest.mark.parametrize("own_country", [None, "ESP"])
def test_knowledge_fills_only_missing_countries(own_country):
    key, country = next(iter(known_countries().items()))
    article = Article(text="x", entities=[Entity(id="E1", name="x", type="PERSON", key=key, country=own_country)])
    apply_knowledge(article, known_countries())
    assert article.entities[0].country == (own_country or country)


def test_knowledge_leaves_places_alone():
    key = next(iter(known_countries()))
    article = Article(text="x", entities=[Entity(id="E1", name="x", type="GPE", key=key)])
    assert apply_knowledge(article, known_countries()).entities[0].country is None


@pytest.mark.parametrize("key, surname", [("person:vladimir-putin", "person:putin")])
def test_knowledge_surname_alone_takes_its_bearers_country(key, surname):
    known = known_countries()
    assert by_surname(known)[surname] == known[key]


@pytest.mark.parametrize("known", [{"person:kim-jong-un": "PRK", "person:kim-yong-hyun": "KOR"}])
def test_knowledge_surname_of_two_countries_stays_unknown(known):
    assert "person:kim" not in by_surname(known)


@pytest.mark.parametrize("key", ["person:vladimir-putin", "person:putin", "person:obama"])
def test_knowledge_known_people_by_name_and_surname(key):
    from cronica.extract.knowledge import known_table
    assert key in known_table()


@pytest.mark.parametrize("country_from, expected", [("article", "USA"), (None, "TWN")])
def test_knowledge_many_articles_outweigh_an_articles_inference(country_from, expected):
    """A country the article only inferred yields to what many articles state; a stated one stays."""
    from cronica.extract.knowledge import well_known
    assert well_known().get("person:donald-trump") == "USA"
    article = Article(text="x", entities=[Entity(id="E1", name="Trump", type="PERSON", key="person:donald-trump",
                                                 country="TWN", country_from=country_from)])
    apply_knowledge(article, known_countries(), well_known())
    assert article.entities[0].country == expected


def test_knowledge_story_of_another_countrys_president(pipeline, news_records):
    """'President-elect Trump' is the one president named in a story where Taiwan's president
    called him: the article pairs 'president' with Taiwan, the corpus knows him as American."""
    r = news_records["en-abp-LAXPWKNGIvqkFExC"]
    article = pipeline(Article(text=r["text"], title=r["title"], lang="en", published=r["published"]))
    trump = next(e for e in article.entities if e.type == "PERSON" and e.name.endswith("Trump"))
    assert (trump.country, trump.country_from) == ("USA", "knowledge")


@pytest.mark.parametrize("votes, expected", [
    # a foreign leader in Mexican stories: the articles' home country is not his
    ({("USA", None): 2, ("MEX", "article"): 3, ("USA", "article"): 1}, {"USA": 3}),
    # a body no article places: the countries its articles were about
    ({("ESP", "article"): 4, ("MEX", "article"): 1}, {"ESP": 4, "MEX": 1}),
    ({("RUS", None): 3, ("GBR", None): 1}, {"RUS": 3, "GBR": 1}),
    ({("ISR", None): 1, ("USA", None): 1, ("USA", "article"): 26, ("LBY", "article"): 4}, {"USA": 27, "ISR": 1}),
])
def test_knowledge_build_trusts_stated_countries_first(votes, expected):
    import collections

    import scripts.build_knowledge as build
    assert build._decisive(collections.Counter(votes)) == collections.Counter(expected)


@pytest.mark.parametrize("name", ["Leon E. Panetta", "Leon Panetta", "John F. Kennedy"])
def test_knowledge_person_key_without_middle_initial(name):
    assert known_countries().get(person_key(name)) == "USA"
