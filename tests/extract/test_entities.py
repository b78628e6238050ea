"""Entities of whole articles: keys, countries, roles, merged names, masked names, groups."""
import pytest

from cronica.model import Article


def _run(pipeline, text, lang, title=None):
    return pipeline(Article(text=text, lang=lang, title=title, published="2025-07-09"))


def _entity(article, name):
    return next((e for e in article.entities if e.name == name or name in e.aliases), None)


@pytest.fixture(scope="module")
def example(pipeline, shared_root):
    text = (shared_root / "examples" / "lavrov-corea-del-norte.txt").read_text(encoding="utf-8")
    return pipeline(Article(text=text, published="2025-07-09"))


def test_entities_example_masked_mention_resolved_to_person(example):
    flag = next(f for f in example.flags if f.kind == "masked_mention")
    person = next(e for e in example.entities if e.id == flag.resolved_to)
    assert (person.name, person.type, person.country, person.role) == \
        ("Sergey Lavrov", "PERSON", "RUS", "foreign minister")
    assert [flag.start, flag.end] in person.mentions


@pytest.mark.parametrize("name, key, country, kind", [
    ("Corea del Norte", "PRK", "PRK", "GPE"),
    ("Pyongyang", "PRK", "PRK", "GPE"),
    ("Rusia", "RUS", "RUS", "GPE"),
    ("Kim Jong Un", "person:kim-jong-un", "PRK", "PERSON"),
    ("Sergei Shoigu", "person:sergei-shoigu", "RUS", "PERSON"),
    ("Ministerio de Relaciones Exteriores", "org:ministry-of-foreign-affairs:PRK", "PRK", "ORG"),
    ("Asociación de Naciones del Sudeste", "org:asociacion-de-naciones-del-sudeste", None, "ORG"),
])
def test_entities_example_keys_and_countries(example, name, key, country, kind):
    entity = _entity(example, name)
    assert (entity.key, entity.country, entity.type) == (key, country, kind)


@pytest.mark.parametrize("short, full", [("Lavrov", "Sergey Lavrov"), ("Kim", "Kim Jong Un"),
                                         ("Norte", "Corea del Norte")])
def test_entities_example_short_names_merged(example, short, full):
    assert short in _entity(example, full).aliases


@pytest.mark.parametrize("phrase, country", [("funcionarios de Corea del Sur", "KOR"),
                                             ("analistas de Corea del Sur", "KOR"),
                                             ("agencia de espionaje de Corea del Sur", "KOR"),
                                             ("soldados norcoreanos", "PRK")])
def test_entities_example_groups_are_actors(example, phrase, country):
    entity = _entity(example, phrase)
    assert (entity.type, entity.country) == ("ORG", country)


@pytest.mark.parametrize("adjective", ["norcoreano", "ruso"])
def test_entities_spanish_adjective_demonym_is_no_entity(example, adjective):
    assert _entity(example, adjective) is None


def test_entities_example_putin_country_only_from_knowledge(example):
    """The article names no country for Putin ("al presidente Vladimir Putin ... en
    Pyongyang"): only what cronica learnt from other articles may give one."""
    from cronica.extract.knowledge import known_countries
    putin = _entity(example, "Vladimir Putin")
    assert (putin.role, putin.country) == ("president", known_countries().get(putin.key))


