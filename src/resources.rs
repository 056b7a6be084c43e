//! Lexicons and rules from `dictionaries/`, loaded once and shared read-only by every thread.
//!
//! The files are embedded in the binary at build time (so `kornews pipe` needs nothing beside
//! it); `--dictionaries DIR` loads the same file names from a directory instead. A bad row is
//! reported as `file:line`.

use std::path::Path;

use sha2::{Digest, Sha256};

/// The data files kornews reads, by name.
pub const FILES: &[(&str, &str)] = &[
    ("boilerplate.tsv", include_str!("../dictionaries/boilerplate.tsv")),
    ("sections.txt", include_str!("../dictionaries/sections.txt")),
    ("abbreviations.txt", include_str!("../dictionaries/abbreviations.txt")),
    ("user_dict.csv", include_str!("../dictionaries/user_dict.csv")),
    ("ner/locations.tsv", include_str!("../dictionaries/ner/locations.tsv")),
    ("ner/organizations.tsv", include_str!("../dictionaries/ner/organizations.tsv")),
    ("ner/org_suffixes.txt", include_str!("../dictionaries/ner/org_suffixes.txt")),
    ("ner/org_stoplist.txt", include_str!("../dictionaries/ner/org_stoplist.txt")),
    ("ner/org_descriptors.txt", include_str!("../dictionaries/ner/org_descriptors.txt")),
    ("ner/latin_org_endings.txt", include_str!("../dictionaries/ner/latin_org_endings.txt")),
    ("ner/location_suffixes.txt", include_str!("../dictionaries/ner/location_suffixes.txt")),
    ("ner/roles.txt", include_str!("../dictionaries/ner/roles.txt")),
    ("ner/surnames.txt", include_str!("../dictionaries/ner/surnames.txt")),
    ("ner/units.tsv", include_str!("../dictionaries/ner/units.tsv")),
    ("ner/context_words.tsv", include_str!("../dictionaries/ner/context_words.tsv")),
    ("quotes/quotes.tsv", include_str!("../dictionaries/quotes/quotes.tsv")),
    ("commitments/commitments.tsv", include_str!("../dictionaries/commitments/commitments.tsv")),
];

/// One loaded data file.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: &'static str,
    pub text: String,
    pub sha256: String,
    /// Where it came from: `embedded` or a path.
    pub origin: String,
}

/// All data files.
#[derive(Debug, Clone)]
pub struct DataFiles {
    pub files: Vec<DataFile>,
}

impl DataFiles {
    pub fn embedded() -> Self {
        let files = FILES
            .iter()
            .map(|(name, text)| DataFile {
                name,
                text: text.to_string(),
                sha256: hex::encode(Sha256::digest(text.as_bytes())),
                origin: "embedded".into(),
            })
            .collect();
        DataFiles { files }
    }

    /// Loads every file from `dir`; a missing file is an error.
    pub fn from_dir(dir: &Path) -> Result<Self, String> {
        let mut files = Vec::new();
        for (name, _) in FILES {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            files.push(DataFile {
                name,
                sha256: hex::encode(Sha256::digest(text.as_bytes())),
                text,
                origin: path.display().to_string(),
            });
        }
        Ok(DataFiles { files })
    }

    pub fn get(&self, name: &str) -> &DataFile {
        self.files.iter().find(|f| f.name == name).expect("known data file")
    }

    /// The rows of a `class<TAB>word` lexicon: (`file:line` for messages, class, word), with a
    /// row that has no tab or no word reported as `file:line`.
    pub fn class_words<'a>(&'a self, name: &'a str) -> Result<Vec<(String, &'a str, &'a str)>, String> {
        self.lines(name)
            .map(|(no, line)| {
                let (class, word) = line.split_once('\t').ok_or_else(|| format!("{name}:{no}: expected class<TAB>word"))?;
                let word = word.trim();
                if word.is_empty() {
                    return Err(format!("{name}:{no}: empty word"));
                }
                Ok((format!("{name}:{no}"), class, word))
            })
            .collect()
    }

    /// The meaningful lines of a data file, with 1-based line numbers: comments (`#` first) and
    /// blank lines are skipped.
    pub fn lines<'a>(&'a self, name: &str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.get(name)
            .text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
    }
}
