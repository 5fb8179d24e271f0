//! `_pylings_host`: the native module through which Python code reaches the [`crate::Host`].
//!
//! Functions: `time()`, `time_ns()` (wall clock), `monotonic()`, `monotonic_ns()`,
//! `sleep(seconds)`, `write(stream, text)` with stream 0 = stdout and 1 = stderr, and
//! `urandom(size)` from the platform's secure random source (`crypto.getRandomValues` in a
//! browser).

use crate::host;
use pylings_protocol::Stream;
use rustpython_vm::{builtins::PyStrRef, PyObjectRef, PyResult, VirtualMachine};

fn seconds_to_ns(seconds: f64) -> u64 {
    (seconds * 1e9) as u64
}

pub(crate) fn register(vm: &VirtualMachine) -> PyResult<()> {
    let functions: [(&str, PyObjectRef); 7] = [
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
