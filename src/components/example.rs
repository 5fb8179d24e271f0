//! A code block of a lesson. Python examples get "Run" (output shown beneath) and
//! "Open in editor", and those marked `visualise` "Visualise this" (the visualiser beneath); other languages are shown as they are. A "predict, then run" example asks
//! for a prediction first ([`PredictPanel`]) and shows its buttons once it is answered.

use leptos::prelude::*;
use pylings_course::CodeBlock;

use crate::components::output::OutputPanel;
use crate::components::predict::{PredictPanel, PredictionKey};
use crate::components::run_button::{RunButton, VisualiseButton};
use crate::run::state::{RunState, Status};

#[component]
pub fn Example(
    block: CodeBlock,
    open_in_editor: Option<Callback<String>>,
    static_code: bool,
    /// Where the progress keeps this block's prediction; without it (outside a lesson) a
    /// prediction block runs as an ordinary example.
    prediction_key: Option<PredictionKey>,
) -> impl IntoView {
    let class = format!("language-{}", block.language);
    let code = match block.highlighted.clone() {
        // Escaped and tokenised by build.rs from our own content.
        Some(html) => {
            view! { <pre class="code" tabindex="0"><code class=class inner_html=html></code></pre> }.into_any()
        }
        None => view! { <pre class="code" tabindex="0"><code class=class>{block.code.clone()}</code></pre> }
            .into_any(),
    };
    if !block.runnable || static_code {
        return view! { <figure class="example">{code}</figure> }.into_any();
    }
    let state = RunState::new();
    let stdin = block.stdin.clone().unwrap_or_default();
    let input_note = block.stdin.as_ref().map(|lines| {
        let shown = lines.lines().collect::<Vec<_>>().join(", ");
        view! { <figcaption class="input-note">"Typed in when the program asks: "<code>{shown}</code></figcaption> }
    });
    let source = block.code.clone();
    let visualise = block.visualise.then(|| {
        let (source, stdin) = (source.clone(), stdin.clone());
        let on_visualise = Callback::new(move |()| state.start_visualise(&source, &stdin));
        view! { <VisualiseButton state on_visualise label="Visualise this"/> }
    });
    let run = Callback::new(move |()| state.start(&source, &stdin));
    let open = open_in_editor.map(|open| {
        let source = block.code.clone();
        view! { <button type="button" class="secondary" on:click=move |_| open.run(source.clone())>"Open in editor"</button> }
    });
    let revealed = RwSignal::new(true);
    let predict = block
        .predict
        .clone()
        .zip(prediction_key)
        .map(|(prediction, key)| {
            revealed.set(false);
            let prediction = *prediction;
            view! { <PredictPanel prediction key state run revealed/> }
        });
    view! {
        <figure class="example runnable" class:predicting=move || !revealed.get()>
            {code}
            {input_note}
            {predict}
            <div class="example-actions" prop:hidden=move || !revealed.get()>
                <RunButton state on_run=run/>
                {visualise}
                {open}
            </div>
            <Show when=move || state.status.get() != Status::Idle>
                <OutputPanel state/>
            </Show>
        </figure>
    }
    .into_any()
}
