// Everything the course keeps in the learner's browser lives under one
// prefix, so it can be exported, imported and reset as a whole.
export const PREFIX = "neuron-course:v1:";

export function load(key) {
  try {
    const value = localStorage.getItem(PREFIX + key);
    return value === null ? null : JSON.parse(value);
  } catch {
    return null; // storage disabled, or a value we cannot read: start fresh
  }
}

/** Save a value; returns false when the browser refuses (private mode, full). */
export function save(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
