//! Rendering Markdown: escaping, links, headings, code blocks.

use pylings_course::{Block, CodeBlock};

use super::{assert_error, code, html, lesson, parse_ok};

/// The body of a lesson whose description is `lines`.
fn body(lines: &[&str]) -> Vec<Block> {
    let mut all = vec!["# --description--", ""];
    all.extend_from_slice(lines);
    parse_ok(&lesson(&all)).0.body
}

#[test]
fn raw_html_block_is_escaped() {
    let html = html(&body(&["<script>alert('hi')</script>"]));
    assert_eq!(html, "<p>&lt;script&gt;alert('hi')&lt;/script&gt;\n</p>\n");
}

#[test]
fn inline_raw_html_is_escaped() {
    let html = html(&body(&[
        "Click <b onclick=\"steal()\">here</b> & <script>x</script>.",
    ]));
    assert!(!html.contains("<b") && !html.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;b onclick=\"steal()\"&gt;here&lt;/b&gt; &amp; &lt;script&gt;"),
        "{html}"
    );
}

#[test]
fn text_is_escaped() {
    assert_eq!(
        html(&body(&["1 < 2 && \"a\" > 'b'"])),
        "<p>1 &lt; 2 &amp;&amp; \"a\" &gt; 'b'</p>\n"
    );
}

#[test]
fn external_links_open_in_a_new_tab() {
    let html = html(&body(&["See [the docs](https://docs.python.org/3/ \"Docs\"), [PyPI](http://pypi.org) and <https://python.org>."]));
    assert_eq!(
        html,
        "<p>See <a href=\"https://docs.python.org/3/\" title=\"Docs\" target=\"_blank\" rel=\"noopener\">the docs</a>, \
         <a href=\"http://pypi.org\" target=\"_blank\" rel=\"noopener\">PyPI</a> and \
         <a href=\"https://python.org\" target=\"_blank\" rel=\"noopener\">https://python.org</a>.</p>\n"
    );
}

#[test]
fn internal_links_stay_in_the_page() {
    assert_eq!(
        html(&body(&["[Next](../loops) [top](#top)"])),
        "<p><a href=\"../loops\">Next</a> <a href=\"#top\">top</a></p>\n"
    );
}

#[test]
fn script_links_are_errors() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "Text.",
            "",
            "[Click](javascript:alert(1))",
        ]),
        10,
        "unsafe link to `javascript:alert(1)`",
    );
}

#[test]
fn headings_keep_their_level() {
    assert_eq!(
        html(&body(&["## Two", "", "### Three", "", "#### Four"])),
        "<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>\n"
    );
}

#[test]
fn tables_and_strikethrough_are_rendered() {
    let html = html(&body(&[
        "| a | b |",
        "| --- | --- |",
        "| 1 | 2 |",
        "",
        "~~old~~",
    ]));
    assert!(
        html.contains("<table>") && html.contains("<td>2</td>"),
        "{html}"
    );
    assert!(html.contains("<del>old</del>"), "{html}");
}

#[test]
fn code_blocks_split_the_html() {
    let blocks = body(&["Before.", "", "```py", "print(1)", "```", "", "After."]);
    let expected = [
        Block::Html("<p>Before.</p>\n".into()),
        Block::Code(CodeBlock {
            language: "py".into(),
            code: "print(1)\n".into(),
            runnable: true,
            raises: None,
            stdin: None,
            differs: None,
            predict: None,
            visualise: false,
            line: 10,
            highlighted: None,
        }),
        Block::Html("<p>After.</p>\n".into()),
    ];
    assert_eq!(blocks, expected);
}

#[test]
fn python_attributes_are_read() {
    let blocks = body(&[
        "```python raises=ZeroDivisionError",
        "1 / 0",
        "```",
        "",
        "```py stdin=Ada|36|",
        "name = input()",
        "```",
    ]);
    let blocks = code(&blocks);
    assert!(blocks[0].runnable && blocks[1].runnable);
    assert_eq!(blocks[0].raises.as_deref(), Some("ZeroDivisionError"));
    assert_eq!(blocks[1].stdin.as_deref(), Some("Ada\n36\n\n"));
    assert_eq!((blocks[0].line, blocks[1].line), (8, 12));
}

