from .session import bp  # noqa: F401
