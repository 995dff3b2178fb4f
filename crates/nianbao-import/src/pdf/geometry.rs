//! From glyphs and ruling lines to the text the text importer reads: each
//! table by its cells (ruling lines make the grid; a missing line between two
//! grid cells merges them), one line of tab-separated cells per table row,
//! so that a blank cell stays an empty field and a number never moves into
//! its neighbour's cell; the rest of the page as paragraphs in reading
//! order, hard-wrapped lines rejoined; page numbers, running headers and
//! footers left out.
//!
//! Pure geometry: no PDF here, so it is tested on hand-made pages.

/// One glyph as placed on the page (points, from the top left, y down).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// The baseline.
    pub y: f32,
    /// The font size on the page.
    pub size: f32,
}

impl Glyph {
    fn center(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, self.y - 0.3 * self.size)
    }
}

/// A straight ruling line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    Horizontal { y: f32, x0: f32, x1: f32 },
    Vertical { x: f32, y0: f32, y1: f32 },
}

/// What a page shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageContent {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub images: usize,
    pub image_area: f32,
    /// Glyphs drawn invisibly (the text layer of a scan that was run
    /// through character recognition).
    pub invisible_glyphs: usize,
    /// Glyphs whose font does not say what text they are.
    pub unknown_glyphs: usize,
}

/// The pages as text, and the page furniture that was left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Laid {
    pub text: String,
    /// Running headers and footers, once each.
    pub dropped: Vec<String>,
}

/// Lines closer than this (points) are one line of the grid.
const SNAP: f32 = 3.0;

/// A line segment along one axis: its position, and the span it covers.
#[derive(Debug, Clone, Copy)]
struct Segment {
    at: f32,
    from: f32,
    to: f32,
}

/// Joins collinear segments that touch or overlap.
fn merge_segments(mut segments: Vec<Segment>) -> Vec<Segment> {
    sort_by_keys(&mut segments, |s| (s.at, s.from));
    let mut out: Vec<Segment> = Vec::new();
    for s in segments {
        // Segments drawn at nearly the same position (a border drawn by both
        // neighbouring cells) are one line.
        if let Some(last) = out.iter_mut().rev().take(8).find(|l| (l.at - s.at).abs() <= 1.0 && s.from <= l.to + 2.0) {
            last.to = last.to.max(s.to);
            last.from = last.from.min(s.from);
            continue;
        }
        out.push(s);
    }
    out
}

/// Positions within `SNAP` of each other, as one (their mean).
fn cluster(mut values: Vec<f32>) -> Vec<f32> {
    sort_by_keys(&mut values, |v| (*v, 0.0));
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n as f32 <= SNAP => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// A ruled table: its grid and its (merged) cells.
#[derive(Debug, Clone)]
struct Table {
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// For each grid cell (row-major), the index of its merged cell.
    cell_of: Vec<usize>,
    /// Each merged cell's top-left grid position.
    cells: Vec<(usize, usize)>,
}

impl Table {
    fn columns(&self) -> usize {
        self.xs.len() - 1
    }

    /// The merged cell a point falls in.
    fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let c = self.xs.windows(2).position(|w| x >= w[0] && x < w[1])?;
        let r = self.ys.windows(2).position(|w| y >= w[0] && y < w[1])?;
        Some(self.cell_of[r * self.columns() + c])
    }

    fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.xs[0] && x < self.xs[self.xs.len() - 1] && y >= self.ys[0] && y < self.ys[self.ys.len() - 1]
    }
}

