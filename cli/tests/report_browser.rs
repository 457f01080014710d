//! `compartments run --report FILE.html` in a real browser: headless Chromium (Debian's
//! `chromium`, `$CHROMIUM` to use another) loads a generated report of
//! `tests/scripts/graph/a.js` over the DevTools protocol, with no console error or
//! exception; a trace node expands when its summary is clicked and shows its steps; an event's
//! "in the trace" link opens the nodes around the event; "Expand all" opens every node; the
//! module graph is drawn. A screenshot with one node expanded is written to
//! `target/report-screenshot.png` (and to `docs/run-report.png` with
//! `COMPARTMENTS_UPDATE_SCREENSHOT=1`).
//!
//! Without a browser the test says so and checks what it can without one: the page's tags
//! are balanced, it loads nothing from the network, and its script runs — in our own
//! engine, over a minimal stand-in for the DOM calls it makes — without an exception.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::host::stack::on_big_stack;
use compartments::syntax::parse_script;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the report of `tests/scripts/graph/a.js` to a fresh directory; its path.
fn generate_report(tag: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("compartments-report-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_compartments"))
        .current_dir(repository())
        .args(["run", "--module", "--report"])
        .arg(&report)
        .arg("tests/scripts/graph/a.js")
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "compartments run --report failed");
    report
}

/// The elements that have no end tag.
const VOID: &[&str] = &["meta", "br", "link", "img", "input", "hr", "path", "rect"];

/// Checks that every start tag has its end tag, in order (self-closing tags aside), outside
/// the script and style elements' text.
fn check_balanced(html: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with('!') {
            rest = &rest[rest.find('>').unwrap() + 1..];
            continue;
        }
        let end = rest.find('>').expect("an unterminated tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let expected = open.pop().unwrap_or_default();
            assert_eq!(name.trim(), expected, "</{name}> closes <{expected}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}>");
            rest = &rest[rest.find(&close).expect("a closed script or style") + close.len()..];
            continue;
        }
        open.push(name);
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

/// Runs the page's script in our engine with a stand-in `document`.
fn run_script_without_a_browser(html: &str) {
    let start = html.find("<script>").expect("a script") + "<script>".len();
    let end = html[start..].find("</script>").unwrap() + start;
    let script = format!(
        "var calls = [];
         function element() {{
           return {{ addEventListener: function (type, f) {{ calls.push(type); }}, classList: {{ add: function () {{}}, remove: function () {{}} }},
                     getAttribute: function () {{ return '#x'; }}, scrollIntoView: function () {{}}, parentElement: null }};
         }}
         var document = {{
           getElementById: function () {{ return element(); }},
           querySelectorAll: function () {{ return [element(), element()]; }}
         }};
         {}
         if (calls.length !== 4) throw new Error('listeners added: ' + calls.length);",
        &html[start..end]
    );
    let result = on_big_stack(move || {
        let program = parse_script(&script).map_err(|e| e.message.clone())?;
        let mut engine = Engine::new(EngineOptions {
            test262: false,
            capture_print: true,
            ..EngineOptions::default()
        });
        let source = ScriptSource {
            name: "report-script.js".to_string(),
            text: Arc::from(script.as_str()),
            program: Arc::new(program),
        };
        engine.evaluate_script(&source).map_err(|u| u.report)
    })
    .unwrap();
    assert_eq!(result, Ok(()), "the page's script threw");
}

#[test]
fn the_report_is_well_formed_and_self_contained() {
    let report = generate_report("static");
    let html = std::fs::read_to_string(&report).unwrap();
    check_balanced(&html);
    for external in ["src=\"http", "<link", "@import", "url(http"] {
        assert!(!html.contains(external), "the page loads {external}");
    }
    run_script_without_a_browser(&html);
    let _ = std::fs::remove_dir_all(report.parent().unwrap());
}

/// The browser: `$CHROMIUM`, else the first of Debian's and Google's names on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// A DevTools-protocol connection to a page.
struct DevTools {
    socket: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
    session: String,
    /// Every event received, in order.
    events: Vec<Value>,
}

impl DevTools {
    fn send(&mut self, method: &str, params: Value, session: bool) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if session {
            message["sessionId"] = Value::String(self.session.clone());
        }
        self.socket
            .send(tungstenite::Message::text(message.to_string()))
            .expect("a DevTools message sent");
        loop {
            let reply: Value = match self.socket.read().expect("a DevTools message") {
                tungstenite::Message::Text(text) => serde_json::from_str(text.as_str()).unwrap(),
                _ => continue,
            };
            if reply["id"] == json!(id) {
                assert!(reply.get("error").is_none(), "{method} failed: {reply}");
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    /// Waits for an event of `method` (for the page's session).
    fn wait_for(&mut self, method: &str) {
        if self.events.iter().any(|e| e["method"] == method) {
            return;
        }
        loop {
            if let tungstenite::Message::Text(text) = self.socket.read().expect("a DevTools event")
            {
                let event: Value = serde_json::from_str(text.as_str()).unwrap();
                let found = event["method"] == method;
                self.events.push(event);
                if found {
                    return;
                }
            }
        }
    }

    /// Evaluates `expression` in the page: its value.
    fn evaluate(&mut self, expression: &str) -> Value {
        let result = self.send(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "userGesture": true }),
            true,
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression} threw: {result}"
        );
        result["result"]["value"].clone()
    }
}

/// Ends the browser when dropped.
struct Browser(Child, PathBuf);

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = std::fs::remove_dir_all(&self.1);
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => 0,
        }
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | value(c) << (18 - 6 * i));
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let all = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&all[..3 - pad.min(2)]);
    }
    out
}

