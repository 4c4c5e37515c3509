// Dragging a Parsons problem's lines with a mouse, a pen or a finger (pointer
// events): up and down to reorder, across to indent, into the set-aside box to
// take a line out of the program. The line follows the pointer live (the list
// reorders under it); the move is announced once, when the line is dropped.
// The keyboard does all of this too (parsons.js).

const THRESHOLD_PX = 5; // a press that moves less is a click (it selects the line)

/**
 * Make the options of `listbox` draggable. `host` supplies:
 *   zones: {program: element, aside: element}   (the groups holding the options)
 *   indentWidth(): px per indent level
 *   lineOf(option): the line index of an option
 *   indentOf(line): its current indent
 *   preview(line, zone, index, indent): show the line there, while dragging
 *   drop(line): the drag ended (announce and save)
 *   click(line): a press without a drag
 */
export function enableDrag(listbox, host) {
  let drag = null;

  const targetFor = (event) => {
    const zone = zoneAt(host.zones, event.clientY);
    const others = [...host.zones[zone].querySelectorAll('[role="option"]')].filter((o) => o !== drag.option);
    const index = others.filter((o) => middle(o) < event.clientY).length;
    const dx = event.clientX - drag.startX;
    const indent = zone === "program" ? drag.startIndent + Math.round(dx / host.indentWidth()) : 0;
    return { zone, index, indent };
  };

  listbox.addEventListener("pointerdown", (event) => {
    const option = event.target.closest('[role="option"]');
    if (!option || event.button !== 0) return;
    const line = host.lineOf(option);
    drag = { option, line, startX: event.clientX, startY: event.clientY, startIndent: host.indentOf(line) };
    drag.moved = false;
    listbox.setPointerCapture?.(event.pointerId);
    event.preventDefault(); // no text selection while dragging; focus is given in click()
  });

  listbox.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const far = Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) >= THRESHOLD_PX;
    if (!drag.moved && !far) return;
    drag.moved = true;
    drag.option.classList.add("course-parsons__line--dragging");
    const { zone, index, indent } = targetFor(event);
    host.preview(drag.line, zone, index, indent);
  });

  const end = (event, cancelled) => {
    if (!drag) return;
    const { option, line, moved } = drag;
    drag = null;
    option.classList.remove("course-parsons__line--dragging");
    listbox.releasePointerCapture?.(event.pointerId);
    if (moved) host.drop(line, cancelled);
    else if (!cancelled) host.click(line);
  };
  listbox.addEventListener("pointerup", (event) => end(event, false));
  listbox.addEventListener("pointercancel", (event) => end(event, true));
}

function middle(element) {
  const box = element.getBoundingClientRect();
  return box.top + box.height / 2;
}

/** The zone under the height `y`: the set-aside box from its top edge down, else the program. */
function zoneAt(zones, y) {
  return y >= zones.aside.getBoundingClientRect().top ? "aside" : "program";
}
