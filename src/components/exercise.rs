//! A lesson's exercise: the instructions, an editor holding the learner's code (or the starter
//! code), Run and "Check my code", the result of every check, hints revealed one at a time, the
//! reference solution, and "Reset to starter code". Passing is recorded in the progress.

use leptos::prelude::*;
use pylings_course::{Check, Exercise};
use pylings_protocol::CheckResult;

use crate::components::blocks::Blocks;
use crate::components::output::{inline_code, ErrorReport};
use crate::components::run_button::RunButton;
use crate::components::workbench::Workbench;
use crate::embed::{self, protocol::Event};
use crate::progress::autosave::{autosave, saved_code};
use crate::progress::browser as progress;
use crate::progress::model::ExerciseRecord;
use crate::run::failure::Failure;
use crate::run::state::RunState;
use crate::run::Runner;

/// The progress key of the exercise's editor.
const EXERCISE: &str = "exercise";
/// Failed checks after which the solution may be shown without asking "are you sure?".
const FAILS_BEFORE_SOLUTION: u32 = 2;

#[component]
pub fn ExerciseView(lesson_id: &'static str, exercise: &'static Exercise) -> impl IntoView {
    let code =
        RwSignal::new(saved_code(lesson_id, EXERCISE).unwrap_or_else(|| exercise.seed.clone()));
    autosave(lesson_id, EXERCISE, code);
    // Run is interactive (the learner types what `input()` asks); checks use the exercise's
    // fixed input.
    let runner = Runner::new(code);
    let state = runner.state;
    let record = move || exercise_record(lesson_id);
    let stdin = exercise.stdin.clone().unwrap_or_default();
    let check = Callback::new(move |()| {
        let checks = exercise
            .checks
            .iter()
            .map(|check| check.code.clone())
            .collect();
        state.start_check(
            &code.get_untracked(),
            &stdin,
            checks,
            exercise.time_limit_seconds,
            move |results| record_check(lesson_id, results),
        );
    });
    if embed::is_embedded() {
        embed::set_target(runner);
    }
    let error_line = Signal::derive(move || error_line(state));
    let reset = move |_| {
        let sure = window()
            .confirm_with_message(
                "Replace your code with the starter code? Your changes will be lost.",
            )
            .unwrap_or(false);
        if sure {
            code.set(exercise.seed.clone());
        }
    };
    let passed = move || record().is_some_and(|r| r.passed);
    view! {
        <section class="exercise" aria-labelledby="exercise-title">
            <h2 id="exercise-title">
                "Exercise"
                {move || passed().then(|| view! { <span class="done-mark" aria-label="completed">" ✓"</span> })}
            </h2>
            <Blocks blocks=exercise.instructions.clone() static_code=true/>
            <Workbench runner label="Your solution" error_line actions=move || view! {
                <RunButton state on_run=check label="Check my code" primary=true/>
                <button type="button" class="secondary" on:click=reset>"Reset to starter code"</button>
            }>
                <CheckResults checks=&exercise.checks state/>
            </Workbench>
            <Hints exercise/>
            <Solution lesson_id exercise code/>
        </section>
    }
}

/// The progress record of the lesson's exercise, if the learner has checked or revealed it.
fn exercise_record(lesson_id: &str) -> Option<ExerciseRecord> {
    progress::read(|p| p.lessons.get(lesson_id).and_then(|l| l.exercise.clone()))
}

/// Records one finished check in the progress (one attempt; passed when every check passed)
/// and tells an embedding page when it passed. Called once per check, when it ends: never
/// from an effect, which would run again on every later change of the progress.
fn record_check(lesson_id: &'static str, results: &[CheckResult]) {
    let all_passed = !results.is_empty() && results.iter().all(|r| r.passed);
    progress::update(|p| {
        let record = p
            .lesson_mut(lesson_id)
            .exercise
            .get_or_insert_with(ExerciseRecord::default);
        record.attempts += 1;
        record.passed |= all_passed;
        record.at = js_sys::Date::now();
    });
    if all_passed {
        embed::emit(Event::ExercisePassed {
            lesson: lesson_id.to_owned(),
        });
    }
}

/// The line to mark in the editor: where the program failed, or where the learner's code
/// raised while the first failing check called it.
fn error_line(state: RunState) -> Option<u32> {
    state.failed_line().or_else(|| {
        state.checks.with(|checks| {
            checks
                .iter()
                .flatten()
                .find(|result| !result.passed)
                .and_then(|result| result.error.as_ref()?.line)
        })
    })
}

