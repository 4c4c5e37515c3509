"""Build-time machinery of the course site (never shipped to the browser).

- :mod:`coursesite.plugin`: the MkDocs plugin ``course`` that ships the Python
  runtime (Pyodide, the course's packages, the browser bundle) with the site.
- :mod:`coursesite.panels`: the ```` ```panel ```` fence that authors write.
- :mod:`coursesite.context`: which page is being built, for error messages.
"""
