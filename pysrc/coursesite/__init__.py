"""Build-time machinery of the course site (never shipped to the browser).

- :mod:`coursesite.plugin`: the MkDocs plugin ``course`` that ships the Python
  runtime (Pyodide, the course's packages, the browser bundle) with the site.
- :mod:`coursesite.config`: the plugin's settings.
- :mod:`coursesite.panels`: the ```` ```panel ```` fence that authors write.
- :mod:`coursesite.blocks`: the ``/// quiz``, ``/// recall``, ``/// exercise`` and ``/// progress`` blocks.
- :mod:`coursesite.markup`: widget markup shared by the fence and the blocks (starter code, error box, data).
- :mod:`coursesite.context`: which page is being built, for numbering and error messages.
- :mod:`coursesite.review`: the review page, gathering every lesson's quizzes and recall prompts.
- :mod:`coursesite.progress`: the index of what each lesson asks, for the progress page.
- :mod:`coursesite.csp`: the site's Content-Security-Policy: nothing loaded from another origin.
- :mod:`coursesite.page_head`: where the course's tags go in a built page (right after `<meta charset>`).
- :mod:`coursesite.lessons`: every page's widgets, read as the site reads them (the tests use it).
"""
