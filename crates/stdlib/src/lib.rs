//! Splits RustPython's pure-Python standard library (the `Lib/` folder of `rustpython-pylib`,
//! Python 3.14's stdlib, tests excluded) in two:
//!
//! - the **frozen** part ([`FROZEN`]): what the engine itself imports to start, to seed `random`
//!   and to explain an error. It is compiled to bytecode at build time and linked into the
//!   engine wasm, so a first run needs no other download.
//! - everything else, fetched by the worker on first import as [`Bundle`]s of source, one per
//!   top-level package or module (`email`, `json`, `fractions`…), cached by the
//!   browser under names that carry a content hash.
//!
//! The engine's build script ([`freeze`], [`Bundle::file_name`]) and `cargo xtask dist` (which
//! writes the bundle files) both call this crate on the same pinned `Lib/`, so the names the
//! engine asks for are the files `dist/` has.

#[cfg(feature = "freeze")]
mod freeze;

#[cfg(feature = "freeze")]
pub use freeze::{compile_module, freeze, stored_lz4_block};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The modules frozen into the engine. An entry names one module; `pkg.*` names a package and
/// all its submodules.
///
/// Measured, not guessed: these are the stdlib modules an engine has imported after starting
/// (with its warm-up run), a run seeded for `input()` replay (`random`) and a run that fails and
/// gets a friendly explanation (`difflib`, `re`). The engine's test
/// `a_first_run_fetches_no_stdlib` fails if one is missing.
pub const FROZEN: &[&str] = &[
    "_collections_abc",
    "_pyio",
    "abc",
    "bisect",
    "collections.*",
    "difflib",
    "enum",
    "functools",
    "genericpath",
    "heapq",
    "io",
    "keyword",
    "operator",
    "os",
    "posixpath",
    "random",
    "re.*",
    "reprlib",
    "stat",
    "types",
];

/// The folder, at the site's root, that holds the bundles: `stdlib/<file_name>`.
pub const FOLDER: &str = "stdlib";

/// One module of the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    /// Dotted name, e.g. `email.mime.text`; a package's is the package's own (`email`).
    pub name: String,
    /// True for a package (its source is the `__init__.py`).
    pub package: bool,
    /// Path of the source under `Lib/`, with `/` separators, e.g. `email/mime/text.py`.
    pub path: String,
    /// The Python source, UTF-8.
    pub source: String,
}

impl Module {
    /// The package relative imports start from: the module itself for a package, else its parent.
    fn package_name(&self) -> &str {
        if self.package {
            &self.name
        } else {
            self.name.rsplit_once('.').map_or("", |(parent, _)| parent)
        }
    }

    /// Absolute names this module may import as it runs: `import a.b as c, d` gives `a.b` and
    /// `d`; `from a import b, c` gives `a`, `a.b` and `a.c` (either may be a submodule); relative
    /// imports are resolved against its package. Only unindented lines count: what runs when
    /// the module is imported, not what a function imports when called. Names that are not
    /// modules are the caller's to filter out.
    ///
    /// A line scan, not a parse (this crate has no Python parser without its `freeze` feature):
    /// the second line of a parenthesised `from a import (b,` and imports in `try:` blocks are
    /// missed. It serves prefetching, which only has to be mostly right: a miss costs a round
    /// trip, an extra name an unneeded download.
    pub fn imports(&self) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for line in self.source.lines() {
            if let Some(rest) = line.strip_prefix("import ") {
                for target in rest.split(',') {
                    if let Some(name) = target.split_whitespace().next() {
                        names.insert(name.to_owned());
                    }
                }
            } else if let Some(rest) = line.strip_prefix("from ") {
                let mut words = rest.split_whitespace();
                let (Some(from), Some("import")) = (words.next(), words.next()) else {
                    continue;
                };
                let Some(base) = self.resolve(from) else {
                    continue;
                };
                let imported = words.collect::<Vec<_>>().join(" ");
                for item in imported.trim_start_matches('(').split(',') {
                    if let Some(item) = item.split_whitespace().next() {
                        if item != "*" && item != "(" {
                            names.insert(join(&base, item));
                        }
                    }
                }
                if !base.is_empty() {
                    names.insert(base);
                }
            }
        }
        names.retain(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        });
        names
    }

    /// The absolute name of `from`'s target (`..x` against this module's package); `None` when
    /// it climbs above the library's root.
    fn resolve(&self, from: &str) -> Option<String> {
        let level = from.len() - from.trim_start_matches('.').len();
        let rest = &from[level..];
        if level == 0 {
            return Some(rest.to_owned());
        }
        let mut package = self.package_name();
        for _ in 1..level {
            package = package.rsplit_once('.').map(|(parent, _)| parent)?;
        }
        Some(join(package, rest))
    }
}