@pytest.mark.parametrize("text, lang, name, country, role", [
    ("El canciller se reunió en Ginebra con el ministro de Defensa ucraniano, Rustem Umerov, durante dos horas.",
     "es", "Rustem Umerov", "UKR", "defense minister"),
    ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday for a three-day visit.",
     "en", "Sergei Lavrov", "RUS", "foreign minister"),
    ("Sergei Lavrov, Russia's foreign minister, arrived in Pyongyang on Friday.",
     "en", "Sergei Lavrov", "RUS", "foreign minister"),
    ("Los analistas creen que el líder norcoreano Kim Jong Un viajará a Moscú en otoño.",
     "es", "Kim Jong Un", "PRK", "leader"),
    ("U.S. Army Gen. Stephen Townsend, commander, U.S. Africa Command, said in a statement.",
     "en", "Stephen Townsend", "USA", "general"),
    ("Philippine Marine Corps Commandant Major General Arturo Rojas said at the opening ceremony in Manila.",
     "en", "Arturo Rojas", "PHL", "general"),
    ("Hong Kong chief executive Carrie Lam last week said she was formally withdrawing the bill.",
     "en", "Carrie Lam", "HKG", "chief executive"),
    ("Sobre la ayuda humanitaria se pronunció el representante de Exteriores de Egipto, Badr Abdelatty, ayer.",
     "es", "Badr Abdelatty", "EGY", "foreign minister"),
    ("Kyiv’s European allies, including France’s Emmanuel Macron, condemned the Russian strikes.",
     "en", "Emmanuel Macron", "FRA", None),
    # the seat of an office holder's government says whom they serve
    ("Pentagon spokesman Peter Cook said the drone would be returned to the United States.",
     "en", "Peter Cook", "USA", "spokesperson"),
    ("El portavoz del Kremlin, Dmitri Peskov, dijo que las conversaciones seguirán.",
     "es", "Dmitri Peskov", "RUS", "spokesperson"),
    # a US lawmaker's party and state after the name
    ("Sen. Lindsey Graham (R-S.C.) said the deal was a mistake.", "en", "Lindsey Graham", "USA", "senator"),
    ("Rep. Mac Thornberry (R-Texas), chairman of the committee, criticized the plan.",
     "en", "Mac Thornberry", "USA", "lawmaker"),
])
def test_entities_person_country_and_role_from_title(pipeline, text, lang, name, country, role):
    person = _entity(_run(pipeline, text, lang), name)
    assert (person.country, person.role) == (country, role)


@pytest.mark.parametrize("text, lang", [
    ("Serguéi Lavrov llegó a Pyongyang. Sergey Lavrov se reunió después con Kim Jong-un.", "es"),
])
def test_entities_transliteration_variants_merged(pipeline, text, lang):
    people = [e for e in _run(pipeline, text, lang).entities if e.type == "PERSON" and "Lavrov" in e.name]
    assert len(people) == 1 and people[0].key == "person:sergei-lavrov"


@pytest.mark.parametrize("text, lang, name, country", [
    ("South Korean officials said the launch failed after a few minutes.", "en", "South Korean officials", "KOR"),
    ("El Ministerio de Defensa de Ucrania informó de nuevos ataques en la región.", "es",
     "Ministerio de Defensa de Ucrania", "UKR"),
])
def test_entities_organisation_country_from_name(pipeline, text, lang, name, country):
    entity = _entity(_run(pipeline, text, lang), name)
    assert (entity.type, entity.country) == ("ORG", country)


def test_entities_keys_agree_across_languages(pipeline):
    es = _run(pipeline, "Rusia y Corea del Norte firmaron un acuerdo en Moscú.", "es")
    en = _run(pipeline, "Russia and North Korea signed an agreement in Moscow.", "en")
    keys = lambda a: sorted({e.key for e in a.entities if e.type == "GPE"})  # noqa: E731
    assert keys(es) == keys(en) == ["PRK", "RUS"]


@pytest.mark.parametrize("record_id, name, country", [("en-abp-1SKK278vQwiVPyzi", "Ri Su Yong", "PRK")])
def test_entities_news_record_country(pipeline, news_records, record_id, name, country):
    r = news_records[record_id]
    article = pipeline(Article(text=r["text"], title=r["title"], lang=r["lang"], published=r["published"]))
    assert _entity(article, name).country == country