/// The tables that a page's ruling lines draw.
fn find_tables(rules: &[Rule]) -> Vec<Table> {
    let horizontal = merge_segments(
        rules
            .iter()
            .filter_map(|r| match *r {
                Rule::Horizontal { y, x0, x1 } => Some(Segment { at: y, from: x0, to: x1 }),
                _ => None,
            })
            .collect(),
    );
    let vertical = merge_segments(
        rules
            .iter()
            .filter_map(|r| match *r {
                Rule::Vertical { x, y0, y1 } => Some(Segment { at: x, from: y0, to: y1 }),
                _ => None,
            })
            .collect(),
    );
    // Too many lines is a drawing, not a table; it is read as text.
    if horizontal.len() > 4000 || vertical.len() > 4000 {
        return Vec::new();
    }
    // Lines that cross or touch belong to one table.
    let n = horizontal.len();
    let mut groups = UnionFind::new(n + vertical.len());
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            let touches = v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
            if touches {
                groups.union(i, n + j);
            }
        }
    }
    let mut by_group: std::collections::BTreeMap<usize, (Vec<Segment>, Vec<Segment>)> = Default::default();
    for (i, h) in horizontal.iter().enumerate() {
        by_group.entry(groups.find(i)).or_default().0.push(*h);
    }
    for (j, v) in vertical.iter().enumerate() {
        by_group.entry(groups.find(n + j)).or_default().1.push(*v);
    }
    by_group.into_values().filter_map(|(h, v)| grid(&h, &v)).collect()
}

/// A table's grid from its lines, or `None` when they draw no table.
fn grid(horizontal: &[Segment], vertical: &[Segment]) -> Option<Table> {
    if horizontal.len() < 2 || vertical.is_empty() {
        return None;
    }
    let mut xs = cluster(vertical.iter().map(|v| v.at).collect());
    let mut ys = cluster(horizontal.iter().map(|h| h.at).collect());
    // A table open at its sides (no outer vertical border): the horizontal
    // lines' ends close it.
    let left = horizontal.iter().map(|h| h.from).fold(f32::MAX, f32::min);
    let right = horizontal.iter().map(|h| h.to).fold(f32::MIN, f32::max);
    if left < xs[0] - SNAP {
        xs.insert(0, left);
    }
    if right > xs[xs.len() - 1] + SNAP {
        xs.push(right);
    }
    let top = vertical.iter().map(|v| v.from).fold(f32::MAX, f32::min);
    let bottom = vertical.iter().map(|v| v.to).fold(f32::MIN, f32::max);
    if top < ys[0] - SNAP {
        ys.insert(0, top);
    }
    if bottom > ys[ys.len() - 1] + SNAP {
        ys.push(bottom);
    }
    if xs.len() < 2 || ys.len() < 2 || xs.len() > 200 || ys.len() > 2000 {
        return None;
    }
    let (rows, columns) = (ys.len() - 1, xs.len() - 1);
    // Whether a line covers most of a span at a position.
    let covered = |lines: &[Segment], at: f32, from: f32, to: f32| {
        let need = (to - from) * 0.6;
        lines.iter().filter(|l| (l.at - at).abs() <= SNAP).any(|l| l.to.min(to) - l.from.max(from) >= need)
    };
    let mut cells = UnionFind::new(rows * columns);
    for r in 0..rows {
        for c in 0..columns {
            if c + 1 < columns && !covered(vertical, xs[c + 1], ys[r], ys[r + 1]) {
                cells.union(r * columns + c, r * columns + c + 1);
            }
            if r + 1 < rows && !covered(horizontal, ys[r + 1], xs[c], xs[c + 1]) {
                cells.union(r * columns + c, (r + 1) * columns + c);
            }
        }
    }
    let mut index = std::collections::HashMap::new();
    let mut merged = Vec::new();
    let mut cell_of = Vec::with_capacity(rows * columns);
    for g in 0..rows * columns {
        let root = cells.find(g);
        let i = *index.entry(root).or_insert_with(|| {
            merged.push((g / columns, g % columns));
            merged.len() - 1
        });
        cell_of.push(i);
    }
    Some(Table { xs, ys, cell_of, cells: merged })
}

fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// Glyphs on one baseline, left to right, as text: a space where the gap is
/// wider than a space (between two 汉字, only a gap of a whole character:
/// justified lines spread them).
fn line_text(glyphs: &[&Glyph]) -> String {
    let mut text = String::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        if let Some(prev) = last {
            let gap = g.x0 - prev.x1;
            let size = prev.size.max(g.size);
            let wide = prev.text.chars().last().is_some_and(is_wide) && g.text.chars().next().is_some_and(is_wide);
            let threshold = if wide { 1.0 } else { 0.18 } * size;
            if gap > threshold && !text.ends_with(' ') && !g.text.starts_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        last = Some(g);
    }
    text
}

/// Glyphs grouped into lines (top to bottom), each left to right.
fn lines_of<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sort_by_keys(&mut sorted, |g| (g.y, 0.0));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (g.y - line[0].y).abs() <= 0.4 * g.size.max(line[0].size) => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        sort_by_keys(line, |g| (g.x0, 0.0));
    }
    lines
}

/// Joins two pieces of wrapped text: no space between 汉字 (or a 汉字 and
/// a digit), a space between two Latin words.
fn join_wrapped(text: &mut String, next: &str) {
    let before = text.chars().last();
    let after = next.chars().next();
    if let (Some(b), Some(a)) = (before, after) {
        if b.is_ascii_alphanumeric() && a.is_ascii_alphanumeric() {
            text.push(' ');
        }
    }
    text.push_str(next);
}

/// A line of free text on a page.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    /// The line cut where the gap is wider than half a character: the
    /// cells of a table drawn without lines.
    tokens: Vec<Token>,
    /// Gaps of several characters inside the line: a row of a table drawn
    /// without lines, which never runs on into another line.
    columnar: bool,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// What stands on a page, top to bottom.
#[derive(Debug, Clone)]
enum Item {
    Line(Line),
    Table { y: f32, rows: Vec<String> },
}

impl Item {
    fn y(&self) -> f32 {
        match self {
            Item::Line(l) => l.y,
            Item::Table { y, .. } => *y,
        }
    }
}

/// A page's lines and tables in reading order.
fn page_items(page: &PageContent) -> Vec<Item> {
    let tables = find_tables(&page.rules);
    let mut in_cells: Vec<Vec<Vec<&Glyph>>> = tables.iter().map(|t| vec![Vec::new(); t.cells.len()]).collect();
    let mut free: Vec<&Glyph> = Vec::new();
    for g in &page.glyphs {
        if g.text.trim().is_empty() {
            continue;
        }
        let (x, y) = g.center();
        match tables.iter().position(|t| t.contains(x, y)) {
            Some(t) => match tables[t].cell_at(x, y) {
                Some(cell) => in_cells[t][cell].push(g),
                None => free.push(g),
            },
            None => free.push(g),
        }
    }
    let mut items: Vec<Item> = lines_of(&free)
        .into_iter()
        .map(|line| {
            let size = line.iter().map(|g| g.size).fold(0.0, f32::max);
            let wide_gaps = line.windows(2).filter(|w| w[1].x0 - w[0].x1 > 2.0 * w[0].size.max(w[1].size)).count();
            Item::Line(Line {
                text: line_text(&line),
                tokens: tokens_of(&line),
                columnar: wide_gaps >= 2,
                x0: line[0].x0,
                x1: line[line.len() - 1].x1,
                y: line[0].y,
                size,
            })
        })
        .collect();
    for (t, table) in tables.iter().enumerate() {
        let texts: Vec<String> = in_cells[t]
            .iter()
            .map(|glyphs| {
                let mut text = String::new();
                for line in lines_of(glyphs) {
                    join_wrapped(&mut text, line_text(&line).trim());
                }
                text.replace('\t', " ")
            })
            .collect();
        let rows: Vec<String> = (0..table.ys.len() - 1)
            .filter_map(|r| {
                let fields: Vec<&str> = (0..table.cells.len())
                    .filter(|&i| table.cells[i].0 == r)
                    .map(|i| (table.cells[i].1, texts[i].as_str()))
                    .collect::<std::collections::BTreeMap<_, _>>()
                    .into_values()
                    .collect();
                fields.iter().any(|f| !f.is_empty()).then(|| fields.join("\t"))
            })
            .collect();
        if !rows.is_empty() {
            items.push(Item::Table { y: table.ys[0], rows });
        }
    }
    sort_by_keys(&mut items, |i| (i.y(), 0.0));
    align_columns(&mut items);
    items
}

