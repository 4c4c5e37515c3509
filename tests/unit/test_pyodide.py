"""The same package in Pyodide (CPython compiled to WebAssembly, as in the browser), driven by Node.

Runs ``neuron.selfcheck`` there and compares a fingerprint of results (a training
history, predictions, an SVG) with CPython's, so the two cannot drift apart.
Skipped when Node or the npm ``pyodide`` package is not installed.
"""

import json
import pathlib
import shutil
import subprocess

import pytest

import neuron

PACKAGE = pathlib.Path(neuron.__file__).parent
PYODIDE = PACKAGE.parent.parent / "node_modules" / "pyodide"

FINGERPRINT = """
import json
import neuron
from neuron import OR, SPAM, Neuron, plot_decision_boundary
from neuron.selfcheck import run

n = Neuron.random(2, seed=0)
history = n.fit(*OR, epochs=200)
spam = Neuron.random(4, seed=1)
spam.fit(*SPAM, epochs=100)
fingerprint = json.dumps({
    "selfcheck": [list(result) for result in run()],
    "losses": history.losses,
    "weights": history.weights[-1],
    "spam": spam.predict(SPAM[0]),
    "explain": str(n.explain([1, 0])),
    "svg": plot_decision_boundary(n, *OR).to_svg(),
    "diagram": n.draw([1, 0]).to_svg(),
})
"""

RUNNER = """
const [pyodideDir, packageDir, code] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const fs = await import("node:fs");
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
// the package's .py files, subpackages (neuron/plot/) included
for (const name of fs.readdirSync(packageDir, { recursive: true }).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.mkdirTree("/home/pyodide/neuron/" + name.split("/").slice(0, -1).join("/"));
  pyodide.FS.writeFile("/home/pyodide/neuron/" + name, fs.readFileSync(packageDir + "/" + name, "utf8"));
}
pyodide.runPython(code);
process.stdout.write("FINGERPRINT " + pyodide.globals.get("fingerprint") + "\\n");
"""


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    node = shutil.which("node")
    if node is None or not (PYODIDE / "pyodide.mjs").exists():
        pytest.skip("needs Node and the npm package pyodide (npm install)")
    script = tmp_path_factory.mktemp("pyodide") / "run.mjs"
    script.write_text(RUNNER, encoding="utf-8")
    code = FINGERPRINT + "\nimport neuron.selfcheck\nneuron.selfcheck.main()\n"
    result = subprocess.run(
        [node, str(script), str(PYODIDE), str(PACKAGE), code], capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def cpython_fingerprint():
    namespace = {}
    exec(FINGERPRINT, namespace)
    return json.loads(namespace["fingerprint"])


def test_selfcheck_passes_in_pyodide(pyodide_run):
    assert "selfcheck: " in pyodide_run and ", 0 failed" in pyodide_run, pyodide_run


def test_pyodide_and_cpython_give_the_same_results(pyodide_run):
    line = next(line for line in pyodide_run.splitlines() if line.startswith("FINGERPRINT "))
    in_browser = json.loads(line.removeprefix("FINGERPRINT "))
    here = cpython_fingerprint()
    assert in_browser["selfcheck"] == here["selfcheck"]
    assert in_browser["explain"] == here["explain"]
    assert in_browser["svg"] == here["svg"]
    assert in_browser["diagram"] == here["diagram"]
    for key in ("losses", "weights", "spam"):
        assert in_browser[key] == pytest.approx(here[key], rel=1e-13, abs=1e-300), key
