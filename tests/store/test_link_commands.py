"""`cronica document` and `cronica relink`: the same story in other languages from the command line."""
from __future__ import annotations

import shutil

import pytest

from cronica.cli import main


@pytest.mark.parametrize("pair", [0], ids=["tillerson-fox"])
def test_link_commands_document_shows_other_languages(xlang_db, xlang_cases, capsys, pair):
    spanish, english = xlang_cases["pairs"][pair]
    assert main(["document", spanish, "--db", str(xlang_db)]) == 0
    out = capsys.readouterr().out
    assert "same story in other languages" in out and f"en: {english}" in out


@pytest.mark.parametrize("doc_id", ["no-such-document"])
def test_link_commands_document_unknown_id(xlang_db, capsys, doc_id):
    assert main(["document", doc_id, "--db", str(xlang_db)]) == 1
    assert doc_id in capsys.readouterr().err


@pytest.mark.parametrize("chunk", ["2", "500"])
def test_link_commands_relink_restores_links(xlang_db, xlang_cases, tmp_path, capsys, chunk):
    from cronica.store.sqlite import open_store
    path = tmp_path / "copy.db"
    shutil.copy(xlang_db, path)
    with open_store(path) as store:  # a store from before links: no signature, no link
        store.conn.execute("DELETE FROM xlang_signatures")
        store.conn.execute("DELETE FROM xlang_keys")
        store.conn.execute("DELETE FROM xlang_links")
    assert main(["relink", "--db", str(path), "--chunk", chunk]) == 0
    with open_store(path) as store:
        rows = store.conn.execute("SELECT a.id, b.id FROM xlang_links l JOIN documents a ON a.doc_rowid = l.doc_a"
                                  " JOIN documents b ON b.doc_rowid = l.doc_b").fetchall()
    assert {tuple(sorted(r)) for r in rows} == {tuple(sorted(p)) for p in xlang_cases["pairs"]}
    assert "3 links across languages" in capsys.readouterr().err
