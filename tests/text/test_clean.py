"""Cleaning real scrapes: boilerplate lines go, the body stays, the title and dateline are found."""
import pytest

from cronica.model import Article
from cronica.text.clean import clean_article
from cronica.text.dateline import find_dateline


@pytest.fixture(scope="module")
def example(shared_root):
    text = (shared_root / "examples" / "lavrov-corea-del-norte.txt").read_text(encoding="utf-8")
    return clean_article(Article(text=text, lang="es"))


@pytest.mark.parametrize("gone", ["Home Noticias", "\n70\n", "fuente", "Ministro de Relaciones Exteriores de Rusia, Sergey"])
def test_clean_example_boilerplate_removed(example, gone):
    assert gone not in example.text


@pytest.mark.parametrize("kept", ["©© viajará a Corea del Norte", "Los líderes firmaron un acuerdo",
                                  "amenaza que representa su programa nuclear militar."])
def test_clean_example_body_kept(example, kept):
    assert kept in example.text


def test_clean_example_title_recovered(example):
    assert example.title.startswith("El ministro de Relaciones Exteriores ruso visitará Corea del Norte")
    assert example.title not in example.text


def test_clean_example_caption_kept_as_context(example):
    assert example.meta["captions"] == ["Ministro de Relaciones Exteriores de Rusia, Sergey Lavrov"]


@pytest.mark.parametrize("word", ["far"])
def test_clean_example_untranslated_flagged(example, word):
    flags = [f for f in example.flags if f.kind == "untranslated_token"]
    assert [f.text for f in flags] == [word]
    assert example.text[flags[0].start:flags[0].end] == word


@pytest.mark.parametrize("record_id,gone,first_body", [
    ("en-abp-1SKK278vQwiVPyzi", ["Doug Stanglin", "USA TODAY"], "North Korea fired"),
    ("en-abp-6gE3FAMDcvSvfQ5L", ["SHARE THIS ARTICLE", "Photographer:", "Sign up for Next China"], "U.S. Trade Representative"),
    ("en-abp-1GhNm01Ve9PohWUH", ["ADVERTISEMENT"], "Turns out there's one failed"),
    ("en-abp-01jT0YSxhaABWy87", ["Enlarge this image", "Another Powerful Earthquake Strikes Nepal"], "A magnitude-7.3 earthquake"),
    ("en-abp-B4oTA19BPFtr7JCG", ["And the winner is", "Pro-democracy protesters wave American flags", "With Post Wires"],
     "Thousands of protesters in Hong Kong"),
    # caption paragraphs that end with the agency's credit; a gallery counter
    ("en-abp-yhuEDYKUmg9aARkJ", ["(AP Photo/Channi Anand)", "An Indian paramilitary soldier guards"],
     "NEW DELHI (AP)"),
    ("en-abp-KcraidT8qGg5BCQm", ["Slideshow (2 Images)", "FILE PHOTO"], "MOSCOW (Reuters)"),
])
def test_clean_news_scrape_lines_removed(news_records, record_id, gone, first_body):
    r = news_records[record_id]
    article = clean_article(Article(text=r["text"], title=r["title"], lang=r["lang"]))
    for line in gone:
        assert line not in article.text
    assert article.text.startswith(first_body)