/// Starts the browser and connects to a new page.
fn open_page(browser_path: &Path) -> (Browser, DevTools) {
    let profile =
        std::env::temp_dir().join(format!("compartments-chromium-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let mut child = Command::new(browser_path)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-port=0",
            "--window-size=1280,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let stderr = child.stderr.take().unwrap();
    let browser = Browser(child, profile);
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(url) = line.split("DevTools listening on ").nth(1) {
                let _ = send.send(url.trim().to_string());
            }
        }
    });
    let url = receive
        .recv_timeout(Duration::from_secs(60))
        .expect("chromium prints its DevTools address");
    let address = url
        .trim_start_matches("ws://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let stream = TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let (socket, _) = tungstenite::client(url.as_str(), stream).expect("the DevTools socket");
    let mut devtools = DevTools {
        socket,
        next_id: 0,
        session: String::new(),
        events: Vec::new(),
    };
    let target = devtools.send(
        "Target.createTarget",
        json!({ "url": "about:blank" }),
        false,
    );
    let attached = devtools.send(
        "Target.attachToTarget",
        json!({ "targetId": target["targetId"], "flatten": true }),
        false,
    );
    devtools.session = attached["sessionId"].as_str().unwrap().to_string();
    for domain in ["Runtime.enable", "Log.enable", "Page.enable"] {
        devtools.send(domain, json!({}), true);
    }
    (browser, devtools)
}

#[test]
fn the_report_works_in_headless_chromium() {
    let Some(browser_path) = chromium() else {
        eprintln!(
            "headless Chromium not available (no chromium, chromium-browser or google-chrome on \
             the PATH, and no $CHROMIUM): the browser test is not run; \
             the_report_is_well_formed_and_self_contained checked the page without a browser"
        );
        return;
    };
    let report = generate_report("browser");
    let (_browser, mut page) = open_page(&browser_path);
    let url = format!("file://{}", report.display());
    page.send("Page.navigate", json!({ "url": url }), true);
    page.wait_for("Page.loadEventFired");
    let started = Instant::now();

    // A node expands when its summary is clicked, and shows its steps.
    let expanded = page.evaluate(
        "(() => {
           const details = document.querySelector('ol.tree > li.call > details');
           const before = details.open;
           details.querySelector('summary').click();
           const step = details.querySelector(':scope > ol > li.step');
           return { before, after: details.open, stepShown: step !== null && step.getBoundingClientRect().height > 0 };
         })()",
    );
    assert_eq!(
        expanded,
        json!({ "before": false, "after": true, "stepShown": true })
    );
    // An event's link opens the nodes around it in the trace.
    let revealed = page.evaluate(
        "(() => {
           document.querySelector('a.to-trace[href=\"#trace-event-5\"]').click();
           const target = document.getElementById('trace-event-5');
           let open = true;
           for (let n = target.parentElement; n; n = n.parentElement) {
             if (n.tagName === 'DETAILS' && !n.open) open = false;
           }
           return open && target.classList.contains('highlight') && target.getBoundingClientRect().height > 0;
         })()",
    );
    assert_eq!(revealed, json!(true));
    // Expand all and collapse all.
    let all = page.evaluate(
        "(() => {
           document.getElementById('expand-all').click();
           const total = document.querySelectorAll('ol.tree details').length;
           const open = document.querySelectorAll('ol.tree details[open]').length;
           document.getElementById('collapse-all').click();
           return { total: total > 10, allOpen: open === total, closed: document.querySelectorAll('ol.tree details[open]').length };
         })()",
    );
    assert_eq!(all, json!({ "total": true, "allOpen": true, "closed": 0 }));
    // The module graph: a box per module, an arrow per import.
    let graph = page.evaluate(
        "[document.querySelectorAll('svg.graph g.module').length, document.querySelectorAll('svg.graph path.edge').length]",
    );
    assert_eq!(graph, json!([3, 3]));

    // The screenshot: the Link call expanded, its first nested call too.
    page.evaluate(
        "(() => {
           const calls = [...document.querySelectorAll('ol.tree > li.call > details')];
           const link = calls.find(d => d.querySelector('.alg').textContent === 'Link') || calls[0];
           link.open = true;
           const inner = link.querySelector(':scope > ol > li.call > details');
           if (inner) inner.open = true;
           document.getElementById('trace').scrollIntoView();
           return true;
         })()",
    );
    let shot = page.send("Page.captureScreenshot", json!({ "format": "png" }), true);
    let png = base64_decode(shot["data"].as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    // (`target/` of the repository, which a build with another CARGO_TARGET_DIR does not
    // make.)
    let target = repository().join("target/report-screenshot.png");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, &png).unwrap();
    if std::env::var_os("COMPARTMENTS_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(repository().join("docs/run-report.png"), &png).unwrap();
    }

    // No console error, no exception, anywhere in the session.
    let problems: Vec<&Value> = page
        .events
        .iter()
        .filter(|e| {
            e["method"] == "Runtime.exceptionThrown"
                || (e["method"] == "Runtime.consoleAPICalled" && e["params"]["type"] == "error")
                || (e["method"] == "Log.entryAdded" && e["params"]["entry"]["level"] == "error")
        })
        .collect();
    assert!(problems.is_empty(), "console errors: {problems:?}");
    assert!(started.elapsed() < Duration::from_secs(120));
    let _ = std::fs::remove_dir_all(report.parent().unwrap());
}
