"""Plain functions behind the commands: extract articles from inputs, one by one."""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

from .errors import ConfigError, CronicaError, InputError, LanguageDataError
from .model import Article, to_record
from .pipeline import Pipeline
from .settings import load_options

log = logging.getLogger("cronica")


def prepare(article: Article, *, date: str | None = None, lang: str | None = None) -> Article:
    """Apply the caller's defaults: --date fills a missing published, --lang overrides."""
    if date and not article.published:
        article.published = date
    if lang:
        article.lang = lang
    return article


def extract_articles(items: Iterable[Article | InputError], *, pipeline: Pipeline,
                     date: str | None = None, lang: str | None = None
                     ) -> Iterator[dict | CronicaError]:
    """Run the pipeline over readers' output; yield a record or the error of each input.

    Args:
        items: Articles and InputErrors, as `read_inputs` yields them.
        pipeline: the pipeline to run.
        date: published date for articles without one.
        lang: language for every article (skips detection).
    Returns:
        iterator of contract records and errors, in input order.
    """
    for item in items:
        if isinstance(item, CronicaError):
            yield item
            continue
        name = item.input_name or item.id or "<text>"
        try:
            article = pipeline(prepare(item, date=date, lang=lang))
        except InputError as e:
            yield e
            continue
        except (ConfigError, LanguageDataError):
            raise  # the same for every article: stop the batch
        except Exception as e:  # noqa: BLE001  (one bad article must not stop the batch)
            log.debug("article %s failed", name, exc_info=True)
            yield InputError("E115", input=name, reason=f"{type(e).__name__}: {e}")
            continue
        yield to_record(article)


def extract(text: str, *, published: str | None = None, lang: str | None = None,
            title: str | None = None, pipeline: Pipeline | None = None) -> dict:
    """Extract one article given as text; return its contract record.

    Args:
        text: the article body (a plain-text scrape is cleaned).
        published: ISO date the article was published, for relative times.
        lang: language code; detected when omitted.
        title: headline, when known.
        pipeline: a Pipeline to reuse (built with default options when omitted).
    Returns:
        the `cronica.document/1` record.
    """
    pipeline = pipeline or Pipeline(options=load_options())
    article = Article(text=text, published=published, lang=lang, title=title)
    return to_record(pipeline(article))
