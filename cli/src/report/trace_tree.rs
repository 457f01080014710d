//! The spec-step trace of a run as a tree of algorithm calls.
//!
//! The tracer (`compartments::trace`) records a flat stream of executed steps — `9.3.1
//! InitializeHostDefinedRealm step 1: Let realm be ...` — with no call or return marks, so
//! the calls are inferred: a step `1` starts a new call of its algorithm (a child of the
//! call that is running); any other step continues the innermost open call of its
//! algorithm, and the calls opened after it have returned. Before a new call starts, calls
//! whose last step was a plain `Return x.` (one that calls nothing) are closed, before any step. Algorithms
//! whose first executed step is not `1` (their step 1 has no marker, or starts in the
//! middle) open a call at their first step. The inference follows the nesting the markers
//! show; it can misplace a call made by the `Return` step of its caller (shown as the
//! caller's sibling) and, for an algorithm without a plain `Return` step, a call of it made
//! right after another one returned (shown nested in it).
//!
//! Lines the run annotated (module events, printed output) are kept in the call that was
//! running when they happened.

use compartments::trace::{embedded_files, parse_spec_steps, parse_step_number};
use std::collections::HashMap;

/// An annotation line's prefix: the event with this index.
pub const EVENT_MARK: &str = "\u{1}event ";
/// An annotation line's prefix: a line the program printed.
pub const PRINT_MARK: &str = "\u{1}print ";

/// Where an algorithm comes from, for its link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// The clause id (`sec-performeval`, `compartments-load`).
    pub id: String,
    /// The clause number (`19.2.1.1`, `C4.3`).
    pub number: String,
    /// The algorithm's name (`PerformEval`).
    pub name: String,
    /// `ecma262`, `compartments`, `ses`, `import-defer`, `source-phase-imports`.
    pub spec: String,
    /// Our transcription of prose (no numbered algorithm in the source).
    pub informal: bool,
}

impl Clause {
    /// Where the clause is published.
    pub fn url(&self) -> String {
        match self.spec.as_str() {
            "ecma262" => format!("https://tc39.es/ecma262/#{}", self.id),
            "compartments" if !self.informal => {
                format!(
                    "https://tc39.es/proposal-compartments/0-module-and-module-source.html#{}",
                    self.id
                )
            }
            "compartments" => {
                let file = match self.number.get(..2) {
                    Some("C1") => "1-static-analysis.md",
                    Some("C2") => "2-virtual-module-source.md",
                    Some("C3") => "3-evaluator.md",
                    _ => "4-compartment.md",
                };
                format!("https://github.com/tc39/proposal-compartments/blob/master/{file}")
            }
            "import-defer" => format!("https://tc39.es/proposal-defer-import-eval/#{}", self.id),
            "source-phase-imports" => {
                format!("https://tc39.es/proposal-source-phase-imports/#{}", self.id)
            }
            "ses" => "https://github.com/endojs/endo/tree/master/packages/ses".to_string(),
            _ => format!("https://tc39.es/ecma262/#{}", self.id),
        }
    }
}

/// A node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An executed step: its number and text.
    Step { step: String, text: String },
    /// A call of an algorithm.
    Call(Call),
    /// The event with this index happened here.
    Event(usize),
    /// The program printed this line here.
    Printed(String),
}

/// One call of an algorithm and what happened in it, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// Index into [`Tree::clauses`].
    pub clause: usize,
    pub children: Vec<Node>,
}

impl Call {
    /// Executed steps in this call and all calls below it.
    pub fn step_count(&self) -> usize {
        self.children
            .iter()
            .map(|n| match n {
                Node::Step { .. } => 1,
                Node::Call(call) => call.step_count(),
                _ => 0,
            })
            .sum()
    }
}

/// The whole trace.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// The algorithms that appear, each once.
    pub clauses: Vec<Clause>,
    /// The top-level nodes.
    pub roots: Vec<Node>,
    /// Executed steps in the tree.
    pub steps: usize,
    /// Steps left out past the limit.
    pub truncated: usize,
}

/// The transcribed algorithms by (number, name): what a trace line names.
fn clause_index() -> HashMap<(String, String), Clause> {
    embedded_files()
        .iter()
        .filter_map(|(_, text)| parse_spec_steps(text).ok())
        .map(|file| {
            let clause = Clause {
                id: file.id.clone(),
                number: file.number.clone(),
                name: file.name().to_string(),
                spec: file.spec.clone(),
                informal: file.informal,
            };
            ((clause.number.clone(), clause.name.clone()), clause)
        })
        .collect()
}

/// A trace line's parts: number, name, step, text.
pub fn parse_line(line: &str) -> Option<(&str, &str, &str, &str)> {
    let (number, rest) = line.split_once(' ')?;
    let mut from = 0;
    while let Some(at) = rest[from..].find(" step ") {
        let at = from + at;
        let after = &rest[at + " step ".len()..];
        if let Some((step, text)) = after.split_once(": ") {
            if parse_step_number(step).is_some() {
                return Some((number, &rest[..at], step, text));
            }
        }
        from = at + 1;
    }
    None
}

