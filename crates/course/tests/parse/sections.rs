//! Splitting a lesson into `# --name--` sections.

use super::{assert_error, code, html, lesson, parse_ok};

#[test]
fn description_and_transcript_make_the_body_in_file_order() {
    let (lesson, _) = parse_ok(&lesson(&[
        "# --transcript--",
        "",
        "Spoken first.",
        "",
        "# --description--",
        "",
        "Written second.",
    ]));
    assert_eq!(
        html(&lesson.body),
        "<p>Spoken first.</p>\n<p>Written second.</p>\n"
    );
    assert_eq!((lesson.quiz, lesson.exercise), (None, None));
}

#[test]
fn unknown_section_is_an_error_at_its_line() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "Text.",
            "",
            "# --scene--",
            "",
            "More.",
        ]),
        10,
        "unknown section `# --scene--`",
    );
}

#[test]
fn duplicate_section_is_an_error_at_the_second() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "One.",
            "",
            "# --description--",
            "",
            "Two.",
        ]),
        10,
        "section `# --description--` appears twice (first at line 6)",
    );
}

#[test]
fn other_level_one_heading_is_an_error() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "Text.",
            "",
            "# Introduction",
            "",
            "More.",
        ]),
        10,
        "level-1 heading `Introduction`",
    );
}

#[test]
fn setext_level_one_heading_is_an_error() {
    assert_error(
        &lesson(&["# --description--", "", "Introduction", "============"]),
        8,
        "level-1 heading `Introduction`",
    );
}

#[test]
fn misplaced_marker_is_an_error() {
    assert_error(
        &lesson(&[
            "# --description--",
            "",
            "Text.",
            "",
            "## --text--",
            "",
            "More.",
        ]),
        10,
        "misplaced marker `--text--`",
    );
}

#[test]
fn text_before_the_first_section_is_an_error() {
    assert_error(
        &lesson(&["", "Stray text.", "", "# --description--", "", "Text."]),
        7,
        "text before the first section",
    );
}

#[test]
fn lesson_without_sections_is_an_error() {
    assert_error(&lesson(&[""]), 0, "lesson has no content");
}

#[test]
fn hash_lines_inside_code_fences_are_code_not_headings() {
    let (lesson, _) = parse_ok(&lesson(&[
        "# --description--",
        "",
        "```py",
        "# --questions--",
        "# A comment",
        "print(1)  # another",
        "```",
        "",
        "~~~~text",
        "# --seed--",
        "```",
        "# still inside the tilde fence",
        "~~~~",
    ]));
    let blocks = code(&lesson.body);
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        blocks[0].code,
        "# --questions--\n# A comment\nprint(1)  # another\n"
    );
    assert_eq!(blocks[0].line, 8);
    assert_eq!(
        blocks[1].code,
        "# --seed--\n```\n# still inside the tilde fence\n"
    );
    assert_eq!(blocks[1].line, 14);
    assert_eq!(lesson.quiz, None);
}

#[test]
fn indented_hash_line_is_not_a_section_marker() {
    // Four spaces make an indented code block, so this is code too.
    let (lesson, _) = parse_ok(&lesson(&["# --description--", "", "    # --questions--"]));
    assert_eq!(code(&lesson.body)[0].code, "# --questions--\n");
}

#[test]
fn unclosed_fence_is_an_error_at_its_opening_line() {
    let text = lesson(&[
        "# --description--",
        "",
        "Text.",
        "",
        "```py",
        "print(1)",
        "",
        "# --questions--",
    ]);
    assert_error(&text, 10, "code fence is never closed");
}
