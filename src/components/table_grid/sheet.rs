//! Filling a table like a spreadsheet (the workstation only): the arrow
//! keys, Tab and Enter move between value cells as in Excel and WPS (the
//! core's [`Sheet`] decides where), typing on a selected cell starts editing
//! it, F2 edits in place, Escape takes the edit back, Shift+arrows or a drag
//! select a range, Ctrl+C copies it as tab-separated text and a pasted block
//! fills the cells from the selected one ([`nianbao_core::sheet::paste`]),
//! as one step of undo. Delete clears the selected cells.
//!
//! Every handler sits on the `<table>`, so the rows (which compare their
//! props without callbacks) need none. The focus is the selected cell: it
//! is moved with the selection, and given back to the same cell when a
//! render replaced its element.

use nianbao_core::sheet::{self, At, Move, Overflow, Sheet};
use nianbao_core::Loaded;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Shared;

/// How an editor was opened: by typing (the arrow keys then end the edit
/// and move, as in Excel's Enter mode) or by F2 or a double-click (they
/// move the caret).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Mode {
    #[default]
    InPlace,
    Typed,
}

/// What the sheet behaviour gives the table: the cells of the selected
/// range, the handlers of the `<table>`, and a refusal to show.
pub struct SheetView {
    pub range: Rc<HashSet<String>>,
    pub handlers: Handlers,
    pub refused: Option<Overflow>,
    pub on_dismiss: Callback<MouseEvent>,
}

#[derive(Clone, Default)]
pub struct Handlers {
    pub onkeydown: Option<Callback<KeyboardEvent>>,
    pub onmousedown: Option<Callback<MouseEvent>>,
    pub onmouseover: Option<Callback<MouseEvent>>,
    pub onpaste: Option<Callback<Event>>,
    pub oncopy: Option<Callback<Event>>,
    pub onfocusin: Option<Callback<FocusEvent>>,
}

/// What the sheet needs of the table.
pub struct SheetProps<'a> {
    pub table: &'a Shared<nianbao_core::layout::TableLayout>,
    pub loaded: &'a Shared<Loaded>,
    pub frame: &'a NodeRef,
    pub editing: Option<&'a str>,
    pub enabled: bool,
    pub on_edit_start: &'a Callback<Option<String>>,
    pub on_edit: &'a Callback<(String, String)>,
    pub on_edit_cells: &'a Callback<Vec<(String, String)>>,
    pub on_edit_cancel: &'a Callback<()>,
}

/// The mutable state of the sheet that no render depends on.
#[derive(Default)]
struct Live {
    mode: Mode,
    /// Typed into a cell whose editor has not taken the focus yet: the
    /// next keys go on with it rather than start again.
    pending: Option<(String, String)>,
    /// The cell a drag started on.
    drag: Option<String>,
    /// The last selected cell, to give the focus back to when a render
    /// replaced its element.
    focused: Option<(String, web_sys::Element)>,
}

