//! `unicode_names2::character` as version 1.x has it (the one function RustPython's parser
//! calls, for `\N{…}` in string literals), answered from the tables of version 3.x.
//!
//! 3.x matches names loosely (Unicode's UAX44-LM2: `latinsmalllettera` and `Latin_Small_Letter_A`
//! both find `a`); 1.x and CPython only ignore case. So a loose match is kept only when the
//! name asked for, uppercased, is the character's name. Aliases (`\N{BACKSPACE}`,
//! `\N{LINE FEED}`) are found by 3.x when they are one word, else in [`aliases`]; for a
//! character without a name of its own (the controls) 3.x's loose match is kept, so
//! `\N{BACK_SPACE}` is accepted here and refused by CPython. Tested in the engine's tests
//! (`crates/engine/src/tests.rs`), against CPython 3.14's answers.
#![no_std]

extern crate alloc;

mod aliases;

use alloc::string::ToString;

/// The character named `search_name` (case-insensitive), or `None`.
pub fn character(search_name: &str) -> Option<char> {
    let Some(found) = names::character(search_name) else {
        return multi_word_alias(search_name);
    };
    match names::name(found) {
        Some(name) => {
            let name = name.to_string();
            (name.len() == search_name.len() && name.eq_ignore_ascii_case(search_name))
                .then_some(found)
        }
        None => Some(found),
    }
}

/// The character of a name alias of more than one word, asked for in any case.
fn multi_word_alias(search_name: &str) -> Option<char> {
    let upper = search_name.to_ascii_uppercase();
    aliases::MULTI_WORD
        .binary_search_by(|(alias, _)| (*alias).cmp(upper.as_str()))
        .ok()
        .map(|at| aliases::MULTI_WORD[at].1)
}
