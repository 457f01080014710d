//! The specification's own text of an algorithm, read from the sources in `../shared/spec`
//! (issue 17): ECMA-262's `spec.html` (with the newer exact copies of a few clauses beside
//! it) and the proposals' `.emu` files. Used by the `spec-steps` generator
//! (`cargo run --release --bin spec-steps -- ID`), which writes a clause's
//! `spec-steps/<id>.yaml` from it, and by `tests/spec_text.rs`, which checks every
//! transcription against it.
//!
//! An algorithm (`<emu-alg>`) is read as ecmarkup writes it — one `1. text` line per step,
//! nesting by indentation — and each step's text is rendered as the specification shows it,
//! markup only removed: `_x_` → x, `*true*` → true, `*"a"*` → "a", `~enum~` → enum,
//! `|Symbol|` → Symbol, `` `code` `` → code, `<emu-xref>` → its text (an empty one: the
//! clause number, "Table N", ... from the biblio), other tags dropped (`<sup>` as `^`),
//! entities decoded, step attributes (`[id="..."]`) dropped, whitespace collapsed. In a
//! proposal, `<del>` text is dropped and `<ins>` text kept (the text as the proposal would
//! leave it); a step left empty is no step.

use serde_json::Value as Json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One step of an algorithm: its rendered number (`2.a.iv`) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub number: String,
    pub text: String,
}

/// One document's text of a clause.
#[derive(Clone, Debug)]
pub struct ClauseVersion {
    /// Which document: `ecma262` (spec.html), `ecma262-copy` (the newer exact copy beside
    /// it), or a proposal's name (`import-defer`, `source-phase-imports`, `compartments`).
    pub source: String,
    /// The clause's title, rendered (its `<h1>` with the markup removed).
    pub title: String,
    /// The clause's own algorithms (not those of its sub-clauses), in document order.
    pub algorithms: Vec<Vec<Step>>,
}

/// The proposals whose `.emu` files are read, with their paths under the spec directory.
pub const PROPOSALS: [(&str, &str); 3] = [
    ("import-defer", "import-defer/spec.emu"),
    (
        "source-phase-imports",
        "source-phase-imports/source-phase-imports.spec.emu",
    ),
    (
        "compartments",
        "compartments/0-module-and-module-source.emu",
    ),
];

/// The specification sources: `spec.html`, the clause copies, the proposals and the biblio.
pub struct Sources {
    dir: PathBuf,
    spec_html: String,
    proposals: Vec<(&'static str, String)>,
    biblio: HashMap<String, Json>,
}

/// The directory of the sources: `$SHARED_SPEC_DIR`, or `../shared/spec` beside the
/// repository.
pub fn default_dir() -> PathBuf {
    std::env::var_os("SHARED_SPEC_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec"),
        PathBuf::from,
    )
}