/// A piece of a line between gaps wider than half a character.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    x0: f32,
    x1: f32,
}

impl Token {
    /// Whether it reads as a table cell's value: a number, or the marks
    /// published for none (`/`, `—`, `无`).
    fn is_value(&self) -> bool {
        let t = self.text.trim();
        !t.is_empty()
            && t.chars().count() <= 14
            && t.chars().all(|c| c.is_ascii_digit() || ".,，%/／—－-–+无".contains(c))
            && (t.chars().any(|c| c.is_ascii_digit()) || t.chars().count() <= 2)
    }
}

fn tokens_of(glyphs: &[&Glyph]) -> Vec<Token> {
    let mut tokens: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match tokens.last_mut() {
            Some(run) if g.x0 - run[run.len() - 1].x1 <= 0.5 * g.size.max(run[0].size) => run.push(g),
            _ => tokens.push(vec![g]),
        }
    }
    tokens.into_iter().map(|run| Token { text: line_text(&run), x0: run[0].x0, x1: run[run.len() - 1].x1 }).collect()
}

/// The values at the end of a line, after its label: `None` when values
/// and words are mixed (then the line is no table row).
fn row_values(line: &Line) -> Option<(usize, &[Token])> {
    let first = line.tokens.iter().position(Token::is_value)?;
    let values = &line.tokens[first..];
    values.iter().all(Token::is_value).then_some((first, values))
}

/// Tables drawn without lines: where several rows end in the same number of
/// values, standing in the same columns, those columns are the table's, and
/// a row with fewer values has its blanks where its values are not. Each row
/// of such a block becomes a tab-separated line, like a ruled table's, so a
/// number is never counted into the wrong column. A row whose values do not
/// each stand clearly in one column is left as it was printed (and the text
/// importer leaves it out and says so).
fn align_columns(items: &mut [Item]) {
    let mut start = 0;
    while start < items.len() {
        // A block: consecutive lines (no ruled table, no paragraph between).
        let mut end = start;
        while end < items.len() {
            match &items[end] {
                Item::Line(l) if row_values(l).is_some() || l.text.chars().count() <= 40 => end += 1,
                _ => break,
            }
        }
        if end > start {
            align_block(&mut items[start..end]);
        }
        start = end + 1;
    }
}

