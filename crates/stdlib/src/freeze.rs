//! Compiles the frozen part of the library into the byte format of RustPython's `FrozenLib`.

use rustpython_compiler::{compile, CompileOpts, Mode};
use rustpython_compiler_core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule};
use rustpython_compiler_core::marshal;

use crate::{is_frozen, Module};

/// The frozen modules of `modules` ([`crate::FROZEN`]), compiled, as the bytes of a
/// `FrozenLib` for `Interpreter::add_frozen_modules`.
///
/// Each module's code object is marshalled and wrapped in an LZ4 block that *stores* it (see
/// [`stored_lz4_block`]) instead of compressing it: the loader insists on LZ4, but compressed
/// bytes cannot be compressed again by the server's brotli, which shrinks the plain marshal
/// about a quarter more (measured in issue 9's bench).
///
/// Errors: the module whose source does not compile, with the compiler's message.
pub fn freeze(modules: &[Module]) -> Result<Vec<u8>, String> {
    let mut frozen = Vec::new();
    for module in modules.iter().filter(|module| is_frozen(&module.name)) {
        frozen.push((
            module.name.as_str(),
            module.package,
            compile_module(module)?,
        ));
    }
    let lib = FrozenLib::encode(frozen.iter().map(|(name, package, marshalled)| {
        (
            *name,
            FrozenModule {
                code: FrozenCodeObject {
                    bytes: stored_lz4_block(marshalled),
                },
                package: *package,
            },
        )
    }));
    Ok(lib.bytes)
}

/// `module` compiled as py_freeze! compiles it (the module name as the file name), marshalled.
///
/// Errors: the compiler's message, after the module's path.
pub fn compile_module(module: &Module) -> Result<Vec<u8>, String> {
    let code = compile(
        &module.source,
        Mode::Exec,
        &module.name,
        CompileOpts::default(),
    )
    .map_err(|error| format!("{}: {error}", module.path))?;
    let mut marshalled = Vec::new();
    marshal::serialize_code(&mut marshalled, &code);
    Ok(marshalled)
}

/// `data` as an LZ4 block that holds it uncompressed, prefixed by its length as a little-endian
/// `u32` (the layout of `lz4_flex::compress_prepend_size`).
///
/// Written here because no LZ4 encoder offers a "store" level. The block is one sequence of
/// literals and no match: a token whose high nibble is the literal count (15 meaning "more
/// follows": then bytes of 255 and a last byte below 255 add up the rest), then the literals.
pub fn stored_lz4_block(data: &[u8]) -> Vec<u8> {
    let mut block = Vec::with_capacity(data.len() + data.len() / 255 + 6);
    block.extend_from_slice(&(data.len() as u32).to_le_bytes());
    if data.len() < 15 {
        block.push((data.len() as u8) << 4);
    } else {
        block.push(0xF0);
        let mut rest = data.len() - 15;
        while rest >= 255 {
            block.push(255);
            rest -= 255;
        }
        block.push(rest as u8);
    }
    block.extend_from_slice(data);
    block
}
