//! YAML front matter: the `---` block at the top of every content file.

use serde_yaml_ng::{Mapping, Value};

use crate::chunk::Chunk;
use crate::error::Diagnostics;

/// The fields of a file's front matter, read one by one so that every
/// missing or malformed field is reported, each with the line of its key.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    map: Mapping,
    /// The YAML lines between the `---` lines.
    yaml: Chunk<'a>,
    /// Keys the caller asked for; the others get a warning.
    known: Vec<&'static str>,
}

/// Splits `text` into its front matter fields and the body after it.
///
/// The file must start with a `---` line and the front matter ends at the
/// next `---` (or `...`) line. Without front matter, or with YAML that does
/// not parse into a mapping, reports an error and returns no fields; the body
/// is then the rest of the file so that it can still be checked.
pub(crate) fn parse<'a>(text: &'a str, diags: &mut Diagnostics) -> (Option<Fields<'a>>, Chunk<'a>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        diags.error(
            1,
            "missing front matter: the file must start with a `---` line",
        );
        return (None, Chunk::new(text, 1));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            let yaml = Chunk::new(text.get(yaml_start..offset).unwrap_or_default(), 2);
            let body = Chunk::new(
                text.get(offset + line.len()..).unwrap_or_default(),
                index + 3,
            );
            return (Fields::parse(yaml, diags), body);
        }
        offset += line.len();
    }
    diags.error(1, "front matter is not closed by a `---` line");
    (None, Chunk::new("", 1))
}

impl<'a> Fields<'a> {
    fn parse(yaml: Chunk<'a>, diags: &mut Diagnostics) -> Option<Self> {
        let map = match serde_yaml_ng::from_str::<Value>(yaml.text) {
            Ok(Value::Mapping(map)) => map,
            Ok(Value::Null) => Mapping::new(),
            Ok(_) => {
                diags.error(yaml.line, "front matter must be `key: value` lines");
                return None;
            }
            Err(error) => {
                let line = error
                    .location()
                    .map_or(yaml.line, |at| yaml.line + at.line().saturating_sub(1));
                // The location is reported as a file line instead.
                let message = error.to_string();
                let message = message.split(" at line ").next().unwrap_or_default();
                diags.error(line, format!("front matter is not valid YAML: {message}"));
                return None;
            }
        };
        Some(Self {
            map,
            yaml,
            known: Vec::new(),
        })
    }

    /// The line of `key:` in the file, or of the opening `---` if there is none.
    pub(crate) fn line_of(&self, key: &str) -> usize {
        let mut lines = self.yaml.text.lines().enumerate();
        let found = lines.find(|(_, line)| {
            let rest = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        found.map_or(self.yaml.line - 1, |(index, _)| self.yaml.line + index)
    }

    fn get(&mut self, key: &'static str) -> Option<&Value> {
        self.known.push(key);
        self.map.get(key).filter(|value| !value.is_null())
    }

    /// The non-empty string field `key`, if present; an error if it has another type.
    pub(crate) fn string(&mut self, key: &'static str, diags: &mut Diagnostics) -> Option<String> {
        match self.get(key)? {
            Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
            _ => {
                diags.error(
                    self.line_of(key),
                    format!("front matter `{key}` must be a non-empty string"),
                );
                None
            }
        }
    }

    /// The string field `key`; an error if it is missing.
    pub(crate) fn required_string(
        &mut self,
        key: &'static str,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        if self.get(key).is_none() {
            diags.error(
                self.line_of(key),
                format!("missing front matter field `{key}`"),
            );
        }
        self.string(key, diags)
    }

    /// The whole-number field `key` (0 to 2^32 - 1), if present; an error if it is anything else.
    pub(crate) fn number(&mut self, key: &'static str, diags: &mut Diagnostics) -> Option<u32> {
        let value = self.get(key)?;
        let number = value.as_u64().and_then(|number| u32::try_from(number).ok());
        if number.is_none() {
            diags.error(
                self.line_of(key),
                format!("front matter `{key}` must be a whole number"),
            );
        }
        number
    }

    /// Warns about every key that was never asked for.
    pub(crate) fn warn_unknown(self, diags: &mut Diagnostics) {
        for key in self.map.keys() {
            let name = key
                .as_str()
                .map_or_else(|| format!("{key:?}"), str::to_owned);
            if !self.known.contains(&name.as_str()) {
                diags.warning(
                    self.line_of(&name),
                    format!("unknown front matter field `{name}` is ignored"),
                );
            }
        }
    }
}
