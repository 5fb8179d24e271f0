//! Renders course content: Markdown already turned into escaped HTML at build time, and code
//! blocks as [`Example`]s.

use leptos::prelude::*;
use pylings_course::Block;

use crate::components::example::Example;

/// `static_code` shows Python without Run buttons (in quiz questions, where running the code
/// would give the answer away).
#[component]
pub fn Blocks(
    blocks: Vec<Block>,
    #[prop(optional)] open_in_editor: Option<Callback<String>>,
    #[prop(optional)] static_code: bool,
) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            // Produced by pylings-course from our own files, with raw HTML escaped there.
            Block::Html(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
            Block::Code(code) => {
                view! { <Example block=code open_in_editor static_code/> }.into_any()
            }
        })
        .collect_view()
}