fn align_block(items: &mut [Item]) {
    let lines: Vec<(usize, &Line)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Line(l) => Some((i, l)),
            _ => None,
        })
        .collect();
    let counts: Vec<usize> = lines.iter().map(|(_, l)| row_values(l).map_or(0, |(_, v)| v.len())).collect();
    // The table's width: the most common number of values in a row (a line
    // of another table in the same block, such as 表四's fifteen, is left
    // alone).
    let mut tally: std::collections::BTreeMap<usize, usize> = Default::default();
    for &c in counts.iter().filter(|&&c| c >= 2) {
        *tally.entry(c).or_default() += 1;
    }
    let Some((&columns, _)) = tally.iter().max_by_key(|(c, n)| (**n, **c)) else { return };
    let full: Vec<&[Token]> =
        lines.iter().filter_map(|(_, l)| row_values(l).map(|r| r.1)).filter(|v| v.len() == columns).collect();
    if columns < 2 || full.len() < 2 || counts.iter().filter(|&&c| c >= 2).count() < 3 {
        return;
    }
    // Each column's position, by the alignment the rows share most tightly
    // (centred, right or left).
    let anchors: [fn(&Token) -> f32; 3] = [|t| (t.x0 + t.x1) / 2.0, |t| t.x1, |t| t.x0];
    let mut best: Option<(f32, usize, Vec<f32>)> = None;
    for (a, anchor) in anchors.iter().enumerate() {
        let centre: Vec<f32> =
            (0..columns).map(|c| full.iter().map(|v| anchor(&v[c])).sum::<f32>() / full.len() as f32).collect();
        let spread =
            full.iter().flat_map(|v| v.iter().zip(&centre).map(|(t, c)| (anchor(t) - c).abs())).fold(0.0f32, f32::max);
        if best.as_ref().is_none_or(|b| spread < b.0) {
            best = Some((spread, a, centre));
        }
    }
    let Some((spread, a, centre)) = best else { return };
    let anchor = anchors[a];
    let spacing = centre.windows(2).map(|w| w[1] - w[0]).fold(f32::MAX, f32::min);
    // The columns must stand clearly apart, and the full rows in them.
    if spacing.is_nan() || spacing <= 0.0 || spread > 0.2 * spacing {
        return;
    }
    let mut updates = Vec::new();
    for (i, line) in lines {
        let Some((first, values)) = row_values(line) else { continue };
        if values.len() > columns {
            continue;
        }
        let mut fields: Vec<Option<&str>> = vec![None; columns];
        let mut last = None;
        let placed = values.iter().all(|t| {
            let at = anchor(t);
            let Some(c) = (0..columns).min_by(|&x, &y| (centre[x] - at).abs().total_cmp(&(centre[y] - at).abs()))
            else {
                return false;
            };
            let clear = (centre[c] - at).abs() <= 0.3 * spacing && fields[c].is_none() && last.is_none_or(|l| c > l);
            fields[c] = Some(t.text.trim());
            last = Some(c);
            clear
        });
        if !placed {
            continue;
        }
        let label: Vec<&str> = line.tokens[..first].iter().map(|t| t.text.trim()).collect();
        let text =
            format!("{}\t{}", label.join(" "), fields.iter().map(|f| f.unwrap_or("")).collect::<Vec<_>>().join("\t"));
        updates.push((i, text));
    }
    for (i, text) in updates {
        if let Item::Line(l) = &mut items[i] {
            l.text = text;
            l.columnar = true;
        }
    }
}

/// A page number as printed: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共6页`,
/// `3/6`.
fn is_page_number(text: &str) -> bool {
    // One number only: a row of a table's numbers is no page number.
    let groups = text.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).count();
    if groups == 0 || groups > 2 || text.chars().filter(char::is_ascii_digit).count() > 8 {
        return false;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–' | '·'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(inner) {
        return groups == 1;
    }
    if let Some((a, b)) = inner.split_once('/') {
        return digits(a) && digits(b);
    }
    let stripped = inner.replace("共", "").replace("页", " ").replace('第', " ");
    inner.starts_with('第') && inner.contains('页') && stripped.split_whitespace().all(digits)
}

/// Whether a line stands in a page's top or bottom margin.
fn in_margin(line: &Line, page: &PageContent) -> bool {
    line.y < page.height * 0.09 || line.y > page.height * 0.92
}

/// A line with its digits taken out, to find the same running header with
/// another page number in it.
fn without_digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect()
}

