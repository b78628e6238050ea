"""Verbal acts read from what is said: verdicts on acts, wrongs said to be done, conditional
threats (extract/event_speech.py), on English and Spanish news sentences."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str, published: str = "2019-08-07", lang: str = "en") -> list[tuple]:
    """(type, actor countries and names, recipient countries and names, trigger) per event."""
    article = pipeline(Article(text=text, lang=lang, published=published))
    ents = {e.id: e for e in article.entities}

    def side(ids):
        return {x for i in ids for x in (ents[i].country, ents[i].name) if x}
    return [(ev.type, side(ev.source), side(ev.target), ev.trigger["text"]) for ev in article.events]


def _coded(events, type_: str, actor: str, recipient: str | None) -> bool:
    return any(t == type_ and actor in src and (recipient is None or recipient in tgt) for t, src, tgt, _ in events)


@pytest.mark.parametrize("lang, text, type_, actor, recipient", [
    # a verdict given by naming: "called X Y", "described X as Y"
    pytest.param("en", "Russian Deputy Foreign Minister Sergei Ryabkov called Trump's remarks “extremely "
                 "negative”, RIA state news agency reported.", "ACCUSE", "RUS", "USA", id="naming-called"),
    pytest.param("en", "Leahy's spokesman David Carle called the U.S. charges against the senator politically "
                 "motivated.",
                 "ACCUSE", "David Carle", "USA", id="naming-called-charges"),
    pytest.param("en", "Russian troops seized the port of Berdyansk on Monday. Ukraine's foreign minister described "
                 "the move as an act of aggression.", "ACCUSE", "UKR", "RUS", id="naming-described"),
    # a verdict reported: "said X were nonsense"
    pytest.param("en", "Philippine presidential spokesman Salvador Panelo said the U.S. travel restrictions were "
                 "nonsense.", "ACCUSE", "Salvador Panelo", "USA", id="reported-verdict"),
    pytest.param("en", "Iran's Foreign Minister Mohammad Javad Zarif said Trump's move amounts to desperate attempts "
                 "to undermine a solid multilateral agreement.", "ACCUSE", "IRN", "USA", id="reported-verdict-amounts"),
    # a wrong said to be done: "X violated the truce", "X broke the accord"
    pytest.param("en", "Gaza Health Ministry spokesman Ashraf al-Qedra told reporters Israel violated the truce by "
                 "shelling Rafah.", "ACCUSE", "Ashraf al-Qedra", "ISR", id="reported-wrong-violated"),
    pytest.param("en", "Israeli Prime Minister Benjamin Netanyahu said Hamas broke the accord by attacking Israeli "
                 "forces.",
                 "ACCUSE", "ISR", "Hamas", id="reported-wrong-broke"),
    # what someone is said to deserve judges them
    pytest.param("en", "South Korean President Moon Jae-in said Monday that President Trump deserves to win a Nobel "
                 "Peace Prize for his efforts.", "SUPPORT", "KOR", "USA", id="verdict-deserves-prize"),
    pytest.param("es", "Moon Jae-in dijo que el presidente estadounidense, Donald Trump, merece el premio Nobel de la "
                 "Paz.", "SUPPORT", "Moon Jae-in", "USA", id="verdict-merece-premio"),
    # a name that brands someone is a verdict on them
    pytest.param("en", "Israel has characterized Yahya Sinwar as the mastermind behind the Oct. 7 attacks on southern "
                 "Israel.", "ACCUSE", "ISR", "Yahya Sinwar", id="verdict-brand-mastermind"),
    # deceit and meddling said of someone
    pytest.param("en", "Supreme Leader Ayatollah Ali Khamenei said the Americans always deceive and breach promises.",
                 "ACCUSE", "IRN", "USA", id="reported-wrong-deceive"),
    pytest.param("es", "Vladímir Putin dijo que los estadounidenses constantemente interfieren en la vida política de "
                 "Rusia.", "ACCUSE", "Vladímir Putin", "USA", id="reported-wrong-interfieren"),
    # a threat said as a condition, a warning of harm
    pytest.param("en", "Pakistan's Prime Minister Imran Khan addressed Parliament on Tuesday night. “If India "
                 "attacks us, we will respond,” Khan said.", "THREATEN", "PAK", "IND", id="conditional-threat"),
    pytest.param("en", "The Pakistani foreign minister warned that India's move would lead to a war in the region.",
                 "THREATEN", "PAK", "IND", id="warning-of-harm"),
    # guilt laid on someone named: the copula hangs on the predicate in Spanish
    pytest.param("es", "Donald Trump señaló que el representante Adam Schiff era culpable de traición.",
                 "ACCUSE", "Donald Trump", "Adam Schiff", id="es-culpable"),
    # the act judged is someone's through "de": "la decisión de Duque"
    pytest.param("es", "Nicolás Maduro dijo que la decisión de Iván Duque era ilegal.",
                 "ACCUSE", "Nicolás Maduro", "Iván Duque", id="es-decision-de"),
    # the verdict before the object, parsed as an object of its own
    pytest.param("es", "Pablo Casado calificó de impecable el discurso de Felipe VI en Nochebuena.",
                 "SUPPORT", "Pablo Casado", "Felipe VI", id="es-calificó-de-impecable"),
    pytest.param("en", "Ukraine's foreign minister Dmytro Kuleba said Russia was responsible for the attack on the "
                 "port.", "ACCUSE", "UKR", "RUS", id="en-responsible"),
    # a claim called false is denied, aimed at whoever made it (no one named: any recipient)
    pytest.param("es", "El productor Gustavo Loza aseguró que las acusaciones de Karla Souza en su contra son "
                 "completamente falsas.", "REJECT", "Gustavo Loza", "Karla Souza", id="es-claim-false"),
    pytest.param("en", "Paul Manafort called the allegations by the Justice Department baseless.",
                 "REJECT", "Paul Manafort", None, id="en-claim-baseless"),
    pytest.param("en", "A Kremlin spokesman said the reports about Russian hackers were false.",
                 "REJECT", "RUS", None, id="en-claim-false"),
    # a noun of the judged act in apposition to the act ("a drone strike ... — a move that ...")
    pytest.param("en", "The rising tensions stem from a U.S. drone strike that killed top Iranian Gen. Qassem "
                 "Soleimani and several others last week — a move that Iran said was a violation of the country's "
                 "sovereignty.", "ACCUSE", "IRN", "USA", id="relative-move-violation"),
    # a vow of retaliation threatens; distrust is a reproach
    pytest.param("en", "China called looming U.S. tariffs a violation of accords reached by Presidents Donald Trump "
                 "and Xi Jinping, vowing retaliation.", "THREATEN", "CHN", None, id="vowing-retaliation"),
    pytest.param("en", "Khamenei says there is no agreement until every point is written down and signed. He adds "
                 "that he still supports his nuclear negotiating team, and still distrusts the United States and its "
                 "allies.", "ACCUSE", "Khamenei", "USA", id="distrusts"),
    # a warning given to someone of a harm to come threatens them
    pytest.param("en", "In a press conference late Thursday, Mr. Leung refused to resign, warning the protesters of "
                 "consequences should they occupy government offices but pledging that Hong Kong police would "
                 "adopt an approach of “maximum tolerance.”", "THREATEN", "Leung", None, id="warned-of-consequences"),
])
def test_event_speech_coded(pipeline, lang, text, type_, actor, recipient):
    assert _coded(_events(pipeline, text, lang=lang), type_, actor, recipient)


@pytest.mark.parametrize("text, types", [
    pytest.param("Russian Deputy Foreign Minister Sergei Ryabkov called Trump's remarks “extremely negative”.",
                 ("CONSULT",), id="verdict-is-no-phone-call"),
    pytest.param("Israeli Prime Minister Benjamin Netanyahu said Hamas broke the news to its supporters on Tuesday.",
                 ("ACCUSE",), id="no-wrong-broke-the-news"),
    pytest.param("Philippine presidential spokesman Salvador Panelo said the U.S. travel restrictions were not "
                 "illegal.", ("ACCUSE",), id="no-verdict-not-illegal"),
    pytest.param("The Pakistani foreign minister called the meeting for Tuesday in Islamabad.", ("ACCUSE",),
                 id="no-verdict-called-a-meeting"),
    pytest.param("Organizer Christine Ahn said the crossing itself was a success and a historic event.",
                 ("SUPPORT", "ACCUSE"), id="verdict-on-no-ones-act"),
    pytest.param("The Pakistani foreign minister warned that India's economy would slow down next year.",
                 ("THREATEN",), id="warning-without-harm"),
    # "should they occupy": a condition, inverted, not what they are told they should do
    pytest.param("Mr. Leung refused to resign, warning the protesters of consequences should they occupy "
                 "government offices.", ("REQUEST",), id="inverted-should-is-no-demand"),
])
def test_event_speech_not_coded(pipeline, text, types):
    assert not any(t in types for t, *_ in _events(pipeline, text))


@pytest.mark.parametrize("text, judged", [
    ("Washington imposed sanctions on the head of Iran's judiciary on Friday. Describing the sanctions against "
     "Larijani as “hostile action”, Iran's Foreign Ministry said the move violates international law.", "SANCTION"),
])
def test_event_speech_judged_act_is_the_one_told_before(pipeline, text, judged):
    events = _events(pipeline, text)
    assert _coded(events, "ACCUSE", "IRN", "USA")
    assert [t for t, *_ in events].count(judged) == 1


@pytest.mark.parametrize("text", [
    "Ukrainian Ambassador Andrii Melnyk denied the Russian accusations of war crimes, calling them lies.",
])
def test_event_speech_verdict_as_manner_of_denial(pipeline, text):
    events = _events(pipeline, text)
    assert any(t == "REJECT" and "UKR" in src for t, src, _, _ in events)
    assert not any(t == "ACCUSE" and "UKR" in src for t, src, _, _ in events)
