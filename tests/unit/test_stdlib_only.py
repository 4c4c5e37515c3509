"""The package needs nothing but the standard library, and nothing Pyodide lacks (threads, files, processes)."""

import ast
import pathlib
import subprocess
import sys

import neuron

PACKAGE = pathlib.Path(neuron.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))

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


def test_no_file_or_console_input():
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert not calls & {"open", "input", "exec", "eval", "__import__"}, path.name


def test_the_checker_itself_would_catch_a_foreign_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import numpy\nfrom threading import Thread\nfrom . import losses\n", encoding="utf-8")
    assert list(imported_names(bad)) == ["numpy", "threading"]
    assert "numpy" not in sys.stdlib_module_names and "threading" in NOT_IN_THE_BROWSER
