//! The turtle drawing area under a run's output: painted on a canvas as the program's drawing
//! operations arrive, animated at the speed the program set (`speed(0)` and `tracer(0)` draw
//! at once), kept until the next run, frozen by Stop; with "Download PNG" and "Download SVG".

use std::collections::BTreeMap;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::download::{download, download_url};
use crate::run::failure::Failure;
use crate::run::state::{RunState, Status};
use crate::turtle::{paint::paint, svg, Op, Scene};

/// CPython's default speed ("slow"), until the program calls `speed`.
const DEFAULT_SPEED: u32 = 3;
/// Logical units a line grows per animation frame, per step of speed: speed 1 draws 3 units a
/// frame (about 180 a second), speed 10 thirty.
const UNITS_PER_FRAME_PER_SPEED: f64 = 3.0;

/// How far the animation has got through a run's operations.
#[derive(Clone, Debug, Default)]
struct Progress {
    /// Operations fully shown.
    shown: usize,
    /// How far the next line is drawn, in logical units.
    partial: f64,
    /// Operations before this index are shown at once: a replay after `input()` draws again
    /// what was already seen.
    instant_until: usize,
    speeds: BTreeMap<u32, u32>,
    tracer_off: bool,
    /// What was painted last: (shown, partial, operations received), to skip idle frames.
    painted: Option<(usize, f64, usize)>,
    /// What the canvas's description was last written for, in the same terms.
    described: Option<(usize, f64, usize)>,
}

impl Progress {
    /// Moves on by one frame's worth through `ops`.
    fn advance(&mut self, ops: &[Op]) {
        let mut budget = f64::INFINITY;
        while let Some(op) = ops.get(self.shown) {
            match op {
                Op::Speed { t, v } => {
                    self.speeds.insert(*t, *v);
                }
                Op::Tracer { n } => self.tracer_off = *n == 0,
                Op::Reset => self.tracer_off = false,
                Op::Line { t, a, b, .. } if self.animated(*t) => {
                    let speed = self.speeds.get(t).copied().unwrap_or(DEFAULT_SPEED);
                    if budget.is_infinite() {
                        budget = f64::from(speed) * UNITS_PER_FRAME_PER_SPEED;
                    }
                    let length = (b[0] - a[0]).hypot(b[1] - a[1]);
                    let left = length - self.partial;
                    if budget < left {
                        self.partial += budget;
                        return;
                    }
                    budget -= left;
                    self.partial = 0.0;
                }
                _ => {}
            }
            self.shown += 1;
        }
    }

    fn animated(&self, turtle: u32) -> bool {
        let speed = self.speeds.get(&turtle).copied().unwrap_or(DEFAULT_SPEED);
        speed != 0 && !self.tracer_off && self.shown >= self.instant_until
    }

    /// The scene to show now.
    fn scene(&self, ops: &[Op]) -> Scene {
        let shown = self.shown.min(ops.len());
        let partial = ops.get(shown).and_then(|op| {
            let Op::Line { a, b, .. } = op else {
                return None;
            };
            let length = (b[0] - a[0]).hypot(b[1] - a[1]);
            (self.partial > 0.0 && length > 0.0).then(|| (op, self.partial / length))
        });
        Scene::build(&ops[..shown], partial)
    }
}

/// The 2D context of `canvas`.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Paints `scene` on `canvas`, sizing it for the screen's pixel density first.
fn show(canvas: &HtmlCanvasElement, scene: &Scene) {
    let scale = window().device_pixel_ratio().max(1.0);
    let (width, height) = scene.size;
    let (pixels_wide, pixels_high) = ((width * scale) as u32, (height * scale) as u32);
    if canvas.width() != pixels_wide || canvas.height() != pixels_high {
        canvas.set_width(pixels_wide);
        canvas.set_height(pixels_high);
    }
    let style = format!("aspect-ratio: {width} / {height}; max-width: {width}px");
    let _ = canvas.set_attribute("style", &style);
    if let Some(ctx) = context(canvas) {
        paint(&ctx, scene, scale, true, false);
    }
}