#[test]
fn other_languages_are_display_only() {
    let blocks = body(&[
        "```text",
        "print(1)",
        "```",
        "",
        "```",
        "plain",
        "```",
        "",
        "    indented",
        "",
        "```console",
        "$ python",
        "```",
    ]);
    let blocks = code(&blocks);
    let languages: Vec<(&str, bool)> = blocks
        .iter()
        .map(|block| (block.language.as_str(), block.runnable))
        .collect();
    assert_eq!(
        languages,
        [
            ("text", false),
            ("", false),
            ("", false),
            ("console", false)
        ]
    );
    assert_eq!(blocks[2].code, "indented\n");
}

#[test]
fn unknown_attribute_is_an_error_at_the_fence() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "```py timeout=3",
            "print(1)",
            "```",
        ]),
        8,
        "unknown code block attribute `timeout=3`",
    );
}

#[test]
fn python_attribute_on_another_language_is_an_error() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "```text raises=ValueError",
            "x",
            "```",
        ]),
        8,
        "unknown code block attribute `raises=ValueError` on a `text` block",
    );
}

#[test]
fn bad_raises_value_and_repeated_attribute_are_errors() {
    assert_error(
        &lesson(&["# --description--", "", "```py raises=", "x", "```"]),
        8,
        "expected an exception name",
    );
    assert_error(
        &lesson(&["# --description--", "", "```py stdin=a stdin=b", "x", "```"]),
        8,
        "code block attribute `stdin=b` given twice",
    );
}

#[test]
fn code_block_nested_in_a_list_is_an_error() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "- Step:",
            "",
            "  ```py",
            "  print(1)",
            "  ```",
        ]),
        10,
        "code block inside a list or quote",
    );
}

#[test]
fn code_block_after_a_link_in_a_list_is_still_nested() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "- See [a](https://a.org) and [b](https://b.org):",
            "",
            "  ```py",
            "  print(1)",
            "  ```",
        ]),
        10,
        "code block inside a list or quote",
    );
}

#[test]
fn code_blocks_iterator_visits_every_part_of_a_lesson() {
    let text = lesson(&[
        "# --description--",
        "```py",
        "body = 1",
        "```",
        "# --instructions--",
        "```py",
        "instructions = 1",
        "```",
        "# --hints--",
        "Hint with an example:",
        "```text",
        "hint = 1",
        "```",
        "```py",
        "assert True",
        "```",
        "# --seed--",
        "## --seed-contents--",
        "```py",
        "seed = 1",
        "```",
        "# --solutions--",
        "```py",
        "solution = 1",
        "```",
        "# --questions--",
        "## --text--",
        "```py",
        "question = 1",
        "```",
        "## --answers--",
        "```py",
        "answer = 1",
        "```",
        "### --feedback--",
        "```py",
        "feedback = 1",
        "```",
        "## --video-solution--",
        "1",
    ]);
    let (lesson, _) = parse_ok(&text);
    let found: Vec<&str> = lesson
        .code_blocks()
        .map(|block| block.code.as_str())
        .collect();
    assert_eq!(
        found,
        [
            "body = 1\n",
            "question = 1\n",
            "answer = 1\n",
            "feedback = 1\n",
            "instructions = 1\n",
            "hint = 1\n"
        ]
    );
}

#[test]
fn differs_marks_an_intended_difference_from_cpython() {
    let blocks = body(&["```py differs=memory-address", "print(object())", "```"]);
    let code = blocks
        .iter()
        .find_map(Block::as_code)
        .expect("a code block");
    assert_eq!(code.differs.as_deref(), Some("memory-address"));
    assert!(code.runnable);
}
