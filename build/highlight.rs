//! Build-time syntax highlighting of the course's Python blocks, with syntect's Python grammar.
//!
//! syntect's own HTML writer emits a span per scope (several per token, ~10× the code's size);
//! since the course is embedded in the app's wasm, we reduce each token to one short class from
//! a small palette instead: `hl-keyword`, `hl-string`, `hl-comment`, `hl-number`, `hl-constant`,
//! `hl-builtin`, `hl-def`, `hl-decorator`, `hl-escape`, `hl-operator`. The colours are CSS
//! custom properties (`--hl-*` in style/main.css), meant to be shared with the editor's theme.

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Scope prefixes (Sublime/TextMate names) and the palette class they get; the first match,
/// looking from the innermost scope outwards, wins.
const PALETTE: &[(&str, &str)] = &[
    ("comment", "comment"),
    ("constant.character.escape", "escape"),
    ("punctuation.definition.comment", "comment"),
    ("string", "string"),
    ("punctuation.definition.string", "string"),
    ("storage.type.string", "string"),
    ("constant.numeric", "number"),
    ("constant.language", "constant"),
    ("keyword.operator.logical", "keyword"),
    ("keyword.operator.word", "keyword"),
    ("keyword.operator", "operator"),
    ("keyword", "keyword"),
    ("storage", "keyword"),
    ("support.function.builtin", "builtin"),
    ("support.type", "builtin"),
    ("support.function", "builtin"),
    ("entity.name.function.decorator", "decorator"),
    ("meta.annotation", "decorator"),
    ("entity.name.function", "def"),
    ("entity.name.class", "def"),
];

/// A highlighter holding syntect's parsed grammars (loading them takes a moment: load once).
pub struct Highlighter {
    syntaxes: SyntaxSet,
}

impl Highlighter {
    pub fn new() -> Self {
        Self {
            syntaxes: SyntaxSet::load_defaults_newlines(),
        }
    }

    /// `code` as escaped HTML with `<span class="hl-…">` tokens; `None` for a language the
    /// grammar set does not know (shown plain then).
    pub fn python_html(&self, code: &str) -> Option<String> {
        let syntax = self.syntaxes.find_syntax_by_token("python")?;
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut out = String::new();
        for line in LinesWithEndings::from(code) {
            let ops = state.parse_line(line, &self.syntaxes).ok()?;
            let mut start = 0;
            for (position, op) in ops {
                emit(&mut out, &line[start..position], class_of(&stack));
                start = position;
                stack.apply(&op).ok()?;
            }
            emit(&mut out, &line[start..], class_of(&stack));
        }
        Some(out)
    }
}

fn class_of(stack: &ScopeStack) -> Option<&'static str> {
    stack.as_slice().iter().rev().find_map(|scope: &Scope| {
        let name = scope.build_string();
        PALETTE
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .map(|(_, class)| *class)
    })
}

fn emit(out: &mut String, text: &str, class: Option<&str>) {
    if text.is_empty() {
        return;
    }
    let escaped = escape(text);
    match class {
        // Merge with the previous span when it has the same class.
        Some(class) if out.ends_with("</span>") && last_class(out) == Some(class) => {
            out.truncate(out.len() - "</span>".len());
            out.push_str(&escaped);
            out.push_str("</span>");
        }
        Some(class) => {
            out.push_str(&format!("<span class=\"hl-{class}\">{escaped}</span>"));
        }
        None => out.push_str(&escaped),
    }
}

fn last_class(out: &str) -> Option<&str> {
    let open = out.rfind("<span class=\"hl-")?;
    let rest = &out[open + "<span class=\"hl-".len()..];
    rest.split('"').next()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
