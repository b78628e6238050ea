"""Errors cronica raises, with messages from one coded catalogue."""
from __future__ import annotations


class Messages:
    """Coded message templates. A code never changes meaning once released."""

    E101 = "{input}: not UTF-8 and no encoding detected"
    E102 = "{input}: empty article (no text after cleaning)"
    E103 = "{input}: larger than {limit} bytes; skipped"
    E104 = "{input}: binary data, not a text, HTML, feed, WARC or JSON Lines file"
    E105 = "{input}: line {line}: not a JSON object ({reason})"
    E106 = "{input}: line {line}: record has neither 'text' nor 'html'"
    E107 = "{input}: no such file or directory"
    E108 = "{input}: broken compressed data ({reason})"
    E109 = "{input}: malformed feed ({reason})"
    E110 = "{input}: malformed WARC ({reason})"
    E111 = "{input}: HTML page has no article text"
    E112 = "{input}: unsupported language '{lang}' (supported: {supported})"
    E113 = "{input}: uncompressed size over {limit} bytes; skipped"
    E114 = "{input}: could not be fetched ({reason})"
    E115 = "{input}: could not be processed ({reason}); the batch goes on"
    E116 = "{input}: damaged UTF-8 (invalid byte at offset {offset}); not guessing another encoding"
    E117 = "{input}: line {line}: field '{field}' is {kind}, not text"
    E118 = "{input}: cannot be read ({reason})"
    E201 = "setting '{name}' is unknown (known: {known})"
    E202 = "setting '{name}': cannot read '{value}' as {kind}"
    E203 = "component '{name}' requires {missing}, which no earlier component assigns"
    E204 = "component '{name}' returned {got}, not an Article"
    E205 = "unknown component '{name}'"
    E206 = "'{value}' is not a date (YYYY-MM-DD)"
    E207 = "'{package}' cannot be imported; reinstall cronica (it is one of its dependencies)"
    E301 = "{path}: language data invalid: {reason}"
    E302 = "no language data for '{lang}'"
    E401 = "store {path}: {reason}"
    E402 = "store {path}: schema version {found} is newer than this cronica knows ({known})"
    E403 = "store {path}: still locked after {seconds} s of retries"
    E404 = "{input}: not a cronica.document/1 record ({reason})"
    E405 = "export format '{fmt}' needs {package}, which is not installed"
    E406 = "'cronica {command}' needs {package}, which is not installed (pip install 'cronica[{extra}]')"


class CronicaError(Exception):
    """Base of every error cronica raises on purpose."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        message = getattr(Messages, code).format(**values)
        prefix = f"{values['input']}: " if "input" in values else ""
        if prefix and message.startswith(prefix):
            message = f"{prefix}[{code}] {message[len(prefix):]}"  # `feed.xml#12: [E109] ...`
        else:
            message = f"[{code}] {message}"
        super().__init__(message)


class InputError(CronicaError):
    """One input (file, record, page) could not be read; the batch goes on."""


class ConfigError(CronicaError):
    """A setting, option or pipeline order is wrong."""


class LanguageDataError(CronicaError):
    """A lang/ data file does not fit its schema."""


class StoreError(CronicaError):
    """The store could not be opened or written."""
