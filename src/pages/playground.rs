//! The playground: an editor and its output, for any Python at all, with the code kept in the
//! learner's progress and "Share" links that carry code in the URL fragment.
//!
//! A share link (`/playground#code=…`, see [`crate::share`]) opens as a separate scratch: the
//! learner's own playground code stays saved and untouched until they choose to replace it.
//! Shared code is data: nothing runs until Run is pressed.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;

use crate::components::editor::bridge;
use crate::components::workbench::Workbench;
use crate::pages::not_found::set_title;
use crate::progress::autosave::{autosave, saved_code};
use crate::run::Runner;
use crate::share;

/// Where the playground's code is kept in the progress: a pseudo-lesson of that id.
pub const PLAYGROUND: &str = "playground";
/// Its editor's key there.
const CODE: &str = "code";
/// The fragment that marks a share link.
const SHARE_PREFIX: &str = "#code=";
/// The longest link we hand out: longer ones are cut or refused by some browsers, chat apps
/// and servers.
const MAX_LINK: usize = 8 * 1024;

const STARTER: &str = "# The playground: write any Python, then press Run (or Ctrl+Enter).\n\
# Your code is kept in this browser. \"Share\" makes a link to it.\n\
\n\
def greet(name):\n    return f\"Hello, {name}!\"\n\
\n\
print(greet(\"world\"))\n";

/// What the editor currently holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// The learner's own playground code (autosaved).
    Own,
    /// Code from a share link, not saved unless the learner keeps it.
    Shared,
}

/// What "Share" last produced.
#[derive(Clone, Debug, PartialEq)]
enum Shared {
    None,
    Link { url: String, copied: bool },
    TooLong { bytes: usize },
}

#[component]
pub fn Playground() -> impl IntoView {
    set_title("Playground");
    // `own` is the learner's playground code, saved as it changes; `code` is the editor's.
    let own = RwSignal::new(saved_code(PLAYGROUND, CODE).unwrap_or_else(|| STARTER.to_owned()));
    autosave(PLAYGROUND, CODE, own);
    let code = RwSignal::new(own.get_untracked());
    let mode = RwSignal::new(Mode::Own);
    let notice = RwSignal::new(None::<String>);
    let share = RwSignal::new(Shared::None);
    Effect::new(move |_| {
        let text = code.get();
        if mode.get_untracked() == Mode::Own && own.with_untracked(|own| *own != text) {
            own.set(text);
        }
    });

    let runner = Runner::new(code);

    open_share_link(code, own, mode, notice);
    let on_hash_change = window_event_listener(leptos::ev::hashchange, move |_| {
        open_share_link(code, own, mode, notice)
    });
    on_cleanup(move || on_hash_change.remove());

    let keep = move |_| {
        let saved = own.get_untracked();
        let replace = saved.trim().is_empty()
            || saved == STARTER
            || window()
                .confirm_with_message(
                    "Replace your saved playground code with this shared code? Your own code will be lost.",
                )
                .unwrap_or(false);
        if replace {
            own.set(code.get_untracked());
            mode.set(Mode::Own);
            notice.set(Some(
                "The shared code is now your playground code.".to_owned(),
            ));
            bridge::clear_hash();
        }
    };
    let back = move |_| {
        mode.set(Mode::Own);
        code.set(own.get_untracked());
        notice.set(None);
        bridge::clear_hash();
    };
    let on_share = move |_| make_link(&code.get_untracked(), share);

    view! {
        <div class="playground">
            <h1>"Playground"</h1>
            <p class="playground-intro">
                "Write any Python and run it. Your code stays in this browser; "
                <strong>"Share"</strong>
                " copies a link that opens it here for someone else."
            </p>
            <Show when=move || mode.get() == Mode::Shared>
                <div class="shared-banner" role="status">
                    <p>
                        <strong>"You are looking at shared code."</strong>
                        " It has not been run. Your own playground code is kept: changes here are not saved unless you keep this code."
                    </p>
                    <div class="shared-actions">
                        <button type="button" class="secondary" on:click=keep>"Keep as my playground code"</button>
                        <button type="button" class="secondary" on:click=back>"Back to my code"</button>
                    </div>
                </div>
            </Show>
            {move || notice.get().map(|text| view! { <p class="playground-notice" role="status">{text}</p> })}
            <Workbench runner label="Playground code" primary=true actions=move || view! {
                <button type="button" class="secondary share-button" on:click=on_share>"Share"</button>
            }>
                <ShareResult share/>
            </Workbench>
        </div>
    }
}

/// Loads the code of a share link in the address, if there is one, as a scratch.
fn open_share_link(
    code: RwSignal<String>,
    own: RwSignal<String>,
    mode: RwSignal<Mode>,
    notice: RwSignal<Option<String>>,
) {
    let hash = bridge::location_hash();
    let Some(data) = hash.strip_prefix(SHARE_PREFIX) else {
        return;
    };
    match share::decode(data) {
        None => notice.set(Some(
            "This share link is incomplete or damaged, so there is no code to open. Your own playground code is shown instead.".to_owned(),
        )),
        Some(text) if text == own.get_untracked() => {
            notice.set(None);
            mode.set(Mode::Own);
            code.set(text);
            bridge::clear_hash();
        }
        Some(text) => {
            notice.set(None);
            mode.set(Mode::Shared);
            code.set(text);
        }
    }
}

/// Makes the share link of `source` and copies it, or says why not.
fn make_link(source: &str, result: RwSignal<Shared>) {
    let url = format!(
        "{}{SHARE_PREFIX}{}",
        bridge::address_without_hash(),
        share::encode(source)
    );
    if url.len() > MAX_LINK {
        result.set(Shared::TooLong { bytes: url.len() });
        return;
    }
    result.set(Shared::Link {
        url: url.clone(),
        copied: false,
    });
    let link = url.clone();
    let done = Closure::once_into_js(move |copied: bool| {
        if copied {
            result.try_set(Shared::Link { url: link, copied });
        }
    });
    bridge::copy_text(&url, &done);
}

#[component]
fn ShareResult(share: RwSignal<Shared>) -> impl IntoView {
    move || {
        match share.get() {
        Shared::None => None,
        Shared::Link { url, copied } => {
            let message = if copied {
                "Link copied. Anyone who opens it sees this code in their playground; it does not run until they press Run."
            } else {
                "Copy this link to share the code (it does not run until the other person presses Run):"
            };
            Some(
                view! {
                    <div class="share-result" role="status">
                        <p>{message}</p>
                        <input
                            class="share-link"
                            type="text"
                            readonly=true
                            aria-label="Share link"
                            prop:value=url
                            on:focus=|event| {
                                let input: web_sys::HtmlInputElement = event_target(&event);
                                input.select();
                            }
                        />
                    </div>
                }
                .into_any(),
            )
        }
        Shared::TooLong { bytes } => Some(
            view! {
                <p class="share-result share-too-long" role="alert">
                    {format!(
                        "This code is too long to share as a link: the link would be {:.1} KB, and links over 8 KB do not open reliably in every browser or chat app. Shorten the code, or copy it and send it as a file or message instead.",
                        bytes as f64 / 1024.0
                    )}
                </p>
            }
            .into_any(),
        ),
    }
    }
}
