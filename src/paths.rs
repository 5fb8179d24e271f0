//! Where the site lives: its base path, for hosts that serve it below their root
//! (`https://host/any/sub/path/`), and the links built on it.

use leptos::prelude::document;

thread_local! {
    static BASE: String = read_base();
}

/// The path of the site's root without its trailing slash (`""` at a host's root,
/// `"/any/sub/path"` below it), from the document's `<base href>` (which `cargo xtask dist`
/// writes into the page of every route).
pub fn base() -> String {
    BASE.with(Clone::clone)
}

/// The link to the site's route `path` (which starts with `/`), below the base.
///
/// The router's `<A>` does not add the router's base to absolute links, so every link is built
/// here.
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

fn read_base() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new(&base)
        .map(|url| url.pathname())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}
