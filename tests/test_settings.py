"""Settings: declared once, documented, typed by their default, layered by precedence."""
import pytest

from cronica.errors import ConfigError
from cronica.settings import SETTINGS, load_options


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_settings_are_documented(setting):
    assert setting.help and setting.help[0].isupper()
    assert setting.name.islower()


@pytest.mark.parametrize("name,value,expected", [("max_article_bytes", "1_000", 1000),
                                                 ("fetch_allow_private", "yes", True),
                                                 ("fetch_delay_s", "0.5", 0.5)])
def test_settings_typed_by_default(name, value, expected):
    assert load_options(overrides={name: value}, environ={})[name] == expected


def test_settings_environment_below_overrides():
    env = {"CRONICA_SERVE_PORT": "9000"}
    assert load_options(environ=env)["serve_port"] == 9000
    assert load_options(environ=env, overrides={"serve_port": "9100"})["serve_port"] == 9100


@pytest.mark.parametrize("overrides", [{"no_such_setting": 1}, {"serve_port": "eighty"}])
def test_settings_reject_bad_values(overrides):
    with pytest.raises(ConfigError):
        load_options(overrides=overrides, environ={})
