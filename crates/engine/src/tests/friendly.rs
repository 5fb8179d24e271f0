//! The plain-language explanations, on real errors raised by learner programs in the engine.

use super::run_all;

/// The explanation of the error each program ends with; panics if one finishes.
fn explanations(programs: &[&str]) -> Vec<String> {
    let programs: Vec<(&str, &str)> = programs.iter().map(|source| (*source, "")).collect();
    run_all(&programs)
        .into_iter()
        .zip(&programs)
        .map(|(outcome, (source, _))| {
            let error = outcome
                .error
                .unwrap_or_else(|| panic!("{source:?} should fail"));
            error
                .explanation
                .unwrap_or_else(|| panic!("no explanation for {}", error.traceback))
        })
        .collect()
}

/// Asserts that each program's explanation contains every given fragment.
fn assert_explained(cases: &[(&str, &[&str])]) {
    let programs: Vec<&str> = cases.iter().map(|(source, _)| *source).collect();
    for ((source, fragments), text) in cases.iter().zip(explanations(&programs)) {
        for fragment in *fragments {
            assert!(
                text.contains(fragment),
                "explanation of {source:?} lacks {fragment:?}:\n{text}"
            );
        }
    }
}

#[test]
fn name_errors_suggest_names_in_scope() {
    assert_explained(&[
        ("pirnt('hi')", &["`pirnt`", "Did you mean `print`?"]),
        ("total = 3\nprint(totl)", &["Did you mean `total`?"]),
        (
            "def f():\n    count = 1\n    return cuont\nf()",
            &["Did you mean `count`?"],
        ),
        ("print(hello)", &["put it in quotes", "\"hello\""]),
    ]);
}

#[test]
fn attribute_errors_suggest_attributes() {
    assert_explained(&[
        (
            "'abc'.uper()",
            &["`str`", "`uper`", "Did you mean `upper`?"],
        ),
        ("[1].apend(2)", &["Did you mean `append`?"]),
        ("x = [3, 1].sort()\nx.append(1)", &["`None`", "list.sort()"]),
        (
            "import math\nmath.sqr(4)",
            &["`math`", "Did you mean `sqrt`?"],
        ),
    ]);
}

#[test]
fn syntax_errors_name_the_likely_mistake() {
    assert_explained(&[
        ("if True\n    print(1)", &["colon", "line 1"]),
        ("print((1, 2)\nx = 1", &["never closed"]),
        ("print('hello)", &["quote"]),
        ("x = 1\nif x = 1:\n    pass", &["`==`", "line 2"]),
        ("names = ['a' 'b', 'c' 'd']\nprint(f(1 2))", &["comma"]),
    ]);
}

#[test]
fn indentation_errors_are_explained() {
    assert_explained(&[
        ("def f():\nreturn 1", &["indented block"]),
        ("x = 1\n    y = 2", &["indented more"]),
        ("if True:\n        a = 1\n    b = 2", &["Line it up"]),
    ]);
}

#[test]
fn runtime_errors_are_explained() {
    assert_explained(&[
        ("print('age: ' + 3)", &["`str(n)`"]),
        ("print(3 + 'x')", &["`str(n)`"]),
        (
            "def f(a, b):\n    pass\nf(1, 2, 3)",
            &["3 arguments", "2 parameters"],
        ),
        (
            "def f(a, b):\n    pass\nf(1)",
            &["`f` needs a value for 'b'"],
        ),
        ("[1, 2][5]", &["Indexes start at 0"]),
        ("{'a': 1}['b']", &["no key 'b'", "d.get(key)"]),
        ("int('abc')", &["`int()`", "'abc'"]),
        ("1 / 0", &["divided by zero"]),
        ("def f(n):\n    return f(n + 1)\nf(0)", &["base case"]),
        (
            "n = 0\ndef bump():\n    n = n + 1\nbump()",
            &["`n` is assigned", "global n"],
        ),
        ("input()", &["no input"]),
        ("import numpy", &["`numpy`", "pip"]),
        ("x = [0] * 10**20", &["far too large"]),
    ]);
}

#[test]
fn an_error_without_a_known_explanation_has_none() {
    let outcome = run_all(&[("raise RuntimeError('mine')", "")]).remove(0);
    assert_eq!(outcome.error.expect("an error").explanation, None);
}