def test_entities_example_dateline_place_is_an_entity(example):
    place = next(e for e in example.entities if e.id == example.dateline["place"])
    assert (place.type, place.country, place.mentions[0]) == ("GPE", "KOR", [example.dateline["start"],
                                                                             example.dateline["end"]])


@pytest.mark.parametrize("title, text, lang, name", [
    ("El ministro de Relaciones Exteriores ruso visitará Corea del Norte esta semana",
     "SEOUL: ©© viajará a Corea del Norte para una visita de tres días a partir del viernes, informaron los "
     "medios estatales. La agencia oficial de noticias dijo que Lavrov fue invitado por el Ministerio de "
     "Relaciones Exteriores del país.", "es", "Lavrov"),
])
def test_entities_masked_mention_without_caption_resolved(pipeline, title, text, lang, name):
    article = _run(pipeline, text, lang, title=title)
    flag = next(f for f in article.flags if f.kind == "masked_mention")
    person = next(e for e in article.entities if e.id == flag.resolved_to)
    assert (person.name, person.role, person.country) == (name, "foreign minister", "RUS")


@pytest.mark.parametrize("text, lang, name, country", [
    ("El presidente del Gobierno, Mariano Rajoy, defendió el plan. El Ejecutivo de España lo aprobará el martes.",
     "es", "Mariano Rajoy", "ESP"),
    ("El ministro de Hacienda, Cristóbal Montoro, viajó a El Cairo. España y Egipto firmaron un acuerdo.",
     "es", "Cristóbal Montoro", None),
    ("The mayor, Vitali Klitschko, said a school was damaged. Ukraine asked its allies for air defence.",
     "en", "Vitali Klitschko", "UKR"),
    ("Stock markets fell sharply, said Vitali Klitschko. Ukraine asked its allies for air defence.",
     "en", "Vitali Klitschko", "UKR"),
    ("Stock markets fell sharply in Kyiv, said Vitali Klitschko, as Russia fired missiles at the city.",
     "en", "Vitali Klitschko", None),
])
def test_entities_unplaced_person_takes_home_country(pipeline, text, lang, name, country):
    """An article about one country gives a person it does not place that country, unless
    the sentence the person first appears in names another; the country is marked as the
    article's inference."""
    entity = _entity(_run(pipeline, text, lang), name)
    assert entity.country == country
    assert entity.country_from == ("article" if country else None)


@pytest.mark.parametrize("text, lang, name, country", [
    ("U.S. Africa Command said two contractors were killed in the attack.", "en", "U.S. Africa Command", "USA"),
    ("U.S. Army troops were deployed to the base on Sunday.", "en", "U.S. Army", "USA"),
    ("The drills focus on the north coast of the Philippines’ main island of Luzon, far from Taiwan.",
     "en", "Luzon", "PHL"),
    ("Russia’s bombing of Kharkiv killed three people on Friday.", "en", "Kharkiv", "UKR"),
])
def test_entities_country_opening_or_tied_to_a_name(pipeline, text, lang, name, country):
    assert _entity(_run(pipeline, text, lang), name).country == country


@pytest.mark.parametrize("text, lang, name, country", [
    ("La Policía Federal detuvo al exalcalde en Cuernavaca, Morelos, informó el Gobierno de México.",
     "es", "Policía Federal", "MEX"),
    ("La Guardia Nacional detuvo a dos hombres en la frontera con Guatemala, informó el Gobierno de México.",
     "es", "Guardia Nacional", None),
])
def test_entities_state_institution_takes_home_country(pipeline, text, lang, name, country):
    assert _entity(_run(pipeline, text, lang), name).country == country


# an article without a dateline that names one country far more than any other is about it
MOSTLY_BOLIVIA = ("La expresidenta interina de Bolivia Jeanine Áñez calificó de ilegal su aprehensión.\n\n"
                  "Áñez fue trasladada a La Paz para una audiencia. Otros dos exministros huyeron a Estados Unidos."
                  "\n\nLa Fiscalía ordenó la aprehensión de 13 personas. El presidente Luis Arce negó que el"
                  " Gobierno persiga a la oposición de Bolivia.")


