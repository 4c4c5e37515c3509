// A wide table on a narrow screen scrolls sideways inside Material's
// .md-typeset__scrollwrap: a keyboard user can scroll it only if it can take
// focus. While it overflows, it is a named region in the tab order; when it
// fits again, it leaves the tab order.

function follow(wrapper) {
  const overflows = wrapper.scrollWidth > wrapper.clientWidth + 1;
  if (overflows === wrapper.hasAttribute("tabindex")) return;
  if (overflows) {
    wrapper.tabIndex = 0;
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "Table (scrolls sideways)");
  } else {
    for (const name of ["tabindex", "role", "aria-label"]) wrapper.removeAttribute(name);
  }
}

const watcher =
  typeof ResizeObserver === "undefined"
    ? null
    : new ResizeObserver((entries) => {
        for (const entry of entries) follow(entry.target);
      });

// The observer's first report comes with the page's next layout: asking for
// the wrapper's widths here instead would lay the whole page out once more,
// in the middle of setting its widgets up.
export function mountScrollRegion(wrapper) {
  if (watcher) watcher.observe(wrapper);
  else follow(wrapper);
}