/// Each check's sentence with a pass or fail mark; the first failing one open with its reason.
#[component]
fn CheckResults(checks: &'static [Check], state: RunState) -> impl IntoView {
    move || {
        let results = state.checks.get()?;
        if results.is_empty() {
            return state.failure.with(Option::is_some).then(|| {
                view! {
                    <p class="checks-skipped" role="status">
                        "Your program stopped with an error, so the checks did not run. Fix the error below first."
                    </p>
                }
                .into_any()
            });
        }
        let passed = results.iter().filter(|r| r.passed).count();
        let total = results.len();
        let first_failure = results.iter().position(|r| !r.passed);
        let items = checks
            .iter()
            .zip(results)
            .enumerate()
            .map(|(index, (check, result))| {
                view! { <CheckItem check result open=first_failure == Some(index)/> }
            })
            .collect_view();
        let summary = if passed == total {
            "All checks passed. Well done: this exercise is complete!".to_owned()
        } else {
            format!("{passed} of {total} checks passed.")
        };
        Some(
            view! {
                <div class="check-results" class:all-passed=passed == total>
                    <p class="check-summary" role="status">{summary}</p>
                    <ul>{items}</ul>
                </div>
            }
            .into_any(),
        )
    }
}

#[component]
fn CheckItem(check: &'static Check, result: CheckResult, open: bool) -> impl IntoView {
    let text = view! { <Blocks blocks=check.text.clone() static_code=true/> };
    if result.passed {
        return view! {
            <li class="check passed">
                <span class="check-mark" aria-label="passed">"✓"</span>
                <div class="check-text">{text}</div>
            </li>
        }
        .into_any();
    }
    let reason = match (result.message, result.error) {
        (Some(message), _) => {
            view! { <p class="check-message">{inline_code(&message)}</p> }.into_any()
        }
        (None, Some(error)) => view! { <ErrorReport failure=Failure::Python(error)/> }.into_any(),
        (None, None) => {
            view! { <p class="check-message">"This check did not pass yet."</p> }.into_any()
        }
    };
    view! {
        <li class="check failed">
            <details open=open>
                <summary>
                    <span class="check-mark" aria-label="failed">"✗"</span>
                    <div class="check-text">{text}</div>
                </summary>
                {reason}
            </details>
        </li>
    }
    .into_any()
}

/// The hints, revealed one at a time on request (from the first again on the next visit).
#[component]
fn Hints(exercise: &'static Exercise) -> impl IntoView {
    let total = exercise.hints.len();
    let shown = RwSignal::new(0usize);
    let list = move || {
        exercise.hints[..shown.get()]
            .iter()
            .enumerate()
            .map(|(index, hint)| {
                view! {
                    <li class="hint">
                        <span class="hint-number">{format!("Hint {}", index + 1)}</span>
                        <Blocks blocks=hint.clone() static_code=true/>
                    </li>
                }
            })
            .collect_view()
    };
    (total > 0).then(|| {
        view! {
            <div class="hints">
                <ol aria-live="polite">{list}</ol>
                <Show when=move || { shown.get() < total }>
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += 1)>
                        {move || format!("Show a hint ({} of {total})", shown.get() + 1)}
                    </button>
                </Show>
            </div>
        }
    })
}

/// The reference solution: shown after enough failed checks, or earlier if the learner
/// confirms; showing it is recorded in the progress.
#[component]
fn Solution(
    lesson_id: &'static str,
    exercise: &'static Exercise,
    code: RwSignal<String>,
) -> impl IntoView {
    let record = move || exercise_record(lesson_id);
    let revealed = move || record().is_some_and(|r| r.solution_revealed);
    let reveal = move |_| {
        let failures = record().map_or(0, |r| {
            if r.passed {
                FAILS_BEFORE_SOLUTION
            } else {
                r.attempts
            }
        });
        let sure = failures >= FAILS_BEFORE_SOLUTION
            || window()
                .confirm_with_message(
                    "Show the solution? Trying a little longer, with the hints, is how the idea sticks.",
                )
                .unwrap_or(false);
        if sure {
            progress::update(|p| {
                let record = p
                    .lesson_mut(lesson_id)
                    .exercise
                    .get_or_insert_with(ExerciseRecord::default);
                record.solution_revealed = true;
                record.at = js_sys::Date::now();
            });
        }
    };
    let use_solution = move |_| {
        let sure = window()
            .confirm_with_message("Replace your code with the solution?")
            .unwrap_or(false);
        if sure {
            code.set(exercise.solution.clone());
        }
    };
    move || {
        if revealed() {
            view! {
                <div class="solution">
                    <h3>"Solution"</h3>
                    <pre class="code-block"><code>{exercise.solution.clone()}</code></pre>
                    <button type="button" class="secondary" on:click=use_solution>"Copy into the editor"</button>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="secondary show-solution" on:click=reveal>"Show the solution"</button> }
                .into_any()
        }
    }
}