impl Sources {
    /// Reads the sources in `dir` (see [`default_dir`]).
    pub fn open(dir: &Path) -> Result<Sources, String> {
        let read = |path: PathBuf| {
            std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let spec_html = read(dir.join("ecma262/spec.html"))?;
        let mut proposals = Vec::new();
        for (name, path) in PROPOSALS {
            proposals.push((name, read(dir.join(path))?));
        }
        let biblio_text = read(dir.join("ecma262-biblio.json"))?;
        let json: Json =
            serde_json::from_str(&biblio_text).map_err(|e| format!("the biblio: {e}"))?;
        let mut biblio = HashMap::new();
        for entry in json["entries"].as_array().into_iter().flatten() {
            let id = entry["id"].as_str().or_else(|| entry["refId"].as_str());
            if let (Some(id), Some(kind)) = (id, entry["type"].as_str()) {
                if matches!(kind, "clause" | "table" | "figure" | "step") {
                    biblio
                        .entry(id.to_string())
                        .or_insert_with(|| entry.clone());
                }
            }
        }
        Ok(Sources {
            dir: dir.to_path_buf(),
            spec_html,
            proposals,
            biblio,
        })
    }

    /// The biblio's number and title of an ECMA-262 clause.
    pub fn biblio_clause(&self, id: &str) -> Option<(String, String)> {
        let entry = self.biblio.get(id).filter(|e| e["type"] == "clause")?;
        Some((
            entry["number"].as_str()?.to_string(),
            entry["title"].as_str()?.to_string(),
        ))
    }

    /// Every document's text of clause `id`: ECMA-262's (the newer copy when there is one,
    /// else spec.html's) and each proposal's that has the clause.
    pub fn versions(&self, id: &str) -> Vec<ClauseVersion> {
        let mut versions = Vec::new();
        let copy = self.dir.join(format!("ecma262/{id}.html"));
        if let Ok(text) = std::fs::read_to_string(&copy) {
            if let Some(clause) = clause_text(&text, id) {
                versions.push(self.version("ecma262-copy", clause, false));
            }
        }
        if let Some(clause) = clause_text(&self.spec_html, id) {
            versions.push(self.version("ecma262", clause, false));
        }
        for (name, text) in &self.proposals {
            if let Some(clause) = clause_text(text, id) {
                versions.push(self.version(name, clause, true));
            }
        }
        versions
    }

    fn version(&self, source: &str, clause: &str, proposal: bool) -> ClauseVersion {
        let title = clause
            .find("<h1>")
            .and_then(|start| {
                let rest = &clause[start + 4..];
                rest.find("</h1>").map(|end| &rest[..end])
            })
            .map(|h1| {
                self.render(&if proposal {
                    drop_deleted(h1)
                } else {
                    h1.to_string()
                })
            })
            .unwrap_or_default();
        let algorithms = own_algorithms(clause)
            .into_iter()
            .map(|alg| self.algorithm(alg, proposal))
            .collect();
        ClauseVersion {
            source: source.to_string(),
            title,
            algorithms,
        }
    }

    /// The steps of one `<emu-alg>` body.
    pub fn algorithm(&self, alg: &str, proposal: bool) -> Vec<Step> {
        // (indentation, raw text) of each step; a line that is not a step continues the
        // step before it.
        let mut raw: Vec<(usize, String)> = Vec::new();
        for line in alg.lines() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            match step_line(trimmed) {
                Some(text) => raw.push((indent, text.to_string())),
                None => {
                    if let Some((_, text)) = raw.last_mut() {
                        text.push(' ');
                        text.push_str(trimmed);
                    }
                }
            }
        }
        // Nesting from indentation: a stack of (indentation, number at that level).
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut steps = Vec::new();
        // The indentation of a dropped (wholly deleted) step: its sub-steps go with it.
        let mut dropped_at: Option<usize> = None;
        for (indent, text) in raw {
            if let Some(at) = dropped_at {
                if indent > at {
                    continue;
                }
                dropped_at = None;
            }
            let text = if proposal { drop_deleted(&text) } else { text };
            let rendered = self.render(strip_step_attributes(&text));
            if rendered
                .trim_matches(|c: char| c == '.' || c.is_whitespace())
                .is_empty()
            {
                dropped_at = Some(indent);
                continue;
            }
            while stack.last().is_some_and(|(i, _)| *i > indent) {
                stack.pop();
            }
            match stack.last_mut() {
                Some((i, n)) if *i == indent => *n += 1,
                _ => stack.push((indent, 1)),
            }
            let path: Vec<usize> = stack.iter().map(|(_, n)| *n).collect();
            steps.push(Step {
                number: render_step_number(&path),
                text: rendered,
            });
        }
        steps
    }

