"""The installed package: its version, exports, types marker and docstrings."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import finesse_client
from finesse_client import _finesse_client, aio, enums, events, exceptions, pytest_plugin, testing


def test_installed_from_a_wheel_not_the_source_tree() -> None:
    assert "site-packages" in Path(finesse_client.__file__).parts
    assert Path(_finesse_client.__file__).suffix in (".so", ".pyd")


def test_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", finesse_client.__version__)


def test_typed_package_ships_its_stub() -> None:
    root = Path(finesse_client.__file__).parent
    assert (root / "py.typed").is_file()
    assert (root / "_finesse_client.pyi").is_file()


def test_all_is_complete_and_importable() -> None:
    for module in (finesse_client, exceptions, enums, events, testing, pytest_plugin, aio):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"
    native = {name for name in _finesse_client.__all__}
    assert native <= set(finesse_client.__all__) | set(testing.__all__)
    assert set(exceptions.__all__) <= set(finesse_client.__all__)
    assert set(events.__all__) <= set(finesse_client.__all__)


def own_members(cls: type) -> dict[str, object]:
    """Public members defined by the class itself, not inherited from builtins."""
    inherited: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__ in ("builtins", "enum"):
            inherited.update(vars(base))
    return {
        name: value
        for name, value in vars(cls).items()
        if not name.startswith("_") and name not in inherited
    }


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for module in (finesse_client, exceptions, enums, events, testing, pytest_plugin, aio):
        if not (module.__doc__ or "").strip():
            missing.append(module.__name__)
        for name in module.__all__:
            obj = getattr(module, name)
            if name == "__version__" or isinstance(obj, enums.WireEnum):
                continue
            if not (inspect.getdoc(obj) or "").strip():
                missing.append(f"{module.__name__}.{name}")
            if inspect.isclass(obj):
                for member, value in own_members(obj).items():
                    if isinstance(value, enums.WireEnum):
                        continue
                    if not (getattr(value, "__doc__", None) or "").strip():
                        missing.append(f"{name}.{member}")
    assert missing == []


def test_classes_claim_the_public_module() -> None:
    for name in _finesse_client.__all__:
        obj = getattr(_finesse_client, name)
        if inspect.isclass(obj):
            public = "finesse_client.testing" if name in testing.__all__ else "finesse_client"
            assert obj.__module__ == public, name


def test_the_pytest_plugin_is_registered() -> None:
    from importlib.metadata import entry_points

    [plugin] = entry_points(group="pytest11", name="finesse_client")
    assert plugin.value == "finesse_client.pytest_plugin"
