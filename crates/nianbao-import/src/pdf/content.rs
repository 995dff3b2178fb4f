//! A page's content stream, interpreted as far as reading the report needs:
//! where every glyph is (and what text it stands for), where the ruling lines
//! of the tables are, and whether the page is a picture.
//!
//! lopdf parses the operators; the graphics and text state (matrices, fonts,
//! spacing, colours, paths) are followed here. Coordinates come out in points
//! from the page's top-left corner, y growing downwards, as a reader sees it.

use super::font::Font;
use super::geometry::{Glyph, PageContent, Rule};
use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// `[a b c d e f]`: x' = a x + c y + e, y' = b x + d y + f.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// How deep Form XObjects may nest, and q may save.
const MAX_FORM_DEPTH: usize = 8;
const MAX_SAVED_STATES: usize = 256;

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    /// Whether fills and strokes are light enough to be a background, not a
    /// line (white cell backgrounds are painted as rectangles too).
    fill_light: bool,
    stroke_light: bool,
    line_width: f32,
    font: Option<ObjectId>,
    font_key: Vec<u8>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    invisible: bool,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: IDENTITY,
            fill_light: false,
            stroke_light: false,
            line_width: 1.0,
            font: None,
            font_key: Vec::new(),
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            invisible: false,
        }
    }
}

/// A path being built: its segments in user space, and its rectangles.
#[derive(Default)]
struct Path {
    lines: Vec<((f32, f32), (f32, f32))>,
    rects: Vec<[f32; 4]>,
    start: Option<(f32, f32)>,
    current: Option<(f32, f32)>,
}

/// What reading a page costs at most.
pub struct Budget {
    pub operations: usize,
    pub inflated: usize,
}

/// Reads one page. `fonts` caches fonts across pages by object id.
pub struct Interpreter<'d> {
    doc: &'d Document,
    fonts: &'d mut HashMap<ObjectId, Font>,
    /// Inline font dictionaries (no object id), by resource name.
    inline_fonts: HashMap<Vec<u8>, Font>,
    budget: &'d mut Budget,
    out: PageContent,
    /// Page space (PDF, y up) to the reader's (y down, from the top left).
    to_page: Matrix,
    exhausted: bool,
}

impl<'d> Interpreter<'d> {
    /// `rotate` is the page's `/Rotate` (0, 90, 180 or 270, clockwise): the
    /// page is read as a viewer shows it.
    pub fn new(
        doc: &'d Document,
        fonts: &'d mut HashMap<ObjectId, Font>,
        budget: &'d mut Budget,
        media_box: [f32; 4],
        rotate: i64,
    ) -> Self {
        let [x0, y0, x1, y1] = media_box;
        let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
        let (top, bottom) = (y0.max(y1), y0.min(y1));
        let (left, right) = (x0.min(x1), x0.max(x1));
        // PDF space (y up) to the page as shown (y down, from its top left).
        let (to_page, width, height) = match rotate.rem_euclid(360) {
            90 => ([0.0, 1.0, 1.0, 0.0, -bottom, -left], height, width),
            180 => ([-1.0, 0.0, 0.0, 1.0, right, -bottom], width, height),
            270 => ([0.0, -1.0, -1.0, 0.0, top, right], height, width),
            _ => ([1.0, 0.0, 0.0, -1.0, -left, top], width, height),
        };
        Interpreter {
            doc,
            fonts,
            inline_fonts: HashMap::new(),
            budget,
            out: PageContent { width, height, ..PageContent::default() },
            to_page,
            exhausted: false,
        }
    }

    /// Whether the budget ran out (the page was read in part).
    pub fn exhausted(&self) -> bool {
        self.exhausted
    }

    pub fn finish(self) -> PageContent {
        self.out
    }

    /// Runs a content stream with its resources.
    pub fn run(&mut self, content: &[u8], resources: &[&Dictionary], depth: usize) {
        self.run_with(content, resources, GraphicsState { ctm: self.to_page, ..GraphicsState::default() }, depth);
    }