    /// A step's (or title's) text as the specification renders it (see the module docs).
    pub fn render(&self, text: &str) -> String {
        let text = self.replace_xrefs(text);
        let text = render_sup(&text);
        let text = strip_tags(&text);
        let text = decode_entities(&text);
        let text = render_emd(&text);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// `<emu-xref href="#id">text</emu-xref>` → text, or for an empty one what ecmarkup
    /// prints: a clause's number, "Table N", "Figure N", a step's number.
    fn replace_xrefs(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("<emu-xref") {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            let Some(open_end) = tail.find('>') else {
                out.push_str(tail);
                return out;
            };
            let open = &tail[..open_end];
            let (inner, after) = match tail[open_end + 1..].find("</emu-xref>") {
                Some(close) => (
                    &tail[open_end + 1..open_end + 1 + close],
                    &tail[open_end + 1 + close + "</emu-xref>".len()..],
                ),
                None => ("", &tail[open_end + 1..]),
            };
            if inner.trim().is_empty() {
                let href = attribute(open, "href").unwrap_or_default();
                out.push_str(&self.xref_text(href.trim_start_matches('#')));
            } else {
                out.push_str(inner);
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    fn xref_text(&self, id: &str) -> String {
        let Some(entry) = self.biblio.get(id) else {
            return id.to_string();
        };
        match entry["type"].as_str() {
            Some("clause") => entry["number"].as_str().unwrap_or(id).to_string(),
            Some("table") => format!("Table {}", entry["number"]),
            Some("figure") => format!("Figure {}", entry["number"]),
            Some("step") => {
                let path: Vec<usize> = entry["stepNumbers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|n| n.as_u64().map(|n| n as usize))
                    .collect();
                render_step_number(&path)
            }
            _ => id.to_string(),
        }
    }
}

/// The text of `<emu-clause id="id" ...>` up to its matching `</emu-clause>`.
pub fn clause_text<'a>(document: &'a str, id: &str) -> Option<&'a str> {
    let needle = format!("<emu-clause id=\"{id}\"");
    let mut start = None;
    let mut from = 0;
    while let Some(at) = document[from..].find(&needle) {
        let at = from + at;
        let next = document[at + needle.len()..].chars().next();
        if matches!(next, Some(' ' | '>' | '\n' | '\t')) {
            start = Some(at);
            break;
        }
        from = at + needle.len();
    }
    let start = start?;
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let open = document[i..].find("<emu-clause").map(|p| p + i);
        let close = document[i..].find("</emu-clause>").map(|p| p + i);
        match (open, close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                i = o + 1;
            }
            (_, Some(c)) => {
                depth = depth.saturating_sub(1);
                i = c + 1;
                if depth == 0 {
                    return Some(&document[start..c + "</emu-clause>".len()]);
                }
            }
            _ => return Some(&document[start..]),
        }
    }
}

/// The bodies of the `<emu-alg>` elements of a clause itself, not of its sub-clauses.
pub fn own_algorithms(clause: &str) -> Vec<&str> {
    // The clause's own part: up to its first sub-clause.
    let own = match clause[1..].find("<emu-clause") {
        Some(at) => &clause[..at + 1],
        None => clause,
    };
    let mut algorithms = Vec::new();
    let mut rest = own;
    while let Some(start) = rest.find("<emu-alg") {
        let tail = &rest[start..];
        let Some(open_end) = tail.find('>') else {
            break;
        };
        let body = &tail[open_end + 1..];
        let Some(end) = body.find("</emu-alg>") else {
            break;
        };
        algorithms.push(&body[..end]);
        rest = &body[end..];
    }
    algorithms
}

/// The text of a step line (`1. text`), or `None` for a line that is not a step.
fn step_line(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    line[digits..]
        .strip_prefix(". ")
        .or_else(|| line[digits..].strip_prefix('.').filter(|r| r.is_empty()))
}

/// A step without its leading attributes (`[id="step-x"]`, `[fence-effects="user-code"]`).
fn strip_step_attributes(text: &str) -> &str {
    let mut text = text.trim_start();
    while text.starts_with('[') && !text.starts_with("[[") {
        match text.find(']') {
            Some(end) if text[..end].contains('=') => text = text[end + 1..].trim_start(),
            _ => break,
        }
    }
    text
}

/// `text` without its `<del>...</del>` parts (a proposal's deletions).
pub fn drop_deleted(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<del") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</del>") {
            Some(end) => rest = &rest[start + end + "</del>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!("{name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// `<sup>x</sup>` → `^x` (2<sup>53</sup> is printed 2^53).
fn render_sup(text: &str) -> String {
    text.replace("<sup>", "^").replace("</sup>", "")
}

/// Every remaining tag dropped, its content kept.
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        // A tag starts with a letter or `/`; anything else ("a < b") is text.
        let is_tag = tail[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, tail.find('>')) {
            (true, Some(end)) => rest = &tail[end + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entities(text: &str) -> String {
    const ENTITIES: [(&str, &str); 10] = [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&nbsp;", " "),
        ("&le;", "≤"),
        ("&ge;", "≥"),
        ("&ne;", "≠"),
        ("&times;", "×"),
        ("&laquo;", "«"),
        ("&raquo;", "»"),
    ];
    let mut text = text.to_string();
    for (entity, character) in ENTITIES {
        text = text.replace(entity, character);
    }
    text.replace("&amp;", "&")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Ecmarkup's inline formats: `_var_`, `*value*`, `~enum~`, `|Nonterminal|`, `` `code` ``,
/// and the escapes `\*`, `\_`, `\|`, `\~`, `` \` ``.
fn render_emd(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && "*_|~`\\".contains(chars[i + 1]) {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let before = if i == 0 { None } else { Some(chars[i - 1]) };
        let at_start = before.is_none_or(|b| !is_word(b));
        if let Some(end) = match c {
            '_' if at_start => closing(&chars, i, '_', |c| c.is_alphanumeric()),
            '~' if at_start => closing(&chars, i, '~', |c| c.is_alphanumeric() || c == '-'),
            '|' => closing(&chars, i, '|', |c| {
                c.is_alphanumeric() || "[]~+?, _".contains(c)
            })
            .filter(|_| chars.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())),
            '*' => value_end(&chars, i),
            '`' => chars[i + 1..]
                .iter()
                .position(|c| *c == '`')
                .map(|p| i + 1 + p),
            _ => None,
        } {
            let inner: String = chars[i + 1..end].iter().collect();
            // A value or code may itself hold escapes (`*"function\*"*`).
            out.push_str(&unescape(&inner));
            i = end + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The index of the `delimiter` that closes the one at `open`, when everything between is
/// `allowed` (and there is something) and the closing one ends a word.
fn closing(
    chars: &[char],
    open: usize,
    delimiter: char,
    allowed: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut j = open + 1;
    while j < chars.len() && chars[j] != delimiter {
        if !allowed(chars[j]) {
            return None;
        }
        j += 1;
    }
    if j >= chars.len() || j == open + 1 {
        return None;
    }
    let after = chars.get(j + 1).copied();
    (delimiter == '|' || after.is_none_or(|a| !is_word(a))).then_some(j)
}

/// The closing `*` of a value (`*true*`, `*"a b"*`, `*+0*`): not escaped, with no
/// whitespace right inside either end.
fn value_end(chars: &[char], open: usize) -> Option<usize> {
    let first = *chars.get(open + 1)?;
    if first.is_whitespace() || first == '*' {
        return None;
    }
    let mut j = open + 1;
    let mut in_string = false;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            '"' => in_string = !in_string,
            '*' if !in_string => {
                return (!chars[j - 1].is_whitespace()).then_some(j);
            }
            _ => {}
        }
        j += 1;
    }
    None
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| "*_|~`\\".contains(*n)) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// `[2, 1, 4]` → `2.a.iv` (the numbering ecmarkup renders).
pub fn render_step_number(path: &[usize]) -> String {
    compartments::trace::render_step_number(path)
}

/// A spec-steps YAML file for one clause (format: spec-steps/README.md).
pub fn to_yaml(id: &str, number: &str, title: &str, spec: Option<&str>, steps: &[Step]) -> String {
    let mut out = format!(
        "id: {id}\nnumber: {}\ntitle: {}\n",
        quote(number),
        quote(title)
    );
    if let Some(spec) = spec {
        out.push_str(&format!("spec: {spec}\n"));
    }
    out.push_str("steps:\n");
    for step in steps {
        out.push_str(&format!(
            "  - step: {}\n    text: {}\n",
            quote(&step.number),
            quote(&step.text)
        ));
    }
    out
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources {
        Sources {
            dir: PathBuf::new(),
            spec_html: String::new(),
            proposals: Vec::new(),
            biblio: HashMap::new(),
        }
    }

    #[test]
    fn markup_is_rendered_as_the_specification_prints_it() {
        let s = sources();
        let cases = [
            (
                "If _desc_ is *undefined*, return *true*.",
                "If desc is undefined, return true.",
            ),
            (
                "Let _prefix_ be *\"async function\\*\"*.",
                "Let prefix be \"async function*\".",
            ),
            (
                "If _kind_ is ~async-generator~, then",
                "If kind is async-generator, then",
            ),
            (
                "Let _bodySym_ be the grammar symbol |FunctionBody[~Yield, ~Await]|.",
                "Let bodySym be the grammar symbol FunctionBody[~Yield, ~Await].",
            ),
            (
                "Let _d_ be ? <emu-meta effects=\"user-code\">_O_.[[Get]]</emu-meta>(_P_).",
                "Let d be ? O.[[Get]](P).",
            ),
            (
                "If _x_ &lt; 2<sup>53</sup>, return `eval`.",
                "If x < 2^53, return eval.",
            ),
            ("Return *+0*<sub>𝔽</sub>.", "Return +0𝔽."),
            (
                "Let _a_ be _b_ \\* 2; __proto__ stays.",
                "Let a be b * 2; __proto__ stays.",
            ),
            (
                "See <emu-xref href=\"#sec-x\">the clause</emu-xref>.",
                "See the clause.",
            ),
        ];
        for (source, rendered) in cases {
            assert_eq!(s.render(source), rendered, "{source}");
        }
    }

    #[test]
    fn steps_are_numbered_from_their_indentation_and_deletions_dropped() {
        let s = sources();
        let alg = "
          1. [id=\"step-a\"] Let _a_ be 1.
          1. If _a_ is 1, then
            1. <del>Set _a_ to 2.</del>
              1. Gone with its parent.
            1. Set _a_ to <del>3</del><ins>4</ins>.
              1. NOTE: a
                multi-line step.
          1. Return _a_.
        ";
        let steps = s.algorithm(alg, true);
        let got: Vec<(&str, &str)> = steps
            .iter()
            .map(|s| (s.number.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("1", "Let a be 1."),
                ("2", "If a is 1, then"),
                ("2.a", "Set a to 4."),
                ("2.a.i", "NOTE: a multi-line step."),
                ("3", "Return a."),
            ]
        );
    }

    #[test]
    fn a_clause_is_cut_at_its_matching_end_and_its_own_algorithms_found() {
        let doc = "<emu-clause id=\"sec-a\" type=\"x\"><h1>A ( )</h1><emu-alg>1. One.</emu-alg>\
                   <emu-clause id=\"sec-ab\"><emu-alg>1. Sub.</emu-alg></emu-clause>\
                   </emu-clause><emu-clause id=\"sec-b\"></emu-clause>";
        let a = clause_text(doc, "sec-a").unwrap();
        assert!(a.ends_with("</emu-clause></emu-clause>"));
        assert_eq!(own_algorithms(a), ["1. One."]);
        assert!(clause_text(doc, "sec-").is_none());
    }
}
