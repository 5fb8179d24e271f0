//! The visualiser: a recorded run shown step by step. The code with the line about to run (and
//! the one just run) marked, the frames and objects as boxes with arrows, the output printed by
//! then, and at the last step the error that ended the program, explained. Stepped with
//! First/Back/Forward/Last, a slider, or the Left/Right/Home/End keys; each step is told in
//! words to screen readers.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::html::{Div, Ol};
use leptos::prelude::*;
use pylings_protocol::trace::MAX_STEPS;
use web_sys::KeyboardEvent;

use crate::components::output::ErrorReport;
use crate::run::failure::Failure;
use crate::run::state::Recording;
use crate::visualise::describe::{change, state};
use crate::visualise::printed;
use crate::visualise::scene::{layout, value_x, Cell, Owner, Shape, PAD, ROW};

/// Below this width of the visualiser (CSS px: a phone, or a lesson's side panel) the code goes
/// above the drawing and the objects under the frames, not beside them.
const NARROW_PX: i32 = 760;

/// Gives each drawing's arrowhead marker an id of its own: several visualisers can share a page.
fn marker_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("viz-arrowhead-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn Visualiser(recording: Arc<Recording>, failure: Option<Failure>) -> impl IntoView {
    let total = recording.trace.steps.len();
    if total == 0 {
        // A syntax error: nothing ran. The error report says why.
        return view! {
            <div class="visualiser empty">
                <p class="viz-notice">"Nothing to step through: the program did not start."</p>
                {failure.map(|failure| view! { <ErrorReport failure/> })}
            </div>
        }
        .into_any();
    }
    let index = RwSignal::new(0usize);
    let narrow = RwSignal::new(true);
    let container = NodeRef::<Div>::new();
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            narrow.set(element.client_width() < NARROW_PX);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let go = move |to: usize| index.set(to.min(total - 1));
    // When it appears: measured, and focused so that the arrow keys step at once.
    Effect::new(move |_| {
        if let Some(element) = container.get() {
            measure();
            let _ = element.focus();
        }
    });
    let on_keydown = move |event: KeyboardEvent| {
        let on_slider = event
            .target()
            .and_then(|target| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(target).ok()
            })
            .is_some();
        let now = index.get_untracked();
        let to = match event.key().as_str() {
            "ArrowLeft" if !on_slider => now.saturating_sub(1),
            "ArrowRight" if !on_slider => now + 1,
            "Home" if !on_slider => 0,
            "End" if !on_slider => total - 1,
            _ => return,
        };
        event.prevent_default();
        go(to);
    };
    let notices = {
        let trace = &recording.trace;
        let mut notices = Vec::new();
        if trace.limit.is_some() {
            notices.push(format!(
                "The program ran past {} steps: showing the first {}.",
                group(MAX_STEPS),
                group(MAX_STEPS)
            ));
        }
        if trace.clipped {
            notices.push(
                "Some steps have more than 200 objects: only the first 200 are drawn.".to_owned(),
            );
        }
        notices
            .into_iter()
            .map(|text| view! { <p class="viz-notice">{text}</p> })
            .collect_view()
    };
    // The listing scrolls itself to keep the marked line in view (not the page: only its box).
    let code_box = NodeRef::<Ol>::new();
    Effect::new(move |_| {
        index.track();
        let Some(list) = code_box.get() else {
            return;
        };
        let marked = list
            .query_selector("li.next")
            .ok()
            .flatten()
            .or_else(|| list.query_selector("li.done").ok().flatten());
        if let Some(item) = marked
            .and_then(|item| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(item).ok())
        {
            let (top, height) = (item.offset_top(), item.offset_height());
            let (scroll, view) = (list.scroll_top(), list.client_height());
            if top < scroll || top + height > scroll + view {
                list.set_scroll_top(top - view / 3);
            }
        }
    });
    let lines: Vec<String> = recording.source.lines().map(str::to_owned).collect();
    let listing = {
        let recording = recording.clone();
        move || {
            let i = index.get();
            let steps = &recording.trace.steps;
            let step = &steps[i];
            let (next, done) = if step.event == "return" {
                (None, Some(step.line))
            } else {
                (Some(step.line), i.checked_sub(1).map(|p| steps[p].line))
            };
            lines
                .iter()
                .enumerate()
                .map(|(n, text)| {
                    let number = n as u32 + 1;
                    let marker = if next == Some(number) {
                        "➜"
                    } else if done == Some(number) {
                        "→"
                    } else {
                        ""
                    };
                    view! {
                        <li class:next=next == Some(number) class:done=done == Some(number) && next != Some(number)>
                            <span class="viz-marker" aria-hidden="true">{marker}</span>
                            <span class="viz-line-number" aria-hidden="true">{number}</span>
                            <code>{if text.is_empty() { " ".to_owned() } else { text.clone() }}</code>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let marker = marker_id();
    let drawing = {
        let recording = recording.clone();
        move || {
            let i = index.get();
            let scene = layout(&recording.trace, i, narrow.get());
            let label = state(&recording.trace, i);
            let url = format!("url(#{marker})");
            let shapes = scene.shapes.iter().map(draw_shape).collect_view();
            let arrows = scene
                .arrows
                .iter()
                .map(|arrow| view! { <path class="viz-arrow" d=arrow.path.clone() marker-end=url.clone()/> })
                .collect_view();
            view! {
                <svg class="viz-svg" width=scene.width height=scene.height viewBox=format!("0 0 {} {}", scene.width, scene.height) role="img" aria-label=label>
                    <defs>
                        <marker id=marker.clone() viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path class="viz-arrowhead" d="M0,0 L10,5 L0,10 z"/>
                        </marker>
                    </defs>
                    {shapes}
                    {arrows}
                </svg>
            }
        }
    };
    let output = {
        let recording = recording.clone();
        move || printed(&recording.trace, index.get()).to_owned()
    };
    let said = {
        let recording = recording.clone();
        move || change(&recording.trace, index.get())
    };
    let at_end = move || index.get() + 1 == total;
    let error = failure.map(|failure| {
        view! {
            <Show when=at_end>
                <ErrorReport failure=failure.clone()/>
            </Show>
        }
    });
    view! {
        <div class="visualiser" tabindex="0" node_ref=container on:keydown=on_keydown role="group" aria-label="Visualiser: Left and Right arrows step through the program">
            <div class="viz-controls">
                <button type="button" class="secondary" on:click=move |_| go(0) disabled=move || index.get() == 0>
                    <span aria-hidden="true">"« "</span>"First"
                </button>
                <button type="button" class="secondary" on:click=move |_| go(index.get_untracked().saturating_sub(1)) disabled=move || index.get() == 0>
                    <span aria-hidden="true">"◀ "</span>"Back"
                </button>
                <input type="range" class="viz-slider" min="1" max=total.to_string() prop:value=move || (index.get() + 1).to_string()
                    aria-label="Step" aria-valuetext=move || format!("Step {} of {total}", index.get() + 1)
                    on:input=move |event| go(event_target_value(&event).parse::<usize>().unwrap_or(1).saturating_sub(1))/>
                <button type="button" class="secondary" on:click=move |_| go(index.get_untracked() + 1) disabled=at_end>
                    "Forward"<span aria-hidden="true">" ▶"</span>
                </button>
                <button type="button" class="secondary" on:click=move |_| go(total - 1) disabled=at_end>
                    "Last"<span aria-hidden="true">" »"</span>
                </button>
                <span class="viz-position">{move || format!("Step {} of {total}", index.get() + 1)}</span>
            </div>
            {notices}
            <div class="viz-body" class:narrow=move || narrow.get()>
                <ol class="viz-code" aria-label="Code" node_ref=code_box>{listing}</ol>
                <div class="viz-state" tabindex="0" role="group" aria-label="Frames and objects">{drawing}</div>
            </div>
            <div class="viz-output">
                <p class="viz-heading">"Printed so far"</p>
                <pre class="output-text">{output}</pre>
            </div>
            {error}
            <p class="visually-hidden viz-announcement" aria-live="polite">{said}</p>
        </div>
    }
    .into_any()
}

/// One box: its title, then a row per name or item, a dot for each value that is an arrow.
fn draw_shape(shape: &Shape) -> impl IntoView {
    let (kind, active) = match shape.owner {
        Owner::Frame { active, .. } => ("viz-box viz-frame", active),
        Owner::Object(_) => ("viz-box viz-object", false),
    };
    let number = match shape.owner {
        Owner::Object(number) => Some(number.to_string()),
        Owner::Frame { .. } => None,
    };
    let value_at = value_x(shape);
    let rows = shape
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = shape.y + ROW * (i + 1) as f64;
            let middle = top + ROW / 2.0;
            let value = match &row.cell {
                Cell::Text(text) => view! { <text class="viz-value" x=value_at y=middle + 4.0>{text.clone()}</text> }.into_any(),
                Cell::Pointer(_) => view! { <circle class="viz-dot" cx=value_at + 6.0 cy=middle r="3.5"/> }.into_any(),
            };
            view! {
                <g class="viz-row" class:changed=row.changed>
                    <rect class="viz-row-bg" x=shape.x y=top width=shape.width height=ROW/>
                    <text class="viz-label" x=shape.x + PAD y=middle + 4.0>{row.label.clone()}</text>
                    {value}
                </g>
            }
        })
        .collect_view();
    let height = shape.height();
    let divider = value_at - PAD / 2.0;
    let has_rows = !shape.rows.is_empty();
    view! {
        <g class=kind class:active=active data-object=number>
            <rect class="viz-box-bg" x=shape.x y=shape.y width=shape.width height=height rx="4"/>
            <rect class="viz-title-bg" x=shape.x y=shape.y width=shape.width height=ROW rx="4"/>
            <text class="viz-title" x=shape.x + PAD y=shape.y + ROW / 2.0 + 4.0>{shape.title.clone()}</text>
            {rows}
            {has_rows.then(|| view! { <line class="viz-divider" x1=divider y1=shape.y + ROW x2=divider y2=shape.y + height/> })}
            <rect class="viz-box-border" x=shape.x y=shape.y width=shape.width height=height rx="4" fill="none"/>
        </g>
    }
}

/// `1000` as "1,000".
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
