//! Minimising a finding: delta debugging (ddmin) over its lines, then over its characters,
//! keeping every candidate that still gives the same verdict signature (the kind, and for
//! a panic the place it panicked), within a budget of runs.

use super::Runner;

/// The smallest variant of `text` found in `budget` runs that still has `signature`.
pub fn minimize(
    runner: &mut Runner,
    text: &str,
    signature: &str,
    budget: usize,
) -> Result<String, String> {
    let mut runs = 0;
    let mut still_fails = |candidate: &str, runs: &mut usize| -> Result<bool, String> {
        *runs += 1;
        Ok(runner.run(candidate)?.signature() == signature)
    };
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let lines = ddmin(lines, "\n", budget / 2, &mut runs, &mut still_fails)?;
    let text = lines.join("\n");
    let chars: Vec<String> = text.chars().map(String::from).collect();
    let chars = if chars.len() <= 2000 {
        ddmin(chars, "", budget, &mut runs, &mut still_fails)?
    } else {
        chars
    };
    Ok(chars.concat())
}

/// ddmin: removes chunks of `parts` (halves, quarters, ...) while the rest still fails.
fn ddmin(
    mut parts: Vec<String>,
    joiner: &str,
    budget: usize,
    runs: &mut usize,
    still_fails: &mut impl FnMut(&str, &mut usize) -> Result<bool, String>,
) -> Result<Vec<String>, String> {
    let mut granularity = 2;
    while parts.len() >= 2 && *runs < budget {
        let chunk = parts.len().div_ceil(granularity);
        let mut reduced = false;
        let mut start = 0;
        while start < parts.len() && *runs < budget {
            let end = (start + chunk).min(parts.len());
            let candidate: Vec<String> = parts[..start]
                .iter()
                .chain(parts[end..].iter())
                .cloned()
                .collect();
            if !candidate.is_empty() && still_fails(&candidate.join(joiner), runs)? {
                parts = candidate;
                reduced = true;
            } else {
                start = end;
            }
        }
        if !reduced {
            if granularity >= parts.len() {
                break;
            }
            granularity = (granularity * 2).min(parts.len());
        }
    }
    Ok(parts)
}
