//! Exercise checks: the program runs, then each check in a copy of its namespace.

use super::on_engine;
use crate::CheckOutcome;

/// Checks `source` (with `stdin`) against `checks` on a fresh engine with a large stack.
fn check(source: &str, stdin: &str, checks: &[&str]) -> CheckOutcome {
    let (source, stdin) = (source.to_owned(), stdin.to_owned());
    let checks: Vec<String> = checks.iter().map(|code| code.to_string()).collect();
    on_engine(move |engine| engine.check(&source, &stdin, &checks))
}

/// `(passed, message)` of each check.
fn verdicts(outcome: &CheckOutcome) -> Vec<(bool, Option<&str>)> {
    outcome
        .results
        .iter()
        .map(|result| (result.passed, result.message.as_deref()))
        .collect()
}

const AREA: &str = "def area(w, h):\n    return w * h\n\nprint(area(4, 5))\n";

#[test]
fn checks_see_globals_stdout_and_source() {
    let outcome = check(
        AREA,
        "",
        &[
            "assert area(2, 3) == 6",
            "assert stdout == '20\\n'",
            "assert 'def area' in source",
        ],
    );
    assert!(outcome.passed(), "{outcome:?}");
    assert_eq!(
        outcome.run.stdout, "20\n",
        "the program's output is streamed as usual"
    );
}

#[test]
fn failing_checks_carry_their_messages() {
    let outcome = check(
        AREA,
        "",
        &[
            "assert_equal(area(2, 3), 5, 'area(2, 3)')",
            "assert False, 'custom words'",
            "assert False",
        ],
    );
    assert_eq!(
        verdicts(&outcome),
        [
            (false, Some("Expected `area(2, 3)` to be 5, but it was 6.")),
            (false, Some("custom words")),
            (false, None),
        ]
    );
    assert!(!outcome.passed());
}

#[test]
fn source_helpers_inspect_the_program() {
    let outcome = check(
        "def twice(x):\n    return [x for _ in range(2)]\nfor n in twice(1):\n    print(f'{n}')\n",
        "",
        &[
            "defines_function('twice', parameters=1)",
            "uses('for'); uses('comprehension'); uses('f-string')",
            "does_not_use('while'); does_not_call('sum'); calls('range')",
            "defines_function('twice', parameters=2)",
            "defines_class('Twice')",
            "uses('while')",
            "does_not_call('print')",
        ],
    );
    assert_eq!(
        verdicts(&outcome),
        [
            (true, None),
            (true, None),
            (true, None),
            (
                false,
                Some("`twice` should take 2 parameters, but it takes 1.")
            ),
            (
                false,
                Some("Your program should define a class called `Twice`.")
            ),
            (false, Some("Your program should use `while`.")),
            (false, Some("Try this without calling `print`.")),
        ]
    );
}

#[test]
fn output_and_reruns_are_captured_not_shown() {
    let outcome = check(
        "name = input('Name? ')\ndef greet(n):\n    print('Hi', n)\ngreet(name)\n",
        "Ada\n",
        &[
            "assert output_of(greet, 'Bo') == 'Hi Bo\\n'",
            "assert run_program(stdin='Cy\\n') == 'Name? Hi Cy\\n'",
            "print('noise from a check')",
        ],
    );
    assert!(outcome.passed(), "{outcome:?}");
    assert_eq!(outcome.run.stdout, "Name? Hi Ada\n");
}

#[test]
fn checks_do_not_disturb_each_other() {
    let outcome = check(
        "items = []\n",
        "",
        &["items.append(1); x = 1", "assert 'x' not in dir()"],
    );
    assert!(outcome.passed(), "{outcome:?}");
}

#[test]
fn a_failing_program_runs_no_checks() {
    let outcome = check("print(1)\n1 / 0\n", "", &["assert True"]);
    assert!(outcome.results.is_empty());
    assert_eq!(
        outcome.run.error.as_ref().expect("an error").kind,
        "ZeroDivisionError"
    );
    assert!(!outcome.passed());
}

#[test]
fn an_error_inside_a_learner_function_points_at_its_line() {
    let outcome = check(
        "def half(n):\n    return n / 0\n",
        "",
        &["assert half(4) == 2"],
    );
    let error = outcome.results[0].error.as_ref().expect("an error");
    assert_eq!(error.kind, "ZeroDivisionError");
    assert_eq!(error.line, Some(2));
}
