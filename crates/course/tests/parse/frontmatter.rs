//! Lesson and chapter front matter.

use pylings_course::parse_chapter_meta;

use super::{assert_error, errors, parse_ok, FILE};

/// A lesson body that is valid on its own.
const BODY: &str = "\n# --description--\n\nText.\n";

#[test]
fn required_and_optional_fields_are_read() {
    let text = format!(
        "---\nid: a-id\ntitle: A title\ndashedName: a-slug\nchallengeType: 19\n\
         summary: One sentence.\nminutes: 12\n---\n{BODY}"
    );
    let (lesson, warnings) = parse_ok(&text);
    assert_eq!(lesson.id, "a-id");
    assert_eq!(lesson.title, "A title");
    assert_eq!(lesson.slug, "a-slug");
    assert_eq!(lesson.challenge_type, Some(19));
    assert_eq!(lesson.summary.as_deref(), Some("One sentence."));
    assert_eq!(lesson.minutes, Some(12));
    assert_eq!(lesson.source, FILE);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn optional_fields_default_to_none() {
    let (lesson, _) = parse_ok(&format!("---\nid: a\ntitle: A\ndashedName: a\n---\n{BODY}"));
    assert_eq!(
        (lesson.challenge_type, lesson.summary, lesson.minutes),
        (None, None, None)
    );
}

#[test]
fn missing_id_is_reported_at_the_opening_line() {
    assert_error(
        &format!("---\ntitle: A\ndashedName: a\n---\n{BODY}"),
        1,
        "missing front matter field `id`",
    );
}

#[test]
fn missing_title_is_reported() {
    assert_error(
        &format!("---\nid: a\ndashedName: a\n---\n{BODY}"),
        1,
        "missing front matter field `title`",
    );
}

#[test]
fn missing_dashed_name_is_reported() {
    assert_error(
        &format!("---\nid: a\ntitle: A\n---\n{BODY}"),
        1,
        "missing front matter field `dashedName`",
    );
}

#[test]
fn every_missing_field_is_reported_together() {
    let errors = errors(&format!("---\nminutes: 3\n---\n{BODY}"));
    assert_eq!(
        errors,
        [
            "lesson.md:1: missing front matter field `id`",
            "lesson.md:1: missing front matter field `title`",
            "lesson.md:1: missing front matter field `dashedName`",
        ]
    );
}

#[test]
fn empty_required_field_is_an_error_at_its_line() {
    assert_error(
        &format!("---\nid: a\ntitle: ''\ndashedName: a\n---\n{BODY}"),
        3,
        "`title` must be a non-empty string",
    );
}

#[test]
fn file_without_front_matter_is_an_error() {
    assert_error("# --description--\n\nText.\n", 1, "missing front matter");
}

#[test]
fn unclosed_front_matter_is_an_error() {
    assert_error(
        "---\nid: a\ntitle: A\ndashedName: a\n",
        1,
        "front matter is not closed",
    );
}

#[test]
fn invalid_yaml_is_reported_at_its_line() {
    assert_error(
        &format!("---\nid: a\ntitle: [unclosed\ndashedName: a\n---\n{BODY}"),
        4,
        "not valid YAML",
    );
}

#[test]
fn non_integer_number_fields_are_errors_at_their_lines() {
    let text = format!(
        "---\nid: a\ntitle: A\ndashedName: a\nminutes: ten\nchallengeType: -1\n---\n{BODY}"
    );
    assert_eq!(
        errors(&text),
        [
            "lesson.md:5: front matter `minutes` must be a whole number",
            "lesson.md:6: front matter `challengeType` must be a whole number",
        ]
    );
}

#[test]
fn unknown_key_is_a_warning_not_an_error() {
    let (_, warnings) = parse_ok(&format!(
        "---\nid: a\ntitle: A\nforumTopicId: 42\ndashedName: a\n---\n{BODY}"
    ));
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["lesson.md:4: unknown front matter field `forumTopicId` is ignored"]
    );
}

#[test]
fn time_limit_is_read_and_must_be_positive() {
    let exercise = "\n# --hints--\n\nWorks.\n\n```py\nassert True\n```\n\n\
                    # --seed--\n\n## --seed-contents--\n\n```py\npass\n```\n\n\
                    # --solutions--\n\n```py\npass\n```\n";
    let (lesson, _) = parse_ok(&format!(
        "---\nid: a\ntitle: A\ndashedName: a\n---\n{exercise}"
    ));
    assert_eq!(
        lesson.exercise.map(|exercise| exercise.time_limit_seconds),
        Some(5)
    );
    let (lesson, _) = parse_ok(&format!(
        "---\nid: a\ntitle: A\ndashedName: a\ntimeLimit: 12\n---\n{exercise}"
    ));
    assert_eq!(
        lesson.exercise.map(|exercise| exercise.time_limit_seconds),
        Some(12)
    );
    assert_error(
        &format!("---\nid: a\ntitle: A\ndashedName: a\ntimeLimit: 0\n---\n{exercise}"),
        5,
        "`timeLimit` must be at least 1 second",
    );
}

#[test]
fn chapter_meta_is_read() {
    let (meta, warnings) = parse_chapter_meta(
        "_chapter.md",
        "---\ntitle: Basics\nsummary: The basics.\n---\n",
    )
    .unwrap();
    assert_eq!(
        (meta.title.as_str(), meta.summary.as_str()),
        ("Basics", "The basics.")
    );
    assert!(warnings.is_empty());
}

#[test]
fn chapter_meta_requires_title_and_summary() {
    let errors = parse_chapter_meta("_chapter.md", "---\ntitle: Basics\n---\n").unwrap_err();
    assert_eq!(
        super::lines(&errors),
        "_chapter.md:1: missing front matter field `summary`"
    );
    let errors = parse_chapter_meta("_chapter.md", "---\nsummary: S\n---\n").unwrap_err();
    assert_eq!(
        super::lines(&errors),
        "_chapter.md:1: missing front matter field `title`"
    );
}

#[test]
fn chapter_meta_warns_about_unknown_keys_and_ignored_text() {
    let text = "---\ntitle: Basics\nsummary: S\norder: 3\n---\n\nSome text.\n";
    let (_, warnings) = parse_chapter_meta("_chapter.md", text).unwrap();
    assert_eq!(
        super::lines(&warnings),
        "_chapter.md:4: unknown front matter field `order` is ignored\n\
         _chapter.md:7: text after the chapter's front matter is ignored"
    );
}
