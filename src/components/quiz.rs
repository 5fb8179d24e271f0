//! A lesson's quiz: each question an accessible radio group (fieldset, arrow keys, Space),
//! "Check" per question with feedback (why a wrong answer is wrong, and why the right one is
//! right), retries, a score, and results announced politely.
//! Answers are kept in the progress, so a reopened lesson shows them again.

use leptos::prelude::*;
use pylings_course::{Question, Quiz};

use crate::components::blocks::Blocks;
use crate::embed::{self, protocol::Event};
use crate::progress::{browser as progress, model::QuizAnswer};

#[component]
pub fn QuizView(lesson_id: &'static str, quiz: &'static Quiz) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let total = quiz.questions.len();
    let score = move || {
        let right = progress::read(|p| {
            p.lessons.get(lesson_id).map_or(0, |l| {
                (0..total)
                    .filter(|q| l.quiz.get(q).is_some_and(|a| a.correct))
                    .count()
            })
        });
        format!("{right} of {total} correct")
    };
    let questions = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(index, question)| view! { <QuestionView lesson_id index total question announcement/> })
        .collect_view();
    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <h2 id="quiz-title">"Check your understanding"</h2>
            <p class="quiz-score">{score}</p>
            {questions}
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        </section>
    }
}

#[component]
fn QuestionView(
    lesson_id: &'static str,
    index: usize,
    total: usize,
    question: &'static Question,
    announcement: RwSignal<String>,
) -> impl IntoView {
    let saved = progress::read(|p| {
        p.lessons
            .get(lesson_id)
            .and_then(|l| l.quiz.get(&index).cloned())
    });
    let selected = RwSignal::new(saved.as_ref().map(|a| a.chosen));
    let checked = RwSignal::new(saved.map(|a| a.chosen));
    let group = format!("quiz-{lesson_id}-{index}");
    let text_id = format!("{group}-text");
    let answers = question
        .answers
        .iter()
        .enumerate()
        .map(|(choice, answer)| {
            view! {
                <label class="answer" class:chosen=move || selected.get() == Some(choice)>
                    <input
                        type="radio"
                        name=group.clone()
                        value=choice.to_string()
                        prop:checked=move || selected.get() == Some(choice)
                        on:change=move |_| selected.set(Some(choice))
                    />
                    <div class="answer-text"><Blocks blocks=answer.text.clone() static_code=true/></div>
                </label>
            }
        })
        .collect_view();
    let check = move |_| {
        let Some(choice) = selected.get_untracked() else {
            announcement.set(format!("Question {}: choose an answer first.", index + 1));
            return;
        };
        let correct = choice == question.correct;
        progress::update(|p| {
            let record = p.lesson_mut(lesson_id);
            let attempts = record.quiz.get(&index).map_or(0, |a| a.attempts) + 1;
            record.quiz.insert(
                index,
                QuizAnswer {
                    chosen: choice,
                    correct,
                    attempts,
                    at: js_sys::Date::now(),
                },
            );
        });
        embed::emit(Event::QuizAnswered {
            lesson: lesson_id.to_owned(),
            question: index,
            correct,
        });
        checked.set(Some(choice));
        announcement.set(format!(
            "Question {}: {}",
            index + 1,
            if correct {
                "correct."
            } else {
                "not quite, try another answer."
            }
        ));
    };
    let result = move || {
        let choice = checked.get()?;
        let right = choice == question.correct;
        let feedback = question
            .answers
            .get(choice)
            .and_then(|a| a.feedback.clone());
        let body = match feedback {
            Some(blocks) => view! { <Blocks blocks static_code=true/> }.into_any(),
            None if right => ().into_any(),
            None => view! { <p>"Have another look at the lesson and try a different answer."</p> }
                .into_any(),
        };
        let (class, verdict) = match right {
            true => ("feedback right", "Correct!"),
            false => ("feedback wrong", "Not quite."),
        };
        Some(view! { <div class=class><p><strong>{verdict}</strong></p>{body}</div> })
    };
    let described_by = text_id.clone();
    view! {
        <fieldset class="question" aria-describedby=described_by>
            <legend>{format!("Question {} of {total}", index + 1)}</legend>
            <div class="question-text" id=text_id><Blocks blocks=question.text.clone() static_code=true/></div>
            <div class="answers">{answers}</div>
            <button type="button" class="secondary check-button" on:click=check>"Check"</button>
            {result}
        </fieldset>
    }
}