#[hook]
pub fn use_sheet(props: SheetProps<'_>) -> SheetView {
    let sheet = use_memo(props.table.clone(), |table| Sheet::new(table));
    // The range: its anchor (the selected cell) and its other corner.
    let range = use_state_eq(|| None::<(String, String)>);
    let refused = use_state_eq(|| None::<Overflow>);
    let live = use_mut_ref(Live::default);
    let range_cells = {
        let sheet = sheet.clone();
        use_memo((*range).clone(), move |range| {
            let cells = range.as_ref().and_then(|(a, b)| Some(sheet.range(sheet.find(a)?, sheet.find(b)?)));
            cells.into_iter().flatten().flatten().map(str::to_string).collect::<HashSet<_>>()
        })
    };
    // The editor takes the focus when it appears, the caret after its text
    // (a typed key is already in it); the keys typed before go on with it.
    {
        let (frame, live) = (props.frame.clone(), live.clone());
        use_effect_with(props.editing.map(str::to_string), move |editing| {
            if editing.is_some() {
                if let Some(input) = frame
                    .cast::<web_sys::Element>()
                    .and_then(|f| f.query_selector("input.nb-cell-input").ok().flatten())
                    .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    let _ = input.focus();
                    let end = input.value().encode_utf16().count() as u32;
                    let _ = input.set_selection_range(end, end);
                }
            }
            live.borrow_mut().pending = None;
        });
    }
    // A render that replaced the selected cell's element (a re-check, undo,
    // the editor closing) gives the focus back to the same cell. Only a
    // focus lost that way: a click elsewhere on the page is the user's.
    {
        let (frame, live) = (props.frame.clone(), live.clone());
        use_effect(move || {
            let lost = live.borrow().focused.clone().filter(|(_, el)| !el.is_connected());
            if let Some((pointer, _)) = lost {
                let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
                let on_page = active.is_some_and(|a| a.tag_name() != "BODY");
                if !on_page {
                    focus(&frame, &pointer, &live);
                }
            }
        });
    }
    // A cell selected in another table ends this table's range.
    {
        let (frame, range) = (props.frame.clone(), range.clone());
        use_effect_with(props.enabled, move |enabled| {
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| *enabled);
            let listener = document.map(|document| {
                gloo::events::EventListener::new(&document, "focusin", move |e| {
                    let cell = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .filter(|el| el.matches("td[data-pointer]").unwrap_or(false));
                    let elsewhere =
                        cell.zip(frame.cast::<web_sys::Node>()).is_some_and(|(td, frame)| !frame.contains(Some(&td)));
                    // (The handle's value is this effect's; setting an equal
                    // value draws nothing.)
                    if elsewhere {
                        range.set(None);
                    }
                })
            });
            move || drop(listener)
        });
    }
    if !props.enabled {
        return SheetView {
            range: Rc::new(HashSet::new()),
            handlers: Handlers::default(),
            refused: None,
            on_dismiss: Callback::noop(),
        };
    }
    let context = Context {
        sheet: sheet.clone(),
        frame: props.frame.clone(),
        live: live.clone(),
        range: range.clone(),
        refused: refused.clone(),
        loaded: props.loaded.clone(),
        on_edit_start: props.on_edit_start.clone(),
        on_edit: props.on_edit.clone(),
        on_edit_cells: props.on_edit_cells.clone(),
        on_edit_cancel: props.on_edit_cancel.clone(),
    };
    let context = Rc::new(context);
    let handlers = Handlers {
        onkeydown: Some({
            let c = context.clone();
            Callback::from(move |e: KeyboardEvent| c.key(&e))
        }),
        onmousedown: Some({
            let c = context.clone();
            Callback::from(move |e: MouseEvent| c.mouse_down(&e))
        }),
        onmouseover: Some({
            let c = context.clone();
            Callback::from(move |e: MouseEvent| c.mouse_over(&e))
        }),
        onpaste: Some({
            let c = context.clone();
            Callback::from(move |e: Event| c.paste(&e))
        }),
        oncopy: Some({
            let c = context.clone();
            Callback::from(move |e: Event| c.copy(&e))
        }),
        onfocusin: Some({
            let c = context.clone();
            Callback::from(move |e: FocusEvent| c.focus_in(&e))
        }),
    };
    let on_dismiss = {
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| refused.set(None))
    };
    SheetView { range: range_cells, handlers, refused: *refused, on_dismiss }
}

/// Everything a handler reads, taken at the render that made it.
struct Context {
    sheet: Rc<Sheet>,
    frame: NodeRef,
    live: Rc<RefCell<Live>>,
    range: UseStateHandle<Option<(String, String)>>,
    refused: UseStateHandle<Option<Overflow>>,
    loaded: Shared<Loaded>,
    on_edit_start: Callback<Option<String>>,
    on_edit: Callback<(String, String)>,
    on_edit_cells: Callback<Vec<(String, String)>>,
    on_edit_cancel: Callback<()>,
}

/// The value cell an event happened in (the cell itself or its editor).
fn value_cell(event: &Event) -> Option<(String, web_sys::Element)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let td = target.closest("td[data-pointer]").ok()??;
    Some((td.get_attribute("data-pointer")?, td))
}

fn in_editor(event: &Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.tag_name() == "INPUT")
}

/// Moves the focus to the cell of `pointer` (scrolled into view by the
/// browser), and remembers it.
fn focus(frame: &NodeRef, pointer: &str, live: &Rc<RefCell<Live>>) {
    let Some(td) = frame
        .cast::<web_sys::Element>()
        .and_then(|f| f.query_selector(&format!("td[data-pointer=\"{pointer}\"]")).ok().flatten())
    else {
        return;
    };
    if let Some(html) = td.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    live.borrow_mut().focused = Some((pointer.to_string(), td));
}