    fn run_with(&mut self, content: &[u8], resources: &[&Dictionary], initial: GraphicsState, depth: usize) {
        let mut gs = initial;
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut path = Path::default();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for operation in lopdf::content::Content::decode_iter(content) {
            let Ok(op) = operation else { break };
            if self.budget.operations == 0 {
                self.exhausted = true;
                return;
            }
            self.budget.operations -= 1;
            let Operation { operator, operands } = &op;
            let num = |i: usize| operands.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
            match operator.as_str() {
                "q" if saved.len() < MAX_SAVED_STATES => saved.push(gs.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        gs = previous;
                    }
                }
                "cm" => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    gs.ctm = multiply(&m, &gs.ctm);
                }
                "w" => gs.line_width = num(0),
                "g" => gs.fill_light = num(0) > 0.85,
                "G" => gs.stroke_light = num(0) > 0.85,
                "rg" => gs.fill_light = light_rgb(num(0), num(1), num(2)),
                "RG" => gs.stroke_light = light_rgb(num(0), num(1), num(2)),
                "k" => gs.fill_light = light_cmyk(num(0), num(1), num(2), num(3)),
                "K" => gs.stroke_light = light_cmyk(num(0), num(1), num(2), num(3)),
                "sc" | "scn" => gs.fill_light = light_components(operands),
                "SC" | "SCN" => gs.stroke_light = light_components(operands),
                "cs" => gs.fill_light = false,
                "CS" => gs.stroke_light = false,
                "m" => {
                    let p = (num(0), num(1));
                    path.start = Some(p);
                    path.current = Some(p);
                }
                "l" => {
                    let p = (num(0), num(1));
                    if let Some(from) = path.current {
                        path.lines.push((from, p));
                    }
                    path.current = Some(p);
                }
                "c" => path.current = Some((num(4), num(5))),
                "v" | "y" => path.current = Some((num(2), num(3))),
                "h" => {
                    if let (Some(from), Some(to)) = (path.current, path.start) {
                        path.lines.push((from, to));
                        path.current = Some(to);
                    }
                }
                "re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    path.rects.push([x, y, w, h]);
                    path.start = Some((x, y));
                    path.current = Some((x, y));
                }
                "S" | "s" => self.paint(&std::mem::take(&mut path), &gs, true, false),
                "f" | "F" | "f*" => self.paint(&std::mem::take(&mut path), &gs, false, true),
                "B" | "B*" | "b" | "b*" => self.paint(&std::mem::take(&mut path), &gs, true, true),
                "n" => path = Path::default(),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    let key = operands.first().and_then(|o| o.as_name().ok()).unwrap_or(b"").to_vec();
                    gs.font = self.font_id(resources, &key);
                    gs.font_key = key;
                    gs.font_size = num(1);
                }
                "Tc" => gs.char_spacing = num(0),
                "Tw" => gs.word_spacing = num(0),
                "Tz" => gs.scale = num(0) / 100.0,
                "TL" => gs.leading = num(0),
                "Ts" => gs.rise = num(0),
                "Tr" => gs.invisible = operands.first().and_then(|o| o.as_i64().ok()) == Some(3),
                "Td" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -num(1);
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = operands.first() {
                        self.show(bytes, &gs, &mut tm);
                    }
                }
                "'" | "\"" => {
                    if operator == "\"" {
                        gs.word_spacing = num(0);
                        gs.char_spacing = num(1);
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(Object::String(bytes, _)) = operands.last() {
                        self.show(bytes, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(bytes, &gs, &mut tm),
                                other => {
                                    let adjust = other.as_float().unwrap_or(0.0);
                                    let tx = -adjust / 1000.0 * gs.font_size * gs.scale;
                                    tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                        self.xobject(resources, name, &gs, depth);
                    }
                }
                "BI" | "ID" | "EI" => self.out.images += 1,
                _ => {}
            }
        }
    }

    fn font_id(&mut self, resources: &[&Dictionary], key: &[u8]) -> Option<ObjectId> {
        for r in resources {
            let Ok(fonts) = r.get(b"Font").and_then(|f| self.deref(f)).and_then(Object::as_dict) else { continue };
            match fonts.get(key) {
                Ok(Object::Reference(id)) => return Some(*id),
                Ok(Object::Dictionary(d)) => {
                    let limit = self.budget.inflated;
                    let font = Font::read(self.doc, d, limit);
                    self.inline_fonts.insert(key.to_vec(), font);
                    return None;
                }
                _ => {}
            }
        }
        None
    }

    fn deref<'a>(&'a self, object: &'a Object) -> lopdf::Result<&'a Object> {
        match object {
            Object::Reference(id) => self.doc.get_object(*id),
            other => Ok(other),
        }
    }

    /// Shows a string: one glyph per character code.
    fn show(&mut self, bytes: &[u8], gs: &GraphicsState, tm: &mut Matrix) {
        let codes = match gs.font {
            Some(id) => {
                if !self.fonts.contains_key(&id) {
                    let font = match self.doc.get_object(id).and_then(Object::as_dict) {
                        Ok(dict) => Font::read(self.doc, dict, self.budget.inflated),
                        Err(_) => Font::default(),
                    };
                    self.fonts.insert(id, font);
                }
                self.fonts[&id].codes(bytes)
            }
            None => match self.inline_fonts.get(&gs.font_key) {
                Some(font) => font.codes(bytes),
                None => Font::default().codes(bytes),
            },
        };
        for code in codes {
            let advance = (code.width / 1000.0 * gs.font_size
                + gs.char_spacing
                + if code.is_space { gs.word_spacing } else { 0.0 })
                * gs.scale;
            let render = multiply(tm, &gs.ctm);
            let (x, y) = apply(&render, 0.0, gs.rise);
            let (x_end, _) = apply(&render, advance, gs.rise);
            // The glyph's height on the page: the font size through the matrices.
            let size = (gs.font_size * (render[2] * render[2] + render[3] * render[3]).sqrt()).abs();
            if let Some(text) = code.text {
                if !gs.invisible && size > 0.5 && x.is_finite() && y.is_finite() {
                    self.out.glyphs.push(Glyph { text, x0: x.min(x_end), x1: x.max(x_end), y, size });
                } else if gs.invisible {
                    self.out.invisible_glyphs += 1;
                }
            } else {
                self.out.unknown_glyphs += 1;
            }
            *tm = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
        }
    }

    /// A painted path: its straight axis-aligned strokes and thin filled
    /// rectangles are ruling lines.
    fn paint(&mut self, path: &Path, gs: &GraphicsState, stroke: bool, fill: bool) {
        let to_page = |p: (f32, f32)| apply(&gs.ctm, p.0, p.1);
        if stroke && !gs.stroke_light {
            for (a, b) in &path.lines {
                self.push_rule(to_page(*a), to_page(*b));
            }
            for [x, y, w, h] in &path.rects {
                let corners = [(*x, *y), (x + w, *y), (x + w, y + h), (*x, y + h)];
                for i in 0..4 {
                    self.push_rule(to_page(corners[i]), to_page(corners[(i + 1) % 4]));
                }
            }
        }
        if fill && !gs.fill_light {
            for [x, y, w, h] in &path.rects {
                let (ax, ay) = to_page((*x, *y));
                let (bx, by) = to_page((x + w, y + h));
                let (x0, x1, y0, y1) = (ax.min(bx), ax.max(bx), ay.min(by), ay.max(by));
                let (width, height) = (x1 - x0, y1 - y0);
                // A thin bar is a line; a larger shape is shading.
                if height <= 2.5 && width > height {
                    self.push_rule((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
                } else if width <= 2.5 && height > width {
                    self.push_rule(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
                }
            }
            // Thin filled polygons (borders drawn as closed paths).
            if path.rects.is_empty() && path.lines.len() >= 3 {
                let xs = path.lines.iter().flat_map(|(a, b)| [to_page(*a).0, to_page(*b).0]);
                let ys = path.lines.iter().flat_map(|(a, b)| [to_page(*a).1, to_page(*b).1]);
                let (x0, x1) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
                let (y0, y1) = ys.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
                if y1 - y0 <= 2.5 && x1 - x0 > y1 - y0 {
                    self.push_rule((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
                } else if x1 - x0 <= 2.5 && y1 - y0 > x1 - x0 {
                    self.push_rule(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
                }
            }
        }
    }

    fn push_rule(&mut self, a: (f32, f32), b: (f32, f32)) {
        if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
            return;
        }
        if (a.1 - b.1).abs() < 0.5 && (a.0 - b.0).abs() >= 1.0 {
            self.out.rules.push(Rule::Horizontal { y: (a.1 + b.1) / 2.0, x0: a.0.min(b.0), x1: a.0.max(b.0) });
        } else if (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() >= 1.0 {
            self.out.rules.push(Rule::Vertical { x: (a.0 + b.0) / 2.0, y0: a.1.min(b.1), y1: a.1.max(b.1) });
        }
    }

    /// `Do`: a form is run with its own matrix and resources; an image is
    /// counted.
    fn xobject(&mut self, resources: &[&Dictionary], name: &[u8], gs: &GraphicsState, depth: usize) {
        let doc = self.doc;
        let found = resources.iter().find_map(|r| {
            let xobjects = match r.get(b"XObject") {
                Ok(Object::Reference(id)) => doc.get_object(*id).ok()?,
                Ok(other) => other,
                Err(_) => return None,
            };
            match xobjects.as_dict().ok()?.get(name).ok()? {
                Object::Reference(id) => doc.get_object(*id).ok()?.as_stream().ok(),
                _ => None,
            }
        });
        let Some(stream) = found else { return };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                let (ax, ay) = apply(&gs.ctm, 0.0, 0.0);
                let (bx, by) = apply(&gs.ctm, 1.0, 1.0);
                self.out.image_area += ((bx - ax) * (by - ay)).abs();
                self.out.images += 1;
            }
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(content) = stream.decompressed_content_with_limit(self.budget.inflated) else { return };
                self.budget.inflated = self.budget.inflated.saturating_sub(content.len());
                let matrix = match stream.dict.get(b"Matrix") {
                    Ok(Object::Array(m)) if m.len() == 6 => {
                        let v: Vec<f32> = m.iter().map(|o| o.as_float().unwrap_or(0.0)).collect();
                        [v[0], v[1], v[2], v[3], v[4], v[5]]
                    }
                    _ => IDENTITY,
                };
                let own = match stream.dict.get(b"Resources") {
                    Ok(Object::Reference(id)) => doc.get_object(*id).and_then(Object::as_dict).ok(),
                    Ok(Object::Dictionary(d)) => Some(d),
                    _ => None,
                };
                let mut inner: Vec<&Dictionary> = own.into_iter().collect();
                inner.extend_from_slice(resources);
                let state = GraphicsState { ctm: multiply(&matrix, &gs.ctm), ..gs.clone() };
                self.run_with(&content, &inner, state, depth + 1);
            }
            _ => {}
        }
    }
}

fn light_rgb(r: f32, g: f32, b: f32) -> bool {
    r > 0.85 && g > 0.85 && b > 0.85
}

fn light_cmyk(c: f32, m: f32, y: f32, k: f32) -> bool {
    c < 0.15 && m < 0.15 && y < 0.15 && k < 0.15
}

fn light_components(operands: &[Object]) -> bool {
    let v: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
    match v.len() {
        1 => v[0] > 0.85,
        3 => light_rgb(v[0], v[1], v[2]),
        4 => light_cmyk(v[0], v[1], v[2], v[3]),
        _ => false,
    }
}