/// Whether a step ends its call without calling anything: `Return x.` with no call in it.
fn is_plain_return(text: &str) -> bool {
    (text.starts_with("Return ") || text.starts_with("Return.")) && !text.contains('(')
}

/// Builds the tree from trace lines (and annotations), keeping at most `limit` steps.
pub fn build(lines: &[String], limit: usize) -> Tree {
    let index = clause_index();
    let mut tree = Tree::default();
    let mut clause_ids: HashMap<(String, String), usize> = HashMap::new();
    // The open calls, outermost first; each is moved into its parent when it closes.
    let mut stack: Vec<(Call, String)> = Vec::new();
    fn close_top(stack: &mut Vec<(Call, String)>, roots: &mut Vec<Node>) {
        if let Some((call, _)) = stack.pop() {
            match stack.last_mut() {
                Some((parent, _)) => parent.children.push(Node::Call(call)),
                None => roots.push(Node::Call(call)),
            }
        }
    }
    let push_node = |stack: &mut Vec<(Call, String)>, roots: &mut Vec<Node>, node: Node| match stack
        .last_mut()
    {
        Some((call, _)) => call.children.push(node),
        None => roots.push(node),
    };
    for line in lines {
        if let Some(index) = line.strip_prefix(EVENT_MARK) {
            if let Ok(i) = index.parse::<usize>() {
                push_node(&mut stack, &mut tree.roots, Node::Event(i));
            }
            continue;
        }
        if let Some(text) = line.strip_prefix(PRINT_MARK) {
            push_node(&mut stack, &mut tree.roots, Node::Printed(text.to_string()));
            continue;
        }
        let Some((number, name, step, text)) = parse_line(line) else {
            continue;
        };
        if tree.steps >= limit {
            tree.truncated += 1;
            continue;
        }
        tree.steps += 1;
        let key = (number.to_string(), name.to_string());
        let clause = *clause_ids.entry(key.clone()).or_insert_with(|| {
            tree.clauses
                .push(index.get(&key).cloned().unwrap_or(Clause {
                    id: String::new(),
                    number: number.to_string(),
                    name: name.to_string(),
                    spec: "ecma262".to_string(),
                    informal: false,
                }));
            tree.clauses.len() - 1
        });
        // Calls whose last step returned plainly are over.
        while stack.last().is_some_and(|(_, last)| is_plain_return(last)) {
            close_top(&mut stack, &mut tree.roots);
        }
        let open = stack.iter().rposition(|(call, _)| call.clause == clause);
        let continues = step != "1" && open.is_some();
        if continues {
            let depth = open.unwrap_or(0);
            while stack.len() > depth + 1 {
                close_top(&mut stack, &mut tree.roots);
            }
        } else {
            stack.push((
                Call {
                    clause,
                    children: Vec::new(),
                },
                String::new(),
            ));
        }
        if let Some((call, last)) = stack.last_mut() {
            call.children.push(Node::Step {
                step: step.to_string(),
                text: text.to_string(),
            });
            *last = text.to_string();
        }
    }
    while !stack.is_empty() {
        close_top(&mut stack, &mut tree.roots);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_trace_line_splits_into_its_parts() {
        assert_eq!(
            parse_line("19.2.1.1 PerformEval step 6: Let inFunction be false."),
            Some(("19.2.1.1", "PerformEval", "6", "Let inFunction be false."))
        );
        assert_eq!(
            parse_line("L0.Module.4.2 get Module.prototype.source step 2.a: Return M."),
            Some((
                "L0.Module.4.2",
                "get Module.prototype.source",
                "2.a",
                "Return M."
            ))
        );
        assert_eq!(parse_line("not a trace line"), None);
    }

    /// The shape of a tree: `name[children]`, steps as their numbers.
    fn shape(tree: &Tree, nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Step { step, .. } => step.clone(),
                Node::Call(call) => format!(
                    "{}[{}]",
                    tree.clauses[call.clause].name,
                    shape(tree, &call.children)
                ),
                Node::Event(i) => format!("e{i}"),
                Node::Printed(p) => format!("p:{p}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn calls_nest_and_return() {
        let trace = lines(
            "1 A step 1: Let x be B(1).\n\
             2 B step 1: Let y be 2.\n\
             2 B step 2: Return y.\n\
             1 A step 2: Let z be B(2).\n\
             2 B step 1: Let y be 2.\n\
             \u{1}event 0\n\
             2 B step 2: Return y.\n\
             2 B step 1: Let y be 3.\n\
             1 A step 3: Return z.",
        );
        let tree = build(&trace, 100);
        assert_eq!(shape(&tree, &tree.roots), "A[1 B[1 2] 2 B[1 e0 2] B[1] 3]");
        assert_eq!(tree.steps, 8);
    }

    #[test]
    fn recursion_nests_and_the_limit_truncates() {
        let trace = lines(
            "1 A step 1: Call A(x).\n\
             1 A step 1: Call A(y).\n\
             1 A step 2: Return.\n\
             1 A step 2: Return.",
        );
        let tree = build(&trace, 100);
        assert_eq!(shape(&tree, &tree.roots), "A[1 A[1 2] 2]");
        let short = build(&trace, 2);
        assert_eq!(short.truncated, 2);
    }
}
