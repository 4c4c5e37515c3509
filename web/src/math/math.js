// Typeset the maths that pymdownx.arithmatex (generic mode) leaves in the page
// as \( … \) and \[ … \], with KaTeX from npm (bundled, so nothing comes from
// a CDN). KaTeX is loaded once, lazily, on the first page that has maths.
let katex = null;
const loadKatex = () => (katex ||= import("katex").then((module) => module.default));

const DELIMITERS = [
  ["\\(", "\\)", false],
  ["\\[", "\\]", true],
];

function parse(source) {
  const text = source.trim();
  for (const [open, close, display] of DELIMITERS) {
    if (text.startsWith(open) && text.endsWith(close)) {
      return { tex: text.slice(open.length, -close.length), display };
    }
  }
  return { tex: text, display: false };
}

export async function mountMath(element) {
  const { tex, display } = parse(element.textContent);
  const { render } = await loadKatex();
  render(tex, element, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
}
