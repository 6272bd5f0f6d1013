"""The web: an HTTP API and a Read page over the reader (and the store, when there is one).

``claimgraph serve`` runs :func:`create_app` on uvicorn; see :mod:`claimgraph.web.app`.
"""
from claimgraph.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
