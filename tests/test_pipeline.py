"""The pipeline checks component order and return types."""
import pytest

from cronica.errors import ConfigError
from cronica.model import Article
from cronica.pipeline import DEFAULT_COMPONENTS, Pipeline, component, registered


@pytest.mark.parametrize("name", DEFAULT_COMPONENTS)
def test_pipeline_default_components_registered(name):
    info = registered()[name]
    assert info.assigns, f"{name} must declare what it assigns"


def test_pipeline_rejects_unmet_requires(options):
    with pytest.raises(ConfigError, match="E203"):
        Pipeline(["cronica.events.v1"], options=options)


def test_pipeline_rejects_non_article(options):
    @component("test.broken.v1", assigns=["article.nothing"])
    def make_broken(options):
        return lambda article: None
    with pytest.raises(ConfigError, match="E204"):
        Pipeline(["test.broken.v1"], options=options)(Article(text="Lavrov llegó a Pyongyang."))
