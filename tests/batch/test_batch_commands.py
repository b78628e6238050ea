"""`cronica batch` and `cronica load` on the command line: arguments and refusals (no Ray, no server)."""
import pytest

from cronica.cli import build_parser, main


@pytest.mark.parametrize("argv, field, value", [
    (["batch", "in.warc.gz", "--out", "out"], "workers", None),
    (["batch", "a.jsonl", "b", "--out", "out", "--workers", "2", "--resume"], "resume", True),
    (["batch", "a.jsonl", "--out", "out", "--address", "ray://head:10001"], "address", "ray://head:10001"),
    (["load", "out", "--db", "postgresql://u@127.0.0.1:5432/cronica"], "db", "postgresql://u@127.0.0.1:5432/cronica"),
])
def test_batch_commands_parse_options(argv, field, value):
    args = build_parser().parse_args(argv)
    assert getattr(args, field) == value


@pytest.mark.parametrize("argv", [["batch", "-", "--out", "OUT"]])
def test_batch_commands_refuse_standard_input(argv, tmp_path, capsys):
    code = main([a.replace("OUT", str(tmp_path / "out")) for a in argv])
    assert code == 2 and "standard input" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["no-such-folder"])
def test_batch_commands_load_missing_folder_is_an_input_error(name, tmp_path, capsys):
    code = main(["load", str(tmp_path / name), "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert code == 2 and "[E107]" in capsys.readouterr().err