/// Lays the pages out as text for the text importer.
pub fn lay_out(pages: &[PageContent]) -> Laid {
    let items: Vec<Vec<Item>> = pages.iter().map(page_items).collect();
    // Running headers and footers: the same words in the margin of more
    // than one page.
    let mut margin_count: std::collections::HashMap<String, usize> = Default::default();
    for (page, page_items) in pages.iter().zip(&items) {
        let mut seen = std::collections::HashSet::new();
        for item in page_items {
            if let Item::Line(line) = item {
                if in_margin(line, page) && seen.insert(without_digits(&line.text)) {
                    *margin_count.entry(without_digits(&line.text)).or_default() += 1;
                }
            }
        }
    }
    let mut laid = Laid::default();
    let mut kept: Vec<Item> = Vec::new();
    for (page, page_items) in pages.iter().zip(items) {
        for item in page_items {
            if let Item::Line(line) = &item {
                if in_margin(line, page) {
                    if is_page_number(&line.text) {
                        continue;
                    }
                    let key = without_digits(&line.text);
                    if pages.len() > 1 && margin_count.get(&key).copied().unwrap_or(0) >= 2 && !key.is_empty() {
                        if !laid.dropped.contains(&line.text) && !laid.dropped.iter().any(|d| without_digits(d) == key)
                        {
                            laid.dropped.push(line.text.trim().to_string());
                        }
                        continue;
                    }
                }
            }
            kept.push(item);
        }
    }
    laid.text = paragraphs(&kept);
    laid
}

/// A line that starts a new paragraph whatever the layout: a sub-heading.
fn starts_heading(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(|c| "一二三四五六七八九十0123456789".contains(c)),
        Some(c) if "一二三四五六七八九十".contains(c) => {
            matches!(chars.next(), Some('、' | '是' | '.' | '．'))
        }
        Some(c) if c.is_ascii_digit() => matches!(chars.next(), Some('、' | '.' | '．')),
        _ => false,
    }
}

/// The free lines as paragraphs: a line runs on into the next when it
/// reaches the right margin and the next is neither indented nor a heading;
/// tables stand as their rows. Paragraphs are separated by blank lines.
fn paragraphs(items: &[Item]) -> String {
    let lines: Vec<&Line> = items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            _ => None,
        })
        .collect();
    // The text block's margins: the most common left edge, and the right
    // edge most full lines reach.
    let mut lefts: std::collections::HashMap<i32, usize> = Default::default();
    for l in &lines {
        *lefts.entry((l.x0 / 2.0).round() as i32).or_default() += 1;
    }
    let left = lefts.into_iter().max_by_key(|(x, n)| (*n, -x)).map_or(0.0, |(x, _)| x as f32 * 2.0);
    let mut rights: Vec<f32> = lines.iter().map(|l| l.x1).collect();
    sort_by_keys(&mut rights, |r| (*r, 0.0));
    let right = rights.get(rights.len() * 9 / 10).copied().unwrap_or(0.0);

    // Whether paragraphs open with an indent (official documents indent
    // two characters): then a full line followed by an unindented one runs
    // on even after a full stop; otherwise a full stop ends the paragraph.
    let indents = lines.iter().filter(|l| l.x0 > left + 1.5 * l.size && l.x0 < left + 3.5 * l.size).count();
    let indent_style = indents >= 3;
    // The page's centre, for titles printed centred over several lines.
    let center = (left + right) / 2.0;
    // Titles are set larger than the body text.
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sort_by_keys(&mut sizes, |s| (*s, 0.0));
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    let centred = |l: &Line| {
        ((l.x0 + l.x1) / 2.0 - center).abs() < 2.0 * l.size && l.x0 > left + 2.0 * l.size && l.size > 1.15 * body
    };

    let mut out = String::new();
    let mut paragraph = String::new();
    let mut runs_on = false;
    let mut previous: Option<&Line> = None;
    let flush = |out: &mut String, paragraph: &mut String| {
        if !paragraph.is_empty() {
            out.push_str(paragraph.trim());
            out.push_str("\n\n");
            paragraph.clear();
        }
    };
    for item in items {
        match item {
            Item::Table { rows, .. } => {
                flush(&mut out, &mut paragraph);
                for row in rows {
                    out.push_str(row);
                    out.push('\n');
                }
                out.push('\n');
                runs_on = false;
                previous = None;
            }
            Item::Line(line) => {
                let indented = line.x0 > left + 0.8 * line.size;
                // A title centred over two lines in the same large type.
                let title_goes_on = previous.is_some_and(|p| {
                    centred(p) && centred(line) && (p.size - line.size).abs() < 0.5 && line.y - p.y < 2.5 * line.size
                });
                let continues = runs_on && !line.columnar;
                if title_goes_on || continues && !indented && !starts_heading(&line.text) {
                    join_wrapped(&mut paragraph, line.text.trim());
                } else {
                    flush(&mut out, &mut paragraph);
                    paragraph.push_str(line.text.trim());
                }
                let full = line.x1 >= right - 1.5 * line.size;
                let ends = line.text.trim_end().ends_with(['。', '！', '？', '；', '：']);
                runs_on = full && (indent_style || !ends) && !line.columnar;
                previous = Some(line);
            }
        }
    }
    flush(&mut out, &mut paragraph);
    out
}

