//! The exercise sections: `instructions`, `tips`, `hints` (the checks), `seed`, `solutions` and
//! `wrong-solutions`.

use crate::chunk::{Chunk, Fence, Marked, Segment};
use crate::codeblock::{code_block, is_python, wants_prediction};
use crate::error::Diagnostics;
use crate::markdown::render;
use crate::model::{Block, Check, CheckLanguage, Exercise};
use crate::sections::{Section, Sections};

/// Builds the exercise of a lesson that has at least one exercise section;
/// `None` after reporting errors.
///
/// A seed, a solution and at least one check are required; the instructions, tips and wrong
/// solutions are optional. `time_limit_seconds` and `stdin` come from the front matter.
pub(crate) fn parse(
    sections: &Sections<'_>,
    time_limit_seconds: u32,
    stdin: Option<String>,
    diags: &mut Diagnostics,
) -> Option<Exercise> {
    let line = sections
        .iter()
        .find(|(section, _)| section.is_exercise())
        .map_or(1, |(_, marked)| marked.line);
    let instructions = sections
        .get(Section::Instructions)
        .map(|marked| render(marked.body, diags));
    let seed = match sections.get(Section::Seed) {
        Some(marked) => seed(marked, diags),
        None => missing(line, "exercise without a seed (`# --seed--`)", diags),
    };
    let solution = match sections.get(Section::Solutions) {
        Some(marked) => code_blocks(marked.body, "`# --solutions--`", diags).and_then(|blocks| {
            let message = "exercise without a solution: `# --solutions--` has no code block";
            blocks
                .into_iter()
                .next()
                .or_else(|| missing(marked.line, message, diags))
        }),
        None => missing(
            line,
            "exercise without a solution (`# --solutions--`)",
            diags,
        ),
    };
    let checks = match sections.get(Section::Hints) {
        Some(marked) => checks(marked, diags),
        None => missing(line, "exercise without checks (`# --hints--`)", diags),
    };
    let hints = sections
        .get(Section::Tips)
        .map_or_else(|| Some(Vec::new()), |marked| tips(marked, diags));
    let wrong_solutions = sections.get(Section::WrongSolutions).map_or_else(
        || Some(Vec::new()),
        |marked| code_blocks(marked.body, "`# --wrong-solutions--`", diags),
    );
    Some(Exercise {
        instructions: instructions.unwrap_or_default(),
        seed: seed?,
        solution: solution?,
        checks: checks?,
        hints: hints?,
        wrong_solutions: wrong_solutions?,
        stdin,
        time_limit_seconds,
    })
}

/// The hints of `# --tips--`: Markdown parts separated by `---` lines, each non-empty.
fn tips(section: Marked<'_>, diags: &mut Diagnostics) -> Option<Vec<Vec<Block>>> {
    let mut hints = Vec::new();
    let mut ok = true;
    for part in section.body.split_separators() {
        if part.is_blank() {
            diags.error(part.line.max(section.line), "empty hint in `# --tips--`");
            ok = false;
        } else {
            hints.push(render(part, diags));
        }
    }
    ok.then_some(hints)
}

/// Reports `message` at `line`; always `None`.
fn missing<T>(line: usize, message: &str, diags: &mut Diagnostics) -> Option<T> {
    diags.error(line, message);
    None
}

/// The code of a Python fence, or an error naming `what` it was for.
fn python(fence: Fence<'_>, what: &str, diags: &mut Diagnostics) -> Option<String> {
    let block = code_block(fence.info, fence.code, fence.line, diags);
    if !block.runnable {
        return missing(
            fence.line,
            &format!("{what} must be a ```py code block"),
            diags,
        );
    }
    if block.raises.is_some() || block.stdin.is_some() || wants_prediction(fence.info) {
        return missing(
            fence.line,
            &format!("{what} code block takes no attributes"),
            diags,
        );
    }
    Some(block.code)
}

