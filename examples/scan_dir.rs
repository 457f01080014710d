use compartments::syntax::{parse, ParseOptions};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let expect_ok = args[0] == "pass";
    let dir = &args[1];
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let (mut good, mut bad) = (0, 0);
    for path in entries {
        let source = std::fs::read_to_string(&path).unwrap();
        let module = path.to_string_lossy().ends_with(".module.js");
        let options = if module {
            ParseOptions::module()
        } else {
            ParseOptions::script()
        };
        let r = std::panic::catch_unwind(|| parse(&source, options));
        let ok = matches!(r, Ok(Ok(_)));
        if ok == expect_ok {
            good += 1
        } else {
            bad += 1;
            let msg = match r {
                Ok(Err(e)) => format!("{e}"),
                Ok(Ok(_)) => "parsed".into(),
                Err(_) => "PANIC".into(),
            };
            println!(
                "{} :: {} :: {}",
                path.display(),
                msg,
                source
                    .chars()
                    .take(100)
                    .collect::<String>()
                    .replace('\n', "⏎")
            );
        }
    }
    println!("{good} good, {bad} bad");
}