/// `a` and `b` joined with a dot, or whichever is not empty.
fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}.{b}"),
    }
}

/// True when `name` is frozen into the engine (see [`FROZEN`]).
pub fn is_frozen(name: &str) -> bool {
    FROZEN.iter().any(|entry| match entry.strip_suffix(".*") {
        Some(package) => {
            name == package
                || name
                    .strip_prefix(package)
                    .is_some_and(|rest| rest.starts_with('.'))
        }
        None => name == *entry,
    })
}

/// The folder of the pinned library's sources (inside cargo's registry).
pub fn lib_path() -> &'static Path {
    Path::new(rustpython_pylib::LIB_PATH)
}

/// Every `.py` module under `root`, sorted by name.
///
/// Errors: the I/O error of a folder or file that cannot be read, or a source that is not UTF-8.
pub fn read_library(root: &Path) -> std::io::Result<Vec<Module>> {
    let mut modules = Vec::new();
    read_folder(root, "", &mut modules)?;
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(modules)
}

fn read_folder(folder: &Path, package: &str, modules: &mut Vec<Module>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let Some(file_name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let qualified = |stem: &str| match package {
            "" => stem.to_owned(),
            _ => format!("{package}.{stem}"),
        };
        if path.is_dir() {
            read_folder(&path, &qualified(file_name), modules)?;
        } else if let Some(stem) = file_name.strip_suffix(".py") {
            let is_init = stem == "__init__";
            let source = std::fs::read_to_string(&path).map_err(|error| {
                std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
            })?;
            let relative = match package {
                "" => file_name.to_owned(),
                _ => format!("{}/{file_name}", package.replace('.', "/")),
            };
            modules.push(Module {
                name: if is_init {
                    package.to_owned()
                } else {
                    qualified(stem)
                },
                package: is_init,
                path: relative,
                source: source.trim_start_matches('\u{feff}').to_owned(),
            });
        }
    }
    Ok(())
}

/// The not-frozen modules of one top-level name, fetched together on its first import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// The top-level name: `email` holds `email`, `email.mime`, `email.mime.text`…
    pub top: String,
    /// Its modules, sorted by name.
    pub modules: Vec<Module>,
}

impl Bundle {
    /// The bundle as served: JSON `{"top": …, "modules": [{"name", "package", "path",
    /// "source"}…]}`. Source rather than bytecode: it compresses to about half of the
    /// bytecode's size (see `cargo xtask bench`).
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a bundle is plain strings and booleans")
    }

    /// Reads what [`Bundle::encode`] wrote. Errors: a message saying what is malformed.
    pub fn decode(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|error| format!("malformed stdlib bundle: {error}"))
    }

    /// The file name under [`FOLDER`]: `<top>-<16 hex digits of the SHA-256 of the encoding>.json`,
    /// so a changed bundle gets a new name and hosts may cache each one forever.
    pub fn file_name(&self) -> String {
        let digest = Sha256::digest(self.encode().as_bytes());
        let hex: String = digest[..8]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        format!("{}-{hex}.json", self.top)
    }
}

/// The not-frozen modules of `modules`, one bundle per top-level name, sorted by it.
pub fn bundles(modules: &[Module]) -> Vec<Bundle> {
    let mut by_top: BTreeMap<&str, Vec<Module>> = BTreeMap::new();
    for module in modules.iter().filter(|module| !is_frozen(&module.name)) {
        let top = module.name.split('.').next().unwrap_or(&module.name);
        by_top.entry(top).or_default().push(module.clone());
    }
    by_top
        .into_iter()
        .map(|(top, modules)| Bundle {
            top: top.to_owned(),
            modules,
        })
        .collect()
}
