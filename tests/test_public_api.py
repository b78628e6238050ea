"""The public API is small and complete: everything in __all__ exists, nothing else is exported."""
import pytest

import cronica


@pytest.mark.parametrize("name", ["Article", "Pipeline", "extract", "open_store"])
def test_public_api_exports(name):
    assert name in cronica.__all__
    assert getattr(cronica, name) is not None


def test_public_api_all_is_complete():
    public = {n for n in vars(cronica) if not n.startswith("_") and callable(getattr(cronica, n))
              and getattr(getattr(cronica, n), "__module__", "").startswith("cronica")}
    assert public <= set(cronica.__all__)
