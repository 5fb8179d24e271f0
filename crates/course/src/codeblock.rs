//! Code blocks and their info strings (```` ```py raises=ValueError stdin=a|b ````).

use crate::error::Diagnostics;
use crate::model::CodeBlock;

/// Whether code in `language` is Python, which the site can run.
pub(crate) fn is_python(language: &str) -> bool {
    matches!(language, "py" | "python")
}

/// The attribute that asks the learner to predict a block's output.
const PREDICT: &str = "predict";
/// The attribute that offers to step through a block in the visualiser.
const VISUALISE: &str = "visualise";

/// Whether a fence's info string asks for a prediction (```` ```py predict ````): its
/// [`CodeBlock::predict`] then comes from the ```` ```predict ```` fence that must follow.
pub(crate) fn wants_prediction(info: &str) -> bool {
    let mut words = info.split_whitespace();
    words.next().is_some_and(is_python) && words.any(|word| word == PREDICT)
}

/// Whether `name` looks like a (possibly dotted) Python exception name.
fn is_exception_name(name: &str) -> bool {
    name.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Builds a [`CodeBlock`] from a fence's info string, reporting bad
/// attributes at `line` (the fence's line).
///
/// The first word of `info` is the language. `py`/`python` blocks are runnable
/// and accept `raises=ExceptionName`, `stdin=line1|line2`, `differs=reason`, `predict`
/// (see [`wants_prediction`]) and `visualise`; any other word, a repeated attribute, or an attribute on another
/// language is an error.
pub(crate) fn code_block(
    info: &str,
    code: String,
    line: usize,
    diags: &mut Diagnostics,
) -> CodeBlock {
    let mut words = info.split_whitespace();
    let language = words.next().unwrap_or_default().to_owned();
    let runnable = is_python(&language);
    let mut block = CodeBlock {
        language,
        code,
        runnable,
        raises: None,
        stdin: None,
        differs: None,
        predict: None,
        visualise: false,
        line,
        highlighted: None,
    };
    let mut predict = false;
    for word in words {
        if word == PREDICT && runnable {
            if std::mem::replace(&mut predict, true) {
                diags.error(line, format!("code block attribute `{word}` given twice"));
            }
            continue;
        }
        if word == VISUALISE && runnable {
            if std::mem::replace(&mut block.visualise, true) {
                diags.error(line, format!("code block attribute `{word}` given twice"));
            }
            continue;
        }
        let (slot, value) = match word.split_once('=') {
            Some(("raises", name)) if runnable => {
                if !is_exception_name(name) {
                    diags.error(
                        line,
                        format!("`{word}`: expected an exception name such as `raises=ValueError`"),
                    );
                }
                (&mut block.raises, name.to_owned())
            }
            Some(("differs", reason)) if runnable && !reason.is_empty() => {
                (&mut block.differs, reason.to_owned())
            }
            Some(("stdin", lines)) if runnable => {
                let stdin = stdin_lines(lines);
                (&mut block.stdin, stdin)
            }
            _ => {
                diags.error(
                    line,
                    format!(
                        "unknown code block attribute `{word}` on a `{}` block \
                         (py blocks accept `raises=Name`, `stdin=a|b`, `differs=reason`, `predict` and `visualise`)",
                        block.language
                    ),
                );
                continue;
            }
        };
        if slot.replace(value).is_some() {
            diags.error(line, format!("code block attribute `{word}` given twice"));
        }
    }
    block
}

/// The text `input()` reads for a `stdin=a|b` attribute or `stdin:` front matter field: each
/// `|`-separated line terminated by `\n` (`"a|b"` gives `"a\nb\n"`).
pub(crate) fn stdin_lines(lines: &str) -> String {
    lines.split('|').map(|input| format!("{input}\n")).collect()
}