@pytest.mark.parametrize("name, country", [("Fiscalía", "BOL"), ("Luis Arce", "BOL")])
def test_entities_most_named_country_is_the_home_country(pipeline, name, country):
    assert _entity(_run(pipeline, MOSTLY_BOLIVIA, "es"), name).country == country


# a paper's home news seldom names its own country: the publisher's address says it
PARTIES = ("El PP solo logró un apoyo sin reservas de Vox. Tanto el PSOE como el PNV reprocharon a los"
           " populares que tomasen solo una parte de la resolución de la Eurocámara. El texto recordaba"
           " los crímenes de Alemania y de Rusia.")


@pytest.mark.parametrize("url, country", [
    ("https://elpais.com/espana/2021-03-23/la-izquierda-cierra-filas.html", "ESP"),
    ("https://www.proceso.com.mx/nacional/2021/2/3/despide-el-sat.html", "MEX"),
    ("https://elpais.com/internacional/2021-03-23/la-izquierda-cierra-filas.html", None),
    (None, None),
])
def test_entities_publisher_country_is_the_last_home_country(pipeline, url, country):
    article = pipeline(Article(text=PARTIES, lang="es", url=url, published="2021-03-23"))
    assert article.home_country == country
    assert _entity(article, "PP").country == country


@pytest.mark.parametrize("url, lang, country", [
    ("https://www.proceso.com.mx/nacional/2021/2/3/x.html", "es", "MEX"),
    ("https://www.eltiempo.com.co/politica/x", "es", "COL"),
    ("https://www.bbc.co.uk/news/world-europe-35370621", "en", "GBR"),
    ("https://www.reportur.com/argentina/2021/03/09/argentina-extiende-las-restricciones/", "es", "ARG"),
    ("https://www.theguardian.com/us-news/2020/jan/01/x", "en", None),  # a section, not a country
    ("http://www.npr.org/sections/thetwo-way/2016/01/21/463798058/russia-s-putin", "en", None),
    ("https://news.example.io/mexico", "es", None),  # the last part names the article
    ("https://startup.co/a/b", "es", None),  # a domain sold to anyone
    ("not a url", "es", None),
])
def test_url_country(url, lang, country):
    from cronica.extract.linking import url_country
    assert url_country(url, lang) == country


@pytest.mark.parametrize("text", ["CHINESE AGGRESSION: Manila accused Beijing of sideswiping a Philippine patrol boat."])
def test_entities_upper_case_label_is_no_dateline(pipeline, text):
    from cronica.model import Article
    article = pipeline(Article(text=text, lang="en", published="2024-10-16"))
    assert article.dateline is None


# the record's paragraphs on the former president: "the Bush team", "the Bush era" read as a
# town of that name (in Egypt), beside more mentions of "Mr. Bush"
BUSH_TEAM = ("Mr. Bush and his advisers have been largely quiet about the Senate report until now, and former "
             "intelligence officials worried whether the Bush team would defend them.\n\nBut Mr. Bush and his inner "
             "circle rejected that suggestion.\n\nAnother former official, who remains close to Mr. Bush, said the "
             "former president did not believe that the C.I.A. had misinformed him.\n\n“The idea that George Tenet, "
             "John McLaughlin, Mike Hayden and Steve Kappes would knowingly mislead the president and the country "
             "is absurd,” the former official said. Mr. Kappes was another deputy C.I.A. director during the Bush "
             "era.")


def test_entities_person_surname_read_as_a_town_is_no_home_country(pipeline):
    """A place the gazetteer does not know, by a name the story gives a person more often,
    does not make the story about that place's country."""
    article = _run(pipeline, BUSH_TEAM, "en")
    assert article.home_country != "EGY"
    assert not [e.name for e in article.entities if e.country == "EGY"]
