// The work in progress in the browser's storage (localStorage), one entry per story id, and
// which story was open last: a reload or a closed tab gives the desk its work back.

const PREFIX = "revitalization-editor:story:";
const CURRENT = "revitalization-editor:current";

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage switched off for this site
  }
}

/** Saves a state under its key; returns null, or why it could not be saved (in words). */
export function save(state) {
  const s = storage();
  if (!s) return "this browser does not let the page keep anything (storage is off): download the JSON to keep your work";
  try {
    s.setItem(PREFIX + state.key, JSON.stringify(state));
    s.setItem(CURRENT, state.key);
    return null;
  } catch (e) {
    return `the browser refused to keep the work (${e?.name ?? "error"}: its storage may be full): download the JSON to keep it`;
  }
}

export function load(key) {
  const text = storage()?.getItem(PREFIX + key);
  if (!text) return null;
  try {
    const state = JSON.parse(text);
    return state && typeof state === "object" && state.doc ? state : null;
  } catch {
    return null;
  }
}

export function has(key) {
  return !!storage()?.getItem(PREFIX + key);
}

export function remove(key) {
  storage()?.removeItem(PREFIX + key);
}

/** The key of the story open last, or null. */
export function current() {
  return storage()?.getItem(CURRENT) ?? null;
}

/** Every saved story: [{ key, title }], newest key first. */
export function list() {
  const s = storage();
  if (!s) return [];
  const out = [];
  for (let i = 0; i < s.length; i += 1) {
    const k = s.key(i);
    if (!k?.startsWith(PREFIX)) continue;
    const key = k.slice(PREFIX.length);
    const state = load(key);
    // A story with nothing in it (a "new story" not started) is not worth listing.
    if (!state?.input?.text?.trim() && !state?.doc?.sections?.length) continue;
    const t = state?.doc?.story?.title;
    out.push({ key, title: (t?.zh || t?.en || "").trim() });
  }
  return out.sort((a, b) => (a.key < b.key ? 1 : -1));
}
