//! "Predict, then run": before a lesson example runs, the learner says what it will print,
//! by picking a choice (an accessible radio group) or typing it; then the example runs, the
//! real output appears beneath, and feedback and the lesson's explanation are shown. The first
//! answer is kept in the progress, so a reopened lesson shows it instead of asking again.

use leptos::prelude::*;
use pylings_course::Prediction;

use crate::components::blocks::Blocks;
use crate::progress::{browser as progress, model::PredictionAnswer};
use crate::run::output::ChunkKind;
use crate::run::state::{RunState, Status};

/// Where the progress keeps a prediction: its lesson's record, under the block's
/// `Prediction::id`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PredictionKey {
    pub lesson_id: &'static str,
}

/// The question before the run, then the verdict and explanation. `run` runs the example in
/// `state`; `revealed` is set once the learner has answered or skipped, and the example then
/// shows its own Run button again.
#[component]
pub fn PredictPanel(
    prediction: Prediction,
    key: PredictionKey,
    state: RunState,
    run: Callback<()>,
    revealed: RwSignal<bool>,
) -> impl IntoView {
    let id = StoredValue::new(prediction.id.clone());
    let saved = progress::read(|p| {
        p.lessons
            .get(key.lesson_id)
            .and_then(|l| id.with_value(|id| l.predictions.get(id).cloned()))
    });
    if saved.is_some() {
        revealed.set(true);
    }
    let answer = RwSignal::new(saved);
    let chosen = RwSignal::new(None::<usize>);
    let typed = RwSignal::new(String::new());
    // A typed answer waits for the run's output; the run counter tells its end.
    let awaiting = StoredValue::new(None::<(String, u32)>);
    let problem = RwSignal::new(None::<&'static str>);
    let name = format!("predict-{}-{}", key.lesson_id, prediction.id);
    let record = move |given: String, correct: bool| {
        let given: String = given.chars().take(PredictionAnswer::MAX_CHARS).collect();
        let entry = PredictionAnswer {
            answer: given,
            correct,
            at: js_sys::Date::now(),
        };
        progress::update(|p| {
            p.lesson_mut(key.lesson_id)
                .predictions
                .entry(id.get_value())
                .or_insert_with(|| entry.clone());
        });
        answer.set(Some(entry));
    };
    Effect::new(move |_| {
        let finished = state.finished.get();
        let Some((text, started)) = awaiting.get_value() else {
            return;
        };
        if finished == started || !matches!(state.status.get(), Status::Finished { .. }) {
            return;
        }
        awaiting.set_value(None);
        let stdout: String = state.chunks.with_untracked(|chunks| {
            chunks
                .iter()
                .filter(|chunk| chunk.kind == ChunkKind::Stdout)
                .map(|chunk| chunk.text.as_str())
                .collect()
        });
        record(text.clone(), Prediction::matches(&text, &stdout));
    });
    let choices = prediction.choices.clone();
    let correct = prediction.correct;
    let check = move |_| {
        problem.set(None);
        if choices.is_empty() {
            let text = typed.get_untracked();
            if text.trim().is_empty() {
                problem.set(Some("Type what you think it prints first."));
                return;
            }
            awaiting.set_value(Some((text, state.finished.get_untracked())));
        } else {
            let Some(choice) = chosen.get_untracked() else {
                problem.set(Some("Choose an answer first."));
                return;
            };
            record(choices[choice].clone(), Some(choice) == correct);
        }
        revealed.set(true);
        run.run(());
    };
    let skip = move |_| {
        revealed.set(true);
        run.run(());
    };
    let question = if prediction.choices.is_empty() {
        let label = format!("{name}-typed");
        view! {
            <label for=label.clone()>"What will it print? Type the output:"</label>
            <textarea id=label class="predict-typed" rows="3" spellcheck="false" autocomplete="off"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        let options = prediction
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                view! {
                    <label class="answer" class:chosen=move || chosen.get() == Some(index)>
                        <input type="radio" name=name.clone() value=index.to_string()
                            prop:checked=move || chosen.get() == Some(index)
                            on:change=move |_| chosen.set(Some(index))/>
                        <pre class="predict-choice">{choice.clone()}</pre>
                    </label>
                }
            })
            .collect_view();
        view! { <div class="answers">{options}</div> }.into_any()
    };
    let explanation = prediction.explanation.clone();
    let verdict = move || {
        if !revealed.get() {
            return None;
        }
        let heading = match answer.get() {
            Some(a) if a.correct => {
                view! { <p><strong>"Right!"</strong>" That is what it prints."</p> }.into_any()
            }
            Some(a) => view! {
                <p><strong>"Not quite."</strong>" You predicted:"</p>
                <pre class="predict-choice">{a.answer}</pre>
                <p>"Compare it with the output below."</p>
            }
            .into_any(),
            None if awaiting.with_value(Option::is_some) => {
                view! { <p>"Running it to compare…"</p> }.into_any()
            }
            None => ().into_any(),
        };
        let class = match answer.get() {
            Some(a) if a.correct => "feedback right",
            Some(_) => "feedback wrong",
            None => "feedback",
        };
        Some(view! {
            <div class=class role="status">
                {heading}
                <Blocks blocks=explanation.clone() static_code=true/>
            </div>
        })
    };
    view! {
        <fieldset class="predict" prop:hidden=move || revealed.get()>
                <legend>"Predict, then run"</legend>
                {question}
                <div class="example-actions">
                    <button type="button" class="primary" on:click=check>"Check and run"</button>
                    <button type="button" class="secondary" on:click=skip>"Just run it"</button>
                </div>
                {move || problem.get().map(|message| view! { <p class="predict-problem" role="alert">{message}</p> })}
        </fieldset>
        {verdict}
    }
}
