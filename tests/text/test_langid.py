"""Language identification on real CoNLL sentences and news articles."""
import pytest

from cronica.text.langid import detect_language


def _sentences(path, n, min_words):
    out, cur = [], []
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("-DOCSTART-"):
            prose = sum(w.isalpha() and w.islower() for w in cur)  # skip datelines, score tables, squads
            if len(cur) >= min_words and prose >= min_words // 2:
                out.append(" ".join(cur))
            cur = []
            if len(out) == n:
                break
            continue
        cur.append(line.split()[0])
    return out


@pytest.mark.parametrize("lang,path", [("es", "ner/conll2002-es/test.conll"), ("en", "ner/conll2003-en/test.conll")])
def test_langid_conll_sentences(shared_data, lang, path):
    sents = _sentences(shared_data / path, 300, 8)
    right = sum(detect_language(s) == lang for s in sents)
    assert right / len(sents) >= 0.97


@pytest.mark.parametrize("record_id,lang", [("es-fnc-1a8324332adb", "es"), ("en-abp-1SKK278vQwiVPyzi", "en")])
def test_langid_news_article(news_records, record_id, lang):
    assert detect_language(news_records[record_id]["text"]) == lang


@pytest.mark.parametrize("text", ["", "12345 %%%"])
def test_langid_unsure_falls_back(text):
    assert detect_language(text, default="es") == "es"
