// The bridge between the Rust app (src/components/editor.rs, through wasm-bindgen) and the
// editor bundle (editor/codemirror.js, built by esbuild into dist/editor/).
//
// This file is small and ships with the app; the bundle is loaded on first use with a dynamic
// import, resolved against the document's base URL, so the site also works under a sub-path.
// The few browser calls the playground needs (the URL fragment, the clipboard) live here too,
// so the app needs no extra web-sys features for them.

let bundle = null;
let loading = null;

/** Loads the editor bundle at `url` (relative to the site's root) once; then calls
 *  `onReady()`, or `onError(message)` if it cannot be loaded. */
export function loadEditor(url, onReady, onError) {
  if (bundle) {
    onReady();
    return;
  }
  if (!loading) {
    loading = import(new URL(url, document.baseURI).href).then(
      (module) => { bundle = module; },
      (error) => { loading = null; throw error; },
    );
  }
  loading.then(() => onReady(), (error) => onError(String(error)));
}

export const create = (parent, text, options) => bundle.create(parent, text, options);
export const getText = (handle) => bundle.getText(handle);
export const setText = (handle, text) => bundle.setText(handle, text);
export const onChange = (handle, callback) => bundle.onChange(handle, callback);
export const markErrorLine = (handle, line) => bundle.markErrorLine(handle, line);
export const focus = (handle) => bundle.focus(handle);
export const destroy = (handle) => bundle.destroy(handle);

/** `location.hash`, with its `#`. */
export function locationHash() {
  return location.hash;
}

/** The page's address without its fragment. */
export function addressWithoutHash() {
  return location.href.split("#")[0];
}

/** Drops the fragment from the address bar without navigating or adding a history entry. */
export function clearHash() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/** Copies `text` to the clipboard; calls `done(true)` or `done(false)`. */
export function copyText(text, done) {
  if (!navigator.clipboard?.writeText) {
    done(false);
    return;
  }
  navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
}
