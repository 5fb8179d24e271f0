//! The code editor: CodeMirror 6 (Python highlighting, auto-indent, bracket closing, search,
//! undo, line numbers), behind a small bridge.
//!
//! CodeMirror lives in a separate JavaScript bundle (`editor/codemirror.js`, bundled by esbuild
//! into `dist/editor/`) that `editor/bridge.js` loads on first use, so it never delays a
//! lesson's text. Until it has arrived, or if it cannot load, a plain textarea stands in with
//! the same code (Tab indents there too). Either way Ctrl/Cmd+Enter runs, and Escape then Tab
//! leaves the editor, so keyboard users are never trapped.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{HtmlTextAreaElement, KeyboardEvent};

/// The editor bundle, relative to the site's root. `cargo xtask dist` names it after its
/// content hash (so hosts may cache it forever) and passes that name in at build time.
const BUNDLE: &str = match option_env!("PYLINGS_EDITOR_BUNDLE") {
    Some(path) => path,
    None => "editor/codemirror.js",
};

/// The JavaScript side: `editor/bridge.js`, shipped with the app as a wasm-bindgen snippet.
pub(crate) mod bridge {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/editor/bridge.js")]
    extern "C" {
        #[wasm_bindgen(js_name = loadEditor)]
        pub fn load_editor(url: &str, on_ready: &JsValue, on_error: &JsValue);
        pub fn create(parent: &web_sys::Element, text: &str, options: &JsValue) -> JsValue;
        #[wasm_bindgen(js_name = setText)]
        pub fn set_text(handle: &JsValue, text: &str);
        #[wasm_bindgen(js_name = onChange)]
        pub fn on_change(handle: &JsValue, callback: &JsValue);
        #[wasm_bindgen(js_name = markErrorLine)]
        pub fn mark_error_line(handle: &JsValue, line: u32);
        pub fn focus(handle: &JsValue);
        pub fn destroy(handle: &JsValue);
        #[wasm_bindgen(js_name = locationHash)]
        pub fn location_hash() -> String;
        #[wasm_bindgen(js_name = addressWithoutHash)]
        pub fn address_without_hash() -> String;
        #[wasm_bindgen(js_name = clearHash)]
        pub fn clear_hash();
        #[wasm_bindgen(js_name = copyText)]
        pub fn copy_text(text: &str, done: &JsValue);
    }
}

/// Calls `then(true)` once the editor bundle is loaded (at once if it already is), or
/// `then(false)` if it cannot be.
fn when_loaded(then: impl FnOnce(bool) + 'static) {
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    let on_error = {
        let then = then.clone();
        Closure::once_into_js(move |_message: String| {
            if let Some(then) = then.take() {
                then(false);
            }
        })
    };
    let on_ready = Closure::once_into_js(move || {
        if let Some(then) = then.take() {
            then(true);
        }
    });
    bridge::load_editor(BUNDLE, &on_ready, &on_error);
}

/// A live CodeMirror view and the Rust closures it calls.
struct Live {
    handle: JsValue,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
}

/// Distinguishes the hints of several editors on one page.
static NEXT_ID: AtomicU32 = AtomicU32::new(0);

