//! The ```` ```predict ```` fence that follows a ```` ```py predict ```` block.
//!
//! ```text
//! - [1, 2]          a wrong choice
//! + [1, 2, 3]       the right choice (exactly one, when there are choices)
//! > `b = a` copies nothing: both names refer to one list.      the explanation
//! ```
//!
//! `\n` in a choice stands for a line break. Without `-`/`+` lines the learner types the output.

use crate::chunk::Chunk;
use crate::error::Diagnostics;
use crate::markdown::render;
use crate::model::{CodeBlock, Prediction};

/// The language word of the fence that holds a prediction's choices and explanation.
pub(crate) const FENCE: &str = "predict";

/// Most choices a prediction may offer.
const MAX_CHOICES: usize = 5;

/// Builds the [`Prediction`] for `block` from the body of its ```` ```predict ```` fence,
/// which opens at `line`; reports every problem there and returns `None` if any.
pub(crate) fn parse(
    body: &str,
    line: usize,
    block: &CodeBlock,
    diags: &mut Diagnostics,
) -> Option<Prediction> {
    let mut choices = Vec::new();
    let mut correct = Vec::new();
    let mut explanation = Vec::new();
    let mut ok = true;
    for (number, text) in (line + 1..).zip(body.lines()) {
        let text = text.trim_end();
        if text.trim().is_empty() {
            continue;
        }
        match text.split_at_checked(2) {
            Some(("- ", choice)) => choices.push(choice.replace("\\n", "\n")),
            Some(("+ ", choice)) => {
                correct.push(choices.len());
                choices.push(choice.replace("\\n", "\n"));
            }
            Some(("> ", words)) => explanation.push(words.trim()),
            _ => {
                diags.error(
                    number,
                    "a predict line starts with `- ` (a wrong choice), `+ ` (the right choice) \
                     or `> ` (the explanation)",
                );
                ok = false;
            }
        }
    }
    if explanation.is_empty() {
        diags.error(
            line,
            "a predict block needs an explanation: one or more `> ` lines",
        );
        ok = false;
    }
    let correct = if choices.is_empty() {
        if block.raises.is_some() {
            diags.error(
                line,
                "a block that raises needs choices to predict (`- `/`+ ` lines): \
                 a traceback cannot be typed",
            );
            ok = false;
        }
        None
    } else {
        if correct.len() != 1 {
            diags.error(
                line,
                format!(
                    "a predict block with choices marks exactly one right choice with `+ ` ({} found)",
                    correct.len()
                ),
            );
            ok = false;
        }
        if !(2..=MAX_CHOICES).contains(&choices.len()) {
            diags.error(
                line,
                format!(
                    "a predict block offers 2 to {MAX_CHOICES} choices ({} found)",
                    choices.len()
                ),
            );
            ok = false;
        }
        correct.first().copied()
    };
    let explanation = explanation.join(" ");
    let explanation = render(
        Chunk {
            text: &explanation,
            line,
        },
        diags,
    );
    ok.then_some(Prediction {
        id: Prediction::id_of(&block.code),
        choices,
        correct,
        explanation,
    })
}
