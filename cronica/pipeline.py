"""The pipeline: named, versioned components run in order over an `Article`.

A component is a factory `make(options) -> callable(Article) -> Article`, registered
with what it reads (`requires`) and writes (`assigns`). `Pipeline` refuses an order
in which a component needs something no earlier component assigns.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import ConfigError
from .model import Article

_REGISTRY: dict[str, "ComponentInfo"] = {}
_BASE = {"article.text", "article.lang", "article.published", "article.title"}


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    factory: Callable
    assigns: tuple[str, ...]
    requires: tuple[str, ...]


def component(name: str, *, assigns: Iterable[str] = (), requires: Iterable[str] = ()):
    """Register a component factory under a versioned name.

    Args:
        name: e.g. "cronica.times.v1".
        assigns: article attributes the component writes ("article.times").
        requires: article attributes it reads.
    Returns:
        the decorator, which returns the factory unchanged.
    """
    def register(factory):
        _REGISTRY[name] = ComponentInfo(name, factory, tuple(assigns), tuple(requires))
        return factory
    return register


def registered() -> dict[str, ComponentInfo]:
    """Return the registry (name -> info), after importing every component module."""
    from . import components  # noqa: F401  (registers the built-in components)
    return dict(_REGISTRY)


DEFAULT_COMPONENTS = (
    "cronica.langid.v1",
    "cronica.clean.v1",
    "cronica.analyze.v1",
    "cronica.mentions.v1",
    "cronica.entities.v1",
    "cronica.knowledge.v1",
    "cronica.quantities.v1",
    "cronica.times.v1",
    "cronica.events.v1",
)


class Pipeline:
    """Runs components in order; each must return an Article."""

    def __init__(self, names: Iterable[str] = DEFAULT_COMPONENTS, *, options=None):
        from .settings import load_options
        self.options = options if options is not None else load_options()
        registry = registered()
        self.names = list(names)
        available = set(_BASE)
        self._steps = []
        for name in self.names:
            info = registry.get(name)
            if info is None:
                raise ConfigError("E205", name=name)
            missing = [r for r in info.requires if r not in available]
            if missing:
                raise ConfigError("E203", name=name, missing=", ".join(missing))
            available.update(info.assigns)
            self._steps.append((name, info.factory(self.options)))

    def __call__(self, article: Article) -> Article:
        for name, step in self._steps:
            result = step(article)
            if not isinstance(result, Article):
                raise ConfigError("E204", name=name, got=type(result).__name__)
            article = result
        article.doc = None
        return article