/// A short description of the drawing for screen readers.
fn describe(scene: &Scene) -> String {
    let lines = scene
        .items()
        .filter(|item| matches!(item, crate::turtle::scene::Item::Line { .. }))
        .count();
    let others = scene.items().count() - lines;
    format!("Turtle drawing: {lines} lines and {others} other shapes")
}

#[component]
pub fn Drawing(state: RunState) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let progress = StoredValue::new(Progress::default());
    let looping = StoredValue::new(false);
    let label = RwSignal::new(String::from("Turtle drawing"));
    let last_scene = StoredValue::new(Scene::default());

    // One animation frame: advance, paint if anything changed, and ask for another frame while
    // there is more to draw or the program may still send some.
    fn frame(
        state: RunState,
        canvas: NodeRef<Canvas>,
        progress: StoredValue<Progress>,
        looping: StoredValue<bool>,
        label: RwSignal<String>,
        last_scene: StoredValue<Scene>,
    ) {
        // A frame asked for before the drawing area went away (the next run cleared it): its
        // stored values are gone, and reading them would abort the app.
        if progress.is_disposed()
            || looping.is_disposed()
            || last_scene.is_disposed()
            || label.is_disposed()
            || canvas.is_disposed()
        {
            return;
        }
        let Some(element) = canvas.get_untracked() else {
            looping.set_value(false);
            return;
        };
        let stopped = matches!(
            state.failure.get_untracked(),
            Some(Failure::Stopped | Failure::TimeLimit { .. })
        );
        let running = matches!(
            state.status.get_untracked(),
            Status::Running | Status::AwaitingInput
        );
        let more = state.drawing.with_untracked(|ops| {
            progress.update_value(|p| {
                if ops.len() < p.shown {
                    // The run was replayed from its start: what was shown comes back at once.
                    *p = Progress {
                        instant_until: p.shown,
                        ..Progress::default()
                    };
                }
                if !stopped {
                    p.advance(ops);
                }
            });
            let key = progress.with_value(|p| (p.shown, p.partial, ops.len()));
            if progress.with_value(|p| p.painted) != Some(key) {
                let scene = progress.with_value(|p| p.scene(ops));
                show(&element, &scene);
                progress.update_value(|p| p.painted = Some(key));
                last_scene.set_value(scene);
            }
            // Described once the drawing is complete, not at every frame.
            if !running && progress.with_value(|p| p.described) != Some(key) {
                label.set(last_scene.with_value(describe));
                progress.update_value(|p| p.described = Some(key));
            }
            !stopped && progress.with_value(|p| p.shown < ops.len())
        });
        if more || running {
            request_animation_frame(move || {
                frame(state, canvas, progress, looping, label, last_scene)
            });
        } else {
            looping.set_value(false);
        }
    }

    Effect::new(move |_| {
        state.drawing.track();
        state.status.track();
        if state.drawing.with_untracked(Vec::is_empty) {
            progress.set_value(Progress::default());
        }
        if !looping.get_value() && canvas.get().is_some() {
            looping.set_value(true);
            request_animation_frame(move || {
                frame(state, canvas, progress, looping, label, last_scene)
            });
        }
    });

    let save_png = move |_| {
        let scene = last_scene.get_value();
        let Ok(element) = document().create_element("canvas") else {
            return;
        };
        let Ok(offscreen) = element.dyn_into::<HtmlCanvasElement>() else {
            return;
        };
        offscreen.set_width(scene.size.0 as u32);
        offscreen.set_height(scene.size.1 as u32);
        if let Some(ctx) = context(&offscreen) {
            paint(&ctx, &scene, 1.0, false, true);
        }
        if let Ok(url) = offscreen.to_data_url_with_type("image/png") {
            download_url("turtle-drawing.png", &url);
        }
    };
    let save_svg = move |_| {
        let text = svg::document(&last_scene.get_value());
        download("turtle-drawing.svg", "image/svg+xml", &text);
    };
    view! {
        <figure class="drawing">
            <canvas class="drawing-canvas" node_ref=canvas role="img" aria-label=move || label.get()></canvas>
            <figcaption class="drawing-actions">
                <button type="button" class="secondary" on:click=save_png>"Download PNG"</button>
                <button type="button" class="secondary" on:click=save_svg>"Download SVG"</button>
            </figcaption>
        </figure>
    }
}
