"""marsad's web app: a JSON API and pages over the store (`marsad serve`; docs/web.md).

    from marsad.web import create_app
    app = create_app("marsad.db")          # an ASGI app: uvicorn.run(app, host="127.0.0.1")
"""

from marsad.web.app import create_app

__all__ = ["create_app"]