@pytest.mark.parametrize("record_id,gone,kept", [
    ("en-abp-0CjdwYvEPYr4kEnX", ["Story Continued Below"], "I think it’s unconstitutional."),
    ("en-abp-1GbFnRXrXPqrpCW4", ["Click here for reprint permission"], "Independent Accountability Review Board"),
    ("en-abp-8QqYkqe7IgQrtik8", ["what we know so far Read more"], "Detectives are piecing together"),
    ("en-abp-CEtZ4GtHLIiZqahu", ["Play Video 0:43"], "Pyongyang says it will launch four missiles"),
    ("en-abp-JNpnQyLEjI9xIHQs", ["Follow Joel on Twitter"], "Attorney General Eric Holder"),
    ("en-abp-LrZxpc1aTsxTaFTV", ["Contributing: David Jackson"], "Attorney General William Barr told"),
    ("en-abp-W5DxceUDqB5nkhqR", ["sign up for our newsletter"], "The State Department has announced"),
    ("en-abp-06gcWQ2Cz7bo6Rby", ["By signing up, you agree to our Privacy Policy"], "argues Ms. Wareham"),
    ("en-abp-bobq9ic7sbl0u8RS", ["Scott Eisen/Getty Images"], "With classes scheduled to start next week"),
    ("es-fnc-edfa8489fd6b", ["vínculos a páginas externas", "Cerrar panel", "Image caption"],
     "La rapidez con la que escaló la tensión"),
    # a picture's caption and credit on a line of their own; the story's sentence after it stays
    ("en-abp-A5DXwTEMMRiNZYWT", ["Image Former President George W. Bush in August.", "Credit... Brendan Smialowski"],
     "the 6,000-page report by the Senate Intelligence Committee"),
    # the label of a summary's bullets goes, the bullet stays
    ("en-abp-O3k87ef7k8ppNDzu", ["Story highlights"], "Hagel would only do this if Gen. Martin Dempsey"),
    # a link to another story in the case of headlines, among the paragraphs
    ("en-abp-fmem7w9M0Wtpoh9U", ["Modi’s Big Play for India’s Hindu Heartland Risks Backfiring"],
     "Especially as the Indian election approaches"),
    ("en-abp-Yi3N78NEX0iYKB0s", ["Faithwire: EVIL: After Brutal Killing"], "The armed men reportedly kidnapped"),
    # a byline and the agency on lines of their own above the dateline
    ("en-abp-HDf2Rxnxv4bDMFB7", ["Eric Talmadge", "Associated Press\n"], "DORASAN STATION, South Korea (AP)"),
    # a related story's teaser line cut off with an ellipsis
    ("en-abp-LAXPWKNGIvqkFExC", ["see also Trump says China should keep seized drone"], "China will return a U.S. drone"),
    # a link inside a paragraph and an embedded post's picture link go; the post's words stay
    ("en-abp-OH5FHNM5YnouVGGg", ["(RELATED: Turkey Launches", "pic.twitter.com/"],
     "Statement from President Donald J. Trump Regarding Turkey’s Actions in Northeast Syria"),
    # a politician's hover card (full name glued to three headlines, then "MORE") goes, the name stays
    ("en-abp-g0wDKvvayBpUih21", ["Donald John TrumpTrump faces", "threatening to fire Mulvaney: report MORE"],
     "voted more strongly for President Trump."),
    # a news series' blurb above the story
    ("en-abp-kvL7qKHXjBSVYXBk", ["A daily summary of global reports on security issues."],
     "A day after it launched an airstrike outside of Damascus"),
    # the reporters' credits at the foot of the story
    ("en-abp-CFT5hdvWCTMjb0pw", ["Bacon reported from McLean", "Contributing: Jane Onyanga-Omara"],
     "BANGKOK — A deadly bomb blast Monday rocked a downtown shopping and tourism hub"),
    # a caption closed by the agency and photographer, and a link to an earlier story
    ("en-abp-VIaZo6P16S6CTZbL", ["REUTERS/Christinne Muschi"], "Canadian Prime Minister Justin Trudeau on Wednesday"),
    ("en-abp-SBxW0fYAgqi5Wg1W", ["Earlier:Trump calls Putin"], "Russia's Vladimir Putin called President Trump Sunday"),
    # a video player's label and teaser, and a caption closed by a credit in parentheses
    ("en-abp-C3PqvBN2EmpHdonz", ["Video provided by Newsy", "(Photo: Sofiene Hamadaoui"],
     "Angry Tunisians rallied in solidarity Thursday outside the museum"),
    # teasers for other stories: a label in capitals and a headline, a gallery link, an explainer link
    ("en-abp-cleDpurN2ibwEXxI", ["SOTLOFF REMEMBERED:Had commitment", "BRITISH HOSTAGE THREATENED:David"],
     "The video also includes a threat against British hostage David Haines."),
    ("en-abp-FFHK6DrzOS6alxIo", ["( PHOTOS: Obama's Israel trip)"], "Obama and Abbas met for more than an hour"),
    ("en-abp-fmem7w9M0Wtpoh9U", ["Trump’s Threatening to Pull: QuickTake"],
     "Both Trump and Modi likely hope to isolate thorny trade issues"),
    # a link to a document closing a paragraph goes; the paragraph stays
    ("es-fnc-841df25de317", ["Lea aquí el informe"], "para ayudar al jefe del Estado en todo lo que pueda”."),
])
def test_clean_news_page_furniture_removed(news_records, record_id, gone, kept):
    """Copyright and reprint lines, player labels, related-story links, social and newsletter
    prompts, contributor lines, photographer credits and share panels go; the story stays."""
    r = news_records[record_id]
    article = clean_article(Article(text=r["text"], title=r["title"], lang=r["lang"]))
    for line in gone:
        assert line not in article.text
    assert kept in article.text


