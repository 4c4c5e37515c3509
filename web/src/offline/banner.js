// "A new version of the course is available — Reload": shown once, at the
// bottom of the page, in a polite live region, until the learner reloads.

const TEXT = "A new version of the course is available — ";

export function showUpdateBanner(onReload) {
  if (document.querySelector(".course-update")) return;
  const banner = document.createElement("div");
  banner.className = "course-update";
  banner.setAttribute("role", "status");
  document.body.append(banner);
  // Filled after it is in the page, so the live region announces it once.
  requestAnimationFrame(() => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "course-update__reload";
    button.textContent = "Reload";
    button.addEventListener("click", () => {
      button.disabled = true;
      onReload();
    });
    banner.append(TEXT, button);
  });
}
