"""The local web app: ``create_app`` builds it, ``serve`` runs it.

>>> bind_warning("127.0.0.1") is None
True
>>> "other machines" in bind_warning("0.0.0.0")
True
"""

from __future__ import annotations

from pathlib import Path

from storytrace.web.app import create_app, is_loopback

__all__ = ["bind_warning", "create_app", "is_loopback", "serve"]


def bind_warning(host: str) -> str | None:
    """What to tell the user before serving on ``host``; ``None`` on this machine only."""
    if is_loopback(host):
        return None
    return (
        f"serving on {host}: other machines that can reach this one can read every stored "
        "article; write actions from other machines need --token (without one they are refused)"
    )


def serve(
    store_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
) -> None:
    """Run the web app until interrupted (Ctrl-C).

    Example: ``serve("storytrace.db", port=8000)`` then open http://127.0.0.1:8000
    """
    import uvicorn

    allowed = None if is_loopback(host) else ["*"]
    app = create_app(store_path, token=token, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="info")
