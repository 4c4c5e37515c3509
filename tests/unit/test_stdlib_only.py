"""The packages that run in the browser need nothing but the standard library, and nothing Pyodide lacks
(threads, files, processes): neuron, the teaching package, and coursekit, which runs the learner's code
and the exercises' checks."""

import ast
import pathlib
import subprocess
import sys

import coursekit
import neuron

PACKAGE = pathlib.Path(neuron.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))  # subpackages (neuron/plot/) included
COURSEKIT = pathlib.Path(coursekit.__file__).parent
COURSEKIT_MODULES = sorted(COURSEKIT.rglob("*.py"))
EXERCISES = pathlib.Path(__file__).resolve().parents[2] / "exercises"  # the course's own exercise specs
#: What coursekit may import besides the standard library: itself, and neuron (its exercises use it).
COURSE_PACKAGES = {"coursekit", "neuron"}
#: Calls that read files or the console, or run code: none of them in neuron.
FORBIDDEN_CALLS = {"open", "input", "exec", "eval", "__import__"}
#: Running the learner's code is coursekit.runtime's job: it compiles the code, exec()s it and eval()s a
#: last expression, in a fresh namespace. No other module of coursekit does.
RUNS_CODE = {COURSEKIT / "runtime.py": {"exec", "eval"}}
#: Finding the site's exercises is listing a folder (in the browser, Pyodide's in-memory copy of the
#: site's zip): coursekit.exercises may use pathlib, no other module of coursekit does.
LISTS_FOLDERS = {COURSEKIT / "exercises.py": {"pathlib"}}

#: Modules that do not work, or make no sense, in Pyodide (WebAssembly in a browser tab).
NOT_IN_THE_BROWSER = {
    "threading",
    "_thread",
    "multiprocessing",
    "concurrent",
    "subprocess",
    "socket",
    "ssl",
    "asyncio",
    "signal",
    "os",
    "pathlib",
    "shutil",
    "tempfile",
    "io",
    "sqlite3",
    "tkinter",
    "ctypes",
}

IMPORT_EVERYTHING = """
import sys
sys.path.insert(0, sys.argv[1])
import neuron, neuron.activations, neuron.losses, neuron.neuron, neuron.training
import neuron.datasets, neuron.explain, neuron.plot, neuron.selfcheck, neuron.validation, neuron.arithmetic
failures = neuron.selfcheck.main()
neuron.plot_decision_boundary(neuron.Neuron([1.0, 1.0], -0.5), *neuron.OR).to_svg()
outside = sorted({name.split(".")[0] for name in sys.modules} - set(sys.stdlib_module_names) - {"neuron", "__main__"})
print("NON-STDLIB:", outside)
sys.exit(failures)
"""

IMPORT_COURSEKIT = """
import importlib, pkgutil, sys
sys.path.insert(0, sys.argv[1])
import coursekit
for module in pkgutil.walk_packages(coursekit.__path__, "coursekit."):
    importlib.import_module(module.name)
from coursekit import checker, exercises
exercises.use(sys.argv[2])
statuses = {checker.run_checks(e, e.solution, lambda mime, data: None)["status"] for e in exercises.all_exercises()}
print("STATUSES:", sorted(statuses))
loaded = {name.split(".")[0] for name in sys.modules}
ours = {"coursekit", "neuron", "course_exercises", "__main__"}  # course_exercises: the site's exercises folder
print("NON-STDLIB:", sorted(loaded - set(sys.stdlib_module_names) - ours))
"""


def test_imports_and_runs_with_the_standard_library_alone():
    # -I: ignore PYTHONPATH and the user's site-packages; -S: not even the site-packages directory.
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", IMPORT_EVERYTHING, str(PACKAGE.parent)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NON-STDLIB: []" in result.stdout, result.stdout


def test_coursekit_imports_and_checks_every_exercise_with_the_standard_library_alone():
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", IMPORT_COURSEKIT, str(COURSEKIT.parent), str(EXERCISES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "STATUSES: ['checked']" in result.stdout, result.stdout
    assert "NON-STDLIB: []" in result.stdout, result.stdout


def imported_names(path):
    """Top-level names of every absolute import in a module's source."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


def test_every_import_in_the_source_is_standard_library_and_browser_safe():
    assert len(MODULES) >= 9
    for path in MODULES:
        for name in imported_names(path):
            assert name in sys.stdlib_module_names or name == "__future__", f"{path.name} imports {name}"
            assert name not in NOT_IN_THE_BROWSER, f"{path.name} imports {name}, which Pyodide cannot use"


def test_coursekit_imports_only_the_standard_library_and_the_course_packages():
    assert len(COURSEKIT_MODULES) >= 5
    for path in COURSEKIT_MODULES:
        where = path.relative_to(COURSEKIT)
        for name in imported_names(path):
            allowed = name in sys.stdlib_module_names or name in COURSE_PACKAGES or name == "__future__"
            assert allowed, f"{where} imports {name}"
            browser_safe = name not in NOT_IN_THE_BROWSER or name in LISTS_FOLDERS.get(path, set())
            assert browser_safe, f"{where} imports {name}, which Pyodide cannot use"


def called_names(path):
    """Names called directly in a module's source: open(...), exec(...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}


def test_no_file_or_console_input():
    for path in MODULES:
        calls = called_names(path)
        assert not calls & FORBIDDEN_CALLS, path.name


def test_coursekit_reads_no_file_or_console_and_only_its_runtime_runs_code():
    for path in COURSEKIT_MODULES:
        calls = called_names(path)
        assert not calls & (FORBIDDEN_CALLS - RUNS_CODE.get(path, set())), path.relative_to(COURSEKIT)
    assert called_names(COURSEKIT / "runtime.py") >= RUNS_CODE[COURSEKIT / "runtime.py"]


def test_the_checker_itself_would_catch_a_foreign_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import numpy\nfrom threading import Thread\nfrom . import losses\n", encoding="utf-8")
    assert list(imported_names(bad)) == ["numpy", "threading"]
    assert "numpy" not in sys.stdlib_module_names and "threading" in NOT_IN_THE_BROWSER
