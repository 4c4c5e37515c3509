// Dates as the learner reads them: in their own locale, as text.

/** "Fri, 4 Dec 2026" (in the browser's locale). */
export function formatDay(date) {
  return date.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

/** The local calendar day of `date`, as YYYY-MM-DD (the seed of the day's order). */
export function localDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
