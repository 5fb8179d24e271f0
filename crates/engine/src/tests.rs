//! Unit tests of the engine's API: output capture, structured errors, stdin, exit codes.

use crate::{Engine, NativeHost, RunOutcome};

/// Runs `work` with a fresh engine on a thread whose stack is as large as the worker's.
pub(crate) fn on_engine<T: Send + 'static>(
    work: impl FnOnce(&mut Engine) -> T + Send + 'static,
) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || work(&mut Engine::new(Box::new(NativeHost::default()))))
        .expect("spawn engine thread")
        .join()
        .expect("engine thread")
}

/// Runs each `(source, stdin)` program on one engine.
pub(crate) fn run_all(programs: &[(&str, &str)]) -> Vec<RunOutcome> {
    let programs: Vec<(String, String)> = programs
        .iter()
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    on_engine(move |engine| {
        programs
            .iter()
            .map(|(source, stdin)| engine.run_with_stdin(source, stdin))
            .collect()
    })
}

fn run(source: &str) -> RunOutcome {
    run_all(&[(source, "")]).remove(0)
}

#[test]
fn prints_to_stdout() {
    let outcome = run("print(6 * 7)");
    assert_eq!(outcome.stdout, "42\n");
    assert_eq!(outcome.error, None);
}

#[test]
fn name_error_is_structured() {
    let outcome = run("x = 1\nprint(y)\n");
    let error = outcome.error.expect("an error");
    assert_eq!(error.kind, "NameError");
    assert_eq!(error.message, "name 'y' is not defined");
    assert_eq!(error.line, Some(2));
    assert_eq!(
        error.traceback,
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(y)\nNameError: name 'y' is not defined\n"
    );
}

mod checks;
mod friendly;

mod interactive;
mod trace;
mod turtle;

/// `\N{…}` escapes: the parser's name lookup (the stand-in crate `unicode-names-compat`, on the
/// tables `unicodedata` uses) matches CPython 3.14's, recorded with `tests/cpython/cpython.mjs`:
/// names in any case, aliases, Hangul syllables, CJK ideographs; no loose matching.
#[test]
fn named_unicode_escapes_match_cpython() {
    let source = r#"print("\N{LATIN SMALL LETTER A}", "\N{latin small letter a}", "\N{BLACK STAR}", "\N{SNOWMAN}", ord("\N{LINE FEED}"), "\N{HANGUL SYLLABLE GAG}", "\N{CJK UNIFIED IDEOGRAPH-4E00}", "\N{GRINNING FACE}", ord("\N{BACKSPACE}"))
for bad in [r'"\N{latinsmalllettera}"', r'"\N{Latin_Small_Letter_A}"', r'"\N{NO SUCH NAME}"', r'"\N{LATIN SMALL  LETTER A}"']:
    try:
        eval(bad)
        print("accepted", bad)
    except SyntaxError as error:
        print("SyntaxError")
"#;
    let outcome = run(source);
    assert_eq!(outcome.error, None);
    assert_eq!(
        outcome.stdout,
        "a a ★ ☃ 10 각 一 😀 8\nSyntaxError\nSyntaxError\nSyntaxError\nSyntaxError\n"
    );
}
