//! The module graph of a run, drawn as inline SVG from its event log: each module (named
//! in a `status` event) is a box with its last [[Status]], [[DFSIndex]] /
//! [[DFSAncestorIndex]], [[AsyncEvaluationOrder]] and whether evaluation failed; each
//! `load-result` that gave a module is an edge from its referrer (a module, a script or the
//! realm), labelled with the specifier. Layers are the breadth-first distance from the
//! modules nothing imports; within a layer, modules keep the order they first appeared in.
//! Edges to a module of the same or an earlier layer (cycles) are drawn as curves.

use super::html_escape;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;

/// A module or other referrer of the graph.
#[derive(Clone, Debug, Default)]
struct GraphNode {
    name: String,
    /// The last status event's fields, for modules.
    status: Option<String>,
    dfs: Option<String>,
    order: Option<String>,
    error: Option<String>,
    /// A script or the realm (not a module).
    referrer_only: bool,
}

/// An import edge.
#[derive(Clone, Debug)]
struct Edge {
    from: usize,
    to: usize,
    label: String,
}

const CHAR_WIDTH: f64 = 7.0;
const LINE_HEIGHT: f64 = 15.0;
const LAYER_GAP: f64 = 70.0;
const NODE_GAP: f64 = 40.0;
const MARGIN: f64 = 20.0;