fn movement(key: &str, shift: bool) -> Option<Move> {
    Some(match key {
        "ArrowUp" => Move::Up,
        "ArrowDown" => Move::Down,
        "ArrowLeft" => Move::Left,
        "ArrowRight" => Move::Right,
        "Tab" if shift => Move::Previous,
        "Tab" => Move::Next,
        "Enter" if shift => Move::Up,
        "Enter" => Move::Down,
        _ => return None,
    })
}

impl Context {
    fn at(&self, pointer: &str) -> Option<At> {
        self.sheet.find(pointer)
    }

    /// Moves the selection from `pointer`; whether it moved (at the edge it
    /// stays).
    fn go(&self, pointer: &str, movement: Move) -> bool {
        let Some(to) = self.at(pointer).and_then(|at| self.sheet.step(at, movement)) else { return false };
        let Some(target) = self.sheet.pointer(to) else { return false };
        self.range.set(None);
        focus(&self.frame, target, &self.live);
        true
    }

    fn key(&self, e: &KeyboardEvent) {
        let Some((pointer, _)) = value_cell(e) else { return };
        let key = e.key();
        if in_editor(e) {
            self.editor_key(e, &pointer, &key);
            return;
        }
        if e.is_composing() || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if let Some(step) = movement(&key, e.shift_key()) {
            let extend = e.shift_key() && key.starts_with("Arrow");
            if extend {
                e.prevent_default();
                let end = (*self.range).as_ref().map_or(pointer.clone(), |(_, end)| end.clone());
                let anchor = (*self.range).as_ref().map_or(pointer.clone(), |(anchor, _)| anchor.clone());
                if let Some(to) = self.at(&end).and_then(|at| self.sheet.step(at, step)) {
                    if let Some(target) = self.sheet.pointer(to) {
                        self.range.set(Some((anchor, target.to_string())));
                    }
                }
                return;
            }
            // Tab at the table's last cell leaves the table, as the browser
            // would; every other move stays in it.
            if self.go(&pointer, step) || key != "Tab" {
                e.prevent_default();
            }
            return;
        }
        match key.as_str() {
            "F2" => {
                e.prevent_default();
                self.start(&pointer, None);
            }
            "Delete" | "Backspace" => {
                e.prevent_default();
                let cells: Vec<(String, String)> =
                    self.selection(&pointer).into_iter().map(|p| (p, String::new())).collect();
                self.on_edit_cells.emit(cells);
            }
            "Escape" => {
                self.range.set(None);
                self.refused.set(None);
            }
            _ if key.chars().count() == 1 => {
                e.prevent_default();
                let pending = self.live.borrow().pending.clone();
                match pending {
                    // The editor is on its way: the key goes on with it.
                    Some((at, mut text)) if at == pointer => {
                        text.push_str(&key);
                        self.live.borrow_mut().pending = Some((at.clone(), text.clone()));
                        self.on_edit.emit((at, text));
                    }
                    _ => self.start(&pointer, Some(key)),
                }
            }
            _ => {}
        }
    }

    /// Opens the editor on `pointer`; `typed`, the key that opened it,
    /// replaces the cell's text.
    fn start(&self, pointer: &str, typed: Option<String>) {
        self.range.set(None);
        self.refused.set(None);
        self.on_edit_start.emit(Some(pointer.to_string()));
        let mut live = self.live.borrow_mut();
        live.mode = if typed.is_some() { Mode::Typed } else { Mode::InPlace };
        if let Some(text) = typed {
            live.pending = Some((pointer.to_string(), text.clone()));
            drop(live);
            self.on_edit.emit((pointer.to_string(), text));
        }
    }

    fn editor_key(&self, e: &KeyboardEvent, pointer: &str, key: &str) {
        if e.is_composing() {
            return;
        }
        if key == "Escape" {
            e.prevent_default();
            self.on_edit_cancel.emit(());
            focus(&self.frame, pointer, &self.live);
            return;
        }
        let arrows_move = self.live.borrow().mode == Mode::Typed;
        let Some(step) = movement(key, e.shift_key()) else { return };
        if key.starts_with("Arrow") && (!arrows_move || e.shift_key()) {
            return;
        }
        e.prevent_default();
        // The cell holds what was typed already: ending the edit commits it.
        self.on_edit_start.emit(None);
        if !self.go(pointer, step) {
            focus(&self.frame, pointer, &self.live);
        }
    }

