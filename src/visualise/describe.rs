//! The visualiser in words, for screen readers: what changed from one step to the next (read
//! out as the learner steps) and the whole state of a step (the drawing's text alternative).

use pylings_protocol::trace::{HeapObject, Step, Trace, Value};

/// How an object is named in words: its kind and number, `list #2`.
pub fn object_name(trace: &Trace, step: &Step, number: u32) -> String {
    let kind = match trace.object(step, number) {
        Some(HeapObject::Seq { type_name, .. } | HeapObject::Dict { type_name, .. }) => {
            type_name.clone()
        }
        Some(HeapObject::Instance { type_name, .. }) => format!("{type_name} instance"),
        Some(HeapObject::Class { name, .. }) => format!("class {name}"),
        Some(HeapObject::Function { name, .. }) => format!("function {name}"),
        Some(HeapObject::Generator { name, .. }) => format!("generator {name}"),
        Some(HeapObject::Module { name }) => format!("module {name}"),
        Some(HeapObject::Other { type_name, .. }) => type_name.clone(),
        None => "object".to_owned(),
    };
    format!("{kind} #{number}")
}

fn value_words(trace: &Trace, step: &Step, value: &Value) -> String {
    match value {
        Value::Ref(number) => format!("→ {}", object_name(trace, step, *number)),
        Value::Inline(text) => format!("= {text}"),
    }
}

/// What step `index` did, in a sentence or a few: "Step 3 of 9, line 4 in fact. Called fact.
/// n = 2. Printed: 6." The position comes first, so that holding an arrow key reads well.
pub fn change(trace: &Trace, index: usize) -> String {
    let step = &trace.steps[index];
    let function = step.frames.last().map_or("<module>", |f| f.name.as_str());
    let mut parts = vec![format!(
        "Step {} of {}, {} line {} in {function}.",
        index + 1,
        trace.steps.len(),
        match step.event.as_str() {
            "return" => "returning from",
            "exception" => "exception at",
            "call" => "calling, at",
            _ => "next",
        },
        step.line
    )];
    let previous = index.checked_sub(1).map(|i| &trace.steps[i]);
    let before = previous.map_or(0, |p| p.frames.len());
    if step.frames.len() > before && before > 0 {
        parts.push(format!("Called {function}."));
    }
    if let (Some(previous), true) = (previous, step.frames.len() < before) {
        if let Some(gone) = previous.frames.last() {
            parts.push(format!("{} finished.", gone.name));
        }
    }
    for (depth, frame) in step.frames.iter().enumerate() {
        let old = previous
            .and_then(|p| p.frames.get(depth))
            .filter(|f| f.name == frame.name);
        for (name, value) in &frame.locals {
            let was = old.and_then(|f| f.locals.iter().find(|(n, _)| n == name));
            if was.is_none_or(|(_, v)| v != value)
                && (old.is_some() || depth + 1 == step.frames.len())
            {
                parts.push(format!("{name} {}.", value_words(trace, step, value)));
            }
        }
        if let Some(value) = &frame.ret {
            parts.push(format!(
                "Returns {}.",
                value_words(trace, step, value).trim_start_matches("= ")
            ));
        }
    }
    if let Some(previous) = previous {
        for (number, index) in &step.heap {
            let was = previous.heap.iter().find(|(n, _)| n == number);
            if was.is_some_and(|(_, old)| old != index) {
                parts.push(format!("{} changed.", object_name(trace, step, *number)));
            }
        }
    }
    let before = index
        .checked_sub(1)
        .map_or("", |i| super::printed(trace, i));
    let now = super::printed(trace, index);
    if let Some(text) = now.get(before.len()..).filter(|t| !t.is_empty()) {
        parts.push(format!("Printed: {}.", clip_words(text.trim_end())));
    }
    if let Some(exception) = &step.exc {
        parts.push(format!("Exception: {exception}."));
    }
    parts.join(" ")
}

/// The state of step `index` in words: each frame's names, then each object's contents.
pub fn state(trace: &Trace, index: usize) -> String {
    let step = &trace.steps[index];
    let mut parts = Vec::new();
    for frame in &step.frames {
        let names: Vec<String> = frame
            .locals
            .iter()
            .map(|(name, value)| format!("{name} {}", value_words(trace, step, value)))
            .collect();
        let title = if frame.name == "<module>" {
            "Global frame"
        } else {
            frame.name.as_str()
        };
        parts.push(format!(
            "{title}: {}.",
            if names.is_empty() {
                "no names".to_owned()
            } else {
                names.join(", ")
            }
        ));
    }
    for (number, _) in &step.heap {
        let Some(object) = trace.object(step, *number) else {
            continue;
        };
        let inline = |value: &Value| match value {
            Value::Ref(n) => object_name(trace, step, *n),
            Value::Inline(text) => text.clone(),
        };
        let pairs = |pairs: &[(String, Value)]| -> Vec<String> {
            pairs
                .iter()
                .map(|(name, value)| format!("{name}: {}", inline(value)))
                .collect()
        };
        let contents: Vec<String> = match object {
            HeapObject::Seq { items, .. } => items.iter().map(inline).collect(),
            HeapObject::Dict { entries, .. } => pairs(entries),
            HeapObject::Instance { attrs, .. } | HeapObject::Class { attrs, .. } => pairs(attrs),
            HeapObject::Function {
                defaults, cells, ..
            } => {
                let mut words = pairs(defaults);
                words.extend(pairs(cells));
                words
            }
            HeapObject::Generator { locals, state, .. } => {
                let mut words = vec![state.clone()];
                words.extend(pairs(locals));
                words
            }
            HeapObject::Module { .. } => Vec::new(),
            HeapObject::Other { repr, .. } => vec![repr.clone()],
        };
        let name = object_name(trace, step, *number);
        parts.push(match object {
            HeapObject::Module { .. } => format!("{name}."),
            _ if contents.is_empty() => format!("{name}: empty."),
            _ => format!("{name}: {}.", contents.join(", ")),
        });
    }
    parts.join(" ")
}

fn clip_words(text: &str) -> String {
    if text.chars().count() <= 80 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(79).collect::<String>())
    }
}
