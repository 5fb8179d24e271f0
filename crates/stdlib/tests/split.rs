//! The split of the library, the bundle format and the stored LZ4 blocks.

use pylings_stdlib::{
    bundles, freeze, is_frozen, lib_path, read_library, stored_lz4_block, Bundle,
};

#[test]
fn frozen_entries_name_modules_and_whole_packages() {
    assert!(is_frozen("random"));
    assert!(is_frozen("re"));
    assert!(is_frozen("re._parser"));
    assert!(is_frozen("collections.abc"));
    assert!(!is_frozen("reprlib_extra"));
    assert!(!is_frozen("email"));
    assert!(!is_frozen("json.decoder"));
}

#[test]
fn every_module_is_frozen_or_in_exactly_one_bundle() {
    let modules = read_library(lib_path()).expect("read Lib/");
    assert!(modules.len() > 600, "only {} modules", modules.len());
    let bundles = bundles(&modules);
    let bundled: usize = bundles.iter().map(|bundle| bundle.modules.len()).sum();
    let frozen = modules.iter().filter(|m| is_frozen(&m.name)).count();
    assert_eq!(bundled + frozen, modules.len());
    // Every FROZEN entry exists: a typo would silently move a module to the network.
    for entry in pylings_stdlib::FROZEN {
        let name = entry.trim_end_matches(".*");
        assert!(
            modules.iter().any(|m| m.name == name),
            "{entry} is not in Lib/"
        );
    }
    let email = bundles
        .iter()
        .find(|b| b.top == "email")
        .expect("email bundle");
    let package = email.modules.iter().find(|m| m.name == "email").unwrap();
    assert!(package.package);
    assert_eq!(package.path, "email/__init__.py");
    assert!(email
        .modules
        .iter()
        .any(|m| m.name == "email.mime.text" && !m.package));
}

#[test]
fn bundles_round_trip_and_are_named_by_their_content() {
    let modules = read_library(lib_path()).expect("read Lib/");
    let bundles = bundles(&modules);
    let json = bundles
        .iter()
        .find(|b| b.top == "json")
        .expect("json bundle");
    assert_eq!(&Bundle::decode(&json.encode()).unwrap(), json);
    let name = json.file_name();
    assert!(
        name.starts_with("json-") && name.ends_with(".json"),
        "{name}"
    );
    let mut changed = json.clone();
    changed.modules[0].source.push('\n');
    assert_ne!(changed.file_name(), name);
    assert!(Bundle::decode("{\"top\": 1}")
        .unwrap_err()
        .contains("malformed"));
}

#[test]
fn a_module_knows_what_it_imports_as_it_runs() {
    let module = |name: &str, package: bool, source: &str| pylings_stdlib::Module {
        name: name.to_owned(),
        package,
        path: String::new(),
        source: source.to_owned(),
    };
    let imports = module(
        "pkg.sub.mod",
        false,
        "import os.path as p, sys\nfrom . import a, b as c\nfrom ..up import (x,\n    y)\n\
         from json import *\ndef f():\n    import inside\n",
    )
    .imports();
    let expected = [
        "json",
        "os.path",
        "pkg.sub",
        "pkg.sub.a",
        "pkg.sub.b",
        "pkg.up",
        "pkg.up.x",
        "sys",
    ];
    assert_eq!(
        imports.iter().map(String::as_str).collect::<Vec<_>>(),
        expected
    );
    let package = module("pkg", true, "from .core import run\n").imports();
    assert!(package.contains("pkg.core") && package.contains("pkg.core.run"));
    assert!(module("top", false, "from .. import x\n")
        .imports()
        .is_empty());
    // On the real library: json's package imports its submodules.
    let modules = read_library(lib_path()).expect("read Lib/");
    let json = modules.iter().find(|m| m.name == "json").unwrap().imports();
    assert!(
        json.contains("json.decoder") && json.contains("json.encoder"),
        "{json:?}"
    );
}

#[test]
fn stored_blocks_decompress_to_their_data() {
    for length in [0, 1, 14, 15, 16, 269, 270, 271, 100_000] {
        let data: Vec<u8> = (0..length).map(|i| (i * 7 % 251) as u8).collect();
        let block = stored_lz4_block(&data);
        assert_eq!(
            lz4_flex::decompress_size_prepended(&block).expect("valid block"),
            data,
            "length {length}"
        );
    }
}

#[test]
fn the_frozen_part_compiles() {
    let modules = read_library(lib_path()).expect("read Lib/");
    let frozen = freeze(&modules).expect("compiles");
    assert!(frozen.len() > 100_000, "{} bytes", frozen.len());
}
