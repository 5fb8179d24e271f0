//! Course-wide checks of the quizzes that no single file shows: patterns a learner could guess
//! the right answer from without knowing it.

use std::path::Path;

use crate::error::{ContentError, Diagnostics};
use crate::model::{Block, Course, Question};

/// How far a position's count of right answers may stray from an even share: this fraction of
/// the share, but never less than [`MIN_SLACK`] questions.
const SLACK: f64 = 0.25;
const MIN_SLACK: f64 = 2.0;

/// Checks the quizzes of a whole course (loaded from `dir`, which names the errors) for
/// guessable patterns: an error when the right answer's position is uneven among questions
/// with the same number of answers, and one when the right answer is the longest (strictly, in
/// characters of text) in more than a third of all questions. The site's build fails on them.
pub fn lint_quizzes(dir: &Path, course: &Course) -> Vec<ContentError> {
    let mut report = Diagnostics::new(dir);
    let questions: Vec<(String, &Question)> = course
        .lessons()
        .flat_map(|(_, lesson)| {
            lesson.quiz.iter().flat_map(move |quiz| {
                quiz.questions
                    .iter()
                    .enumerate()
                    .map(move |(index, question)| {
                        (
                            format!("{} question {}", lesson.source, index + 1),
                            question,
                        )
                    })
            })
        })
        .collect();
    positions(&questions, &mut report);
    longest(&questions, &mut report);
    match report.finish(Some(())) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

fn positions(questions: &[(String, &Question)], report: &mut Diagnostics) {
    let most = questions
        .iter()
        .map(|(_, q)| q.answers.len())
        .max()
        .unwrap_or(0);
    for answers in 2..=most {
        let mut counts = vec![0usize; answers];
        for (_, question) in questions.iter().filter(|(_, q)| q.answers.len() == answers) {
            counts[question.correct] += 1;
        }
        let total: usize = counts.iter().sum();
        let share = total as f64 / answers as f64;
        let slack = (share * SLACK).max(MIN_SLACK);
        if counts
            .iter()
            .any(|&count| (count as f64 - share).abs() > slack)
        {
            report.error(
                0,
                format!(
                    "in the {total} quiz questions with {answers} answers, the right answer is at \
                     positions 1 to {answers} this often: {counts:?}; each should be within \
                     {share:.0} ± {slack:.0}, so that its place gives nothing away"
                ),
            );
        }
    }
}

fn longest(questions: &[(String, &Question)], report: &mut Diagnostics) {
    let giveaways: Vec<&str> = questions
        .iter()
        .filter(|(_, question)| {
            let lengths: Vec<usize> = question.answers.iter().map(|a| text_len(&a.text)).collect();
            let right = lengths[question.correct];
            lengths
                .iter()
                .enumerate()
                .all(|(index, &length)| index == question.correct || length < right)
        })
        .map(|(place, _)| place.as_str())
        .collect();
    if giveaways.len() * 3 > questions.len() {
        report.error(
            0,
            format!(
                "the right answer is the longest in {} of {} quiz questions, more than a third, \
                 so length gives it away; shorten it or lengthen good wrong answers in some of \
                 these:\n  {}",
                giveaways.len(),
                questions.len(),
                giveaways.join("\n  ")
            ),
        );
    }
}

/// The number of characters a reader sees in `blocks`: HTML tags left out, each entity one.
fn text_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Code(code) => code.code.trim().chars().count(),
            Block::Html(html) => {
                let (mut count, mut in_tag, mut in_entity) = (0, false, false);
                for c in html.trim().chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' if in_tag => in_tag = false,
                        '&' if !in_tag => {
                            in_entity = true;
                            count += 1;
                        }
                        ';' if in_entity => in_entity = false,
                        _ if in_tag || in_entity || c == '\n' => {}
                        _ => count += 1,
                    }
                }
                count
            }
        })
        .sum()
}
