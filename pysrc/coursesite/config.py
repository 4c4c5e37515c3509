"""Settings of the ``course`` MkDocs plugin."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class CourseConfig(Config):
    enabled = opt.Type(bool, default=True)
    #: Run every code panel once at build (in CPython) and fail on a broken promise.
    run_panels = opt.Type(bool, default=True)
    #: Where `npm run build` put Pyodide (its boot-time stdlib compiled: web/pyodide/build-pyodide.mjs).
    pyodide_dir = opt.Type(str, default="build/pyodide")
    #: Where `npm run build` (esbuild) wrote the browser bundle.
    bundle_dir = opt.Type(str, default="build/web")
    #: What the learner's browser keeps this site's progress and edits under (default: from
    #: site_name, e.g. "one-neuron"), so two courses on one host keep theirs apart.
    storage_prefix = opt.Optional(opt.Type(str))
    #: The folder of the lessons (the progress page's list and the review's source); default:
    #: lessons/ if the site has it, else every page with a quiz, recall prompt or exercise.
    lessons_dir = opt.Optional(opt.Type(str))
    #: The folder of the site's exercise specs (one module per lesson, see coursekit.exercises);
    #: default: exercises/ beside mkdocs.yml, if there is one.
    exercises_dir = opt.Optional(opt.Type(str))
    #: The teacher's own Python packages (importable at build time) shipped to the browser and imported
    #: as Python starts, e.g. [neuron]; coursekit, the engine's, is always shipped.
    python_packages = opt.ListOfItems(opt.Type(str), default=[])