    /// The selected cells: the range, or the cell alone.
    fn selection(&self, pointer: &str) -> Vec<String> {
        let range = (*self.range).as_ref().and_then(|(a, b)| Some(self.sheet.range(self.at(a)?, self.at(b)?)));
        match range {
            Some(rows) if rows.iter().flatten().any(|p| *p == pointer) => {
                rows.into_iter().flatten().map(str::to_string).collect()
            }
            _ => vec![pointer.to_string()],
        }
    }

    /// The selected cell is always in the range: a cell selected outside
    /// it (a click, a find, the findings panel) ends the range.
    fn focus_in(&self, e: &FocusEvent) {
        let Some((pointer, td)) = value_cell(e) else { return };
        if (*self.range).is_some() && self.selection(&pointer).len() == 1 {
            self.range.set(None);
        }
        self.live.borrow_mut().focused = Some((pointer, td));
    }

    fn mouse_down(&self, e: &MouseEvent) {
        if e.button() != 0 || in_editor(e) {
            return;
        }
        let Some((pointer, _)) = value_cell(e) else { return };
        // No text selection while selecting cells; the focus is set here.
        e.prevent_default();
        let focused = self.live.borrow().focused.clone().map(|(p, _)| p);
        match focused.filter(|_| e.shift_key()) {
            Some(anchor) if self.at(&anchor).is_some() => self.range.set(Some((anchor, pointer))),
            _ => {
                self.range.set(None);
                self.live.borrow_mut().drag = Some(pointer.clone());
                focus(&self.frame, &pointer, &self.live);
            }
        }
    }

    fn mouse_over(&self, e: &MouseEvent) {
        if e.buttons() & 1 == 0 {
            return;
        }
        let Some((pointer, _)) = value_cell(e) else { return };
        let drag = self.live.borrow().drag.clone();
        if let Some(anchor) = drag {
            let current = (*self.range).as_ref().map(|(_, end)| end.clone());
            if anchor != pointer && current.as_deref() != Some(pointer.as_str()) {
                self.range.set(Some((anchor, pointer)));
            }
        }
    }

    fn paste(&self, e: &Event) {
        let Some((pointer, _)) = value_cell(e) else { return };
        let Some(text) = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data())
            .and_then(|data| data.get_data("text/plain").ok())
        else {
            return;
        };
        let editor = in_editor(e);
        // One field pasted into an editor is the editor's own business.
        if editor && sheet::parse(&text).cells() <= 1 {
            return;
        }
        e.prevent_default();
        // Not a report to open (the page's own paste handler).
        e.stop_propagation();
        if editor {
            self.on_edit_start.emit(None);
        }
        // A block goes to the range's first cell when a range is selected.
        let start = self.selection(&pointer).into_iter().next().unwrap_or(pointer);
        match sheet::paste(&self.sheet, &start, &text) {
            Ok(cells) if cells.is_empty() => {}
            Ok(cells) => {
                self.refused.set(None);
                let last = cells.last().map(|(p, _)| p.clone()).unwrap_or_else(|| start.clone());
                self.range.set((last != start).then(|| (start.clone(), last)));
                self.on_edit_cells.emit(cells);
                focus(&self.frame, &start, &self.live);
            }
            Err(overflow) => {
                self.refused.set(Some(overflow));
                focus(&self.frame, &start, &self.live);
            }
        }
    }

    fn copy(&self, e: &Event) {
        if in_editor(e) {
            return;
        }
        let Some((pointer, _)) = value_cell(e) else { return };
        let Some(document) = self.loaded.document.as_ref() else { return };
        let Some(data) = e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data()) else { return };
        let range = (*self.range).as_ref().and_then(|(a, b)| Some(self.sheet.range(self.at(a)?, self.at(b)?)));
        let rows = match range {
            Some(rows) if rows.iter().flatten().any(|p| *p == pointer) => rows,
            _ => vec![vec![pointer.as_str()]],
        };
        if data.set_data("text/plain", &sheet::copy(document, &rows)).is_ok() {
            e.prevent_default();
        }
    }
}
