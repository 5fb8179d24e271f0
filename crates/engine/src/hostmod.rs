//! `_pylings_host`: the native module through which Python code reaches the [`crate::Host`].
//!
//! Functions: `time()`, `time_ns()` (wall clock), `monotonic()`, `monotonic_ns()`,
//! `sleep(seconds)`, `write(stream, text)` with stream 0 = stdout and 1 = stderr, and
//! `urandom(size)` from the platform's secure random source (`crypto.getRandomValues` in a
//! browser), `stdlib_index()` (a dict: top-level name → bundle file), `stdlib_imports()` (a
//! dict: module → tuple of the fetched modules it imports as it runs), `fetch_stdlib(file)` (a
//! list of `(name, is_package, path, source)`; ImportError when it cannot be had) and
//! `prefetch_stdlib(files)` (requests them ahead). Both fetches take only files of the index.
//! `drawing(ops_json)` passes a batch of turtle drawing operations (a JSON array) to the host.

use crate::{host, stdlib};
use pylings_protocol::Stream;
use rustpython_vm::{builtins::PyStrRef, PyObjectRef, PyResult, VirtualMachine};

fn seconds_to_ns(seconds: f64) -> u64 {
    (seconds * 1e9) as u64
}

pub(crate) fn register(vm: &VirtualMachine) -> PyResult<()> {
    let functions: [(&str, PyObjectRef); 12] = [
        (
            "time",
            vm.new_function("time", || host::with_host(|h| h.wall_clock()))
                .into(),
        ),
        (
            "time_ns",
            vm.new_function("time_ns", || {
                host::with_host(|h| seconds_to_ns(h.wall_clock()))
            })
            .into(),
        ),
        (
            "monotonic",
            vm.new_function("monotonic", || host::with_host(|h| h.monotonic()))
                .into(),
        ),
        (
            "monotonic_ns",
            vm.new_function("monotonic_ns", || {
                host::with_host(|h| seconds_to_ns(h.monotonic()))
            })
            .into(),
        ),
        (
            "sleep",
            vm.new_function("sleep", |seconds: f64| {
                host::with_host(|h| h.sleep(seconds.max(0.0)))
            })
            .into(),
        ),
        (
            "write",
            vm.new_function("write", |stream: u8, text: PyStrRef| {
                let stream = if stream == 0 {
                    Stream::Stdout
                } else {
                    Stream::Stderr
                };
                host::write(stream, &text.to_string_lossy());
            })
            .into(),
        ),
        (
            "drawing",
            vm.new_function("drawing", |ops_json: PyStrRef| {
                host::drawing(&ops_json.to_string_lossy());
            })
            .into(),
        ),
        (
            "urandom",
            vm.new_function(
                "urandom",
                |size: usize, vm: &VirtualMachine| -> PyResult<_> {
                    let mut bytes = vec![0u8; size];
                    getrandom::fill(&mut bytes)
                        .map_err(|e| vm.new_os_error(format!("no random source: {e}")))?;
                    Ok(vm.ctx.new_bytes(bytes))
                },
            )
            .into(),
        ),
        (
            "stdlib_index",
            vm.new_function("stdlib_index", |vm: &VirtualMachine| -> PyResult<_> {
                let index = vm.ctx.new_dict();
                for (top, file) in stdlib::ON_DEMAND {
                    index.set_item(*top, vm.ctx.new_str(*file).into(), vm)?;
                }
                Ok(index)
            })
            .into(),
        ),
        (
            "stdlib_imports",
            vm.new_function("stdlib_imports", |vm: &VirtualMachine| -> PyResult<_> {
                let imports = vm.ctx.new_dict();
                for (module, names) in stdlib::IMPORTS {
                    let names: Vec<PyObjectRef> = names
                        .iter()
                        .map(|name| vm.ctx.new_str(*name).into())
                        .collect();
                    imports.set_item(*module, vm.ctx.new_tuple(names).into(), vm)?;
                }
                Ok(imports)
            })
            .into(),
        ),
        (
            "fetch_stdlib",
            vm.new_function(
                "fetch_stdlib",
                |file: PyStrRef, vm: &VirtualMachine| -> PyResult<_> {
                    let file = file.to_string_lossy();
                    let modules = if stdlib::is_bundle(&file) {
                        host::with_host(|h| h.fetch_stdlib(&file))
                    } else {
                        Err("not a stdlib bundle".to_owned())
                    };
                    let modules = modules
                        .and_then(|text| stdlib::unpack(&file, &text))
                        .map_err(|error| {
                            vm.new_import_error(
                                format!("could not download {file}: {error}"),
                                vm.ctx.new_str(file.as_ref()),
                            )
                        })?;
                    let modules = modules
                        .into_iter()
                        .map(|(name, package, path, source)| {
                            vm.new_tuple((name, package, path, source)).into()
                        })
                        .collect();
                    Ok(vm.ctx.new_list(modules))
                },
            )
            .into(),
        ),
        (
            "prefetch_stdlib",
            vm.new_function("prefetch_stdlib", |files: Vec<PyStrRef>| {
                let files: Vec<String> = files
                    .iter()
                    .map(|f| f.to_string_lossy().into_owned())
                    .filter(|f| stdlib::is_bundle(f))
                    .collect();
                host::with_host(|h| h.prefetch_stdlib(&files));
            })
            .into(),
        ),
    ];
    let dict = vm.ctx.new_dict();
    for (name, function) in functions {
        dict.set_item(name, function, vm)?;
    }
    let module = vm.new_module("_pylings_host", dict, None);
    vm.sys_module
        .get_attr("modules", vm)?
        .set_item("_pylings_host", module.into(), vm)
}
