//! A program's run recorded step by step for the visualiser: what the engine's
//! `_pylings_trace.py` writes (its docstring is the reference for the format) and the page draws.
//!
//! Object states are stored once in [`Trace::objects`]; each [`Step::heap`] says which objects
//! the step shows and which state each is in. Objects keep their number for the whole run, so
//! two names pointing at the same number share one object.

use serde::{Deserialize, Serialize};

/// The most steps a recording holds: a program running longer is ended ([`Trace::limit`]).
pub const MAX_STEPS: usize = 1_000;
/// The most objects one step shows; more are left out ([`Value::LEFT_OUT`], [`Trace::clipped`]).
pub const MAX_OBJECTS: usize = 200;

/// One recorded run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// The steps, in order; empty when the program did not start (a syntax error).
    pub steps: Vec<Step>,
    /// Distinct object states, pointed at by [`Step::heap`].
    pub objects: Vec<HeapObject>,
    /// What the program wrote to stdout, with the lines typed for `input()`, clipped to
    /// 100,000 characters; [`Step::out`] counts into it.
    pub output: String,
    /// `Some("steps")` when the program ran past [`MAX_STEPS`] events and was ended there.
    pub limit: Option<String>,
    /// True when some step had more than [`MAX_OBJECTS`] objects and left some out.
    pub clipped: bool,
}

/// What the program looked like at one trace event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// `call`, `line` (the line is about to run), `return` or `exception`.
    pub event: String,
    /// The 1-based line of `main.py` the event is about.
    pub line: u32,
    /// The learner's active calls, `<module>` first.
    pub frames: Vec<Frame>,
    /// `(object number, index into Trace::objects)` of each object shown, in the order reached.
    pub heap: Vec<(u32, usize)>,
    /// Characters of [`Trace::output`] written by then.
    pub out: usize,
    /// For an `exception` step: `Type: message`.
    #[serde(default)]
    pub exc: Option<String>,
}

/// One active call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// The function's name (`<module>` for the program itself).
    pub name: String,
    /// Its current 1-based line.
    pub line: u32,
    /// Its names and their values, in the order they were bound (globals without dunders for
    /// `<module>`).
    pub locals: Vec<(String, Value)>,
    /// At a `return` step, for the returning frame: the value returned.
    #[serde(default)]
    pub ret: Option<Value>,
}

/// A name's or an item's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// An object drawn as a box: its number (see [`Step::heap`]).
    Ref(u32),
    /// A small immutable value drawn inline: its `repr`, clipped to 60 characters; or
    /// [`Value::LEFT_OUT`].
    Inline(String),
}

impl Value {
    /// The inline text of an object left out because its step already had [`MAX_OBJECTS`].
    pub const LEFT_OUT: &'static str = "…";
}

/// An object's state, as drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HeapObject {
    /// A list, tuple, set, frozenset or deque: its first 40 items; `more` were left out.
    Seq {
        #[serde(rename = "type")]
        type_name: String,
        items: Vec<Value>,
        more: usize,
    },
    /// A dict (or subclass): its first 40 entries, each key as text; `more` were left out.
    Dict {
        #[serde(rename = "type")]
        type_name: String,
        entries: Vec<(String, Value)>,
        more: usize,
    },
    /// An instance of a class the program defined: its attributes (`__dict__`, then slots).
    Instance {
        #[serde(rename = "type")]
        type_name: String,
        attrs: Vec<(String, Value)>,
    },
    /// A class the program defined: its bases (other than `object`) and its attributes and
    /// methods.
    Class {
        name: String,
        bases: Vec<String>,
        attrs: Vec<(String, Value)>,
    },
    /// A function the program defined: its parameters, their default values (one object for
    /// every call: a mutable default is shared) and its closure's cells.
    Function {
        name: String,
        params: Vec<String>,
        #[serde(default)]
        defaults: Vec<(String, Value)>,
        cells: Vec<(String, Value)>,
    },
    /// A generator of the program's: `created`, `suspended`, `running` or `finished`, where it
    /// is paused and its locals.
    Generator {
        name: String,
        state: String,
        line: Option<u32>,
        locals: Vec<(String, Value)>,
    },
    /// A module, shown by name only.
    Module { name: String },
    /// Anything else (the standard library's objects): its type and clipped `repr`.
    Other {
        #[serde(rename = "type")]
        type_name: String,
        repr: String,
    },
}

impl Trace {
    /// Parses the engine's recording. Errors: the text is not a recording (serde's message).
    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    /// The object numbered `number` as step `step` shows it, if it does.
    pub fn object(&self, step: &Step, number: u32) -> Option<&HeapObject> {
        step.heap
            .iter()
            .find(|(shown, _)| *shown == number)
            .and_then(|(_, index)| self.objects.get(*index))
    }
}
