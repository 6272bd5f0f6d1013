"""The web: an HTTP API and a Read page over the reader (and the store, when there is one).

``claimgraph serve`` runs :func:`create_app` on uvicorn; see :mod:`claimgraph.web.app`.
The app (and with it spaCy) loads on first use of ``Settings`` or ``create_app``, so that
importing a light module of this package (``claimgraph.web.security``) stays light.
"""

__all__ = ["Settings", "create_app"]


def __getattr__(name):
    if name in __all__:
        from claimgraph.web import app

        return getattr(app, name)
    raise AttributeError(f"module 'claimgraph.web' has no attribute {name!r}")
