//! test262 metadata: the YAML between `/*---` and `---*/` at the top of each test.

use serde::Deserialize;

/// The fields of a test's metadata that the runner uses (others are ignored).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub flags: Vec<String>,
    pub negative: Option<Negative>,
    pub features: Vec<String>,
    pub includes: Vec<String>,
}

/// `negative: { phase, type }`: the test must throw `error_type` in `phase` (`parse`,
/// `resolution` or `runtime`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Negative {
    pub phase: String,
    #[serde(rename = "type")]
    pub error_type: String,
}

/// The YAML as written: any list may be missing or `null`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawMetadata {
    flags: Option<Vec<String>>,
    negative: Option<Negative>,
    features: Option<Vec<String>>,
    includes: Option<Vec<String>>,
}

impl Metadata {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// `negative: { phase: parse, type: SyntaxError }`: parsing must fail.
    pub fn expects_parse_error(&self) -> bool {
        self.negative
            .as_ref()
            .is_some_and(|n| n.phase == "parse" && n.error_type == "SyntaxError")
    }
}

/// The text between the first `/*---` and the following `---*/`, if both are there.
pub fn frontmatter(source: &str) -> Option<&str> {
    let start = source.find("/*---")? + "/*---".len();
    let len = source[start..].find("---*/")?;
    Some(&source[start..start + len])
}

/// Reads a test's metadata. A test without a frontmatter block gets the default
/// metadata (no flags: run sloppy and strict, expect success); a block that is not valid
/// YAML of the expected shape is an error.
pub fn parse_metadata(source: &str) -> Result<Metadata, String> {
    let Some(yaml) = frontmatter(source) else {
        return Ok(Metadata::default());
    };
    let raw: RawMetadata = if yaml.trim().is_empty() {
        RawMetadata::default()
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| format!("bad test262 frontmatter: {e}"))?
    };
    Ok(Metadata {
        flags: raw.flags.unwrap_or_default(),
        negative: raw.negative,
        features: raw.features.unwrap_or_default(),
        includes: raw.includes.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_the_runner_uses() {
        let source = "// Copyright\n/*---\ndescription: >\n  a test\nflags: [onlyStrict]\n\
                      negative:\n  phase: parse\n  type: SyntaxError\nfeatures: [class, let]\n\
                      includes: [compareArray.js]\n---*/\n$DONOTEVALUATE();\n";
        let meta = parse_metadata(source).unwrap();
        assert_eq!(meta.flags, ["onlyStrict"]);
        assert_eq!(meta.features, ["class", "let"]);
        assert_eq!(meta.includes, ["compareArray.js"]);
        assert!(meta.has_flag("onlyStrict"));
        assert!(meta.expects_parse_error());
    }

    #[test]
    fn other_negatives_do_not_expect_a_parse_error() {
        let source = "/*---\nnegative:\n  phase: resolution\n  type: SyntaxError\n---*/";
        let meta = parse_metadata(source).unwrap();
        assert_eq!(
            meta.negative.as_ref().map(|n| n.phase.as_str()),
            Some("resolution")
        );
        assert!(!meta.expects_parse_error());
        let source = "/*---\nnegative:\n  phase: runtime\n  type: TypeError\n---*/";
        assert!(!parse_metadata(source).unwrap().expects_parse_error());
    }

    #[test]
    fn missing_or_empty_fields_default() {
        assert_eq!(parse_metadata("x;").unwrap(), Metadata::default());
        assert_eq!(parse_metadata("/*---\n---*/").unwrap(), Metadata::default());
        let meta = parse_metadata("/*---\nfeatures:\nflags:\n---*/").unwrap();
        assert_eq!(meta, Metadata::default());
    }

    #[test]
    fn bad_yaml_is_an_error_not_a_panic() {
        assert!(parse_metadata("/*---\nflags: [\n---*/").is_err());
        assert!(parse_metadata("/*---\nflags: 3\n---*/").is_err());
        assert!(parse_metadata("/*---\nnegative: {phase: parse}\n---*/").is_err());
        // An unterminated block is not a frontmatter block.
        assert_eq!(
            parse_metadata("/*---\nflags: [\n").unwrap(),
            Metadata::default()
        );
    }
}