#[component]
pub fn CodeEditor(
    code: RwSignal<String>,
    on_run: Callback<()>,
    #[prop(into)] label: String,
    /// The 1-based line where the last run failed: marked in the editor until the next edit.
    #[prop(optional, into)]
    error_line: Option<Signal<Option<u32>>>,
) -> impl IntoView {
    let hint_id = format!("editor-help-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let host = NodeRef::<Div>::new();
    let fallback = NodeRef::<leptos::html::Textarea>::new();
    let editor: StoredValue<Option<Live>, LocalStorage> = StoredValue::new_local(None);
    // The text CodeMirror holds, as far as Rust knows: changes of `code` that differ from it
    // came from elsewhere (reset, "open in editor") and are pushed into the editor.
    let known = StoredValue::new(String::new());
    let ready = RwSignal::new(false);

    host.on_load({
        let (label, hint_id) = (label.clone(), hint_id.clone());
        move |parent| {
            when_loaded(move |loaded| {
                if !loaded || editor.try_with_value(|_| ()).is_none() {
                    return; // no bundle (the textarea stays), or the editor is gone already
                }
                let parent: &web_sys::Element = parent.unchecked_ref();
                mount(
                    parent, &label, &hint_id, code, on_run, fallback, editor, known,
                );
                ready.set(true);
                let had_focus = fallback.get_untracked().is_some_and(|area| {
                    document().active_element().as_ref() == Some(area.unchecked_ref())
                });
                if had_focus {
                    if let Some(handle) = handle(editor) {
                        bridge::focus(&handle);
                    }
                }
            });
        }
    });

    Effect::new(move |_| {
        let text = code.get();
        if !ready.get() || known.with_value(|known| *known == text) {
            return;
        }
        if let Some(handle) = handle(editor) {
            known.set_value(text.clone());
            bridge::set_text(&handle, &text);
        }
    });

    if let Some(error_line) = error_line {
        Effect::new(move |_| {
            let line = error_line.get().unwrap_or(0);
            if !ready.get() {
                return;
            }
            if let Some(handle) = handle(editor) {
                bridge::mark_error_line(&handle, line);
            }
        });
    }

    on_cleanup(move || {
        if let Some(live) = editor.try_update_value(Option::take).flatten() {
            bridge::destroy(&live.handle);
        }
    });

    let fallback_hint = hint_id.clone();
    view! {
        <div class="code-editor-host" node_ref=host></div>
        <Show when=move || !ready.get()>
            <FallbackEditor code on_run label=label.clone() hint_id=fallback_hint.clone() textarea=fallback/>
        </Show>
        <p id=hint_id class="visually-hidden">
            "Tab indents and Shift+Tab dedents. To leave the editor, press Escape, then Tab. "
            "Ctrl+Enter (Cmd+Enter on a Mac) runs the code."
        </p>
    }
}

/// The view's handle, cloned out so that no borrow is held while JavaScript runs.
fn handle(editor: StoredValue<Option<Live>, LocalStorage>) -> Option<JsValue> {
    editor
        .try_with_value(|live| live.as_ref().map(|live| live.handle.clone()))
        .flatten()
}

/// Creates the CodeMirror view in `parent`, with the code and the selection of the textarea
/// (so that text typed or pasted while the view replaces it lands where it would have).
#[allow(clippy::too_many_arguments)]
fn mount(
    parent: &web_sys::Element,
    label: &str,
    hint_id: &str,
    code: RwSignal<String>,
    on_run: Callback<()>,
    fallback: NodeRef<leptos::html::Textarea>,
    editor: StoredValue<Option<Live>, LocalStorage>,
    known: StoredValue<String>,
) {
    let text = code.get_untracked();
    let area = fallback.get_untracked();
    let cursor = area
        .as_ref()
        .and_then(|area| area.selection_start().ok().flatten())
        .unwrap_or(0);
    let selection_end = area
        .as_ref()
        .and_then(|area| area.selection_end().ok().flatten())
        .unwrap_or(cursor);
    let on_run_js = Closure::<dyn FnMut()>::new(move || {
        on_run.try_run(());
    });
    let options = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&options, &key.into(), value);
    };
    set("label", &label.into());
    set("describedBy", &hint_id.into());
    set("onRun", on_run_js.as_ref());
    // The textarea's selection counts UTF-16 units, as CodeMirror does.
    set("cursor", &cursor.into());
    set("selectionEnd", &selection_end.into());
    let handle = bridge::create(parent, &text, &options);
    known.set_value(text);
    let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
        known.try_set_value(text.clone());
        code.try_set(text);
    });
    bridge::on_change(&handle, on_change.as_ref());
    editor.set_value(Some(Live {
        handle,
        _on_change: on_change,
        _on_run: on_run_js,
    }));
}

/// The stand-in until CodeMirror is loaded: a textarea where Tab inserts four spaces (unless
/// Escape was pressed just before) and Ctrl/Cmd+Enter runs.
#[component]
fn FallbackEditor(
    code: RwSignal<String>,
    on_run: Callback<()>,
    label: String,
    hint_id: String,
    textarea: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let escaped = RwSignal::new(false);
    let on_keydown = move |event: KeyboardEvent| {
        let key = event.key();
        if key == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            on_run.run(());
        } else if key == "Escape" {
            escaped.set(true);
            return;
        } else if key == "Tab" && !event.shift_key() && !escaped.get_untracked() {
            event.prevent_default();
            let area: HtmlTextAreaElement = event_target(&event);
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            let _ = area.set_range_text_with_start_and_end_and_mode("    ", start, end, "end");
            code.set(area.value());
        }
        escaped.set(false);
    };
    view! {
        <textarea
            class="code-editor fallback-editor"
            node_ref=textarea
            spellcheck="false"
            autocapitalize="off"
            autocomplete="off"
            wrap="off"
            aria-label=label
            aria-describedby=hint_id
            prop:value=move || code.get()
            on:input=move |event| code.set(event_target_value(&event))
            on:keydown=on_keydown
        ></textarea>
    }
}