/// The SVG (an `<svg>` element) of the modules the events name; `None` when they name none.
pub fn module_graph_svg(events: &[Value]) -> Option<String> {
    let mut nodes: Vec<GraphNode> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut id_of = |nodes: &mut Vec<GraphNode>, name: &str, referrer_only: bool| -> usize {
        if let Some(&id) = ids.get(name) {
            if !referrer_only {
                nodes[id].referrer_only = false;
            }
            return id;
        }
        nodes.push(GraphNode {
            name: name.to_string(),
            referrer_only,
            ..GraphNode::default()
        });
        ids.insert(name.to_string(), nodes.len() - 1);
        nodes.len() - 1
    };
    let mut edges: Vec<Edge> = Vec::new();
    let text = |v: &Value| match v {
        Value::Null => "empty".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for event in events {
        match event["event"].as_str() {
            Some("status") => {
                let Some(module) = event["module"].as_str() else {
                    continue;
                };
                let id = id_of(&mut nodes, module, false);
                let node = &mut nodes[id];
                node.status = event["to"].as_str().map(str::to_string);
                node.dfs = Some(format!(
                    "{} / {}",
                    text(&event["DFSIndex"]),
                    text(&event["DFSAncestorIndex"])
                ));
                node.order = Some(text(&event["AsyncEvaluationOrder"]));
                node.error = event["EvaluationError"].as_str().map(str::to_string);
            }
            Some("load-result") => {
                let (Some(referrer), Some(module)) =
                    (event["referrer"].as_str(), event["module"].as_str())
                else {
                    continue;
                };
                let from = id_of(&mut nodes, referrer, true);
                let to = id_of(&mut nodes, module, false);
                let label = event["specifier"].as_str().unwrap_or("").to_string();
                if !edges
                    .iter()
                    .any(|e| e.from == from && e.to == to && e.label == label)
                {
                    edges.push(Edge { from, to, label });
                }
            }
            _ => {}
        }
    }
    if nodes.is_empty() {
        return None;
    }
    // Layers: breadth-first from the nodes nothing points to (the first node when every
    // node is in a cycle), then any node not reached.
    let mut layer: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut queue: Vec<usize> = (0..nodes.len())
        .filter(|&n| !edges.iter().any(|e| e.to == n && e.from != n))
        .collect();
    if queue.is_empty() {
        queue.push(0);
    }
    for &root in &queue {
        layer[root] = Some(0);
    }
    let mut head = 0;
    loop {
        while head < queue.len() {
            let n = queue[head];
            head += 1;
            let depth = layer[n].unwrap_or(0);
            for edge in edges.iter().filter(|e| e.from == n) {
                if layer[edge.to].is_none() {
                    layer[edge.to] = Some(depth + 1);
                    queue.push(edge.to);
                }
            }
        }
        match (0..nodes.len()).find(|&n| layer[n].is_none()) {
            Some(n) => {
                layer[n] = Some(0);
                queue.push(n);
            }
            None => break,
        }
    }
    let layers = layer.iter().map(|l| l.unwrap_or(0)).max().unwrap_or(0) + 1;
    // Each node's label lines and box size.
    let labels: Vec<Vec<String>> = nodes.iter().map(label_lines).collect();
    let sizes: Vec<(f64, f64)> = labels
        .iter()
        .map(|lines| {
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
            (
                longest * CHAR_WIDTH + 16.0,
                lines.len() as f64 * LINE_HEIGHT + 10.0,
            )
        })
        .collect();
    let mut positions: Vec<(f64, f64)> = vec![(0.0, 0.0); nodes.len()];
    let mut y = MARGIN;
    let mut width: f64 = 0.0;
    for depth in 0..layers {
        let members: Vec<usize> = (0..nodes.len())
            .filter(|&n| layer[n] == Some(depth))
            .collect();
        let mut x = MARGIN;
        let mut tallest: f64 = 0.0;
        for n in members {
            positions[n] = (x, y);
            x += sizes[n].0 + NODE_GAP;
            tallest = tallest.max(sizes[n].1);
        }
        width = width.max(x);
        y += tallest + LAYER_GAP;
    }
    let height = y - LAYER_GAP + MARGIN + 20.0;
    let width = width + 40.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"module graph\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n"
    );
    for edge in &edges {
        let (fx, fy) = positions[edge.from];
        let (fw, fh) = sizes[edge.from];
        let (tx, ty) = positions[edge.to];
        let (tw, _) = sizes[edge.to];
        let (x1, y1) = (fx + fw / 2.0, fy + fh);
        let (x2, y2) = (tx + tw / 2.0, ty);
        let (path, lx, ly) = if layer[edge.to] > layer[edge.from] {
            (
                format!("M {x1:.1} {y1:.1} L {x2:.1} {y2:.1}"),
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0,
            )
        } else {
            // Back to the same or an earlier layer: around the right side.
            let (sx, sy) = (fx + fw, fy + fh / 2.0);
            let (ex, ey) = (tx + tw, ty + sizes[edge.to].1 / 2.0 - 4.0);
            let bulge = sx.max(ex) + 60.0;
            (
                format!(
                    "M {sx:.1} {sy:.1} C {bulge:.1} {sy:.1}, {bulge:.1} {ey:.1}, {ex:.1} {ey:.1}"
                ),
                bulge - 10.0,
                (sy + ey) / 2.0,
            )
        };
        let _ = writeln!(
            svg,
            "<path class=\"edge\" d=\"{path}\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\
             <text class=\"edge-label\" x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"11\" fill=\"#333\">{}</text>",
            html_escape(&edge.label)
        );
    }
    for (n, node) in nodes.iter().enumerate() {
        let (x, y) = positions[n];
        let (w, h) = sizes[n];
        let fill = match (
            node.referrer_only,
            node.status.as_deref(),
            node.error.is_some(),
        ) {
            (true, _, _) => "#eef",
            (_, _, true) => "#f6c9c9",
            (_, Some("evaluated"), _) => "#d6efd6",
            (_, Some("evaluating-async"), _) => "#fde9b8",
            (_, Some("linked"), _) | (_, Some("evaluating"), _) => "#dde8f6",
            _ => "#f2f2f2",
        };
        let rx = if node.referrer_only { 14 } else { 3 };
        let _ = writeln!(
            svg,
            "<g class=\"module\"><title>{}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"#444\"/>",
            html_escape(&node.name)
        );
        for (i, line) in labels[n].iter().enumerate() {
            let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"monospace\" font-size=\"12\"{weight}>{}</text>",
                x + 8.0,
                y + 5.0 + LINE_HEIGHT * (i as f64 + 1.0) - 3.0,
                html_escape(line)
            );
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// A node's label: its name, then its fields.
fn label_lines(node: &GraphNode) -> Vec<String> {
    let name = node
        .name
        .rsplit('/')
        .next()
        .unwrap_or(&node.name)
        .to_string();
    let mut lines = vec![name];
    if node.referrer_only {
        return lines;
    }
    if let Some(status) = &node.status {
        lines.push(format!("[[Status]] {status}"));
    }
    if let Some(dfs) = &node.dfs {
        lines.push(format!("[[DFSIndex]] / ancestor {dfs}"));
    }
    if let Some(order) = &node.order {
        lines.push(format!("[[AsyncEvaluationOrder]] {order}"));
    }
    if let Some(error) = &node.error {
        lines.push(format!("[[EvaluationError]] {error}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(lines: &[&str]) -> Vec<Value> {
        lines
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn modules_and_imports_become_boxes_and_edges() {
        let svg = module_graph_svg(&events(&[
            r#"{"event":"status","module":"a.js","from":null,"to":"new","DFSIndex":null,"DFSAncestorIndex":null,"AsyncEvaluationOrder":"unset","PendingAsyncDependencies":null,"EvaluationError":null}"#,
            r#"{"event":"load-result","referrer":"a.js","specifier":"./b.js","module":"b.js"}"#,
            r#"{"event":"load-result","referrer":"b.js","specifier":"./a.js","module":"a.js"}"#,
            r#"{"event":"status","module":"b.js","from":"linked","to":"evaluated","DFSIndex":1,"DFSAncestorIndex":0,"AsyncEvaluationOrder":"unset","PendingAsyncDependencies":null,"EvaluationError":null}"#,
        ]))
        .unwrap();
        assert_eq!(svg.matches("<g class=\"module\">").count(), 2);
        assert_eq!(svg.matches("class=\"edge\"").count(), 2);
        assert!(svg.contains("[[Status]] evaluated"));
        assert!(svg.contains(">./b.js</text>"));
        // The cycle's back edge is a curve.
        assert!(svg.contains(" C "));
    }

    #[test]
    fn no_modules_no_graph() {
        assert!(module_graph_svg(&events(&[r#"{"event":"lockdown","options":{}}"#])).is_none());
    }
}
