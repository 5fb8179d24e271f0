//! Renders course content: Markdown already turned into escaped HTML at build time, and code
//! blocks as [`Example`]s.

use leptos::prelude::*;
use pylings_course::Block;

use crate::components::example::Example;
use crate::components::predict::PredictionKey;

/// `static_code` shows Python without Run buttons (in quiz questions, where running the code
/// would give the answer away). `lesson_id` (a lesson's body) makes "predict, then run" blocks
/// ask for their prediction and keep it in that lesson's progress.
#[component]
pub fn Blocks(
    blocks: Vec<Block>,
    #[prop(optional)] open_in_editor: Option<Callback<String>>,
    #[prop(optional)] static_code: bool,
    #[prop(optional)] lesson_id: Option<&'static str>,
) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            // Produced by pylings-course from our own files, with raw HTML escaped there.
            Block::Html(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
            Block::Code(code) => {
                let prediction_key = code
                    .predict
                    .as_ref()
                    .and(lesson_id)
                    .map(|lesson_id| PredictionKey { lesson_id });
                view! { <Example block=code open_in_editor static_code prediction_key/> }.into_any()
            }
        })
        .collect_view()
}