/// Sorts `items` by `key` (compared with `f32::total_cmp`, first then
/// second), keeping the order of equal keys: `sort_by` would, but each of
/// its instances is some 4 kB of wasm, and this module is downloaded, so all
/// of the callers share one instance of the sorting code.
fn sort_by_keys<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (f32, f32)) {
    fn compare(a: &(f32, f32, u32), b: &(f32, f32, u32)) -> std::cmp::Ordering {
        a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
    }
    let mut order: Vec<(f32, f32, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (first, second) = key(item);
            (first, second, i as u32)
        })
        .collect();
    order.sort_unstable_by(compare);
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, _, i)| taken[i as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            let w = if is_wide(c) { size } else { size / 2.0 };
            out.push(Glyph { text: c.to_string(), x0: at, x1: at + w, y, size });
            at += w;
        }
        out
    }

    #[allow(clippy::needless_range_loop)]
    /// A ruled table: rows of cells, each `(text, colspan)`; a cell's text
    /// `^` continues the cell above (rowspan).
    fn ruled(rows: &[&[(&str, usize)]], x: f32, y: f32, width: f32, height: f32) -> PageContent {
        let columns: usize = rows[0].iter().map(|c| c.1).sum();
        let mut page = PageContent { width: 595.0, height: 842.0, ..Default::default() };
        let mut spans = vec![vec![false; columns]; rows.len()];
        for (r, row) in rows.iter().enumerate() {
            let top = y + r as f32 * height;
            let mut c = 0;
            for (text, span) in row.iter() {
                let left = x + c as f32 * width;
                if *text == "^" {
                    spans[r][c..c + span].iter_mut().for_each(|s| *s = true);
                } else {
                    page.glyphs.extend(glyphs(text, left + 2.0, top + height - 4.0, 10.0));
                }
                c += span;
            }
        }
        for r in 0..=rows.len() {
            for c in 0..columns {
                if r > 0 && r < rows.len() && spans[r][c] {
                    continue;
                }
                let yy = y + r as f32 * height;
                page.rules.push(Rule::Horizontal { y: yy, x0: x + c as f32 * width, x1: x + (c + 1) as f32 * width });
            }
        }
        for (r, row) in rows.iter().enumerate() {
            let mut c = 0;
            let top = y + r as f32 * height;
            page.rules.push(Rule::Vertical { x, y0: top, y1: top + height });
            for (_, span) in row.iter() {
                c += span;
                page.rules.push(Rule::Vertical { x: x + c as f32 * width, y0: top, y1: top + height });
            }
        }
        page
    }

    #[test]
    fn a_ruled_table_keeps_blank_cells_in_their_places() {
        let page = ruled(
            &[
                &[("三、本年度办理结果", 1), ("（一）予以公开", 1), ("12", 1), ("", 1), ("3", 1)],
                &[("^", 1), ("（二）部分公开", 1), ("", 1), ("5", 1), ("", 1)],
            ],
            50.0,
            100.0,
            100.0,
            20.0,
        );
        let laid = lay_out(&[page]);
        assert_eq!(laid.text, "三、本年度办理结果\t（一）予以公开\t12\t\t3\n（二）部分公开\t\t5\t\n\n");
    }

    #[test]
    fn a_label_wrapped_in_its_cell_is_one_label() {
        let mut page = ruled(&[&[("", 1), ("7", 1)]], 50.0, 100.0, 80.0, 40.0);
        page.glyphs.extend(glyphs("1.申请人无", 52.0, 112.0, 10.0));
        page.glyphs.extend(glyphs("正当理由", 52.0, 124.0, 10.0));
        let laid = lay_out(&[page]);
        assert_eq!(laid.text, "1.申请人无正当理由\t7\n\n");
    }

    #[test]
    fn wrapped_lines_are_rejoined_and_indented_lines_start_paragraphs() {
        let mut page = PageContent { width: 595.0, height: 842.0, ..Default::default() };
        page.glyphs.extend(glyphs("一、总体情况", 70.0, 100.0, 12.0));
        page.glyphs.extend(glyphs("　　本年度共受理申请二十件，全部", 70.0, 120.0, 12.0));
        page.glyphs.extend(glyphs("按时办结。", 70.0, 136.0, 12.0));
        page.glyphs.extend(glyphs("　　第二段文字一直写到右边的边", 70.0, 152.0, 12.0));
        page.glyphs.extend(glyphs("界为止。", 70.0, 168.0, 12.0));
        page.glyphs.extend(glyphs("- 1 -", 280.0, 800.0, 10.0));
        let laid = lay_out(&[page]);
        assert_eq!(
            laid.text,
            "一、总体情况\n\n本年度共受理申请二十件，全部按时办结。\n\n第二段文字一直写到右边的边界为止。\n\n"
        );
    }

    #[test]
    fn running_headers_are_dropped_and_named() {
        let mut pages = Vec::new();
        for n in 1..=3 {
            let mut page = PageContent { width: 595.0, height: 842.0, ..Default::default() };
            page.glyphs.extend(glyphs("某某市人民政府门户网站", 200.0, 40.0, 9.0));
            page.glyphs.extend(glyphs(&format!("正文第{n}页。"), 70.0, 300.0, 12.0));
            page.glyphs.extend(glyphs(&format!("第 {n} 页 共 3 页"), 260.0, 810.0, 9.0));
            pages.push(page);
        }
        let laid = lay_out(&pages);
        assert_eq!(laid.text, "正文第1页。\n\n正文第2页。\n\n正文第3页。\n\n");
        assert_eq!(laid.dropped, vec!["某某市人民政府门户网站".to_string()]);
    }

    #[test]
    fn an_unruled_table_puts_a_row_with_a_blank_cell_in_its_columns() {
        let mut page = PageContent { width: 595.0, height: 842.0, ..Default::default() };
        let rows: [(&str, [&str; 4]); 4] = [
            ("甲项", ["1", "20", "3", "24"]),
            ("乙项", ["4", "", "6", "10"]),
            ("丙项", ["7", "8", "9", "24"]),
            ("丁项", ["", "", "", "5"]),
        ];
        for (r, (label, cells)) in rows.iter().enumerate() {
            let y = 300.0 + 20.0 * r as f32;
            page.glyphs.extend(glyphs(label, 70.0, y, 10.0));
            for (c, cell) in cells.iter().enumerate() {
                // Centred in columns 60 points apart.
                let width = 5.0 * cell.chars().count() as f32;
                page.glyphs.extend(glyphs(cell, 200.0 + 60.0 * c as f32 - width / 2.0, y, 10.0));
            }
        }
        let laid = lay_out(&[page]);
        assert_eq!(laid.text, "甲项\t1\t20\t3\t24\n\n乙项\t4\t\t6\t10\n\n丙项\t7\t8\t9\t24\n\n丁项\t\t\t\t5\n\n");
    }

    #[test]
    fn page_numbers_as_printed() {
        for text in ["3", "- 3 -", "— 12 —", "第 3 页", "第3页 共6页", "3/6", "－4－"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2024年", "第三条", "共受理 3 件", "一、总体情况", "72 64 178 37 351", "0 0"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