/// The Python code blocks of a chunk that may hold nothing else but blank
/// lines and `---` separators; `None` after reporting anything else.
fn code_blocks(chunk: Chunk<'_>, what: &str, diags: &mut Diagnostics) -> Option<Vec<String>> {
    let mut blocks = Vec::new();
    let mut ok = true;
    for segment in chunk.segments() {
        match segment {
            Segment::Fence(fence) => match python(fence, what, diags) {
                Some(code) => blocks.push(code),
                None => ok = false,
            },
            Segment::Text(text) => {
                let stray = text
                    .text
                    .lines()
                    .position(|line| !matches!(line.trim(), "" | "---"));
                if let Some(index) = stray {
                    diags.error(
                        text.line + index,
                        format!("only code blocks are allowed in {what}"),
                    );
                    ok = false;
                }
            }
        }
    }
    ok.then_some(blocks)
}

/// The starter code: `## --seed-contents--` followed by one code block.
fn seed(section: Marked<'_>, diags: &mut Diagnostics) -> Option<String> {
    let (preamble, markers) = section.body.split_markers(2);
    let mut contents = None;
    for marked in markers {
        if marked.name != "seed-contents" {
            diags.error(
                marked.line,
                format!("unknown marker `## --{}--` in `# --seed--`", marked.name),
            );
        } else if contents.is_some() {
            diags.error(marked.line, "`## --seed-contents--` appears twice");
        } else {
            contents = Some(marked);
        }
    }
    let Some(contents) = contents else {
        return missing(
            section.line,
            "`# --seed--` needs `## --seed-contents--` followed by a code block",
            diags,
        );
    };
    if !preamble.is_blank() {
        diags.error(
            preamble.first_content_line(),
            "text before `## --seed-contents--`",
        );
    }
    let mut blocks = code_blocks(contents.body, "`## --seed-contents--`", diags)?.into_iter();
    match (blocks.next(), blocks.next()) {
        (Some(seed), None) => Some(seed),
        (None, _) => missing(
            contents.line,
            "`## --seed-contents--` has no code block",
            diags,
        ),
        (Some(_), Some(_)) => missing(
            contents.line,
            "`## --seed-contents--` must hold exactly one code block",
            diags,
        ),
    }
}

/// The language of a check block's info string, or `None` if the block is
/// part of a hint's Markdown.
fn check_language(info: &str) -> Option<CheckLanguage> {
    match info.split_whitespace().next() {
        Some(language) if is_python(language) => Some(CheckLanguage::Python),
        Some("js" | "javascript") => Some(CheckLanguage::JavaScript),
        _ => None,
    }
}

/// The checks: each hint's Markdown followed by its ```` ```py ```` block.
///
/// Fences in other languages (```` ```text ````, …) belong to the hint's Markdown.
fn checks(section: Marked<'_>, diags: &mut Diagnostics) -> Option<Vec<Check>> {
    let body = section.body;
    let mut checks = Vec::new();
    let mut ok = true;
    let mut text_start = 0;
    for segment in body.segments() {
        let Segment::Fence(fence) = segment else {
            continue;
        };
        let Some(language) = check_language(fence.info) else {
            continue;
        };
        let hint = body.slice(text_start, fence.start);
        text_start = fence.end;
        match check(fence, language, hint, diags) {
            Some(check) => checks.push(check),
            None => ok = false,
        }
    }
    let rest = body.slice(text_start, body.text.len());
    if !rest.is_blank() {
        let message = "empty check: hint text without a ```py check block after it";
        diags.error(rest.first_content_line(), message);
        ok = false;
    }
    if ok && checks.is_empty() {
        let message = "exercise without checks: `# --hints--` has no ```py check block";
        diags.error(section.line, message);
    }
    (ok && !checks.is_empty()).then_some(checks)
}

/// One check from its fence and the hint text before it.
fn check(
    fence: Fence<'_>,
    language: CheckLanguage,
    hint: Chunk<'_>,
    diags: &mut Diagnostics,
) -> Option<Check> {
    let line = fence.line;
    if fence.code.trim().is_empty() {
        return missing(line, "empty check: the check code block is empty", diags);
    }
    let text = render(hint, diags);
    if text.is_empty() {
        diags.warning(
            line,
            "check without hint text: the learner sees nothing when it fails",
        );
    }
    let code = match language {
        CheckLanguage::Python => python(fence, "a check", diags)?,
        CheckLanguage::JavaScript => {
            diags.warning(
                line,
                "JavaScript check: kept, but it cannot run in the Python course",
            );
            code_block(fence.info, fence.code, line, diags).code
        }
    };
    Some(Check {
        text,
        code,
        language,
        line,
    })
}