def test_clean_transcript_speaker_kept(news_records):
    """A transcript's speaker in capitals, cut off mid-sentence, is the story, not a teaser."""
    r = news_records["en-abp-WAhp8DqY4aZNOY9N"]
    article = clean_article(Article(text=r["text"], title=r["title"], lang=r["lang"]))
    assert "AMY GOODMAN: When the U.S. helicopters came in to—" in article.text


@pytest.mark.parametrize("record_id", ["es-fnc-1a8324332adb"])
def test_clean_plain_article_unchanged_words(news_records, record_id):
    r = news_records[record_id]
    article = clean_article(Article(text=r["text"], title=r["title"], lang=r["lang"]))
    assert article.text.split() == r["text"].split()
    assert not [f for f in article.flags if f.kind == "boilerplate_removed"]


def test_clean_raw_text_is_kept_exactly():
    text = "Home Noticias\n70\nSEOUL: Lavrov viajará a Pyongyang."
    article = clean_article(Article(text=text, lang="es", raw=True))
    assert article.text == text


@pytest.mark.parametrize("text,place", [
    ("SEOUL: ©© viajará a Corea del Norte", "SEOUL"),
    ("WASHINGTON — The day after his ill-fated news conference", "WASHINGTON"),
    ("MADRID (EFE).- El Gobierno aprobó", "MADRID"),
    ("BOGOTÁ, Colombia (AP) — Miles de personas marcharon", "BOGOTÁ"),
    # a capitalised place is a dateline when an agency follows it; two places share one
    ("Cairo (AFP) - Palestinian leader Mahmud Abbas announced Saturday a cut of all ties", "Cairo"),
    ("Washington (CNN)President Donald Trump's top aides were in touch", "Washington"),
    ("MONTREAL/RIYADH (Reuters) - Canadian Prime Minister Justin Trudeau on Wednesday said", "MONTREAL/RIYADH"),
])
def test_dateline_found(text, place):
    found = find_dateline(text)
    assert found["text"] == place
    assert text[found["start"]:found["end"]] == place
    # the agency and the dash belong to the dateline: no name there is an actor
    rest = text[found["lead_end"]:]
    assert found["lead_end"] > found["end"] and rest[:1] not in ("", " ", "(", "-", "—", ":", ".")


@pytest.mark.parametrize("text", ["La agencia oficial de noticias dijo que Lavrov fue invitado.",
                                  "EE.UU. y Rusia firmaron un acuerdo.",
                                  "Palestinian leader Mahmud Abbas (pictured) said on Saturday"])
def test_dateline_absent(text):
    assert find_dateline(text) is None
